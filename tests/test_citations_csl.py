"""Issue 24 part 1: reference entries from CSL (citeproc-py) and the BibTeX/RIS/CSL-JSON downloads,
read back with the libraries reference managers' users would use (bibtexparser, rispy)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from support import plan_slugs

from tools.build import load_corpus
from tools.common import contract as c
from tools.render import csl, refexport
from tools.site import exports

SLUGS = plan_slugs()


def revised(slug: str) -> str:
    """The plan's last revision date, read from sources/changelog.toml here (not through the code
    under test): the 版本项 本版YYYY-MM-DD修订 every entry carries."""
    import tomllib

    from tools.common.paths import SOURCES

    revisions = tomllib.loads((SOURCES.root / "changelog.toml").read_text(encoding="utf-8"))["revision"]
    return max(str(entry["date"]) for entry in revisions if slug in entry["plans"])


EDITION = "Chinese Regional IP Plans (bilingual annotated edition)"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


class Entries(HTMLParser):
    """Each dd.csl-entry of a page: style key → its text (the access date's placeholder kept)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}
        self.current: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "dd" and c.CSL_ENTRY in (attrs.get("class") or "").split():
            self.current = attrs[c.CSL_STYLE]
            self.found[self.current] = ""

    def handle_endtag(self, tag):
        if tag == "dd":
            self.current = None

    def handle_data(self, data):
        if self.current:
            self.found[self.current] += data


def page_entries(built_site, slug: str, lang: str) -> dict[str, str]:
    folder = built_site / slug if lang == "zh" else built_site / "en" / slug
    parser = Entries()
    parser.feed((folder / "index.html").read_text(encoding="utf-8"))
    return parser.found


@pytest.mark.parametrize("slug", SLUGS)
def test_plan_pages_carry_every_style(built_site, slug):
    assert set(page_entries(built_site, slug, "zh")) == {"gb-t-7714-2025", "gb-t-7714-2015"}
    assert set(page_entries(built_site, slug, "en")) == {"chicago", "apa"}


def test_rendered_entries_of_one_plan(built_site):
    """The entries as the official styles give them for a report with a corporate author."""
    zh = page_entries(built_site, "xinjiang-2021-2025", "zh")
    edition = f"本版{revised('xinjiang-2021-2025')}修订"
    assert zh["gb-t-7714-2025"] == f"新疆维吾尔自治区人民政府. 新疆维吾尔自治区知识产权“十四五”规划[R/OL]. {edition}. 2021-07-14. /xinjiang-2021-2025/."
    assert zh["gb-t-7714-2015"] == ("新疆维吾尔自治区人民政府. 新疆维吾尔自治区知识产权“十四五”规划[R/OL]. "
                                    f"本版{revised('xinjiang-2021-2025')}修订. (2021-07-14)[____-__-__]. /xinjiang-2021-2025/.")
    en = page_entries(built_site, "xinjiang-2021-2025", "en")
    assert en["chicago"].startswith("People's Government of the Xinjiang Uygur Autonomous Region. 2021. Xinjiang Uygur")
    assert "Translated by " + EDITION in en["chicago"]
    assert en["apa"].startswith("People's Government of the Xinjiang Uygur Autonomous Region. (2021). ")
    assert "[Unofficial translation]" in en["apa"]


def test_document_number_is_in_the_entry(built_site):
    zh = page_entries(built_site, "tongzhou-2022-2025", "zh")
    assert f"工作方案（2022-2025年）：通政发〔2022〕15号[R/OL]. 本版{revised('tongzhou-2022-2025')}修订. 2022-11-14." in zh["gb-t-7714-2025"]


def test_undated_plan_gets_the_no_date_form(built_site):
    """xinjiang-2016-2020 states no date and no issuer: no date is invented, the title leads,
    and each style prints its own no-date form (2025: the access year in brackets; n.d.)."""
    zh = page_entries(built_site, "xinjiang-2016-2020", "zh")
    for text in zh.values():
        # The edition's own revision date (本版…修订) is this edition's fact; the plan's date is absent.
        assert text.startswith(f"新疆维吾尔自治区知识产权（专利）“十三五”规划[R/OL]. 本版{revised('xinjiang-2016-2020')}修订. [")
        assert not re.search(r"(19|20)\d\d", text.replace("/xinjiang-2016-2020/", "").replace(f"本版{revised('xinjiang-2016-2020')}修订", "")), text
    en = page_entries(built_site, "xinjiang-2016-2020", "en")
    assert "n.d." in en["chicago"] and "(n.d.)" in en["apa"]
    title = "Xinjiang Uygur Autonomous Region Intellectual Property (Patent) Plan for the 13th Five-Year Plan Period (2016–2020)"
    for text in en.values():
        assert text.count(title) == 1, text  # the title stands in for the author once (CSL substitute)
        assert text.lower().count("rev. 20") == 1, text  # and what it carries (APA: the edition) once too


def test_access_date_is_left_to_the_reader(corpus):
    """The record downloads carry no access date; the rendered entries mark where it goes."""
    plan = corpus.by_slug["gansu-2021-2035"]
    records = csl.records(plan, EDITION)
    assert records and all(item["URL"] and "accessed" not in item for item in records)
    rendered = dict(csl.entries(plan, "zh", EDITION))
    assert f'<span {c.ACCESSED}="iso">____-__-__</span>' in rendered[csl.GB2015].entry


@pytest.mark.parametrize("slug", SLUGS)
def test_downloads_read_back(built_site, corpus, slug):
    items = csl.records(corpus.by_slug[slug], EDITION, csl.revised_of(corpus, corpus.by_slug[slug]))
    assert all(csl.revised_of(corpus, corpus.by_slug[slug]) in item["edition"] for item in items)
    data = built_site / "data" / "cite"
    assert json.loads((data / f"{slug}.json").read_text(encoding="utf-8")) == items

    library = bibtexparser.parse_string((data / f"{slug}.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert [entry.key for entry in library.entries] == [item["id"] for item in items]
    for entry, item in zip(library.entries, items, strict=True):
        assert entry.entry_type == "techreport"
        assert entry["title"] == "{" + item["title"] + "}"
        assert entry["url"] == item["URL"]
        assert entry["edition"] == item["edition"]  # the edition's revision date survives
        authors = [name["literal"] for name in item.get("author", [])]
        assert entry.fields_dict.get("institution", None) is None or entry["institution"] == " and ".join(authors)
        if "issued" in item:
            assert entry["year"] == str(item["issued"]["date-parts"][0][0])
        else:
            assert "year" not in entry.fields_dict

    references = rispy.loads((data / f"{slug}.ris").read_text(encoding="utf-8"))
    assert len(references) == len(items)
    for reference, item in zip(references, items, strict=True):
        assert reference["type_of_reference"] == "RPRT"
        assert reference["title"] == item["title"]
        assert reference["urls"] == [item["URL"]]
        assert reference["edition"] == item["edition"]
        assert reference.get("authors", []) == [name["literal"] for name in item.get("author", [])]
        assert reference.get("number", "") == item.get("number", "")


def test_english_record_is_the_translation(corpus):
    zh, en = csl.records(corpus.by_slug["yuxi-2021"], EDITION)
    assert en["original-title"] == zh["title"] and en["title"] != zh["title"]
    assert en["translator"] == [{"literal": EDITION}] and "translator" not in zh
    assert (zh["language"], en["language"]) == ("zh-CN", "en-US")


def test_plan_pages_link_the_downloads(built_site):
    html = (built_site / "en" / "yuxi-2021" / "index.html").read_text(encoding="utf-8")
    for extension in refexport.FORMATS:
        assert f'href="../../data/cite/yuxi-2021.{extension}"' in html


def test_vendored_2025_style_names_its_licence_and_revision():
    readme = (csl.CSL_STYLES / "README.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in readme or "Attribution-ShareAlike 3.0" in readme
    assert re.search(r"commit\s+[0-9a-f]{40}", readme)
    style = (csl.CSL_STYLES / csl.GB2025.source).read_text(encoding="utf-8")
    assert "creativecommons.org/licenses/by-sa/3.0" in style and "GB/T 7714-2025" in style


def test_addresses_become_absolute_with_a_base_url(built_site, tmp_path):
    html = (built_site / "en" / "yuxi-2021" / "index.html").read_text(encoding="utf-8")
    rebased = exports.absolutize_entries(html, "https://plans.example/")
    entries = Entries()
    entries.feed(rebased)
    for text in entries.found.values():
        assert "https://plans.example/en/yuxi-2021/" in text and " /en/" not in text
    copy = tmp_path / "data" / "cite"
    copy.mkdir(parents=True)
    for path in (built_site / "data" / "cite").glob("yuxi-2021.*"):
        (copy / path.name).write_bytes(path.read_bytes())
    exports.absolutize_downloads(tmp_path, "https://plans.example")
    assert json.loads((copy / "yuxi-2021.json").read_text(encoding="utf-8"))[1]["URL"] == "https://plans.example/en/yuxi-2021/"
    assert rispy.loads((copy / "yuxi-2021.ris").read_text(encoding="utf-8"))[0]["urls"] == ["https://plans.example/yuxi-2021/"]
    library = bibtexparser.parse_string((copy / "yuxi-2021.bib").read_text(encoding="utf-8"))
    assert library.entries[0]["url"] == "https://plans.example/yuxi-2021/"


def test_browser_fills_in_the_readers_access_date(built_site):
    """One page load from file://: the access date is the reader's own date, in the style's form."""
    from playwright.sync_api import sync_playwright

    from tools.publish.chromium import CHROMIUM, FLAGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page()
            page.goto((built_site / "xinjiang-2016-2020" / "index.html").as_uri())
            shown = page.evaluate("""() => [...document.querySelectorAll('[data-accessed]')]
                .map(t => [t.getAttribute('data-accessed'), t.textContent, t.getAttribute('datetime'), t.tagName])""")
            today = page.evaluate("() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }")
        finally:
            browser.close()
    iso = f"{today[0]}-{today[1]:02d}-{today[2]:02d}"
    assert dict((form, text) for form, text, _, _ in shown) == {"year": str(today[0]), "iso": iso}
    assert all(datetime == iso and tag == "TIME" for _, _, datetime, tag in shown)


# -- per section: the cite dialog's templates and the How-to-cite page's example --------------
SCRIPT = re.compile(rf'<script type="application/json" {c.CSL_SECTIONS}="([^"]+)">(.*?)</script>', re.S)


def page_file(built_site, slug: str, lang: str):
    return (built_site / slug if lang == "zh" else built_site / "en" / slug) / "index.html"


@pytest.mark.parametrize("slug", SLUGS)
def test_plan_pages_carry_their_section_templates(built_site, corpus, slug):
    """One template set per plan page: each style's entry with one address slot, the in-text
    citation with one locator slot where the style prints a locator (not GB/T's [1]), and the
    plan's citation prefix, which every data-cite on the page starts with (the rest is the place)."""
    import html as html_module

    for lang in ("zh", "en"):
        page = page_file(built_site, slug, lang).read_text(encoding="utf-8")
        found = SCRIPT.findall(page)
        assert [owner for owner, _ in found] == [slug]
        data = json.loads(found[0][1])
        assert [style["key"] for style in data["styles"]] == [style.key for style in csl.STYLES[lang]]
        for style in data["styles"]:
            assert style["entry"].count(data["address"]) == 1
            assert style["inText"].count(data["locator"]) == (1 if lang == "en" else 0)
        cites = [html_module.unescape(cite) for cite in re.findall(rf' {c.CITE}="([^"]*)"', page)]
        assert cites and all(cite.startswith(data["prefix"]) and len(cite) > len(data["prefix"]) for cite in cites)
        assert data["prefix"] + corpus.place(corpus.by_slug[slug], "s1", lang) == corpus.citation(corpus.by_slug[slug], "s1", lang)


def test_comparison_pages_carry_each_shown_plans_templates(built_site):
    page = (built_site / "topics" / "ip-finance" / "index.html").read_text(encoding="utf-8")
    tree = lxml_html(page)
    for owner, _ in SCRIPT.findall(page):
        assert tree.xpath(f"//*[@{c.PLAN}='{owner}']//script[@{c.CSL_SECTIONS}='{owner}']")
    groups = {group.get(c.PLAN) for group in tree.xpath(f"//*[contains(@class, '{c.COMPARE_PLAN}')][@{c.PLAN}]")}
    assert groups and {owner for owner, _ in SCRIPT.findall(page)} == groups


def lxml_html(text: str):
    import lxml.html

    return lxml.html.fromstring(text)


def test_cite_page_gives_one_sections_entries(built_site, corpus):
    """The How-to-cite page: per plan, its entries and those of its first section (address and,
    in Chicago and APA, the in-text locator), rendered from the same templates."""
    plan = corpus.by_slug["xinjiang-2021-2025"]
    revised = csl.revised_of(corpus, plan)
    page = (built_site / "en" / "cite" / "index.html").read_text(encoding="utf-8")
    block = page[page.index('id="xinjiang-2021-2025"'):]
    block = block[:block.index("<table")]
    entries = Entries()
    entries.feed(block)
    assert entries.found["chicago-in-text"] == "In-text: (People's Government of the Xinjiang Uygur Autonomous Region 2021, sec. 1)"
    assert entries.found["apa-in-text"] == "In-text: (People's Government of the Xinjiang Uygur Autonomous Region, 2021, Section 1)"
    assert entries.found["chicago-section"].endswith(f"Rev. {revised}. Translated by {EDITION}. Originally published as "
                                                    "新疆维吾尔自治区知识产权“十四五”规划. /en/xinjiang-2021-2025/#s1.")
    zh = (built_site / "cite" / "index.html").read_text(encoding="utf-8")
    block = zh[zh.index('id="xinjiang-2021-2025"'):]
    entries = Entries()
    entries.feed(block[:block.index("<table")])
    assert entries.found["gb-t-7714-2025-section"] == (f"新疆维吾尔自治区人民政府. 新疆维吾尔自治区知识产权“十四五”规划[R/OL]. "
                                                       f"本版{revised}修订. 2021-07-14. /xinjiang-2021-2025/#s1.")
    assert "gb-t-7714-2025-in-text" not in entries.found  # the numeric style prints no locator
    rebased = exports.absolutize_entries(block, "https://plans.example")
    assert "https://plans.example/xinjiang-2021-2025/#s1." in rebased
