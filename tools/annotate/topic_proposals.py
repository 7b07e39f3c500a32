"""Propose, for one plan, the sections that treat each topic of sources/topics.toml, for its author to confirm.

`python -m tools topics --propose <slug>` (or `main([...])`). A new plan joins no topic until someone
reads it through; this reads it first. Each topic is learned from the words of the sections other
plans already list under it (the plan itself is left out, so a proposal for a listed plan is what a
new plan of the same kind would get):

- every section's own text (its heading and blocks, as `tools.model.document.regions` gives it) is
  cut into words by jieba, the segmenter the site's search already uses; a word is kept when it
  has two or more characters and at least one Chinese character;
- words are weighted by TF-IDF over all sections of all plans (sublinear term frequency; a word
  found in every section weighs nothing), each vector scaled to length 1;
- a topic's centroid is the mean of the vectors of the sections assigned to it in the other plans
  (an assigned higher heading brings its whole subtree's text) and of its own name and description;
- a section is proposed for a topic when the cosine between its vector and the centroid is at
  least THRESHOLD, best first. Sections already listed are marked, so the author sees both.

The measure (leave one plan out over the real plans) is `evaluate`; bench/topic_proposals.py writes
it into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tools.annotate.topics import Topic, load_topics
from tools.common.errors import InputError
from tools.common.paths import SOURCES, SourceTree
from tools.model.document import Plan, Section, regions

THRESHOLD = 0.20  # chosen on the five plans, leave-one-plan-out (BENCHMARKS.md shows the neighbouring values)
CJK = re.compile(r"[\u4e00-\u9fff]")

Vector = dict[str, float]


def words(text: str) -> list[str]:
    import jieba

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return [word for word in jieba.lcut(text) if len(word) >= 2 and CJK.search(word)]


def subtree(section: Section):
    yield section
    for child in section.children:
        yield from subtree(child)


@dataclass
class Corpus:
    """Every section's words, and the IDF of each word over all sections of all plans."""

    own: dict[tuple[str, str], Counter]  # (slug, anchor) → the section's own words
    whole: dict[tuple[str, str], Counter]  # (slug, anchor) → its subtree's words
    idf: dict[str, float]
    order: dict[str, list[Section]]  # slug → sections in reading order

    @classmethod
    def of(cls, plans: list[Plan]) -> Corpus:
        own: dict[tuple[str, str], Counter] = {}
        order: dict[str, list[Section]] = {}
        for plan in plans:
            ids = {section.id for section in plan.walk()}
            for anchor, text in regions(plan):
                if anchor in ids:
                    own[(plan.data.slug, anchor)] = Counter(words(text))
            order[plan.data.slug] = list(plan.walk())
        whole = {}
        for slug, sections in order.items():
            for section in sections:
                total = Counter()
                for part in subtree(section):
                    total.update(own.get((slug, part.id), Counter()))
                whole[(slug, section.id)] = total
        frequency = Counter(word for counts in own.values() for word in counts)
        count = len(own)
        idf = {word: math.log((1 + count) / (1 + seen)) for word, seen in frequency.items()}
        return cls(own, whole, idf, order)

    def vector(self, counts: Counter) -> Vector:
        weights = {word: (1 + math.log(n)) * self.idf.get(word, 0.0) for word, n in counts.items()}
        length = math.sqrt(sum(weight * weight for weight in weights.values()))
        return {word: weight / length for word, weight in weights.items() if weight} if length else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(word, 0.0) for word, weight in a.items())


def centroid(vectors: list[Vector]) -> Vector:
    total: dict[str, float] = {}
    for vector in vectors:
        for word, weight in vector.items():
            total[word] = total.get(word, 0.0) + weight
    length = math.sqrt(sum(weight * weight for weight in total.values()))
    return {word: weight / length for word, weight in total.items()} if length else {}


@dataclass(frozen=True)
class Proposal:
    topic: str
    anchor: str
    score: float
    assigned: bool  # already listed under the topic in topics.toml


def topic_centroid(corpus: Corpus, topic: Topic, leave_out: str) -> Vector:
    vectors = [corpus.vector(Counter(words(f"{topic.zh}。{topic.description_zh}")))]
    for slug, anchors in topic.sections.items():
        if slug != leave_out:
            vectors += [corpus.vector(corpus.whole[(slug, anchor)]) for anchor in anchors if (slug, anchor) in corpus.whole]
    return centroid(vectors)


