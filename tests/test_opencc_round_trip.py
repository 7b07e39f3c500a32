"""The round trip: the four simplified plans and a corpus of mainland sentences that use both
senses of OpenCC's Taiwan words → s2twp → the converter of `python -m tools convert`. Every
word that does not come back is one of the reviewed losses (sources/opencc/round-trip-losses.toml:
s2twp's many-to-one forms); anything else fails."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

from tools import cli
from tools.common.paths import SOURCES
from tools.ingest import round_trip, script
from tools.ingest.taiwan_table import mainland_frequency
from tools.model.plandata import load_all

CORPUS = Path(__file__).resolve().parent / "fixtures" / "opencc" / "round-trip-corpus.txt"
LOSSES = round_trip.load_losses()
SIMPLIFIED = [plan for plan in load_all(SOURCES) if plan.script == script.SIMPLIFIED]
s2twp = opencc.OpenCC("s2twp").convert


def show(comparison: round_trip.Comparison) -> str:
    return "\n".join(f"{clause} → {s2twp(clause)} → {back}" for clause, back in comparison.unexplained[:20])


@pytest.mark.parametrize("plan", [pytest.param(plan, id=plan.slug) for plan in SIMPLIFIED])
def test_simplified_plans_come_back_but_for_the_listed_losses(plan):
    text = plan.source.read_text(encoding="utf-8")
    comparison = round_trip.round_trip([text], script.to_mainland, LOSSES)
    assert not comparison.unexplained, f"{plan.slug}: {len(comparison.unexplained)} clause(s) not back:\n{show(comparison)}"


def test_corpus_comes_back_but_for_the_listed_losses():
    lines = round_trip.corpus_lines(CORPUS)
    assert len(lines) >= 30
    comparison = round_trip.round_trip(lines, script.to_mainland, LOSSES)
    assert not comparison.unexplained, f"{len(comparison.unexplained)} sentence clause(s) not back:\n{show(comparison)}"


def test_the_convert_command_is_the_converter_tested(tmp_path, capsys):
    """The pipeline's converter and `python -m tools convert` are one and the same."""
    lines = round_trip.corpus_lines(CORPUS)
    source = tmp_path / "taiwan.txt"
    source.write_text(s2twp("\n".join(lines)), encoding="utf-8")
    assert cli.main(["convert", "--mode", script.TAIWAN, str(source)]) == 0
    assert capsys.readouterr().out == script.to_mainland(source.read_text(encoding="utf-8"))


def test_corpus_uses_both_senses_of_the_guarded_words():
    text = "".join(round_trip.corpus_lines(CORPUS))
    for pair in (("支持", "对口支援"), ("随着", "著作权"), ("软件", "软体动物"), ("工作列入", "局部署"), ("线上", "在线")):
        assert all(word in text for word in pair), pair


@pytest.mark.parametrize("loss", [pytest.param(loss, id=loss.taiwan) for loss in LOSSES])  # not ids=: see test_script_rules.RULES
def test_each_listed_loss_is_what_s2twp_and_the_converter_do(loss):
    """A many-to-one loss: s2twp writes each mainland word as the same Taiwan word, and the
    converter gives the kept one. A Taiwan-sense loss: the Taiwan word is a mainland word too."""
    for mainland in loss.mainland:
        assert s2twp(mainland) == loss.taiwan, mainland
    assert script.to_mainland(loss.taiwan) == loss.kept
    if loss.kind == "many-to-one":
        assert len(loss.mainland) > 1 and loss.kept in loss.mainland
    else:
        assert mainland_frequency().get(loss.kept, 0) >= 100


def test_an_unlisted_loss_is_reported():
    comparison = round_trip.compare("大力支持企业，建立机制", "大力支援企业，建立机制", LOSSES)
    assert comparison.unexplained == [("大力支持企业", "大力支援企业")]
    comparison = round_trip.compare("创建示范城市，建立机制", "建立示范城市，建立机制", LOSSES)
    assert not comparison.unexplained and comparison.lost == {("创建", "建立"): 1}


def test_every_opencc_taiwan_entry_is_reversed_or_listed_with_its_reason():
    """TWPhrases, TWPhrasesRev, TWVariants, TWVariantsPhrases, TWVariantsRev, TWVariantsRevPhrases:
    each entry converts to OpenCC's mainland form, or sources/opencc/taiwan-not-reversed.tsv
    lists it with a reviewed reason (the file is what `python -m tools taiwan-table` writes)."""
    from tools.ingest import taiwan_table

    listed = (SOURCES.opencc / taiwan_table.COVERAGE_NAME).read_text(encoding="utf-8")
    assert listed == taiwan_table.coverage_text()
    rows = [line.split("\t") for line in listed.splitlines() if not line.startswith("#")]
    assert not [row for row in rows if row[4] == taiwan_table.UNREVIEWED]
    pairs = taiwan_table.opencc_pairs()
    assert {name for name, _, _ in pairs} == set(taiwan_table.TAIWAN_DICTIONARIES) and len(pairs) > 2500
    assert len(rows) < 0.1 * len(pairs)


