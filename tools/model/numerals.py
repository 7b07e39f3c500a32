"""Chinese numerals as printed in plan numbering (一 … 九十九)."""

from __future__ import annotations

DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL_CHARS = "零一二三四五六七八九十"


def chinese_to_int(text: str) -> int:
    """Turn 一, 十, 十一, 二十, 二十六 … into an int; raise ValueError otherwise."""
    if not text or any(ch not in NUMERAL_CHARS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if "十" not in text:
        if len(text) != 1:
            raise ValueError(f"not a Chinese numeral: {text!r}")
        return DIGITS[text]
    tens, _, units = text.partition("十")
    value = (DIGITS[tens] if tens else 1) * 10
    if units:
        value += DIGITS[units]
    return value


ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(value: int) -> str:
    """1 → i, 4 → iv, 20 → xx: lower-case Roman numerals for the English labels of ① … ⑳."""
    out = []
    for step, letters in ROMAN:
        while value >= step:
            out.append(letters)
            value -= step
    return "".join(out)
