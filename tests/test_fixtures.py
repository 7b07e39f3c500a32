"""Synthetic plans, one per family, built through the same pipeline and site as the real plans.

tests/fixtures/sources/ holds plan data and seeds only; the shared inputs they do not bring
(interface strings, metadata labels, edition facts, the OpenCC config) come from the real tree. Each
plan's Chinese and English pages are golden Markdown under tests/golden/fixtures/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden_files import compare
from support import ROOT, plan_slugs

from tools import cli
from tools.build import load_plans
from tools.common.paths import SOURCES, SourceTree
from tools.model.plandata import chart_series, load_all
from tools.render.plan_page import heading_label

FIXTURES = SourceTree(ROOT / "tests" / "fixtures" / "sources")
GOLDEN = ROOT / "tests" / "golden" / "fixtures"
SHARED = ("ui.toml", "metadata-fields.toml", "publication.toml", "opencc")
FIXTURE_SLUGS = plan_slugs(FIXTURES)


def fixture_tree(target: Path) -> SourceTree:
    shutil.copytree(FIXTURES.root, target)
    for name in SHARED:
        source = SOURCES.root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return SourceTree(target)


@pytest.fixture(scope="module")
def fixture_docs(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fixtures")
    tree = fixture_tree(root / "sources")
    assert cli.main(["--sources", str(tree.root), "--docs", str(root / "docs"), "build"]) == 0
    return root / "docs"


@pytest.fixture(scope="module")
def fixture_plans(tmp_path_factory):
    tree = fixture_tree(tmp_path_factory.mktemp("fixture-plans") / "sources")
    return {plan.data.slug: plan for plan in load_plans(tree)}


def test_one_fixture_per_family():
    assert len(FIXTURE_SLUGS) >= 4


@pytest.mark.parametrize("slug", FIXTURE_SLUGS)
@pytest.mark.parametrize("suffix", ["", ".en"])
def test_fixture_pages_golden(fixture_docs, slug, suffix, update_golden):
    page = (fixture_docs / slug / f"index{suffix}.md").read_text(encoding="utf-8")
    compare(GOLDEN / f"{slug}{suffix or '.zh'}.md", page, update_golden)


def test_chapter_levels_build_ids_by_depth(fixture_plans):
    plan = fixture_plans["fixture-five-year"]
    sections = {s.id: s for s in plan.walk()}
    assert sections["s3-2-1"].number == "第三章第二节一"
    assert sections["s3-2-1"].level == 4 and sections["s3"].level == 2
    assert sections["s1-2-2"].title == "挑战"  # lead sentence within title_max
    assert [b.id for b in plan.all_blocks() if b.kind in ("box", "table")] == ["table-1", "table-2", "box-1"]


def test_space_aligned_table_with_two_header_rows(fixture_plans):
    plan = fixture_plans["fixture-five-year"]
    table = next(b for b in plan.all_blocks() if b.id == "table-2")
    assert table.caption == "分年度目标" and table.header_rows == 2
    assert table.rows[0] == ["指标", "2026年", "2028年", "2030年"]
    assert table.rows[1] == ["类别", "预期性", "预期性", "约束性"]
    assert table.rows[2] == ["专利密集型产业增加值占比（%）", "14", "15", "16"]
    assert len(table.rows) == 4


def test_tab_separated_table_keeps_empty_cells(fixture_plans):
    plan = fixture_plans["fixture-annual"]
    table = next(b for b in plan.all_blocks() if b.kind == "table")
    assert (table.id, table.caption, table.header_rows) == ("table-1", "重点任务分工", 1)
    assert table.rows == [["任务", "牵头单位", "完成时限"], ["专项行动", "区市场监管局", "2026年6月"], ["纠纷调解", "区司法局", ""]]
    assert not any("\t" in b.text or "区市场监管局2026" in b.text for b in plan.all_blocks())


def test_long_entry_is_a_numbered_paragraph_with_its_note(fixture_plans):
    plan = fixture_plans["fixture-annual"]
    entry = plan.section("s1-2")
    assert not entry.heading
    assert entry.title.startswith("开展贯标工作，") and entry.title.endswith("通过认证。")
    assert entry.duty.text == "区工信局负责" and entry.duty.units == ["区工信局"]
    assert plan.section("s1-1").heading and plan.section("s1-1").title == "培育高价值专利"


def test_duty_note_forms(fixture_plans):
    annual = {d.id: d for d in (b.duty for b in fixture_plans["fixture-annual"].all_blocks()) if d}
    assert annual["s1-1-p1-duty"].units == ["区科技局", "区市场监管局"]
    assert annual["s2-1-p1-duty"].text == "责任单位：区司法局、区市场监管局（知识产权局）"
    assert annual["s2-1-p1-duty"].units == ["区司法局", "区市场监管局（知识产权局）"]
    assert annual["s2-2-1-p1-duty"].lead == ["区市场监管局（知识产权局）"]
    opinions = [b.duty for b in fixture_plans["fixture-opinions"].all_blocks() if b.duty]
    assert [(d.lead, d.units) for d in opinions] == [(["市市场监管局"], ["市科技局", "市财政局"])]


def test_sub_items_and_pipe_table(fixture_plans):
    plan = fixture_plans["fixture-opinions"]
    assert plan.section("s2-1-2").number == "二（一）（2）"
    table = next(b for b in plan.all_blocks() if b.kind == "table")
    assert table.caption == "分年度目标"
    assert table.rows == [["指标", "2027年", "2028年"], ["专利转化项目（项）", "50", "80"], ["质押融资额（亿元）", "10", "15"]]
    assert not any(b.kind == "paragraph" and "|" in b.text for b in plan.all_blocks())


def test_traditional_source_reads_as_mainland(fixture_plans):
    plan = fixture_plans["fixture-traditional"]
    assert plan.section("s2-1-1").number == "二（一）①"
    assert plan.section("s2-1-1").title == "建设专利数据库"
    assert plan.section("s2-1-2").blocks[0].text == "加强程序著作权保护。"


def test_chart_colours_stay_when_a_plan_is_added(fixture_plans):
    real = load_all(SOURCES)
    before = chart_series(real)
    after = chart_series([fixture_plans["fixture-annual"].data, *real])
    assert {slug: after[slug] for slug in before} == before
    assert after["fixture-annual"] not in before.values()


def test_english_labels_keep_levels_apart(fixture_plans):
    labels = [
        ("fixture-five-year", "s3", "第三章 ", "Chapter 3 "),
        ("fixture-five-year", "s3-2", "第二节 ", "Section 2 "),
        ("fixture-five-year", "s3-2-1", "一、", "1. "),
        ("fixture-opinions", "s2-1", "（一）", "(1) "),
        ("fixture-opinions", "s2-1-2", "（2）", "2) "),
        ("fixture-traditional", "s2-1-2", "② ", "(ii) "),
    ]
    for slug, anchor, zh, en in labels:
        section = fixture_plans[slug].section(anchor)
        assert (heading_label(section, "zh"), heading_label(section, "en")) == (zh, en), anchor
