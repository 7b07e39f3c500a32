"""Markdown-safe text: source text must show as text, never be interpreted.

Characters that Markdown, HTML, attr_list ({: …}) or a template engine ({{ }}) would
act on are written as numeric character references, which every Markdown parser
turns back into the same characters. markdown-it-py then parses the result and
checks that it is one paragraph of exactly the original text.
"""

from __future__ import annotations

import html
import json
import re

from markdown_it import MarkdownIt

from tools.common.errors import InputError

ALWAYS = set("&<>*_`[]{}\\|!~^$")
# Only dangerous at the start of a line: headings, lists, quotes, definition lists.
LEADING = set("#-+>:=")
ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])(\s|$)")
_PARSER = MarkdownIt("commonmark")


def escape(text: str) -> str:
    out = []
    for index, char in enumerate(text):
        if char in ALWAYS or (index == 0 and char in LEADING):
            out.append(f"&#{ord(char)};")
        else:
            out.append(char)
    escaped = "".join(out)
    match = ORDERED_LIST.match(escaped)
    if match:
        escaped = f"{match.group(1)}&#{ord(match.group(2))};" + escaped[match.end(2):]
    return escaped


def plain_text_of(markdown: str) -> str | None:
    """The text of a one-paragraph Markdown string, or None if it parses as anything else."""
    tokens = _PARSER.parse(markdown)
    if [t.type for t in tokens] != ["paragraph_open", "inline", "paragraph_close"]:
        return None
    children = tokens[1].children or []
    if any(child.type not in ("text", "softbreak") for child in children):
        return None
    return "".join(child.content for child in children)


def safe(text: str, where: str = "") -> str:
    """Escape text and prove with markdown-it-py that it renders back to itself."""
    text = " ".join(text.split("\n"))
    escaped = escape(text)
    # A paragraph's edge whitespace is not part of its text; a piece of a longer
    # paragraph (beside a link) may begin or end with a space.
    if text.strip() and plain_text_of(escaped) != text.strip():
        raise InputError(where or "<text>", None, f"text cannot be made Markdown-safe: {text[:40]!r}")
    return escaped


def attr_html(text: str) -> str:
    return html.escape(text, quote=True)


def front_matter(title: str, description: str = "") -> list[str]:
    """YAML front matter; JSON strings are valid YAML double-quoted scalars, so any title is safe."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    return [*lines, "---", ""]


def page_heading(title: str, anchor: str = "title", attrs: str = "") -> list[str]:
    return [f"# {safe(title)} {{#{anchor}{attrs}}}", ""]


def class_attrs(classes: str) -> str:
    """'dash tw-h' → ' .dash .tw-h' for an attr_list."""
    return "".join(f" .{name}" for name in classes.split())


def data_attr(name: str, value: str) -> str:
    """An attr_list data attribute. attr_list has no escapes, so a value must not hold '"' or '}'."""
    if '"' in value or "}" in value:
        raise ValueError(f"{name} value cannot be written in attr_list: {value!r}")
    return f' {name}="{value}"'
