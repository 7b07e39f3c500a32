"""Issue 24 part 4: an EPUB 3 per plan and language, made from the built site (tools/publish/epub.py),
checked by Debian's EPUBCheck (one Java VM for every book: tests/EpubCheckAll.java)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import lxml.html
import pytest
from support import plan_slugs

from tools.build import load_corpus
from tools.common import contract
from tools.common.ui import LANGS
from tools.model.publication import epub_path
from tools.publish import epub

SLUGS = plan_slugs()
EPUBCHECK = Path("/usr/bin/epubcheck")
CHECKER = Path(__file__).with_name("EpubCheckAll.java")


@pytest.fixture(scope="module")
def books(built_site, tmp_path_factory) -> Path:
    """The EPUBs written into a copy of the built site's plan pages."""
    site = tmp_path_factory.mktemp("epub") / "site"
    listings = [Path(prefix) / "open-data" / "index.html" for prefix in ("", "en")]
    pages = [epub.page_file(Path(), slug, lang) for slug in SLUGS for lang in LANGS] + listings
    for page in pages:
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(built_site / page, site / page)
    assert epub.main([str(site)]) == 0
    return site


def text_of(site: Path, slug: str, lang: str) -> str:
    with zipfile.ZipFile(site / epub_path(slug, lang)) as book:
        return book.read("EPUB/text.xhtml").decode("utf-8")


def test_epubcheck_reports_nothing_on_every_book(books, tmp_path):
    if not EPUBCHECK.exists() or not shutil.which("java"):
        pytest.fail("Debian's epubcheck and java are not installed; `make test` installs them")
    broken = tmp_path / "broken.epub"  # proves the check can fail: a book without its navigation
    with zipfile.ZipFile(books / epub_path("yuxi-2021", "zh")) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            if item.filename != "EPUB/nav.xhtml":
                target.writestr(item, source.read(item.filename))
    files = [str(books / epub_path(slug, lang)) for slug in SLUGS for lang in LANGS]
    result = subprocess.run(["java", "-cp", str(EPUBCHECK), str(CHECKER), *files, str(broken)],
                            capture_output=True, text=True, timeout=600)
    counts = {line.split(" ", 4)[4]: tuple(map(int, line.split(" ")[1:4]))
              for line in result.stdout.splitlines() if line.startswith("COUNTS ")}
    assert {name: counts.get(name) for name in files} == {name: (0, 0, 0) for name in files}, result.stderr[-3000:]
    assert sum(counts[str(broken)]) > 0


@pytest.mark.parametrize("slug", SLUGS)
def test_books_keep_the_page_anchors_and_cards(built_site, books, slug):
    corpus = load_corpus()
    for lang in LANGS:
        xhtml = text_of(books, slug, lang)
        tree = lxml.html.fromstring(xhtml.encode("utf-8"))
        root = lxml.html.fromstring(epub.page_file(built_site, slug, lang).read_bytes())
        page_ids = {element.get("id") for element in root.xpath("//article//*[@data-cite][@id]")}
        book_ids = {element.get("id") for element in tree.xpath("//*[@id]")}
        assert page_ids and page_ids <= book_ids
        assert {"document-info", "normalization"} <= book_ids
        assert ("unofficial" in book_ids) == (lang == "en")
        assert f'lang="{ "zh-Hans" if lang == "zh" else "en"}" xml:lang=' in xhtml
        # What the book leaves out is on the page (so that its absence means something): the other language's
        # twins, the cite card, other plans' similar passages (data-plan copies).
        twin = f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {contract.TWIN} ')]"
        assert root.xpath(twin) and root.xpath(f"//*[@id='{contract.CITE_CARD_ID}']") and root.xpath(f"//*[@{contract.PLAN}]")
        assert not tree.xpath(twin) and not tree.xpath(f"//*[@id='{contract.CITE_CARD_ID}']")
        assert not tree.xpath(f"//*[@{contract.PLAN}]") and f'class="{contract.SIMILAR}' not in xhtml
        with zipfile.ZipFile(books / epub_path(slug, lang)) as book:
            nav = book.read("EPUB/nav.xhtml").decode("utf-8")
            opf = book.read("EPUB/content.opf").decode("utf-8")
        headings = [element.get("id") for element in tree.xpath("//h2[@id]|//h3[@id]|//h4[@id]")]
        assert re.findall(r'href="text\.xhtml#([^"]+)"', nav) == headings
        title = corpus.by_slug[slug].data.title_zh if lang == "zh" else corpus.by_slug[slug].data.title_en
        assert f"<dc:title>{title}</dc:title>" in opf.replace("&#8217;", "'")


def test_rebuild_gives_the_same_bytes(built_site):
    corpus = load_corpus()
    first = epub.make_book(built_site, corpus, "gansu-2021-2035", "en")
    assert epub.make_book(built_site, corpus, "gansu-2021-2035", "en") == first
    with zipfile.ZipFile(io.BytesIO(first)) as book:
        assert book.namelist()[0] == "mimetype" and book.infolist()[0].compress_type == zipfile.ZIP_STORED
        assert {info.date_time for info in book.infolist()} == {epub.source_date().timetuple()[:6]}


@pytest.mark.parametrize("lang", LANGS)
def test_pages_link_the_books_written_after_the_build(books, lang):
    """The links tests/test_links.py leaves out (written after the MkDocs build): every plan page
    and the open-data page link both books of each plan, and each link reaches a written book."""
    written = {(books / epub_path(slug, book)).resolve() for slug in SLUGS for book in LANGS}
    assert all(path.is_file() for path in written)
    prefix = "" if lang == "zh" else "en/"
    for slug in SLUGS:
        page = books / prefix / slug / "index.html"
        hrefs = re.findall(r'href="([^"]+\.epub)"', page.read_text(encoding="utf-8"))
        assert [(page.parent / href).resolve() for href in hrefs] == [
            (books / epub_path(slug, book)).resolve() for book in LANGS], slug
    listing = books / prefix / "open-data" / "index.html"
    html = listing.read_text(encoding="utf-8")
    assert {(listing.parent / href).resolve() for href in re.findall(r'href="([^"]+\.epub)"', html)} == written
    # tools.publish.epub fills in each book's size where the page held a placeholder.
    for slug in SLUGS:
        for book in LANGS:
            path = epub_path(slug, book)
            size = (books / path).stat().st_size
            assert f'<span {contract.PDF_SIZE}="{path}">{size}</span>' in html, path


def test_books_are_in_the_offline_bundle(books, tmp_path):
    from tools.publish.bundle import BUNDLE_FOLDER, make_bundle

    (books / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")
    archive = tmp_path / "bundle.zip"
    make_bundle(books, archive)
    with zipfile.ZipFile(archive) as bundle:
        names = set(bundle.namelist())
    assert {f"{BUNDLE_FOLDER}/{epub_path(slug, lang)}" for slug in SLUGS for lang in LANGS} <= names
