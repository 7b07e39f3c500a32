"""What this project relies on in Material for MkDocs' own markup (checked against 9.8.1).

Every use of Material's internal class names or file formats goes through these names, so a
Material upgrade is checked in one place.
"""

MATERIAL_VERSION = "9.8.1"
ARTICLE_CLASS = "md-content__inner"  # <article class="md-content md-content__inner …"> holds the page text
ARTICLE = f"article.{ARTICLE_CLASS}"
SEARCH_INPUT = "input.md-search__input"
OFFLINE_INDEX_PREFIX = "var __index = "  # search/search_index.js as the offline plugin writes it


def skip_search_entries() -> None:
    """Material's search plugin stops collecting page text for its own index.

    The site's search reads the built pages (tools/site/search_index.py) and Material's
    search_index.json is cut down to its configuration, so the text Material collects, and
    segments with jieba, page by page, is thrown away: it cost a third of the site build.
    Its `SearchIndex.add_entry_from_context` is the one method that collects it (9.8.1).
    """
    from material.plugins.search.plugin import SearchIndex

    SearchIndex.add_entry_from_context = lambda self, page: None


def names() -> dict[str, str]:
    """The selectors assets/site.js needs (written into assets/site-data.js)."""
    return {"article": ARTICLE, "searchInput": SEARCH_INPUT}
