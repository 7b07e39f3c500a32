"""One error type for every input problem, so the CLI can print one clear line."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A problem with an input file, located at a file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"
