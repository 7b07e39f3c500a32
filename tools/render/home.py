"""The home page in each language, and data/plans.json (which also drives the site's nav)."""

from __future__ import annotations

import json
from html import escape

from tools.common import contract as c
from tools.common.ui import count_word, localized
from tools.model import anchors
from tools.model.document import Plan
from tools.publish.bundle import ZIP_NAME
from tools.render.corpus import Corpus
from tools.render.markdown import front_matter, page_heading, safe


def plan_order(plans: list[Plan]) -> list[Plan]:
    return sorted(plans, key=lambda plan: (plan.data.period[0], plan.data.slug))


def plans_json(corpus: Corpus) -> str:
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
            "short_zh": plan.data.short_zh,
            "short_en": plan.data.short_en,
            "region_zh": plan.data.region_zh,
            "region_en": plan.data.region_en,
            "level_zh": plan.data.level_zh,
            "level_en": plan.data.level_en,
            "kind_zh": plan.data.kind_zh,
            "kind_en": plan.data.kind_en,
            "predecessor": plan.data.predecessor or None,
            "successor": plan.data.successor or None,
            "url_zh": anchors.page_path(plan.data.slug, "zh"),
            "url_en": anchors.page_path(plan.data.slug, "en"),
        }
        for plan in corpus.plans
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def offline_link(labels: dict[str, str], lang: str) -> str:
    """The offline zip, published beside the site's root by `python -m tools bundle`. Raw HTML: the
    zip is not a page of docs/, so MkDocs must not try to resolve it."""
    root = "" if lang == "zh" else "../"
    return (f'<p><a class="{c.OFFLINE_ZIP}" href="{root}{ZIP_NAME}" download>{escape(labels["offline_zip"])}</a>'
            f'{escape(labels["colon"] + labels["offline_zip_note"])}</p>')


def render_home(corpus: Corpus, lang: str) -> str:
    labels = corpus.strings.of(lang)
    out = [
        *front_matter(labels["home_title"]),
        *page_heading(labels["home_title"]),
        safe(corpus.strings.get(lang, "home_intro", count=count_word(labels, len(corpus.plans)))),
        "",
        offline_link(labels, lang),
        "",
        f"## {safe(labels['plans_heading'])} {{#plans}}",
        "",
        f"[{safe(labels['plans_link'])}](plans/index.md)",
        "",
        f"| {labels['col_plan']} | {labels['col_issuer']} | {labels['col_date']} | {labels['col_level']} | {labels['col_period']} |",
        "|---|---|---|---|---|",
    ]
    for plan in corpus.plans:
        data = plan.data
        date = data.date_written or data.date_published or "—"
        link = anchors.page_link(data.slug, from_root=True)
        out.append(
            f"| [{safe(localized(data, 'title', lang))}]({link})<br>{safe(localized(data, 'description', lang))} "
            f"| {safe(localized(data, 'issuer', lang))} | {safe(date)} "
            f"| {safe(localized(data, 'level', lang))} | {data.period[0]}–{data.period[1]} |"
        )
    return "\n".join(out) + "\n"
