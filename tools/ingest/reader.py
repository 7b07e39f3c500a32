"""Read a source file's bytes into text, whatever encoding the scrape produced.

The encoding is detected with charset-normalizer among the encodings Chinese plans are
published in (UTF-8 with or without BOM, UTF-16, GB18030, Big5): a hand-rolled decode
order cannot tell Big5 from GB18030, since most Big5 bytes are also valid GB18030 and
decode silently into garbage. A plan data file may name the encoding (`encoding =`),
which is then used strictly, without detection.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

from tools.common.errors import InputError

# C0 control characters other than tab, newline and carriage return never occur in
# a plan's text; finding them means the file is binary or corrupt.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r"}

# The candidates detection chooses among, and the names the normalization log shows.
CANDIDATES = {"utf_8": "UTF-8", "utf_16": "UTF-16", "gb18030": "GB18030", "big5": "Big5", "cp950": "Big5 (cp950)"}
# charset-normalizer's mess ratio (0 = clean text). Clean plans measure 0.00–0.03; above
# this the guess is too weak to build on.
MAX_CHAOS = 0.1
REPLACEMENT = "\ufffd"


def _line_at(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def decode(data: bytes, path: Path, encoding: str = "") -> tuple[str, str]:
    """Return (text, encoding name). Raise InputError for empty, binary or undecodable input.

    `encoding`: a codec name from the plan data file; when given, no detection is done.
    """
    if not data.strip():
        raise InputError(path, 1, "file is empty")
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, _line_at(data, data.index(b"\x00")), "binary data (NUL byte); not a text file")
    text, name = _decode_as(data, path, encoding) if encoding else _detect(data, path)
    for number, line in enumerate(text.split("\n"), start=1):
        if REPLACEMENT in line:
            raise InputError(path, number, f"decoded as {name} but contains U+FFFD replacement characters; set `encoding =` in the plan data")
        bad = next((ch for ch in line if ch in _CONTROL), None)
        if bad is not None:
            raise InputError(path, number, f"binary data (control character U+{ord(bad):04X}); not a text file")
    return text, name


def _decode_as(data: bytes, path: Path, encoding: str) -> tuple[str, str]:
    codec = codecs.lookup(encoding).name
    try:
        # utf-8-sig drops a BOM and otherwise reads plain UTF-8.
        return data.decode("utf-8-sig" if codec == "utf-8" else codec), f"{encoding} (set in plan data)"
    except UnicodeDecodeError as exc:
        raise InputError(
            path, _line_at(data, exc.start), f"cannot decode byte 0x{data[exc.start]:02x} as {encoding} (set in plan data)",
        ) from None


def _detect(data: bytes, path: Path) -> tuple[str, str]:
    best = charset_normalizer.from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    if best is None:
        raise _undecodable(data, path)
    name = CANDIDATES.get(best.encoding, best.encoding)
    if best.chaos > MAX_CHAOS:
        raise InputError(
            path, None, f"encoding detection is unsure (best guess {name}, mess ratio {best.chaos:.2f}); set `encoding =` in the plan data",
        )
    if best.bom and best.encoding == "utf_8":
        name = "UTF-8 with BOM"
    return str(best), name


def _undecodable(data: bytes, path: Path) -> InputError:
    """The clearest error for bytes no candidate encoding reads: name the first byte that is not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return InputError(path, _line_at(data, exc.start), "file is truncated in the middle of a UTF-8 character")
        return InputError(
            path, _line_at(data, exc.start),
            f"cannot decode byte 0x{data[exc.start]:02x}: not UTF-8, UTF-16, GB18030 or Big5 (or a mix of them)",
        )
    return InputError(path, None, "cannot decode: not UTF-8, UTF-16, GB18030 or Big5")


def read_source(path: Path, encoding: str = "") -> tuple[list[str], str, int]:
    """Lines of a source file (line endings removed), the encoding used, and how many CRLF endings it had."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc.strerror}") from None
    text, encoding = decode(data, path, encoding)
    crlf = text.count("\r\n")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), encoding, crlf
