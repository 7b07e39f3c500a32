"""Two clean builds give byte-identical site/ trees and bundles, with SOURCE_DATE_EPOCH honoured."""

from __future__ import annotations

import gzip
import hashlib
import time
import zipfile
from pathlib import Path

from support import EPOCH

from tools.publish.bundle import make_bundle


def digests(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(built_site, second_build, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    second, _ = second_build
    first_files, second_files = digests(built_site), digests(second)
    assert first_files.keys() == second_files.keys()
    differing = [name for name in first_files if first_files[name] != second_files[name]]
    assert differing == []
    zips = []
    for name, site in (("a.zip", built_site), ("b.zip", second)):
        make_bundle(site, tmp_path / name)
        zips.append((tmp_path / name).read_bytes())
    assert zips[0] == zips[1]


def test_dates_come_from_source_date_epoch(built_site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    day = time.strftime("%Y-%m-%d", time.gmtime(int(EPOCH)))
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{day}</lastmod>" in sitemap
    assert "None" not in sitemap, "URLs must not be prefixed with an unset site_url"
    with gzip.open(built_site / "sitemap.xml.gz") as packed:
        assert packed.read().decode("utf-8") == sitemap
    assert int.from_bytes((built_site / "sitemap.xml.gz").read_bytes()[4:8], "little") == int(EPOCH)
    archive = tmp_path / "bundle.zip"
    make_bundle(built_site, archive)
    with zipfile.ZipFile(archive) as zipped:
        assert {info.date_time for info in zipped.infolist()} == {time.gmtime(int(EPOCH))[:6]}
