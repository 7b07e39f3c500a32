"""Render a Plan into the Markdown of its Chinese and English pages.

Every heading and block carries its explicit anchor id ({#s3-1-1}, {: #s3-1-1-p2 }).
Each block is followed by its twin in the other language (class `tw`, hidden unless
the reader turns on side-by-side mode); twins carry no id, so ids stay unique.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from tools.mdtext import attr_html, safe
from tools.model import Block, Plan, Section
from tools.paths import SOURCES
from tools.textnorm import has_cjk
from tools.translations import Entry

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
    def __init__(self, plan: Plan, lang: str, english: dict[str, Entry]) -> None:
        self.plan = plan
        self.lang = lang
        self.main = Texts(lang, english)
        self.twin = Texts(OTHER[lang], english)
        self.out: list[str] = []
        self.where = str(plan.data.source)

    # -- primitives -----------------------------------------------------------
    def emit(self, *lines: str) -> None:
        self.out.extend(lines)

    def text(self, key: str, zh: str, texts: Texts | None = None) -> str:
        return safe((texts or self.main).get(key, zh), self.where)

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
        return "\n".join(self.out).rstrip() + "\n"

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
            "    attrs: {id: document-info, class: meta-card}",
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
                self.emit(f"| {safe(labels[relation])} | [{slug}](../{slug}/index.md) |")
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
            "    attrs: {id: normalization, class: normalization}",
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
        self.blocks(section.blocks)

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


def render_page(plan: Plan, lang: str, english: dict[str, Entry]) -> str:
    return PageWriter(plan, lang, english).render()
