"""Glossary tooltips in running text: Python-Markdown's abbr, with CJK-safe boundaries.

Stock `abbr` wraps every form in `\\b…\\b`; Python treats CJK characters as word characters,
so 贯标 in 开展知识产权贯标工作 is never matched. This subclass keeps abbr's `*[form]: title`
definitions (written per page, in the page's language, by tools/render.py) and replaces the
matching: boundaries only at Latin/digit ends (tools.annotate.glossary.TermMatcher), only the first
use of each term per section, never inside headings, links, code or the hidden twin blocks
of the other language.

A tooltip carries the definition and the note for one plan only: the plan of the nearest
enclosing element marked `data-plan="<slug>"` (comparison pages put passages of several plans
on one page), else the page's own plan, whose tooltips the page writer has already written.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.util import AtomicString

from tools.annotate.glossary import Term, matcher
from tools.common.contract import PLAN

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# <summary> is a control: a focusable term inside it would be a control inside a control.
NO_TOOLTIPS = HEADINGS | {"a", "abbr", "code", "pre", "kbd", "script", "style", "svg", "summary"}
NO_TOOLTIP_CLASSES = {"tw", "no-tooltips"}


def _skipped(element: etree.Element) -> bool:
    return element.tag in NO_TOOLTIPS or bool(NO_TOOLTIP_CLASSES & set(element.get("class", "").split()))


class FirstUseTreeprocessor(AbbrTreeprocessor):
    def __init__(self, md, abbrs: dict, extension: GlossaryTooltipsExtension) -> None:
        super().__init__(md, abbrs)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        self.matcher = matcher(tuple(sorted(self.abbrs)))
        self.titles = {form.casefold(): title for form, title in self.abbrs.items()}
        self.seen: set[tuple[str | None, str]] = set()
        self.lang, self.page_plan = self.extension.page
        self.visit(root, self.page_plan)

    def title(self, written: str, plan: str | None) -> str:
        """The page's tooltip for the form, unless the text belongs to another plan than the
        page's: then the definition with that plan's note."""
        title = self.titles[written.casefold()]
        if plan is None or plan == self.page_plan or self.lang is None:
            return title
        term = self.extension.terms_by_form.get((self.lang, written.casefold()))
        return " ".join(term.tooltip(self.lang, plan).split()) if term else title

    def visit(self, element: etree.Element, plan: str | None) -> None:
        """Document order: the element's text, then each child and the text after it."""
        plan = element.get(PLAN) or plan
        element.text, leading = self.wrap(element.text, plan)
        for offset, abbr in enumerate(leading):
            element.insert(offset, abbr)
        for child in list(element):
            if child.tag in HEADINGS:
                self.seen = set()  # a new section: each term gets a tooltip again
            if not _skipped(child):
                self.visit(child, plan)
            child.tail, trailing = self.wrap(child.tail, plan)
            position = list(element).index(child) + 1
            for offset, abbr in enumerate(trailing):
                element.insert(position + offset, abbr)

    def wrap(self, text: str | None, plan: str | None) -> tuple[str | None, list[etree.Element]]:
        """Split off the first use of each not-yet-seen term (per plan) as <abbr> elements."""
        if not text or isinstance(text, AtomicString):
            return text, []
        pieces: list[etree.Element] = []
        head, cursor = None, 0
        for start, end, _form in self.matcher.finditer(text):
            written = text[start:end]
            title = self.title(written, plan)
            if (plan, title) in self.seen:
                continue
            self.seen.add((plan, title))
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
    """`abbr` with first-use, CJK-safe matching (register instead of `abbr`).

    `terms`: the glossary (as published in data/glossary.json), so that a passage of another plan
    gets that plan's note; `page`: (language, plan slug or None) of the page being converted,
    set by the hooks before each page (tools/site/hooks.py on_page_markdown).
    """

    def __init__(self, terms: list[Term] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_terms(terms or [])
        self.page: tuple[str | None, str | None] = (None, None)
        self.plans: set[str] = set()  # the plans' slugs: a page under one of them is that plan's

    def set_terms(self, terms: list[Term]) -> None:
        self.terms_by_form = {(lang, form.casefold()): term for term in terms for lang in ("zh", "en") for form in term.forms(lang)}

    def extendMarkdown(self, md) -> None:
        # MkDocs builds one Markdown instance per page with this one extension object;
        # a fresh dict keeps one page's definitions (and language) out of the next page.
        self.abbrs = {}
        super().extendMarkdown(md)
        md.treeprocessors.register(FirstUseTreeprocessor(md, self.abbrs, self), "abbr", 7)
