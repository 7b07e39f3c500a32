"""Read the TOML data files and point errors at the line that causes them."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tools.common.errors import InputError

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_toml(path: Path) -> tuple[dict, str]:
    """Parsed data and raw text of a TOML file; invalid TOML is an InputError with its line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, None, "data file not found") from None
    except UnicodeDecodeError:
        raise InputError(path, None, "data file is not UTF-8") from None
    try:
        return tomllib.loads(raw), raw
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise InputError(path, int(match.group(1)) if match else None, f"invalid TOML: {exc}") from None


def line_of(raw: str, key: str, start: int = 1) -> int | None:
    """The first line at or after `start` where `key = …` is written."""
    for number, line in enumerate(raw.splitlines(), start=1):
        if number >= start and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


def entry_line(raw: str, key: str, value: object) -> int | None:
    """The line where `key = value` is written (an array-of-tables entry found by its name field)."""
    for number, line in enumerate(raw.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=\s*[\"']{re.escape(str(value))}[\"']", line):
            return number
    return None


def table_line(raw: str, key: str) -> int | None:
    """The line of a `[key]` table header."""
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip() == f"[{key}]":
            return number
    return None


def entry_lines(raw: str, table: str) -> list[int]:
    """Line numbers of each `[[table]]` header, so entry n's errors can name its line."""
    header = f"[[{table}]]"
    return [number for number, line in enumerate(raw.splitlines(), start=1) if line.strip() == header]


class Entries:
    """The entries of one array of tables, with a way to raise an error at an entry's field."""

    def __init__(self, path: Path, table: str) -> None:
        self.path = path
        data, self.raw = load_toml(path)
        self.items: list[dict] = data.get(table, [])
        if not isinstance(self.items, list):
            raise InputError(path, line_of(self.raw, table), f"`{table}` must be an array of tables ([[{table}]])")
        self.starts = entry_lines(self.raw, table)
        self.table = table
        self.ids: set[str] = set()

    def __iter__(self):
        return iter(enumerate(self.items))

    def error(self, index: int, key: str | None, message: str) -> InputError:
        start = self.starts[index] if index < len(self.starts) else None
        line = (line_of(self.raw, key, start) if key and start else None) or start
        return InputError(self.path, line, message)

    def identifier(self, index: int) -> str:
        """The entry's `id`: lower-case ASCII words joined by '-', unique in the file (it becomes an anchor)."""
        value = self.text(index, "id")
        if not ID_RE.match(value):
            raise self.error(index, "id", f"{self.table} id {value!r} is not lower-case ASCII words joined by '-'")
        if value in self.ids:
            raise self.error(index, "id", f"duplicate {self.table} id {value!r}")
        self.ids.add(value)
        return value

    def text(self, index: int, key: str, required: bool = True) -> str:
        """A text field of entry `index`; required fields must be non-empty."""
        value = self.items[index].get(key, "")
        if not isinstance(value, str):
            raise self.error(index, key, f"`{key}` must be text")
        if required and not value.strip():
            raise self.error(index, key, f"empty `{key}`" if key in self.items[index] else f"missing `{key}`")
        return value.strip()

    def texts(self, index: int, key: str, known: set[str] | dict | None = None, unknown: str = "") -> list[str]:
        """A list-of-texts field; with `known`, every value must be in it, else `unknown` (formatted with {value})."""
        value = self.items[index].get(key, [])
        if not (isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)):
            raise self.error(index, key, f"`{key}` must be a list of non-empty texts")
        values = [item.strip() for item in value]
        for item in values:
            if known is not None and item not in known:
                raise self.error(index, key, unknown.format(value=repr(item)))
        return values
