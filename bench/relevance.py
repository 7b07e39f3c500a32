"""Which sections answer a query, read from the built pages' own text.

A plan page is split at its headings: a section is one heading (h2–h6 with an id, the
anchor a reader lands on; the page title for the text before the first heading) and the
plan text after it up to the next heading, without
interface elements (the other language's twin, citation buttons, annotations: the same
skip list as the no-loss check). A section is relevant to a query when its text contains
every one of the query's words. The words are the query split at spaces, unless the
query file gives them (`words = [...]`, for plain questions whose wording a plan does
not repeat). Chinese words match as substrings; English words match at a word start,
with a plain -s/-es/-ed/-ing ending allowed, ignoring case.

Relevance is computed from the site, never hand-listed, so it follows the text when a
plan or a translation changes.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tools.common import contract
from tools.common.paths import REPO, SOURCES
from tools.model.anchors import page_path
from tools.model.plandata import load_all
from tools.site.htmltext import ArticleParser

QUERIES = REPO / "bench" / "search_queries.toml"
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
SKIP_CLASSES = set(contract.INTERFACE_CLASSES)
SKIP_IDS = set(contract.INTERFACE_IDS)


@dataclass(frozen=True)
class Query:
    lang: str
    text: str  # what the reader types
    words: tuple[str, ...]  # what a relevant section must contain
    kind: str
    floor: bool  # part of the fixed subset `make test` checks


@dataclass
class Section:
    path: str  # site-relative page path, e.g. /en/yuxi-2021/
    anchor: str
    title: str = ""
    parts: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.path}#{self.anchor}"

    @property
    def text(self) -> str:
        return "".join(self.parts)


class SectionSplitter(ArticleParser):
    """The article of a plan page, cut into sections at headings that carry an id."""

    def __init__(self, path: str) -> None:
        super().__init__(SKIP_CLASSES, SKIP_IDS, frozenset({contract.SEARCH_EXCLUDE}))
        self.path = path
        self.sections: list[Section] = []
        self.heading = 0

    def start(self, tag, attributes):
        if tag == "h1" and self.in_article and attributes.get("id") == contract.TITLE_ID:
            # The plan's text before its first heading (transmittal notice, preamble) sits under the title.
            self.sections.append(Section(self.path, contract.TITLE_ID))
        elif tag in HEADINGS and self.in_article and not self.skipping and attributes.get("id"):
            self.sections.append(Section(self.path, attributes["id"]))
            self.heading += 1
        elif self.heading:
            self.heading += 1

    def end(self, tag):
        if self.heading:
            self.heading -= 1

    def handle_data(self, data):
        if self.in_article and not self.skipping and self.sections:
            self.sections[-1].parts.append(data)
            if self.heading:
                self.sections[-1].title += data


def plan_sections(site: Path, lang: str) -> list[Section]:
    """Every section of every plan page in one language, in page order."""
    sections = []
    for plan in load_all(SOURCES):
        path = page_path(plan.slug, lang)
        splitter = SectionSplitter(path)
        splitter.feed((site / path.strip("/") / "index.html").read_text(encoding="utf-8"))
        sections += splitter.sections
    return sections


def _pattern(word: str, lang: str) -> re.Pattern:
    if lang == "zh":
        return re.compile(re.escape(word))
    return re.compile(rf"(?<![a-z0-9]){re.escape(word.lower())}(?:s|es|d|ed|ing)?(?![a-z0-9])")


def normalized(text: str, lang: str) -> str:
    text = text.replace("\u200b", "")
    return re.sub(r"\s+", "", text) if lang == "zh" else re.sub(r"\s+", " ", text.lower())


def relevant(sections: list[Section], query: Query) -> set[str]:
    """Keys (path#anchor) of the sections whose text holds every word of the query."""
    patterns = [_pattern(normalized(word, query.lang), query.lang) for word in query.words]
    return {
        section.key for section in sections
        if all(pattern.search(normalized(section.text, query.lang)) for pattern in patterns)
    }


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    queries = []
    for entry in data["query"]:
        words = entry.get("words") or entry["text"].split()
        queries.append(Query(entry["lang"], entry["text"], tuple(words), entry["kind"], bool(entry.get("floor"))))
    return queries
