"""Quantitative targets (sources/targets/<slug>.toml) and comparable indicators
(sources/indicators.toml): load, check every quote against its source block, publish."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

from tools.common.errors import InputError
from tools.common.tomldata import Entries, load_toml, table_line
from tools.model import anchors
from tools.model.document import Plan, anchored_texts

COMPARATORS = ("=", ">=", ">", "<=", "~")
LINEAGE_FIELDS = (
    "id", "baseline_quote_zh", "baseline_anchor", "baseline_note_zh", "baseline_note_en",
    "outcome", "outcome_unit_zh", "outcome_unit_en", "outcome_year", "outcome_plan", "outcome_anchor",
    "outcome_quote_zh", "outcome_same_measure", "outcome_note_zh", "outcome_note_en",
    "predecessor_status", "predecessor_target", "predecessor_differs_zh", "predecessor_differs_en",
    "successor_status", "successor_target", "successor_differs_zh", "successor_differs_en",
)
NATURES = ("expected", "binding", "unspecified")
# The order of the published columns (targets.json keys, targets.csv header): the published
# contract first, then the comparison key, the two page links, the other places that restate the target
# and the English figure as the pages print it (last, so that existing CSV column positions hold).
FIELDS = (
    "plan", "anchor", "indicator_zh", "indicator_en", "value", "unit_zh", "unit_en", "comparator",
    "year", "baseline", "baseline_year", "nature", "quote_zh", "indicator", "url_zh", "url_en", "also_in",
    "figure_en",
    # Targets over time (tools/annotate/lineage.py), after every earlier column: the target's id in its
    # plan's data file, where its baseline is stated, the outcome a later plan reports for its year,
    # and how it continues in the successor plan (kept, changed, dropped) or from the predecessor
    # (kept, changed, new).
    *LINEAGE_FIELDS,
)


@dataclass
class Indicator:
    key: str
    zh: str
    en: str


@dataclass
class Target:
    plan: str
    anchor: str
    indicator_zh: str
    indicator_en: str
    value: float | int
    unit_zh: str
    unit_en: str
    comparator: str
    year: int
    baseline: float | int | None
    baseline_year: int | None
    nature: str
    quote_zh: str
    indicator: str
    url_zh: str
    url_en: str
    also_in: list[str] = field(default_factory=list)  # anchors that restate the same target
    figure_en: str = ""  # "more than CNY 2 billion": the one English wording of the figure (english_figure)
    id: str = ""  # lower-case ASCII, unique in the plan's targets file; lineage entries name targets by it
    # Where the plan states the baseline: the exact phrase and its paragraph; a note says how to read it
    # when the plan's wording leaves the reference year or the period implicit ("“十二五”时期").
    baseline_quote_zh: str = ""
    baseline_anchor: str = ""
    baseline_note_zh: str = ""
    baseline_note_en: str = ""
    # What a later plan reports for this target's year (tools/annotate/lineage.py), never computed.
    outcome: float | int | None = None
    outcome_unit_zh: str = ""
    outcome_unit_en: str = ""
    outcome_year: int | None = None
    outcome_plan: str = ""
    outcome_anchor: str = ""
    outcome_quote_zh: str = ""
    outcome_same_measure: bool | None = None
    outcome_note_zh: str = ""
    outcome_note_en: str = ""
    predecessor_status: str = ""  # kept, changed, new (relative to the predecessor plan's targets)
    predecessor_target: str = ""  # the id of the predecessor's target it continues
    predecessor_differs_zh: str = ""
    predecessor_differs_en: str = ""
    successor_status: str = ""  # kept, changed, dropped (in the successor plan)
    successor_target: str = ""
    successor_differs_zh: str = ""
    successor_differs_en: str = ""
    line: int | None = field(default=None, repr=False, compare=False)  # its [[target]] line, for errors

    def record(self) -> dict:
        data = asdict(self)
        # An absent lineage fact is null (empty in the CSV), like an absent baseline.
        return {key: (data[key] if data[key] != "" or key not in LINEAGE_FIELDS else None) for key in FIELDS}


def load_indicators(path: Path) -> dict[str, Indicator]:
    if not path.exists():
        return {}
    data, raw = load_toml(path)
    indicators = {}
    for key, entry in data.items():
        if not (isinstance(entry, dict) and str(entry.get("zh", "")).strip() and str(entry.get("en", "")).strip()):
            raise InputError(path, table_line(raw, key), f"indicator {key!r} needs `zh` and `en`")
        indicators[key] = Indicator(key, entry["zh"], entry["en"])
    return indicators


def _number(entries: Entries, index: int, key: str, required: bool = True) -> float | int | None:
    value = entries.items[index].get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise entries.error(index, key, f"`{key}` must be a number")
    return value


def load_targets(path: Path, plan: Plan, indicators: dict[str, Indicator]) -> list[Target]:
    """One plan's targets; each quote must still be in its source block, or the build stops."""
    if not path.exists():
        return []
    entries = Entries(path, "target")
    texts = anchored_texts(plan)
    slug = plan.data.slug
    targets = []
    for index, _item in entries:
        anchor = entries.text(index, "anchor")
        if anchor not in texts:
            raise entries.error(index, "anchor", f"anchor {anchor!r} is not a paragraph or table row of {slug}")
        quote = entries.text(index, "quote_zh")
        if quote not in texts[anchor]:
            raise entries.error(index, "quote_zh", f"quote {quote!r} is no longer in {slug}#{anchor}")
        value = _number(entries, index, "value")
        if _digits(value) not in _digits_in(quote):
            raise entries.error(index, "value", f"value {value} does not appear in its quote {quote!r}")
        comparator = entries.text(index, "comparator")
        if comparator not in COMPARATORS:
            raise entries.error(index, "comparator", f"comparator must be one of {' '.join(COMPARATORS)}")
        nature = entries.text(index, "nature")
        if nature not in NATURES:
            raise entries.error(index, "nature", f"nature must be one of {', '.join(NATURES)}")
        indicator = entries.text(index, "indicator", required=False)
        if indicator and indicator not in indicators:
            raise entries.error(index, "indicator", f"indicator {indicator!r} is not in indicators.toml")
        also_in = entries.texts(index, "also_in", texts, f"anchor {{value}} in also_in is not in {slug}")
        baseline = _number(entries, index, "baseline", required=False)
        baseline_year = _number(entries, index, "baseline_year", required=False)
        if (baseline is None) != (baseline_year is None):
            raise entries.error(index, "baseline", "`baseline` and `baseline_year` go together")
        baseline_anchor, baseline_quote = _baseline_source(entries, index, baseline, texts, slug)
        baseline_note_zh, baseline_note_en = _note_pair(entries, index, "baseline_note")
        target_id = entries.identifier(index) if "id" in entries.items[index] else ""
        unit_zh, unit_en = entries.text(index, "unit_zh"), entries.text(index, "unit_en")
        if _multiplier(unit_zh) != _english_multiplier(unit_en):
            raise entries.error(index, "unit_en", f"unit_en {unit_en!r} must name the multiplier of {unit_zh!r} ({_multiplier_name(unit_zh)})")
        target = Target(
            plan=slug, anchor=anchor,
            indicator_zh=entries.text(index, "indicator_zh"), indicator_en=entries.text(index, "indicator_en"),
            value=value, unit_zh=unit_zh, unit_en=unit_en,
            comparator=comparator, year=int(_number(entries, index, "year")),
            baseline=baseline, baseline_year=int(baseline_year) if baseline_year is not None else None,
            nature=nature, quote_zh=quote, indicator=indicator,
            url_zh=anchors.anchor_path(slug, anchor, "zh"), url_en=anchors.anchor_path(slug, anchor, "en"), also_in=also_in,
            id=target_id, baseline_quote_zh=baseline_quote, baseline_anchor=baseline_anchor,
            baseline_note_zh=baseline_note_zh, baseline_note_en=baseline_note_en,
            line=entries.starts[index] if index < len(entries.starts) else None,
        )
        target.figure_en = english_figure(target)
        targets.append(target)
    return targets


