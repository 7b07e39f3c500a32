"""Shared wording across plans: for each paragraph, the paragraphs of OTHER plans that
repeat a substantial run of its words.

Method (an index, never all pairs of paragraphs):

1. Every text paragraph (plain and ——-led paragraphs, box contents, numbered entries
   without a short title) is reduced to its content characters (Chinese, letters, digits),
   so punctuation and spacing never decide a match. Identical texts are computed once.
2. Each text is cut into overlapping character 4-grams (shingles). A 4-gram is about two
   Chinese words: long enough to be rare by chance, short enough that a reworded clause
   still shares most of them. No segmenter is involved, so the result does not move with
   jieba's dictionary.
3. Boilerplate: a shingle found in more than `PLAN_SHARE` of the plans (知识产权, 产权保护)
   or in more than `TEXT_SHARE` of the distinct paragraphs (自治区知识…) is too common to mean
   anything; so is every shingle of the reviewed political formulas in sources/similar.toml
   (习近平新时代中国特色社会主义思想, 新发展理念…), which five plans are too few to count as
   common. A boilerplate shingle never makes a match, though it may sit inside one. The
   cut-offs are shares, so they mean the same at 5 plans and at 50.
4. Postings (shingle → the paragraphs holding it) give, for each paragraph, the few
   paragraphs that share enough informative shingles to be worth checking; the cost is the
   length of the postings touched, which the cut-offs keep short, not the number of pairs.
5. A candidate is kept when the two texts share a *substantial run*: consecutive shared
   shingles, boilerplate ones included, holding at least `MIN_RUN` distinct informative
   shingles. `MIN_RUN` = 8 means at least 8 informative 4-grams in one unbroken stretch, i.e.
   a run of 11 or more characters of wording that is not template, about one clause. Chosen
   on the labelled sample (tests/similar_sample.toml; figures in BENCHMARKS.md): 8 gives
   precision 87% and recall 80%; 10 gives 100% but finds half the shared tasks; 6 lets in
   every shared name and list of sectors (58%).
6. Each kept pair is scored by the characters of the shown passage that lie in substantial
   runs (those are also what the page highlights); a paragraph lists its `TOP_K` best.

Same-plan pairs are never kept: the question is how plans relate to each other.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from tools.common.tomldata import Entries
from tools.model.document import Plan

SHINGLE = 4
PLAN_SHARE = 0.6  # a shingle in more than this share of the plans is boilerplate …
MIN_PLANS = 2  # … but a shingle in only two plans never is (two plans are what we compare)
TEXT_SHARE = 0.02  # a shingle in more than 2% of the distinct paragraphs is boilerplate …
MIN_TEXTS = 4  # … but never one in four paragraphs or fewer
MIN_RUN = 8  # distinct informative shingles in one unbroken shared run
# Top three per paragraph: the plan pages are ~270 KB already, and the list must not grow with
# the corpus. Of the five plans only one paragraph has more (xinjiang-2021-2025 s1-1-6-p1, four:
# its fourth is a shorter run of the same 援疆 wording); with more plans restating the same task
# the list would otherwise grow with every plan added (in the 50-plan benchmark corpus, each
# paragraph has nine identical copies).
TOP_K = 3

CONTENT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")


@dataclass(frozen=True)
class Unit:
    """One paragraph of one plan: its anchor, its text and the text's content characters."""

    plan: str
    anchor: str
    text: str
    order: int  # position in the corpus (plan reading order, then reading order in the plan)


@dataclass(frozen=True)
class Match:
    """`other` shares substantial wording with the paragraph it is listed under."""

    other: Unit
    shared: int  # content characters of `other` inside substantial runs
    spans: tuple[tuple[int, int], ...]  # [start, end) character ranges of other.text to highlight


def paragraph_units(plans: list[Plan]) -> list[Unit]:
    """Every text paragraph of every plan, in reading order (not tables, duty notes, notice or closing)."""
    units: list[Unit] = []

    def add(plan: Plan, anchor: str, text: str) -> None:
        if text.strip():
            units.append(Unit(plan.data.slug, anchor, text, len(units)))

    def blocks(plan: Plan, items) -> None:
        for block in items:
            if block.kind in ("paragraph", "dash"):
                add(plan, block.id, block.text)
            blocks(plan, block.blocks)

    for plan in plans:
        blocks(plan, plan.preamble)
        for section in plan.walk():
            if not section.heading:
                add(plan, section.id, section.title)
            blocks(plan, section.blocks)
    return units


@functools.lru_cache(maxsize=8192)
def content(text: str) -> tuple[str, tuple[int, ...]]:
    """The content characters of a text and, for each, its position in the text."""
    positions = tuple(match.start() for match in CONTENT.finditer(text))
    return "".join(text[i] for i in positions), positions


def shingles(skeleton: str) -> list[str]:
    return [skeleton[i:i + SHINGLE] for i in range(len(skeleton) - SHINGLE + 1)]


