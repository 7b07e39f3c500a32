"""What changed between two passages, word by word: jieba words for Chinese, words for English.

difflib's SequenceMatcher (the standard library's maintained diff, without its "junk"
heuristic, which would skip frequent words such as 知识产权) compares the two word sequences.
Paragraph breaks are tokens of their own, so a change never runs across paragraphs and each
side keeps its paragraphs. Identical passages give no marks.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from tools.annotate.similarity import jieba_words

BREAK = "\n"
EQUAL, INSERTED, DELETED = "equal", "inserted", "deleted"
_ENGLISH_TOKEN = re.compile(r"\s+|[\w’'-]+|[^\w\s]")


@dataclass(frozen=True)
class Run:
    kind: str  # EQUAL, INSERTED or DELETED
    text: str


Paragraph = list[Run]


def words(text: str, lang: str) -> list[str]:
    """Tokens that together spell `text` exactly (spaces are tokens, so nothing is lost)."""
    return jieba_words(text) if lang == "zh" else _ENGLISH_TOKEN.findall(text)


def _tokens(paragraphs: list[str], lang: str) -> list[str]:
    tokens: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index:
            tokens.append(BREAK)
        tokens += words(paragraph, lang)
    return tokens


def _paragraphs(tagged: list[tuple[str, str]]) -> list[Paragraph]:
    """Tagged tokens → paragraphs of runs (neighbouring tokens of one kind joined)."""
    result: list[Paragraph] = [[]]
    for kind, token in tagged:
        if token == BREAK:
            result.append([])
            continue
        runs = result[-1]
        if runs and runs[-1].kind == kind:
            runs[-1] = Run(kind, runs[-1].text + token)
        else:
            runs.append(Run(kind, token))
    return result


def _changed(tokens: list[str], kind: str) -> list[tuple[str, str]]:
    """A changed stretch: one mark over its words and the spaces between them; spaces at its
    edges stay plain (whitespace alone is never a change worth marking)."""
    words_at = [i for i, token in enumerate(tokens) if not token.isspace()]
    if not words_at:
        return [(EQUAL, token) for token in tokens]
    first, last = words_at[0], words_at[-1]
    return [(kind if first <= i <= last and token != BREAK else EQUAL, token) for i, token in enumerate(tokens)]


def word_diff(earlier: list[str], later: list[str], lang: str) -> tuple[list[Paragraph], list[Paragraph]]:
    """The earlier paragraphs with their deleted words marked, and the later with their inserted words."""
    a, b = _tokens(earlier, lang), _tokens(later, lang)
    old: list[tuple[str, str]] = []
    new: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            old += [(EQUAL, token) for token in a[i1:i2]]
            new += [(EQUAL, token) for token in b[j1:j2]]
            continue
        old += _changed(a[i1:i2], DELETED)
        new += _changed(b[j1:j2], INSERTED)
    return _paragraphs(old), _paragraphs(new)


def changed_words(paragraphs: list[Paragraph], kind: str) -> list[str]:
    """The marked runs of one kind, in order (what a test or a reader counts as changed)."""
    return [run.text for paragraph in paragraphs for run in paragraph if run.kind == kind]
