"""BENCHMARKS.md, section by section: one owner of how a benchmark's section replaces its old copy.

Each benchmark renders its section as lines that start with its own `## ` heading. A section is
replaced where it stands; a new one goes before the search sections (which `bench --search`
rewrites from their heading to the end of the file), or at the end when there are none.
"""

from __future__ import annotations

from tools.common.paths import REPO

BENCHMARKS = REPO / "BENCHMARKS.md"
SEARCH_HEADING = "## Search relevance"


def replace_section(text: str, lines: list[str], before: str = SEARCH_HEADING) -> str:
    """`text` with the section that `lines` (heading first) renders put in its place, or, new,
    before the section headed `before` (else at the end)."""
    heading = lines[0] + "\n"  # the whole heading line: "## Scale" is not "## Scale notes"
    section = "\n".join(lines).rstrip("\n") + "\n\n"
    if heading in text:
        head, rest = text.split(heading, 1)
        tail = rest[rest.find("\n## ") + 1:] if "\n## " in rest else ""
        return head + section + tail
    if before in text:
        head, tail = text.split(before, 1)
        return head + section + before + tail
    return text.rstrip("\n") + "\n\n" + section


def write_section(lines: list[str]) -> int:
    """`python -m tools bench --<part>`: put one freshly measured section into BENCHMARKS.md."""
    text = BENCHMARKS.read_text(encoding="utf-8") if BENCHMARKS.exists() else "# Benchmarks\n\n"
    BENCHMARKS.write_text(replace_section(text, lines), encoding="utf-8")
    print("\n".join(lines))
    return 0
