"""The house style of the English translation (sources/house-style.toml, terminology.toml):
load it, and find where a translation breaks it. The tests and the review report share these checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.annotate.translations import Entry, without_notes
from tools.common.tomldata import load_toml
from tools.model.document import Plan

HEADING_KEY = re.compile(r"s\d+(?:-\d+)*|box-\d+-title|table-\d+-caption")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


@dataclass
class PeriodName:
    zh: str
    changed: str  # YYYY-MM: plans dated before this use `before`
    before: str
    after: str
    before_forms: list[str]
    after_forms: list[str]


@dataclass
class Term:
    zh: str
    en: str
    forms: list[str]  # grammatical variants of the one rendering (plural, verb form)
    avoid: list[str]  # other renderings once used, now wrong
    required: bool  # every unit whose Chinese has the term must use the rendering or a form
    plans: list[str] = field(default_factory=list)  # where the rendering holds (a term whose sense is the plan's: 强区), else everywhere


@dataclass
class HouseStyle:
    proper: list[str]
    quotes: list[str]
    spelling: list[tuple[re.Pattern, str]]
    period_names: list[PeriodName]
    terms: list[Term] = field(default_factory=list)


def load(style_path: Path, terminology_path: Path) -> HouseStyle:
    data, _ = load_toml(style_path)
    terms_data, _ = load_toml(terminology_path)
    return HouseStyle(
        proper=sorted(data["headings"]["proper"], key=len, reverse=True),
        quotes=data["quotes"]["forbidden"],
        spelling=[(re.compile(pattern), fix) for pattern, fix in data["spelling"]["forbidden"]],
        period_names=[PeriodName(**entry) for entry in data.get("period_name", [])],
        terms=[Term(t["zh"], t["en"], t.get("forms", []), t.get("avoid", []), t.get("required", False), t.get("plans", []))
               for t in terms_data["term"]],
    )


# -- headings -----------------------------------------------------------------------
def _protected(text: str, style: HouseStyle) -> list[tuple[int, int]]:
    """Spans whose case is fixed: proper names and quoted titles."""
    spans = [m.span() for m in QUOTED.finditer(text)]
    for phrase in style.proper:
        spans.extend(m.span() for m in re.finditer(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", text))
    return spans


def sentence_case(text: str, style: HouseStyle) -> str:
    """The heading in sentence case: only the first word, names and acronyms keep a capital."""
    spans = _protected(text, style)
    out = list(text)
    for index, match in enumerate(WORD.finditer(text)):
        if index == 0 or any(start <= match.start() < end for start, end in spans):
            continue
        for part in re.finditer(r"[A-Za-z]+", match.group(0)):
            word = part.group(0)
            if word.isupper() and len(word) > 1 or not word[0].isupper():
                continue  # an acronym (IP, CPC), or already lower case
            out[match.start() + part.start()] = word[0].lower()
    return "".join(out)


def heading_problems(english: dict[str, Entry], style: HouseStyle) -> dict[str, str]:
    """Headings that break sentence case, with the form they should have."""
    return {key: sentence_case(entry.en, style) for key, entry in english.items()
            if HEADING_KEY.fullmatch(key) and sentence_case(entry.en, style) != entry.en}


# -- quotes and spelling ------------------------------------------------------------------
def quote_problems(english: dict[str, Entry], style: HouseStyle) -> list[str]:
    return [key for key, entry in english.items() if any(mark in entry.en for mark in style.quotes)]


def spelling_problems(english: dict[str, Entry], style: HouseStyle) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, entry in english.items():
        text = entry.en
        for phrase in style.proper:
            text = text.replace(phrase, "")
        bad = [match.group(0) for pattern, _ in style.spelling for match in pattern.finditer(text)]
        if bad:
            found[key] = bad
    return found


# -- terms and period names ---------------------------------------------------------------
def _has(text: str, form: str) -> bool:
    folded = text.casefold()
    return any(variant.casefold() in folded for variant in spelled_out(form))


def spelled_out(form: str) -> list[str]:
    """A rendering and its spelled-out forms: "IP" is written "intellectual property" in titles
    and "intellectual property (IP)" at first use in a block (terminology.toml, 知识产权), so
    "region of IP power" and "region of intellectual property (IP) power" are one rendering."""
    variants = [form]
    if re.search(r"\bIP\b", form):
        variants += [re.sub(r"\bIP\b", "intellectual property", form), re.sub(r"\bIP\b", "intellectual property (IP)", form)]
    return variants


def term_problems(english: dict[str, Entry], style: HouseStyle, plan: str | None = None) -> list[str]:
    """Units where a term of the table is rendered another way: an avoided form, or (for
    `required` terms) none of the agreed forms. Terms scoped to some plans (`plans`) are
    checked only in those plans' translations (`plan`, the slug)."""
    problems = []
    terms = [term for term in style.terms if not term.plans or plan in term.plans]
    for key, entry in english.items():
        text = without_notes(entry.en)
        for term in terms:
            if term.zh not in _outside_longer_terms(entry.zh, term, terms):
                continue
            for wrong in term.avoid:
                if _has(text, wrong):
                    problems.append(f"{key}: {term.zh} as {wrong!r}, not {term.en!r}")
            if term.required and not any(_has(text, form) for form in [term.en, *term.forms]):
                problems.append(f"{key}: {term.zh} is not rendered {term.en!r}")
    return problems


def _outside_longer_terms(chinese: str, term: Term, terms: list[Term]) -> str:
    """The Chinese without the longer terms that contain this one: as in OpenCC's longest
    match, the compound decides the sense (五位一体、融通增效 is not the Party's 五位一体)."""
    for longer in terms:
        if term.zh in longer.zh and longer.zh != term.zh:
            chinese = chinese.replace(longer.zh, "")
    return chinese


def plan_date(plan: Plan) -> str:
    """YYYY-MM(-DD) the plan speaks from: written, else published, else the start of its period."""
    data = plan.data
    return data.date_written or data.date_published or f"{data.period[0]}-01"


def period_problems(plan: Plan, english: dict[str, Entry], style: HouseStyle) -> list[str]:
    """Units that name an institution by a name it did not have at the plan's date."""
    date = plan_date(plan)
    problems = []
    for name in style.period_names:
        wrong = name.after_forms if date < name.changed else name.before_forms
        for key, entry in english.items():
            problems.extend(f"{key}: {form!r}" for form in wrong if form in entry.en)
    return problems
