"""Site pages that are not plan pages: the home page in each language."""

from __future__ import annotations

import json

from tools.model.document import Plan
from tools.render.markdown import safe
from tools.render.plan_page import ui


def plan_order(plans: list[Plan]) -> list[Plan]:
    return sorted(plans, key=lambda plan: (plan.data.period[0], plan.data.slug))


def plans_json(plans: list[Plan]) -> str:
    """data/plans.json: the plans in reading order, with their facts; the site's nav follows it."""
    records = [
        {
            "slug": plan.data.slug,
            "title_zh": plan.data.title_zh,
            "title_en": plan.data.title_en,
            "issuer_zh": plan.data.issuer_zh,
            "issuer_en": plan.data.issuer_en,
            "doc_number": plan.data.doc_number,
            "date_written": plan.data.date_written,
            "period": list(plan.data.period),
            "predecessor": plan.data.predecessor or None,
            "successor": plan.data.successor or None,
            "url_zh": f"/{plan.data.slug}/",
            "url_en": f"/en/{plan.data.slug}/",
        }
        for plan in plan_order(plans)
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def render_home(plans: list[Plan], lang: str) -> str:
    labels = ui(lang)
    out = [
        "---",
        f'title: "{labels["home_title"]}"',
        "---",
        "",
        f"# {safe(labels['home_title'])} {{#title}}",
        "",
        safe(labels["home_intro"]),
        "",
        f"## {safe(labels['plans_heading'])} {{#plans}}",
        "",
        f"| {labels['col_plan']} | {labels['col_issuer']} | {labels['col_date']} | {labels['col_level']} | {labels['col_period']} |",
        "|---|---|---|---|---|",
    ]
    for plan in plan_order(plans):
        data = plan.data
        title = data.title_zh if lang == "zh" else data.title_en
        description = data.description_zh if lang == "zh" else data.description_en
        issuer = data.issuer_zh if lang == "zh" else data.issuer_en
        level = data.level_zh if lang == "zh" else data.level_en
        date = data.date_written or data.date_published or "—"
        out.append(
            f"| [{safe(title)}]({data.slug}/index.md)<br>{safe(description)} | {safe(issuer)} | {safe(date)} "
            f"| {safe(level)} | {data.period[0]}–{data.period[1]} |"
        )
    return "\n".join(out) + "\n"
