"""Issue 24 part 3: the translation memory (TMX 1.4b) and the parallel text, read back by
translate-toolkit (the TMX) and the csv module (the TSV), with the site's unit count."""

from __future__ import annotations

import csv

import pytest
from lxml import etree
from support import plan_slugs
from translate.storage.tmx import tmxfile

from tools.annotate.translations import translation_units
from tools.build import load_corpus
from tools.render import tmx

SLUGS = plan_slugs()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def read_tmx(built_site, name: str) -> tmxfile:
    with open(built_site / tmx.tmx_path(name), "rb") as handle:
        return tmxfile(handle, sourcelanguage=tmx.SOURCE_LANG, targetlanguage=tmx.TARGET_LANG)


@pytest.mark.parametrize("slug", SLUGS)
def test_translate_toolkit_reads_each_plan(built_site, corpus, slug):
    plan = corpus.by_slug[slug]
    expected = translation_units(plan)
    store = read_tmx(built_site, slug)
    assert len(store.units) == len(expected)
    english = corpus.english(plan)
    for unit, (key, zh) in zip(store.units, expected, strict=True):
        assert unit.getid() == f"{slug}#{key}"
        assert unit.source == zh
        assert unit.target and "[TN:" not in unit.target
        notes = unit.getnotes()
        assert ("[TN:" in english[key].en) == bool(notes)


def test_all_holds_every_unit_of_the_site(built_site, corpus):
    store = read_tmx(built_site, tmx.ALL)
    assert len(store.units) == sum(len(translation_units(plan)) for plan in corpus.plans) == 560


def test_every_unit_names_its_plan_and_anchor(built_site):
    tree = etree.parse(str(built_site / tmx.tmx_path("yuxi-2021")))
    assert tree.docinfo.doctype == '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    assert tree.getroot().get("version") == "1.4"
    for tu in tree.iter("tu"):
        props = {prop.get("type"): prop.text for prop in tu.findall("prop")}
        assert props["x-plan"] == "yuxi-2021"
        assert tu.get("tuid") == f"yuxi-2021#{props['x-anchor']}"
        assert props["x-status"] == "translated"


def test_untranslated_unit_keeps_only_its_chinese(corpus):
    plan = corpus.by_slug["yuxi-2021"]
    units = tmx.units(corpus, plan)[:2]
    units[1] = {**units[1], "en": "", "notes": [], "status": "untranslated"}
    tu = etree.fromstring(tmx.tmx(units, "edition").encode("utf-8")).findall(".//tu")[1]
    assert [tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in tu.findall("tuv")] == ["zh-CN"]
    assert tu.find("prop[@type='x-status']").text == "untranslated"


@pytest.mark.parametrize("name", [*SLUGS, tmx.ALL])
def test_parallel_text_matches_the_memory(built_site, name):
    with open(built_site / tmx.tsv_path(name), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    store = read_tmx(built_site, name)
    assert len(rows) == len(store.units)
    for row, unit in zip(rows, store.units, strict=True):
        assert f"{row['plan']}#{row['anchor']}" == unit.getid()
        assert (row["zh"], row["en"]) == (unit.source, unit.target)
