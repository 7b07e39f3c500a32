"""The HTML contract: class names, ids and data attributes that the page writers, the MkDocs
extensions, assets/site.css, assets/site.js and the tests all rely on.

Python code and tests import these names. site.js receives them through the generated
assets/site-data.js (`window.IP_PLANS.names`), and a test checks that every class used in
site.css and site.js is named here or belongs to Material (tools.site.material).
"""

from __future__ import annotations

# -- classes --------------------------------------------------------------------
TWIN = "tw"  # the other language's copy of a block, shown only in side-by-side mode
TWIN_HEADING = "tw-h"  # a twin that repeats a heading (tw-h2 … tw-h4 give its level)
SIDE_BY_SIDE = "sbs"  # on <html> while side-by-side mode is on
NO_TOOLTIPS = "no-tooltips"  # glossary tooltips are never added inside
ANNOTATION = "annotation"  # added by this edition, not part of the plan's text
TRANSLATOR_NOTE = "tn"  # a translator's note inside an English block: what the translation adds
TRANSLATOR_NOTES = "tn-list"  # the card on an English plan page that lists every translator's note
XREF = "xref"  # a cross-link made from a 《…》 citation
SEE_ALSO = "see-also"
DUTY = "duty"  # the responsibility note after a paragraph
DUTY_TEXT = "duty-text"
DUTY_UNITS = "duty-units"  # the list of units drawn from the note (interface, not source text)
DASH = "dash"  # a ——-led paragraph
ITEM = "item"  # a numbered entry without a short title, shown as a paragraph, not a heading
BOX = "box"  # 专栏
PLAN_TABLE = "plan-table"
NOTICE = "notice"
NOTICE_LABEL = "notice-label"
NOTICE_HEADING = "notice-heading"
PREAMBLE = "preamble"
CLOSING = "closing"
META_CARD = "meta-card"
NORMALIZATION = "normalization"
TARGETS_SUMMARY = "targets-summary"
UNOFFICIAL = "unofficial"
ZH_ORIGINAL = "zh-original"  # the link from an English page to its Chinese original
CHART = "chart"
CHART_FIGURE = "chart-figure"
DEFINITION_OTHER = "definition-other"
USED_IN = "used-in"
TERM_NOTE = "term-note"  # on the glossary page: what a term means in one named plan
# Written by tools/site/cite_buttons.py (closing each citable heading, paragraph and box title; wired by site.js).
CITE_BUTTON = "cite-button"
# Added by site.js.
CITE_FALLBACK = "cite-fallback"
CITE_STATUS = "cite-status"
# Written by tools/site/hooks.py (in the page from its first paint: nothing moves when site.js wires it).
PLAN_TOOLBAR = "plan-toolbar"
SBS_TOGGLE = "sbs-toggle"
TERM_TOOLTIP = "term-tooltip"  # the one tooltip that shows a glossary term's definition
# Written by tools/site/tables.py: a Markdown table, in Material's wrappers from the build, styled as Material styles
# a table without a class (assets/site.css), which its script would otherwise wrap on every page load.
TYPESET_TABLE = "typeset-table"
# Added by tools/site/hooks.py.
SBS_ONLY = "sbs-only"  # shown only in side-by-side mode
OFFLINE_ZIP = "offline-zip"  # a link to the offline bundle (hidden when the page is the bundle)
# Inside the SVG charts (tools.render.charts).
CHART_PARTS = ("label", "axis", "grid", "bar")
CHART_SERIES = "series-"  # series-0 … series-N
# The PDF handouts (tools.publish.pdf).
PDF = "pdf"  # on <html> while a page is printed to PDF
PDF_CITE = "pdf-cite"  # the canonical address printed under each heading
PDF_LINKS = "pdf-links"  # the download links on a plan page
# Similar passages (tools.render.similar_passages).
SIMILAR = "similar"  # the disclosure under a paragraph that lists other plans' passages sharing its wording
SIMILAR_SOURCE = "similar-source"  # the line naming a similar passage's plan and place, with its link
SIMILAR_ZH = "similar-zh"  # on English pages: the Chinese of a similar passage, the shared wording marked

