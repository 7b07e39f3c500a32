"""Facts about this edition itself (sources/publication.toml): its name, the licence of what it
adds, and how a plan's 有效性 maps onto schema.org's LegalForceStatus."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from tools.common.errors import InputError
from tools.common.tomldata import line_of, load_toml, table_line

TEXT = ("name_zh", "name_en", "licence_zh", "licence_en", "licence_url", "source_licence_zh", "source_licence_en")
LEGAL_FORCE = ("InForce", "NotInForce", "PartiallyInForce")
PUBLISHED = ("pattern", "format", "schema_zh", "schema_en")


@dataclass(frozen=True)
class Published:
    """One kind of published data file: which paths, their format and what their schema is."""

    pattern: str
    format: str
    schema_zh: str
    schema_en: str


@dataclass(frozen=True)
class Publication:
    name_zh: str
    name_en: str
    licence_zh: str
    licence_en: str
    licence_url: str
    source_licence_zh: str
    source_licence_en: str
    legal_force: dict[str, str] = field(default_factory=dict)
    published: tuple[Published, ...] = ()

    def force(self, validity_zh: str) -> str:
        """The schema.org legal force of a printed 有效性, or "" when it is unknown."""
        return self.legal_force.get(validity_zh.strip(), "")

    def describe(self, path: str) -> Published | None:
        return next((entry for entry in self.published if fnmatchcase(path, entry.pattern)), None)


def load_publication(path: Path) -> Publication:
    data, raw = load_toml(path)
    for key in TEXT:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InputError(path, line_of(raw, key), f"missing or empty field {key!r}")
    force = data.get("legal_force", {})
    for printed, value in force.items():
        if value not in LEGAL_FORCE:
            raise InputError(path, table_line(raw, "legal_force"), f"legal_force {printed!r} must be one of {', '.join(LEGAL_FORCE)}")
    published = []
    for index, entry in enumerate(data.get("published", []), start=1):
        if not all(isinstance(entry.get(key), str) and entry[key].strip() for key in PUBLISHED):
            raise InputError(path, None, f"[[published]] entry {index} needs {', '.join(PUBLISHED)}")
        published.append(Published(**{key: entry[key] for key in PUBLISHED}))
    return Publication(**{key: data[key] for key in TEXT}, legal_force=dict(force), published=tuple(published))


# -- the PDF handouts (written by tools.publish.pdf after the MkDocs build) -------------
# Variant → (the page printed, whether its twins are shown side by side).
PDF_VARIANTS = {"zh": ("zh", False), "en": ("en", False), "zh-en": ("zh", True)}
PDF_MEDIA_TYPE = "application/pdf"


def pdf_path(slug: str, variant: str) -> str:
    """Where a plan's PDF sits under site/: pdf/<slug>.<variant>.pdf."""
    return f"pdf/{slug}.{variant}.pdf"


# -- the EPUB books (written by tools.publish.epub after the MkDocs build; issue 24) ----------
EPUB_MEDIA_TYPE = "application/epub+zip"


def epub_path(slug: str, lang: str) -> str:
    """Where a plan's EPUB sits under site/: epub/<slug>.<lang>.epub."""
    return f"epub/{slug}.{lang}.epub"


# Files written into site/ after the MkDocs build (`make site`: tools.publish.pdf, then
# tools.publish.epub), as paths under site/. A check of the MkDocs build alone (the tests' built
# site, the link checkers) leaves them out; tests/test_pdf.py and tests/test_epub.py write them
# and check every link to them.
WRITTEN_AFTER_BUILD = (r"pdf/[a-z0-9-]+\.(?:zh|en|zh-en)\.pdf", r"epub/[a-z0-9-]+\.(?:zh|en)\.epub")


def written_after_build(path: str) -> bool:
    """Whether a path under site/ (pdf/x.zh.pdf) is one of the files written after the MkDocs build."""
    return any(re.fullmatch(pattern, path) for pattern in WRITTEN_AFTER_BUILD)
