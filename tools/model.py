"""The document model: plan → sections (chapters, sections, items) → blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.normlog import NormalizationLog
from tools.plandata import PlanData


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
    row_lines: list[int] = field(default_factory=list)
    number: int = 0  # box
    title: str = ""  # box
    blocks: list[Block] = field(default_factory=list)  # box contents


@dataclass
class Section:
    id: str
    level: int  # 2 chapter 一、, 3 section （一）, 4 item 1.
    label: str  # as printed: 一、 / （一） / 1.
    value: int  # the printed number as an int
    number: str  # printed path, e.g. 三（一）1
    title: str
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


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
