"""The synthetic corpus of the benchmarks (bench/synthetic.py): varied, and accepted by the pipeline
as the real plans are, translations and targets still lining up."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bench import synthetic
from tools.annotate import translations
from tools.build import load_corpus
from tools.common.paths import SOURCES, SourceTree
from tools.model.plandata import load_all

REAL = len(load_all(SOURCES))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Two copies of every real plan beside the real ones, loaded by the pipeline (targets,
    lineage and alignments checked as for the real plans)."""
    sources = synthetic.synthetic_sources(tmp_path_factory.mktemp("synthetic"), 3 * REAL)
    return load_corpus(SourceTree(sources))


def test_every_plan_keeps_its_translation_current(corpus):
    assert len(corpus.plans) == 3 * REAL
    for plan in corpus.plans:
        cover = translations.coverage(plan, translations.for_plan(plan))
        assert (cover.missing, cover.stale, cover.orphans) == ([], [], []), plan.data.slug


def test_copies_differ_in_text_and_in_the_facts_a_plans_page_filters_on(corpus):
    by_slug = {plan.data.slug: plan for plan in corpus.plans}
    varied = 0
    for plan in corpus.plans:
        if plan.data.slug in {data.slug for data in load_all(SOURCES)}:
            continue
        skeleton = by_slug[plan.data.slug.rsplit("-c", 1)[0]]
        units = dict(translations.translation_units(plan))
        real_units = dict(translations.translation_units(skeleton))
        assert units.keys() == real_units.keys()
        varied += sum(units[key] != real_units[key] for key in units) > 0
    assert varied == 2 * REAL
    # Each copy renames its region (a plan and its predecessor stay one region).
    real_regions = {data.jurisdiction_zh for data in load_all(SOURCES)}
    assert len({plan.data.jurisdiction_zh for plan in corpus.plans}) == 3 * len(real_regions)
    assert len({plan.data.period for plan in corpus.plans}) > len({data.period for data in load_all(SOURCES)})


def test_paragraphs_are_exchanged_between_plans(tmp_path):
    """At least one copy holds a paragraph (and its English) from another real plan."""
    sources = synthetic.synthetic_sources(tmp_path, 2 * REAL)
    real_english = {slug: tomllib.loads(SOURCES.translation_file(slug).read_text(encoding="utf-8")) for slug in
                    (data.slug for data in load_all(SOURCES))}
    foreign = 0
    for slug, english in real_english.items():
        copy = tomllib.loads((sources / "translations" / f"{slug}-c1.en.toml").read_text(encoding="utf-8"))
        others = {entry["zh"] for other, entries in real_english.items() if other != slug for entry in entries.values()}
        foreign += sum(entry["zh"] in others and entry["zh"] not in {e["zh"] for e in english.values()} for entry in copy.values())
    assert foreign > 0


def test_count_must_keep_plans_with_their_predecessors(tmp_path: Path):
    with pytest.raises(ValueError):
        synthetic.synthetic_sources(tmp_path, REAL + 1)
