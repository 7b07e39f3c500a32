"""Table rows in running text: how a raw line splits into cells, and when rows make a table."""

from __future__ import annotations

import pytest

from tools.common.errors import InputError
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
    assert rule_line("\u3000 ------\u00a0\t")  # full-width and no-break spaces at the edges too


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


def test_pipe_table_with_header_rule_box_and_caption():
    """| a | b | rows: the |---| rule ends the header rows, cells are stripped, the caption line
    before (no sentence end) is taken, and the table is numbered in the order of the plan."""
    preamble, sections = parse_body("x.txt", lines(
        "一、总体要求",
        "分年度目标",
        "| 指标 | 2027年 |",
        "| 年度 | 合计 |",
        "|---|:---:|",
        "|专利  | 50 |",
        "| 商标 | |",
        "完成任务。",
        "| 甲 | 乙 |",
        "| 1 | 2 |",
    ), NormalizationLog(encoding="UTF-8"))
    first, text, second = sections[0].blocks
    assert (first.kind, first.id, first.line, first.caption, first.header_rows) == ("table", "table-1", 3, "分年度目标", 2)
    assert first.rows == [["指标", "2027年"], ["年度", "合计"], ["专利", "50"], ["商标", ""]]
    assert text.kind == "paragraph" and text.text == "完成任务。"
    # Without a rule line the first row alone is the header; a sentence before it is no caption.
    assert (second.id, second.line, second.caption, second.header_rows) == ("table-2", 9, "", 1)
    assert second.rows == [["甲", "乙"], ["1", "2"]]


def test_ragged_pipe_table_names_its_line():
    with pytest.raises(InputError) as raised:
        parse_body("x.txt", lines("一、总体要求", "| 指标 | 2027年 |", "| 专利 |", "完成。"), NormalizationLog(encoding="UTF-8"))
    assert raised.value.line == 3 and "row has 1 cells but the header has 2" in str(raised.value)
