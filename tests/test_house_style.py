"""The English house style (sources/house-style.toml, one rendering per term in terminology.toml)."""

from __future__ import annotations

import pytest
from support import SLUGS

from tools.annotate import house_style, translations
from tools.annotate.translations import Entry
from tools.common.paths import SOURCES


@pytest.fixture(scope="module")
def style():
    return house_style.load(SOURCES.house_style, SOURCES.terminology)


def english(plans, slug):
    return translations.for_plan(plans[slug])


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
    problems = house_style.term_problems(english(plans, slug), style)
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

    assert english_amount(20, "100 million yuan") == "CNY 2 billion"
    assert english_amount(3, "100 million yuan") == "CNY 300 million"
    assert english_amount(3.17, "10,000 registrations") == "31,700 registrations"
    assert english_amount(1.5, "patents") == "1.5 patents"
    assert english_amount(15, "%", "") == "15%"


def test_no_multiplier_left_in_english_target_pages(built_site):
    for page in ("en/targets/index.html", *(f"en/{slug}/index.html" for slug in SLUGS)):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "× 100 million" not in html and "× 10,000" not in html, page
