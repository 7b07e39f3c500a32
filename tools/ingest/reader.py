"""Read a source file's bytes into text, whatever encoding the scrape produced."""

from __future__ import annotations

import codecs
from pathlib import Path

from tools.common.errors import InputError

# C0 control characters other than tab, newline and carriage return never occur in
# a plan's text; finding them means the file is binary or corrupt.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}


def _line_at(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Return (text, encoding name). Raise InputError for empty, binary or undecodable input."""
    if not data.strip():
        raise InputError(path, 1, "file is empty")
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, _line_at(data, data.index(b"\x00")), "binary data (NUL byte); not a text file")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise InputError(path, None, f"invalid UTF-16 at byte {exc.start}") from None
    else:
        text, encoding = _decode_without_bom(data, path)
    for number, line in enumerate(text.split("\n"), start=1):
        bad = next((ch for ch in line if ch in _CONTROL), None)
        if bad is not None:
            raise InputError(path, number, f"binary data (control character U+{ord(bad):04X}); not a text file")
    return text, encoding


def _decode_without_bom(data: bytes, path: Path) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            raise InputError(path, _line_at(data, exc.start), "file is truncated in the middle of a UTF-8 character") from None
        utf8_error = exc
    try:
        return data.decode("gb18030"), "GB18030"
    except UnicodeDecodeError:
        raise InputError(
            path, _line_at(data, utf8_error.start),
            f"cannot decode byte 0x{data[utf8_error.start]:02x}: not UTF-8, UTF-16 or GB18030",
        ) from None


def read_source(path: Path) -> tuple[list[str], str, int]:
    """Lines of a source file (line endings removed), the encoding used, and how many CRLF endings it had."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc.strerror}") from None
    text, encoding = decode(data, path)
    crlf = text.count("\r\n")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), encoding, crlf
