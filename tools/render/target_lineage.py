"""Targets over time: a plan's targets beside its predecessor's, each marked kept, changed, dropped or
new, with the baselines the plans state and the outcomes the later plan reports (tools/annotate/lineage.py).

`successor_targets_markdown` is one self-contained Markdown section; the targets page and the
successor comparison page both call it. Every figure is one the plans print, quoted with a link to
its paragraph; nothing is computed from them (no attainment, no growth rate).
"""

from __future__ import annotations

from tools.annotate.lineage import Lineage, Link
from tools.annotate.targets import Target, format_amount, format_value
from tools.common import contract as c
from tools.common.ui import localized
from tools.render.corpus import Corpus
from tools.render.markdown import attr_html, safe

HTML_LANG = {"zh": "zh-Hans", "en": "en"}


def section_id(later: str) -> str:
    """The section's anchor: one per later plan (a plan has one predecessor)."""
    return f"targets-over-time-{later}"


# The successor comparison page, /compare/<earlier>--<later>/, sits two folders below docs/ and calls
# with the four arguments; the targets page (/targets/, one folder down) passes depth=1.
SUCCESSOR_PAGE_DEPTH = 2


def successor_targets_markdown(corpus: Corpus, earlier: str, later: str, lang: str, depth: int = SUCCESSOR_PAGE_DEPTH) -> str:
    """The "targets over time" section for the pair (earlier, later): a heading, how to read it, and
    one table row per judgement of sources/targets/lineage/<earlier>--<later>.toml. `depth` is how
    many folders below docs/ the calling page sits, for its relative links (MkDocs resolves them).
    Empty when the pair has no reviewed lineage (neither plan sets targets)."""
    lineage = corpus.notes.lineage(earlier, later)
    if lineage is None:
        return ""
    labels = corpus.strings.of(lang)
    names = {slug: localized(corpus.by_slug[slug].data, "short", lang) for slug in (earlier, later)}
    title = labels["lineage_title"].format(earlier=names[earlier], later=names[later])
    counts = {f"{status}": lineage.count(status) for status in ("kept", "changed", "dropped", "new")}
    headers = [
        labels["lineage_col_status"],
        labels["lineage_col_indicator"].format(plan=names[earlier]), labels["lineage_col_target"], labels["col_baseline"],
        labels["lineage_col_outcome"].format(plan=names[later]),
        labels["lineage_col_indicator"].format(plan=names[later]), labels["lineage_col_target"], labels["col_baseline"],
        labels["lineage_col_differs"],
    ]
    out = [
        f"## {safe(title)} {{#{section_id(later)}}}", "",
        safe(labels["lineage_intro"].format(earlier=names[earlier], later=names[later])), "",
        safe(labels["lineage_counts"].format(**counts)), "",
        # A wrapper (md_in_html) so that the wide table gets readable column widths and scrolls on its own.
        f'<div class="{c.LINEAGE_TABLE}" markdown="1">', "",
        "| " + " | ".join(safe(header) for header in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    cells = _Cells(corpus, lang, depth)
    for link in _reading_order(lineage):
        row = [cells.status(link.status), *cells.side(link.earlier), cells.outcome(link.earlier), *cells.side(link.later),
               cells.differs(link)]
        out.append("| " + " | ".join(row) + " |")
    out += ["", "</div>", ""]
    return "\n".join(out) + "\n"


def _reading_order(lineage: Lineage) -> list[Link]:
    """The earlier plan's targets in its own order (each with its successor), then the new ones in the later plan's."""
    earlier = [link for link in lineage.links if link.earlier is not None]
    new = [link for link in lineage.links if link.earlier is None]
    return earlier + new


class _Cells:
    def __init__(self, corpus: Corpus, lang: str, depth: int) -> None:
        self.corpus, self.lang, self.labels = corpus, lang, corpus.strings.of(lang)
        self.up = "../" * depth

    def link(self, slug: str, anchor: str) -> str:
        return f"{self.up}{slug}/index.md#{anchor}"

    def status(self, status: str) -> str:
        return f'<span class="{c.LINEAGE_MARK}" {c.LINEAGE_STATUS}="{status}">{safe(self.labels["lineage_" + status])}</span>'

    def side(self, target: Target | None) -> list[str]:
        """Indicator, target and baseline of one plan's target; a dash where that plan has none."""
        if target is None:
            return ["–", "–", "–"]
        indicator = f"[{safe(localized(target, 'indicator', self.lang))}]({self.link(target.plan, target.anchor)})"
        value = safe(f"{format_value(target, self.lang)}{self.year(target.year)}")
        return [indicator, value, self.baseline(target)]

    def year(self, year: int) -> str:
        return self.labels["lineage_year"].format(year=year)

    def quote(self, slug: str, text: str) -> str:
        # A phrase of a plan shown away from its page: named by its plan, kept out of search (the plan
        # section holds it), in Chinese on both language pages.
        return (f'<q {c.PLAN}="{attr_html(slug)}" {c.SEARCH_EXCLUDE} lang="zh-Hans">{safe(text)}</q>')

    def note(self, zh: str, en: str, lead: str = "") -> str:
        """A note this edition adds (not the plans' words), marked as such."""
        text = zh if self.lang == "zh" else en
        return f'<span class="{c.ANNOTATION}">{safe(lead + text)}</span>' if text else ""

    def baseline(self, target: Target) -> str:
        if target.baseline is None:
            return "–"
        figure = format_amount(target.baseline, target.unit_zh, target.unit_en, self.lang) + self.year(target.baseline_year)
        parts = [safe(figure), self.quote(target.plan, target.baseline_quote_zh), self.source(target.plan, target.baseline_anchor),
                 self.note(target.baseline_note_zh, target.baseline_note_en, self.labels["lineage_note"])]
        return "<br>".join(part for part in parts if part)

    def source(self, slug: str, anchor: str) -> str:
        """'出处：新疆“十四五”规划 一（一）2 第1段' / 'Source: Xinjiang 2021–2025 §1.1.2 ¶1', linked to the
        paragraph in the page's language (the plan named, so that the link says where it leads)."""
        place = self.corpus.reference(self.corpus.by_slug[slug], anchor, self.lang)
        lead, rest = self.labels["lineage_source"].split("{place}", 1)
        return f"{safe(lead)}[{safe(place)}]({self.link(slug, anchor)}){safe(rest)}"

    def outcome(self, target: Target | None) -> str:
        """What the later plan reports for the target's year, beside it; a different measure is said, not scored."""
        if target is None or target.outcome is None:
            return "–"
        figure = format_amount(target.outcome, target.outcome_unit_zh, target.outcome_unit_en, self.lang) + self.year(target.outcome_year)
        parts = [safe(figure), self.quote(target.outcome_plan, target.outcome_quote_zh),
                 self.source(target.outcome_plan, target.outcome_anchor)]
        measure = self.labels["lineage_same_measure" if target.outcome_same_measure else "lineage_other_measure"]
        parts.append(self.note(target.outcome_note_zh, target.outcome_note_en, measure) or
                     f'<span class="{c.ANNOTATION}">{safe(measure)}</span>')
        return "<br>".join(parts)

    def differs(self, link: Link) -> str:
        return self.note(link.differs_zh, link.differs_en) or "–"
