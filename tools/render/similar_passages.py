"""The "相似段落 / Similar passages" disclosure under a paragraph (matches from tools.annotate.similar).

Collapsed by default (pymdownx details → native <details>, which opens by keyboard with no
script), so the plan's text stays in front. Each passage names its plan, place and section
title with a link to its canonical anchor (tools.model.anchors), and sits in an element
carrying `data-plan` and `data-search-exclude` (COMMON contract: a copy never competes with the
plan's own section in search). The whole disclosure is an annotation, so the no-loss check
and copied selections skip it, and print/PDF hide it (assets/site.css).

Chinese pages show the other passage with the shared wording marked (<mark>). English pages
show its English translation and then its Chinese with the same marks, because the match is
made on the Chinese: marking English words would claim an alignment nobody computed.
"""

from __future__ import annotations

from tools.annotate.similar import Match
from tools.annotate.translations import without_notes
from tools.common import contract as c
from tools.common.ui import HTML_LANG
from tools.model import anchors
from tools.render.markdown import safe

SENTENCE_END = "。；！？"
ELISION = "……"


def sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence, its closing punctuation included."""
    found, start = [], 0
    for i, char in enumerate(text):
        if char in SENTENCE_END:
            found.append((start, i + 1))
            start = i + 1
    if start < len(text):
        found.append((start, len(text)))
    return found


def marked(match: Match, where: str, excerpt: bool = False) -> str:
    """The other passage's Chinese as Markdown, the shared runs inside <mark>.

    With `excerpt`, only the sentences holding shared wording, the others replaced by ……
    (English pages: the whole passage is there in English, and one link away in Chinese)."""
    text, spans = match.other.text, match.spans
    parts = sentences(text) if excerpt else [(0, len(text))]
    kept = [(a, b) for a, b in parts if any(start < b and end > a for start, end in spans)]
    pieces, previous = [], 0
    for a, b in kept:
        if a > previous:
            pieces.append(ELISION)
        position = a
        for start, end in spans:
            start, end = max(start, a), min(end, b)
            if start >= end:
                continue
            pieces.append(safe(text[position:start], where))
            pieces.append(f"<mark>{safe(text[start:end], where)}</mark>")
            position = end
        pieces.append(safe(text[position:b], where))
        previous = b
    if previous < len(text):
        pieces.append(ELISION)
    return "".join(pieces)


def source_line(writer, match: Match) -> str:
    """[新疆“十三五”规划 三（二）2 第1段 完善知识产权金融服务](…#s3-2-2-p1) · 共有 19 字相同措辞"""
    corpus, lang = writer.corpus, writer.lang
    plan = corpus.by_slug[match.other.plan]
    anchor = match.other.anchor
    place = anchors.parse(anchor)
    title = corpus.section_title(plan, place.section, lang) if place and place.section else ""
    label = f"{corpus.reference(plan, anchor, lang)} {title}".strip()
    shared = writer.labels["similar_shared"].replace("{count}", str(match.shared))
    return f"[{safe(label)}]({anchors.page_link(match.other.plan, anchor)}) · {safe(shared)}"


def passage_lines(writer, match: Match) -> list[str]:
    key = (writer.lang, match)
    cache = writer.corpus.similar_rendered
    if key not in cache:
        cache[key] = _passage_lines(writer, match)
    return cache[key]


def _passage_lines(writer, match: Match) -> list[str]:
    other = match.other
    where = str(writer.corpus.by_slug[other.plan].data.source)
    # md_in_html, not a pymdownx block: pymdownx 13.1 maps every element of the page for each
    # chunk of a block, and these passages are most of a plan page's blocks (BENCHMARKS.md, Scale).
    lines = [
        f'<div {c.PLAN}="{other.plan}" {c.SEARCH_EXCLUDE}="" markdown>',
        "",
        source_line(writer, match), f"{{: .{c.SIMILAR_SOURCE} }}", "",
    ]
    if writer.lang == "zh":
        lines += [marked(match, where), f"{{: lang={HTML_LANG['zh']} }}", ""]
    else:
        entry = writer.corpus.english(writer.corpus.by_slug[other.plan]).get(other.anchor)
        english = without_notes(entry.en) if entry and entry.en.strip() else ""
        if english:
            lines += [safe(english, where), f"{{: lang={HTML_LANG['en']} }}", ""]
        label = safe(writer.labels["similar_zh_label"])
        lines += [f"{label}<span lang=\"{HTML_LANG['zh']}\">{marked(match, where, excerpt=True)}</span>", f"{{: .{c.SIMILAR_ZH} }}", ""]
    return [*lines, "</div>", ""]


PLACEHOLDER = "\x00similar:"  # no page line can start so: tools.ingest.reader rejects control characters


def placeholder(anchor: str) -> str:
    return PLACEHOLDER + anchor


def expand_similar(lines: list[str], disclosures: dict[str, list[str]]) -> list[str]:
    """The page's lines with each placeholder replaced by its disclosure."""
    out: list[str] = []
    for line in lines:
        if line.startswith(PLACEHOLDER):
            out.extend(disclosures[line[len(PLACEHOLDER):]])
        else:
            out.append(line)
    return out


def similar_lines(writer, anchor: str) -> list[str]:
    """The disclosure for one paragraph, or nothing when no other plan shares its wording."""
    matches = writer.corpus.similar.get((writer.plan.data.slug, anchor), [])
    if not matches:
        return []
    summary = writer.labels["similar_count"].replace("{count}", str(len(matches)))
    lines = [
        f"/// details | {safe(summary)}",
        f"    type: {c.SIMILAR}",
        f"    attrs: {{class: '{c.ANNOTATION} {c.NO_TOOLTIPS}', {c.SEARCH_EXCLUDE}: ''}}",
        "",
        safe(writer.labels["similar_note"]), "",
    ]
    for match in matches:
        lines += passage_lines(writer, match)
    return [*lines, "///", ""]
