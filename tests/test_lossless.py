"""Nothing lost, nothing invented: the body of each source reaches its built page.

Compared on content characters (Chinese, letters, digits), so the logged
normalizations of punctuation, spaces and artefacts do not matter; the OpenCC
conversion, also logged, is applied to the Gansu source first. Every sentence must
appear in order, and the page's text must not contain anything else.
"""

from __future__ import annotations

import re

import pytest
from support import SLUGS, page_text

from tools.ingest import reader, script
from tools.ingest.textnorm import collapse_spaces

CONTENT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")


def skeleton(text: str) -> str:
    return "".join(CONTENT.findall(text))


def source_body(plan) -> list[str]:
    """Source lines that are not chrome or metadata per the plan data."""
    lines, _, _ = reader.read_source(plan.data.source, plan.data.encoding)
    removed = {collapse_spaces(rule.match) for rule in plan.data.lines if rule.role in ("drop", "meta")}
    body = [line for line in lines if collapse_spaces(line) and collapse_spaces(line) not in removed]
    body = [script.convert(line, plan.data.script, plan.data.tree.opencc) for line in body]
    return without_repeated_headers(plan, body)


def without_repeated_headers(plan, lines: list[str]) -> list[str]:
    """The logged removal of a repeated table header: drop every occurrence after the first."""
    for block in plan.all_blocks():
        if block.kind != "table":
            continue
        header = block.rows[0]
        stripped = [line.strip() for line in lines]
        starts = [i for i in range(len(lines)) if stripped[i:i + len(header)] == header]
        for start in reversed(starts[1:]):
            del lines[start:start + len(header)]
    return lines


def sentences(lines: list[str]) -> list[str]:
    found = []
    for line in lines:
        found.extend(s for s in (skeleton(part) for part in re.split(r"[。；！？]", line)) if s)
    return found


@pytest.mark.parametrize("slug", SLUGS)
def test_every_sentence_reaches_the_page_in_order(plans, built_site, slug):
    html = (built_site / slug / "index.html").read_text(encoding="utf-8")
    page = skeleton(page_text(html))
    position = 0
    for sentence in sentences(source_body(plans[slug])):
        found = page.find(sentence, position)
        assert found >= 0, f"{slug}: sentence lost or out of order: {sentence[:40]}"
        position = found + len(sentence)


@pytest.mark.parametrize("slug", SLUGS)
def test_page_adds_nothing_to_the_text(plans, built_site, slug):
    html = (built_site / slug / "index.html").read_text(encoding="utf-8")
    page = skeleton(page_text(html))
    source = skeleton("".join(source_body(plans[slug])))
    assert page == source
