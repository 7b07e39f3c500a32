"""The topic proposer: `python -m tools topics --propose <slug>` proposes sections per topic for the author to confirm."""

from __future__ import annotations

from tools import cli
from tools.annotate import topic_proposals
from tools.annotate.topics import load_topics
from tools.build import load_plans
from tools.common.paths import SOURCES


def test_propose_prints_each_topic_with_listed_and_new_sections(capsys):
    assert cli.main(["topics", "--propose", "yuxi-2021"]) == 0
    out = capsys.readouterr().out
    assert "[ip-finance]" in out and "✓ s2-4-14" in out  # 加大知识产权投融资力度, listed today
    assert '# yuxi-2021 = ["s2-4-14"]' in out  # the line to paste once confirmed


def test_an_unknown_plan_is_a_clear_error(capsys):
    assert topic_proposals.main(["--propose", "nowhere-2030"]) == 2
    err = capsys.readouterr().err
    assert "nowhere-2030" in err and "yuxi-2021" in err


def test_leave_one_plan_out_finds_most_assignments():
    """The figures BENCHMARKS.md reports: each plan proposed from the others' assignments alone."""
    plans = load_plans(SOURCES)
    results = topic_proposals.evaluate(plans, load_topics(SOURCES.topics, plans))
    assigned = sum(m[0].assigned for m in results.values())
    found = sum(m[0].found for m in results.values())
    extra = sum(m[0].extra for m in results.values())
    assert assigned > 100 and found / assigned >= 0.8, (found, assigned)
    assert extra <= found * 1.5, (extra, found)  # the author is not buried in proposals
