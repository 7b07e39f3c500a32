"""The English house style (sources/house-style.toml, one rendering per term in terminology.toml)."""

from __future__ import annotations

import pytest
from support import SLUGS

from tools.annotate import house_style, translations
from tools.annotate.translations import Entry
from tools.common.paths import SOURCES


@pytest.fixture(scope="module")
def notes(plans):
    from tools.annotate.annotations import load_annotations

    return load_annotations(SOURCES, list(plans.values()))


@pytest.fixture(scope="module")
def style():
    return house_style.load(SOURCES.house_style, SOURCES.terminology)


def english(plans, slug):
    """The plan's English, one translated entry per translation unit: the checks below look for
    problems, and an empty or partial file would show none."""
    found = translations.for_plan(plans[slug])
    units = [key for key, _ in translations.translation_units(plans[slug])]
    assert units and sorted(found) == sorted(units) and all(entry.en for entry in found.values()), slug
    return found


@pytest.mark.parametrize("slug", SLUGS)
def test_headings_in_sentence_case(plans, style, slug):
    problems = house_style.heading_problems(english(plans, slug), style)
    assert not problems, f"{slug}: headings not in sentence case (expected form shown): {problems}"


@pytest.mark.parametrize("slug", SLUGS)
def test_straight_quotes_only(plans, style, slug):
    assert house_style.quote_problems(english(plans, slug), style) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_british_spelling(plans, style, slug):
    assert house_style.spelling_problems(english(plans, slug), style) == {}


@pytest.mark.parametrize("slug", SLUGS)
def test_one_rendering_per_term(plans, style, slug):
    problems = house_style.term_problems(english(plans, slug), style, slug)
    assert not problems, f"{slug}: " + "; ".join(problems)


@pytest.mark.parametrize("slug", SLUGS)
def test_institutions_named_by_the_plans_period(plans, style, slug):
    problems = house_style.period_problems(plans[slug], english(plans, slug), style)
    assert not problems, f"{slug} ({house_style.plan_date(plans[slug])}): {problems}"


def test_the_2016_plan_names_sipo(plans, style):
    """国家知识产权局 was SIPO until the 2018 reform; the plans after it say CNIPA."""
    by_date = {slug: house_style.plan_date(plans[slug]) < "2018-03" for slug in SLUGS}
    assert any(by_date.values()) and not all(by_date.values())
    for slug, early in by_date.items():
        text = " ".join(entry.en for entry in english(plans, slug).values())
        mentions = [entry for entry in english(plans, slug).values() if "国家知识产权局" in entry.zh]
        if mentions:
            assert ("SIPO" in text) == early and ("CNIPA" in text) != early, slug


def unit(key: str, zh: str, en: str) -> dict[str, Entry]:
    return {key: Entry(key, zh, en, "", [])}


def test_checks_catch_each_kind_of_break(style):
    assert house_style.heading_problems(unit("s1-2", "基本原则", "Basic Principles"), style) == {"s1-2": "Basic principles"}
    assert house_style.heading_problems(unit("s3-7-2", "", "Building a Central Asia IP Platform"), style) == {
        "s3-7-2": "Building a Central Asia IP platform"}
    assert house_style.heading_problems(unit("s1", "", 'The "Blue Sky" Campaign in Xinjiang'), style) == {
        "s1": 'The "Blue Sky" campaign in Xinjiang'}
    assert house_style.quote_problems(unit("s1-p1", "", "the region’s “plan”"), style) == ["s1-p1"]
    assert house_style.spelling_problems(unit("s1-p1", "", "Organization of a center"), style) == {
        "s1-p1": ["Organiz", "center"]}
    assert house_style.spelling_problems(unit("s1-p1", "", "the Technology and Innovation Support Center"), style) == {}
    assert house_style.term_problems(unit("s2-1", "指导思想", "Guiding ideology"), style) == [
        "s2-1: 指导思想 as 'guiding ideology', not 'guiding thought'",
        "s2-1: 指导思想 is not rendered 'guiding thought'",
    ]
    assert house_style.term_problems(unit("s1-p1", "一带一路", "the Belt and Road [TN: Belt and Road Initiative]"), style) == []
    # Terms the plans render one way are required: a second rendering fails.
    assert house_style.term_problems(unit("s1-p1", "在乌鲁木齐", "in Ürümqi"), style) == [
        "s1-p1: 乌鲁木齐 is not rendered 'Urumqi'"]
    assert house_style.term_problems(unit("s1-p1", "专利导航", "patent-guided planning"), style) == [
        "s1-p1: 专利导航 is not rendered 'patent navigation'"]


def test_translator_notes_render_apart_and_are_listed(built_site):
    from tools.common import contract as c

    html = (built_site / "en" / "yuxi-2021" / "index.html").read_text(encoding="utf-8")
    assert f'<span class="{c.TRANSLATOR_NOTE} {c.ANNOTATION}" {c.SEARCH_EXCLUDE}>[TN: 26 April is ' in html
    assert f'id="{c.TRANSLATOR_NOTES_ID}"' in html
    assert 'href="#s3-34-p1"' in html
    chinese = (built_site / "yuxi-2021" / "index.html").read_text(encoding="utf-8")
    assert f'id="{c.TRANSLATOR_NOTES_ID}"' not in chinese


def test_target_figures_read_as_english_prose():
    """亿元 and 万件 targets keep `value` as printed but read like the paragraphs: CNY 2 billion, 31,700."""
    from tools.annotate.targets import english_amount

    assert english_amount(20, "CNY 100 million") == "CNY 2 billion"
    assert english_amount(3, "CNY 100 million") == "CNY 300 million"
    assert english_amount(3.17, "10,000 registrations") == "31,700 registrations"
    assert english_amount(1.5, "per 10,000 people") == "1.5 per 10,000 people"
    assert english_amount(1400, "per 10,000 enterprises") == "1,400 per 10,000 enterprises"
    assert english_amount(15, "%", "") == "15%"


