"""Table rows in running text: how a raw line splits into cells, and when rows make a table."""

from __future__ import annotations

from tools.ingest.cells import SPACE, TAB, Row, rule_line, split_row
from tools.ingest.normlog import NormalizationLog
from tools.ingest.regions import RawLine
from tools.model.parse import parse_body


def test_tab_rows_keep_empty_cells_and_drop_indentation():
    assert split_row("\t指标\t2025年\t") == Row(TAB, ("指标", "2025年", ""))
    assert split_row("指标\t\t2030年") == Row(TAB, ("指标", "", "2030年"))
    assert split_row("\t2020年") is None  # the one-cell-per-line layout: indentation only


def test_space_rows_need_two_spaces():
    assert split_row("指标　　2025年  2030年") == Row(SPACE, ("指标", "2025年", "2030年"))
    assert split_row("中共玉溪市委办公室 玉溪市人民政府办公室") is None
    assert split_row("----  ----") == Row(SPACE, (), rule=True)
    assert rule_line("--------") and not rule_line("——加强保护。")


def lines(*texts: str) -> list[RawLine]:
    return [RawLine(n, text.strip(), text.startswith("\t"), split_row(text)) for n, text in enumerate(texts, 1)]


def test_a_lone_row_stays_text_and_two_rows_make_a_table():
    preamble, sections = parse_body("x.txt", lines(
        "一、总体要求",
        "甲单位  乙单位",
        "",
        "主要指标",
        "指标  2025年",
        "专利  5",
        "完成。",
    ), NormalizationLog(encoding="UTF-8"))
    blocks = sections[0].blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[1].caption == "主要指标" and blocks[1].rows == [["指标", "2025年"], ["专利", "5"]]
