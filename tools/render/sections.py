"""The section index: data/sections.json (a published contract, see ARCHITECTURE.md) and the How-to-cite pages."""

from __future__ import annotations

import json

from tools.common import contract
from tools.common.ui import localized
from tools.model import anchors
from tools.render.corpus import Corpus
from tools.render.markdown import front_matter, page_heading, safe


def section_records(corpus: Corpus) -> list[dict]:
    records = []
    for plan in corpus.plans:
        english = corpus.english(plan)
        slug = plan.data.slug
        for section in plan.walk():
            entry = english.get(section.id)
            records.append({
                "plan": slug,
                "anchor": section.id,
                "number": section.number,
                "title_zh": section.title,
                "title_en": entry.en if entry else "",
                "url_zh": anchors.anchor_path(slug, section.id, "zh"),
                "url_en": anchors.anchor_path(slug, section.id, "en"),
            })
    return records


def sections_json(corpus: Corpus) -> str:
    return json.dumps(section_records(corpus), ensure_ascii=False, indent=1) + "\n"


def render_cite_page(corpus: Corpus, lang: str) -> str:
    labels = corpus.strings.of(lang)
    out = [*front_matter(labels["cite_title"]), *page_heading(labels["cite_title"]), safe(labels["cite_intro"]), ""]
    for plan in corpus.plans:
        slug = plan.data.slug
        out += [f"## {safe(localized(plan.data, 'title', lang))} {{#{slug}}}", ""]
        # Out of the search index: the sections are indexed where they stand, and a list of
        # every citation would answer every query with this page.
        # md_in_html, not a pymdownx block: pymdownx 13.1 maps every element of the page for each
        # chunk of a block, which on this page (every plan's sections) grew with the square of the
        # number of plans (BENCHMARKS.md, Scale).
        out += [f'<div {contract.SEARCH_EXCLUDE}="" markdown>', ""]
        out += csl_block(corpus, plan, lang)
        out += [f"| {labels['col_number']} | {labels['col_title']} | {labels['col_citation']} |", "|---|---|---|"]
        for section in plan.walk():
            link = f"[{safe(corpus.section_title(plan, section.id, lang))}]({anchors.page_link(slug, section.id)})"
            place = corpus.place(plan, section.id, lang)
            out.append(f"| {safe(place)} `{section.id}` | {link} | {safe(corpus.citation(plan, section.id, lang))} |")
        out += ["", "</div>", ""]
    return "\n".join(out)


def csl_block(corpus: Corpus, plan, lang: str) -> list[str]:
    """The plan's reference entries (tools/render/csl.py) in every style of the page language, then
    the same entries for one section (its first): the address the section's, and for the styles
    that print a locator (Chicago, APA) the in-text citation naming it. The cite dialog shows
    these for any section from the same templates (csl.section_script, assets/site.js)."""
    from tools.render import csl

    slug, strings = plan.data.slug, corpus.strings
    rendered = csl.templates(plan, lang, corpus.publication.name_en, csl.revised_of(corpus, plan))
    page = anchors.page_path(slug, lang)
    items = "".join(csl.entry_html(style, csl.filled(template, page), lang, lang) for style, template in rendered)
    out = [f"**{safe(strings.get(lang, 'cite_entries_heading'))}**", "", f'<dl class="{contract.CSL_ENTRIES}">{items}</dl>', ""]
    first = next(iter(plan.walk()), None)
    if first is None:
        return out
    place = corpus.place(plan, first.id, lang)
    address = anchors.anchor_path(slug, first.id, lang)
    section = [(style, csl.filled(template, address, csl.locator(place, lang))) for style, template in rendered]
    items = "".join(csl.entry_html(style, entry, lang, lang, section=True, in_text_label=strings.get(lang, "js_cite_in_text"))
                    for style, entry in section)
    return out + [safe(strings.get(lang, "cite_section_example", place=place)), "", f'<dl class="{contract.CSL_ENTRIES}">{items}</dl>', ""]
