"""Markdown tables in Material's wrappers, written by the build (run by tools/site/hooks.py on each page's HTML).

Material's script wraps every table of the content that has no class (`table:not([class])`) in
`<div class="md-typeset__scrollwrap"><div class="md-typeset__table">` on every page load, so that a wide
table scrolls sideways. Moving a table into its wrappers lays out the whole table again: on the
targets page, nine tables, a third of the long task of Material's start-up on a phone (issue 21).
Here each such table is written inside those wrappers and given the class `typeset-table`
(`contract.TYPESET_TABLE`), which Material's script passes over; assets/site.css gives that class
the style Material gives a table without a class. The page looks as it did once the script had run,
from its first paint.
"""

from __future__ import annotations

import re

from tools.common import contract
from tools.site.htmltext import outside_scripts
from tools.site.material import TABLE_WRAPPERS

# A table with no class attribute (Python-Markdown writes `<table>`; attributes from attr_list may follow).
CLASSLESS_TABLE = re.compile(r"<table\b(?![^>]*\sclass=)([^>]*)>")
TABLE_TAG = re.compile(r"<(/?)table\b")


def wrap_tables(html_text: str) -> str:
    """`html_text` (an article's HTML) with every table that has no class wrapped and classed."""
    if "<table" not in html_text:
        return html_text
    return outside_scripts(html_text, _wrap)


def _wrap(text: str) -> str:
    scrollwrap, wrapper = TABLE_WRAPPERS
    opened = f'<div class="{scrollwrap}"><div class="{wrapper}">'
    out, last = [], 0
    for match in CLASSLESS_TABLE.finditer(text):
        if match.start() < last:
            continue  # a table inside one wrapped already: left to Material's script
        end = _closing(text, match.end())
        out += [text[last:match.start()], opened, f'<table class="{contract.TYPESET_TABLE}"{match.group(1)}>',
                text[match.end():end], "</table></div></div>"]
        last = end + len("</table>")
    out.append(text[last:])
    return "".join(out)


def _closing(text: str, start: int) -> int:
    """Where the table opened before `start` closes (a table may hold a table)."""
    depth, position = 1, start
    for match in TABLE_TAG.finditer(text, start):
        depth += -1 if match.group(1) else 1
        position = match.start()
        if depth == 0:
            return position
    raise ValueError(f"a table opened before {start} is never closed")
