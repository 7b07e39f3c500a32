"""The glossary (sources/glossary.toml): terms, how they are found in text, where each is used.

Chinese has no spaces, so a term such as 贯标 must be found in the middle of 开展知识产权贯标工作.
Python's `\\b` counts CJK characters as word characters and would miss it, so boundaries are
only required at the ends of a form that are themselves Latin letters or digits (PCT, 12330).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from tools.common.tomldata import Entries
from tools.model.document import Plan, regions

WORD_CHAR = re.compile(r"[A-Za-z0-9_]")


@dataclass
class Term:
    id: str
    zh: str
    en: str
    aliases_zh: list[str]
    aliases_en: list[str]
    definition_zh: str
    definition_en: str
    source: str
    line: int | None = None

    def forms(self, lang: str) -> list[str]:
        return [self.zh, *self.aliases_zh] if lang == "zh" else [self.en, *self.aliases_en]

    def definition(self, lang: str) -> str:
        return self.definition_zh if lang == "zh" else self.definition_en

    def tooltip(self, lang: str) -> str:
        """The tooltip: the definition, with the other language's headword for bilingual readers."""
        return f"{self.definition_zh}（{self.en}）" if lang == "zh" else f"{self.definition_en} ({self.zh})"


def load_glossary(path: Path) -> list[Term]:
    if not path.exists():
        return []
    entries = Entries(path, "term")
    terms = []
    for index, _item in entries:
        terms.append(Term(
            id=entries.identifier(index),
            zh=entries.text(index, "zh"),
            en=entries.text(index, "en"),
            aliases_zh=entries.texts(index, "aliases_zh"),
            aliases_en=entries.texts(index, "aliases_en"),
            definition_zh=entries.text(index, "definition_zh"),
            definition_en=entries.text(index, "definition_en"),
            source=entries.text(index, "source", required=False),
            line=entries.starts[index] if index < len(entries.starts) else None,
        ))
    return terms


def form_pattern(form: str) -> str:
    """A regex for one written form, with word boundaries only at Latin/digit ends."""
    pattern = re.escape(form)
    if re.search(r"[A-Za-z]", form):
        pattern = f"(?i:{pattern})"  # English forms match whatever their case in running text
    if WORD_CHAR.match(form[0]):
        pattern = r"(?<![A-Za-z0-9_])" + pattern
    if WORD_CHAR.match(form[-1]):
        pattern += r"(?![A-Za-z0-9_])"
    return pattern


def forms_regex(forms) -> re.Pattern[str]:
    """One regex for many forms; longer forms first, so 地理标志专用标志 wins over 地理标志."""
    return _compiled(tuple(sorted(set(forms), key=lambda form: (-len(form), form))))


@functools.lru_cache(maxsize=4096)
def _compiled(ordered: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(form_pattern(form) for form in ordered))


class TermFinder:
    """Finds the glossary terms in a text, in one language."""

    def __init__(self, terms: list[Term], lang: str) -> None:
        self.by_form = {form.casefold(): term for term in terms for form in term.forms(lang)}

    def terms_in(self, text: str) -> list[Term]:
        # A regex of all ~250 forms is slow on long texts; only the forms that occur as
        # substrings go into the regex, which then applies boundaries and longest match.
        folded = text.casefold()
        candidates = [form for form in self.by_form if form in folded]
        if not candidates:
            return []
        found: dict[str, Term] = {}
        for match in forms_regex(candidates).finditer(text):
            term = self.by_form[match.group(0).casefold()]
            found.setdefault(term.id, term)
        return list(found.values())


def used_in(terms: list[Term], plans: list[Plan]) -> dict[str, list[dict[str, str]]]:
    """Term id → every {plan, anchor} region whose Chinese text uses the term, in reading order."""
    finder = TermFinder(terms, "zh")
    uses: dict[str, list[dict[str, str]]] = {term.id: [] for term in terms}
    for plan in plans:
        for anchor, text in regions(plan):
            for term in finder.terms_in(text):
                uses[term.id].append({"plan": plan.data.slug, "anchor": anchor})
    return uses


def glossary_json(terms: list[Term], uses: dict[str, list[dict[str, str]]]) -> str:
    records = [
        {
            "id": term.id,
            "zh": term.zh,
            "en": term.en,
            "aliases_zh": term.aliases_zh,
            "aliases_en": term.aliases_en,
            "definition_zh": term.definition_zh,
            "definition_en": term.definition_en,
            "source": term.source,
            "used_in": uses[term.id],
        }
        for term in terms
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def abbreviation_lines(terms: list[Term], lang: str, page_text: str) -> list[str]:
    """Python-Markdown abbreviation definitions (*[form]: tooltip) for the terms on one page."""
    finder = TermFinder(terms, lang)
    folded = page_text.casefold()
    lines = []
    for term in finder.terms_in(page_text):
        for form in term.forms(lang):
            if form.casefold() in folded:
                lines.append(f"*[{form}]: {_one_line(term.tooltip(lang))}")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())
