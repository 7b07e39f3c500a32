"""Documents the plans cite in 《…》 (sources/references.toml) and the cross-links they become.

A citation links only when the data says exactly which document it names: the cited title
and the citing plan must both match an entry. A title that merely resembles a plan's title
(《关于强化知识产权保护的实施意见》 vs 玉溪市强化知识产权保护的实施意见) is a different document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tools.common.tomldata import Entries

CITATION = re.compile(r"《([^《》]*(?:〈[^〉]*〉[^《》]*)*)》")


@dataclass
class Document:
    id: str
    cited_as: list[str]
    cited_as_en: list[str]
    cited_by: list[str]
    plan: str
    title_zh: str
    title_en: str
    title_en_official: bool
    issuer_zh: str
    issuer_en: str
    year: int | None
    note_en: str = ""


def load_references(path: Path, slugs: set[str]) -> list[Document]:
    if not path.exists():
        return []
    entries = Entries(path, "document")
    documents = []
    for index, item in entries:
        doc_id = entries.identifier(index)
        plan = entries.text(index, "plan", required=False)
        if plan and plan not in slugs:
            raise entries.error(index, "plan", f"cross-reference to unknown plan slug {plan!r}")
        cited_by = entries.texts(index, "cited_by", slugs, "cited_by names unknown plan slug {value}")
        year = item.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise entries.error(index, "year", "`year` must be a whole number")
        documents.append(Document(
            id=doc_id,
            cited_as=entries.texts(index, "cited_as"),
            cited_as_en=entries.texts(index, "cited_as_en"),
            cited_by=cited_by,
            plan=plan,
            title_zh=entries.text(index, "title_zh"),
            title_en=entries.text(index, "title_en"),
            title_en_official=bool(item.get("title_en_official", False)),
            issuer_zh=entries.text(index, "issuer_zh", required=False),
            issuer_en=entries.text(index, "issuer_en", required=False),
            year=year,
            note_en=entries.text(index, "note_en", required=False),
        ))
    return documents


class CrossLinker:
    """Finds, in one plan's text, the citations the reference data resolves."""

    def __init__(self, documents: list[Document], citing_plan: str, lang: str) -> None:
        self.by_form: dict[str, Document] = {}
        for doc in documents:
            if citing_plan not in doc.cited_by or doc.plan == citing_plan:
                continue
            for form in doc.cited_as if lang == "zh" else doc.cited_as_en:
                self.by_form[f"《{form}》" if lang == "zh" else form] = doc
        ordered = sorted(self.by_form, key=len, reverse=True)
        self.regex = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def segments(self, text: str) -> list[tuple[str, Document | None]]:
        """The text cut into (piece, document it cites or None)."""
        if not self.regex:
            return [(text, None)]
        pieces: list[tuple[str, Document | None]] = []
        cursor = 0
        for match in self.regex.finditer(text):
            if match.start() > cursor:
                pieces.append((text[cursor:match.start()], None))
            pieces.append((match.group(0), self.by_form[match.group(0)]))
            cursor = match.end()
        if cursor < len(text):
            pieces.append((text[cursor:], None))
        return pieces


def citations(text: str) -> list[str]:
    """The titles cited in 《…》 in a text (a nested 〈…〉 stays inside its title)."""
    return CITATION.findall(text)
