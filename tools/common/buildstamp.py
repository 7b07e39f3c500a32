"""Whether docs/ is already what `python -m tools build` would write, without building it.

After a build, a key of everything the build reads and writes is kept in .cache/
(`tools.common.cachekey`): every file of the sources tree, the pipeline's code (all of `tools/`:
the build runs nearly every module, and reading the files is cheaper than parsing their imports),
the installed versions of the pinned requirements, the Python version, and every file under
docs/ as written. When the next build finds the same digest, nothing
can have changed (the build is deterministic: tests/test_pipeline.py), so it stops there.
Any edit, to a source, to the code or by hand to docs/, changes the digest and the build
runs in full; `build --force` (the benchmark) always does.

This module imports nothing of the pipeline, so the check costs no more than hashing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tools.common.cachekey import WHOLE_PACKAGE, Key, requirement_names
from tools.common.paths import CACHE, REPO

REQUIREMENTS = REPO / "requirements.txt"
KEEP = 16


def digest(sources: Path, docs: Path) -> str:
    key = Key("docs", code=[WHOLE_PACKAGE], libraries=requirement_names(REQUIREMENTS))
    return key.add_tree(sources).add_tree(docs).hexdigest(64)


def stamp_path(docs: Path, cache: Path | None = None) -> Path:
    """One stamp per docs folder (the real one, a test's, the benchmark's)."""
    return (cache or CACHE) / "docs" / (hashlib.sha256(str(docs.resolve()).encode()).hexdigest()[:16] + ".txt")


def is_current(sources: Path, docs: Path, cache: Path | None = None) -> bool:
    stamp = stamp_path(docs, cache)
    return stamp.is_file() and stamp.read_text(encoding="utf-8") == digest(sources, docs)


def record(sources: Path, docs: Path, cache: Path | None = None) -> None:
    stamp = stamp_path(docs, cache)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest(sources, docs), encoding="utf-8")
    # Test runs build into temporary folders: keep the newest stamps, not one per run forever.
    for old in sorted(stamp.parent.glob("*.txt"), key=lambda path: path.stat().st_mtime)[:-KEEP]:
        old.unlink(missing_ok=True)
