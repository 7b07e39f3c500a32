"""Whether docs/ is already what `python -m tools build` would write, without building it.

After a build, a digest of everything the build reads and writes is kept in .cache/: every
file of the sources tree, the pipeline's code, the pinned requirements, the Python version,
and every file under docs/ as written. When the next build finds the same digest, nothing
can have changed (the build is deterministic: tests/test_pipeline.py), so it stops there.
Any edit, to a source, to the code or by hand to docs/, changes the digest and the build
runs in full; `build --force` (the benchmark) always does.

This module imports nothing of the pipeline, so the check costs no more than hashing.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from tools.common.paths import CACHE, REPO

CODE = REPO / "tools"
REQUIREMENTS = REPO / "requirements.txt"
KEEP = 16


def digest(sources: Path, docs: Path) -> str:
    hasher = hashlib.sha256(sys.version.encode())
    for label, root, pattern in (("sources", sources, "*"), ("code", CODE, "*.py"), ("docs", docs, "*")):
        hasher.update(f"\0{label}:{root.resolve()}\0".encode())
        for path in sorted(root.rglob(pattern)) if root.exists() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                hasher.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    hasher.update(REQUIREMENTS.read_bytes())
    return hasher.hexdigest()


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