# Topic comparison pages (tools.render.topic_compare; the plan chooser is added by site.js).
COMPARE = "compare"  # the plans of a comparison, in columns or stacked (COLUMNS says which)
COMPARE_PLAN = "compare-plan"  # one plan's passages: a collapsible <details> carrying PLAN
COMPARE_BODY = "compare-body"
COMPARE_SOURCE = "compare-source"  # the link from a copied section to its place in the plan
COMPARE_PICKER = "compare-picker"  # the reader's choice of plans (written by topic_compare.py, wired by site.js)
COMPARE_COLUMN_COUNTS = (2, 3)  # a comparison of this many plans stands in columns; others are stacked

# The successor comparison (tools/render/successor_page.py).
SUCC_ROW = "succ-row"  # one section of the later plan beside its counterparts (a grid of two columns on a wide screen)
SUCC_EARLIER = "succ-earlier"  # the row's earlier side: its one passage, its status line, or a wrapper of several passages
SUCC_LATER = "succ-later"  # the row's later side: the later plan's passage
SUCC_PASSAGE = "succ-passage"  # one plan's copy of a section (carries PLAN and SEARCH_EXCLUDE)
SUCC_TITLE = "succ-title"  # its linked, citable number and title
SUCC_STATUS = "succ-status"  # new / similarity / not continued
SUCC_LEGEND = "succ-legend"
SUCC_CLASSES = {SUCC_ROW, SUCC_EARLIER, SUCC_LATER, SUCC_PASSAGE, SUCC_TITLE, SUCC_STATUS, SUCC_LEGEND}

CLASSES = {
    TWIN, TWIN_HEADING, SIDE_BY_SIDE, NO_TOOLTIPS, ANNOTATION, XREF, SEE_ALSO, DUTY, DUTY_TEXT, DUTY_UNITS, ITEM,
    DASH, BOX, PLAN_TABLE, NOTICE, NOTICE_LABEL, NOTICE_HEADING, PREAMBLE, CLOSING, META_CARD, NORMALIZATION,
    TARGETS_SUMMARY, UNOFFICIAL, ZH_ORIGINAL, CHART, CHART_FIGURE, DEFINITION_OTHER, USED_IN, CITE_BUTTON,
    CITE_FALLBACK, CITE_STATUS, PLAN_TOOLBAR, SBS_TOGGLE, *CHART_PARTS, TRANSLATOR_NOTE, TRANSLATOR_NOTES,
    TERM_TOOLTIP, TYPESET_TABLE, SBS_ONLY, OFFLINE_ZIP, PDF, PDF_CITE, PDF_LINKS, TERM_NOTE,
    COMPARE, COMPARE_PLAN, COMPARE_BODY, COMPARE_SOURCE, COMPARE_PICKER,
}
CLASSES |= {SIMILAR, SIMILAR_SOURCE, SIMILAR_ZH} | SUCC_CLASSES

# The plans page (tools/render/plans_page.py) and its filters (site.js addPlanFilter).
PLAN_FILTER = "plan-filter"  # the form of facet filters: hidden until site.js runs (without it, the full list)
PLAN_LIST = "plan-list"  # the list of every plan; each <li> carries a data-<facet> attribute per facet
PLAN_FACTS = "plan-facts"  # a plan's facts under its title
PLAN_COUNT = "plan-count"  # how many plans are listed (role=status: announced when a filter changes it)
PLAN_RESET = "plan-reset"  # the button that clears every filter
FACET = "data-facet"  # on a filter's <select>: the facet it filters on
PLAN_FACETS = ("region", "level", "period", "kind")  # a plan's data-<facet> values are its Chinese facts (the same in both languages)
CLASSES |= {PLAN_FILTER, PLAN_LIST, PLAN_FACTS, PLAN_COUNT, PLAN_RESET}

# -- ids of page parts that are not plan text ------------------------------------
TITLE_ID = "title"
DOCUMENT_INFO_ID = "document-info"
NORMALIZATION_ID = "normalization"
TARGETS_ID = "targets"
TRANSLATOR_NOTES_ID = "translator-notes"
UNOFFICIAL_ID = "unofficial"

