"""English: complete, not stale, numbers carried over exactly, ids aligned."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from support import SLUGS

from tools.annotate import translations
from tools.annotate.translations import missing_numbers
from tools.common.paths import SourceTree


@pytest.fixture(scope="module")
def units(plans):
    return {slug: translations.translation_units(plans[slug]) for slug in SLUGS}


@pytest.mark.parametrize("slug", SLUGS)
def test_every_unit_has_current_english_and_no_orphans(plans, slug):
    state = translations.coverage(plans[slug], translations.for_plan(plans[slug]))
    assert not state.missing, f"{slug}: no English for {state.missing[:10]}"
    assert not state.stale, f"{slug}: Chinese changed since translation for {state.stale[:10]}"
    assert not state.orphans, f"{slug}: translations for ids that no longer exist: {state.orphans[:10]}"


@pytest.mark.parametrize("slug", SLUGS)
def test_numbers_carried_over(plans, units, slug):
    english = translations.for_plan(plans[slug])
    assert units[slug] and {key for key, _ in units[slug]} == set(english), slug  # every unit is checked
    # Translator's notes are not the text: a number in a note must not stand in for one the translation lost.
    problems = {key: missing_numbers(zh, translations.without_notes(english[key].en)) for key, zh in units[slug]}
    problems = {key: value for key, value in problems.items() if value}
    assert not problems, f"{slug}: numbers missing in English: {problems}"


@pytest.mark.parametrize("slug", SLUGS)
def test_duty_units_translated(plans, slug):
    english = translations.for_plan(plans[slug])
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


@pytest.mark.parametrize("slug", SLUGS)
def test_translator_notes_only_in_text_blocks(plans, slug):
    """Headings, titles, cells and metadata render without notes, so a note there would be lost."""
    plan = plans[slug]
    blocks = {b.id for b in plan.all_blocks() if b.kind not in ("table", "box")}
    blocks |= {b.duty.id for b in plan.all_blocks() if b.duty}
    english = translations.for_plan(plan)
    misplaced = [key for key, entry in english.items() if translations.NOTE.search(entry.en) and key not in blocks]
    assert not misplaced, f"{slug}: translator's notes outside text blocks: {misplaced}"
    unclosed = [key for key, entry in english.items() if "[TN" in translations.without_notes(entry.en)]
    assert not unclosed, f"{slug}: malformed translator's notes in {unclosed}"


def test_notes_are_split_from_the_text():
    en = "Implement the standard [TN: It is GB/T 29490.] in 2025."
    assert translations.split_notes(en) == [("Implement the standard", False), ("It is GB/T 29490.", True), (" in 2025.", False)]
    assert translations.without_notes(en) == "Implement the standard in 2025."
    assert missing_numbers("实施标准", translations.without_notes("Implement [TN: 29490]")) == []
    assert missing_numbers("2025年", translations.without_notes("by [TN: 2025]")) == ["2025"]


def test_stale_translation_is_detected(plans, tmp_path):
    """Changing the Chinese of a unit after it was translated marks it stale, and a refresh drops its English."""
    plan = plans["yuxi-2021"]
    english = dict(translations.for_plan(plan))
    assert translations.coverage(plan, english).stale == []
    old = english["s1-1"]
    english["s1-1"] = translations.Entry(old.key, old.zh, old.en, translations.text_hash(old.zh + "X"), old.units_en)
    assert translations.coverage(plan, english).stale == ["s1-1"]
    tree = copy_tree_for(plan, tmp_path)
    moved = replace(plan, data=replace(plan.data, tree=tree))
    source = tree.translation_file("yuxi-2021")
    source.write_text(source.read_text(encoding="utf-8").replace(f'hash = "{old.hash}"', 'hash = "000000000000"', 1), encoding="utf-8")
    translations.write_skeleton(moved)
    refreshed = translations.for_plan(moved)
    assert refreshed["s1-1"].en == ""  # stale English is dropped for retranslation
    assert refreshed["s1-2"].en == english["s1-2"].en  # unchanged Chinese keeps its English


@pytest.mark.parametrize("slug", SLUGS)
def test_refresh_of_an_unchanged_plan_writes_the_committed_file(plans, tmp_path, slug):
    """`python -m tools translations` wrote each committed file: run again on unchanged Chinese, it
    gives the same bytes (header, keys, hashes, Chinese, English, the duty notes' units and their
    English), so any change to how the file is written shows here."""
    plan = plans[slug]
    moved = replace(plan, data=replace(plan.data, tree=copy_tree_for(plan, tmp_path)))
    written = translations.write_skeleton(moved).read_text(encoding="utf-8")
    assert written == plan.data.tree.translation_file(slug).read_text(encoding="utf-8")
    has_duties = any(block.duty for block in plan.all_blocks()) or any(section.duty for section in plan.walk())
    assert ("\nunits = [" in written) == has_duties


def copy_tree_for(plan, tmp_path) -> SourceTree:
    tree = SourceTree(tmp_path / "sources")
    tree.translations.mkdir(parents=True)
    shutil.copy(plan.data.tree.translation_file(plan.data.slug), tree.translation_file(plan.data.slug))
    return tree
