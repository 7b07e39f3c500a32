"""The English review report: for each plan, what a reviewer of the translation should look at.

- units whose English is much shorter or longer than the Chinese (the [review] rule in
  sources/house-style.toml: a possible omission, or an addition the translator did not mark);
- the translator's notes, with what they annotate;
- numbers of the Chinese that the English does not give (the number rule of translations.py);
- breaks of the house style (the checks of house_style.py, which the tests also run).

`python -m tools review` (`make review`) writes it as Markdown under dist/, outside the site.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from tools.annotate import house_style
from tools.annotate.translations import Entry, for_plan, missing_numbers, notes_of, translation_units, without_notes
from tools.common.tomldata import load_toml
from tools.model.document import Plan


@dataclass(frozen=True)
class LengthRule:
    min_zh: int  # shorter units are too short for a ratio to mean anything
    low: float  # flagged below low × the median ratio
    high: float  # and above high × the median ratio


@dataclass
class Flagged:
    key: str
    zh_chars: int
    en_chars: int
    ratio: float
    zh: str
    en: str


@dataclass
class PlanReview:
    slug: str
    title: str
    short: list[Flagged] = field(default_factory=list)
    long: list[Flagged] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)
    style: list[str] = field(default_factory=list)


def load_rule(style_path: Path) -> LengthRule:
    data, _ = load_toml(style_path)
    review = data["review"]
    return LengthRule(int(review["min_zh"]), float(review["low"]), float(review["high"]))


def length_ratio(zh: str, en: str) -> float:
    """English characters (notes removed) per Chinese character."""
    return len(without_notes(en)) / len(zh)


def median_ratio(units: list[tuple[str, str]], rule: LengthRule) -> float:
    """The median ratio of (zh, en) units long enough to count; the yardstick of the rule."""
    ratios = [length_ratio(zh, en) for zh, en in units if len(zh) >= rule.min_zh and en.strip()]
    return statistics.median(ratios) if ratios else 0.0


def out_of_proportion(key: str, zh: str, en: str, rule: LengthRule, median: float) -> str:
    """'short', 'long' or '' for one unit."""
    if len(zh) < rule.min_zh or not en.strip():
        return ""
    ratio = length_ratio(zh, en)
    if ratio < rule.low * median:
        return "short"
    if ratio > rule.high * median:
        return "long"
    return ""


def _pairs(plan: Plan, english: dict[str, Entry]) -> list[tuple[str, str, str]]:
    return [(key, zh, english[key].en if key in english else "") for key, zh in translation_units(plan)]


def review_plans(plans: list[Plan], style: house_style.HouseStyle, rule: LengthRule) -> tuple[float, list[PlanReview]]:
    """The median ratio over all plans, and each plan's findings."""
    english = {plan.data.slug: for_plan(plan) for plan in plans}
    pairs = {plan.data.slug: _pairs(plan, english[plan.data.slug]) for plan in plans}
    median = median_ratio([(zh, en) for found in pairs.values() for _, zh, en in found], rule)
    reviews = []
    for plan in plans:
        slug, units = plan.data.slug, pairs[plan.data.slug]
        review = PlanReview(slug, plan.data.title_zh)
        for key, zh, en in units:
            kind = out_of_proportion(key, zh, en, rule, median)
            if kind:
                getattr(review, kind).append(Flagged(key, len(zh), len(without_notes(en)), length_ratio(zh, en), zh, without_notes(en)))
            lost = missing_numbers(zh, without_notes(en))
            if lost:
                review.missing[key] = lost
        review.notes = notes_of(english[slug], [key for key, _, _ in units])
        review.style = _style_problems(plan, english[slug], style)
        reviews.append(review)
    return median, reviews


def _style_problems(plan: Plan, english: dict[str, Entry], style: house_style.HouseStyle) -> list[str]:
    problems = [f"{key}: heading case, expected {fixed!r}" for key, fixed in house_style.heading_problems(english, style).items()]
    problems += [f"{key}: curly quotes" for key in house_style.quote_problems(english, style)]
    problems += [f"{key}: spelling {words}" for key, words in house_style.spelling_problems(english, style).items()]
    problems += house_style.term_problems(english, style, plan.data.slug)
    problems += [f"period name {problem}" for problem in house_style.period_problems(plan, english, style)]
    return problems


def _link(slug: str, key: str) -> str:
    """The unit's key, which is its anchor on /en/<slug>/ for paragraphs and headings."""
    return f"`{key}`"


def render(median: float, reviews: list[PlanReview], rule: LengthRule) -> str:
    out = [
        "# English review report",
        "",
        "Generated by `python -m tools review`; not part of the site.",
        "",
        f"Length rule: English characters (translator's notes removed) per Chinese character. Units with at least "
        f"{rule.min_zh} Chinese characters are listed when the ratio is below {rule.low:g} × or above {rule.high:g} × "
        f"the median of all such units ({median:.2f}), that is below {rule.low * median:.2f} or above {rule.high * median:.2f}.",
        "",
        "| plan | much shorter | much longer | translator's notes | numbers missing | house style |",
        "|---|---|---|---|---|---|",
    ]
    for review in reviews:
        out.append(f"| {review.slug} | {len(review.short)} | {len(review.long)} | {len(review.notes)} | "
                   f"{sum(len(v) for v in review.missing.values())} | {len(review.style)} |")
    out.append("")
    for review in reviews:
        out += [f"## {review.slug}", "", review.title, ""]
        out += _flagged("Much shorter than the Chinese", review.slug, review.short)
        out += _flagged("Much longer than the Chinese", review.slug, review.long)
        out += [f"### Translator's notes ({len(review.notes)})", ""]
        out += [f"- {_link(review.slug, key)}: {note}" for key, note in review.notes] or ["None."]
        out += ["", "### Numbers in the Chinese not found in the English", ""]
        out += [f"- {_link(review.slug, key)}: {', '.join(lost)}" for key, lost in review.missing.items()] or ["None."]
        out += ["", "### House style", ""]
        out += [f"- {problem}" for problem in review.style] or ["None."]
        out.append("")
    return "\n".join(out)


def _flagged(title: str, slug: str, units: list[Flagged]) -> list[str]:
    out = [f"### {title} ({len(units)})", ""]
    if not units:
        return out + ["None.", ""]
    out += ["| unit | Chinese chars | English chars | ratio |", "|---|---|---|---|"]
    out += [f"| {_link(slug, f.key)} | {f.zh_chars} | {f.en_chars} | {f.ratio:.2f} |" for f in units]
    out.append("")
    for f in units:
        out += [f"- {_link(slug, f.key)}", f"  - zh: {f.zh}", f"  - en: {f.en}"]
    return out + [""]


def write_report(plans: list[Plan], style_path: Path, terminology_path: Path, out: Path) -> list[PlanReview]:
    rule = load_rule(style_path)
    style = house_style.load(style_path, terminology_path)
    median, reviews = review_plans(plans, style, rule)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(median, reviews, rule), encoding="utf-8")
    return reviews