def propose(corpus: Corpus, topics: list[Topic], slug: str, threshold: float = THRESHOLD) -> list[Proposal]:
    """Every (topic, section) of `slug` whose score reaches the threshold, by topic, best first."""
    sections = [(section.id, corpus.vector(corpus.own[(slug, section.id)])) for section in corpus.order[slug]]
    proposals = []
    for topic in topics:
        centre = topic_centroid(corpus, topic, leave_out=slug)
        listed = set(topic.sections.get(slug, []))
        scored = sorted(((cosine(vector, centre), anchor) for anchor, vector in sections), reverse=True)
        proposals += [Proposal(topic.id, anchor, score, anchor in listed) for score, anchor in scored if score >= threshold]
    return proposals


@dataclass(frozen=True)
class Measure:
    threshold: float
    assigned: int  # today's assignments (plan, topic, section)
    proposed: int
    found: int  # today's assignments that were proposed
    extra: int  # proposals that are not assigned today


def evaluate(plans: list[Plan], topics: list[Topic], thresholds: Sequence[float] = (THRESHOLD,)) -> dict[str, list[Measure]]:
    """Leave one plan out: for each plan, propose from the other plans' assignments and compare with its own."""
    corpus = Corpus.of(plans)
    results: dict[str, list[Measure]] = {}
    lowest = min(thresholds)
    for plan in plans:
        slug = plan.data.slug
        every = propose(corpus, topics, slug, lowest)
        assigned = {(topic.id, anchor) for topic in topics for anchor in topic.sections.get(slug, [])}
        results[slug] = []
        for threshold in thresholds:
            chosen = {(p.topic, p.anchor) for p in every if p.score >= threshold}
            results[slug].append(Measure(threshold, len(assigned), len(chosen), len(chosen & assigned), len(chosen - assigned)))
    return results


def render(plan: Plan, topics: list[Topic], proposals: list[Proposal]) -> str:
    """What the author reads: per topic, the proposed sections (number, title, score, listed or new),
    then the [topic.sections] lines to paste into sources/topics.toml once confirmed."""
    slug = plan.data.slug
    by_id = {section.id: section for section in plan.walk()}
    lines = [f"Topic proposals for {slug} (cosine ≥ {THRESHOLD:.2f}; ✓ already listed in topics.toml, + new). "
             "Confirm each by reading the section, then list it in sources/topics.toml."]
    for topic in topics:
        mine = [p for p in proposals if p.topic == topic.id]
        listed = topic.sections.get(slug, [])
        if not mine and not listed:
            continue
        lines += ["", f"[{topic.id}] {topic.zh} / {topic.en}"]
        for p in mine:
            section = by_id[p.anchor]
            lines.append(f"  {'✓' if p.assigned else '+'} {p.anchor:<10} {p.score:.2f}  {section.number} {section.title[:40]}")
        for anchor in listed:
            if anchor not in {p.anchor for p in mine}:
                lines.append(f"  - {anchor:<10}   —   listed, not proposed: {by_id[anchor].number} {by_id[anchor].title[:40]}")
        anchors = sorted({p.anchor for p in mine} | set(listed), key=list(by_id).index)
        lines.append(f'  # {slug} = [{", ".join(f"{anchor!r}".replace(chr(39), chr(34)) for anchor in anchors)}]')
    return "\n".join(lines) + "\n"


def run(tree: SourceTree, slug: str, out=None) -> int:
    from tools.build import load_plans

    plans = load_plans(tree)
    plan = next((plan for plan in plans if plan.data.slug == slug), None)
    if plan is None:
        known = ", ".join(plan.data.slug for plan in plans)
        print(f"error: no plan {slug!r} in {tree.root} (known: {known})", file=sys.stderr)
        return 2
    topics = load_topics(tree.topics, plans)
    corpus = Corpus.of(plans)
    (out or sys.stdout).write(render(plan, topics, propose(corpus, topics, slug)))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools topics", description=__doc__.splitlines()[0])
    parser.add_argument("--propose", metavar="SLUG", required=True, help="the plan whose sections to propose")
    parser.add_argument("--sources", type=Path, default=SOURCES.root, help="the sources tree")
    args = parser.parse_args(argv)
    try:
        return run(SourceTree(args.sources), args.propose)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
