"""Reference-manager metadata of a plan page: Highwire Press `citation_*` and Dublin Core `DC.*`
<meta> tags, made from the plan's CSL record (tools/render/csl.py, the one owner of the facts).

The tags go into the page's front matter (`reference_meta`) and overrides/main.html writes them
into <head>. `citation_technical_report_institution` is what makes Zotero (its Embedded Metadata
translator) file the page as a Report, by its issuer, instead of a journal article; the
document number goes to `citation_technical_report_number`. Addresses are site-relative; with a
public base URL tools/site/exports.py makes them absolute.
"""

from __future__ import annotations

import json

from tools.common.ui import HTML_LANG
from tools.model.document import Plan
from tools.model.publication import pdf_path
from tools.render import csl

FRONT_MATTER_KEY = "reference_meta"
URL_TAGS = ("citation_pdf_url", "citation_abstract_html_url", "citation_public_url", "DC.identifier")


def _date(item: dict, separator: str) -> str:
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    return separator.join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts))


def tags(plan: Plan, lang: str, edition_name: str) -> list[tuple[str, str]]:
    item = csl.record(plan, lang, edition_name)
    authors = [name["literal"] for name in item.get("author", [])]
    out: list[tuple[str, str]] = [("citation_title", item["title"])]
    out += [("citation_author", name) for name in authors]
    out += [("citation_technical_report_institution", name) for name in authors]
    if item.get("number"):
        out.append(("citation_technical_report_number", item["number"]))
    if item.get("issued"):
        out.append(("citation_date", _date(item, "/")))
    out += [
        ("citation_language", HTML_LANG[lang]),
        ("citation_abstract_html_url", item["URL"]),
        ("citation_pdf_url", "/" + pdf_path(plan.data.slug, lang)),
        ("DC.title", item["title"]),
    ]
    out += [("DC.creator", name) for name in authors]
    out += [("DC.publisher", name) for name in authors]
    if item.get("issued"):
        out.append(("DC.date", _date(item, "-")))
    out += [("DC.type", "Text"), ("DC.format", "text/html"), ("DC.language", HTML_LANG[lang]), ("DC.identifier", item["URL"])]
    if lang == "en":
        out += [("DC.contributor", name["literal"]) for name in item.get("translator", [])]
        out += [("DC.source", item["original-title"]), ("DC.description", item["genre"])]
    return out


def front_matter_lines(plan: Plan, lang: str, edition_name: str) -> list[str]:
    """One YAML line (JSON is valid YAML) for the page's front matter."""
    pairs = [list(pair) for pair in tags(plan, lang, edition_name)]
    return [f"{FRONT_MATTER_KEY}: {json.dumps(pairs, ensure_ascii=False)}"]
