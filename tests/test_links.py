"""Every internal link and #anchor of every built page resolves, in both languages and in the bundle."""

from __future__ import annotations

import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

from tools.publish.bundle import BUNDLE_FOLDER, make_bundle


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


def is_pdf_handout(root: Path, target: Path) -> bool:
    """The PDFs are printed after the MkDocs build (tools.publish.pdf); tests/test_pdf.py checks
    that the plan pages' links reach them."""
    return target.parent == (root / "pdf").resolve() and target.suffix == ".pdf"


def broken_links(root: Path) -> list[str]:
    # 404.html is served for any missing path, so MkDocs writes it with root-absolute links.
    pages = {path: parse(path) for path in root.rglob("*.html") if path.name != "404.html"}
    broken = []
    for path, links in pages.items():
        for href in links.hrefs:
            url = urlparse(href)
            if url.scheme or href.startswith(("mailto:", "javascript:")) or href.startswith("//"):
                continue
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() and not is_pdf_handout(root, target):
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
