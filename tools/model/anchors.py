"""Anchor ids, printed numbers, citations and URLs: the contracts of ARCHITECTURE.md, in one module.

Every id on a plan page, every translation key, every citation ("《…》三（一）1 第2段",
"…, §3.1.1 ¶2") and every zh/en address is built here. The parser, the page writers,
data/sections.json, the How-to-cite pages and (through data attributes written into the
page) assets/site.js all use these functions, so the rules cannot drift apart.

Ids are ASCII and come from the printed numbering, never from heading text:
  s3-1-1            section 三、（一）1.          s3-1-1-p2       its second paragraph
  s3-1-1-p2-duty    that paragraph's duty note    preamble(-pN)   text before the first chapter
  notice(-pN)       transmittal notice            notice-title    the notice's own title
  closing(-pN)      signature and date            box-N(-pM)      专栏N and its paragraphs
  table-N(-rR)      table N and its rows (r0 is the header row)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tools.common.ui import Strings
from tools.model.numerals import NUMERAL_CHARS

PREAMBLE = "preamble"
NOTICE = "notice"
NOTICE_TITLE = "notice-title"
CLOSING = "closing"
TITLE = "title"  # the eId of the plan title in Akoma Ntoso


# -- ids ----------------------------------------------------------------------
def section_id(parent_id: str, value: int) -> str:
    """s3 for chapter 三、; s3-1 for its （一）; s3-1-1 for that section's 1."""
    return f"{parent_id}-{value}" if parent_id else f"s{value}"


def paragraph_id(owner: str, n: int) -> str:
    return f"{owner}-p{n}"


def duty_id(block_id: str) -> str:
    return f"{block_id}-duty"


def box_id(n: int) -> str:
    return f"box-{n}"


def table_id(n: int) -> str:
    return f"table-{n}"


def row_id(table: str, r: int) -> str:
    return f"{table}-r{r}"


# -- translation keys (the units of sources/translations/<slug>.en.toml) -------
def box_title_key(box: str) -> str:
    return f"{box}-title"


def caption_key(table: str) -> str:
    return f"{table}-caption"


def cell_key(table: str, r: int, c: int) -> str:
    return f"{row_id(table, r)}-c{c}"


def metadata_key(field: str) -> str:
    return f"meta-{field}"


# -- printed numbers ----------------------------------------------------------
def printed_number(parent_number: str, own: str) -> str:
    """The number as readers quote it: 三, 三（一）, 三（一）1, 第三章第二节一, or 五、3 for an
    Arabic number directly after a bare Chinese one (which would otherwise read as one number)."""
    joint = "、" if parent_number[-1:] in NUMERAL_CHARS and own[:1].isdigit() else ""
    return parent_number + joint + own


SECTION_SIGN = "§"


def english_number(section: str) -> str:
    """s3-1-1 → §3.1.1."""
    return SECTION_SIGN + section[1:].replace("-", ".")


# -- citations ----------------------------------------------------------------
PARTS = re.compile(
    r"^(?:(?P<section>s\d+(?:-\d+)*)|(?P<part>preamble|notice|closing)|(?P<box>box-(?P<box_n>\d+))|(?P<table>table-(?P<table_n>\d+)))"
    r"(?:-p(?P<paragraph>\d+))?(?:-r(?P<row>\d+))?(?P<duty>-duty)?(?P<title>-title)?$"
)


@dataclass(frozen=True)
class Place:
    """What an anchor points at, parsed from the id alone."""

    section: str = ""
    part: str = ""
    box: int = 0
    table: int = 0
    paragraph: int = 0
    row: int | None = None
    duty: bool = False


def parse(anchor: str) -> Place | None:
    match = PARTS.match(anchor)
    if not match:
        return None
    return Place(
        section=match["section"] or "",
        part=match["part"] or "",
        box=int(match["box_n"] or 0),
        table=int(match["table_n"] or 0),
        paragraph=int(match["paragraph"] or 0),
        row=int(match["row"]) if match["row"] is not None else None,
        duty=bool(match["duty"]),
    )


def place_name(anchor: str, lang: str, strings: Strings, numbers: Mapping[str, str]) -> str:
    """How a reader names a part of a plan: 三（一）1 第2段 / §3.1.1 ¶2, 专栏3 / Box 3, 印发通知 / transmittal notice.

    `numbers` maps section ids to their printed numbers (三（一）1), which the id alone cannot give.
    """
    place = parse(anchor)
    if place is None:
        return anchor
    if place.section:
        name = numbers[place.section] if lang == "zh" else english_number(place.section)
    elif place.part:
        name = strings.get(lang, f"part_{place.part}")
    elif place.box:
        name = strings.get(lang, "cite_box", n=place.box)
    else:
        name = strings.get(lang, "cite_table", n=place.table)
    if place.paragraph:
        name += " " + strings.get(lang, "cite_paragraph", n=place.paragraph)
    if place.row is not None:
        name += " " + strings.get(lang, "cite_row", n=place.row)
    if place.duty:
        name += " " + strings.get(lang, "cite_duty")
    return name


def citation(plan_title: str, place: str, lang: str, strings: Strings) -> str:
    """《plan title》三（一）1 第2段 / Plan title (unofficial translation), §3.1.1 ¶2."""
    return strings.get(lang, "cite_format", title=plan_title, place=place)


def citation_prefix(plan_title: str, lang: str, strings: Strings) -> str:
    """What every citation of a plan starts with (《plan title》 / Plan title (unofficial
    translation), ): an element's data-cite minus this prefix is its place (the cite dialog's
    locator, assets/site.js). The place must come last in `cite_format` for this to hold."""
    prefix = citation(plan_title, "", lang, strings)
    if citation(plan_title, "PLACE", lang, strings) != prefix + "PLACE":
        raise ValueError(f"ui.toml cite_format ({lang}) must end with {{place}}")
    return prefix


# -- addresses ----------------------------------------------------------------
def page_path(slug: str, lang: str) -> str:
    """The site-relative address of a page: /slug/ for Chinese, /en/slug/ for English."""
    return f"/{slug}/" if lang == "zh" else f"/en/{slug}/"


def anchor_path(slug: str, anchor: str, lang: str) -> str:
    return f"{page_path(slug, lang)}#{anchor}"


def page_link(slug: str, anchor: str = "", from_root: bool = False, depth: int = 1) -> str:
    """A Markdown link from one generated page to another (MkDocs resolves it in each language).

    `depth` is how many folders deep the linking page is (1 for /slug/, 2 for /topics/<id>/)."""
    target = f"{slug}/index.md" if from_root else "../" * depth + f"{slug}/index.md"
    return f"{target}#{anchor}" if anchor else target


def compare_slug(topic: str) -> str:
    """The folder of a topic's comparison page: topics/<topic id> (/topics/<id>/, /en/topics/<id>/)."""
    return f"topics/{topic}"


def successor_slug(earlier: str, later: str) -> str:
    """The folder of a plan's comparison with its predecessor: compare/<earlier>--<later>."""
    return f"compare/{earlier}--{later}"


def copy_id(slug: str, anchor: str) -> str:
    """The id of a plan's passage copied onto another page: the plan slug, `--`, its anchor.

    Canonical anchors never hold `--`, so a copy can neither collide with an id of the page
    nor pass for the canonical anchor; its cite control copies the canonical address."""
    return f"{slug}--{anchor}"


def to_site_root(lang: str) -> str:
    """From a page one folder deep (/slug/ or /en/slug/) back to the site root, for raw HTML links."""
    return "../" if lang == "zh" else "../../"
