"""Render a Plan into the Markdown of its Chinese and English pages.

Every heading and block carries its explicit anchor id ({#s3-1-1}, {: #s3-1-1-p2 }).
Each block is followed by its twin in the other language (class `tw`, hidden unless
the reader turns on side-by-side mode); twins carry no id, so ids stay unique.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from tools.annotate.annotations import Annotations
from tools.annotate.glossary import abbreviation_lines
from tools.annotate.references import CrossLinker
from tools.annotate.targets import Target, format_value
from tools.annotate.topics import topics_of
from tools.annotate.translations import Entry
from tools.common.paths import SOURCES
from tools.ingest.textnorm import has_cjk
from tools.model.document import Block, Plan, Section
from tools.render.markdown import attr_html, safe

OTHER = {"zh": "en", "en": "zh"}
HTML_LANG = {"zh": "zh-Hans", "en": "en"}


@cache
def ui(lang: str) -> dict[str, str]:
    return tomllib.loads((SOURCES / "ui.toml").read_text(encoding="utf-8"))[lang]


@dataclass
class Texts:
    """Look up a unit's text in one language; English falls back to marked Chinese."""

    lang: str
    english: dict[str, Entry]

    def get(self, key: str, zh: str) -> str:
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
    if lang == "zh":
        return section.label if section.level != 4 else section.label + " "
    return {2: f"{section.value}. ", 3: f"({section.value}) ", 4: f"{section.value}. "}[section.level]


