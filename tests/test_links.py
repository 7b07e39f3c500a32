"""Every internal link and #anchor of every built page resolves, in both languages and in the bundle."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from tools.model.publication import written_after_build
from tools.publish.bundle import BUNDLE_FOLDER, README_NAME, ZIP_NAME, make_bundle, publish_bundle


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag in ("link", "script", "img") and (attributes.get("href") or attributes.get("src")):
            self.hrefs.append(attributes.get("href") or attributes.get("src"))


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def is_written_after_build(root: Path, target: Path) -> bool:
    """The PDFs and EPUBs are written after the MkDocs build (tools.publish.pdf, tools.publish.epub);
    tests/test_pdf.py and tests/test_epub.py write them and check that the pages' links reach them."""
    try:
        path = target.relative_to(root.resolve()).as_posix()
    except ValueError:
        return False
    return written_after_build(path)


def broken_links(root: Path) -> list[str]:
    # 404.html is served for any missing path, so MkDocs writes it with root-absolute links.
    pages = {path: parse(path) for path in root.rglob("*.html") if path.name != "404.html"}
    broken = []
    for path, links in pages.items():
        for href in links.hrefs:
            url = urlparse(href)
            if url.scheme or href.startswith(("mailto:", "javascript:")) or href.startswith("//"):
                continue
            # The offline zip is written beside the site by the bundle step (test below).
            if url.path.endswith(ZIP_NAME) and (path.parent / url.path).resolve() == (root / ZIP_NAME).resolve():
                continue
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() and not is_written_after_build(root, target):
                broken.append(f"{path.relative_to(root)} → {href}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{path.relative_to(root)} → {href} (no such anchor)")
    return broken


def test_no_broken_links_in_site(built_site):
    assert broken_links(built_site) == []


def test_no_broken_links_in_bundle(built_site, tmp_path):
    archive = tmp_path / "bundle.zip"
    make_bundle(built_site, archive)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp_path)
    assert broken_links(tmp_path / BUNDLE_FOLDER) == []


def test_checker_finds_a_broken_anchor(tmp_path):
    (tmp_path / "index.html").write_text('<a href="other.html#nowhere">x</a><a href="#here">y</a><p id="here"></p>', encoding="utf-8")
    (tmp_path / "other.html").write_text('<p id="somewhere"></p>', encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html → other.html#nowhere (no such anchor)"]


def test_bundle_has_a_readme_and_is_published_where_the_site_links(built_site, tmp_path):
    archive = tmp_path / "dist" / ZIP_NAME
    publish_bundle(built_site, archive)
    assert (built_site / ZIP_NAME).read_bytes() == archive.read_bytes()
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        readme = zipped.read(f"{BUNDLE_FOLDER}/{README_NAME}").decode("utf-8")
    assert f"{BUNDLE_FOLDER}/index.html" in names and f"{BUNDLE_FOLDER}/{ZIP_NAME}" not in names
    assert "index.html" in readme and "解压" in readme and "Unzip" in readme
    for page, href in (("index.html", ZIP_NAME), ("en/index.html", f"../{ZIP_NAME}")):
        html = (built_site / page).read_text(encoding="utf-8")
        # The home page's text and the footer both link to it.
        assert html.count(f'class="offline-zip" href="{href}"') == 2, page
    (built_site / ZIP_NAME).unlink()
