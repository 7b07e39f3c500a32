"""Render a Plan into the Markdown of its Chinese or English page.

Every heading and block carries its explicit anchor id ({#s3-1-1}, {: #s3-1-1-p2 }) and its
citation (data-cite), both from tools.model.anchors. Each block is followed by its twin in
the other language (class `tw`, hidden unless the reader turns on side-by-side mode);
twins carry no id, so ids stay unique. The cards before the text (document information,
targets, normalization record) are written by tools.render.plan_cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.annotate.glossary import abbreviation_lines
from tools.annotate.references import CrossLinker
from tools.annotate.topics import topics_of
from tools.annotate.translations import Entry, split_notes, without_notes
from tools.common import contract as c
from tools.common.ui import HTML_LANG, OTHER, localized
from tools.ingest.textnorm import has_cjk
from tools.model import anchors
from tools.model.document import Block, Duty, Plan, Section
from tools.model.headings import heading_levels
from tools.model.numbering import MARKERS
from tools.model.numerals import roman
from tools.render import jsonld, plan_cards, refmeta
from tools.render.corpus import Corpus
from tools.render.markdown import attr_html, block_attrs, class_attrs, data_attr, front_matter, safe
from tools.render.similar_passages import expand_similar, placeholder, similar_lines


@dataclass
class Texts:
    """Look up a unit's text in one language; English falls back to marked Chinese."""

    lang: str
    english: dict[str, Entry]

    def get(self, key: str, zh: str) -> str:
        """The text without translator's notes: for headings, titles and cells, which carry none."""
        return without_notes(self.with_notes(key, zh))

    def with_notes(self, key: str, zh: str) -> str:
        """The text with its "[TN: …]" notes, for blocks that render them (PageWriter.text)."""
        if self.lang == "zh":
            return zh
        entry = self.english.get(key)
        return entry.en if entry and entry.en.strip() else f"[untranslated] {zh}"

    def units(self, key: str, zh_units: list[str]) -> list[str]:
        if self.lang == "zh":
            return zh_units
        entry = self.english.get(key)
        return entry.units_en if entry and len(entry.units_en) == len(zh_units) else zh_units


def heading_label(section: Section, lang: str) -> str:
    """The number in front of a heading: 三、 （一） 1. 第三章 in Chinese; 3. (1) 1. Chapter 3 in English."""
    marker = MARKERS[section.marker]
    if lang == "zh":
        return section.label + (" " if marker.gap else "")
    number = section.label if marker.kind == "decimal" else section.value
    return marker.english.format(v=section.value, n=number, r=roman(section.value))


