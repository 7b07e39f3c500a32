"""The site engine: ProperDocs (the maintained continuation of MkDocs 1.x), with Material as its theme.

One place says how the site is built (`command`), so the Makefile's targets, the tests and the
benchmarks run the same engine; and one place says which deprecation or end-of-life notices the
engine, the theme or a plugin may print today (`KNOWN_NOTICES`), so that `make test` fails on any
new one (tests/test_engine.py builds the site with its full log and calls `unexpected_notices`).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from tools.common.paths import REPO

ENGINE = "properdocs"
CONFIG = REPO / "mkdocs.yml"  # named with -f, so ProperDocs does not warn about the legacy file name

# A line that announces a deprecation, a removal or an end of support. ProperDocs logs Python's
# DeprecationWarning / PendingDeprecationWarning / FutureWarning as "<Category>: <message>" (INFO),
# and plugins print their own notices to stderr: both are caught by wording, not by log level.
NOTICE = re.compile(
    r"DeprecationWarning|PendingDeprecationWarning|FutureWarning|deprecat|end of life|end-of-life"
    r"|will be removed|no longer (?:be )?supported|successor|obsolete",
    re.IGNORECASE,
)

# Known notices, each with why it is accepted. A new notice is not added here without reading it.
KNOWN_NOTICES: dict[str, str] = {
    # Material 9.8.1 prints this (under the `mkdocs` executable only; ProperDocs is not `mkdocs`)
    # on every build. Its successor, Zensical, cannot run from installable packages today (0.1.1
    # lacks zensical_ui); ARCHITECTURE.md lists what the project takes from Material for that move.
    r"Material for MkDocs reaches end of life on May 5, 2027": "Material end-of-life notice",
    r"Critical fixes and security updates continue until that date": "Material end-of-life notice",
    r"Zensical is its maintained successor": "Material end-of-life notice",
}


def executable(name: str = ENGINE) -> str:
    """The engine's script in the running interpreter's environment (the project's .venv)."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or name


def command(*options: str, config: Path | str = CONFIG, strict: bool = True) -> list[str]:
    """`properdocs build [--strict] -f <config> <options…>`."""
    return [executable(), "build", *(["--strict"] if strict else []), "-f", str(config), *options]


def notices(log: str) -> list[str]:
    """Every line of a build log that announces a deprecation or an end of support."""
    return [line.strip() for line in log.splitlines() if NOTICE.search(line)]


def unexpected_notices(log: str) -> list[str]:
    """The notices of a build log that are not in KNOWN_NOTICES."""
    return [line for line in notices(log) if not any(re.search(known, line) for known in KNOWN_NOTICES)]
