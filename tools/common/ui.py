"""Interface strings. sources/ui.toml is their only home; this module reads it and picks a language.

Every generated page, the citation rule and assets/site.js (through the generated
assets/site-data.js) take their words from here, so a label is changed in one place.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from tools.common.errors import InputError
from tools.common.tomldata import load_toml, table_line

LANGS = ("zh", "en")
OTHER = {"zh": "en", "en": "zh"}
HTML_LANG = {"zh": "zh-Hans", "en": "en"}


def pick(lang: str, zh: str, en: str) -> str:
    """The one place that chooses between a Chinese and an English value."""
    return zh if lang == "zh" else en


def localized(record: object, field: str, lang: str) -> str:
    """`record.<field>_zh` or `record.<field>_en`: the house convention for bilingual facts."""
    return getattr(record, f"{field}_{lang}")


def count_word(labels: dict[str, str], n: int) -> str:
    """How many plans, as the page's language writes it (五部, five), in digits past the listed words.

    Every count of the plans on a page, in a meta tag or in a feed is this word for the number
    of plans built, never a number written into a string.
    """
    words = labels["count_words"].split()
    return words[n] if n < len(words) else str(n)


@dataclass(frozen=True)
class Strings:
    """The interface strings of both languages, as read from one ui.toml."""

    path: Path
    table: dict[str, dict[str, str]]

    def get(self, lang: str, key: str, **values: object) -> str:
        text = self.table[lang][key]
        return text.format(**values) if values else text

    def of(self, lang: str) -> dict[str, str]:
        return self.table[lang]


@functools.cache
def load_strings(path: Path) -> Strings:
    """Read ui.toml; both languages must define the same keys, so no page falls back silently."""
    data, raw = load_toml(path)
    for lang in LANGS:
        if not isinstance(data.get(lang), dict):
            raise InputError(path, table_line(raw, lang), f"ui strings need a [{lang}] table")
    for lang in LANGS:
        missing = sorted(set(data[OTHER[lang]]) - set(data[lang]))
        if missing:
            raise InputError(path, table_line(raw, lang), f"[{lang}] lacks {', '.join(missing)}")
    return Strings(path, {lang: {key: str(value) for key, value in data[lang].items()} for lang in LANGS})
