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
NATURES = ("expected", "binding", "unspecified")
# The order of the published columns (targets.json keys, targets.csv header): the published
# contract first, then the comparison key, the two page links and the other places that restate the target.
FIELDS = (
    "plan", "anchor", "indicator_zh", "indicator_en", "value", "unit_zh", "unit_en", "comparator",
    "year", "baseline", "baseline_year", "nature", "quote_zh", "indicator", "url_zh", "url_en", "also_in",
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

    def record(self) -> dict:
        data = asdict(self)
        return {key: data[key] for key in FIELDS}


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
        targets.append(Target(
            plan=slug, anchor=anchor,
            indicator_zh=entries.text(index, "indicator_zh"), indicator_en=entries.text(index, "indicator_en"),
            value=value, unit_zh=entries.text(index, "unit_zh"), unit_en=entries.text(index, "unit_en"),
            comparator=comparator, year=int(_number(entries, index, "year")),
            baseline=baseline, baseline_year=int(baseline_year) if baseline_year is not None else None,
            nature=nature, quote_zh=quote, indicator=indicator,
            url_zh=anchors.anchor_path(slug, anchor, "zh"), url_en=anchors.anchor_path(slug, anchor, "en"), also_in=also_in,
        ))
    return targets


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
    return " ".join(value) if isinstance(value, list) else value


SYMBOLS = {"=": "", ">=": "≥ ", ">": "> ", "<=": "≤ ", "~": "≈ "}


# English units that are themselves a number (亿元, 万件): `value` stays in them, as printed,
# and the page writes the product the way English prose does (house-style.toml, [numbers]).
MULTIPLIERS = (("100 million ", 100_000_000), ("10,000 ", 10_000))
SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"))


def format_value(target: Target, lang: str) -> str:
    """'≥ 90%', '1.5件', '30亿元' / 'CNY 3 billion', '3.17万件' / '31,700 items', as readers expect them."""
    unit = target.unit_zh if lang == "zh" else target.unit_en
    if lang == "zh":
        return f"{SYMBOLS[target.comparator]}{target.value:g}{unit}"
    separator = "" if unit == "%" else " "
    return f"{SYMBOLS[target.comparator]}{english_amount(target.value, unit, separator)}"


def english_amount(value: float | int, unit: str, separator: str = " ") -> str:
    """A value in its English unit as prose writes it: 20 '100 million yuan' → 'CNY 2 billion'."""
    for prefix, factor in MULTIPLIERS:
        if unit.startswith(prefix):
            full = round(Decimal(str(value)) * factor)
            rest = unit[len(prefix):]
            if rest == "yuan":
                return "CNY " + _scaled(full)
            return f"{full:,} {rest}"
    return f"{value:g}{separator}{unit}"


def _scaled(amount: int) -> str:
    for size, word in SCALES:
        if amount >= size:
            return f"{(Decimal(amount) / size).normalize():f} {word}"
    return f"{amount:,}"