class PageWriter:
    def __init__(self, plan: Plan, lang: str, english: dict[str, Entry], notes: Annotations, corpus: dict[str, Plan]) -> None:
        self.plan = plan
        self.lang = lang
        self.main = Texts(lang, english)
        self.twin = Texts(OTHER[lang], english)
        self.notes = notes
        self.corpus = corpus
        self.linkers = {code: CrossLinker(notes.documents, plan.data.slug, code) for code in ("zh", "en")}
        self.out: list[str] = []
        self.where = str(plan.data.source)

    # -- primitives -----------------------------------------------------------
    def emit(self, *lines: str) -> None:
        self.out.extend(lines)

    def text(self, key: str, zh: str, texts: Texts | None = None) -> str:
        """A block's text as Markdown, with its 《…》 citations turned into cross-links."""
        texts = texts or self.main
        pieces = []
        for piece, document in self.linkers[texts.lang].segments(texts.get(key, zh)):
            escaped = safe(piece, self.where)
            if document is None:
                pieces.append(escaped)
            else:
                target = f"../{document.plan}/index.md" if document.plan else f"../references/index.md#ref-{document.id}"
                pieces.append(f"[{escaped}]({target}){{: .xref }}")
        return "".join(pieces)

    def paragraph(self, key: str, zh: str, classes: str = "") -> None:
        """A block in the page language with its id, then its twin without one."""
        cls = _class_attrs(classes)
        self.emit(self.text(key, zh), f"{{: #{key}{cls} }}", "")
        self.twin_paragraph(key, zh, classes)

    def twin_paragraph(self, key: str, zh: str, classes: str = "") -> None:
        cls = _class_attrs(classes)
        lang = HTML_LANG[self.twin.lang]
        self.emit(self.text(key, zh, self.twin), f"{{: .tw{cls} lang={lang} data-search-exclude }}", "")

    # -- page -----------------------------------------------------------------
    def render(self) -> str:
        data = self.plan.data
        title = data.title_zh if self.lang == "zh" else data.title_en
        self.emit("---", f"title: {_yaml(title)}", f"description: {_yaml(getattr(data, 'description_' + self.lang))}", "---", "")
        cite = f"《{data.title_zh}》" if self.lang == "zh" else data.cite_en
        self.emit(f'# {safe(title)} {{#title data-cite="{attr_html(cite)}"}}', "")
        if self.lang == "en":
            self.unofficial_notice()
        self.metadata_card()
        self.targets_table()
        self.normalization_note()
        if self.plan.notice or self.plan.notice_title:
            self.notice()
        if self.plan.preamble:
            self.emit("/// html | div#preamble.preamble", "")
            self.blocks(self.plan.preamble)
            self.emit("///", "")
        for section in self.plan.walk():
            self.section(section)
        if self.plan.closing:
            self.emit("/// html | div#closing.closing", "")
            for block in self.plan.closing:
                self.paragraph(block.id, block.text)
            self.emit("///", "")
        self.abbreviations()
        return "\n".join(self.out).rstrip() + "\n"

    def abbreviations(self) -> None:
        """Glossary definitions for the terms on this page, in its language (see tools/tooltips.py)."""
        lines = abbreviation_lines(self.notes.terms, self.lang, "\n".join(self.out))
        if lines:
            self.emit("", *lines, "")

    def targets_table(self) -> None:
        """The plan's quantitative targets, each linked to the paragraph or table row it comes from."""
        targets = self.notes.targets_of(self.plan.data.slug)
        if not targets:
            return
        labels = ui(self.lang)
        self.emit(
            f"/// admonition | {labels['targets_title']} ({len(targets)})",
            "    type: success",
            "    attrs: {id: targets, class: 'targets-summary annotation no-tooltips'}",
            "",
            f"| {labels['col_indicator']} | {labels['col_target']} | {labels['col_year']} | {labels['col_baseline']} | {labels['col_nature']} |",
            "|---|---|---|---|---|",
        )
        for target in targets:
            self.emit(self.target_row(target, labels))
        self.emit("", safe(labels["targets_more"]) + f" [{labels['compare_link']}](../targets/index.md)", "///", "")

    def target_row(self, target: Target, labels: dict[str, str]) -> str:
        indicator = target.indicator_zh if self.lang == "zh" else target.indicator_en
        baseline = ""
        if target.baseline is not None:
            baseline = f"{target.baseline:g} ({target.baseline_year})"
        return (
            f"| [{safe(indicator)}](#{target.anchor}) | {safe(format_value(target, self.lang))} | {target.year} "
            f"| {safe(baseline)} | {safe(labels['nature_' + target.nature])} |"
        )

    def unofficial_notice(self) -> None:
        href = f"../../{self.plan.data.slug}/index.html"
        self.emit(
            "/// admonition | Unofficial translation",
            "    type: warning",
            "    attrs: {id: unofficial, class: unofficial}",
            "",
            f'{safe(ui("en")["unofficial"])} <a class="zh-original" href="{href}" lang="zh-Hans">Read the Chinese original (中文原文)</a>',
            "///",
            "",
        )

    def metadata_card(self) -> None:
        labels = ui(self.lang)
        data, meta = self.plan.data, self.plan.metadata
        rows = [
            ("issuer", data.issuer_zh if self.lang == "zh" else data.issuer_en),
            ("doc_number", data.doc_number),
            ("date_written", data.date_written),
            ("date_published", data.date_published or meta.get("date_published", "")),
            ("validity", self.meta_text("validity")),
            ("index_no", meta.get("index_no", "")),
            ("kind", data.kind_zh if self.lang == "zh" else data.kind_en),
            ("level", data.level_zh if self.lang == "zh" else data.level_en),
            ("period", f"{data.period[0]}–{data.period[1]}"),
            ("category", self.meta_text("category")),
            ("name", self.meta_text("name")),
            ("site_source", self.meta_text("site_source")),
            ("published_at", meta.get("published_at", "")),
        ]
        self.emit(
            f"/// admonition | {labels['meta_title']}",
            "    type: info",
            "    attrs: {id: document-info, class: 'meta-card no-tooltips'}",
            "",
            "| | |",
            "|---|---|",
        )
        for key, value in rows:
            if value:
                self.emit(f"| {safe(labels[key])} | {safe(value)} |")
        for relation in ("predecessor", "successor"):
            slug = getattr(data, relation)
            if slug:
                other = self.corpus[slug].data
                self.emit(f"| {safe(labels[relation])} | [{safe(other.title_zh if self.lang == 'zh' else other.title_en)}](../{slug}/index.md) |")
        self.emit("///", "")

    def meta_text(self, key: str) -> str:
        """A page-metadata value in the page language ('' when the source has none)."""
        value = self.plan.metadata.get(key, "")
        return self.main.get(f"meta-{key}", value) if value else ""

    def normalization_note(self) -> None:
        labels = ui(self.lang)
        plan, log = self.plan, self.plan.log
        source = plan.data.source.relative_to(plan.data.path.parent.parent.parent)
        self.emit(
            f"/// details | {labels['norm_title']}",
            "    type: note",
            "    attrs: {id: normalization, class: 'normalization no-tooltips'}",
            "",
            safe(f"{labels['source_file']}: {source} ({labels['encoding']} {log.encoding})"),
            "",
            safe(labels["norm_intro"]),
            "",
        )
        for entry in log.entries:
            description = entry.zh if self.lang == "zh" else entry.en
            line = f"{description}: {entry.count} {labels['times']}" if self.lang == "en" else f"{description}：{entry.count} {labels['times']}"
            if entry.details:
                shown = "; ".join(f"{b} → {a} ×{n}" if a else f"{b} ×{n}" for b, a, n in entry.details)
                line += f" ({shown})"
            self.emit("- " + safe(line))
        self.emit("///", "")

    def notice(self) -> None:
        labels = ui(self.lang)
        self.emit("/// html | section#notice.notice", "", f"**{safe(labels['notice_title'])}**", "{: .notice-label }", "")
        if self.plan.notice_title:
            self.paragraph("notice-title", self.plan.notice_title, "notice-heading")
        for block in self.plan.notice:
            self.paragraph(block.id, block.text)
        self.emit("///", "")

    def section(self, section: Section) -> None:
        hashes = "#" * section.level
        label = heading_label(section, self.lang)
        number = section.number.replace('"', "")
        self.emit(f'{hashes} {safe(label + self.main.get(section.id, section.title))} {{#{section.id} data-number="{number}"}}', "")
        self.twin_paragraph(section.id, section.title, f"tw-h tw-h{section.level}")
        self.see_also(section)
        self.blocks(section.blocks)

    def see_also(self, section: Section) -> None:
        """For each topic of this section, links to the sections of the other plans on it."""
        slug = self.plan.data.slug
        lines = []
        for topic in topics_of(self.notes.topics, slug, section.id):
            links = [
                f"[{safe(section_ref(self.corpus[other], anchor, self.lang))}](../{other}/index.md#{anchor})"
                for other, anchors in topic.sections.items() if other != slug
                for anchor in anchors
            ]
            name = f"[{safe(topic.name(self.lang))}](../topics/index.md#topic-{topic.id})"
            lines.append(f"{name}: " + " · ".join(links) if links else name)
        if lines:
            label = safe(ui(self.lang)["see_also"])
            self.emit(f"{label}: " + "; ".join(lines), "{: .see-also .annotation .no-tooltips data-search-exclude }", "")

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            if block.kind == "table":
                self.table(block)
            elif block.kind == "box":
                self.box(block)
            else:
                self.paragraph(block.id, block.text, "dash" if block.kind == "dash" else "")
                if block.duty:
                    self.duty(block)

    def box(self, block: Block) -> None:
        prefix = ui(self.lang)["box_prefix"]
        title = self.main.get(f"{block.id}-title", block.title)
        self.emit(
            f"/// admonition | {safe(f'{prefix}{block.number} {title}')}",
            "    type: abstract",
            f"    attrs: {{id: {block.id}, class: box}}",
            "",
        )
        twin_prefix = ui(self.twin.lang)["box_prefix"]
        twin_title = self.twin.get(f"{block.id}-title", block.title)
        self.emit(safe(f"{twin_prefix}{block.number} {twin_title}"), f"{{: .tw .tw-h lang={HTML_LANG[self.twin.lang]} data-search-exclude }}", "")
        self.blocks(block.blocks)
        self.emit("///", "")

    def duty(self, block: Block) -> None:
        duty = block.duty
        labels = ui(self.lang)
        self.emit(
            f"/// admonition | {labels['duty_title']}",
            "    type: note",
            f"    attrs: {{id: {duty.id}, class: duty}}",
            "",
        )
        self.emit(self.text(duty.id, duty.text), "{: .duty-text }", "")
        self.twin_paragraph(duty.id, duty.text, "duty-text")
        names = self.main.units(duty.id, duty.lead + duty.units)
        lead_count = len(duty.lead)
        self.emit("/// html | div.duty-units", "    attrs: {data-search-exclude: ''}", "")
        for index, name in enumerate(names):
            suffix = f" ({labels['duty_lead']})" if index < lead_count else ""
            self.emit(f"- {safe(name + suffix)}")
        self.emit("", "///", "", "///", "")

    def table(self, block: Block) -> None:
        # Raw HTML because each row needs its own id (targets cite table rows), which
        # Markdown tables cannot carry.
        self.emit(self.html_table(block, self.main, with_ids=True), "")
        self.emit(self.html_table(block, self.twin, with_ids=False), "")

    def html_table(self, block: Block, texts: Texts, with_ids: bool) -> str:
        def cell(r: int, c: int, value: str) -> str:
            return attr_html(texts.get(f"{block.id}-r{r}-c{c}", value) if has_cjk(value) else value)

        if with_ids:
            attrs = f' id="{block.id}" class="plan-table"'
        else:
            attrs = f' class="plan-table tw" lang="{HTML_LANG[texts.lang]}" data-search-exclude'
        parts = [f"<table{attrs}>"]
        if block.caption:
            parts.append(f"<caption>{attr_html(texts.get(block.id + '-caption', block.caption))}</caption>")
        header, *rows = block.rows
        row_id = (lambda r: f' id="{block.id}-r{r}"') if with_ids else (lambda r: "")
        parts.append(f"<thead><tr{row_id(0)}>" + "".join(f"<th>{cell(0, c, v)}</th>" for c, v in enumerate(header, 1)) + "</tr></thead>")
        parts.append("<tbody>")
        for r, row in enumerate(rows, start=1):
            parts.append(f"<tr{row_id(r)}>" + "".join(f"<td>{cell(r, c, v)}</td>" for c, v in enumerate(row, 1)) + "</tr>")
        parts.append("</tbody></table>")
        return "\n".join(parts)


def _class_attrs(classes: str) -> str:
    """'dash tw-h' → ' .dash .tw-h' for an attr_list."""
    return "".join(f" .{name}" for name in classes.split())


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def part_label(plan: Plan, anchor: str, lang: str) -> str:
    """How a reader names a part of a plan: 三（二）2 / §3.2.2, or preamble, notice…"""
    section = plan.section(anchor)
    if section is None:
        return ui(lang).get("part_" + anchor, anchor)
    return section.number if lang == "zh" else "§" + anchor[1:].replace("-", ".")


def section_ref(plan: Plan, anchor: str, lang: str) -> str:
    """A short reference to a part of a plan: 新疆“十三五”规划 三（二）2 / Xinjiang 2016–2020 §3.2.2."""
    short = plan.data.short_zh if lang == "zh" else plan.data.short_en
    return f"{short} {part_label(plan, anchor, lang)}"


def render_page(plan: Plan, lang: str, english: dict[str, Entry], notes: Annotations, corpus: dict[str, Plan]) -> str:
    return PageWriter(plan, lang, english, notes, corpus).render()
