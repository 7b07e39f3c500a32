"""English translations, stored per plan in sources/translations/<slug>.en.toml.

Each entry is keyed by anchor id and records the Chinese it translates and a hash of
that Chinese, so a changed source makes the translation visibly stale.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from tools.common.errors import InputError
from tools.common.tomldata import line_of, load_toml, table_line
from tools.ingest.textnorm import has_cjk
from tools.model import anchors
from tools.model.document import Plan

METADATA_KEYS = ("name", "category", "publisher", "site_source", "validity")
# What the translator adds (a fact, a date, a standard number the Chinese does not state) is
# written inside `en` as "[TN: …]", so readers and checks can tell it from the text.
NOTE = re.compile(r"\s*\[TN: ([^\[\]]+)\]")


def split_notes(en: str) -> list[tuple[str, bool]]:
    """The English as (piece, is_note) pairs in reading order; notes carry their text only."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in NOTE.finditer(en):
        pieces.append((en[last:match.start()], False))
        pieces.append((match.group(1).strip(), True))
        last = match.end()
    pieces.append((en[last:], False))
    return [(text, note) for text, note in pieces if text]


def without_notes(en: str) -> str:
    """The translation proper: what the number check and length comparisons read."""
    return NOTE.sub("", en)


def notes_of(english: dict[str, Entry], order: list[str]) -> list[tuple[str, str]]:
    """(key, note) for every translator's note, in the order of `order` (the page's units)."""
    return [(key, text) for key in order if key in english
            for text, note in split_notes(english[key].en) if note]


# -- the number check --------------------------------------------------------------------
CHINESE_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def english_forms(number: str, multiplier: str | None, following: str) -> list[str]:
    """How a Chinese number may legitimately appear in English."""
    value = Decimal(number)
    if multiplier:
        full = value * (10_000 if multiplier == "万" else 100_000_000)
        forms = [f"{full:,.0f}", f"{full:.0f}"]
        for scale, word in ((Decimal(10**9), "billion"), (Decimal(10**6), "million"), (Decimal(10**3), "thousand")):
            scaled = (full / scale).normalize()
            if scaled >= 1:
                text = f"{scaled:f}".rstrip("0").rstrip(".") if "." in f"{scaled:f}" else f"{scaled:f}"
                forms.append(f"{text} {word}")
        return forms
    forms = [number]
    if following.startswith("月") and 1 <= int(value) <= 12 and value == int(value):
        forms.append(MONTHS[int(value) - 1])
    return forms


def missing_numbers(zh: str, en: str) -> list[str]:
    """The numbers of the Chinese (with 万/亿) that the English does not give in any legitimate form.
    The one number rule: tests/test_translations.py and the review report both call it."""
    plain_en = en.replace(",", "")
    missing = []
    for match in CHINESE_NUMBER.finditer(zh):
        number, multiplier = match.group(1), match.group(2)
        forms = english_forms(number, multiplier, zh[match.end():])
        if not any(form.replace(",", "") in plain_en or form in en for form in forms):
            missing.append(match.group(0))
    return missing


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass
class Entry:
    key: str
    zh: str
    en: str
    hash: str
    units_en: list[str]


def translation_units(plan: Plan) -> list[tuple[str, str]]:
    """(key, Chinese text) for every piece of a plan page that needs English, in reading order."""
    units: list[tuple[str, str]] = []
    for key in METADATA_KEYS:
        value = plan.metadata.get(key, "")
        if has_cjk(value):
            units.append((anchors.metadata_key(key), value))
    if plan.notice_title:
        units.append((anchors.NOTICE_TITLE, plan.notice_title))
    for block in plan.notice:
        units.append((block.id, block.text))
    for block in plan.preamble:
        units.extend(_block_units(block))
    for section in plan.walk():
        units.append((section.id, section.title))
        if section.duty:
            units.append((section.duty.id, section.duty.text))
        for block in section.blocks:
            units.extend(_block_units(block))
    for block in plan.closing:
        units.append((block.id, block.text))
    return units


def _block_units(block) -> list[tuple[str, str]]:
    if block.kind == "table":
        found = [(anchors.caption_key(block.id), block.caption)] if block.caption else []
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row, start=1):
                if has_cjk(cell):
                    found.append((anchors.cell_key(block.id, r, c), cell))
        return found
    if block.kind == "box":
        found = [(anchors.box_title_key(block.id), block.title)]
        for child in block.blocks:
            found.extend(_block_units(child))
        return found
    found = [(block.id, block.text)]
    if block.duty:
        found.append((block.duty.id, block.duty.text))
    return found


@dataclass
class Coverage:
    """How a translation file stands against the plan's current Chinese."""

    missing: list[str]  # units with no English
    stale: list[str]  # units whose Chinese changed since they were translated (hash differs)
    orphans: list[str]  # entries for ids the plan no longer has


def coverage(plan: Plan, english: dict[str, Entry]) -> Coverage:
    units = translation_units(plan)
    keys = {key for key, _ in units}
    return Coverage(
        missing=[key for key, _ in units if key not in english or not english[key].en.strip()],
        stale=[key for key, zh in units if key in english and english[key].hash != text_hash(zh)],
        orphans=sorted(set(english) - keys),
    )


def for_plan(plan: Plan) -> dict[str, Entry]:
    """A plan's translation, from the translations folder of the tree the plan came from."""
    return load(plan.data.tree.translation_file(plan.data.slug))


def load(path: Path) -> dict[str, Entry]:
    if not path.exists():
        return {}
    stat = path.stat()
    return dict(_parse(path, stat.st_mtime_ns, stat.st_size))


@functools.cache
def _parse(path: Path, mtime_ns: int, size: int) -> dict[str, Entry]:
    """Parsed once per file version: several pages read the same translation."""
    data, raw = load_toml(path)
    entries = {}
    for key, value in data.items():
        if not isinstance(value, dict):
            raise InputError(path, line_of(raw, key), f"entry {key!r} must be a table with zh, hash and en")
        units_en = value.get("units_en", [])
        if not isinstance(value.get("en", ""), str) or not isinstance(units_en, list):
            raise InputError(path, table_line(raw, key), f"entry {key!r}: `en` must be text and `units_en` a list")
        entries[key] = Entry(key, value.get("zh", ""), value.get("en", ""), value.get("hash", ""), units_en)
    return entries


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def write_skeleton(plan: Plan) -> Path:
    """(Re)write a plan's translation file: keep English whose Chinese is unchanged, list the rest empty."""
    path = plan.data.tree.translation_file(plan.data.slug)
    existing = load(path)
    notes = [block.duty for block in plan.all_blocks() if block.duty] + [s.duty for s in plan.walk() if s.duty]
    duty_units = {duty.id: duty.lead + duty.units for duty in notes}
    lines = [
        f"# Unofficial English translation of {plan.data.title_zh}.",
        "# Keyed by anchor id; `hash` is of `zh`. Edit `en` only; rerun `python -m tools translations` after source changes.",
        "",
    ]
    for key, zh in translation_units(plan):
        old = existing.get(key)
        en = old.en if old and old.hash == text_hash(zh) else ""
        lines.append(f"[{key}]")
        lines.append(f"hash = {_toml_string(text_hash(zh))}")
        lines.append(f"zh = {_toml_string(zh)}")
        lines.append(f"en = {_toml_string(en)}")
        if key in duty_units:
            lines.append("units = [" + ", ".join(_toml_string(u) for u in duty_units[key]) + "]")
        if old and old.units_en and en:
            lines.append("units_en = [" + ", ".join(_toml_string(u) for u in old.units_en) + "]")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