def test_other_converters_losses_are_counted_not_looped_on():
    """t2s leaves Taiwan words behind: the comparison reports them (and ends)."""
    lines = round_trip.corpus_lines(CORPUS)
    comparison = round_trip.round_trip(lines, opencc.OpenCC("t2s").convert, LOSSES)
    assert len(comparison.unexplained) > 10


def listed(mainland: str, kept: str) -> round_trip.Loss:
    return round_trip.Loss("臺", (mainland,), kept, "many-to-one")


def test_the_walk_accounts_for_each_difference_or_reports_it():
    """Made-up clauses: a loss at the very start, one that begins before the difference (up to
    BACKTRACK equal characters, no further), one whose kept form is shorter, and clauses that come
    back shorter or longer, which no loss explains."""
    compare = round_trip.compare
    assert compare("甲乙", "丙乙", [listed("甲", "丙")]).lost == {("甲", "丙"): 1}
    assert compare("甲乙丁", "甲丁", [listed("甲乙", "甲")]).lost == {("甲乙", "甲"): 1}
    assert compare("一二三四五", "一二三四六", [listed("二三四五", "二三四六")]).lost == {("二三四五", "二三四六"): 1}
    too_far = compare("一二三四五", "一二三四六", [listed("一二三四五", "一二三四六")])
    assert too_far.lost == {} and too_far.unexplained == [("一二三四五", "一二三四六")]
    assert compare("甲乙", "甲", []).unexplained == [("甲乙", "甲")]
    assert compare("甲", "甲乙", []).unexplained == [("甲", "甲乙")]
    assert compare("甲乙。", "甲乙。", []) == round_trip.Comparison()
    # Each occurrence counts, the walk goes on after a loss, and the longest listed form wins.
    assert compare("软件和软件", "软体和软体", [listed("软件", "软体")]).lost == {("软件", "软体"): 2}
    after = compare("软件和甲", "软体和乙", [listed("软件", "软体")])
    assert after.lost == {("软件", "软体"): 1} and after.unexplained == [("软件和甲", "软体和乙")]
    longest = compare("软件开发", "软体开发", [listed("软件", "软体"), listed("软件开发", "软体开发")])
    assert longest.lost == {("软件开发", "软体开发"): 1} and not longest.unexplained
    # Looking back never starts before either text (a negative start would read from its end).
    for original, back, losses in (("甲己", "丙丁戊", [listed("甲", "丙丁"), listed("己", "丙丁戊")]),
                                   ("甲乙己", "丙戊", [listed("甲乙", "丙"), listed("甲乙己", "戊")])):
        walked = compare(original, back, losses)
        assert walked.lost == {(losses[0].mainland[0], losses[0].kept): 1} and walked.unexplained == [(original, back)]
    # Texts that do not split into as many clauses: reported whole, cut at 60 characters.
    assert compare("甲，乙", "甲乙", []).unexplained == [("甲，乙", "甲乙")]
    long = "甲" * 70
    assert compare(long + "，乙", long + "乙", []).unexplained == [(long[:60], long[:60])]


def test_the_round_trip_adds_up_every_text():
    total = round_trip.round_trip(["软件。", "软件。", "丁。"], lambda taiwan: "丙。" if "軟" in taiwan else "戊。", [listed("软件", "丙")])
    assert total.lost == {("软件", "丙"): 2} and total.lost_words == 2
    assert total.unexplained == [("丁", "戊")]


def test_corpus_lines_leave_out_comments_and_blank_lines(tmp_path):
    path = tmp_path / "corpus.txt"
    path.write_text("# 说明\n\n第一句。\n   \n第二句，#号不在行首。\n", encoding="utf-8")
    assert round_trip.corpus_lines(path) == ["第一句。", "第二句，#号不在行首。"]


def test_the_losses_load_with_their_forms():
    losses = round_trip.load_losses()
    assert len(losses) > 10 and all(loss.mainland and all(isinstance(form, str) for form in loss.mainland) for loss in losses)


def test_a_loss_without_its_kept_form_names_its_line(tmp_path):
    from tools.common.errors import InputError

    path = tmp_path / round_trip.LOSSES_NAME
    path.write_text('# losses\n[[loss]]\ntaiwan = "軟體"\nmainland = ["软件"]\nkind = "many-to-one"\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        round_trip.load_losses(tmp_path)
    assert (raised.value.path, raised.value.line) == (path, 3)
    assert str(raised.value).endswith(":3: a [[loss]] needs taiwan, mainland, kept and kind")
