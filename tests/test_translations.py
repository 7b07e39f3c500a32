"""English: complete, not stale, numbers carried over exactly, ids aligned."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tools.annotate import translations

SLUGS = ["gansu-2021-2035", "tongzhou-2022-2025", "xinjiang-2016-2020", "xinjiang-2021-2025", "yuxi-2021"]
NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def english_forms(number: str, multiplier: str | None, following: str) -> list[str]:
    """How a Chinese number may legitimately appear in English."""
    value = Decimal(number)
    if multiplier:
        full = value * (10_000 if multiplier == "万" else 100_000_000)
        forms = [f"{full:,.0f}", f"{full:.0f}"]
        for scale, word in ((Decimal(10**9), "billion"), (Decimal(10**6), "million"), (Decimal(10**3), "thousand")):
            scaled = (full / scale).normalize()
            if scaled >= 1:
                text = f"{scaled:f}".rstrip("0").rstrip(".") if "." in f"{scaled:f}" else f"{scaled:f}"
                forms.append(f"{text} {word}")
        return forms
    forms = [number]
    if following.startswith("月") and 1 <= int(value) <= 12 and value == int(value):
        forms.append(MONTHS[int(value) - 1])
    return forms


def missing_numbers(zh: str, en: str) -> list[str]:
    plain_en = en.replace(",", "")
    missing = []
    for match in NUMBER.finditer(zh):
        number, multiplier = match.group(1), match.group(2)
        forms = english_forms(number, multiplier, zh[match.end():])
        if not any(form.replace(",", "") in plain_en or form in en for form in forms):
            missing.append(match.group(0))
    return missing


@pytest.fixture(scope="module")
def units(plans):
    return {slug: translations.translation_units(plans[slug]) for slug in SLUGS}


@pytest.mark.parametrize("slug", SLUGS)
def test_every_unit_has_current_english(units, slug):
    english = translations.load(slug)
    missing = [key for key, _ in units[slug] if key not in english or not english[key].en.strip()]
    stale = [key for key, zh in units[slug] if key in english and english[key].hash != translations.text_hash(zh)]
    assert not missing, f"{slug}: no English for {missing[:10]}"
    assert not stale, f"{slug}: Chinese changed since translation for {stale[:10]}"


@pytest.mark.parametrize("slug", SLUGS)
def test_no_orphan_translations(units, slug):
    keys = {key for key, _ in units[slug]}
    orphans = set(translations.load(slug)) - keys
    assert not orphans, f"{slug}: translations for ids that no longer exist: {sorted(orphans)[:10]}"


@pytest.mark.parametrize("slug", SLUGS)
def test_numbers_carried_over(units, slug):
    english = translations.load(slug)
    problems = {key: missing_numbers(zh, english[key].en) for key, zh in units[slug]}
    problems = {key: value for key, value in problems.items() if value}
    assert not problems, f"{slug}: numbers missing in English: {problems}"


@pytest.mark.parametrize("slug", SLUGS)
def test_duty_units_translated(plans, slug):
    english = translations.load(slug)
    for block in plans[slug].all_blocks():
        if block.duty:
            assert len(english[block.duty.id].units_en) == len(block.duty.lead + block.duty.units), block.duty.id


def test_wan_and_yi_conversion_rules():
    assert missing_numbers("达到1.94万件", "reached 19,400") == []
    assert missing_numbers("30亿元", "CNY 3 billion") == []
    assert missing_numbers("3.17万件", "31,700 registrations") == []
    assert missing_numbers("3.17万件", "3.17 registrations") == ["3.17万"]
    assert missing_numbers("2022年8月", "August 2022") == []
    assert missing_numbers("增长27%", "grew by 72%") == ["27"]


def test_number_check_figure(units):
    """The figure quoted in the closing note: how many numbers were checked."""
    total = sum(len(NUMBER.findall(zh)) for slug in SLUGS for _, zh in units[slug])
    assert total > 200


def test_stale_translation_is_detected(plans, tmp_path):
    plan = plans["yuxi-2021"]
    path = translations.write_skeleton(plan, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert 'en = ""' in text  # a fresh directory has no English yet
    english_file = translations.path_for("yuxi-2021")
    tampered = english_file.read_text(encoding="utf-8").replace('zh = "指导思想"', 'zh = "指导思想X"', 1)
    (tmp_path / "yuxi-2021.en.toml").write_text(tampered, encoding="utf-8")
    entries = translations.load("yuxi-2021", tmp_path)
    assert entries["s1-1"].hash == translations.text_hash("指导思想")
    translations.write_skeleton(plan, tmp_path)
    assert translations.load("yuxi-2021", tmp_path)["s1-1"].en  # unchanged Chinese keeps its English
