"""Parse normalized body lines into the document model, following the printed numbering.

The plan data declares its heading levels, outermost first (`[numbering] levels`, from
tools.model.numbering.MARKERS; by default 一、 → （一） → 1.). The first level is h2, each
deeper level one more. Below the first level, a heading whose line goes on after its lead
sentence keeps the lead (up to the first 。) as its title and the rest as its first
paragraph, when the lead reads as a heading (`reads_as_heading`, or the plan's own `title_max`);
otherwise the entry is a numbered, citable paragraph instead of a heading. Ids come from
tools.model.anchors.
"""

from __future__ import annotations

import re

from tools.common.errors import InputError
from tools.ingest.cells import rule_line
from tools.ingest.normlog import NormalizationLog
from tools.ingest.regions import RawLine
from tools.model import anchors, duties, numbering
from tools.model.document import Block, Duty, Section
from tools.model.plandata import Numbering

BOX = re.compile(r"^专栏\s*(\d+)\s*(.*)$")
PIPE_ROW = re.compile(r"^\|.*\|$")
PIPE_RULE = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+$")  # |---|:--:| under a header row
SENTENCE_END = "。！？；…”）"


# What a heading looks like in these plans: a short phrase naming a task (强化司法保障), at most
# one clause break (加强组织协调，确保规划有序推进). The five plans' 212 promoted leads are at most
# 27 characters with at most one break; a lead past either limit is a sentence and stays the
# paragraph it is, on the page, in the table of contents and in the citation.
LEAD_HEADING_MAX = 30
LEAD_CLAUSE_BREAKS = "，；："
LEAD_MAX_BREAKS = 1


def reads_as_heading(lead: str) -> bool:
    """The default rule for promoting a numbered entry's lead sentence to its heading."""
    breaks = sum(lead.count(mark) for mark in LEAD_CLAUSE_BREAKS)
    return len(lead) <= LEAD_HEADING_MAX and breaks <= LEAD_MAX_BREAKS


def promotes(lead: str, title_max: int | None) -> bool:
    """Whether a lead becomes the entry's heading: the default rule, or the plan's `title_max`."""
    if title_max is None:
        return reads_as_heading(lead)
    return title_max == 0 or len(lead) <= title_max


def lead_outcomes(sections: list[Section]) -> tuple[int, int]:
    """(headings, paragraphs): how many numbered entries below the first level became headings
    and how many stayed numbered paragraphs (what `python -m tools build` reports per plan)."""
    headings = paragraphs = 0
    stack = list(sections)
    while stack:
        section = stack.pop()
        stack.extend(section.children)
        if section.level > 2:
            headings, paragraphs = (headings + 1, paragraphs) if section.heading else (headings, paragraphs + 1)
    return headings, paragraphs


def split_lead(rest: str) -> tuple[str, str]:
    """'强化司法保障。强化民事…' → ('强化司法保障', '强化民事…')."""
    if "。" not in rest:
        return rest, ""
    lead, _, tail = rest.partition("。")
    return lead, tail.strip()


