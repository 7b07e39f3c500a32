"""A plan's bibliographic record as downloads for reference managers: CSL-JSON, BibTeX, RIS.

Each file holds two records, the plan (zh) and its unofficial English translation (en), both
made from the CSL-JSON items of tools/render/csl.py (the one owner of the facts). BibTeX is
written by bibtexparser and RIS by rispy; the tests read them back with the same libraries.
Item types: CSL `report`, BibTeX `@techreport` (institution = issuer), RIS `RPRT`, which
reference managers file as a report by its issuer.
"""

from __future__ import annotations

import json

from tools.model.document import Plan
from tools.render import csl

FORMATS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}


def cite_path(slug: str, extension: str) -> str:
    """Where a plan's download sits under docs/ (and so under site/)."""
    return f"data/cite/{slug}.{extension}"


def csl_json(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def _names(item: dict, role: str) -> list[str]:
    return [name["literal"] for name in item.get(role, [])]


def _date_parts(item: dict) -> list[int]:
    return item.get("issued", {}).get("date-parts", [[]])[0]


def bibtex(items: list[dict]) -> str:
    import bibtexparser
    from bibtexparser.model import Entry, Field

    entries = []
    for item in items:
        authors = _names(item, "author")
        parts = _date_parts(item)
        fields = [
            # Braced: a body's name is one literal name, never "Last, First".
            ("author", " and ".join("{" + name + "}" for name in authors)),
            ("title", "{" + item["title"] + "}"),
            ("institution", " and ".join(authors)),
            ("type", item.get("genre", "")),
            ("edition", item.get("edition", "")),
            ("number", item.get("number", "")),
            ("year", str(parts[0]) if parts else ""),
            ("month", str(parts[1]) if len(parts) > 1 else ""),
            ("date", "-".join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts))),
            ("translator", " and ".join("{" + name + "}" for name in _names(item, "translator"))),
            ("origtitle", item.get("original-title", "")),
            ("language", item["language"]),
            ("url", item["URL"]),
        ]
        entries.append(Entry("techreport", item["id"], [Field(key, value) for key, value in fields if value]))
    return bibtexparser.write_string(bibtexparser.Library(entries))


def ris(items: list[dict]) -> str:
    import rispy

    references = []
    for item in items:
        parts = _date_parts(item)
        reference = {
            "type_of_reference": "RPRT",
            "authors": _names(item, "author"),
            "title": item["title"],
            "year": str(parts[0]) if parts else "",
            "date": "/".join(f"{part:02d}" if index else str(part) for index, part in enumerate(parts)) + ("/" if parts else ""),
            "number": item.get("number", ""),
            "type_of_work": item.get("genre", ""),
            "edition": item.get("edition", ""),
            "translated_author": "; ".join(_names(item, "translator")),
            "original_publication": item.get("original-title", ""),
            "language": item["language"],
            "urls": [item["URL"]],
        }
        references.append({key: value for key, value in reference.items() if value})
    return rispy.dumps(references, implementation=_ris_writer())


def _ris_writer():
    import rispy

    class PlainRisWriter(rispy.RisWriter):
        """RIS records without rispy's "1." counter lines, which are not RIS."""

        def set_header(self, count: int) -> str:
            return ""

    return PlainRisWriter


def downloads(plan: Plan, edition_name: str, revised: str = "") -> dict[str, str]:
    """Path under docs/ → content, for the plan's three downloads."""
    items = csl.records(plan, edition_name, revised)
    slug = plan.data.slug
    return {
        cite_path(slug, "json"): csl_json(items),
        cite_path(slug, "bib"): bibtex(items),
        cite_path(slug, "ris"): ris(items),
    }
