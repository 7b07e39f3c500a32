"""Zip site/ into the offline bundle, byte-for-byte reproducible."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

BUNDLE_FOLDER = "ip-plans-offline"


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """SOURCE_DATE_EPOCH (UTC) as a zip date; zip cannot store dates before 1980."""
    import time

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    return time.gmtime(max(epoch, 315532800))[:6]


def make_bundle(site: Path, target: Path) -> int:
    """Write every file of site/ under one folder, sorted, with fixed dates and modes. Returns the size."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site}/index.html not found; run `make site` first")
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = zip_timestamp()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{BUNDLE_FOLDER}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return target.stat().st_size
