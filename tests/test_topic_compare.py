"""Topic comparison pages, on the real built site: every section that sources/topics.toml lists
is on its topic's page whole, in both languages, with the plan page's citation and canonical
address; copies carry data-plan and data-search-exclude and ids of their own."""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import html as lxml_html

from tools.annotate.topics import load_topics
from tools.build import load_plans
from tools.common import contract
from tools.common.paths import SOURCES
from tools.model import anchors
from tools.model.document import Block, Plan, Section
from tools.site import search_index

LANGS = {"zh": "", "en": "en/"}
PLANS = {plan.data.slug: plan for plan in load_plans()}
TOPICS = load_topics(SOURCES.topics, list(PLANS.values()))


@cache
def parsed(site: Path, path: str):
    return lxml_html.fromstring((site / path).read_bytes())


def compare_path(topic_id: str, lang: str) -> str:
    return f"{LANGS[lang]}{anchors.compare_slug(topic_id)}/index.html"


def block_ids(blocks: list[Block]) -> list[str]:
    ids = []
    for block in blocks:
        ids.append(block.id)
        if block.kind == "table":
            ids += [anchors.row_id(block.id, r) for r in range(len(block.rows))]
        ids += block_ids(block.blocks)
        if block.duty:
            ids.append(block.duty.id)
    return ids


def section_ids(section: Section) -> list[str]:
    """Every citable part of a section, as the model has it: what must be on the page."""
    ids = [section.id, *block_ids(section.blocks)]
    if section.duty:
        ids.append(section.duty.id)
    for child in section.children:
        ids += section_ids(child)
    return ids


SIMILAR = f".//details[contains(concat(' ', @class, ' '), ' {contract.SIMILAR} ')]"


def text(element) -> str:
    """The element's text without the permalink sign; tooltips and links do not change it."""
    return " ".join(element.text_content().replace("\u00b6", "").split())


def text_without_similar(element) -> str:
    """A plan page element's text less its similar-passage disclosures (a box holds those of its
    paragraphs), which a comparison page leaves out: it is itself the comparison."""
    element = copy.deepcopy(element)
    for disclosure in element.xpath(SIMILAR):
        disclosure.drop_tree()
    return text(element)


def listed(plan: Plan, places: list[str]) -> list[str]:
    """The listed anchors, less those inside another listed one (shown with their parent)."""
    return [a for a in places if not any(a.startswith(other + "-") for other in places if other != a)]


CASES = [(topic.id, slug, lang) for topic in TOPICS for slug in topic.sections for lang in LANGS]


@pytest.mark.parametrize("topic_id,slug,lang", CASES)
def test_every_listed_section_is_there_whole_with_the_plans_citation(built_site, topic_id, slug, lang):
    topic = next(topic for topic in TOPICS if topic.id == topic_id)
    plan = PLANS[slug]
    page = parsed(built_site, compare_path(topic_id, lang))
    plan_page = parsed(built_site, f"{LANGS[lang]}{slug}/index.html")
    plan_url = plan_page.get_element_by_id("title").get(contract.PAGE_URL)
    groups = page.xpath(f"//details[@{contract.PLAN}='{slug}']")
    assert len(groups) == 1
    group = groups[0]
    assert group.get(contract.SEARCH_EXCLUDE) is not None and "compare-plan" in group.get("class")
    expected = [part for anchor in listed(plan, topic.sections[slug]) for part in section_ids(plan.section(anchor))]
    # Nothing more and nothing less: every citable element of the group is one of the sections' parts.
    copied = [element.get("id") for element in group.xpath(f".//*[@{contract.CITE}]")]
    assert copied == [anchors.copy_id(slug, anchor) for anchor in expected]
    for anchor in expected:
        original = plan_page.get_element_by_id(anchor)
        copied_part = page.get_element_by_id(anchors.copy_id(slug, anchor))
        assert copied_part.tag == original.tag or (original.tag[0] == copied_part.tag[0] == "h"), anchor
        assert text(copied_part) == text_without_similar(original), anchor
        assert not copied_part.xpath(SIMILAR), anchor
        assert copied_part.get(contract.CITE) == original.get(contract.CITE), anchor
        assert copied_part.get(contract.CITE_URL) == f"{plan_url}#{anchor}", anchor
        notes = f".//span[contains(concat(' ', @class, ' '), ' {contract.TRANSLATOR_NOTE} ')]"
        assert len(copied_part.xpath(notes)) == len(original.xpath(notes)), anchor  # translator's notes came along
    # Its side-by-side twins came too: as many as on the plan page within those sections.
    assert len(group.xpath(f".//*[contains(concat(' ', @class, ' '), ' {contract.TWIN} ')]")) > 0