class SimilarityIndex:
    """Postings of informative shingles over the distinct paragraph texts of a corpus."""

    def __init__(self, units: list[Unit], formulas: list[str] = ()) -> None:
        self.units = units
        groups: dict[str, list[Unit]] = {}
        for unit in units:
            groups.setdefault(content(unit.text)[0], []).append(unit)
        self.texts = [text for text in groups if len(text) >= SHINGLE]
        self.members = [groups[text] for text in self.texts]
        self.grams = [shingles(text) for text in self.texts]
        self.gram_sets = [set(grams) for grams in self.grams]
        texts_of: dict[str, list[int]] = defaultdict(list)
        plan_grams: dict[str, set[str]] = defaultdict(set)
        for t, (grams, members) in enumerate(zip(self.gram_sets, self.members, strict=True)):
            for gram in grams:
                texts_of[gram].append(t)
            for plan in {unit.plan for unit in members}:
                plan_grams[plan] |= grams
        plans_of = Counter(gram for grams in plan_grams.values() for gram in grams)
        plan_count = len({unit.plan for unit in units})
        plan_limit = max(MIN_PLANS, PLAN_SHARE * plan_count)
        text_limit = max(MIN_TEXTS, TEXT_SHARE * len(self.texts))
        self.boilerplate = {gram for gram in texts_of if plans_of[gram] > plan_limit or len(texts_of[gram]) > text_limit}
        self.boilerplate.update(gram for formula in formulas for gram in shingles(content(formula)[0]))
        self.postings = {gram: texts for gram, texts in texts_of.items() if gram not in self.boilerplate}

    def candidates(self, t: int) -> list[int]:
        """Texts sharing at least MIN_RUN informative shingles with text t (a necessary condition)."""
        counts: dict[int, int] = defaultdict(int)
        postings = self.postings
        for gram in self.gram_sets[t]:
            for other in postings.get(gram, ()):
                if other != t:
                    counts[other] += 1
        return sorted(other for other, count in counts.items() if count >= MIN_RUN)

    def runs(self, shown: int, against: int) -> list[tuple[int, int]]:
        """Substantial runs of text `shown` shared with text `against`: [start, end) in content characters."""
        present = self.gram_sets[against]
        grams = self.grams[shown]
        found, start = [], None
        for i in range(len(grams) + 1):
            if i < len(grams) and grams[i] in present:
                if start is None:
                    start = i
                continue
            if start is not None:
                informative = {gram for gram in grams[start:i] if gram not in self.boilerplate}
                if len(informative) >= MIN_RUN:
                    found.append((start, i - 1 + SHINGLE))
                start = None
        return found


def _spans(text: str, runs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Content-character runs → ranges of the original text (punctuation inside a run included)."""
    positions = content(text)[1]
    return tuple((positions[start], positions[end - 1] + 1) for start, end in runs)


def load_formulas(path: Path) -> list[str]:
    """The reviewed political formulas of sources/similar.toml (none when the file is absent)."""
    if not path.exists():
        return []
    entries = Entries(path, "formula")
    formulas = []
    for index, _ in entries:
        formula = entries.text(index, "zh")
        entries.text(index, "reason")
        if len(content(formula)[0]) < SHINGLE:
            raise entries.error(index, "zh", f"formula {formula!r} is shorter than {SHINGLE} characters")
        formulas.append(formula)
    return formulas


def find_similar(plans: list[Plan], formulas: list[str] = ()) -> dict[tuple[str, str], list[Match]]:
    """(plan slug, anchor) → its best matches in other plans, best first (deterministic order).

    Computed per distinct text; each paragraph then takes the first TOP_K of its text's ranked
    list that belong to other plans, so k copies of a text cost k short walks, not k² pairs."""
    index = SimilarityIndex(paragraph_units(plans), formulas)
    similar: dict[tuple[str, str], list[Match]] = {}
    for t, members in enumerate(index.members):
        # Identical texts come first: the whole text is shared.
        ranked = [(len(index.texts[t]), members[0].order, t, ((0, len(index.texts[t])),))]
        for other in index.candidates(t):
            runs = index.runs(other, t)
            if runs:
                ranked.append((sum(end - start for start, end in runs), index.members[other][0].order, other, tuple(runs)))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        for unit in members:
            matches = []
            for shared, _, other, runs in ranked:
                for target in index.members[other]:
                    if target.plan != unit.plan:
                        matches.append(Match(target, shared, _spans(target.text, list(runs))))
                    if len(matches) == TOP_K:
                        break
                if len(matches) == TOP_K:
                    break
            if matches:
                similar[unit.plan, unit.anchor] = matches
    return similar


def similar_json(similar: dict[tuple[str, str], list[Match]], units: list[Unit]) -> str:
    """data/similar.json: one object per listed pair, in the paragraphs' reading order."""
    order = {(unit.plan, unit.anchor): unit.order for unit in units}
    rows = []
    for (plan, anchor), matches in sorted(similar.items(), key=lambda item: order[item[0]]):
        for rank, match in enumerate(matches, 1):
            rows.append({
                "plan": plan, "anchor": anchor, "rank": rank,
                "other_plan": match.other.plan, "other_anchor": match.other.anchor,
                "shared_chars": match.shared,
                "shared_zh": [match.other.text[start:end] for start, end in match.spans],
            })
    return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
