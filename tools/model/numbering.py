"""The numbering schemes a plan may declare for its heading levels, and how each is read.

A plan's data file lists its levels from outermost to innermost (`[numbering] levels`),
chosen from MARKERS. The parser recognises a line as a heading only by a declared marker;
a line that starts with a known but undeclared marker is an input error, so a new layout
fails loudly instead of turning 第四章 into a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.model.numerals import NUMERAL_CHARS, chinese_to_int

CN = f"[{NUMERAL_CHARS}]+"
CIRCLED = "".join(chr(0x2460 + i) for i in range(20))  # ① … ⑳


@dataclass(frozen=True)
class Marker:
    """One numbering scheme: how its lines look, the number they carry and how it is printed."""

    key: str  # as declared in plan data: 第X章, 一、, （1）, 1.1 …
    pattern: re.Pattern  # groups: number, rest of the line
    kind: str  # cn | arabic | circled | decimal
    label: str  # printed label with {n} for the number as printed: 第{n}章, {n}、, （{n}）, {n}.
    own: str  # the label's part in a printed path (三（一）1): {n}, （{n}）, 第{n}章
    # The label on English pages: {v} the number, {n} as printed, {r} in Roman numerals.
    # Each level reads differently, so that 一、（一）（1）① stay apart in English too:
    # Chapter 3 / Section 2 / 3. / (1) / 1) / (i).
    english: str
    gap: bool  # whether a space separates the label from the title in Chinese

    def match(self, text: str) -> tuple[str, int, str] | None:
        """(number as printed, its value, the rest of the line) or None."""
        found = self.pattern.match(text)
        if not found:
            return None
        printed = found.group(1)
        if self.kind == "cn":
            value = chinese_to_int(printed)
        elif self.kind == "circled":
            value = CIRCLED.index(printed) + 1
        elif self.kind == "decimal":
            value = int(printed.rsplit(".", 1)[1])
        else:
            value = int(printed)
        return printed, value, found.group(2)


def _marker(key, pattern, kind, label, own, english, gap=False) -> Marker:
    return Marker(key, re.compile(pattern), kind, label, own, english, gap)


MARKERS = {m.key: m for m in (
    _marker("第X章", rf"^第({CN})章\s*(.*)$", "cn", "第{n}章", "第{n}章", "Chapter {v} ", gap=True),
    _marker("第X节", rf"^第({CN})节\s*(.*)$", "cn", "第{n}节", "第{n}节", "Section {v} ", gap=True),
    _marker("一、", rf"^({CN})、(.+)$", "cn", "{n}、", "{n}", "{v}. "),
    _marker("（一）", rf"^（({CN})）(.*)$", "cn", "（{n}）", "（{n}）", "({v}) "),
    _marker("1.", r"^(\d{1,2})[.、．](?!\d)\s*(.+)$", "arabic", "{n}.", "{n}", "{v}. ", gap=True),
    _marker("（1）", r"^（(\d{1,2})）\s*(.*)$", "arabic", "（{n}）", "（{n}）", "{v}) "),
    _marker("①", rf"^([{CIRCLED}])\s*(.*)$", "circled", "{n}", "{n}", "({r}) ", gap=True),
    _marker("1.1", r"^(\d{1,2}\.\d{1,2})(?![.\d])\s*(.+)$", "decimal", "{n}", "{n}", "{n} ", gap=True),
    _marker("1.1.1", r"^(\d{1,2}\.\d{1,2}\.\d{1,2})(?![.\d])\s*(.+)$", "decimal", "{n}", "{n}", "{n} ", gap=True),
)}

# The layout of the five plans the site started with: 一、 → （一） → 1., where a 1. item
# may also sit directly under a chapter (Tongzhou 五、3).
DEFAULT_LEVELS = ("一、", "（一）", "1.")
DEFAULT_LOOSE = ("1.",)
MAX_LEVELS = 5  # h2 … h6


def detect(text: str) -> Marker | None:
    """The known marker a line starts with, declared or not (the longest decimal form first)."""
    for marker in MARKERS.values():
        if marker.pattern.match(text):
            if marker.key == "1.1" and MARKERS["1.1.1"].pattern.match(text):
                return MARKERS["1.1.1"]
            return marker
    return None
