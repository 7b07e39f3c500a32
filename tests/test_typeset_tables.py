"""Markdown tables written inside Material's wrappers by the build (tools/site/tables.py), styled by
assets/site.css as Material styles a table without a class, so that Material's script leaves them."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from support import DOCS

from tools.common import contract
from tools.site.material import ARTICLE_CLASS, TABLE_WRAPPERS
from tools.site.tables import wrap_tables

ARTICLE = f"//article[contains(concat(' ', normalize-space(@class), ' '), ' {ARTICLE_CLASS} ')]"


def test_a_table_without_a_class_is_wrapped_and_classed():
    page = ('<p>x</p><table>\n<thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody>\n</table>'
            '<table id="t" class="plan-table"><tr><td>2</td></tr></table><table id="u"><tr><td>3</td></tr></table>'
            '<script type="application/json">{"x":"<table>"}</script>')
    out = wrap_tables(page)
    scroll, inner = TABLE_WRAPPERS
    assert out.count(f'<div class="{scroll}"><div class="{inner}"><table class="{contract.TYPESET_TABLE}"') == 2
    assert f'<table class="{contract.TYPESET_TABLE}" id="u">' in out and '<table id="t" class="plan-table">' in out
    assert out.count("</table></div></div>") == 2 and out.endswith('{"x":"<table>"}</script>')
    tree = lxml.html.fragment_fromstring(out, create_parent="div")
    assert [t.text_content() for t in tree.xpath(f"//div[@class='{inner}']/table")] == ["\na1\n", "3"]
    assert wrap_tables("<p>no table</p>") == "<p>no table</p>"


def test_no_built_page_leaves_a_table_to_materials_script(built_site):
    """Material's script wraps `table:not([class])`: none is left in any article, and every table the build
    classed stands in Material's two wrappers."""
    wrapped = 0
    for path in sorted(built_site.rglob("*.html")):
        tree = lxml.html.fromstring(path.read_bytes())
        assert not tree.xpath(f"{ARTICLE}//table[not(@class)]"), path
        for table in tree.xpath(f"{ARTICLE}//table[@class='{contract.TYPESET_TABLE}']"):
            inner = table.getparent()
            assert inner.get("class") == TABLE_WRAPPERS[1] and inner.getparent().get("class") == TABLE_WRAPPERS[0], path
            wrapped += 1
    assert wrapped > 20


def squeeze(text: str) -> str:
    """Whitespace as a minifier leaves it: one space between compounds, none around combinators and punctuation."""
    return re.sub(r"\s*([>+~,{};])\s*", r"\1", " ".join(text.split()))


def declarations(css: str, selector_part: str) -> set[str]:
    """Each rule whose selector names `selector_part`, normalised (its @media kept, declarations sorted)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = set()
    for media, body in re.findall(r"(@media[^{]*\{)?([^{}@]*\{[^}]*\})", css):
        selector, block = body.split("{", 1)
        if selector_part not in selector:
            continue
        props = ";".join(sorted(re.sub(r"\s*:\s*", ":", squeeze(p), count=1) for p in block.rstrip("}").split(";") if p.strip()))
        found.add(f"{squeeze(media)}{squeeze(selector)}{{{props}}}")
    return found


# Inside its wrappers a table has no next sibling: Material's rule for what follows a table never applies.
NEVER_MATCHES = ".md-typeset table:not([class])+*"


@pytest.mark.parametrize("sheet", ["main"])
def test_the_class_is_styled_as_material_styles_a_table_without_one(sheet):
    """site.css repeats every rule of Material's stylesheet for `table:not([class])`, for the class (a Material
    upgrade that changes them fails here)."""
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    theirs = "".join(p.read_text(encoding="utf-8") for p in folder.glob(f"{sheet}.*.min.css"))
    expected = {rule.replace("table:not([class])", f"table.{contract.TYPESET_TABLE}")
                for rule in declarations(theirs, "table:not([class])")
                if not rule.startswith(NEVER_MATCHES)}
    ours = declarations((DOCS / "assets" / "site.css").read_text(encoding="utf-8"), f"table.{contract.TYPESET_TABLE}")
    assert expected and expected == ours