class PageWriter:
    def __init__(self, corpus: Corpus, plan: Plan, lang: str) -> None:
        self.corpus = corpus
        self.plan = plan
        self.lang = lang
        english = corpus.english(plan)
        self.main = Texts(lang, english)
        self.twin = Texts(OTHER[lang], english)
        self.labels = corpus.strings.of(lang)
        self.linkers = {code: CrossLinker(corpus.notes.documents, plan.data.slug, code) for code in ("zh", "en")}
        self.out: list[str] = []
        self.similar: dict[str, list[str]] = {}
        self.where = str(plan.data.source)
        self.levels = heading_levels(plan.sections)  # the one heading-level rule (tools.model.headings)

    # -- primitives -----------------------------------------------------------
    def emit(self, *lines: str) -> None:
        self.out.extend(lines)

    def cite(self, anchor: str) -> str:
        """The citation attributes of a citable element (attr_list form)."""
        return "".join(data_attr(name, value) for name, value in self.cite_data(anchor).items())

    def cite_data(self, anchor: str) -> dict[str, str]:
        """What the cite control copies: the citation text (its address is the page's, plus the id)."""
        return {c.CITE: self.citation(anchor)}

    def anchor_id(self, anchor: str) -> str:
        """The id of a part of the plan on this page: on the plan's own page, its canonical anchor."""
        return anchor

    def heading_level(self, section: Section) -> int:
        return self.levels[section.id]

    def link(self, slug: str, anchor: str = "") -> str:
        """A Markdown link to another generated page, from this page's folder."""
        return anchors.page_link(slug, anchor)

    def text(self, key: str, zh: str, texts: Texts | None = None) -> str:
        """A block's text as Markdown, with its 《…》 citations turned into cross-links."""
        texts = texts or self.main
        pieces = []
        for part, is_note in split_notes(texts.with_notes(key, zh)):
            if is_note:
                pieces.append(self.note(part))
                continue
            for piece, document in self.linkers[texts.lang].segments(part):
                escaped = safe(piece, self.where)
                if document is None:
                    pieces.append(escaped)
                else:
                    target = self.link(document.plan) if document.plan else self.link("references", f"ref-{document.id}")
                    pieces.append(f"[{escaped}]({target}){{: .{c.XREF} }}")
        return "".join(pieces)

    def note(self, text: str) -> str:
        """A translator's note: set apart from the text, and skipped by search and the no-loss check."""
        label = attr_html(self.corpus.strings.get("en", "tn_label"))
        return (f' <span class="{c.TRANSLATOR_NOTE} {c.ANNOTATION}" {c.SEARCH_EXCLUDE}>'
                f"[{label}: {attr_html(text)}]</span>")

    def paragraph(self, key: str, zh: str, classes: str = "") -> None:
        """A block in the page language with its id and citation, then its twin without either."""
        self.emit(self.text(key, zh), f"{{: #{self.anchor_id(key)}{class_attrs(classes)}{self.cite(key)} }}", "")
        self.twin_paragraph(key, zh, classes)
        self.similar_passages(key)

    def twin_paragraph(self, key: str, zh: str, classes: str = "") -> None:
        lang = HTML_LANG[self.twin.lang]
        self.emit(self.text(key, zh, self.twin), f"{{: .{c.TWIN}{class_attrs(classes)} lang={lang} {c.SEARCH_EXCLUDE} }}", "")

    # -- page -----------------------------------------------------------------
    def render(self) -> str:
        data = self.plan.data
        head = front_matter(localized(data, "title", self.lang), localized(data, "description", self.lang))
        head[-2:-2] = refmeta.front_matter_lines(self.plan, self.lang, self.corpus.publication.name_en)
        self.emit(*head)
        url = data_attr(c.PAGE_URL, anchors.page_path(data.slug, self.lang))
        self.emit(f"# {safe(localized(data, 'title', self.lang))} {{#{c.TITLE_ID}{url}}}", "")
        self.emit(jsonld.script(self.corpus, self.plan, self.lang), "")
        plan_cards.write_cards(self)
        if self.plan.notice or self.plan.notice_title:
            self.notice()
        if self.plan.preamble:
            self.emit(f"/// html | div#{anchors.PREAMBLE}.{c.PREAMBLE}", f"    attrs: {block_attrs({c.CITE: self.citation(anchors.PREAMBLE)})}", "")
            self.blocks(self.plan.preamble)
            self.emit("///", "")
        for section in self.plan.walk():
            self.section(section)
        if self.plan.closing:
            self.emit(f"/// html | div#{anchors.CLOSING}.{c.CLOSING}", f"    attrs: {block_attrs({c.CITE: self.citation(anchors.CLOSING)})}", "")
            for block in self.plan.closing:
                self.paragraph(block.id, block.text)
            self.emit("///", "")
        self.abbreviations()
        return "\n".join(expand_similar(self.out, self.similar)).rstrip() + "\n"

    def similar_passages(self, anchor: str) -> None:
        """A placeholder for the paragraph's similar passages, filled in after the glossary scan
        (the disclosures carry no tooltips, so their text must not make the page define terms)."""
        lines = similar_lines(self, anchor)
        if lines:
            self.similar[anchor] = lines
            self.emit(placeholder(anchor))

    def citation(self, anchor: str) -> str:
        """The citation text of a part of this plan, in the page's language (tools.model.anchors)."""
        return self.corpus.citation(self.plan, anchor, self.lang)

    def abbreviations(self) -> None:
        """Glossary definitions for the terms on this page, in its language (see tools/site/tooltips.py)."""
        lines = abbreviation_lines(self.corpus.notes.terms, self.lang, "\n".join(self.out), self.plan.data.slug)
        if lines:
            self.emit("", *lines, "")

    def notice(self) -> None:
        self.emit(
            f"/// html | section#{anchors.NOTICE}.{c.NOTICE}",
            f"    attrs: {block_attrs({c.CITE: self.citation(anchors.NOTICE)})}",
            "",
            f"**{safe(self.labels['notice_title'])}**",
            f"{{: .{c.NOTICE_LABEL} }}",
            "",
        )
        if self.plan.notice_title:
            self.paragraph(anchors.NOTICE_TITLE, self.plan.notice_title, c.NOTICE_HEADING)
        for block in self.plan.notice:
            self.paragraph(block.id, block.text)
        self.emit("///", "")

    def section(self, section: Section) -> None:
        label = heading_label(section, self.lang)
        if not section.heading:
            self.numbered_paragraph(section, label)
            return
        level = self.heading_level(section)
        hashes = "#" * level
        self.emit(f"{hashes} {safe(label + self.main.get(section.id, section.title))} {{#{self.anchor_id(section.id)}{self.cite(section.id)}}}", "")
        self.twin_heading(section, level)
        self.see_also(section)
        self.blocks(section.blocks)

    def twin_heading(self, section: Section, level: int) -> None:
        """A heading's twin, with the heading's number in the twin's language (3. / 三、), so that
        side by side (on the page and in the PDF) each language's heading shows its number."""
        lang = HTML_LANG[self.twin.lang]
        text = safe(heading_label(section, self.twin.lang)) + self.text(section.id, section.title, self.twin)
        classes = f"{c.TWIN_HEADING} {c.TWIN_HEADING}{level}"
        self.emit(text, f"{{: .{c.TWIN}{class_attrs(classes)} lang={lang} {c.SEARCH_EXCLUDE} }}", "")

    def numbered_paragraph(self, section: Section, label: str) -> None:
        """An entry without a short title: its number and text as one citable paragraph."""
        self.emit(safe(label) + self.text(section.id, section.title), f"{{: #{self.anchor_id(section.id)} .{c.ITEM}{self.cite(section.id)} }}", "")
        twin_label = heading_label(section, self.twin.lang)
        lang = HTML_LANG[self.twin.lang]
        self.emit(safe(twin_label) + self.text(section.id, section.title, self.twin), f"{{: .{c.TWIN} .{c.ITEM} lang={lang} {c.SEARCH_EXCLUDE} }}", "")
        self.similar_passages(section.id)
        if section.duty:
            self.duty(section.duty)
        self.see_also(section)
        self.blocks(section.blocks)

    def see_also(self, section: Section) -> None:
        """For each topic of this section, links to the sections of the other plans on it.

        Collapsed under one short summary line, so the text stays in front; each link names
        the plan, the section number and the section title."""
        slug = self.plan.data.slug
        lines = []
        count = 0
        for topic in topics_of(self.corpus.notes.topics, slug, section.id):
            links = []
            for other, places in topic.sections.items():
                if other == slug:
                    continue
                plan = self.corpus.by_slug[other]
                for anchor in places:
                    label = f"{self.corpus.reference(plan, anchor, self.lang)} {self.corpus.section_title(plan, anchor, self.lang)}"
                    links.append(f"[{safe(label.strip())}]({self.link(other, anchor)})")
            count += len(links)
            name = f"[{safe(topic.name(self.lang))}]({self.link('topics', f'topic-{topic.id}')})"
            colon = self.labels["colon"]
            lines.append(f"- {name}{colon}" + self.labels["list_sep"].join(links) if links else f"- {name}")
        if lines:
            summary = self.labels["see_also_count"].replace("{count}", str(count))
            self.emit(
                f"/// details | {safe(summary)}",
                "    type: see-also",
                f"    attrs: {{class: '{c.SEE_ALSO} {c.ANNOTATION} {c.NO_TOOLTIPS}', {c.SEARCH_EXCLUDE}: ''}}",
                "",
                *lines,
                "",
                "///",
                "",
            )

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            if block.kind == "table":
                self.table(block)
            elif block.kind == "box":
                self.box(block)
            else:
                self.paragraph(block.id, block.text, c.DASH if block.kind == "dash" else "")
                if block.duty:
                    self.duty(block.duty)

    def box(self, block: Block) -> None:
        prefix = self.labels["box_prefix"]
        title = self.main.get(anchors.box_title_key(block.id), block.title)
        self.emit(
            f"/// admonition | {safe(f'{prefix}{block.number} {title}')}",
            "    type: abstract",
            f"    attrs: {block_attrs({'id': self.anchor_id(block.id), 'class': c.BOX, **self.cite_data(block.id)})}",
            "",
        )
        twin_prefix = self.corpus.strings.get(self.twin.lang, "box_prefix")
        twin_title = self.twin.get(anchors.box_title_key(block.id), block.title)
        twin_attrs = f"{{: .{c.TWIN} .{c.TWIN_HEADING} lang={HTML_LANG[self.twin.lang]} {c.SEARCH_EXCLUDE} }}"
        self.emit(safe(f"{twin_prefix}{block.number} {twin_title}"), twin_attrs, "")
        self.blocks(block.blocks)
        self.emit("///", "")

    def duty(self, duty: Duty) -> None:
        self.emit(
            f"/// admonition | {self.labels['duty_title']}",
            "    type: note",
            f"    attrs: {block_attrs({'id': self.anchor_id(duty.id), 'class': c.DUTY, **self.cite_data(duty.id)})}",
            "",
        )
        self.emit(self.text(duty.id, duty.text), f"{{: .{c.DUTY_TEXT} }}", "")
        self.twin_paragraph(duty.id, duty.text, c.DUTY_TEXT)
        names = self.main.units(duty.id, duty.lead + duty.units)
        lead_count = len(duty.lead)
        self.emit(f"/// html | div.{c.DUTY_UNITS}", f"    attrs: {{{c.SEARCH_EXCLUDE}: ''}}", "")
        for index, name in enumerate(names):
            # The page language's brackets: （牵头） after a Chinese unit name, " (lead)" in English.
            suffix = f"{self.labels['paren_open']}{self.labels['duty_lead']}{self.labels['paren_close']}" if index < lead_count else ""
            self.emit(f"- {safe(name + suffix)}")
        self.emit("", "///", "", "///", "")

    def table(self, block: Block) -> None:
        # Raw HTML because each row needs its own id (targets cite table rows), which
        # Markdown tables cannot carry.
        self.emit(self.html_table(block, self.main, with_ids=True), "")
        self.emit(self.html_table(block, self.twin, with_ids=False), "")

    def cite_html(self, anchor: str) -> str:
        return "".join(f' {name}="{attr_html(value)}"' for name, value in self.cite_data(anchor).items())

    def html_table(self, block: Block, texts: Texts, with_ids: bool) -> str:
        def cell(r: int, col: int, value: str) -> str:
            return attr_html(texts.get(anchors.cell_key(block.id, r, col), value) if has_cjk(value) else value)

        def row_attrs(r: int) -> str:
            if not with_ids:
                return ""
            row = anchors.row_id(block.id, r)
            return f' id="{self.anchor_id(row)}"{self.cite_html(row)}'

        if with_ids:
            attrs = f' id="{self.anchor_id(block.id)}" class="{c.PLAN_TABLE}"{self.cite_html(block.id)}'
        else:
            attrs = f' class="{c.PLAN_TABLE} {c.TWIN}" lang="{HTML_LANG[texts.lang]}" {c.SEARCH_EXCLUDE}'
        parts = [f"<table{attrs}>"]
        if block.caption:
            parts.append(f"<caption>{attr_html(texts.get(anchors.caption_key(block.id), block.caption))}</caption>")
        head = block.header_rows
        parts.append("<thead>" + "".join(
            f"<tr{row_attrs(r)}>" + "".join(f"<th>{cell(r, i, v)}</th>" for i, v in enumerate(block.rows[r], 1)) + "</tr>"
            for r in range(head)
        ) + "</thead>")
        parts.append("<tbody>")
        for r, row in enumerate(block.rows[head:], start=head):
            parts.append(f"<tr{row_attrs(r)}>" + "".join(f"<td>{cell(r, i, v)}</td>" for i, v in enumerate(row, 1)) + "</tr>")
        parts.append("</tbody></table>")
        return "\n".join(parts)


def render_page(corpus: Corpus, plan: Plan, lang: str) -> str:
    return PageWriter(corpus, plan, lang).render()
