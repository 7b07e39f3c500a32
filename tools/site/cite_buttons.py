"""The cite controls, written into the page by the build (run by tools/site/hooks.py on each page's HTML).

Every citable heading (h2–h6), paragraph and box title of an article gets one
`<button type="button" class="cite-button" data-search-exclude>引用</button>` (Cite), as its last
child: a heading or paragraph with `data-cite` and an `id` (tools.model.anchors; copies of a plan's
passages on comparison pages carry `data-cite-url` too), and the title of a box with both. site.js
added these buttons on every page load; each insertion set off a style and layout pass over the whole
page, the main long task of a plan page on a phone (issue 21, Total Blocking Time). Written here, they
are laid out with the page; site.js only listens to the article (one delegated listener, `wireCiteButtons`).

Until the script runs (no script at all) they are hidden with their place kept (`.no-js` in assets/site.css),
as the side-by-side switch is. They stay out of the search index (`data-search-exclude`, and the class is
in `contract.INTERFACE_CLASSES`, which the no-loss check skips too), the EPUBs (`tools.publish.epub`
drops the class), the PDFs and print (assets/site.css) and copied text (`user-select: none`).

The page HTML is Python-Markdown's: attribute values are escaped (no raw `"` or `>`), headings and
paragraphs do not nest, so an element's end is the first closing tag of its name after its start.
Scripts (the JSON of `data-csl-sections`) are left as they are.
"""

from __future__ import annotations

import html
import re

from tools.common import contract
from tools.site.htmltext import outside_scripts

_HAS_CITE = rf'(?=[^>]*\s{contract.CITE}=")(?=[^>]*\sid=")'
# A citable heading or paragraph: its opening tag.
CITABLE = re.compile(rf"<(h[2-6]|p)\b{_HAS_CITE}[^>]*>")
# A citable box (专栏) and the opening tag of its title, which takes the box's button.
BOX_TITLE = re.compile(
    rf'<div\b(?=[^>]*\sclass="(?:[^"]*\s)?{contract.BOX}(?:\s[^"]*)?"){_HAS_CITE}[^>]*>\s*'
    rf'<p\b(?=[^>]*\sclass="(?:[^"]*\s)?admonition-title(?:\s[^"]*)?")[^>]*>')


def button(label: str) -> str:
    """One cite control: its visible word is its accessible name (WCAG 2.5.3)."""
    return f'<button type="button" class="{contract.CITE_BUTTON}" {contract.SEARCH_EXCLUDE}>{html.escape(label)}</button>'


def cite_buttons(html_text: str, label: str) -> str:
    """`html_text` (an article's HTML) with a cite control closing every citable element."""
    if f"{contract.CITE}=" not in html_text:
        return html_text
    control = button(label)
    return outside_scripts(html_text, lambda part: _insert(part, control))


def _insert(text: str, control: str) -> str:
    ends = []
    for match in CITABLE.finditer(text):
        ends.append(_end(text, match.group(1), match.end()))
    for match in BOX_TITLE.finditer(text):
        ends.append(_end(text, "p", match.end()))
    if not ends:
        return text
    out, last = [], 0
    for end in sorted(ends):
        out += [text[last:end], control]
        last = end
    out.append(text[last:])
    return "".join(out)


def _end(text: str, tag: str, start: int) -> int:
    end = text.find(f"</{tag}>", start)
    if end < 0:
        raise ValueError(f"cite control: <{tag}> at {start} is never closed")
    return end
