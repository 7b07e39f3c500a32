"""Character-level normalizations of Chinese text, each returning what it changed.

Mainland punctuation (GB/T 15834) is applied in Chinese context: half-width , ; : ( ) ? !
become full-width. Digits keep their own punctuation: decimals (1.82), ranges
(2022-2025年, 2021—2035年), thousands (1,200), times (16:42) and document numbers
(通政发〔2022〕15号) are never touched, because no rule here rewrites . - — 〔 〕.
"""

from __future__ import annotations

import re
from collections import Counter

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FULL_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…·—"
HAS_CJK = re.compile(f"[{CJK}]")
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
SPACES = " \u00a0\u2003\u3000\t"
# A space between a digit and a Chinese character ("1.82 倍"), or next to full-width
# punctuation ("水平； 建立"), is a typesetting leftover; spaces between two Chinese
# words (the two issuers in a signature line) separate names and are kept.
STRAY_SPACE = re.compile(
    f"(?<=[0-9])[{SPACES}]+(?=[{CJK}])|(?<=[{CJK}])[{SPACES}]+(?=[0-9])"
    f"|(?<=[{FULL_PUNCT}])[{SPACES}]+|[{SPACES}]+(?=[{FULL_PUNCT}])"
)
# A run of '?' after a full stop or at the end of a heading: encoding artefacts of
# characters the scraper could not represent, not questions.
STRAY_QUESTION = re.compile(f"(?<=。)\\?+|(?<=[{CJK}])\\?+$")


def has_cjk(text: str) -> bool:
    return bool(HAS_CJK.search(text))


def strip_stray_questions(text: str) -> tuple[str, int]:
    removed = sum(len(match.group()) for match in STRAY_QUESTION.finditer(text))
    return STRAY_QUESTION.sub("", text), removed


def full_width_punctuation(text: str) -> tuple[str, Counter]:
    """Half-width punctuation → full-width in Chinese context; digit pairs like 1,200 and 16:42 stay."""
    changes: Counter = Counter()
    if not has_cjk(text):
        return text, changes
    out = []
    for index, char in enumerate(text):
        target = HALF_TO_FULL.get(char)
        if target:
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if char in ",:" and before.isdigit() and after.isdigit():
                target = None
        if target:
            changes[(char, target)] += 1
            out.append(target)
        else:
            out.append(char)
    return "".join(out), changes


def remove_stray_spaces(text: str) -> tuple[str, int]:
    removed = sum(len(match.group()) for match in STRAY_SPACE.finditer(text))
    return STRAY_SPACE.sub("", text), removed


def collapse_spaces(text: str) -> str:
    """Whitespace-insensitive form used to match data-file lines against source lines."""
    return " ".join(text.replace("\u00a0", " ").replace("\u2003", " ").replace("\u3000", " ").split())
