"""The glossary, topic and references pages, in each language."""

from __future__ import annotations

from itertools import groupby

from tools.annotate import translations
from tools.annotate.annotations import Annotations
from tools.model.document import Plan
from tools.render.markdown import safe
from tools.render.plan_page import part_label, ui


def _front(title: str, intro: str) -> list[str]:
    return ["---", f'title: "{title}"', "---", "", f"# {safe(title)} {{#title}}", "", safe(intro), ""]


def _short(plan: Plan, lang: str) -> str:
    return plan.data.short_zh if lang == "zh" else plan.data.short_en


def _places(uses: list[dict[str, str]], corpus: dict[str, Plan], lang: str) -> str:
    """'新疆“十四五”规划: 三（一）4 · 三（二）1; 通州强县方案: …' with a link per place."""
    groups = []
    for slug, places in groupby(uses, key=lambda use: use["plan"]):
        plan = corpus[slug]
        links = " · ".join(
            f"[{safe(part_label(plan, place['anchor'], lang))}](../{slug}/index.md#{place['anchor']})" for place in places
        )
        groups.append(f"{safe(_short(plan, lang))}: {links}")
    return "; ".join(groups)


def render_glossary_page(corpus: dict[str, Plan], notes: Annotations, lang: str) -> str:
    labels = ui(lang)
    out = _front(labels["glossary_title"], labels["glossary_intro"].format(count=len(notes.terms)))
    for term in notes.terms:
        headword = f"{term.zh} · {term.en}" if lang == "zh" else f"{term.en} · {term.zh}"
        out += [f"## {safe(headword)} {{#term-{term.id}}}", ""]
        aliases = term.aliases_zh + term.aliases_en
        if aliases:
            out += [f"{safe(labels['aliases'])}: " + safe("、".join(aliases) if lang == "zh" else ", ".join(aliases)), ""]
        out += [safe(term.definition(lang)), ""]
        if lang == "zh":
            out += [safe(term.definition_en), '{: .definition-other lang="en" }', ""]
        if term.source:
            out += [f"{safe(labels['source'])}: {safe(term.source)}", ""]
        uses = notes.term_uses.get(term.id, [])
        if uses:
            out += [f"{safe(labels['used_in'])} ({len(uses)}): " + _places(uses, corpus, lang), "{: .used-in }", ""]
    return "\n".join(out) + "\n"


def render_topics_page(corpus: dict[str, Plan], notes: Annotations, lang: str) -> str:
    labels = ui(lang)
    out = _front(labels["topics_title"], labels["topics_intro"].format(count=len(notes.topics)))
    for topic in notes.topics:
        out += [f"## {safe(topic.name(lang))} {{#topic-{topic.id}}}", ""]
        out += [safe(topic.description_zh if lang == "zh" else topic.description_en), ""]
        for slug, anchors in topic.sections.items():
            plan = corpus[slug]
            links = []
            for anchor in anchors:
                section = plan.section(anchor)
                title = section.title if lang == "zh" else _english_title(plan, anchor)
                links.append(f"[{safe(part_label(plan, anchor, lang))} {safe(title)}](../{slug}/index.md#{anchor})")
            out.append(f"- {safe(_short(plan, lang))}: " + " · ".join(links))
        out.append("")
    return "\n".join(out) + "\n"


def _english_title(plan: Plan, anchor: str) -> str:
    entry = translations.for_plan(plan).get(anchor)
    return entry.en if entry and entry.en else plan.section(anchor).title


def render_references_page(corpus: dict[str, Plan], notes: Annotations, lang: str) -> str:
    labels = ui(lang)
    outside = [doc for doc in notes.documents if not doc.plan]
    inside = [doc for doc in notes.documents if doc.plan]
    out = _front(labels["references_title"], labels["references_intro"].format(count=len(outside)))
    for doc in outside:
        title = doc.title_zh if lang == "zh" else doc.title_en
        out += [f"## {safe(title)} {{#ref-{doc.id}}}", ""]
        rows = [
            (labels["ref_title_zh"], f"《{doc.title_zh}》"),
            (labels["ref_title_en"], doc.title_en + ("" if doc.title_en_official else f" ({labels['unofficial_title']})")),
            (labels["issuer"], doc.issuer_zh if lang == "zh" else doc.issuer_en),
            (labels["ref_year"], str(doc.year) if doc.year else ""),
            (labels["ref_note"], doc.note_en if lang == "en" else ""),
        ]
        out += ["| | |", "|---|---|"] + [f"| {safe(label)} | {safe(value)} |" for label, value in rows if value]
        cited = " · ".join(f"[{safe(_short(corpus[slug], lang))}](../{slug}/index.md)" for slug in doc.cited_by)
        out += [f"| {safe(labels['cited_by'])} | {cited} |", ""]
    if inside:
        out += [f"## {safe(labels['references_inside'])} {{#in-corpus}}", ""]
        for doc in inside:
            cited = ", ".join(safe(_short(corpus[slug], lang)) for slug in doc.cited_by)
            plan = corpus[doc.plan]
            out.append(f"- 《{safe(doc.cited_as[0])}》 → [{safe(_short(plan, lang))}](../{doc.plan}/index.md) ({safe(labels['cited_by'])}: {cited})")
        out.append("")
    return "\n".join(out) + "\n"
