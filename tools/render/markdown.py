"""Markdown-safe text: source text must show as text, never be interpreted.

Characters that Markdown, HTML, attr_list ({: …}) or a template engine ({{ }}) would
act on are written as numeric character references, which every Markdown parser
turns back into the same characters. markdown-it-py then parses the result and
checks that it is one paragraph of exactly the original text.

The proof runs once per page: `literal_proof()` collects every fragment a page writer
escapes and parses them all in one markdown-it-py pass when the page is done (one parse
per fragment cost more than the rest of the pipeline together). Outside a proof, each
fragment is proved on its own.
"""

from __future__ import annotations

import contextlib
import contextvars
import html
import json
import re
from collections.abc import Iterator

from markdown_it import MarkdownIt

from tools.common.errors import InputError

ALWAYS = re.compile(r"[&<>*_`\[\]{}\\|!~^$]")
# Only dangerous at the start of a line: headings, lists, quotes, definition lists.
LEADING = set("#-+>:=")
ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])(\s|$)")
_PARSER = MarkdownIt("commonmark")


def _reference(char: str) -> str:
    return f"&#{ord(char)};"


def escape(text: str) -> str:
    escaped = ALWAYS.sub(lambda match: _reference(match.group()), text)
    if escaped[:1] in LEADING:
        escaped = _reference(escaped[0]) + escaped[1:]
    match = ORDERED_LIST.match(escaped)
    if match:
        escaped = f"{match.group(1)}{_reference(match.group(2))}" + escaped[match.end(2):]
    return escaped


def plain_text_of(markdown: str) -> str | None:
    """The text of a one-paragraph Markdown string, or None if it parses as anything else."""
    texts = paragraph_texts(markdown)
    return texts[0] if texts is not None and len(texts) == 1 else None


def paragraph_texts(markdown: str) -> list[str] | None:
    """The text of each paragraph, or None if the Markdown holds anything but plain-text paragraphs."""
    tokens = _PARSER.parse(markdown)
    texts = []
    for index in range(0, len(tokens), 3):
        group = tokens[index:index + 3]
        if [t.type for t in group] != ["paragraph_open", "inline", "paragraph_close"]:
            return None
        children = group[1].children or []
        if any(child.type not in ("text", "softbreak") for child in children):
            return None
        texts.append("".join(child.content for child in children))
    return texts


class LiteralProof:
    """The fragments of one page, proved literal together."""

    def __init__(self) -> None:
        self.fragments: list[tuple[str, str, str]] = []  # (escaped, expected text, where)

    def add(self, escaped: str, text: str, where: str) -> None:
        if text.strip():
            self.fragments.append((escaped, text.strip(), where))

    def verify(self, everything: bool = False) -> None:
        """Parse each distinct fragment once; `everything` also parses those that are inert."""
        unique = {(escaped, expected): where for escaped, expected, where in reversed(self.fragments)}
        pending = [(escaped, expected) for escaped, expected in unique if everything or not inert(escaped, expected)]
        if not pending:
            return
        texts = paragraph_texts("\n\n".join(escaped for escaped, _ in pending))
        if texts == [expected for _, expected in pending]:
            return
        for escaped, expected in pending:  # find the culprit for a precise message
            _prove(escaped, expected, unique[escaped, expected])


# CommonMark gives meaning only to ASCII punctuation, control characters (tabs, line ends)
# and leading spaces. A fragment without any of them that is already its own text is a
# paragraph of itself, so the parser is asked only about the others (tests/test_pipeline.py
# parses every fragment to keep this rule honest).
ACTIVE_CHARACTER = re.compile(r"[\x00-\x1f!-/:-@\[-`{-\x7f]")


def inert(escaped: str, expected: str) -> bool:
    return escaped == expected and not ACTIVE_CHARACTER.search(escaped)


_ACTIVE: contextvars.ContextVar[LiteralProof | None] = contextvars.ContextVar("literal_proof", default=None)


@contextlib.contextmanager
def literal_proof() -> Iterator[LiteralProof]:
    """Collect the fragments escaped inside the block and prove them in one parse at its end."""
    proof = LiteralProof()
    token = _ACTIVE.set(proof)
    try:
        yield proof
    finally:
        _ACTIVE.reset(token)
    proof.verify()


def _prove(escaped: str, expected: str, where: str) -> None:
    if plain_text_of(escaped) != expected:
        raise InputError(where or "<text>", None, f"text cannot be made Markdown-safe: {expected[:40]!r}")


def safe(text: str, where: str = "") -> str:
    """Escape text; prove (now, or with the page's proof) that markdown-it-py renders it back to itself."""
    text = " ".join(text.split("\n"))
    escaped = escape(text)
    # A paragraph's edge whitespace is not part of its text; a piece of a longer
    # paragraph (beside a link) may begin or end with a space.
    proof = _ACTIVE.get()
    if proof is not None:
        proof.add(escaped, text, where)
    elif text.strip():
        _prove(escaped, text.strip(), where)
    return escaped


def attr_html(text: str) -> str:
    return html.escape(text, quote=True)


def front_matter(title: str, description: str = "", hide: tuple[str, ...] = ()) -> list[str]:
    """YAML front matter; JSON strings are valid YAML double-quoted scalars, so any title is safe.
    `hide` names Material's sidebars the page does without ("navigation", "toc")."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if hide:
        lines += ["hide:", *(f"  - {name}" for name in hide)]
    return [*lines, "---", ""]


def page_heading(title: str, anchor: str = "title", attrs: str = "") -> list[str]:
    return [f"# {safe(title)} {{#{anchor}{attrs}}}", ""]


def block_attrs(attrs: dict[str, str]) -> str:
    """The `attrs:` option of a pymdownx block (`{data-plan: "…", class: "…"}`): keys as the HTML
    attributes are named, values as JSON strings, which are valid YAML scalars whatever they hold."""
    return "{" + ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in attrs.items()) + "}"


def class_attrs(classes: str) -> str:
    """'dash tw-h' → ' .dash .tw-h' for an attr_list."""
    return "".join(f" .{name}" for name in classes.split())


def data_attr(name: str, value: str) -> str:
    """An attr_list data attribute. attr_list has no escapes, so a value must not hold '"' or '}'."""
    if '"' in value or "}" in value:
        raise ValueError(f"{name} value cannot be written in attr_list: {value!r}")
    return f' {name}="{value}"'
