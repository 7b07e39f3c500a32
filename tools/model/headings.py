"""Heading levels: the one rule every page that shows plan sections as headings follows.

A section's heading level follows the document's depth, never skipping a level: a top
section is `base`, and any other heading section is one more than its nearest ancestor that
is shown as a heading. A plan that numbers 二、 and then 1. directly (the 1. level is
declared loose) therefore gets h2 → h3 there, even where other chapters go 一、 → （一） → 1.
at h2 → h3 → h4; ids and printed numbers are untouched (they come from tools.model.anchors).
The printed numbering's own level stays in `Section.level` for what names a numbering level
(the Akoma Ntoso element, tools.render.akn).

Pages that embed sections of a plan under their own headings (comparisons) pass the sections
they embed and the level of their first heading, e.g. `heading_levels([section], base=3)`.
"""

from __future__ import annotations

from collections.abc import Iterable

from tools.model.document import Section

DEEPEST = 6  # HTML has no h7: deeper sections share h6 (no plan reaches it from h2 today)


def heading_levels(sections: Iterable[Section], base: int = 2) -> dict[str, int]:
    """Section id → heading level for `sections` and everything under them, `base` at the top.

    Entries shown as numbered paragraphs (`heading=False`) take no level of their own: a
    heading below one is one more than the heading above it."""
    levels: dict[str, int] = {}

    def visit(section: Section, level: int) -> None:
        levels[section.id] = min(level, DEEPEST)
        below = level + 1 if section.heading else level
        for child in section.children:
            visit(child, below)

    for section in sections:
        visit(section, base)
    return levels
