"""Targets over time: how each target of a plan continues in its successor's targets, and what the
successor reports as achieved for the earlier plan's target year.

Which plans form a pair is plan data (`predecessor = "<slug>"` in sources/plans/<later>.toml).
How their targets relate is a reviewed judgement, kept in sources/targets/lineage/<earlier>--<later>.toml:

    earlier = "<earlier slug>"
    later = "<later slug>"

    [[pair]]                 # one entry per target of either plan
    earlier = "<target id>"  # absent for a new target
    later = "<target id>"    # absent for a dropped target
    status = "changed"       # kept (the same measure), changed (a different measure), dropped, new
    differs_zh = "…"         # what differs, in both languages (required for `changed`)
    differs_en = "…"
    reason = "…"             # the reviewer's reason (kept in the data file)

    [[outcome]]              # what the later plan reports for an earlier target's year
    target = "<earlier target id>"
    anchor = "<paragraph of the later plan>"
    quote_zh = "…"           # checked against the paragraph at build time
    value = 84               # must appear in the quote
    unit_zh = "家"
    unit_en = "enterprises"
    year = 2020
    same_measure = false     # false: the page says what differs and computes no attainment
    note_zh = "…"            # required when same_measure is false
    note_en = "…"

Every target of both plans must be marked exactly once, so that nothing is left unjudged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tools.annotate.targets import Target, unit_mismatch, value_in_quote
from tools.common.errors import InputError
from tools.common.paths import SourceTree
from tools.common.tomldata import Entries, line_of, load_toml
from tools.model.document import Plan, anchored_texts

STATUSES = ("kept", "changed", "dropped", "new")
# Which side of a pair each status needs: kept/changed relate two targets, dropped only an earlier one,
# new only a later one.
SIDES = {"kept": (True, True), "changed": (True, True), "dropped": (True, False), "new": (False, True)}


@dataclass
class Link:
    status: str
    earlier: Target | None
    later: Target | None
    differs_zh: str
    differs_en: str
    reason: str


@dataclass
class Lineage:
    earlier: str
    later: str
    links: list[Link]
    path: Path

    def count(self, status: str) -> int:
        return sum(1 for link in self.links if link.status == status)


def load_lineages(tree: SourceTree, plans: list[Plan], targets: list[Target]) -> list[Lineage]:
    """Every pair of plans (a plan naming its predecessor) whose targets both exist, judged by its file."""
    by_slug = {plan.data.slug: plan for plan in plans}
    lineages, expected = [], set()
    for plan in plans:
        earlier, later = plan.data.predecessor, plan.data.slug
        if not earlier or earlier not in by_slug:
            continue
        path = tree.target_lineage_file(earlier, later)
        expected.add(path.name)
        sides = [_targets_of(targets, slug) for slug in (earlier, later)]
        if not path.exists():
            if all(sides):
                raise InputError(path, None, f"{later} names {earlier} as predecessor and both set targets: "
                                             "mark each target kept, changed, dropped or new in this file")
            continue
        lineages.append(load_lineage(path, tree, by_slug, *sides))
    if tree.target_lineage.is_dir():
        for path in sorted(tree.target_lineage.glob("*.toml")):
            if path.name not in expected:
                _stray(path, by_slug)
    return lineages


def _stray(path: Path, by_slug: dict[str, Plan]) -> None:
    """A pair file for no pair: say which plan is unknown, or that the pair is not one."""
    data, raw = load_toml(path)
    stated = {key: _text(data, key) for key in ("earlier", "later")}
    for key, slug in stated.items():
        if slug not in by_slug:
            raise InputError(path, line_of(raw, key), f"{key} plan {slug!r} is not a plan in the corpus")
    raise InputError(path, line_of(raw, "later"),
                     f"{stated['later']} does not name {stated['earlier']} as its predecessor "
                     "(or the file is not named <earlier>--<later>.toml)")


def _text(data: dict, key: str) -> str:
    value = data.get(key, "")
    return value.strip() if isinstance(value, str) else ""


def _targets_of(targets: list[Target], slug: str) -> list[Target]:
    return [target for target in targets if target.plan == slug]


def load_lineage(path: Path, tree: SourceTree, by_slug: dict[str, Plan],
                 earlier_targets: list[Target], later_targets: list[Target]) -> Lineage:
    data, raw = load_toml(path)
    earlier, later = path.stem.split("--", 1)
    data_plans = {"earlier": earlier, "later": later}
    for key, slug in data_plans.items():
        if _text(data, key) != slug:
            raise InputError(path, line_of(raw, key) or 1, f"`{key}` must be {slug!r}, the plan this file is named for")
    pairs = Entries(path, "pair")
    ids = {"earlier": _ids(tree, earlier_targets), "later": _ids(tree, later_targets)}
    marked: dict[str, set[str]] = {"earlier": set(), "later": set()}
    links = []
    for index, _item in pairs:
        status = pairs.text(index, "status")
        if status not in STATUSES:
            raise pairs.error(index, "status", f"status must be one of {', '.join(STATUSES)}")
        found: dict[str, Target | None] = {}
        for side, needed in zip(("earlier", "later"), SIDES[status], strict=True):
            value = pairs.text(index, side, required=needed)
            if not needed:
                if value:
                    raise pairs.error(index, side, f"a {status} target has no `{side}` target")
                found[side] = None
                continue
            if value not in ids[side]:
                raise pairs.error(index, side, f"target {value!r} is not a target id of {data_plans[side]}")
            if value in marked[side]:
                raise pairs.error(index, side, f"target {value!r} of {data_plans[side]} is marked twice")
            marked[side].add(value)
            found[side] = ids[side][value]
        differs_zh = pairs.text(index, "differs_zh", required=status == "changed")
        differs_en = pairs.text(index, "differs_en", required=status == "changed" or bool(differs_zh))
        if differs_en and not differs_zh:
            raise pairs.error(index, "differs_zh", "`differs_zh` and `differs_en` go together")
        links.append(Link(status, found["earlier"], found["later"], differs_zh, differs_en, pairs.text(index, "reason")))
    for side, known in ids.items():
        missing = sorted(set(known) - marked[side])
        if missing:
            raise InputError(path, line_of(pairs.raw, side),
                             f"targets of {data_plans[side]} not marked kept, changed, dropped or new: {', '.join(missing)}")
    _apply(links)
    _load_outcomes(path, ids["earlier"], by_slug[later])
    return Lineage(earlier, later, links, path)


def _ids(tree: SourceTree, targets: list[Target]) -> dict[str, Target]:
    """id → target; a target of a plan in a pair needs an id, so that the pair file can name it."""
    ids = {}
    for target in targets:
        if not target.id:
            raise InputError(tree.targets_file(target.plan), target.line,
                             f"target {target.quote_zh!r} needs an `id`: {target.plan} is one of a predecessor/successor pair")
        ids[target.id] = target
    return ids


def _apply(links: list[Link]) -> None:
    """Each target carries its own side of the judgement (published in targets.json/csv)."""
    for link in links:
        if link.earlier is not None:
            link.earlier.successor_status = link.status
            link.earlier.successor_target = link.later.id if link.later else ""
            link.earlier.successor_differs_zh, link.earlier.successor_differs_en = link.differs_zh, link.differs_en
        if link.later is not None:
            link.later.predecessor_status = link.status
            link.later.predecessor_target = link.earlier.id if link.earlier else ""
            link.later.predecessor_differs_zh, link.later.predecessor_differs_en = link.differs_zh, link.differs_en


def _load_outcomes(path: Path, earlier_ids: dict[str, Target], later: Plan) -> None:
    outcomes = Entries(path, "outcome")
    texts = anchored_texts(later)
    slug = later.data.slug
    for index, item in outcomes:
        target_id = outcomes.text(index, "target")
        if target_id not in earlier_ids:
            raise outcomes.error(index, "target", f"target {target_id!r} is not a target id of the earlier plan")
        target = earlier_ids[target_id]
        if target.outcome_anchor:
            raise outcomes.error(index, "target", f"target {target_id!r} already has an outcome")
        anchor = outcomes.text(index, "anchor")
        if anchor not in texts:
            raise outcomes.error(index, "anchor", f"anchor {anchor!r} is not a paragraph or table row of {slug}")
        quote = outcomes.text(index, "quote_zh")
        if quote not in texts[anchor]:
            raise outcomes.error(index, "quote_zh", f"outcome quote {quote!r} is no longer in {slug}#{anchor}")
        value = item.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise outcomes.error(index, "value", "`value` must be a number")
        if not value_in_quote(value, quote):
            raise outcomes.error(index, "value", f"value {value} does not appear in its quote {quote!r}")
        unit_zh, unit_en = outcomes.text(index, "unit_zh"), outcomes.text(index, "unit_en")
        if unit_mismatch(unit_zh, unit_en):
            raise outcomes.error(index, "unit_en", unit_mismatch(unit_zh, unit_en))
        year = item.get("year")
        if isinstance(year, bool) or not isinstance(year, int):
            raise outcomes.error(index, "year", "`year` must be a whole number")
        same = item.get("same_measure")
        if not isinstance(same, bool):
            raise outcomes.error(index, "same_measure", "`same_measure` must be true or false")
        note_zh = outcomes.text(index, "note_zh", required=not same)
        note_en = outcomes.text(index, "note_en", required=not same or bool(note_zh))
        target.outcome, target.outcome_unit_zh, target.outcome_unit_en = value, unit_zh, unit_en
        target.outcome_year, target.outcome_plan, target.outcome_anchor = year, slug, anchor
        target.outcome_quote_zh, target.outcome_same_measure = quote, same
        target.outcome_note_zh, target.outcome_note_en = note_zh, note_en
