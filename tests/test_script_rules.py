"""The three script modes, and every reviewed Taiwan rule with its example and counter-example."""

from __future__ import annotations

import opencc
import pytest

from tools import cli
from tools.common.paths import SOURCES
from tools.ingest import script, taiwan_table

REVIEW = taiwan_table.load_review()
# Each rule as a parameter named by its Taiwan form. pytest.param(id=...), not ids=: pytest escapes a
# non-ASCII id given by ids= once more on each collection in one process, and mutmut collects twice.
RULES = [pytest.param(rule, id=rule.taiwan) for rule in REVIEW.rules]
TABLE = script.load_phrases()
to_traditional = opencc.OpenCC("s2t").convert


@pytest.mark.parametrize("rule", RULES)
def test_rule_example(rule):
    source, expected = rule.example
    assert rule.taiwan in source
    assert script.to_mainland(source) == expected


@pytest.mark.parametrize("rule", RULES)
def test_rule_counter_example(rule):
    source, expected = rule.counter
    assert script.to_mainland(source) == expected
    assert rule.mainland not in expected


@pytest.mark.parametrize("rule", [param for param in RULES if param.values[0].guards])
def test_guards_keep_the_other_sense(rule):
    for phrase, output in rule.guards:
        assert rule.taiwan in phrase
        assert script.to_mainland(phrase) == output


def test_table_is_generated_from_opencc_and_review():
    assert (SOURCES.opencc / script.PHRASES_NAME).read_text(encoding="utf-8") == taiwan_table.generate()


def test_table_covers_opencc_taiwan_phrases():
    """Most of OpenCC's Taiwan reversal is used; what is left out is a common mainland word."""
    reversal = taiwan_table.opencc_reversal()
    assert sum(key in TABLE for key in reversal) > 0.8 * len(reversal)
    for word in ("建立", "指標", "效能", "核心", "整合", "智慧", "複製", "裝置", "啟用"):
        assert word in reversal and word not in TABLE


@pytest.mark.parametrize("taiwan", sorted(TABLE))
def test_every_entry_reverses_and_leaves_mainland_form_alone(taiwan):
    """Example: the Taiwan phrase gives its mainland form. Counter-example: that mainland form,
    written in traditional characters, converts to itself."""
    mainland = TABLE[taiwan]
    assert script.to_mainland(taiwan) == mainland
    assert script.to_mainland(to_traditional(mainland)) == mainland


@pytest.mark.parametrize("text,expected", [
    ("中國小微企業", "中国小微企业"),
    ("建立健全指標體系，提升效能，以創新為核心，整合資源，建設智慧法院", "建立健全指标体系，提升效能，以创新为核心，整合资源，建设智慧法院"),
    ("推進智慧製造", "推进智能制造"),
])
def test_taiwan_mode_is_context_safe(text, expected):
    assert script.convert(text, script.TAIWAN) == expected


def test_traditional_mode_converts_characters_only():
    text = "中國小學推進軟體與網路資訊建設"
    assert script.convert(text, script.TRADITIONAL) == "中国小学推进软体与网路资讯建设"
    assert script.convert(text, script.TAIWAN) == "中国小学推进软件与网络信息建设"
    assert script.convert(text, script.SIMPLIFIED) == text


@pytest.mark.parametrize("mode,expected", [
    ("simplified", "甘肅省智慧財產權最佳化"),
    ("traditional", "甘肃省智慧财产权最佳化"),
    ("traditional-taiwan", "甘肃省知识产权优化"),
])
def test_convert_command_takes_the_mode(tmp_path, capsys, mode, expected):
    source = tmp_path / "in.txt"
    source.write_text("甘肅省智慧財產權最佳化", encoding="utf-8")
    assert cli.main(["convert", "--mode", mode, str(source)]) == 0
    assert capsys.readouterr().out == expected


def test_convert_command_rejects_unknown_mode(capsys):
    with pytest.raises(SystemExit):
        cli.main(["convert", "--mode", "cantonese", "-"])
    assert "invalid choice: 'cantonese'" in capsys.readouterr().err


def test_taiwan_table_command_writes_only_what_changed(tmp_path):
    """`python -m tools taiwan-table` writes the phrase table and the coverage list: the committed
    files are what it would write (nothing to do), and a missing or edited file is written again
    with the same bytes."""
    import shutil

    folder = tmp_path / "opencc"
    shutil.copytree(SOURCES.opencc, folder)
    for name, write in ((script.PHRASES_NAME, taiwan_table.write), (taiwan_table.COVERAGE_NAME, taiwan_table.write_coverage)):
        committed = (SOURCES.opencc / name).read_text(encoding="utf-8")
        assert committed.count("\n") > 100
        assert write(folder) is False
        (folder / name).unlink()
        assert write(folder) is True and (folder / name).read_text(encoding="utf-8") == committed
        (folder / name).write_text(committed + "edited\n", encoding="utf-8")
        assert write(folder) is True and (folder / name).read_text(encoding="utf-8") == committed
