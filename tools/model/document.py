"""The document model: plan → sections (chapters, sections, items) → blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from tools.ingest.normlog import NormalizationLog
from tools.model import anchors
from tools.model.plandata import PlanData


@dataclass
class Duty:
    """A 〔责任单位：…〕 note attached to the paragraph it ends."""

    id: str
    text: str  # the note as printed, without its brackets and label
    lead: list[str]  # units that lead (牵头)
    units: list[str]  # units that share the work


@dataclass
class Block:
    kind: str  # paragraph | dash | table | box
    id: str
    line: int
    text: str = ""
    duty: Duty | None = None
    caption: str = ""  # table
    rows: list[list[str]] = field(default_factory=list)  # table; rows[0] is the header
    header_rows: int = 1  # table: how many of the first rows are header rows
    number: int = 0  # box
    title: str = ""  # box
    blocks: list[Block] = field(default_factory=list)  # box contents


@dataclass
class Section:
    id: str
    level: int  # numbering level: 2 for the outermost declared level (一、 / 第X章), one more per declared level; the heading level is tools.model.headings
    label: str  # as printed: 一、 / （一） / 1. / 第三章
    value: int  # the printed number as an int
    number: str  # printed path, e.g. 三（一）1
    title: str
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    marker: str = "一、"  # the numbering scheme of its level (tools.model.numbering.MARKERS)
    heading: bool = True  # False: an entry without a short title, shown as a numbered paragraph (title holds its text)
    duty: Duty | None = None  # the responsibility note ending such an entry


@dataclass
class Plan:
    data: PlanData
    metadata: dict[str, str]
    log: NormalizationLog
    notice_title: str = ""
    notice: list[Block] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)

    def walk(self):
        """Every section in reading order."""
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))

    def section(self, anchor: str) -> Section | None:
        return self._sections_by_id.get(anchor)

    @cached_property
    def _sections_by_id(self) -> dict[str, Section]:
        # The glossary and topic pages look up hundreds of anchors; walk the tree once.
        return {section.id: section for section in self.walk()}

    @cached_property
    def numbers(self) -> dict[str, str]:
        """Section id → printed number (三（一）1), for citations."""
        return {section.id: section.number for section in self.walk()}

    def all_blocks(self):
        """Every block with an id, in reading order, including box contents."""
        yield from _flatten(self.notice)
        yield from _flatten(self.preamble)
        for section in self.walk():
            yield from _flatten(section.blocks)
        yield from _flatten(self.closing)


def _flatten(blocks):
    for block in blocks:
        yield block
        yield from _flatten(block.blocks)


def row_text(row: list[str]) -> str:
    """A table row as one line of text: its non-empty cells joined by ' | '."""
    return " | ".join(cell for cell in row if cell)


def anchored_texts(plan: Plan) -> dict[str, str]:
    """Anchor → text of every paragraph, duty note and table row (the units targets quote)."""
    texts: dict[str, str] = {}
    for section in plan.walk():
        if not section.heading:
            texts[section.id] = section.title
        if section.duty:
            texts[section.duty.id] = section.duty.text
    for block in plan.all_blocks():
        if block.kind == "table":
            for index, row in enumerate(block.rows):
                texts[anchors.row_id(block.id, index)] = row_text(row)
        elif block.kind != "box":
            texts[block.id] = block.text
        if block.duty:
            texts[block.duty.id] = block.duty.text
    return texts


def regions(plan: Plan):
    """(anchor, text) for each part of the page a reader can link to: notice, preamble,
    every section (its heading and own blocks, not its subsections') and closing."""
    parts = [(anchors.NOTICE, plan.notice, ""), (anchors.PREAMBLE, plan.preamble, "")]
    parts += [(section.id, section.blocks, section.title) for section in plan.walk()]
    parts.append((anchors.CLOSING, plan.closing, ""))
    duties = {section.id: section.duty.text for section in plan.walk() if section.duty}
    for anchor, blocks, title in parts:
        texts = [title] if title else []
        if anchor in duties:
            texts.append(duties[anchor])
        for block in _flatten(blocks):
            texts.append(block.title if block.kind == "box" else block.text)
            texts.extend(row_text(row) for row in block.rows)
            if block.duty:
                texts.append(block.duty.text)
        if texts:
            yield anchor, "\n".join(texts)
