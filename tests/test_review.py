"""The English review report (`python -m tools review`): length rule, notes, lost numbers, house style."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support import SLUGS

from tools.annotate import house_style, translations
from tools.cli import main
from tools.common.paths import SOURCES
from tools.render import review


@pytest.fixture(scope="module")
def rule():
    return review.load_rule(SOURCES.house_style)


@pytest.fixture(scope="module")
def style():
    return house_style.load(SOURCES.house_style, SOURCES.terminology)


def test_length_rule_is_relative_to_the_median(rule):
    assert rule == review.LengthRule(min_zh=20, low=0.7, high=1.35)
    zh = "加" * 20
    assert review.length_ratio(zh, "x" * 80 + " [TN: a note that does not count]") == 4.0
    assert review.out_of_proportion("k", zh, "x" * 80, rule, 4.0) == ""
    assert review.out_of_proportion("k", zh, "x" * 55, rule, 4.0) == "short"  # 2.75 < 0.7 × 4
    assert review.out_of_proportion("k", zh, "x" * 109, rule, 4.0) == "long"  # 5.45 > 1.35 × 4
    assert review.out_of_proportion("k", "加" * 19, "x", rule, 4.0) == ""  # too short to judge
    assert review.median_ratio([(zh, "x" * 60), (zh, "x" * 80), (zh, "x" * 200), ("加", "x" * 999)], rule) == 4.0


def test_report_on_the_plans(plans, rule, style):
    median, reviews = review.review_plans([plans[slug] for slug in SLUGS], style, rule)
    assert 4.0 < median < 5.5
    found = {r.slug: r for r in reviews}
    assert set(found) == set(SLUGS)
    assert ("s3-34-p1", "26 April is World Intellectual Property Day.") in found["yuxi-2021"].notes
    assert all(not r.missing and not r.style for r in reviews)  # the tests of the translation hold


def test_report_lists_a_lost_number_and_a_cut_unit(plans, rule, style, monkeypatch):
    plan = plans["yuxi-2021"]
    english = dict(translations.for_plan(plan))
    key = "s1-2-p1"
    english[key] = replace(english[key], en=english[key].en.replace("32,000", "many").replace("3.9", "more"))
    english["s1-1"] = replace(english["s1-1"], en="Aims")  # 指导思想
    shortened = next(k for k, zh in translations.translation_units(plan) if len(zh) >= 40 and k.endswith("-p1"))
    english[shortened] = replace(english[shortened], en="Do it.")
    monkeypatch.setattr(review, "for_plan", lambda _plan: english)
    _, (result,) = review.review_plans([plan], style, rule)
    assert result.missing[key] == ["3.9", "3.2万"]
    assert shortened in [f.key for f in result.short]
    assert result.style == ["s1-1: 指导思想 is not rendered 'guiding thought'"]  # the heading lost its term


def test_command_writes_the_report(tmp_path):
    out = tmp_path / "review.md"
    assert main(["review", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# English review report\n")
    for slug in SLUGS:
        assert f"\n## {slug}\n" in text
    assert "- `s3-34-p1`: 26 April is World Intellectual Property Day." in text
    assert "below 0.7 × or above 1.35 × the median" in text
