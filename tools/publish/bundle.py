"""Zip site/ into the offline bundle, byte-for-byte reproducible."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

BUNDLE_FOLDER = "ip-plans-offline"
# The zip is also published inside site/ under this name, so that the home page and the footer
# can link to it (tools/site/hooks.py); it is never zipped into itself.
ZIP_NAME = f"{BUNDLE_FOLDER}.zip"
README_NAME = "README.txt"


def readme_text() -> str:
    """How to open the bundle, in Chinese then English (sources/ui.toml), beside index.html."""
    from tools.common.paths import SOURCES
    from tools.common.ui import load_strings

    strings = load_strings(SOURCES.ui)
    return strings.get("zh", "offline_readme").strip() + "\n\n" + "-" * 40 + "\n\n" + strings.get("en", "offline_readme").strip() + "\n"


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
    paths = {path.relative_to(site).as_posix(): path for path in site.rglob("*") if path.is_file()}
    paths.pop(ZIP_NAME, None)  # the copy published inside site/: never read, never zipped into itself
    readme = readme_text().encode("utf-8")
    # zlib's default level: level 9 took twice as long for a zip 0.6% smaller (most of it is PDFs).
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in sorted(paths.keys() | {README_NAME}):
            info = zipfile.ZipInfo(f"{BUNDLE_FOLDER}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, readme if name == README_NAME else paths[name].read_bytes())
    return target.stat().st_size


def publish_bundle(site: Path, target: Path) -> int:
    """Write the bundle, and a copy of it into site/ where the site's links point."""
    size = make_bundle(site, target)
    (site / ZIP_NAME).write_bytes(target.read_bytes())
    return size