def _baseline_source(entries: Entries, index: int, baseline, texts: dict[str, str], slug: str) -> tuple[str, str]:
    """A baseline is quoted from the plan: the phrase must still be in its paragraph and give the value."""
    item = entries.items[index]
    if baseline is None:
        for key in ("baseline_anchor", "baseline_quote_zh"):
            if key in item:
                raise entries.error(index, key, f"`{key}` without a `baseline`")
        return "", ""
    anchor = entries.text(index, "baseline_anchor")
    if anchor not in texts:
        raise entries.error(index, "baseline_anchor", f"baseline anchor {anchor!r} is not a paragraph or table row of {slug}")
    quote = entries.text(index, "baseline_quote_zh")
    if quote not in texts[anchor]:
        raise entries.error(index, "baseline_quote_zh", f"baseline quote {quote!r} is no longer in {slug}#{anchor}")
    if _digits(baseline) not in _digits_in(quote):
        raise entries.error(index, "baseline", f"baseline {baseline} does not appear in its quote {quote!r}")
    return anchor, quote


def _note_pair(entries: Entries, index: int, key: str) -> tuple[str, str]:
    """An editorial note in both languages (`{key}_zh`, `{key}_en`): both or neither."""
    zh, en = entries.text(index, f"{key}_zh", required=False), entries.text(index, f"{key}_en", required=False)
    if bool(zh) != bool(en):
        raise entries.error(index, f"{key}_zh" if not zh else f"{key}_en", f"`{key}_zh` and `{key}_en` go together")
    return zh, en


