"""The glossary (sources/glossary.toml): terms, how they are found in text, where each is used.

Chinese has no spaces, so a term such as 贯标 must be found in the middle of 开展知识产权贯标工作.
Python's `\\b` counts CJK characters as word characters and would miss it, so boundaries are
only required at the ends of a form that are themselves Latin letters or digits (PCT, 12330).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.common.tomldata import Entries
from tools.model.document import Plan, regions

WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class Note:
    """What a term means in one plan, beyond the definition that holds for every plan."""

    plan: str
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


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
    notes: list[Note] = field(default_factory=list)

    def forms(self, lang: str) -> list[str]:
        return [self.zh, *self.aliases_zh] if lang == "zh" else [self.en, *self.aliases_en]

    def definition(self, lang: str) -> str:
        return self.definition_zh if lang == "zh" else self.definition_en

    def note_for(self, plan: str | None) -> Note | None:
        return next((note for note in self.notes if note.plan == plan), None)

    def tooltip(self, lang: str, plan: str | None = None) -> str:
        """The tooltip: the definition, the note for `plan` (the plan whose text the term is in)
        and no other plan's, then the other language's headword for bilingual readers."""
        note = self.note_for(plan)
        if lang == "zh":
            return self.definition_zh + (note.zh if note else "") + f"（{self.en}）"
        return self.definition_en + (f" {note.en}" if note else "") + f" ({self.zh})"

    @classmethod
    def from_record(cls, record: dict) -> Term:
        """A term as published in data/glossary.json (what the site's tooltips read inside MkDocs)."""
        fields = {name: record[name] for name in ("id", "zh", "en", "aliases_zh", "aliases_en", "definition_zh", "definition_en", "source")}
        return cls(**fields, notes=[Note(note["plan"], note["zh"], note["en"]) for note in record.get("notes", [])])


def load_notes(entries: Entries, index: int, plans: set[str] | None) -> list[Note]:
    """A term's `[[term.notes]]`: for each named plan, what the term means there (both languages)."""
    raw = entries.items[index].get("notes", [])
    if not isinstance(raw, list) or not all(isinstance(note, dict) for note in raw):
        raise entries.error(index, "notes", "`notes` must be [[term.notes]] tables with plan, zh and en")
    notes, seen = [], set()
    for note in raw:
        values = {key: note.get(key) for key in ("plan", "zh", "en")}
        unknown = set(note) - set(values)
        if unknown or not all(isinstance(value, str) and value.strip() for value in values.values()):
            raise entries.error(index, "plan", f"a note of term {entries.items[index].get('id')!r} needs plan, zh and en texts only")
        slug = values["plan"].strip()
        if plans is not None and slug not in plans:
            raise entries.error(index, "plan", f"note for unknown plan {slug!r} (known: {', '.join(sorted(plans))})")
        if slug in seen:
            raise entries.error(index, "plan", f"two notes for plan {slug!r}")
        seen.add(slug)
        notes.append(Note(slug, values["zh"].strip(), values["en"].strip()))
    return notes


def load_glossary(path: Path, plans: set[str] | None = None) -> list[Term]:
    """The glossary; with `plans`, every note must name one of them."""
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
            notes=load_notes(entries, index, plans),
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
            "notes": [{"plan": note.plan, "zh": note.zh, "en": note.en} for note in term.notes],
        }
        for term in terms
    ]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def abbreviation_lines(terms: list[Term], lang: str, page_text: str, plan: str | None = None) -> list[str]:
    """Python-Markdown abbreviation definitions (*[form]: tooltip) for the terms on one page.

    `plan`: the page's plan, whose notes the tooltips carry (None on a page of several plans:
    the definition only; tools/site/tooltips.py adds each passage's note by its data-plan)."""
    finder = TermFinder(terms, lang)
    folded = page_text.casefold()
    lines = []
    for term in finder.terms_in(page_text):
        for form in term.forms(lang):
            if form.casefold() in folded:
                lines.append(f"*[{form}]: {_one_line(term.tooltip(lang, plan))}")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())
