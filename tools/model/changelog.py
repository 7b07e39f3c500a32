"""The revision history (sources/changelog.toml), checked against the plans: every plan and
anchor an entry names must exist and every date must be a real YYYY-MM-DD, or the build stops
with the file and line. The page, the Atom feeds (tools/render/changelog_page.py), each plan
page's last revision date and the citations' edition date read it from here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from tools.common.tomldata import Entries
from tools.model import anchors
from tools.model.document import Plan

TABLE = "revision"


@dataclass(frozen=True)
class Revision:
    date: str
    plans: tuple[str, ...]
    anchors: tuple[str, ...]  # "<slug>#<anchor>"
    zh: str
    en: str


def plan_anchors(plan: Plan) -> set[str]:
    """The ids a plan page carries for its text, which the history page links to: sections,
    paragraphs, duty notes, boxes, tables and their rows, and the notice, preamble and closing.
    Not the keys of translation units that have no id of their own (a table cell, a field of the
    document information): a link to one would lead nowhere."""
    from tools.model.document import anchored_texts

    found = {section.id for section in plan.walk()} | set(anchored_texts(plan)) | {block.id for block in plan.all_blocks()}
    parts = {anchors.NOTICE: plan.notice, anchors.PREAMBLE: plan.preamble, anchors.CLOSING: plan.closing}
    return found | {part for part, blocks in parts.items() if blocks}


def load_changelog(path: Path, plans: list[Plan]) -> list[Revision]:
    if not path.is_file():
        return []
    entries = Entries(path, TABLE)
    by_slug = {plan.data.slug: plan for plan in plans}
    known: dict[str, set[str]] = {}
    found = []
    for index, item in entries:
        date = item.get("date")
        try:
            if not isinstance(date, str) or len(date) != 10:
                raise ValueError
            datetime.date.fromisoformat(date)
        except ValueError:
            raise entries.error(index, "date", f"revision date {date!r} is not a date written YYYY-MM-DD") from None
        slugs = item.get("plans", [])
        for slug in slugs:
            if slug not in by_slug:
                raise entries.error(index, "plans", f"unknown plan {slug!r}")
        for reference in item.get("anchors", []):
            slug, _, anchor = str(reference).partition("#")
            if slug not in by_slug:
                raise entries.error(index, "anchors", f"unknown plan {slug!r} in anchor {reference!r}")
            if slug not in known:
                known[slug] = plan_anchors(by_slug[slug])
            if anchor not in known[slug]:
                raise entries.error(index, "anchors", f"plan {slug!r} has no anchor {anchor!r}")
            if slug not in slugs:
                raise entries.error(index, "anchors", f"anchor {reference!r} names a plan not listed in plans")
        for key in ("zh", "en"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise entries.error(index, key, f"revision needs a non-empty {key!r}")
        found.append(Revision(date, tuple(slugs), tuple(item.get("anchors", [])), item["zh"], item["en"]))
    dates = [revision.date for revision in found]
    if dates != sorted(dates):
        raise entries.error(len(found) - 1, "date", "revisions must be in date order, oldest first")
    return found


def last_revision(revisions: list[Revision], slug: str) -> str:
    """The date of the last revision that touched a plan ('' when none did)."""
    return max((revision.date for revision in revisions if slug in revision.plans), default="")


def edition_date(revisions: list[Revision]) -> str:
    return revisions[-1].date if revisions else ""
