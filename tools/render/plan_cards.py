"""The cards a plan page opens with: the unofficial-translation notice (English), the document
information, the quantitative targets and the normalization record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tools.annotate.targets import Target, format_value
from tools.annotate.translations import notes_of, translation_units
from tools.common import contract as c
from tools.common.ui import localized, pick
from tools.model import anchors
from tools.model.publication import PDF_MEDIA_TYPE, PDF_VARIANTS, pdf_path
from tools.render import successor_page
from tools.render.markdown import attr_html, safe

if TYPE_CHECKING:
    from tools.render.plan_page import PageWriter


def write_cards(page: PageWriter) -> None:
    unofficial_notice(page)
    pdf_links(page)
    other_formats(page)
    cite_card(page)
    metadata_card(page)
    targets_table(page)
    if page.lang == "en":
        translator_notes(page)
    normalization_note(page)


def unofficial_notice(page: PageWriter) -> None:
    """On an English page, the notice; on a Chinese page, the same notice for side-by-side mode
    (and the zh-en PDF), whose English twins it covers."""
    href = anchors.to_site_root(page.lang) + f"{page.plan.data.slug}/index.html"
    labels = page.corpus.strings.of("en")
    if page.lang == "en":
        attrs = f"{{id: {c.UNOFFICIAL_ID}, class: {c.UNOFFICIAL}}}"
        link = f' <a class="{c.ZH_ORIGINAL}" href="{href}" lang="zh-Hans">{safe(labels["zh_original"])}</a>'
    else:
        attrs = f"{{class: '{c.UNOFFICIAL} {c.SBS_ONLY} {c.ANNOTATION}', lang: en, {c.SEARCH_EXCLUDE}: ''}}"
        link = ""
    page.emit(
        f"/// admonition | {labels['unofficial_heading']}",
        "    type: warning",
        f"    attrs: {attrs}",
        "",
        f'{safe(labels["unofficial"])}{link}',
        "///",
        "",
    )


def pdf_links(page: PageWriter) -> None:
    """The plan's three PDFs (tools.publish.pdf writes them after the MkDocs build)."""
    labels, root, slug = page.labels, anchors.to_site_root(page.lang), page.plan.data.slug
    names = {variant: labels["pdf_" + variant.replace("-", "_")] for variant in PDF_VARIANTS}
    links = [
        f'<a href="{root}{pdf_path(slug, variant)}" download type="{PDF_MEDIA_TYPE}">{attr_html(name)}</a>'
        for variant, name in names.items()
    ]
    page.emit(
        f'<p class="{c.PDF_LINKS} {c.ANNOTATION}" {c.SEARCH_EXCLUDE}>{attr_html(labels["pdf_download"])}'
        + labels["list_sep"].join(links) + "</p>",
        "",
    )


def other_formats(page: PageWriter) -> None:
    """The plan's EPUBs (tools.publish.epub, after the MkDocs build) and translation memory
    (tools/render/tmx.py), beside the PDFs; styled and printed like the PDF links."""
    from tools.common.ui import LANGS
    from tools.model.publication import EPUB_MEDIA_TYPE, epub_path
    from tools.render import tmx

    labels, root, slug = page.labels, anchors.to_site_root(page.lang), page.plan.data.slug
    links = [
        f'<a href="{root}{epub_path(slug, lang)}" download type="{EPUB_MEDIA_TYPE}">{attr_html(labels["epub_" + lang])}</a>'
        for lang in LANGS
    ] + [
        f'<a href="{root}{tmx.tmx_path(slug)}" download>TMX</a>',
        f'<a href="{root}{tmx.tsv_path(slug)}" download>TSV</a>',
    ]
    page.emit(
        f'<p class="{c.PDF_LINKS} {c.EXPORT_LINKS} {c.ANNOTATION}" {c.SEARCH_EXCLUDE}>{attr_html(labels["other_formats"])}'
        + labels["list_sep"].join(links) + "</p>",
        "",
    )


