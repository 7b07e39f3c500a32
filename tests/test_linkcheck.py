"""LinkChecker (an outside crawler nobody here wrote) over the served site and over the unzipped offline
bundle from file://: no broken internal link, and every page reached. Anchors: `make linkcheck` runs the
same crawls with LinkChecker's AnchorCheck (slow: it parses a page again per anchor; .ci/run runs it
after `make test`), and tests/test_links.py checks every #anchor here, reading each page once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from outside_checkers import linkchecker, readable_copy, serve
from support import unzipped_bundle

ANCHORS = os.environ.get("LINKCHECK_ANCHORS") == "1"  # `make linkcheck`


def html_pages(tree: Path) -> set[str]:
    return {path.relative_to(tree).as_posix() for path in tree.rglob("*.html")}


def reached(crawl, prefix: str) -> set[str]:
    """The HTML pages the crawl checked, relative to the tree ("dir/" counts as "dir/index.html")."""
    pages = set()
    for url in crawl.checked:
        if not url.startswith(prefix):
            continue
        path = url[len(prefix):].split("#")[0].split("?")[0]
        if path == "" or path.endswith("/"):
            path += "index.html"
        if path.endswith(".html"):
            pages.add(path)
    return pages


@pytest.fixture(scope="module")
def offline_tree(built_site, tmp_path_factory) -> Path:
    return unzipped_bundle(built_site, tmp_path_factory.mktemp("linkcheck-bundle"))


def test_served_site_has_no_broken_link_and_every_page_is_reached(built_site):
    tree, work = readable_copy(built_site)
    with serve(tree) as base:
        crawl = linkchecker(base, work, anchors=ANCHORS)
    assert [str(problem) for problem in crawl.problems] == []
    missing = html_pages(tree) - reached(crawl, base) - {"404.html", "en/404.html"}  # 404 pages: nothing links to them
    assert not missing, sorted(missing)


def test_offline_bundle_has_no_broken_link_from_file_urls(offline_tree):
    tree, work = readable_copy(offline_tree)
    start = (tree / "index.html").as_uri()
    crawl = linkchecker(start, work, anchors=ANCHORS)
    assert [str(problem) for problem in crawl.problems] == []
    prefix = tree.as_uri() + "/"
    missing = html_pages(tree) - reached(crawl, prefix) - {"404.html", "en/404.html"}
    assert not missing, sorted(missing)


# -- the checker fails when it should -----------------------------------------------------------------
def two_pages(folder: Path, link: str) -> Path:
    """a.html links to `link`; b.html has the id `here`."""
    folder.mkdir()
    (folder / "a.html").write_text(f'<!doctype html><title>a</title><a href="{link}">b</a>', encoding="utf-8")
    (folder / "b.html").write_text('<!doctype html><title>b</title><p id="here">b</p>', encoding="utf-8")
    return folder


@pytest.mark.parametrize("link,anchors,broken", [
    ("b.html#here", True, False),
    ("missing.html", False, True),
    ("b.html#nowhere", True, True),
])
def test_linkchecker_fails_on_a_broken_link_or_anchor(tmp_path, link, anchors, broken):
    tree, work = readable_copy(two_pages(tmp_path / "site", link))
    for start in ((tree / "a.html").as_uri(),):
        crawl = linkchecker(start, work, anchors=anchors)
        assert bool(crawl.problems) is broken, crawl.problems
    with serve(tree) as base:
        crawl = linkchecker(base + "a.html", work, anchors=anchors)
        assert bool(crawl.problems) is broken, crawl.problems


def test_linkchecker_finds_a_link_broken_in_a_real_page(built_site, tmp_path):
    """One internal link of a real plan page pointed at a page that is not there: the crawl fails. (It starts
    at the home page: LinkChecker counts a file:// link outside the start page's folder as external.)"""
    tree, work = readable_copy(built_site)
    page = tree / "yuxi-2021" / "index.html"
    html = page.read_text(encoding="utf-8")
    broken = html.replace('href="../glossary/', 'href="../glossaries/', 1)
    assert broken != html
    page.write_text(broken, encoding="utf-8")
    crawl = linkchecker((tree / "index.html").as_uri(), work, recursion=2)  # home → plan page → its links
    assert any("glossaries" in problem.url for problem in crawl.problems), crawl.problems