def test_figures_state_comparisons_in_words(notes):
    """`figure_en` is what tables, charts and the data print: words, never ≥ > ≈."""
    figures = {(t.plan, t.anchor, t.value): t.figure_en for t in notes.targets}
    assert figures[("tongzhou-2022-2025", "s3-p2", 20)] == "more than CNY 2 billion"
    assert figures[("tongzhou-2022-2025", "s3-p3", 90)] == "at least 90%"
    assert figures[("gansu-2021-2035", "s1-3-p1", 3.17)] == "31,700 registrations"
    assert figures[("xinjiang-2021-2025", "s2-3-p3", 1.5)] == "1.5 per 10,000 people"
    assert figures[("xinjiang-2016-2020", "s3-6-1-p1", 100)] == "about 100 people"
    for figure in figures.values():
        assert not set(figure) & set("≥≤>=<~≈×"), figure


def test_unit_en_names_the_printed_multiplier(notes):
    """`value` stays in the printed unit (the data contract), so unit_en must name the same multiplier."""
    for target in notes.targets:
        if target.unit_zh.startswith("亿"):
            assert target.unit_en.startswith("CNY 100 million"), target
        elif target.unit_zh.startswith("万") and len(target.unit_zh) > 1:
            assert target.unit_en.startswith("10,000 "), target
        else:
            assert "100 million" not in target.unit_en and not target.unit_en.startswith("10,000"), target


def test_paragraphs_state_the_figure_of_their_targets(plans, notes):
    """A target read from a paragraph: the paragraph gives the same number with the same comparison."""
    from tools.annotate.targets import stated_in

    checked = 0
    for target in notes.targets:
        entry = english(plans, target.plan).get(target.anchor)
        if entry is None:
            continue  # a table row: the table is the statement
        checked += 1
        assert stated_in(target, translations.without_notes(entry.en)), (target.plan, target.anchor, target.figure_en)
    assert checked >= 30


def test_paragraph_check_catches_a_different_figure(notes):
    from tools.annotate.targets import stated_in

    target = next(t for t in notes.targets if t.figure_en == "more than CNY 2 billion")
    assert stated_in(target, "pledges will exceed CNY 2 billion.")
    assert not stated_in(target, "pledges will reach CNY 2 billion.")  # the comparison is lost
    assert not stated_in(target, "pledges will exceed 20 × 100 million yuan.")
    at_least = next(t for t in notes.targets if t.figure_en == "at least 90%")
    assert stated_in(at_least, "a rate of 90% or above")
    assert not stated_in(at_least, "a rate of more than 90%")
    assert not stated_in(at_least, "a rate of 190% or above")


def test_no_multiplier_left_in_english_target_pages(built_site):
    for page in ("en/targets/index.html", *(f"en/{slug}/index.html" for slug in SLUGS)):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "× 100 million" not in html and "× 10,000" not in html, page
        assert "&gt; " not in html and "≥ " not in html and "≈ " not in html, page


def test_published_targets_carry_the_english_figure(built_site):
    import csv
    import io
    import json

    records = json.loads((built_site / "data" / "targets.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "targets.csv").read_text(encoding="utf-8-sig"))))
    tongzhou = next(r for r in records if r["plan"] == "tongzhou-2022-2025" and r["unit_zh"] == "亿元")
    assert (tongzhou["value"], tongzhou["unit_en"], tongzhou["figure_en"]) == (20, "CNY 100 million", "more than CNY 2 billion")
    assert [r["figure_en"] for r in rows] == [r["figure_en"] for r in records]
    assert not any("100 million yuan" in r["unit_en"] for r in records)


def test_one_rendering_per_term_for_the_terms_once_rendered_several_ways(style):
    """知识产权强区, 知识产权运营, 商标品牌, 放管服, 兵地 and 12330 each have one rendering (issue 22);
    "IP" spelled out is the same rendering; a term whose sense is the plan's is scoped to plans;
    a longer term decides the sense of the shorter one inside it."""
    terms = {term.zh for term in style.terms if term.required}
    assert {"知识产权强区", "知识产权运营", "商标品牌", "放管服", "兵地", "12330"} <= terms
    check = house_style.term_problems
    assert check(unit("s1-p1", "知识产权运营服务平台", "IP operation service platforms"), style) == [
        "s1-p1: 知识产权运营 as 'IP operation', not 'IP commercialisation'",
        "s1-p1: 知识产权运营 is not rendered 'IP commercialisation'"]
    assert check(unit("s1-p1", "知识产权运营服务平台", "intellectual property (IP) commercialisation service platforms"), style) == []
    assert check(unit("s1-p1", "“12330”服务电话", 'the "12330" service hotline'), style) == [
        "s1-p1: 12330 as '\"12330\"', not '12330'"]
    assert check(unit("s1-p1", "兵地联合", "joint work of the XPCC and the prefectures"), style) == [
        "s1-p1: 兵地 is not rendered 'the Corps and the local governments'"]
    region = unit("s1-p1", "建设知识产权强区", "build a district of IP power")
    assert check(region, style, "tongzhou-2022-2025") == []
    assert check(region, style, "xinjiang-2021-2025") == ["s1-p1: 知识产权强区 is not rendered 'region of IP power'"]
    assert check(unit("s2-3-p1", "“五位一体、融通增效”", '"five-in-one (五位一体) integration"'), style) == []
    assert check(unit("s2-1-p1", "统筹推进“五位一体”总体布局", "the five-in-one overall plan"), style) == [
        "s2-1-p1: 五位一体 is not rendered 'five-sphere integrated plan'"]
