"""The section index: sections.json (GUIDE contract) and the "How to cite" pages."""

from __future__ import annotations

import json

from tools.annotate import translations
from tools.model.document import Plan
from tools.render.home import plan_order
from tools.render.markdown import safe
from tools.render.plan_page import heading_label


def section_records(plans: list[Plan]) -> list[dict]:
    records = []
    for plan in plan_order(plans):
        english = translations.for_plan(plan)
        for section in plan.walk():
            entry = english.get(section.id)
            records.append({
                "plan": plan.data.slug,
                "anchor": section.id,
                "number": section.number,
                "title_zh": section.title,
                "title_en": entry.en if entry else "",
                "url_zh": f"/{plan.data.slug}/#{section.id}",
                "url_en": f"/en/{plan.data.slug}/#{section.id}",
            })
    return records


def sections_json(plans: list[Plan]) -> str:
    return json.dumps(section_records(plans), ensure_ascii=False, indent=1) + "\n"


def citation(plan: Plan, section, lang: str) -> str:
    if lang == "zh":
        return f"《{plan.data.title_zh}》{section.number}"
    return f"{plan.data.cite_en}, §{section.id[1:].replace('-', '.')}"


def render_cite_page(plans: list[Plan], lang: str) -> str:
    zh = lang == "zh"
    title = "如何引用" if zh else "How to cite"
    out = [
        "---", f'title: "{title}"', "---", "",
        f"# {title} {{#title}}", "",
        safe(
            "每一节、每一段都有固定编号的链接。把鼠标移到标题或段落上，点击“引用”即可复制链接和引文。下表列出全部章节及其引文格式。"
            if zh else
            "Every section and paragraph has a stable numbered link. Hover over a heading or paragraph and click its Cite "
            "button to copy the address and a citation. The tables below list every section with its citation. "
            "The same data is published as data/sections.json."
        ),
        "",
    ]
    for plan in plan_order(plans):
        english = translations.for_plan(plan)
        plan_title = plan.data.title_zh if zh else plan.data.title_en
        out += [f"## {safe(plan_title)} {{#{plan.data.slug}}}", ""]
        out += ["| 编号 | 标题 | 引文 |" if zh else "| Number | Title | Citation |", "|---|---|---|"]
        for section in plan.walk():
            entry = english.get(section.id)
            name = section.title if zh else (entry.en if entry else section.title)
            label = heading_label(section, lang).strip()
            link = f"[{safe(name)}](../{plan.data.slug}/index.md#{section.id})"
            out.append(f"| {safe(label)} `{section.id}` | {link} | {safe(citation(plan, section, lang))} |")
        out.append("")
    return "\n".join(out)