class Parser:
    def __init__(self, source, log: NormalizationLog, scheme: Numbering | None = None) -> None:
        self.source = source
        self.log = log
        self.scheme = scheme or Numbering()
        self.levels = [numbering.MARKERS[key] for key in self.scheme.levels]
        self.preamble: list[Block] = []
        self.sections: list[Section] = []
        self.open: list[Section | None] = [None] * len(self.levels)  # the open section at each depth
        self.last_value = [0] * len(self.levels)  # last printed number per depth, across parents
        self.tables = 0
        self.boxes: set[int] = set()
        self.box: Block | None = None
        self.leads = 0
        self.repeated_headers = 0

    # -- where new blocks go -------------------------------------------------
    def container(self) -> Section | None:
        return next((section for section in reversed(self.open) if section is not None), None)

    def add_block(self, kind: str, line: RawLine, text: str) -> Block:
        target = self.box.blocks if self.box else (self.container().blocks if self.container() else self.preamble)
        owner = self.box.id if self.box else (self.container().id if self.container() else anchors.PREAMBLE)
        count = sum(1 for b in target if b.kind in ("paragraph", "dash")) + 1
        block = Block(kind, anchors.paragraph_id(owner, count), line.number, text)
        found = duties.trailing_note(text, self.scheme.duty_notes)
        if found:
            block.text, note = found
            block.duty = Duty(anchors.duty_id(block.id), note.text, note.lead, note.units)
        target.append(block)
        return block

    def attach_note(self, note: duties.Note, line: RawLine) -> bool:
        """A 责任单位：… line belongs to the paragraph just before it."""
        target = self.box.blocks if self.box else (self.container().blocks if self.container() else self.preamble)
        if not target or target[-1].kind not in ("paragraph", "dash") or target[-1].duty:
            return False
        block = target[-1]
        block.duty = Duty(anchors.duty_id(block.id), note.text, note.lead, note.units)
        return True

    # -- numbering ------------------------------------------------------------
    def check_number(self, depth: int, value: int, siblings: list[Section], line: RawLine) -> None:
        """Numbers restart at 1 under a new parent or continue the document-wide count; never jump or repeat."""
        previous = siblings[-1].value if siblings else None
        if previous is not None:
            expected = {previous + 1}
        else:
            expected = {1, self.last_value[depth] + 1}
        if value not in expected:
            kind = "repeats" if previous is not None and value <= previous else "jumps"
            wanted = " or ".join(str(n) for n in sorted(expected))
            raise InputError(self.source, line.number, f"numbering {kind}: found {value}, expected {wanted}")
        self.last_value[depth] = value

    def check_decimal_parent(self, depth: int, printed: str, line: RawLine) -> None:
        """1.2.1 must sit under 1.2 (and 1.2 under chapter 1): its leading numbers are its parents' numbers."""
        path: list[int] = []
        for ancestor in (s for s in self.open[:depth] if s is not None):
            if numbering.MARKERS[ancestor.marker].kind == "decimal":
                path = [int(part) for part in ancestor.label.split(".")]
            else:
                path.append(ancestor.value)
        prefix = [int(part) for part in printed.split(".")[:-1]]
        overlap = min(len(path), len(prefix))
        if overlap and path[len(path) - overlap:] != prefix[len(prefix) - overlap:]:
            inside = ".".join(str(n) for n in path[len(path) - overlap:])
            raise InputError(
                self.source, line.number,
                f"misplaced decimal number: {printed} (level {depth + 1}, {self.levels[depth].key}) "
                f"must sit under {'.'.join(str(n) for n in prefix)}, but the heading above is numbered {inside}",
            )

    def parent_of(self, depth: int, label: str, line: RawLine) -> Section | None:
        """The open section one level up; a loose level may sit under any open outer level."""
        if depth == 0:
            return None
        parent = self.open[depth - 1]
        if parent is None and self.levels[depth].key in self.scheme.loose:
            parent = next((s for s in reversed(self.open[:depth]) if s is not None), None)
        if parent is None:
            outer = self.levels[depth - 1].key
            raise InputError(
                self.source, line.number,
                f"skipped level: {label} (level {depth + 1}, {self.levels[depth].key}) is not inside a level {depth} ({outer}) heading",
            )
        return parent

    def open_section(self, depth: int, printed: str, value: int, title: str, line: RawLine, heading: bool = True) -> Section:
        self.box = None
        marker = self.levels[depth]
        label = marker.label.format(n=printed)
        parent = self.parent_of(depth, label, line)
        siblings = parent.children if parent else self.sections
        if marker.kind == "decimal":
            self.check_decimal_parent(depth, printed, line)
        self.check_number(depth, value, siblings, line)
        number = anchors.printed_number(parent.number if parent else "", marker.own.format(n=printed))
        section_id = anchors.section_id(parent.id if parent else "", value)
        section = Section(section_id, depth + 2, label, value, number, title, line.number, marker=marker.key, heading=heading)
        siblings.append(section)
        self.open[depth:] = [section] + [None] * (len(self.levels) - depth - 1)
        return section

    def headed(self, depth: int, printed: str, value: int, rest: str, line: RawLine) -> None:
        title, tail = split_lead(rest) if depth > 0 else (rest, "")
        label = self.levels[depth].label.format(n=printed)
        if not title:
            raise InputError(self.source, line.number, f"heading {label} has no title")
        if depth > 0 and not promotes(title, self.scheme.title_max):
            # No short title: the whole entry is one numbered, citable paragraph.
            found = duties.trailing_note(rest, self.scheme.duty_notes)
            section = self.open_section(depth, printed, value, found[0] if found else rest, line, heading=False)
            if found:
                note = found[1]
                section.duty = Duty(anchors.duty_id(section.id), note.text, note.lead, note.units)
            return
        self.open_section(depth, printed, value, title, line)
        if tail:
            self.leads += 1
            self.add_block("paragraph", line, tail)

    def heading_of(self, line: RawLine) -> tuple[int, str, int, str] | None:
        """(depth, number as printed, value, rest) for a line that starts with a declared marker."""
        for depth, marker in enumerate(self.levels):
            found = marker.match(line.text)
            if found:
                return (depth, *found)
        stray = numbering.detect(line.text)
        if stray:
            declared = " → ".join(self.scheme.levels)
            raise InputError(
                self.source, line.number,
                f"undeclared numbering marker {stray.key} (the plan data declares the levels {declared})",
            )
        return None

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
            elif PIPE_ROW.match(text):
                index = self.read_pipe_table(lines, index)
                continue
            elif self.row_block(lines, index) > 1:
                index = self.read_row_table(lines, index)
                continue
            elif line.tabbed and not self.box:
                index = self.read_table(lines, index)
                continue
            elif heading := self.heading_of(line):
                self.headed(*heading, line)
            elif text.startswith("——"):
                self.add_block("dash", line, text)
            elif (note := duties.line_note(text, self.scheme.duty_notes)) and self.attach_note(note, line):
                pass
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

    def read_pipe_table(self, lines: list[RawLine], index: int) -> int:
        """| a | b | rows, one per line; a |---| rule ends the header rows (the first row without one)."""
        rows: list[tuple[RawLine, list[str]]] = []
        header_rows = 1
        while index < len(lines) and PIPE_ROW.match(lines[index].text):
            line = lines[index]
            if PIPE_RULE.match(line.text):
                header_rows = len(rows)
            else:
                rows.append((line, [cell.strip() for cell in line.text[1:-1].split("|")]))
            index += 1
        width = len(rows[0][1])
        for line, cells in rows:
            if len(cells) != width:
                raise InputError(self.source, line.number, f"ragged table: row has {len(cells)} cells but the header has {width}")
        self.add_table(rows[0][0], [cells for _, cells in rows], header_rows)
        return index

    def row_block(self, lines: list[RawLine], index: int) -> int:
        """How many lines from here form a tab-separated or space-aligned table (0 or 1: not a table).

        A table is two or more consecutive rows of one kind, rule lines included; a lone
        row (a signature with two names, say) stays text."""
        first = lines[index].row
        if first is None or first.rule:
            return 0
        end = index
        while end < len(lines) and self._same_table(lines[end], first.kind):
            end += 1
        return end - index

    @staticmethod
    def _same_table(line: RawLine, kind: str) -> bool:
        if line.row is not None:
            return line.row.kind == kind
        return rule_line(line.text)

    def read_row_table(self, lines: list[RawLine], index: int) -> int:
        """Tab-separated or space-aligned rows; a rule line ends the header rows (else the first row is the header)."""
        end = index + self.row_block(lines, index)
        rows: list[tuple[RawLine, tuple[str, ...]]] = []
        header_rows = 1
        for line in lines[index:end]:
            if line.row is None or line.row.rule:
                header_rows = len(rows)
            else:
                rows.append((line, line.row.cells))
        width = len(rows[0][1])
        for line, row in rows:
            if len(row) != width:
                raise InputError(self.source, line.number, f"ragged table: row has {len(row)} cells but the header has {width}")
        self.add_table(rows[0][0], [list(row) for _, row in rows], max(header_rows, 1))
        return end

    def add_table(self, line: RawLine, rows: list[list[str]], header_rows: int = 1) -> Block:
        """A table after the current section's blocks, taking a caption line (no sentence end) just before it."""
        target = self.box.blocks if self.box else (self.container().blocks if self.container() else self.preamble)
        caption = ""
        if target and target[-1].kind == "paragraph" and not target[-1].duty and target[-1].text[-1:] not in SENTENCE_END:
            caption = target.pop().text
        self.tables += 1
        table = Block("table", anchors.table_id(self.tables), line.number, caption=caption, rows=rows, header_rows=header_rows)
        target.append(table)
        return table

    def check_complete(self, lines: list[RawLine]) -> None:
        if not self.sections:
            raise InputError(self.source, None, f"no numbered chapter ({self.scheme.levels[0]}) found in the plan body")
        innermost = len(self.levels) + 1
        for section in self._walk(self.sections):
            if section.heading and not section.blocks and not section.children and section.level < innermost:
                raise InputError(self.source, section.line, f"section {section.number} is empty; is the file truncated?")
        last = next(line for line in reversed(lines) if line.text)
        # A declared duty note (〔责任单位：…〕 after the sentence, or 责任单位：… on a line of its own) ends a line too.
        noted = duties.trailing_note(last.text, self.scheme.duty_notes) or duties.line_note(last.text, self.scheme.duty_notes)
        if last.text[-1] not in SENTENCE_END and not noted and not last.tabbed and not last.row and not PIPE_ROW.match(last.text):
            raise InputError(self.source, last.number, "the last line stops mid-sentence; is the file truncated?")

    def _walk(self, sections):
        for section in sections:
            yield section
            yield from self._walk(section.children)


def parse_body(source, lines: list[RawLine], log: NormalizationLog, scheme: Numbering | None = None) -> tuple[list[Block], list[Section]]:
    return Parser(source, log, scheme).parse(lines)
