"""Traditional (Taiwan vocabulary) → mainland simplified, over the whole Gansu text."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest
from golden_files import compare

from tools import cli
from tools.common.paths import SOURCES
from tools.ingest import script

ROOT = Path(__file__).resolve().parent.parent
GANSU = SOURCES.root / "seeds" / "004_c4ffeb260150952e.txt"

# The mainland original wrote these; the Taiwan conversion must be undone.
MUST_RESTORE = {
    "智慧財產權": "知识产权", "最佳化": "优化", "網際網路": "互联网", "軟體": "软件", "資料庫": "数据库",
    "智慧型製造": "智能制造", "智慧型化": "智能化", "中國小": "中小学", "圖書情治": "图书情报",
    "廣泛套用": "广泛应用", "按程式": "按程序", "計畫": "计划", "網路": "网络",
}
# Correct mainland words that over-eager converters (tw2sp) damage.
MUST_KEEP = ["建立健全", "指标", "效能", "为核心", "整合资源", "智慧法院", "智慧监管"]
TAIWAN_LEFTOVERS = ["智慧财产", "最佳化", "网际网路", "软体", "资料库", "智慧型", "中国小", "情治", "套用", "程式", "计画", "网路"]
OVER_CONVERSIONS = ["创建健全", "指针", "性能", "内核", "集成资源", "智能法院", "智能监管"]


@pytest.fixture(scope="module")
def gansu_raw() -> str:
    return GANSU.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def gansu_converted(gansu_raw) -> str:
    return script.to_mainland(gansu_raw)


@pytest.mark.parametrize("source,target", sorted(MUST_RESTORE.items()))
def test_taiwan_vocabulary_restored(gansu_raw, gansu_converted, source, target):
    """Where the source wrote the Taiwan form, the mainland form comes out: not merely somewhere
    in the text (知識產權 also yields 知识产权). On each line that holds it, writing a neutral 〇 in
    its place removes exactly as many of the mainland form from the converted line."""
    assert source in gansu_raw, f"{source} should occur in the Gansu source"
    assert target in gansu_converted
    assert script.to_mainland(source) == target
    longer = re.compile("|".join(re.escape(other) for other in MUST_RESTORE if source in other and other != source) or "(?!)")
    for line in (line for line in gansu_raw.splitlines() if source in line):
        # Occurrences inside a longer listed phrase (網路 in 網際網路) belong to that phrase.
        pieces = longer.split(line)
        expected = sum(piece.count(source) for piece in pieces)
        masked = "".join(piece.replace(source, "〇") + (found or "") for piece, found in
                         zip(pieces, [m.group(0) for m in longer.finditer(line)] + [None], strict=True))
        with_it = script.to_mainland(line).count(target)
        without_it = script.to_mainland(masked).count(target)
        assert with_it - without_it == expected, f"{source} → {target} not at its place in: {line[:60]}"


def assert_whole(raw: str, converted: str) -> None:
    """The converted text is the whole source, line for line, so an absence below means something:
    a conversion that dropped or emptied lines would pass any `not in`."""
    raw_lines, converted_lines = raw.splitlines(), converted.splitlines()
    assert len(converted_lines) == len(raw_lines) > 20
    assert all(bool(before.strip()) == bool(after.strip()) for before, after in zip(raw_lines, converted_lines, strict=True))


@pytest.mark.parametrize("word", TAIWAN_LEFTOVERS)
def test_no_taiwan_vocabulary_left(gansu_raw, gansu_converted, word):
    assert_whole(gansu_raw, gansu_converted)
    assert word not in gansu_converted


@pytest.mark.parametrize("word", MUST_KEEP)
def test_mainland_words_kept(gansu_converted, word):
    assert word in gansu_converted


@pytest.mark.parametrize("kept,damaged", list(zip(MUST_KEEP, OVER_CONVERSIONS, strict=True)))
def test_no_over_conversion(gansu_converted, kept, damaged):
    """Each damaged form is what a converter makes of the mainland word beside it: the word stays, and
    its damaged form does not appear."""
    assert kept in gansu_converted and damaged not in gansu_converted


def test_plain_t2s_fails_the_restore_list(gansu_raw):
    """Why a phrase table is needed: t2s leaves Taiwan vocabulary behind."""
    plain = opencc.OpenCC("t2s").convert(gansu_raw)
    assert [w for w in TAIWAN_LEFTOVERS if w in plain]


def test_tw2sp_fails_the_keep_list(gansu_raw):
    """Why tw2sp is not used: it damages correct mainland words."""
    converted = opencc.OpenCC("tw2sp").convert(gansu_raw)
    assert [w for w in OVER_CONVERSIONS if w in converted]


def test_gansu_conversion_golden(gansu_converted, update_golden):
    compare(ROOT / "tests" / "golden" / "gansu-2021-2035.mainland.txt", gansu_converted, update_golden)


def test_convert_command(tmp_path, capsys):
    source = tmp_path / "in.txt"
    source.write_text("甘肅省智慧財產權最佳化服務，建立健全智慧法院", encoding="utf-8")
    assert cli.main(["convert", str(source)]) == 0
    assert capsys.readouterr().out == "甘肃省知识产权优化服务，建立健全智慧法院"


def test_config_uses_phrase_table_in_segmentation_and_chain():
    import json

    config = json.loads((SOURCES.opencc / script.CONFIG_NAME).read_text(encoding="utf-8"))
    segmentation = config["segmentation"]["dict"]["dicts"][0]
    chain = config["conversion_chain"][0]["dict"]["dicts"][0]
    assert segmentation["file"] == chain["file"] == script.PHRASES_NAME


def test_round_trip_beats_tw2sp_on_every_plan():
    from bench.build import round_trip

    rows = round_trip()
    assert len(rows) == 4
    for row in rows:
        assert row["ours"] < row["tw2sp"], row
        assert row["ours"] < row["t2s"], row
