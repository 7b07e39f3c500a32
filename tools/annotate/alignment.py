"""Successive plans: which sections of a later plan continue which sections of its predecessor.

A plan names its predecessor in its data file (`predecessor = "…"`, validated by
tools/model/plandata.py); every such pair is aligned, none is named in code.

- Unit: a section. A section with text of its own (paragraphs, boxes, tables) is compared by
  its heading and that text; a section that only groups others (a chapter 三、重点任务) by its
  heading. Groups are compared with groups and texts with texts, so a
  chapter is never the counterpart of one task; groups are compared by heading, at one level.
- Measure: TF-IDF cosine over jieba words (tools/annotate/similarity.py), idf taken over the
  units of the two plans.
- Counterparts: every pair whose similarity reaches THRESHOLD and is within RATIO of the best
  counterpart of either section (so one section can continue two, and two can continue one).
  Both were chosen on the labelled sample in tests/data/alignment_labels.toml (a grid of
  thresholds and ratios; bench/alignment.py reports precision and recall).
- Review: sources/alignments/<earlier>--<later>.toml adds or removes pairs, each with a reason;
  an unknown plan or anchor stops the build at its file and line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tools.annotate.similarity import content_words, cosine, tfidf_vectors
from tools.common.errors import InputError
from tools.common.tomldata import Entries, line_of
from tools.model import anchors
from tools.model.document import Block, Plan, Section

THRESHOLD = 0.32
RATIO = 0.9
COMPUTED = "computed"
REVIEWED = "reviewed"
ACTIONS = ("add", "remove")


@dataclass(frozen=True)
class Unit:
    anchor: str
    group: bool  # True: a section that only holds other sections
    level: int
    text: str  # heading and text, as compared


@dataclass(frozen=True)
class Pair:
    earlier: str  # anchor in the earlier plan
    later: str
    similarity: float
    source: str  # COMPUTED or REVIEWED
    reason: str = ""


@dataclass
class Alignment:
    earlier: str  # slug
    later: str
    pairs: list[Pair] = field(default_factory=list)
    review_file: str = ""  # the override file as readers see its path, or ""

    def counterparts(self, later_anchor: str) -> list[Pair]:
        return [pair for pair in self.pairs if pair.later == later_anchor]

    def continued(self) -> set[str]:
        return {pair.earlier for pair in self.pairs}


# -- units --------------------------------------------------------------------
def block_pieces(block: Block) -> list[tuple[str, str]]:
    """(translation key, Chinese text) of every piece of a block, in reading order."""
    if block.kind == "box":
        pieces = [(anchors.box_title_key(block.id), block.title)] if block.title else []
        for inner in block.blocks:
            pieces += block_pieces(inner)
        return pieces
    if block.kind == "table":
        pieces = [(anchors.caption_key(block.id), block.caption)] if block.caption else []
        for r, row in enumerate(block.rows):
            pieces += [(anchors.cell_key(block.id, r, col), value) for col, value in enumerate(row, 1) if value]
        return pieces
    pieces = [(block.id, block.text)]
    if block.duty:
        pieces.append((block.duty.id, block.duty.text))
    return pieces


def own_pieces(section: Section) -> list[tuple[str, str]]:
    """The text a section carries itself (an entry without a heading carries it as its title)."""
    pieces = [] if section.heading else [(section.id, section.title)]
    for block in section.blocks:
        pieces += block_pieces(block)
    if section.duty:
        pieces.append((section.duty.id, section.duty.text))
    return pieces


def is_group(section: Section) -> bool:
    return bool(section.children) and not own_pieces(section)


def units(plan: Plan) -> list[Unit]:
    result = []
    for section in plan.walk():
        group = is_group(section)
        # A group is compared by its heading alone: the text under it belongs to its sections,
        # which are compared themselves (with that text every chapter resembled every other).
        text = section.title if group else "\n".join([section.title, *(zh for _, zh in own_pieces(section))])
        result.append(Unit(section.id, group, section.level, text))
    return result


def _descendants(section: Section) -> list[Section]:
    found = []
    for child in section.children:
        found.append(child)
        found += _descendants(child)
    return found


# -- similarity ---------------------------------------------------------------
def similarities(earlier: Plan, later: Plan) -> dict[tuple[str, str], float]:
    """(earlier anchor, later anchor) → TF-IDF cosine, for every pair of units of the same kind."""
    first, second = units(earlier), units(later)
    vectors = tfidf_vectors([content_words(unit.text) for unit in first + second])
    result = {}
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            # Texts with texts at any depth (a task may become a special action); groups with
            # groups of the same level (a chapter continues a chapter).
            if a.group == b.group and (not a.group or a.level == b.level):
                result[a.anchor, b.anchor] = round(cosine(vectors[i], vectors[len(first) + j]), 4)
    return result


def computed_pairs(scores: dict[tuple[str, str], float], threshold: float = THRESHOLD,
                   ratio: float = RATIO) -> list[tuple[str, str]]:
    """Pairs at or above the threshold that are also near the best counterpart (within `ratio`)
    of the later section or of the earlier one. Long sections (targets, principles) resemble
    everything a little; the ratio keeps them from becoming every section's counterpart,
    while a task split in two, or two merged into one, keeps both pairs."""
    best_later: dict[str, float] = {}
    best_earlier: dict[str, float] = {}
    for (earlier, later), value in scores.items():
        best_later[later] = max(best_later.get(later, 0.0), value)
        best_earlier[earlier] = max(best_earlier.get(earlier, 0.0), value)
    return [(earlier, later) for (earlier, later), value in scores.items()
            if value >= threshold and (value >= ratio * best_later[later] or value >= ratio * best_earlier[earlier])]


# -- review -------------------------------------------------------------------
def review_path(folder: Path, earlier: str, later: str) -> Path:
    return folder / f"{earlier}--{later}.toml"


@dataclass(frozen=True)
class Override:
    action: str
    earlier: str
    later: str
    reason: str


def load_overrides(path: Path, earlier: Plan, later: Plan) -> list[Override]:
    """The reviewed pairs of one override file; every plan and anchor in it must exist."""
    entries = Entries(path, "pair")
    for key, plan in (("earlier", earlier), ("later", later)):
        named = entries_top(entries, key)
        if named != plan.data.slug:
            raise InputError(path, line_of(entries.raw, key) or 1,
                             f"`{key}` names {named!r}, but this file aligns {earlier.data.slug} → {later.data.slug} (its name)")
    result = []
    for index, _ in entries:
        action = entries.text(index, "action")
        if action not in ACTIONS:
            raise entries.error(index, "action", f"unknown action {action!r}; must be one of {', '.join(ACTIONS)}")
        ends = {}
        for key, plan in (("from", earlier), ("to", later)):
            anchor = entries.text(index, key)
            if plan.section(anchor) is None:
                raise entries.error(index, key, f"{anchor!r} is not a section of {plan.data.slug}")
            ends[key] = anchor
        result.append(Override(action, ends["from"], ends["to"], entries.text(index, "reason")))
    return result


def entries_top(entries: Entries, key: str) -> str:
    import tomllib

    value = tomllib.loads(entries.raw).get(key, "")
    if not isinstance(value, str) or not value:
        raise InputError(entries.path, 1, f"missing `{key} = \"<plan slug>\"`")
    return value


# -- alignment ----------------------------------------------------------------
def successive_pairs(plans: list[Plan]) -> list[tuple[Plan, Plan]]:
    """(earlier, later) for every plan that names its predecessor, in the plans' order."""
    by_slug = {plan.data.slug: plan for plan in plans}
    return [(by_slug[plan.data.predecessor], plan) for plan in plans if plan.data.predecessor in by_slug]


