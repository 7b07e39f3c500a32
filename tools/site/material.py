"""What this project relies on in Material for MkDocs' own markup (checked against 9.8.1).

Every use of Material's internal class names or file formats goes through these names, so a
Material upgrade is checked in one place.
"""

MATERIAL_VERSION = "9.8.1"
ARTICLE_CLASS = "md-content__inner"  # <article class="md-content md-content__inner …"> holds the page text
ARTICLE = f"article.{ARTICLE_CLASS}"
SEARCH_INPUT = "input.md-search__input"
OFFLINE_INDEX_PREFIX = "var __index = "  # search/search_index.js as the offline plugin writes it


def names() -> dict[str, str]:
    """The selectors assets/site.js needs (written into assets/site-data.js)."""
    return {"article": ARTICLE, "searchInput": SEARCH_INPUT}
