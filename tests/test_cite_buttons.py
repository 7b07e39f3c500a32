"""The cite controls written by the build (tools/site/cite_buttons.py): one closing every citable heading,
paragraph and box title of every built page, none elsewhere, and none in the search index or the EPUBs.
How they copy and open the cite dialog: tests/test_browser.py, test_reading.py, test_cite_dialog.py."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from tools.common import contract
from tools.common.paths import SOURCES
from tools.common.ui import LANGS, load_strings
from tools.site import search_index
from tools.site.cite_buttons import button, cite_buttons
from tools.site.material import ARTICLE_CLASS, article_html

STRINGS = load_strings(SOURCES.ui)
ARTICLE = f"//article[contains(concat(' ', normalize-space(@class), ' '), ' {ARTICLE_CLASS} ')]"
HAS_CLASS = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')"
# What site.js cited before the build wrote the buttons: h2–h6 and p with data-cite and an id, and the
# title of a box with both.
CITABLE = (f"{ARTICLE}//*[self::h2 or self::h3 or self::h4 or self::h5 or self::h6 or self::p][@{contract.CITE}][@id]"
           f" | {ARTICLE}//div[{HAS_CLASS.format(contract.BOX)}][@{contract.CITE}][@id]"
           f"/*[1][self::p][{HAS_CLASS.format('admonition-title')}]")
BUTTONS = f"//button[{HAS_CLASS.format(contract.CITE_BUTTON)}]"


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_a_heading_a_paragraph_and_a_box_title_each_get_one():
    page = ('<h2 data-cite="《规划》一" id="s1">一、总则<a class="headerlink" href="#s1">&para;</a></h2>\n'
            '<p data-cite="《规划》一 第1段" id="s1-p1">文字<abbr title="x">专利</abbr>。</p>\n'
            '<p class="tw" lang="en">Text.</p>\n<p id="no-cite">其他</p>\n'
            '<div class="admonition abstract box" data-cite="《规划》专栏1" id="box-1">\n'
            '<p class="admonition-title">专栏1</p>\n<p data-cite="《规划》专栏1 第1段" id="box-1-p1">内容</p>\n</div>\n'
            '<p class="succ-title" data-cite="《规划》一" data-cite-url="/a/#s1" id="a--s1"><a href="x">一</a></p>\n'
            '<script type="application/json" data-csl-sections="a">{"x":"<p data-cite=\\"y\\" id=\\"z\\">"}</script>')
    control = button("引用")
    out = cite_buttons(page, "引用")
    assert out.count(control) == 5
    assert f"&para;</a>{control}</h2>" in out
    assert f"</abbr>。{control}</p>" in out
    assert f'<p class="admonition-title">专栏1{control}</p>' in out
    assert f"内容{control}</p>" in out and f"一</a>{control}</p>" in out
    assert "<p id=\"no-cite\">其他</p>" in out and "Text.</p>" in out
    assert out.endswith('{"x":"<p data-cite=\\"y\\" id=\\"z\\">"}</script>')
    assert cite_buttons("<p>没有引文</p>", "引用") == "<p>没有引文</p>"


def test_the_control_is_named_by_its_word_and_left_out_of_search():
    control = lxml.html.fragment_fromstring(button("Cite"))
    assert control.tag == "button" and control.get("type") == "button"
    assert control.text_content() == "Cite" and control.get("aria-label") is None and control.get("title") is None
    assert contract.SEARCH_EXCLUDE in control.attrib
    assert contract.CITE_BUTTON in contract.INTERFACE_CLASSES


def test_every_citable_element_has_one_and_only_they_have_one(built_site):
    """Both ways, on every built page: each citable element ends with exactly one cite control in its
    page's language, and each cite control in the site ends a citable element."""
    counted = 0
    for path in built_pages(built_site):
        tree = lxml.html.fromstring(path.read_bytes())
        lang = "en" if tree.get("lang", "").startswith("en") else "zh"
        citable = tree.xpath(CITABLE)
        buttons = tree.xpath(BUTTONS)
        assert len(buttons) == len(citable), path
        for element in citable:
            own = [child for child in element if child.tag == "button"]
            assert len(own) == 1 and element[-1] is own[0], (path, element.get("id"))
            assert own[0].text_content() == STRINGS.get(lang, "js_cite"), path
        assert {id(b.getparent()) for b in buttons} == {id(e) for e in citable}, path
        counted += len(citable)
    # The plan pages alone hold more than a hundred each; the comparisons add the copies.
    assert counted > 1000


def test_comparison_copies_have_theirs(built_site):
    """Topic and successor comparisons: each citable copy of a plan's passage (data-cite-url) has its control."""
    for folder in ("topics", "compare"):
        pages = [p for p in (built_site / folder).rglob("index.html") if p.parent != built_site / folder]
        assert pages, folder
        for path in pages:
            tree = lxml.html.fromstring(path.read_bytes())
            copies = [e for e in tree.xpath(CITABLE) if (e.get(contract.CITE_URL) or e.getparent().get(contract.CITE_URL))]
            assert copies, path
            assert all(e[-1].tag == "button" and contract.CITE_BUTTON in e[-1].get("class") for e in copies), path


def without_buttons(page_html: str) -> str:
    return re.sub(r'<button type="button" class="cite-button"[^>]*>[^<]*</button>', "", page_html)


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_holds_no_cite_control(built_site, lang):
    """The index of each page is what it would be without the controls, and no plan section's title or
    text (each ends with a control on the page) ends in the control's word."""
    word = STRINGS.get(lang, "js_cite")
    for path in search_index.pages(built_site, lang):
        page_html = path.read_text(encoding="utf-8")
        if contract.CITE_BUTTON not in page_html:
            continue
        sections = []
        for text in (page_html, without_buttons(page_html)):
            splitter = search_index.Splitter()
            splitter.feed(article_html(text))
            sections.append([(s.anchor, s.title, s.text) for s in splitter.sections])
        assert sections[0] == sections[1], path
    index = search_index.read(built_site, lang)
    plan_sections = [doc for doc in index["docs"] if doc[5] == search_index.PLAN]
    assert plan_sections and not [doc for doc in plan_sections if doc[3].endswith(word) or doc[4].endswith(word)]


def test_epub_book_holds_no_cite_control(built_site):
    import io
    import zipfile

    from tools.build import load_corpus
    from tools.publish import epub

    corpus = load_corpus()
    slug = next(iter(corpus.by_slug))
    for lang in LANGS:
        assert contract.CITE_BUTTON in epub.page_file(built_site, slug, lang).read_text(encoding="utf-8")
        with zipfile.ZipFile(io.BytesIO(epub.make_book(built_site, corpus, slug, lang))) as book:
            text = book.read("EPUB/text.xhtml").decode("utf-8")
            nav = book.read("EPUB/nav.xhtml").decode("utf-8")
        assert contract.CITE_BUTTON not in text and "<button" not in text
        word = STRINGS.get(lang, "js_cite")
        assert not re.search(rf"{word}</(a|h[2-6]|p)>", text + nav), (slug, lang)
