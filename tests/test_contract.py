"""The HTML contract (tools/common/contract.py) names every class the stylesheet and script use."""

from __future__ import annotations

import re

from support import DOCS

from tools.common import contract
from tools.model.numbering import MAX_LEVELS

# Markup that Material, Python-Markdown and pymdown-extensions produce themselves.
# Classes of the theme and the Markdown extensions: Material writes `no-js` on <html> and its script turns it into `js`.
THIRD_PARTY = {"headerlink", "admonition-title", "js", "no-js"}


def classes_in_css(css: str) -> set[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\{[^}]*\}", "{}", css)  # selectors only, not property values such as .95em
    return set(re.findall(r"\.([a-z][a-z0-9_-]*)", css))


def test_every_stylesheet_class_is_in_the_contract():
    used = classes_in_css((DOCS / "assets" / "site.css").read_text(encoding="utf-8"))
    unknown = {
        name for name in used
        if name not in contract.CLASSES and not name.startswith(("md-", contract.CHART_SERIES, f"{contract.TWIN_HEADING}"))
        and name not in THIRD_PARTY
    }
    assert unknown == set()


def test_site_script_takes_its_names_from_the_contract():
    script = (DOCS / "assets" / "site.js").read_text(encoding="utf-8")
    literals = set(re.findall(r'"\.?([a-z][a-z0-9-]+)"', script))
    hard_coded = {name for name in literals if name in contract.CLASSES - set(contract.CHART_PARTS)}  # "label" is also an element name
    assert hard_coded == set(), "site.js must read these names from window.IP_PLANS.names"
    assert "md-content__inner" not in script and "md-search__input" not in script


def test_the_contract_detects_a_stray_class():
    assert classes_in_css(".md-typeset .made-up-class { color: red }") == {"md-typeset", "made-up-class"}


def test_deep_heading_levels_are_styled():
    """Numbering reaches h6 (five declared levels); Material's h5/h6 are small, light and upper-case."""
    css = (DOCS / "assets" / "site.css").read_text(encoding="utf-8")
    deep = ", ".join(rf"\.md-typeset h{level}" for level in range(5, MAX_LEVELS + 2))
    rule = re.search(rf"{deep} \{{([^}}]*)\}}", css)
    assert rule, deep
    assert "font-size: 1em" in rule.group(1) and "text-transform: none" in rule.group(1)
    assert "color: var(--md-default-fg-color);" in rule.group(1)
