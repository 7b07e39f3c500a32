"""Targets over time on the successor comparison page (tools/render/successor_page.py).

A stub: the targets workstream fills it with each indicator of the pair marked kept, changed,
dropped or new. It returns a complete Markdown section (its own heading included), or "" when
there is nothing to show; keep exactly this signature.
"""

from __future__ import annotations


def successor_targets_markdown(corpus, earlier: str, later: str, lang: str) -> str:
    """The targets of plan `earlier` followed into plan `later` (slugs), as Markdown in `lang`; the targets workstream fills it."""
    return ""
