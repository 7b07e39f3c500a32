"""Text of a built page's article, skipping interface elements, with the stdlib HTML parser."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from tools.site.material import ARTICLE_CLASS

VOID = {"br", "img", "hr", "meta", "link", "input", "wbr", "source", "col", "area", "base", "embed", "param", "track"}


class ArticleParser(HTMLParser):
    """Tracks whether the parser is inside Material's article and inside an element to skip
    (interface parts, scripts, styles); subclasses read the text through `start` and handle_data."""

    def __init__(self, skip_classes: set[str], skip_ids: set[str], skip_attributes: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_classes = skip_classes
        self.skip_ids = skip_ids
        self.skip_attributes = skip_attributes  # e.g. data-search-exclude, for the search index
        self.in_article = 0  # >0 inside the article
        self.skipping = 0  # >0 inside a skipped element
        self.stack: list[bool] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if tag == "article" and ARTICLE_CLASS in classes:
            self.in_article += 1
        skip = (bool(classes & self.skip_classes) or attributes.get("id") in self.skip_ids or tag in ("script", "style")
                or not self.skip_attributes.isdisjoint(attributes))
        self.stack.append(skip)
        self.skipping += skip
        self.start(tag, attributes)

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        self.skipping -= self.stack.pop()
        self.end(tag)
        if tag == "article":
            self.in_article = max(0, self.in_article - 1)

    def start(self, tag: str, attributes: dict) -> None:
        """After an opening tag has been counted."""

    def end(self, tag: str) -> None:
        """After a closing tag has been counted, before the article is left."""


class ArticleText(ArticleParser):
    def __init__(self, skip_classes: set[str], skip_ids: set[str]) -> None:
        super().__init__(skip_classes, skip_ids)
        self.parts: list[str] = []

    def handle_data(self, data):
        if self.in_article and not self.skipping:
            self.parts.append(data)


def article_text(html: str, skip_classes=(), skip_ids=()) -> str:
    parser = ArticleText(set(skip_classes), set(skip_ids))
    parser.feed(html)
    return "".join(parser.parts)


SCRIPT = re.compile(r"(<script\b.*?</script>)", re.S | re.I)


def outside_scripts(html: str, change: Callable[[str], str]) -> str:
    """`html` with `change` applied to the text between its scripts; each script (the JSON of
    `data-csl-sections`, say) is kept as it is, so a change to elements never reaches inside one."""
    parts = SCRIPT.split(html)
    # Odd parts are scripts.
    return "".join(part if index % 2 else change(part) for index, part in enumerate(parts))
