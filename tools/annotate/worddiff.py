"""What changed between two passages, word by word: jieba words for Chinese, words for English.

RapidFuzz's Indel opcodes (a maintained C++ implementation of the longest common subsequence
of two sequences of hashable items) compare the two word sequences: the earlier commit used the
standard library's difflib, whose longest-block search made the comparison pages cost 5.7 s of a
7.7 s pipeline on two long, rewritten plans. A longest common subsequence happily matches a
lone 的 or 和 in the middle of a rewritten clause, which chops one change into many marks; so,
as diff-match-patch's semantic clean-up does, an unchanged stretch that is no longer than the
changes on both sides of it is folded into them. Paragraph breaks are tokens of their own and
never folded, so a change never runs across paragraphs and each side keeps its paragraphs.
Identical passages give no marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

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
    result: list[Paragraph] = []
    runs: list[tuple[str, list[str]]] = []
    for kind, token in tagged:
        if token == BREAK:
            result.append([Run(k, "".join(parts)) for k, parts in runs])
            runs = []
        elif runs and runs[-1][0] == kind:
            runs[-1][1].append(token)
        else:
            runs.append((kind, [token]))
    result.append([Run(k, "".join(parts)) for k, parts in runs])
    return result


def _changed(tokens: list[str], kind: str) -> list[tuple[str, str]]:
    """A changed stretch: one mark over its words and the spaces between them; spaces at its
    edges stay plain (whitespace alone is never a change worth marking)."""
    words_at = [i for i, token in enumerate(tokens) if not token.isspace()]
    if not words_at:
        return [(EQUAL, token) for token in tokens]
    first, last = words_at[0], words_at[-1]
    return [(kind if first <= i <= last and token != BREAK else EQUAL, token) for i, token in enumerate(tokens)]


Segment = tuple[bool, list[str], list[str]]  # (unchanged?, earlier tokens, later tokens)


def _segments(a: list[str], b: list[str]) -> list[Segment]:
    """The two token sequences as alternating unchanged and changed stretches."""
    segments: list[Segment] = []
    for op in Indel.opcodes(a, b):
        equal = op.tag == "equal"
        old, new = a[op.src_start:op.src_end], b[op.dest_start:op.dest_end]
        if segments and segments[-1][0] == equal:
            segments[-1][1].extend(old)
            segments[-1][2].extend(new)
        else:
            segments.append((equal, old, new))
    return segments


def _size(tokens: list[str]) -> int:
    return sum(len(token) for token in tokens if not token.isspace())


def _fold_small_equalities(segments: list[Segment]) -> list[Segment]:
    """Fold an unchanged stretch between two changes into them when it is no longer than the
    change on either side (diff-match-patch's semantic rule), unless it holds a paragraph break."""
    sizes = [max(_size(old), _size(new)) for _, old, new in segments]
    result: list[Segment] = []
    for index, (equal, old, new) in enumerate(segments):
        inner = 0 < index < len(segments) - 1
        if equal and inner and BREAK not in old and sizes[index] <= min(sizes[index - 1], sizes[index + 1]):
            equal = False
        if result and not result[-1][0] and not equal:
            result[-1][1].extend(old)
            result[-1][2].extend(new)
        else:
            result.append((equal, list(old), list(new)))
    return result


def word_diff(earlier: list[str], later: list[str], lang: str) -> tuple[list[Paragraph], list[Paragraph]]:
    """The earlier paragraphs with their deleted words marked, and the later with their inserted words."""
    a, b = _tokens(earlier, lang), _tokens(later, lang)
    old: list[tuple[str, str]] = []
    new: list[tuple[str, str]] = []
    for equal, old_tokens, new_tokens in _fold_small_equalities(_segments(a, b)):
        if equal:
            old += [(EQUAL, token) for token in old_tokens]
            new += [(EQUAL, token) for token in new_tokens]
            continue
        old += _changed(old_tokens, DELETED)
        new += _changed(new_tokens, INSERTED)
    return _paragraphs(old), _paragraphs(new)


def changed_words(paragraphs: list[Paragraph], kind: str) -> list[str]:
    """The marked runs of one kind, in order (what a test or a reader counts as changed)."""
    return [run.text for paragraph in paragraphs for run in paragraph if run.kind == kind]