def value_in_quote(value: float | int, quote: str) -> bool:
    """True when a quoted phrase prints the value (1.5 in '达到1.5件', not in '15')."""
    return _digits(value) in _digits_in(quote)


def unit_mismatch(unit_zh: str, unit_en: str) -> str:
    """Why `unit_en` does not name the multiplier of `unit_zh` (亿元 → 'CNY 100 million'), or ''."""
    if _multiplier(unit_zh) == _english_multiplier(unit_en):
        return ""
    return f"unit_en {unit_en!r} must name the multiplier of {unit_zh!r} ({_multiplier_name(unit_zh)})"


def _digits(value: float | int) -> str:
    return f"{value:g}"


def _digits_in(quote: str) -> list[str]:
    return [f"{float(number):g}" for number in re.findall(r"\d+(?:\.\d+)?", quote)]


def check_units(targets: list[Target], path: Path) -> None:
    """Targets compared on one chart must share a unit, or the bars would mislead."""
    units: dict[str, tuple[str, str]] = {}
    for target in targets:
        if not target.indicator:
            continue
        first = units.setdefault(target.indicator, (target.unit_zh, target.plan))
        if first[0] != target.unit_zh:
            raise InputError(
                path, None,
                f"indicator {target.indicator!r} mixes units: {first[0]!r} ({first[1]}) and {target.unit_zh!r} ({target.plan}#{target.anchor})",
            )


def targets_json(targets: list[Target]) -> str:
    return json.dumps([target.record() for target in targets], ensure_ascii=False, indent=1) + "\n"