def align(earlier: Plan, later: Plan, folder: Path, shown=str) -> Alignment:
    scores = similarities(earlier, later)
    chosen = {key: Pair(key[0], key[1], scores[key], COMPUTED) for key in computed_pairs(scores)}
    path = review_path(folder, earlier.data.slug, later.data.slug)
    review_file = ""
    if path.exists():
        review_file = shown(path)
        for override in load_overrides(path, earlier, later):
            key = (override.earlier, override.later)
            if override.action == "remove":
                chosen.pop(key, None)
            else:
                chosen[key] = Pair(key[0], key[1], scores.get(key, 0.0), REVIEWED, override.reason)
    order_e = {section.id: i for i, section in enumerate(earlier.walk())}
    order_l = {section.id: i for i, section in enumerate(later.walk())}
    pairs = sorted(chosen.values(), key=lambda pair: (order_l[pair.later], order_e[pair.earlier]))
    return Alignment(earlier.data.slug, later.data.slug, pairs, review_file)


def load_alignments(tree, plans: list[Plan]) -> list[Alignment]:
    """One alignment per plan that names its predecessor (sources/alignments/ holds the reviews)."""
    pairs = successive_pairs(plans)
    check_review_files(tree.alignments, {(earlier.data.slug, later.data.slug) for earlier, later in pairs})
    return [align(earlier, later, tree.alignments, tree.shown) for earlier, later in pairs]


def check_review_files(folder: Path, pairs: set[tuple[str, str]]) -> None:
    """A review file for plans that are not a plan and its predecessor would be ignored: stop instead."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.toml")):
        earlier, _, later = path.stem.partition("--")
        if (earlier, later) not in pairs:
            raise InputError(path, 1, f"no plan {later!r} names {earlier!r} as its predecessor; a review file is named "
                                      "<earlier>--<later>.toml after a plan whose data file has `predecessor = \"<earlier>\"`")


def alignment_records(alignments: list[Alignment]) -> list[dict]:
    return [
        {"from_plan": a.earlier, "from": pair.earlier, "to_plan": a.later, "to": pair.later,
         "similarity": pair.similarity, "source": pair.source}
        for a in alignments for pair in a.pairs
    ]


def alignments_json(alignments: list[Alignment]) -> str:
    """site/data/alignments.json (a published contract: README, open-data page)."""
    return json.dumps(alignment_records(alignments), ensure_ascii=False, indent=1) + "\n"