def cite_card(page: PageWriter) -> None:
    """Reference entries of the plan (zh page) or its translation (en page) from CSL, and the
    record's downloads (tools/render/csl.py, refexport.py)."""
    from tools.render import csl, refexport

    lang, labels, root, slug = page.lang, page.labels, anchors.to_site_root(page.lang), page.plan.data.slug
    edition = page.corpus.publication.name_en
    rendered = csl.entries(page.plan, lang, edition, csl.revised_of(page.corpus, page.plan))
    items = "".join(csl.entry_html(style, entry, lang, lang) for style, entry in rendered)
    links = [
        f'<a href="{root}{refexport.cite_path(slug, extension)}" download>{name}</a>'
        for extension, name in refexport.FORMATS.items()
    ]
    page.emit(
        f"/// details | {labels['cite_card_title']}",
        "    type: quote",
        f"    attrs: {{id: {c.CITE_CARD_ID}, class: '{c.ANNOTATION} {c.NO_TOOLTIPS}', {c.SEARCH_EXCLUDE}: ''}}",
        "",
        safe(labels["cite_card_intro"]),
        "",
        f'<dl class="{c.CSL_ENTRIES}">{items}</dl>',
        "",
        f'<p class="{c.EXPORT_LINKS}">{attr_html(labels["cite_downloads"])}' + labels["list_sep"].join(links) + "</p>",
        "",
        "///",
        "",
        # The same entries for any section, filled in by the cite dialog (assets/site.js).
        csl.section_script(page.corpus, page.plan, lang),
        "",
    )


def metadata_card(page: PageWriter) -> None:
    lang, labels = page.lang, page.labels
    data, meta = page.plan.data, page.plan.metadata
    rows = [
        ("issuer", localized(data, "issuer", lang)),
        ("doc_number", data.doc_number),
        ("date_written", data.date_written),
        ("date_published", data.date_published or meta.get("date_published", "")),
        ("validity", _meta_text(page, "validity")),
        ("index_no", meta.get("index_no", "")),
        ("kind", localized(data, "kind", lang)),
        ("level", localized(data, "level", lang)),
        ("period", f"{data.period[0]}–{data.period[1]}"),
        ("category", _meta_text(page, "category")),
        ("name", _meta_text(page, "name")),
        ("site_source", _meta_text(page, "site_source")),
        ("published_at", meta.get("published_at", "")),
        ("last_revision", _last_revision(page)),
    ]
    page.emit(
        f"/// details | {labels['meta_title']}",
        "    type: info",
        f"    attrs: {{id: {c.DOCUMENT_INFO_ID}, class: '{c.META_CARD} {c.NO_TOOLTIPS}'}}",
        "",
        "| | |",
        "|---|---|",
    )
    for key, value in rows:
        if value:
            page.emit(f"| {safe(labels[key])} | {safe(value)} |")
    for relation in ("predecessor", "successor"):
        slug = getattr(data, relation)
        if slug:
            other = page.corpus.by_slug[slug].data
            page.emit(f"| {safe(labels[relation])} | [{safe(localized(other, 'title', lang))}]({anchors.page_link(slug)}) |")
    # The section-by-section comparison with a predecessor or successor (tools/render/successor_page.py).
    for alignment in page.corpus.notes.alignments:
        if data.slug in (alignment.earlier, alignment.later):
            name = page.corpus.strings.get(lang, "succ_title", earlier=localized(page.corpus.by_slug[alignment.earlier].data, "short", lang),
                                           later=localized(page.corpus.by_slug[alignment.later].data, "short", lang))
            page.emit(f"| {safe(labels['succ_sections'])} | [{safe(name)}]({successor_page.link_from_plan_page(alignment)}) |")
    page.emit("///", "")


def _last_revision(page: PageWriter) -> str:
    from tools.model.changelog import last_revision

    return last_revision(page.corpus.revisions, page.plan.data.slug)


def _meta_text(page: PageWriter, key: str) -> str:
    """A page-metadata value in the page language ('' when the source has none)."""
    value = page.plan.metadata.get(key, "")
    return page.main.get(anchors.metadata_key(key), value) if value else ""