def targets_csv(targets: list[Target]) -> str:
    """CSV with a BOM, so that Excel opens the Chinese columns as UTF-8."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for target in targets:
        writer.writerow({key: _csv_value(value) for key, value in target.record().items()})
    return "\ufeff" + buffer.getvalue()


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(value) if isinstance(value, list) else value


SYMBOLS = {"=": "", ">=": "≥ ", ">": "> ", "<=": "≤ ", "~": "≈ "}
# English prose states a comparison in words, never with a symbol (house-style.toml, [numbers]).
COMPARATOR_WORDS = {"=": "", ">=": "at least ", ">": "more than ", "<=": "at most ", "~": "about "}

# Units that are themselves a number (亿元, 万件): `value` stays in them, as printed, and
# `unit_en` names them the English way ("CNY 100 million", "10,000 trademarks"); the figure
# is written out in full as prose writes it ("CNY 2 billion", "31,700 trademarks").
MULTIPLIERS = {"亿": 100_000_000, "万": 10_000}
ENGLISH_MULTIPLIERS = (("CNY 100 million", 100_000_000), ("10,000 ", 10_000))
SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"))


def _multiplier(unit_zh: str) -> int:
    return MULTIPLIERS.get(unit_zh[:1], 1) if len(unit_zh) > 1 else 1


def _english_multiplier(unit_en: str) -> int:
    return next((factor for prefix, factor in ENGLISH_MULTIPLIERS if unit_en.startswith(prefix)), 1)


def _multiplier_name(unit_zh: str) -> str:
    factor = _multiplier(unit_zh)
    names = [prefix.strip() for prefix, size in ENGLISH_MULTIPLIERS if size == factor]
    return f"begin with {names[0]!r}" if names else "no multiplier"


def format_value(target: Target, lang: str) -> str:
    """'≥ 90%', '30亿元' in Chinese; the English figure ('at least 90%', 'CNY 3 billion') in English."""
    if lang == "zh":
        return f"{SYMBOLS[target.comparator]}{target.value:g}{target.unit_zh}"
    return target.figure_en or english_figure(target)


def english_figure(target: Target) -> str:
    """The target as English prose states it: 'more than CNY 2 billion', '31,700 registrations',
    '1.5 per 10,000 people'. Tables, charts and targets.json/csv `figure_en` all print this."""
    return COMPARATOR_WORDS[target.comparator] + english_value(target.value, target.unit_en)


def english_value(value: float | int, unit_en: str) -> str:
    """A stated figure (a target's, a baseline's, a reported outcome's) in English: '90%', 'CNY 3.68 billion'."""
    return english_amount(value, unit_en, "" if unit_en == "%" else " ")


def format_amount(value: float | int, unit_zh: str, unit_en: str, lang: str) -> str:
    """A baseline or outcome as printed: '1.34件' in Chinese, its English figure ('1.34 per 10,000 people')."""
    return f"{value:g}{unit_zh}" if lang == "zh" else english_value(value, unit_en)


def english_number(target: Target) -> str:
    """The figure without its comparator and counted noun: 'CNY 2 billion', '31,700', '1.5', '90%'.
    A paragraph that states the target must contain this (tests/test_house_style.py)."""
    if target.unit_en == "%":
        return f"{target.value:,g}%"
    amount = english_amount(target.value, target.unit_en)
    if amount.startswith("CNY "):
        return amount
    return amount.split(" ", 1)[0]


# How a paragraph may state a comparison: 以上 (inclusive) as "at least 200" / "200 or more",
# 超过/突破 as "more than" / "exceed", 左右 as "about" / "around". A 3-5 range is ">=" its floor.
PROSE_COMPARISONS = {
    "=": ("{n}",),
    ">=": ("at least {n}", "{n} or more", "{n} or above", "{n}–"),
    ">": ("more than {n}", "exceed {n}", "exceeds {n}", "over {n}"),
    "<=": ("at most {n}", "{n} or less", "no more than {n}"),
    "~": ("about {n}", "around {n}"),
}


def stated_in(target: Target, text: str) -> bool:
    """True when `text` (a paragraph's English) gives the target's number with its comparison."""
    # The whole number, not a piece of another one: 20 is not in 200 or 1.20.
    number = rf"(?<![\d.,]){re.escape(english_number(target))}(?!\d|[.,]\d)"
    forms = PROSE_COMPARISONS[target.comparator]
    return any(re.search(re.escape(form).replace(re.escape("{n}"), number), text) for form in forms)


def english_amount(value: float | int, unit: str, separator: str = " ") -> str:
    """A value in its English unit as prose writes it: 20 'CNY 100 million' → 'CNY 2 billion'."""
    for prefix, factor in ENGLISH_MULTIPLIERS:
        if unit.startswith(prefix):
            full = round(Decimal(str(value)) * factor)
            rest = unit[len(prefix):].strip()
            if prefix.startswith("CNY"):
                return "CNY " + _scaled(full)
            return f"{full:,} {rest}"
    return f"{value:,g}{separator}{unit}"


def _scaled(amount: int) -> str:
    for size, word in SCALES:
        if amount >= size:
            return f"{(Decimal(amount) / size).normalize():f} {word}"
    return f"{amount:,}"