@pytest.mark.parametrize("lang", LANGS)
def test_each_topic_page_names_and_links_each_place_in_the_plan(built_site, lang):
    for topic in TOPICS:
        page = parsed(built_site, compare_path(topic.id, lang))
        links = page.xpath(f"//p[contains(@class, '{contract.COMPARE_SOURCE}')]/a")
        hrefs = [link.get("href") for link in links]
        want = [f"../../{slug}/index.html#{anchor}" for slug in (s for s in PLANS if s in topic.sections)
                for anchor in sorted(listed(PLANS[slug], topic.sections[slug]), key=lambda a: list(PLANS[slug]._sections_by_id).index(a))]
        assert hrefs == want, topic.id
        for link in links:
            slug, anchor = re.match(r"\.\./\.\./([^/]+)/index\.html#(.+)", link.get("href")).groups()
            plan = PLANS[slug]
            # The plan's short name and the section's printed number are in the link text.
            assert (plan.data.short_zh if lang == "zh" else plan.data.short_en) in text(link)
            number = plan.numbers[anchor] if lang == "zh" else anchors.english_number(anchor)
            assert number in text(link), (topic.id, anchor)
            assert parsed(built_site, f"{LANGS[lang]}{slug}/index.html").get_element_by_id(anchor) is not None


@pytest.mark.parametrize("lang", LANGS)
def test_ids_are_unique_and_never_canonical_anchors(built_site, lang):
    for topic in TOPICS:
        ids = parsed(built_site, compare_path(topic.id, lang)).xpath("//@id")
        assert len(ids) == len(set(ids)), topic.id
        pretending = [i for i in ids if anchors.parse(i) is not None]
        assert pretending == [], topic.id


def test_same_ids_in_both_languages(built_site):
    for topic in TOPICS:
        zh = parsed(built_site, compare_path(topic.id, "zh")).xpath("//article//@id")
        en = parsed(built_site, compare_path(topic.id, "en")).xpath("//article//@id")
        assert zh == en, topic.id


def test_topic_index_links_each_comparison(built_site):
    for lang in LANGS:
        index = parsed(built_site, f"{LANGS[lang]}topics/index.html")
        hrefs = set(index.xpath("//article//a/@href"))
        for topic in TOPICS:
            assert f"{topic.id}/index.html" in hrefs, (lang, topic.id)


def test_copies_stay_out_of_the_search_index(built_site):
    """The plan sections are found on the plan pages; the comparison page adds no second hit."""
    sample = PLANS["xinjiang-2021-2025"].section("s3-1-5").blocks[0].text[:30]
    for lang in LANGS:
        index = search_index.read(built_site, lang)
        urls = [page[0] for page in index["pages"]]
        compare_pages = {n for n, url in enumerate(urls) if "topics/ip-finance/" in url}
        assert len(compare_pages) == 1  # the page is found by its title and introduction
        texts = " ".join(doc[4] for doc in index["docs"] if doc[0] in compare_pages)
        if lang == "zh":
            plain = re.sub(r"[\u200b\s]", "", texts)
            assert sample not in plain
            everywhere = re.sub(r"[\u200b\s]", "", " ".join(doc[4] for doc in index["docs"]))
            assert sample in everywhere  # found where it stands, on the plan page
        assert "推进专利金融创新发展" not in texts and "patent finance" not in texts.lower()


def test_glossary_tooltips_inside_the_copies_but_not_in_summaries(built_site):
    page = parsed(built_site, compare_path("ip-finance", "zh"))
    assert page.xpath(f"//details[@{contract.PLAN}]//p[@{contract.CITE}]//abbr[@title]")
    assert page.xpath("//summary//abbr") == []


def test_copies_cite_absolute_addresses_with_a_base_url(built_site):
    """With SITE_URL, the copied passages' addresses become absolute, as the page title's does."""
    from types import SimpleNamespace

    from tools.site import hooks

    output = (built_site / compare_path("ip-finance", "en")).read_text(encoding="utf-8")
    page = SimpleNamespace(url="en/topics/ip-finance/", file=SimpleNamespace(src_uri="topics/ip-finance/index.en.md", locale="en"))
    result = hooks.on_post_page(output, page=page, config=SimpleNamespace(site_url="https://example.org/plans/"))
    urls = re.findall(rf'{contract.CITE_URL}="([^"]*)"', result)
    assert len(urls) == len(re.findall(rf'{contract.CITE_URL}="', output)) > 0
    assert all(url.startswith("https://example.org/plans/en/") and "#" in url for url in urls), urls[:3]
    assert 'data-url="https://example.org/plans/en/topics/ip-finance/"' in result
