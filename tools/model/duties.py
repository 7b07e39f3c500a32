"""Responsibility notes (责任单位) in the forms plans print them, declared per plan.

A plan's `[numbering] duty_notes` lists the forms it uses, from PATTERNS. Each form is
either the end of a paragraph (〔责任单位：…〕, （…负责）, （牵头单位：…；配合单位：…）) or a
line of its own (责任单位：…) that belongs to the paragraph before it. The note keeps its
words as printed; the units are drawn from it with their roles (lead or sharing the work).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Unit names may hold one level of brackets: 区市场监管局（知识产权局）.
_UNITS = r"(?:[^（）〔〕]|（[^（）]*）)+?"


@dataclass
class Note:
    text: str  # the note's words as printed, without its outer brackets
    lead: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Pattern:
    key: str
    regex: re.Pattern
    own_line: bool  # a line of its own, attached to the paragraph before it


PATTERNS = {p.key: p for p in (
    Pattern("〔责任单位：…〕", re.compile(rf"〔责任单位[：:]({_UNITS})〕$"), False),
    Pattern("（…负责）", re.compile(rf"（({_UNITS}负责)）$"), False),
    Pattern("（牵头单位：…；配合单位：…）", re.compile(rf"（(牵头单位[：:]{_UNITS}(?:[；;]配合单位[：:]{_UNITS})?)）$"), False),
    Pattern("责任单位：…", re.compile(rf"^(责任单位[：:]{_UNITS})$"), True),
)}
DEFAULT = ("〔责任单位：…〕",)


def split_units(text: str) -> tuple[list[str], list[str]]:
    """'区市场监管局（知识产权局）牵头，区科技局、南通高新区按职责分工负责' → lead and units.

    Labelled forms (牵头单位：A；配合单位：B, 责任单位：A、B) name the roles themselves.
    """
    lead: list[str] = []
    units: list[str] = []
    for part in re.split("[，,；;]", text):
        part = part.strip()
        label, colon, named = part.partition("：")
        if colon and label in ("牵头单位", "责任单位", "配合单位"):
            (lead if label == "牵头单位" else units).extend(u for u in named.split("、") if u)
            continue
        if part.endswith("牵头"):
            lead.extend(u for u in part[: -len("牵头")].split("、") if u)
            continue
        for suffix in ("按职责分工负责", "负责"):
            if part.endswith(suffix):
                part = part[: -len(suffix)]
                break
        units.extend(u for u in part.split("、") if u)
    return lead, units


def trailing_note(text: str, keys: tuple[str, ...]) -> tuple[str, Note] | None:
    """A paragraph ending in a declared note form → (the paragraph without it, the note)."""
    for key in keys:
        pattern = PATTERNS[key]
        if pattern.own_line:
            continue
        match = pattern.regex.search(text)
        if match:
            return text[: match.start()].rstrip(), _note(match.group(1))
    return None


def line_note(text: str, keys: tuple[str, ...]) -> Note | None:
    """A line that is a declared note of its own (责任单位：…)."""
    for key in keys:
        pattern = PATTERNS[key]
        if pattern.own_line and (match := pattern.regex.match(text)):
            return _note(match.group(1))
    return None


def _note(text: str) -> Note:
    lead, units = split_units(text)
    return Note(text, lead, units)
