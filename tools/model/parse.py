"""Parse normalized body lines into the document model, following the printed numbering.

一、 → chapter (h2); （一） → section (h3); 1. / 1、 → item (h4). A section or item
whose line goes on after its lead sentence keeps the lead (up to the first 。) as its
title and the rest as its first paragraph. Ids come from tools.model.anchors.
"""

from __future__ import annotations

import re

from tools.common.errors import InputError
from tools.ingest.normlog import NormalizationLog
from tools.ingest.regions import RawLine
from tools.model import anchors
from tools.model.document import Block, Duty, Section
from tools.model.numerals import chinese_to_int

CHAPTER = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
SECTION = re.compile(r"^（([一二三四五六七八九十]+)）(.*)$")
ITEM = re.compile(r"^(\d{1,2})[.、．](?!\d)\s*(.+)$")
BOX = re.compile(r"^专栏\s*(\d+)\s*(.*)$")
DUTY = re.compile(r"〔责任单位[：:](.+?)〕$")
SENTENCE_END = "。！？；…”）"


def split_lead(rest: str) -> tuple[str, str]:
    """'强化司法保障。强化民事…' → ('强化司法保障', '强化民事…')."""
    if "。" not in rest:
        return rest, ""
    lead, _, tail = rest.partition("。")
    return lead, tail.strip()


def parse_duty(block_id: str, text: str) -> Duty:
    """'区市场监管局（知识产权局）牵头，区科技局、南通高新区按职责分工负责' → lead and units."""
    lead: list[str] = []
    units: list[str] = []
    for part in re.split("[，,；]", text):
        part = part.strip()
        if part.endswith("牵头"):
            lead.extend(u for u in part[: -len("牵头")].split("、") if u)
            continue
        for suffix in ("按职责分工负责", "负责"):
            if part.endswith(suffix):
                part = part[: -len(suffix)]
                break
        units.extend(u for u in part.split("、") if u)
    return Duty(anchors.duty_id(block_id), text, lead, units)


