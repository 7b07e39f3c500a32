"""The normalization log: every change the pipeline makes to a plan's text, with counts.

It is shown to readers on each plan page ("来源与规范化说明") and kept for the closing
figures, so each step records what it did, in both languages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class LogEntry:
    step: str
    zh: str
    en: str
    count: int
    details: list[tuple[str, str, int]] = field(default_factory=list)  # (before, after, times)


@dataclass
class NormalizationLog:
    encoding: str = ""
    entries: list[LogEntry] = field(default_factory=list)

    def add(self, step: str, zh: str, en: str, count: int, details: Counter | None = None) -> None:
        """Record a step; steps that changed nothing are not shown."""
        if count == 0:
            return
        rows = []
        for key, times in sorted((details or Counter()).items(), key=lambda item: (-item[1], item[0])):
            before, after = key if isinstance(key, tuple) else (key, "")
            rows.append((before, after, times))
        self.entries.append(LogEntry(step, zh, en, count, rows))

    def count(self, step: str) -> int:
        return sum(entry.count for entry in self.entries if entry.step == step)
