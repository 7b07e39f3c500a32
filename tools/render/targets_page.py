"""The /targets/ page: each plan's period on a timeline, and comparable indicators side by side."""

from __future__ import annotations

from tools.annotate.annotations import Annotations
from tools.annotate.targets import format_value
from tools.model.document import Plan
from tools.render.charts import Bar, Span, bar_chart, timeline
from tools.render.markdown import safe
from tools.render.plan_page import ui

TIMELINE = (2016, 2035)


def render_targets_page(plans: list[Plan], notes: Annotations, lang: str) -> str:
    labels = ui(lang)
    order = {plan.data.slug: index for index, plan in enumerate(plans)}
    by_slug = {plan.data.slug: plan for plan in plans}

    def short(slug: str) -> str:
        data = by_slug[slug].data
        return data.short_zh if lang == "zh" else data.short_en

    out = [
        "---", f'title: "{labels["compare_title"]}"', "---", "",
        f"# {safe(labels['compare_title'])} {{#title}}", "",
        safe(labels["compare_intro"]), "",
        _downloads(lang), "",
        f"## {safe(labels['timeline_title'])} {{#timeline}}", "",
    ]
    spans = [Span(short(p.data.slug), p.data.period[0], p.data.period[1], order[p.data.slug]) for p in plans]
    out += _figure(timeline(labels["timeline_title"], spans, *TIMELINE))
    out += [f"## {safe(labels['compare_indicators'])} {{#indicators}}", ""]
    for key, indicator in notes.indicators.items():
        targets = sorted((t for t in notes.targets if t.indicator == key), key=lambda t: (order[t.plan], t.year))
        if len({t.plan for t in targets}) < 2:
            continue  # nothing to compare
        name = indicator.zh if lang == "zh" else indicator.en
        out += [f"### {safe(name)} {{#{key}}}", ""]
        bars = [Bar(short(t.plan), t.value, f"{format_value(t, lang)} ({t.year})", order[t.plan]) for t in targets]
        out += _figure(bar_chart(name, bars))
        out += [f"| {labels['col_plan']} | {labels['col_indicator']} | {labels['col_target']} | {labels['col_year']} |", "|---|---|---|---|"]
        for t in targets:
            wording = t.indicator_zh if lang == "zh" else t.indicator_en
            out.append(f"| {safe(short(t.plan))} | [{safe(wording)}](../{t.plan}/index.md#{t.anchor}) | {safe(format_value(t, lang))} | {t.year} |")
        out.append("")
    out += [f"## {safe(labels['all_targets'])} {{#all}}", ""]
    for plan in plans:
        targets = notes.targets_of(plan.data.slug)
        if targets:
            out.append(f"- [{safe(short(plan.data.slug))}](../{plan.data.slug}/index.md#targets): {len(targets)}")
    return "\n".join(out) + "\n"


def _downloads(lang: str) -> str:
    # Raw links: the data files exist once, at the site root, for both languages
    # (one directory further up from /en/targets/ than from /targets/).
    root = "../" if lang == "zh" else "../../"
    return " · ".join(f'<a href="{root}data/{name}" download>{name}</a>' for name in ("targets.json", "targets.csv"))


def _figure(svg: str) -> list[str]:
    # A <figure> is a block-level HTML element, so Python-Markdown passes the SVG through untouched.
    return ['<figure class="chart-figure">', svg, "</figure>", ""]