class Parser:
    def __init__(self, source, log: NormalizationLog) -> None:
        self.source = source
        self.log = log
        self.preamble: list[Block] = []
        self.sections: list[Section] = []
        self.chapter: Section | None = None
        self.section: Section | None = None
        self.item: Section | None = None
        self.last_value = {2: 0, 3: 0, 4: 0}  # last printed number per level, across parents
        self.tables = 0
        self.boxes: set[int] = set()
        self.box: Block | None = None
        self.leads = 0
        self.repeated_headers = 0

    # -- where new blocks go -------------------------------------------------
    def container(self) -> Section | None:
        return self.item or self.section or self.chapter

    def add_block(self, kind: str, line: RawLine, text: str) -> Block:
        target = self.box.blocks if self.box else (self.container().blocks if self.container() else self.preamble)
        owner = self.box.id if self.box else (self.container().id if self.container() else anchors.PREAMBLE)
        count = sum(1 for b in target if b.kind in ("paragraph", "dash")) + 1
        block = Block(kind, anchors.paragraph_id(owner, count), line.number, text)
        match = DUTY.search(text)
        if match:
            block.text = text[: match.start()].rstrip()
            block.duty = parse_duty(block.id, match.group(1))
        target.append(block)
        return block

    # -- numbering ------------------------------------------------------------
    def check_number(self, level: int, value: int, siblings: list[Section], line: RawLine) -> None:
        """Numbers restart at 1 under a new parent or continue the document-wide count; never jump or repeat."""
        previous = siblings[-1].value if siblings else None
        if previous is not None:
            expected = {previous + 1}
        else:
            expected = {1, self.last_value[level] + 1}
        if value not in expected:
            kind = "repeats" if previous is not None and value <= previous else "jumps"
            wanted = " or ".join(str(n) for n in sorted(expected))
            raise InputError(self.source, line.number, f"numbering {kind}: found {value}, expected {wanted}")
        self.last_value[level] = value

    def open_section(self, level: int, label: str, value: int, title: str, line: RawLine) -> Section:
        self.box = None
        if level == 2:
            parent = None
        elif level == 3:
            parent = self.chapter
            if parent is None:
                raise InputError(self.source, line.number, f"section {label} appears before any chapter (一、)")
        else:
            parent = self.section or self.chapter
            if parent is None:
                raise InputError(self.source, line.number, f"item {label} appears before any chapter (一、)")
        siblings = parent.children if parent else self.sections
        self.check_number(level, value, siblings, line)
        number = anchors.printed_number(parent.number if parent else "", parent.level if parent else 0, label, level)
        section_id = anchors.section_id(parent.id if parent else "", value)
        section = Section(section_id, level, label, value, number, title, line.number)
        siblings.append(section)
        if level == 2:
            self.chapter, self.section, self.item = section, None, None
        elif level == 3:
            self.section, self.item = section, None
        else:
            self.item = section
        return section

    def headed(self, level: int, label: str, value: int, rest: str, line: RawLine) -> None:
        title, tail = split_lead(rest) if level > 2 else (rest, "")
        if not title:
            raise InputError(self.source, line.number, f"heading {label} has no title")
        self.open_section(level, label, value, title, line)
        if tail:
            self.leads += 1
            self.add_block("paragraph", line, tail)

    # -- the line loop --------------------------------------------------------
    def parse(self, lines: list[RawLine]) -> tuple[list[Block], list[Section]]:
        index = 0
        while index < len(lines):
            line = lines[index]
            text = line.text
            if not text:
                index += 1
                continue
            box = BOX.match(text) if line.tabbed else None
            if box:
                self.open_box(int(box.group(1)), box.group(2), line)
            elif line.tabbed and not self.box:
                index = self.read_table(lines, index)
                continue
            elif m := CHAPTER.match(text):
                self.headed(2, m.group(1) + "、", chinese_to_int(m.group(1)), m.group(2), line)
            elif m := SECTION.match(text):
                self.headed(3, f"（{m.group(1)}）", chinese_to_int(m.group(1)), m.group(2), line)
            elif m := ITEM.match(text):
                self.headed(4, m.group(1) + ".", int(m.group(1)), m.group(2), line)
            elif text.startswith("——"):
                self.add_block("dash", line, text)
            else:
                self.add_block("paragraph", line, text)
            index += 1
        self.check_complete(lines)
        self.log.add("leads", "编号条目的首句作为标题，其余作为段落", "lead sentences of numbered entries became headings", self.leads)
        self.log.add("table-header", "删除表格中重复的表头", "removed a repeated table header", self.repeated_headers)
        return self.preamble, self.sections

    def open_box(self, number: int, title: str, line: RawLine) -> None:
        if number in self.boxes:
            raise InputError(self.source, line.number, f"专栏{number} appears twice")
        self.boxes.add(number)
        self.box = None
        target = self.container().blocks if self.container() else self.preamble
        self.box = Block("box", anchors.box_id(number), line.number, number=number, title=title.strip())
        target.append(self.box)

    def read_table(self, lines: list[RawLine], index: int) -> int:
        """Tab-flattened table: one cell per line, rows separated by blank lines, header possibly repeated."""
        groups: list[list[RawLine]] = [[]]
        while index < len(lines) and (lines[index].tabbed or not lines[index].text):
            line = lines[index]
            if line.tabbed:
                groups[-1].append(line)
            elif groups[-1]:
                groups.append([])
            index += 1
        groups = [g for g in groups if g]
        header = [cell.text for cell in groups[0]]
        target = self.container().blocks if self.container() else self.preamble
        caption = ""
        if target and target[-1].kind == "paragraph" and target[-1].text[-1:] not in SENTENCE_END:
            caption = target.pop().text
        self.tables += 1
        table = Block("table", anchors.table_id(self.tables), groups[0][0].number, caption=caption, rows=[header])
        for group in groups[1:]:
            cells = [cell.text for cell in group]
            if cells == header:
                self.repeated_headers += 1
                continue
            if len(cells) != len(header):
                raise InputError(
                    self.source, group[0].number,
                    f"table row has {len(cells)} cells but the header has {len(header)}",
                )
            table.rows.append(cells)
        target.append(table)
        return index

    def check_complete(self, lines: list[RawLine]) -> None:
        if not self.sections:
            raise InputError(self.source, None, "no numbered chapter (一、) found in the plan body")
        for section in self._walk(self.sections):
            if not section.blocks and not section.children and section.level < 4:
                raise InputError(self.source, section.line, f"section {section.number} is empty; is the file truncated?")
        last = next(line for line in reversed(lines) if line.text)
        if last.text[-1] not in SENTENCE_END and not last.tabbed:
            raise InputError(self.source, last.number, "the last line stops mid-sentence; is the file truncated?")

    def _walk(self, sections):
        for section in sections:
            yield section
            yield from self._walk(section.children)


def parse_body(source, lines: list[RawLine], log: NormalizationLog) -> tuple[list[Block], list[Section]]:
    return Parser(source, log).parse(lines)
