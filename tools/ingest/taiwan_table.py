"""Write sources/opencc/taiwan-phrases.txt: OpenCC's own Taiwan phrases reversed, made context-safe.

The source is the installed (pinned) opencc package: TWPhrasesRev.ocd2 (Taiwan → mainland)
and TWPhrases.ocd2 (mainland → Taiwan) read backwards, dumped with its `opencc_dict` tool.
An entry whose key, in simplified characters, is a common mainland word is left out, since
reversing it damages mainland text (建立→创建); the reviewed rules in taiwan-rules.toml
override OpenCC's entries and add guard phrases that OpenCC's longest match prefers.
"""

from __future__ import annotations

import functools
import importlib.util
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import opencc

from tools.common.errors import InputError
from tools.common.paths import SOURCES
from tools.common.tomldata import entry_line, line_of, load_toml
from tools.ingest.script import PHRASES_NAME, opencc_data_dir

RULES_NAME = "taiwan-rules.toml"


@dataclass(frozen=True)
class Rule:
    taiwan: str
    mainland: str
    example: tuple[str, str]
    counter: tuple[str, str]
    guards: tuple[tuple[str, str], ...] = ()


@dataclass
class Review:
    ambiguous_frequency: int
    rules: list[Rule] = field(default_factory=list)
    excluded: dict[str, str] = field(default_factory=dict)  # taiwan key → reason
    exclusion_counters: list[tuple[str, str]] = field(default_factory=list)


def load_review(opencc_dir: Path = SOURCES.opencc) -> Review:
    path = opencc_dir / RULES_NAME
    data, raw = load_toml(path)
    review = Review(int(data.get("ambiguous_frequency", 100)))
    for entry in data.get("rule", []):
        try:
            guards = tuple((g[0], g[1]) for g in entry.get("guards", []))
            review.rules.append(Rule(entry["taiwan"], entry["mainland"], tuple(entry["example"]), tuple(entry["counter"]), guards))
        except (KeyError, IndexError, TypeError):
            line = entry_line(raw, "taiwan", entry.get("taiwan")) or line_of(raw, "taiwan")
            raise InputError(path, line, "a [[rule]] needs taiwan, mainland, example and counter") from None
    for entry in data.get("exclude", []):
        review.excluded[entry["taiwan"]] = entry.get("reason", "")
        review.exclusion_counters.append(tuple(entry["counter"]))
    return review


def _dump(name: str) -> list[tuple[str, list[str]]]:
    """The entries of one installed OpenCC dictionary."""
    tool = Path(opencc.__file__).resolve().parent / "clib" / "bin" / "opencc_dict"
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"{name}.txt"
        subprocess.run([str(tool), "-i", str(opencc_data_dir() / f"{name}.ocd2"), "-o", str(out), "-f", "ocd2", "-t", "text"], check=True)
        rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if line]
    return [(key, values.split(" ")) for key, values in rows]


def opencc_reversal() -> dict[str, str]:
    """Taiwan phrase (traditional) → mainland phrase (traditional), OpenCC's reverse table first."""
    table = {key: values[0] for key, values in _dump("TWPhrasesRev")}
    for mainland, taiwan_forms in _dump("TWPhrases"):
        for taiwan in taiwan_forms:
            table.setdefault(taiwan, mainland)
    return table


@functools.cache
def mainland_frequency() -> dict[str, int]:
    """Word frequencies of jieba's (mainland, simplified) dictionary."""
    table = {}
    # Found without importing jieba, whose import alone (pkg_resources) costs a fifth of a second.
    dictionary = Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"
    with open(dictionary, encoding="utf-8") as handle:
        for line in handle:
            word, count, *_ = line.split()
            table[word] = int(count)
    return table


def generate(opencc_dir: Path = SOURCES.opencc) -> str:
    review = load_review(opencc_dir)
    to_simplified = opencc.OpenCC("t2s").convert
    frequency = mainland_frequency()
    table: dict[str, str] = {}
    for taiwan, mainland in opencc_reversal().items():
        if taiwan in review.excluded or frequency.get(to_simplified(taiwan), 0) >= review.ambiguous_frequency:
            continue
        # Identity entries are OpenCC's own guards (軟體動物); they are kept, in simplified form.
        table[taiwan] = to_simplified(mainland)
    for rule in review.rules:
        table[rule.taiwan] = rule.mainland
        table.update(dict(rule.guards))
    # The mainland form in traditional characters maps to itself, so that a Taiwan key inside
    # it (伊利諾 in 伊利諾伊) cannot fire on mainland text.
    to_traditional = opencc.OpenCC("s2t").convert
    for mainland in sorted(set(table.values())):
        table.setdefault(to_traditional(mainland), mainland)
    return "".join(f"{key}\t{table[key]}\n" for key in sorted(table))


