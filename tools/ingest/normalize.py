"""Text normalization of the kept lines, every step counted in the log."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import replace

from tools.ingest import script, textnorm
from tools.ingest.normlog import NormalizationLog
from tools.ingest.regions import RawLine
from tools.model.plandata import PlanData

HALF_WIDTH_NUMBERING = re.compile(r"^\s*\([一二三四五六七八九十]+\)")


class LineNormalizer:
    """Applies the plan's normalizations line by line and accumulates their counts."""

    def __init__(self, plan: PlanData) -> None:
        self.plan = plan
        self.opencc = plan.tree.opencc
        self.phrases = script.load_phrases(self.opencc) if plan.script == script.TAIWAN else {}
        # Guard entries (output = the characters-only conversion) take part in the longest
        # match but restore no vocabulary, so they are not counted.
        self.guards = {source for source, target in self.phrases.items() if target == script.convert(source, script.TRADITIONAL, self.opencc)}
        self.phrase_hits: Counter = Counter()
        self.converted_chars = 0
        self.questions = 0
        self.indented = 0
        self.punctuation: Counter = Counter()
        self.numbering = 0
        self.spaces = 0

    def convert_script(self, text: str) -> str:
        return script.convert(text, self.plan.script, self.opencc)

    def line(self, raw: RawLine) -> RawLine:
        row = raw.row
        if row and row.cells:
            # Cells are normalized on their own, uncounted: the whole line, counted below,
            # holds the same characters.
            row = replace(row, cells=tuple(self.text(cell, count=False) for cell in row.cells))
        return RawLine(raw.number, self.text(raw.text), raw.tabbed, row)

    def text(self, text: str, count: bool = True) -> str:
        if self.plan.script != script.SIMPLIFIED:
            converted = script.convert(text, self.plan.script, self.opencc)
            if count:
                hits = script.count_phrases(text, self.phrases)
                self.phrase_hits.update({source: n for source, n in hits.items() if source not in self.guards})
                self.converted_chars += _changed_chars(text, converted)
            text = converted
        if self.plan.stray_question_marks:
            text, removed = textnorm.strip_stray_questions(text)
            self.questions += removed if count else 0
        stripped = text.strip(textnorm.SPACES + "\r")
        if count and stripped != text.rstrip("\r") and text[:1] in textnorm.SPACES:
            self.indented += 1
        text = stripped
        if count and HALF_WIDTH_NUMBERING.match(text):
            self.numbering += 1
        text, changes = textnorm.full_width_punctuation(text)
        text, removed = textnorm.remove_stray_spaces(text)
        if count:
            self.punctuation.update(changes)
            self.spaces += removed
        return text

    def record(self, log: NormalizationLog) -> None:
        phrase_details = Counter({(source, self.phrases[source]): n for source, n in self.phrase_hits.items()})
        log.add(
            "script", "繁体转简体（OpenCC t2s 加审定词表），改动字符数",
            "traditional → simplified (OpenCC t2s with the reviewed phrase table), characters changed",
            self.converted_chars,
        )
        log.add(
            "vocabulary", "台湾用语还原为大陆用语", "Taiwan vocabulary restored to mainland usage",
            sum(self.phrase_hits.values()), phrase_details,
        )
        log.add("questions", "删除编码错误产生的多余问号", "removed stray '?' left by an encoding error", self.questions)
        log.add("indent", "删除行首缩进", "removed leading indentation", self.indented)
        log.add(
            "punctuation", "中文语境下半角标点改为全角（GB/T 15834）",
            "half-width punctuation in Chinese text made full-width (GB/T 15834)",
            sum(self.punctuation.values()), self.punctuation,
        )
        log.add("numbering", "编号“(一)”统一为“（一）”", "numbering “(一)” unified as “（一）”", self.numbering)
        log.add("spaces", "删除数字与汉字之间、标点旁的多余空格", "removed stray spaces between digits and Chinese, or beside punctuation", self.spaces)


def normalize_fields(metadata: dict[str, str], log: NormalizationLog) -> dict[str, str]:
    """The page-metadata fields punctuated as the body is (the document card then shows one
    standard); each changed field is logged with the source's form."""
    normalized: dict[str, str] = {}
    changed: Counter = Counter()
    for key, value in metadata.items():
        text, _ = textnorm.full_width_punctuation(value)
        text, _ = textnorm.remove_stray_spaces(text)
        if text != value:
            changed[(f"“{value}”", f"“{text}”")] += 1
        normalized[key] = text
    log.add(
        "metadata-punctuation", "文件信息卡字段按正文规范化（中文语境下半角标点改为全角）",
        "document-card fields punctuated as the body (half-width punctuation in Chinese text made full-width)",
        sum(changed.values()), changed,
    )
    return normalized


def _changed_chars(before: str, after: str) -> int:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
