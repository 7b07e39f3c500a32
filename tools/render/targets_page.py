"""The /targets/ page: each plan's period on a timeline, and comparable indicators side by side."""

from __future__ import annotations

from tools.annotate.targets import format_value
from tools.common.ui import count_word, localized, pick
from tools.model import anchors
from tools.model.plandata import chart_series
from tools.render.charts import Bar, Span, bar_chart, timeline
from tools.render.corpus import Corpus
from tools.render.markdown import front_matter, page_heading, safe
from tools.render.target_lineage import successor_targets_markdown


def render_targets_page(corpus: Corpus, lang: str) -> str:
    plans, notes, labels = corpus.plans, corpus.notes, corpus.strings.of(lang)
    order = {plan.data.slug: index for index, plan in enumerate(plans)}
    colour = chart_series([plan.data for plan in plans])

    def short(slug: str) -> str:
        return localized(corpus.by_slug[slug].data, "short", lang)

    out = [
        *front_matter(labels["compare_title"]),
        *page_heading(labels["compare_title"]),
        safe(corpus.strings.get(lang, "compare_intro", count=count_word(labels, len(plans)))), "",
        _downloads(lang), "",
        f"## {safe(labels['timeline_title'])} {{#timeline}}", "",
    ]
    spans = [Span(short(p.data.slug), p.data.period[0], p.data.period[1], colour[p.data.slug]) for p in plans]
    # The axis spans the corpus: from the earliest plan's first year to the latest plan's last.
    first, last = min(p.data.period[0] for p in plans), max(p.data.period[1] for p in plans)
    out += _figure(timeline(labels["timeline_title"], spans, first, last))
    out += [f"## {safe(labels['compare_indicators'])} {{#indicators}}", ""]
    for key, indicator in notes.indicators.items():
        targets = sorted((t for t in notes.targets if t.indicator == key), key=lambda t: (order[t.plan], t.year))
        if len({t.plan for t in targets}) < 2:
            continue  # nothing to compare
        name = pick(lang, indicator.zh, indicator.en)
        out += [f"### {safe(name)} {{#{key}}}", ""]
        bars = [Bar(short(t.plan), t.value, f"{format_value(t, lang)} ({t.year})", colour[t.plan]) for t in targets]
        out += _figure(bar_chart(name, bars))
        out += [f"| {labels['col_plan']} | {labels['col_indicator']} | {labels['col_target']} | {labels['col_year']} |", "|---|---|---|---|"]
        for t in targets:
            wording = localized(t, "indicator", lang)
            link = anchors.page_link(t.plan, t.anchor)
            out.append(f"| {safe(short(t.plan))} | [{safe(wording)}]({link}) | {safe(format_value(t, lang))} | {t.year} |")
        out.append("")
    # Targets over time: each plan beside its predecessor, every indicator marked kept, changed, dropped or new.
    for plan in plans:
        if plan.data.predecessor:
            section = successor_targets_markdown(corpus, plan.data.predecessor, plan.data.slug, lang, depth=1)
            if section:
                out += [section]
    out += [f"## {safe(labels['all_targets'])} {{#all}}", ""]
    for plan in plans:
        targets = notes.targets_of(plan.data.slug)
        if targets:
            out.append(f"- [{safe(short(plan.data.slug))}]({anchors.page_link(plan.data.slug, 'targets')}): {len(targets)}")
    return "\n".join(out) + "\n"


def _downloads(lang: str) -> str:
    # Raw links: the data files exist once, at the site root, for both languages
    # (one directory further up from /en/targets/ than from /targets/).
    root = anchors.to_site_root(lang)
    return " · ".join(f'<a href="{root}data/{name}" download>{name}</a>' for name in ("targets.json", "targets.csv"))


def _figure(svg: str) -> list[str]:
    # A <figure> is a block-level HTML element, so Python-Markdown passes the SVG through untouched.
    return ['<figure class="chart-figure">', svg, "</figure>", ""]
