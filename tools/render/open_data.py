"""The open-data page (/open-data/, /en/open-data/): every published data file with its format,
size, schema and licence, and which text is authoritative. Formats and schemas are data
(sources/publication.toml); sizes are those of the generated files themselves."""

from __future__ import annotations

from tools.common import contract as c
from tools.common.errors import InputError
from tools.common.ui import localized
from tools.model import anchors
from tools.model.publication import PDF_VARIANTS, pdf_path
from tools.render.corpus import Corpus
from tools.render.markdown import attr_html, front_matter, page_heading, safe

DATA_DIR = "data/"


def published_files(files: dict[str, str]) -> list[str]:
    """The generated files a reader can download: everything under data/."""
    return sorted(path for path in files if path.startswith(DATA_DIR))


def render_open_data_page(corpus: Corpus, files: dict[str, str], lang: str) -> str:
    labels, publication = corpus.strings.of(lang), corpus.publication
    root = anchors.to_site_root(lang)
    licence = localized(publication, "licence", lang)
    out = [
        *front_matter(labels["open_data_title"]),
        *page_heading(labels["open_data_title"]),
        safe(labels["open_data_intro"]), "",
        safe(labels["open_data_authoritative"]), "",
        labels["open_data_licence"].format(
            licence=safe(licence), url=publication.licence_url, source=safe(localized(publication, "source_licence", lang))
        ), "",
        f"| {labels['col_file']} | {labels['col_format']} | {labels['col_size']} | {labels['col_schema']} | {labels['col_licence']} |",
        "|---|---|--:|---|---|",
    ]
    for path in published_files(files):
        entry = publication.describe(path)
        if entry is None:
            raise InputError(corpus.tree.publication, None, f"no [[published]] entry describes {path}")
        link = f'<a href="{root}{attr_html(path)}" download><code>{attr_html(path)}</code></a>'
        size = len(files[path].encode("utf-8"))
        out.append(f"| {link} | {entry.format} | {size} | {safe(localized(entry, 'schema', lang))} | {safe(licence)} |")
    out.extend(pdf_rows(corpus, lang, licence))
    out.extend(epub_rows(corpus, lang, licence))
    return "\n".join(out) + "\n"


def pdf_rows(corpus: Corpus, lang: str, licence: str) -> list[str]:
    """The PDF handouts."""
    paths = [pdf_path(plan.data.slug, variant) for plan in corpus.plans for variant in PDF_VARIANTS]
    return after_build_rows(corpus, lang, licence, paths)


def epub_rows(corpus: Corpus, lang: str, licence: str) -> list[str]:
    """The EPUB books (issue 24)."""
    from tools.common.ui import LANGS
    from tools.model.publication import epub_path

    paths = [epub_path(plan.data.slug, book_lang) for plan in corpus.plans for book_lang in LANGS]
    return after_build_rows(corpus, lang, licence, paths)


def after_build_rows(corpus: Corpus, lang: str, licence: str, paths: list[str]) -> list[str]:
    """Rows for files written after the MkDocs build (PDFs, EPUBs): their size is a placeholder
    that the step writing them (tools.publish.pdf, tools.publish.epub) fills in on the built page."""
    root, rows = anchors.to_site_root(lang), []
    for path in paths:
        entry = corpus.publication.describe(path)
        if entry is None:
            raise InputError(corpus.tree.publication, None, f"no [[published]] entry describes {path}")
        link = f'<a href="{root}{attr_html(path)}" download><code>{attr_html(path)}</code></a>'
        size = f'<span {c.PDF_SIZE}="{attr_html(path)}">–</span>'
        rows.append(f"| {link} | {entry.format} | {size} | {safe(localized(entry, 'schema', lang))} | {safe(licence)} |")
    return rows
