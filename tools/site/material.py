"""What this project relies on in Material for MkDocs' own markup (checked against 9.8.1).

Every use of Material's internal class names or file formats goes through these names, so a
Material upgrade is checked in one place.
"""

import re

MATERIAL_VERSION = "9.8.1"
ARTICLE_CLASS = "md-content__inner"  # <article class="md-content md-content__inner …"> holds the page text
ARTICLE = f"article.{ARTICLE_CLASS}"
SEARCH_INPUT = "input.md-search__input"
# Material's search dialog, as the browser tests and benchmarks drive it.
SEARCH_SELECTORS = {
    "dialog": ".md-search",  # the search overlay
    "input": SEARCH_INPUT,
    "results": ".md-search-result__list",  # the list results are drawn into
    "result": ".md-search-result__item",  # one page and its sections
    "meta": ".md-search-result__meta",  # "N matching documents"
    "scroll": ".md-search__scrollwrap",  # scrolled to draw more results
}
SEARCH_RESULT = SEARCH_SELECTORS["result"]
OFFLINE_INDEX_PREFIX = "var __index = "  # search/search_index.js as the offline plugin writes it
# Material's script wraps every table of the content that has no class (`table:not([class])`, which its
# stylesheet also styles) in these two elements, for scrolling sideways (tools/site/tables.py writes them).
TABLE_WRAPPERS = ("md-typeset__scrollwrap", "md-typeset__table")

# The Nu HTML Checker's allowance: errors in Material's own markup that this project keeps, each
# exactly one message on exactly one element (tests/test_validators.py fails on any other error,
# and on this allowance once the installed Material is not MATERIAL_VERSION, so an upgrade
# re-checks it). Material 9.8.1's base.html writes its drawer and search toggles as
# <input type="checkbox" … autocomplete="off">, outside any template block; HTML allows
# autocomplete only on text-like inputs. Upstream: squidfunk/mkdocs-material issue 1513 (closed,
# kept on purpose): the attribute stops Firefox restoring a toggle's state on reload and on
# back/forward, so the drawer or search would reopen. Removing it means forking all of base.html
# for two attributes and changing Firefox's behaviour, which the tests cannot drive.
AUTOCOMPLETE_ON_CHECKBOX = (
    "Attribute \u201cautocomplete\u201d is only allowed when the input type is \u201ccolor\u201d, \u201cdate\u201d, "
    "\u201cdatetime-local\u201d, \u201cemail\u201d, \u201chidden\u201d, \u201cmonth\u201d, \u201cnumber\u201d, "
    "\u201cpassword\u201d, \u201crange\u201d, \u201csearch\u201d, \u201ctel\u201d, \u201ctext\u201d, "
    "\u201ctime\u201d, \u201curl\u201d, or \u201cweek\u201d."
)
# Material 9.8.1's partials/toc.html writes its title as <label for="__toc"> whenever the page has
# headings, but the `__toc` toggle it names is written by partials/nav-item.html only where the
# table of contents shows. A page with `hide: toc` (the topic comparisons, which need the width for
# their columns) keeps the sidebar, `hidden`, with a label for a control that is not there. Nothing
# can reach the hidden label; removing it means forking a generated partial for one element.
LABEL_FOR_MISSING_CONTROL = (
    "The value of the \u201cfor\u201d attribute of the \u201clabel\u201d element must be the ID of a "
    "non-hidden form control."
)
VALIDATOR_ALLOWANCE = {
    (AUTOCOMPLETE_ON_CHECKBOX, f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">')
    for name in ("drawer", "search")
} | {(LABEL_FOR_MISSING_CONTROL, '<label class="md-nav__title" for="__toc">')}


def article_html(page_html: str) -> str:
    """The page's <article> element alone (a third of a page is navigation and tables of
    contents, which a parser looking for the article would read through for nothing)."""
    start = re.search(rf'<article\b[^>]*class="[^"]*\b{ARTICLE_CLASS}\b', page_html)
    if not start:
        return ""
    end = page_html.rfind("</article>")
    return page_html[start.start(): end + len("</article>")] if end > start.start() else page_html[start.start():]


def skip_search_entries() -> None:
    """Material's search plugin stops collecting page text for its own index.

    The site's search reads the built pages (tools/site/search_index.py) and Material's
    search_index.json is cut down to its configuration, so the text Material collects, and
    segments with jieba, page by page, is thrown away: it cost a third of the site build.
    Its `SearchIndex.add_entry_from_context` is the one method that collects it (9.8.1).
    """
    from material.plugins.search.plugin import SearchIndex

    SearchIndex.add_entry_from_context = lambda self, page: None


# Material's lunr search worker and its language files (≈ 1.2 MB): the site's search runs its
# own worker (assets/search-worker.js, named in overrides/main.html), so nothing loads them.
UNUSED_SEARCH_ASSETS = ("assets/javascripts/workers", "assets/javascripts/lunr")


def remove_unused_search_assets(site) -> None:
    """Drop Material's search worker and lunr files from the built site (and so from the bundle)."""
    import shutil
    from pathlib import Path

    for folder in UNUSED_SEARCH_ASSETS:
        shutil.rmtree(Path(site) / folder, ignore_errors=True)


def names() -> dict[str, str]:
    """The selectors assets/site.js needs (written into assets/site-data.js)."""
    return {"article": ARTICLE}


def with_selectors(script: str) -> str:
    """A script for the browser with «input», «result», … replaced by Material's selectors."""
    return re.sub("«(\\w+)»", lambda match: SEARCH_SELECTORS[match.group(1)], script)
