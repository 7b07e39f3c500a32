"""The glossary, topic and references pages, in each language."""

from __future__ import annotations

from itertools import groupby

from tools.common import contract
from tools.common.ui import localized, pick
from tools.ingest.textnorm import has_cjk
from tools.model import anchors
from tools.model.document import Plan
from tools.render.corpus import Corpus
from tools.render.markdown import front_matter, page_heading, safe


def _front(title: str, intro: str) -> list[str]:
    return [*front_matter(title), *page_heading(title), safe(intro), ""]


def _short(plan: Plan, lang: str) -> str:
    return localized(plan.data, "short", lang)


def _places(uses: list[dict[str, str]], corpus: Corpus, lang: str) -> str:
    """'新疆“十四五”规划：三（一）4 · 三（二）1；通州强县方案：…' with a link per place (the
    page language's colon and separator: full-width in Chinese)."""
    labels = corpus.strings.of(lang)
    groups = []
    for slug, places in groupby(uses, key=lambda use: use["plan"]):
        plan = corpus.by_slug[slug]
        links = " · ".join(
            f"[{safe(corpus.place(plan, place['anchor'], lang))}]({anchors.page_link(slug, place['anchor'])})" for place in places
        )
        groups.append(f"{safe(_short(plan, lang))}{labels['colon']}{links}")
    return labels["list_sep"].join(groups)


def _bracketed(labels: dict[str, str], text: str) -> str:
    """Text in the page language's brackets: （…） in Chinese, " (…)" in English."""
    return f"{labels['paren_open']}{text}{labels['paren_close']}"


def _english(text: str) -> str:
    """English inside a Chinese page, marked as such: its own punctuation is half-width."""
    return f'<span lang="en">{safe(text)}</span>'


def render_glossary_page(corpus: Corpus, lang: str) -> str:
    notes, labels = corpus.notes, corpus.strings.of(lang)
    out = _front(labels["glossary_title"], labels["glossary_intro"].format(count=len(notes.terms)))
    for term in notes.terms:
        headword = pick(lang, f"{safe(term.zh)} · {_english(term.en)}", f"{safe(term.en)} · {safe(term.zh)}")
        out += [f"## {headword} {{#term-{term.id}}}", ""]
        aliases = [safe(alias) for alias in term.aliases_zh] + [_english(alias) if lang == "zh" else safe(alias) for alias in term.aliases_en]
        if aliases:
            out += [f"{safe(labels['aliases'])}{labels['colon']}" + pick(lang, "、", ", ").join(aliases), ""]
        out += [safe(term.definition(lang)), ""]
        if lang == "zh":
            out += [safe(term.definition_en), '{: .definition-other lang="en" }', ""]
        out += _term_notes(term, corpus, lang)
        if term.source:
            source = _english(term.source) if lang == "zh" and not has_cjk(term.source[:1]) else safe(term.source)
            out += [f"{safe(labels['source'])}{labels['colon']}{source}", ""]
        uses = notes.term_uses.get(term.id, [])
        if uses:
            count = f"{labels['used_in']}{labels['paren_open']}{len(uses)}{labels['paren_close']}{labels['colon']}"
            out += [safe(count) + _places(uses, corpus, lang), f"{{: .{contract.USED_IN} {contract.SEARCH_EXCLUDE} }}", ""]
    return "\n".join(out) + "\n"


def _term_notes(term, corpus: Corpus, lang: str) -> list[str]:
    """Every plan's note on the term, each named by its plan (marked with data-plan, so a tooltip
    inside a note belongs to that plan); the Chinese page also gives each note in English."""
    out = []
    for note in term.notes:
        plan = corpus.by_slug[note.plan]
        attrs = f'.{contract.TERM_NOTE} {contract.PLAN}="{note.plan}"'
        out += [f"{safe(_short(plan, lang))}{pick(lang, '：', ': ')}{safe(note.text(lang))}", f"{{: {attrs} }}", ""]
        if lang == "zh":
            out += [f"{safe(_short(plan, 'en'))}: {safe(note.en)}", f'{{: {attrs} .{contract.DEFINITION_OTHER} lang="en" }}', ""]
    return out


def render_topics_page(corpus: Corpus, lang: str) -> str:
    notes, labels = corpus.notes, corpus.strings.of(lang)
    out = _front(labels["topics_title"], labels["topics_intro"].format(count=len(notes.topics)))
    for topic in notes.topics:
        out += [f"## {safe(topic.name(lang))} {{#topic-{topic.id}}}", ""]
        out += [safe(localized(topic, "description", lang)), ""]
        for slug, places in topic.sections.items():
            plan = corpus.by_slug[slug]
            links = []
            for anchor in places:
                title = corpus.section_title(plan, anchor, lang)
                links.append(f"[{safe(corpus.place(plan, anchor, lang))} {safe(title)}]({anchors.page_link(slug, anchor)})")
            out.append(f"- {safe(_short(plan, lang))}{labels['colon']}" + " · ".join(links))
        out.append("")
        # The topic's comparison page (tools/render/topic_compare.py), one folder down.
        compare = anchors.compare_slug(topic.id).removeprefix("topics/")
        out += [f"[{safe(labels['topic_compare_link'])}]({compare}/index.md)", ""]
    return "\n".join(out) + "\n"


def render_references_page(corpus: Corpus, lang: str) -> str:
    notes, labels = corpus.notes, corpus.strings.of(lang)
    outside = [doc for doc in notes.documents if not doc.plan]
    inside = [doc for doc in notes.documents if doc.plan]
    out = _front(labels["references_title"], labels["references_intro"].format(count=len(outside)))
    for doc in outside:
        title = localized(doc, "title", lang)
        out += [f"## {safe(title)} {{#ref-{doc.id}}}", ""]
        rows = [
            (labels["ref_title_zh"], f"《{doc.title_zh}》"),
            (labels["ref_title_en"], doc.title_en + ("" if doc.title_en_official else _bracketed(labels, labels["unofficial_title"]))),
            (labels["issuer"], localized(doc, "issuer", lang)),
            (labels["ref_year"], str(doc.year) if doc.year else ""),
            (labels["ref_note"], pick(lang, "", doc.note_en)),
        ]
        out += [f"| {safe(labels['ref_col_field'])} | {safe(labels['ref_col_value'])} |", "|---|---|"]
        out += [f"| {safe(label)} | {safe(value)} |" for label, value in rows if value]
        cited = " · ".join(f"[{safe(_short(corpus.by_slug[slug], lang))}]({anchors.page_link(slug)})" for slug in doc.cited_by)
        out += [f"| {safe(labels['cited_by'])} | {cited} |", ""]
    if inside:
        out += [f"## {safe(labels['references_inside'])} {{#in-corpus}}", ""]
        for doc in inside:
            cited = pick(lang, "、", ", ").join(safe(_short(corpus.by_slug[slug], lang)) for slug in doc.cited_by)
            plan = corpus.by_slug[doc.plan]
            link = anchors.page_link(doc.plan)
            cited = _bracketed(labels, safe(labels["cited_by"]) + labels["colon"] + cited)
            out.append(f"- 《{safe(doc.cited_as[0])}》 → [{safe(_short(plan, lang))}]({link}){cited}")
        out.append("")
    return "\n".join(out) + "\n"
