"""Glossary tooltips in running text: Python-Markdown's abbr, with CJK-safe boundaries.

Stock `abbr` wraps every form in `\\b…\\b`; Python treats CJK characters as word characters,
so 贯标 in 开展知识产权贯标工作 is never matched. This subclass keeps abbr's `*[form]: title`
definitions (written per page, in the page's language, by tools/render.py) and replaces the
matching: boundaries only at Latin/digit ends (tools.annotate.glossary.TermMatcher), only the first
use of each term per section, never inside headings, links, code or the hidden twin blocks
of the other language.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

from tools.annotate.glossary import matcher

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# <summary> is a control: a focusable term inside it would be a control inside a control.
NO_TOOLTIPS = HEADINGS | {"a", "abbr", "code", "pre", "kbd", "script", "style", "svg", "summary"}
NO_TOOLTIP_CLASSES = {"tw", "no-tooltips"}


def _skipped(element: etree.Element) -> bool:
    return element.tag in NO_TOOLTIPS or bool(NO_TOOLTIP_CLASSES & set(element.get("class", "").split()))


class FirstUseTreeprocessor(AbbrTreeprocessor):
    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        self.matcher = matcher(tuple(sorted(self.abbrs)))
        self.titles = {form.casefold(): title for form, title in self.abbrs.items()}
        self.seen: set[str] = set()
        self.visit(root)

    def visit(self, element: etree.Element) -> None:
        """Document order: the element's text, then each child and the text after it."""
        element.text, leading = self.wrap(element.text)
        for offset, abbr in enumerate(leading):
            element.insert(offset, abbr)
        for child in list(element):
            if child.tag in HEADINGS:
                self.seen = set()  # a new section: each term gets a tooltip again
            if not _skipped(child):
                self.visit(child)
            child.tail, trailing = self.wrap(child.tail)
            position = list(element).index(child) + 1
            for offset, abbr in enumerate(trailing):
                element.insert(position + offset, abbr)

    def wrap(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """Split off the first use of each not-yet-seen term as <abbr> elements."""
        if not text or isinstance(text, AtomicString):
            return text, []
        pieces: list[etree.Element] = []
        head, cursor = None, 0
        for start, end, _form in self.matcher.finditer(text):
            written = text[start:end]
            title = self.titles[written.casefold()]
            if title in self.seen:
                continue
            self.seen.add(title)
            before = text[cursor:start]
            if pieces:
                pieces[-1].tail = before
            else:
                head = before
            pieces.append(self.create_element(title, written, ""))
            cursor = end
        if not pieces:
            return text, []
        pieces[-1].tail = text[cursor:]
        return head, pieces


class GlossaryTooltipsExtension(AbbrExtension):
    """`abbr` with first-use, CJK-safe matching (register instead of `abbr`)."""

    def extendMarkdown(self, md) -> None:
        # MkDocs builds one Markdown instance per page with this one extension object;
        # a fresh dict keeps one page's definitions (and language) out of the next page.
        self.abbrs = {}
        super().extendMarkdown(md)
        md.treeprocessors.register(FirstUseTreeprocessor(md, self.abbrs), "abbr", 7)