# -- data attributes ---------------------------------------------------------------
CITE = "data-cite"  # the citation text of a heading, paragraph, box, table or part (tools.model.anchors)
PAGE_URL = "data-url"  # on the page title: the page's canonical address; on cross-links: their address, for print
KEEP_ANCHOR = "data-keep-anchor"  # language-switch links that carry the current #anchor
SEARCH_EXCLUDE = "data-search-exclude"  # Material's search skips the element
PDF_SIZE = "data-pdf-size"  # on the open-data page: a PDF's size, filled in once the PDF is written
LAST_CITATION = "data-last-citation"  # on <body>: the last text the cite control copied (tests read it)
DEFINITION = "data-definition"  # on a glossary term: its definition (site.js moves it out of `title`)
# Shown elsewhere than on its plan's page (topic comparisons, successor comparisons, similar passages):
# a plan's passage is wrapped in an element carrying PLAN (its slug) and SEARCH_EXCLUDE.
PLAN = "data-plan"
CITE_URL = "data-cite-url"  # on a copied citable element: the canonical address its cite control copies
COLUMNS = "data-columns"  # on a comparison: 1 (stacked) or the number of plan columns

# Elements whose text is interface, not the plan's: what the no-loss check skips.
INTERFACE_CLASSES = {TWIN, DUTY_UNITS, NOTICE_LABEL, CITE_BUTTON, PLAN_TOOLBAR, COMPARE_PICKER, ANNOTATION, "headerlink", "md-source-file"}
INTERFACE_IDS = {DOCUMENT_INFO_ID, NORMALIZATION_ID, TITLE_ID}


def names() -> dict[str, str]:
    """The names site.js needs, written into assets/site-data.js."""
    return {
        "twin": TWIN, "sideBySide": SIDE_BY_SIDE, "xref": XREF, "citeButton": CITE_BUTTON,
        "citeFallback": CITE_FALLBACK, "citeStatus": CITE_STATUS, "toolbar": PLAN_TOOLBAR, "sbsToggle": SBS_TOGGLE,
        "box": BOX, "duty": DUTY, "zhOriginal": ZH_ORIGINAL, "titleId": TITLE_ID,
        "cite": CITE, "pageUrl": PAGE_URL, "keepAnchor": KEEP_ANCHOR, "searchExclude": SEARCH_EXCLUDE,
        "lastCitation": LAST_CITATION, "termTooltip": TERM_TOOLTIP, "definition": DEFINITION,
        "offlineZip": OFFLINE_ZIP,
        "plan": PLAN, "citeUrl": CITE_URL, "columns": COLUMNS, "compare": COMPARE, "comparePlan": COMPARE_PLAN,
        "comparePicker": COMPARE_PICKER, "compareColumns": " ".join(map(str, COMPARE_COLUMN_COUNTS)),
        "planFilter": PLAN_FILTER, "planList": PLAN_LIST, "planCount": PLAN_COUNT, "planReset": PLAN_RESET, "facet": FACET,
        **EXPORT_NAMES,
    }


# -- targets over time and plan passages shown away from their plan's page ---------
LINEAGE_MARK = "lineage-status"  # the kept / changed / dropped / new mark of a target (tools/render/target_lineage.py)
LINEAGE_STATUS = "data-lineage-status"  # on that mark: kept, changed, dropped or new, whatever the page's language
LINEAGE_TABLE = "lineage-table"  # around the targets-over-time table
CLASSES.update({LINEAGE_MARK, LINEAGE_TABLE})

# -- citations and exports (issue 24: tools/render/csl.py, refexport.py, plan_cards.cite_card) --
CITE_CARD_ID = "cite-this"  # the plan page's card of reference entries and downloads
CSL_ENTRIES = "csl-entries"  # a list of reference entries (plan page card, How-to-cite page)
CSL_ENTRY = "csl-entry"  # one style's reference entry
CSL_STYLE = "data-csl-style"  # on an entry: its style key (tools.render.csl.Style.key)
CSL_SECTIONS = "data-csl-sections"  # on a <script type="application/json">: a plan's per-section templates (csl.section_script)
CITE_DIALOG_ENTRIES = "cite-dialog-entries"  # the cite dialog's list of a section's reference entries (site.js)
ACCESSED = "data-accessed"  # an access date (a <span> placeholder, then the <time> site.js puts in from the reader's clock): iso, long or year
EXPORT_LINKS = "export-links"  # the download links of a plan's other formats (BibTeX, RIS, EPUB …)
CLASSES.update({CSL_ENTRIES, CSL_ENTRY, EXPORT_LINKS, CITE_DIALOG_ENTRIES})
EXPORT_NAMES = {"accessed": ACCESSED, "cslEntry": CSL_ENTRY, "cslEntries": CSL_ENTRIES, "cslStyle": CSL_STYLE,
                "cslSections": CSL_SECTIONS, "citeDialogEntries": CITE_DIALOG_ENTRIES}
