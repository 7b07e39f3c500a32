"""The outside validators `make test` runs: the Nu HTML Checker (vnu.jar, Java) and LinkChecker.

Both take a whole tree (vnu: one call over a directory, HTML files found by itself; LinkChecker:
a crawl from a start page), so a new page type or file is checked without any change here.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tools.common.paths import REPO
from tools.model.publication import WRITTEN_AFTER_BUILD
from tools.site import material

# Installed by `make test-deps` (npm ci from package.json / package-lock.json, vnu-jar 26.9.27).
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"
LINKCHECKER = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or "linkchecker"


@dataclass(frozen=True)
class HtmlError:
    page: str  # relative to the checked tree
    line: int
    message: str
    element: str  # the markup vnu highlights

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message} {self.element}"


def vnu(tree: Path) -> list[HtmlError]:
    """Every error the Nu HTML Checker reports on the HTML files under `tree` (one call)."""
    import json

    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json", str(tree)],
        capture_output=True, text=True,
    )
    # vnu exits 1 when it found errors; anything else without a JSON report is a failure to run.
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stderr or result.stdout)
    errors = []
    for message in report["messages"]:
        extract = message.get("extract", "")
        start = message.get("hiliteStart", 0)
        element = extract[start: start + message.get("hiliteLength", 0)]
        page = message.get("url", "").removeprefix("file:")
        page = os.path.relpath(page, tree) if page.startswith("/") else page
        errors.append(HtmlError(page, message.get("lastLine", 0), message["message"], element))
    return errors


def not_allowed(errors: list[HtmlError]) -> list[HtmlError]:
    """The errors that are not Material's documented ones (tools/site/material.py)."""
    return [error for error in errors if (error.message, error.element) not in material.VALIDATOR_ALLOWANCE]


# -- LinkChecker ----------------------------------------------------------------------------------

# What the crawl leaves out, each checked elsewhere: the PDF handouts, the EPUBs and the offline zip
# are written after the MkDocs build that the tests read (tests/test_pdf.py and tests/test_epub.py
# check the pages' links to them, tests/test_links.py the zip's place and contents).
IGNORED = [rf"/{pattern}$" for pattern in WRITTEN_AFTER_BUILD] + [r"/ip-plans-offline\.zip$"]
CONFIG = """[checking]
threads=4
# The test server answers with a LinkChecker header, which lifts the default 10 requests/s.
maxrequestspersecond=1000
recursionlevel={recursion}
[filtering]
checkextern=0
ignore=
{ignored}
{anchors}
[output]
status=0
"""
# LinkChecker's AnchorCheck fetches and parses a page again for every distinct page#anchor URL: on this
# site ≈ 380 of them, ≈ 210 s per crawl on two cores. `make test` crawls pages and files (≈ 15 s per
# crawl) and leaves the anchors to tests/test_links.py, which reads each page once; `make linkcheck`
# (run by .ci/run after `make test`) crawls with AnchorCheck, served and offline.
ANCHOR_CHECK = "[AnchorCheck]"


@dataclass(frozen=True)
class LinkProblem:
    url: str
    parent: str
    result: str
    warning: str

    def __str__(self) -> str:
        return f"{self.parent} → {self.url}: {self.result} {self.warning}".strip()


@dataclass
class Crawl:
    checked: list[str]  # every URL LinkChecker checked
    problems: list[LinkProblem]  # broken links (errors) and missing anchors (warnings)


def readable_dir() -> Path:
    """A directory LinkChecker can read: run as root, it drops to `nobody` before it starts."""
    folder = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    folder.chmod(0o755)
    return folder


def linkchecker(start: str, work: Path, anchors: bool = False, recursion: int = -1) -> Crawl:
    """Crawl from `start` (http:// or file://), internal links only; with `anchors`, their #anchors too.
    `recursion` -1 follows every internal link; 1 checks only the links of the start page."""
    config = work / "linkcheckerrc"
    config.write_text(CONFIG.format(ignored="\n".join(f"  {pattern}" for pattern in IGNORED), recursion=recursion,
                                    anchors=ANCHOR_CHECK if anchors else ""), encoding="utf-8")
    config.chmod(0o644)
    result = subprocess.run(
        [LINKCHECKER, "--config", str(config), "--verbose", "--output", "csv/utf-8", start],
        capture_output=True, text=True, cwd=work,
        env=dict(os.environ, HOME=str(work), XDG_CONFIG_HOME=str(work), XDG_DATA_HOME=str(work)),
    )
    assert result.returncode in (0, 1), result.stderr  # 2: LinkChecker itself failed
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    checked, problems = [], []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        checked.append(row["url"] or row["urlname"])
        if row["valid"] != "True" or row["warningstring"]:
            problems.append(LinkProblem(row["urlname"], row["parentname"], row["result"], row["warningstring"]))
    return Crawl(checked, problems)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


def readable_copy(tree: Path) -> tuple[Path, Path]:
    """A copy of `tree` that LinkChecker (as `nobody`) can read, and the work directory holding it."""
    work = readable_dir()
    copy = work / "tree"
    shutil.copytree(tree, copy)
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return copy, work


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # LinkChecker closes a connection once it has read what it needs: not an error of the site


@contextmanager
def serve(root: Path):
    """`root` on http://127.0.0.1:<free port>/."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
