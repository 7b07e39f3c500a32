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

WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


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
        ))
    return terms


class TermMatcher:
    """Finds written forms in a text in one left-to-right pass, longest form first at each position.

    The forms sit in a character trie, so each position of the text costs a walk of the
    few characters that still match, whatever the size of the glossary. English forms match
    whatever their case in running text (the trie and the walk both use lower case, which
    leaves Chinese untouched); a form that begins or ends with a Latin letter or digit must
    not continue a Latin word there (PCT, not PCTX).
    """

    END = ""  # the trie key that marks a complete form

    def __init__(self, forms) -> None:
        self.trie: dict = {}
        for form in sorted(set(forms)):  # sorted: the same form wins on every run when two differ only in case
            node = self.trie
            for char in form.lower():
                node = node.setdefault(char, {})
            node[self.END] = form

        # Positions where a form could begin, found by the regex engine in C; the trie walk
        # then runs only there. A Latin or digit first character counts only at the start of
        # a word, so English text is not walked at every letter.
        word_starts = sorted(char for char in self.trie if char in WORD_CHARS)
        other_starts = sorted(char for char in self.trie if char not in WORD_CHARS)
        alternatives = []
        if word_starts:
            alternatives.append("(?<![A-Za-z0-9_])[" + "".join(re.escape(char) for char in word_starts) + "]")
        if other_starts:
            alternatives.append("[" + "".join(re.escape(char) for char in other_starts) + "]")
        self.starts = re.compile("|".join(alternatives)) if alternatives else None

    def finditer(self, text: str):
        """(start, end, form) of each match, in order, never overlapping."""
        if self.starts is None:
            return
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer: match as written
            lowered = text
        size, resume = len(text), 0
        for candidate in self.starts.finditer(lowered):
            start = candidate.start()
            if start < resume:
                continue
            if start and text[start - 1] in WORD_CHARS and text[start] in WORD_CHARS:
                continue  # inside a Latin word: no form may begin here
            node, found, index = self.trie, None, start
            while index < size:
                node = node.get(lowered[index])
                if node is None:
                    break
                index += 1
                form = node.get(self.END)
                if form is not None and not (index < size and text[index] in WORD_CHARS and text[index - 1] in WORD_CHARS):
                    found = (start, index, form)
            if found:
                resume = found[1]
                yield found


@functools.lru_cache(maxsize=64)
def matcher(forms: tuple[str, ...]) -> TermMatcher:
    return TermMatcher(forms)


class TermFinder:
    """Finds the glossary terms in a text, in one language."""

    def __init__(self, terms: list[Term], lang: str) -> None:
        self.by_form = {form.casefold(): term for term in terms for form in term.forms(lang)}
        self.matcher = matcher(tuple(sorted({form for term in terms for form in term.forms(lang)})))

    def terms_in(self, text: str) -> list[Term]:
        found: dict[str, Term] = {}
        for _, _, form in self.matcher.finditer(text):
            term = self.by_form[form.casefold()]
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
