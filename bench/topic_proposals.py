"""The topic proposer (`python -m tools topics --propose <slug>`), measured leave-one-plan-out on the real plans.

For each plan, sections are proposed from the other plans' assignments in sources/topics.toml and
compared with the plan's own: how many of today's assignments are proposed (found), and how many
proposals are not assigned today (extra: for the author to reject, or assignments topics.toml lacks).
`python -m tools bench --topics` measures this part alone and replaces its section of BENCHMARKS.md.
"""

from __future__ import annotations

from tools.annotate import topic_proposals
from tools.annotate.topics import load_topics
from tools.build import load_plans
from tools.common.paths import SOURCES

HEADING = "## Topic proposals"
THRESHOLDS = (0.15, 0.18, topic_proposals.THRESHOLD, 0.22, 0.25, 0.30)


def measure() -> dict[str, list[topic_proposals.Measure]]:
    plans = load_plans(SOURCES)
    return topic_proposals.evaluate(plans, load_topics(SOURCES.topics, plans), THRESHOLDS)


def render(results: dict[str, list[topic_proposals.Measure]]) -> list[str]:
    chosen = THRESHOLDS.index(topic_proposals.THRESHOLD)
    lines = [
        HEADING,
        "",
        "`python -m tools topics --propose <slug>` proposes the sections of a plan that treat each topic, from the words "
        "of the sections other plans list under it (TF-IDF over jieba words, a centroid per topic, cosine ≥ "
        f"{topic_proposals.THRESHOLD:.2f}). Leave one plan out: each plan's proposals are made without its own "
        "assignments and compared with them. Found: today's assignments proposed; extra: proposals not assigned today.",
        "",
        "| plan | assigned | proposed | found | extra | recall |",
        "|---|---|---|---|---|---|",
    ]
    for slug, measures in results.items():
        m = measures[chosen]
        lines.append(f"| {slug} | {m.assigned} | {m.proposed} | {m.found} | {m.extra} | {m.found / m.assigned:.0%} |" if m.assigned
                     else f"| {slug} | 0 | {m.proposed} | 0 | {m.extra} | — |")
    totals = [sum(measures[i].found for measures in results.values()) for i in range(len(THRESHOLDS))]
    assigned = sum(measures[chosen].assigned for measures in results.values())
    extras = [sum(measures[i].extra for measures in results.values()) for i in range(len(THRESHOLDS))]
    lines.append(f"| all | {assigned} | {totals[chosen] + extras[chosen]} | {totals[chosen]} | {extras[chosen]} | {totals[chosen] / assigned:.0%} |")
    lines += ["", "The threshold's neighbours (all plans):", "", "| cosine ≥ | found | extra | recall |", "|---|---|---|---|"]
    for i, threshold in enumerate(THRESHOLDS):
        mark = " (default)" if i == chosen else ""
        lines.append(f"| {threshold:.2f}{mark} | {totals[i]} of {assigned} | {extras[i]} | {totals[i] / assigned:.0%} |")
    lines.append("")
    return lines
