"""Glossary, tooltips, targets, comparison page, cross-links and topics: the data and the built pages."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from support import SLUGS

from tools.annotate.annotations import load_annotations
from tools.annotate.glossary import TermFinder
from tools.annotate.references import CrossLinker, citations
from tools.common.paths import SOURCES
from tools.model.document import anchored_texts

REQUIRED_TERMS = [
    "贯标", "专利导航", "高价值发明专利", "地理标志", "地理标志专用标志", "PCT", "TISC", "放管服", "严保护", "大保护",
    "快保护", "同保护", "12330", "兵地", "援疆", "十三五", "十四五", "正版正货", "专精特新", "入园惠企", "一窗通办",
    "质押融资", "知识产权密集型产业",
]
TARGET_FIELDS = [
    "plan", "anchor", "indicator_zh", "indicator_en", "value", "unit_zh", "unit_en", "comparator",
    "year", "baseline", "baseline_year", "nature", "quote_zh",
]
GLOSSARY_FIELDS = ["zh", "en", "aliases_zh", "aliases_en", "definition_zh", "definition_en", "source", "used_in"]


@pytest.fixture(scope="module")
def notes(plans):
    return load_annotations(SOURCES, list(plans.values()))


def page(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


class Elements(HTMLParser):
    """Every element with its attributes and the elements it sits inside."""

    VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col", "area", "base", "embed", "param", "track"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.found.append({"tag": tag, "attrs": dict(attrs), "inside": [t for t, _ in self.stack],
                           "parent_attrs": [a for _, a in self.stack]})
        self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def elements(html: str, tag: str) -> list[dict]:
    parser = Elements()
    parser.feed(html)
    return [record for record in parser.found if record["tag"] == tag]


# -- glossary -----------------------------------------------------------------------

def test_glossary_has_the_plans_vocabulary(notes):
    assert len(notes.terms) >= 60
    forms = {form for term in notes.terms for form in term.forms("zh")}
    missing = [term for term in REQUIRED_TERMS if not any(term in form for form in forms)]
    assert not missing


def test_every_glossary_term_is_used_and_defined(notes):
    for term in notes.terms:
        assert notes.term_uses[term.id], f"{term.zh} occurs in no plan"
        assert term.definition_zh and term.definition_en


def test_glossary_english_agrees_with_the_terminology(notes):
    import tomllib

    terminology = {t["zh"]: t["en"] for t in tomllib.loads(SOURCES.terminology.read_text(encoding="utf-8"))["term"]}
    for term in notes.terms:
        if term.zh in terminology:
            fixed = terminology[term.zh].casefold()
            forms = [form.casefold() for form in term.forms("en")]
            assert fixed in forms or fixed.split(" (")[0] in forms, f"{term.zh}: {terminology[term.zh]!r}"


def test_cjk_terms_are_found_mid_sentence(notes):
    finder = TermFinder(notes.terms, "zh")
    assert "贯标" in [t.zh for t in finder.terms_in("开展知识产权贯标工作")] or any(
        "贯标" in t.forms("zh") for t in finder.terms_in("开展知识产权贯标工作"))
    english = TermFinder(notes.terms, "en")
    assert not english.terms_in("PCTX and XPCT"), "Latin forms need word boundaries"


def test_glossary_json_follows_the_contract(built_site, notes):
    records = json.loads(page(built_site, "data/glossary.json"))
    assert len(records) == len(notes.terms)
    for record in records:
        assert all(field in record for field in GLOSSARY_FIELDS)
        assert record["used_in"] and all(set(use) == {"plan", "anchor"} for use in record["used_in"])
        for use in record["used_in"]:
            assert f'id="{use["anchor"]}"' in page(built_site, f'{use["plan"]}/index.html')


@pytest.mark.parametrize("path", ["glossary/index.html", "en/glossary/index.html"])
def test_glossary_page_lists_every_term_with_links(built_site, notes, path):
    html = page(built_site, path)
    for term in notes.terms:
        assert f'id="term-{term.id}"' in html
    assert html.count('class="used-in"') == len(notes.terms)


# -- tooltips -----------------------------------------------------------------------

def test_tooltip_in_the_middle_of_a_chinese_sentence(built_site):
    html = page(built_site, "xinjiang-2021-2025/index.html")
    match = re.search(r"[\u4e00-\u9fff]<abbr title=\"([^\"]+)\">[^<]*贯标</abbr>[\u4e00-\u9fff]", html)
    assert match, "贯标 inside a sentence has no tooltip"
    assert "管理规范" in match.group(1) or "GB/T 29490" in match.group(1)


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_tooltips_in_both_languages_never_in_headings_links_or_twins(built_site, slug, prefix):
    abbrs = elements(page(built_site, f"{prefix}{slug}/index.html"), "abbr")
    assert len(abbrs) >= 5
    for abbr in abbrs:
        assert not {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"} & set(abbr["inside"]), abbr
        assert not any("tw" in (attrs.get("class") or "").split() for attrs in abbr["parent_attrs"]), abbr


def test_each_term_has_one_tooltip_per_section(built_site):
    html = page(built_site, "xinjiang-2021-2025/index.html")
    article = html.split('<article class="md-content__inner', 1)[1]
    for part in re.split(r"<h[1-6]\b", article):
        titles = re.findall(r'<abbr title="([^"]+)"', part)
        assert len(titles) == len(set(titles))


class FirstUses(HTMLParser):
    """A plan page's article as sections (cut at every heading), each a list of runs: the text of
    one text node of a plan paragraph (`<p id="…-pN">`, outside twins, copies, links and code) as
    the Markdown tree had it before the tooltips split it, with the <abbr> spans found in it."""

    SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "script", "style", "svg", "summary"}
    PARAGRAPH = re.compile(r"-p\d+$")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, text may carry tooltips, tooltips excluded)
        self.sections: list[list[tuple[str, list[tuple[int, str]]]]] = [[]]
        self.run: list[str] = []
        self.abbrs: list[tuple[int, str]] = []
        self.in_abbr = False
        self.outside: str | None = None

    def eligible(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def close_run(self) -> None:
        if self.run:
            self.sections[-1].append(("".join(self.run), self.abbrs))
        self.run, self.abbrs = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "abbr" and self.eligible():
            self.in_abbr = True
            self.abbrs.append((len("".join(self.run)), ""))
            return
        self.close_run()
        if tag == "abbr":  # a tooltip outside a plan paragraph (a card, a list, a table) also counts
            self.outside = ""
        if tag in Elements.VOID:
            return
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.sections.append([])
        classes = set((attrs.get("class") or "").split())
        excluded = (tag in self.SKIP or bool(classes & {"tw", "no-tooltips"}) or "data-plan" in attrs
                    or "data-search-exclude" in attrs or any(entry[2] for entry in self.stack))
        eligible = not excluded and (bool(self.stack and self.stack[-1][1])
                                     or (tag == "p" and bool(self.PARAGRAPH.search(attrs.get("id") or ""))))
        self.stack.append((tag, eligible, excluded))

    def handle_endtag(self, tag):
        if tag == "abbr" and self.in_abbr:
            self.in_abbr = False
            return
        if tag == "abbr" and self.outside is not None:
            self.sections[-1].append(("", [(0, self.outside)]))
            self.outside = None
            return
        self.close_run()
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.outside is not None:
            self.outside += data
        elif self.eligible():
            if self.in_abbr and self.abbrs and not self.abbrs[-1][1]:
                self.abbrs[-1] = (self.abbrs[-1][0], data)
            self.run.append(data)


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_first_use_of_each_term_in_a_section_has_a_tooltip(built_site, notes, slug, lang):
    """The other direction of "one tooltip per term and section": the first use of a term in a
    plan paragraph of a section carries the tooltip (or an earlier use in the same section does)."""
    from tools.annotate.glossary import matcher

    by_form = {form.casefold(): term.id for term in notes.terms for form in term.forms(lang)}
    found = matcher(tuple(sorted({form for term in notes.terms for form in term.forms(lang)})))
    html = page(built_site, f"{'' if lang == 'zh' else 'en/'}{slug}/index.html")
    parser = FirstUses()
    parser.feed(html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0])
    parser.close_run()
    checked = 0
    for number, section in enumerate(parser.sections):
        first_use: dict[str, tuple[int, int]] = {}
        first_tooltip: dict[str, tuple[int, int]] = {}
        for index, (text, abbrs) in enumerate(section):
            for start, _end, form in found.finditer(text):
                first_use.setdefault(by_form[form.casefold()], (index, start))
            for start, written in abbrs:
                if written.casefold() in by_form:
                    first_tooltip.setdefault(by_form[written.casefold()], (index, start))
        for term, place in first_use.items():
            checked += 1
            assert term in first_tooltip and first_tooltip[term] <= place, (
                f"{slug} ({lang}), section {number}: the first use of {term} has no tooltip: {section[place[0]][0][:80]}")
    assert checked >= 20, "too few terms in plan paragraphs: the page is not read as expected"


# -- targets ------------------------------------------------------------------------

def test_every_plan_has_reviewed_targets(notes, plans):
    for slug in SLUGS:
        targets = notes.targets_of(slug)
        assert targets, slug
        texts = anchored_texts(plans[slug])
        for target in targets:
            assert target.quote_zh in texts[target.anchor]
    quotes = {(t.plan, t.anchor): t.quote_zh for t in notes.targets}
    assert "知识产权质押融资金额达30亿元" in quotes[("xinjiang-2021-2025", "s3-1-5-p1")]
    assert any(t.anchor.startswith("table-1-r") for t in notes.targets_of("xinjiang-2016-2020"))
    assert any(t.anchor.startswith("box-") for t in notes.targets_of("xinjiang-2016-2020"))


def test_comparators_agree_with_the_wording(notes):
    for target in notes.targets:
        quote = target.quote_zh
        if "左右" in quote:
            assert target.comparator == "~", quote
        elif "以上" in quote or "不低于" in quote:
            assert target.comparator == ">=", quote
        elif "突破" in quote or "超过" in quote:
            assert target.comparator == ">", quote


def test_targets_json_and_csv_follow_the_contract(built_site, notes):
    records = json.loads(page(built_site, "data/targets.json"))
    assert len(records) == len(notes.targets)
    for record in records:
        assert list(record)[: len(TARGET_FIELDS)] == TARGET_FIELDS
        assert isinstance(record["value"], int | float) and record["comparator"] in ("=", ">=", ">", "<=", "~")
        assert record["nature"] in ("expected", "binding", "unspecified")
    raw = (built_site / "data" / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(records)
    assert rows[0]["quote_zh"] == records[0]["quote_zh"]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_plan_page_begins_with_its_target_table(built_site, notes, slug, prefix):
    html = page(built_site, f"{prefix}{slug}/index.html")
    table = html.index('id="targets"')
    assert table < html.index('id="s1"') and table < html.index('id="normalization"')
    block = html[table: html.index("</table>", table)]
    for target in notes.targets_of(slug):
        assert f'href="#{target.anchor}"' in block
        assert f'id="{target.anchor}"' in html


# -- comparison page ---------------------------------------------------------------

@pytest.mark.parametrize("path,lang", [("targets/index.html", "zh"), ("en/targets/index.html", "en")])
def test_comparison_page_has_static_svg_charts(built_site, path, lang):
    html = page(built_site, path)
    svgs = re.findall(r"<svg[^>]*class=\"chart\".*?</svg>", html, re.S)
    assert len(svgs) >= 4
    assert ">2016<" in svgs[0] and ">2035<" in svgs[0]
    hv = html[html.index('id="hv-invention-patents-per-10k"'):]
    hv = hv[: hv.index("</table>")]
    for value in ("1.5", "18", "1.32"):
        assert value in hv
    labels = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", " ".join(svgs)))
    if lang == "en":
        assert not re.search(r"[\u4e00-\u9fff]", labels), "English charts must be labelled in English"
    else:
        assert re.search(r"[\u4e00-\u9fff]", labels)
    assert "<script" not in "".join(svgs) and "http" not in "".join(svgs).replace("http://www.w3.org/2000/svg", "")


# -- cross-links --------------------------------------------------------------------

def test_predecessor_citation_links_to_the_2016_plan(built_site):
    html = page(built_site, "xinjiang-2021-2025/index.html")
    assert re.search(r'<a class="xref" href="\.\./xinjiang-2016-2020/index\.html">《新疆维吾尔自治区“十三五”知识产权（专利）规划》</a>', html)


def test_a_lookalike_title_is_not_linked_to_yuxi(built_site):
    for slug in SLUGS:
        for prefix in ("", "en/"):
            html = page(built_site, f"{prefix}{slug}/index.html")
            for link in re.findall(r'<a class="xref" href="([^"]+)">', html):
                assert "yuxi-2021" not in link, f"{slug}: nothing in the corpus cites the Yuxi plan"
    html = page(built_site, "xinjiang-2021-2025/index.html")
    assert re.search(r'<a class="xref" href="\.\./references/index\.html#ref-[^"]+">《关于强化知识产权保护的实施意见》</a>', html)


def test_every_citation_in_the_corpus_is_resolved(notes, plans):
    unresolved = []
    for slug, plan in plans.items():
        linker = CrossLinker(notes.documents, slug, "zh")
        own = {plan.data.title_zh}
        for anchor, text in anchored_texts(plan).items():
            linked = {piece for piece, doc in linker.segments(text) if doc}
            for title in citations(text):
                if title not in own and f"《{title}》" not in linked:
                    unresolved.append(f"{slug}#{anchor}: 《{title}》")
    assert not unresolved


def test_english_pages_link_citations_too(built_site):
    html = page(built_site, "en/xinjiang-2021-2025/index.html")
    assert re.search(r'<a class="xref" href="\.\./xinjiang-2016-2020/index\.html">', html)


def test_references_page_lists_outside_documents(built_site, notes):
    outside = [doc for doc in notes.documents if not doc.plan]
    assert len(outside) >= 15
    for path in ("references/index.html", "en/references/index.html"):
        html = page(built_site, path)
        for doc in outside:
            assert f'id="ref-{doc.id}"' in html


def test_the_xinjiang_plans_link_to_each_other(built_site):
    assert 'href="../xinjiang-2016-2020/index.html"' in page(built_site, "xinjiang-2021-2025/index.html").split('id="targets"')[0]
    assert 'href="../xinjiang-2021-2025/index.html"' in page(built_site, "xinjiang-2016-2020/index.html").split('id="targets"')[0]


# -- topics -------------------------------------------------------------------------

def test_topic_index(built_site, notes):
    assert len(notes.topics) >= 15
    for topic in notes.topics:
        assert len(topic.sections) >= 2, f"{topic.id} is in one plan only"
    for path in ("topics/index.html", "en/topics/index.html"):
        html = page(built_site, path)
        for topic in notes.topics:
            assert f'id="topic-{topic.id}"' in html


def test_sections_show_see_also_links_to_other_plans(built_site, notes):
    topic = notes.topics[0]
    slug, anchors = next(iter(topic.sections.items()))
    html = page(built_site, f"{slug}/index.html")
    heading = html.index(f'id="{anchors[0]}"')
    see_also = html[heading: html.index("</p>", html.index('class="see-also', heading))]
    for other, other_anchors in topic.sections.items():
        if other != slug:
            assert f"../{other}/index.html#{other_anchors[0]}" in see_also
