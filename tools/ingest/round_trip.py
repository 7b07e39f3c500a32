"""The OpenCC round trip: mainland simplified text → `s2twp` → a converter back, and what does
not come back, word by word, told apart into the reviewed losses (sources/opencc/round-trip-losses.toml:
s2twp's many-to-one forms, which no converter can undo) and everything else.

The texts are compared clause by clause (the conversions keep punctuation); inside a clause
the two are walked side by side, and where they part, a reviewed loss must account for the
difference (its mainland word in the original where its kept word stands in the result).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import opencc

from tools.common.errors import InputError
from tools.common.paths import SOURCES
from tools.common.tomldata import entry_line, line_of, load_toml

LOSSES_NAME = "round-trip-losses.toml"
KINDS = ("many-to-one", "taiwan-sense")
CLAUSE_BREAK = re.compile(r"[\n，。、；：？！（）《》“”,;:()]")
BACKTRACK = 3  # a loss may begin up to this many (equal) characters before the first difference


@dataclass(frozen=True)
class Loss:
    taiwan: str
    mainland: tuple[str, ...]
    kept: str
    kind: str


@dataclass
class Comparison:
    """Words that did not come back: accounted for by a loss (counted by (mainland, kept)), or not."""

    lost: Counter = field(default_factory=Counter)
    unexplained: list[tuple[str, str]] = field(default_factory=list)  # (original clause, clause returned)

    @property
    def lost_words(self) -> int:
        return sum(self.lost.values())

    def add(self, other: Comparison) -> None:
        self.lost.update(other.lost)
        self.unexplained.extend(other.unexplained)


def load_losses(opencc_dir: Path = SOURCES.opencc) -> list[Loss]:
    path = opencc_dir / LOSSES_NAME
    data, raw = load_toml(path)
    losses = []
    for entry in data.get("loss", []):
        try:
            loss = Loss(entry["taiwan"], tuple(entry["mainland"]), entry["kept"], entry["kind"])
        except KeyError:
            line = entry_line(raw, "taiwan", entry.get("taiwan")) or line_of(raw, "taiwan")
            raise InputError(path, line, "a [[loss]] needs taiwan, mainland, kept and kind") from None
        if loss.kind not in KINDS:
            raise InputError(path, entry_line(raw, "taiwan", loss.taiwan), f"kind {loss.kind!r} is not one of {', '.join(KINDS)}")
        losses.append(loss)
    return losses


def to_taiwan(text: str) -> str:
    return opencc.OpenCC("s2twp").convert(text)


def compare(original: str, back: str, losses: list[Loss]) -> Comparison:
    """Every difference between a mainland text and what came back from its Taiwan form."""
    result = Comparison()
    pairs = [(mainland, loss.kept) for loss in losses for mainland in loss.mainland if mainland != loss.kept]
    pairs.sort(key=lambda pair: -len(pair[0]))
    ours, theirs = CLAUSE_BREAK.split(original), CLAUSE_BREAK.split(back)
    if len(ours) != len(theirs):
        result.unexplained.append((original[:60], back[:60]))
        return result
    for clause, returned in zip(ours, theirs, strict=True):
        if clause != returned:
            _walk(clause, returned, pairs, result)
    return result


def _walk(clause: str, returned: str, pairs: list[tuple[str, str]], result: Comparison) -> None:
    i = j = 0
    while i < len(clause) or j < len(returned):
        if i < len(clause) and j < len(returned) and clause[i] == returned[j]:
            i, j = i + 1, j + 1
            continue
        for back in range(min(BACKTRACK, i, j) + 1):
            # The loss must reach the difference (one lying wholly in the equal part before it explains nothing).
            found = next(((mainland, kept) for mainland, kept in pairs
                          if clause.startswith(mainland, i - back) and returned.startswith(kept, j - back)
                          and (len(mainland) > back or len(kept) > back)), None)
            if found:
                result.lost[found] += 1
                i, j = i - back + len(found[0]), j - back + len(found[1])
                break
        else:
            result.unexplained.append((clause, returned))
            return


def round_trip(texts: list[str], convert, losses: list[Loss]) -> Comparison:
    """Each mainland text → s2twp → `convert`, compared with the original."""
    total = Comparison()
    for text in texts:
        total.add(compare(text, convert(to_taiwan(text)), losses))
    return total


def corpus_lines(path: Path) -> list[str]:
    """The test corpus: one mainland sentence a line; lines starting with # are comments."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