def targets_table(page: PageWriter) -> None:
    """The plan's quantitative targets, each linked to the paragraph or table row it comes from."""
    targets = page.corpus.notes.targets_of(page.plan.data.slug)
    if not targets:
        return
    labels = page.labels
    # A column that is empty in every row is left out (most plans state neither a baseline nor a nature).
    columns = [("col_indicator", True), ("col_target", True), ("col_year", True),
               ("col_baseline", any(t.baseline is not None for t in targets)),
               ("col_nature", any(t.nature != "unspecified" for t in targets))]
    shown = [key for key, keep in columns if keep]
    title = labels["count_format"].replace("{title}", labels["targets_title"]).replace("{count}", str(len(targets)))
    page.emit(
        f"/// details | {title}",
        "    type: success",
        f"    attrs: {{id: {c.TARGETS_ID}, class: '{c.TARGETS_SUMMARY} {c.ANNOTATION} {c.NO_TOOLTIPS}'}}",
        "",
        "| " + " | ".join(labels[key] for key in shown) + " |",
        "|" + "---|" * len(shown),
    )
    for target in targets:
        cells = _target_cells(target, page.lang, labels)
        page.emit("| " + " | ".join(cells[key] for key in shown) + " |")
    page.emit("", safe(labels["targets_more"]) + f" [{labels['compare_link']}]({anchors.page_link('targets')})", "///", "")


def _target_cells(target: Target, lang: str, labels: dict[str, str]) -> dict[str, str]:
    baseline = f"{target.baseline:g} ({target.baseline_year})" if target.baseline is not None else ""
    return {
        "col_indicator": f"[{safe(localized(target, 'indicator', lang))}](#{target.anchor})",
        "col_target": safe(format_value(target, lang)),
        "col_year": str(target.year),
        "col_baseline": safe(baseline),
        "col_nature": safe(labels["nature_" + target.nature]),
    }


def translator_notes(page: PageWriter) -> None:
    """Every note the translator added, with a link to its paragraph, so that a reader can review them."""
    order = [key for key, _ in translation_units(page.plan)]
    found = notes_of(page.corpus.english(page.plan), order)
    if not found:
        return
    labels = page.labels
    page.emit(
        f"/// details | {labels['tn_title']} ({len(found)})",
        "    type: note",
        f"    attrs: {{id: {c.TRANSLATOR_NOTES_ID}, class: '{c.TRANSLATOR_NOTES} {c.ANNOTATION} {c.NO_TOOLTIPS}'}}",
        "",
        safe(labels["tn_intro"]),
        "",
    )
    for key, text in found:
        page.emit(f"- [{safe(page.corpus.place(page.plan, key, page.lang))}](#{key}): {safe(text)}")
    page.emit("", "///", "")


def normalization_note(page: PageWriter) -> None:
    lang, labels = page.lang, page.labels
    plan, log = page.plan, page.plan.log
    source = plan.data.tree.shown(plan.data.source)
    page.emit(
        f"/// details | {labels['norm_title']}",
        "    type: note",
        f"    attrs: {{id: {c.NORMALIZATION_ID}, class: '{c.NORMALIZATION} {c.NO_TOOLTIPS}'}}",
        "",
        safe(f"{labels['source_file']}{labels['colon']}{source}{labels['paren_open']}{labels['encoding']} {log.encoding}{labels['paren_close']}"),
        "",
        safe(labels["norm_intro"]),
        "",
    )
    for entry in log.entries:
        description = pick(lang, entry.zh, entry.en)
        line = f"{description}{pick(lang, '：', ': ')}{entry.count} {labels['times']}"
        if entry.details:
            shown = labels["list_sep"].join(f"{b} → {a} ×{n}" if a else f"{b} ×{n}" for b, a, n in entry.details)
            line += f"{labels['paren_open']}{shown}{labels['paren_close']}"
        page.emit("- " + safe(line))
    page.emit("///", "")
