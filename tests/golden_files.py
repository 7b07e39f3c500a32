"""Golden-file comparison with a unified diff, as OpenCC's tests do."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest


def compare(path: Path, actual: str, update: bool) -> None:
    if update or not path.exists():
        if not update:
            pytest.fail(f"golden file {path} is missing; run pytest --update-golden")
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"{path} (expected)", tofile="actual", n=1,
        ))
        pytest.fail(f"output differs from {path.name}; if intended, run pytest --update-golden\n{diff[:6000]}")