def write(opencc_dir: Path = SOURCES.opencc) -> bool:
    """Write the table; True when it changed."""
    path = opencc_dir / PHRASES_NAME
    text = generate(opencc_dir)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


# -- coverage of every OpenCC Taiwan dictionary -------------------------------------------
COVERAGE_NAME = "taiwan-not-reversed.tsv"
# Each dictionary as (Taiwan form, mainland form) pairs: the *Rev ones map Taiwan → mainland,
# the others mainland → Taiwan (their values are the Taiwan forms).
TAIWAN_DICTIONARIES = ("TWPhrases", "TWPhrasesRev", "TWVariants", "TWVariantsPhrases", "TWVariantsRev", "TWVariantsRevPhrases")
UNREVIEWED = "unreviewed"


def opencc_pairs() -> list[tuple[str, str, str]]:
    """(dictionary, Taiwan form, mainland form in traditional characters) for every entry."""
    pairs = []
    for name in TAIWAN_DICTIONARIES:
        for key, values in _dump(name):
            if name.endswith(("Rev", "RevPhrases")):
                pairs.append((name, key, values[0]))
            else:
                pairs.extend((name, value, key) for value in values)
    return pairs


def not_reversed(opencc_dir: Path = SOURCES.opencc) -> list[tuple[str, str, str, str, str]]:
    """Every OpenCC Taiwan entry the converter does not reverse, with the reviewed reason:
    (dictionary, Taiwan form, OpenCC's mainland form, the converter's output, reason)."""
    from tools.ingest.round_trip import load_losses
    from tools.ingest.script import to_mainland

    review = load_review(opencc_dir)
    rules = {rule.taiwan: rule.mainland for rule in review.rules}
    losses = {loss.taiwan: loss for loss in load_losses(opencc_dir)}
    to_simplified = opencc.OpenCC("t2s").convert
    frequency = mainland_frequency()
    pairs = opencc_pairs()
    senses: dict[str, set[str]] = {}
    for _, taiwan, mainland in pairs:
        senses.setdefault(taiwan, set()).add(to_simplified(mainland))
    rows = []
    for name, taiwan, mainland in pairs:
        expected, ours = to_simplified(mainland), to_mainland(taiwan, opencc_dir)
        if ours == expected:
            continue
        others = sorted(senses[taiwan] - {expected})
        if taiwan in review.excluded:
            reason = f"excluded: {review.excluded[taiwan]}"
        elif taiwan in losses:
            reason = f"round-trip loss ({losses[taiwan].kind}), kept {losses[taiwan].kept}"
        elif taiwan in rules:
            reason = f"reviewed rule gives {rules[taiwan]}"
        elif others and ours in others:
            reason = f"many-to-one in OpenCC: {taiwan} also stands for {'、'.join(others)}"
        elif frequency.get(to_simplified(taiwan), 0) >= review.ambiguous_frequency:
            reason = f"mainland word (jieba frequency {frequency[to_simplified(taiwan)]}): kept as written"
        elif ours == to_simplified(taiwan) and frequency.get(ours, 0) > 0:
            reason = f"mainland word (jieba frequency {frequency[ours]}, below {review.ambiguous_frequency}): kept as written"
        else:
            reason = UNREVIEWED
        rows.append((name, taiwan, expected, ours, reason))
    return rows


def coverage_text(opencc_dir: Path = SOURCES.opencc) -> str:
    header = ("# OpenCC's Taiwan dictionary entries that the converter does not reverse, and why (generated by\n"
              "# `python -m tools taiwan-table` from taiwan-rules.toml, round-trip-losses.toml and jieba's frequencies;\n"
              "# every other entry of the six dictionaries converts to OpenCC's mainland form).\n"
              "# dictionary\ttaiwan\topencc_mainland\tours\treason\n")
    return header + "".join("\t".join(row) + "\n" for row in not_reversed(opencc_dir))


def write_coverage(opencc_dir: Path = SOURCES.opencc) -> bool:
    path = opencc_dir / COVERAGE_NAME
    text = coverage_text(opencc_dir)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
