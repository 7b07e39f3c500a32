"""Table rows in running text: tab-separated and space-aligned lines, split into cells.

The split is done on the raw line, before normalization, because normalization removes the
very tabs and space runs that separate the cells ("指标\t2025年" would become "指标2025年").
Whether a row belongs to a table is decided later by the parser, which needs a block of
rows; a lone line that looks like a row stays a paragraph.

- Tab-separated: a tab after the line's text begins (leading tabs are indentation). Every
  such tab separates two cells, so an empty cell is two tabs in a row, or a trailing tab.
- Space-aligned: two or more spaces (ASCII, full-width U+3000 or no-break U+00A0) between
  two pieces of text. One space never separates cells: it occurs inside Chinese text.
- A rule line (--- under a header, in either form, or one run of dashes) ends the header
  rows, as |---| does in a pipe table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB = "tab"
SPACE = "space"
EDGE = " \t\r\u3000\u00a0"
SPACE_GAP = re.compile("[ \u3000\u00a0]{2,}")
RULE_CELL = re.compile(r"^:?[-—=]{3,}:?$")


@dataclass(frozen=True)
class Row:
    kind: str  # TAB | SPACE
    cells: tuple[str, ...]  # raw cell texts; empty for a rule line
    rule: bool = False


def split_row(text: str) -> Row | None:
    """The row a raw line holds, or None when it is ordinary text."""
    inner = text.strip(EDGE)
    if "\t" in text.lstrip(EDGE).rstrip(EDGE.replace("\t", "")):
        cells = text.lstrip(EDGE).rstrip(EDGE.replace("\t", "")).split("\t")
        return _row(TAB, [cell.strip(EDGE) for cell in cells])
    if SPACE_GAP.search(inner):
        return _row(SPACE, SPACE_GAP.split(inner))
    return None


def rule_line(text: str) -> bool:
    """A line of dashes alone (------), which ends the header rows of a table it sits in."""
    return bool(RULE_CELL.match(text.strip(EDGE)))


def _row(kind: str, cells: list[str]) -> Row:
    if all(RULE_CELL.match(cell) for cell in cells):
        return Row(kind, (), rule=True)
    return Row(kind, tuple(cells))
