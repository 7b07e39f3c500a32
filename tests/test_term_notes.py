"""Per-plan glossary notes (issue 26): a definition that holds for every plan, notes for named plans.

A plan page's tooltip carries the definition and that plan's note only; inside an element marked
data-plan="<slug>" (passages of another plan), that plan's note; the glossary page lists every note
with its plan; glossary.json carries them.
"""

from __future__ import annotations

import html as html_lib
import json
import re

import markdown
import pytest
from support import SLUGS, assert_plan_tooltips_are_its_own, one_line, titles

from tools.annotate.glossary import abbreviation_lines, load_glossary
from tools.common import contract
from tools.common.paths import SOURCES
from tools.site.tooltips import GlossaryTooltipsExtension

TERMS = load_glossary(SOURCES.glossary, set(SLUGS))
BY_ID = {term.id: term for term in TERMS}
TONGZHOU, GANSU = "tongzhou-2022-2025", "gansu-2021-2035"


def test_notes_name_known_plans_and_differ_from_definitions():
    with_notes = [term for term in TERMS if term.notes]
    assert len(with_notes) >= 10
    for term in with_notes:
        for note in term.notes:
            assert note.plan in SLUGS and note.zh and note.en
            assert note.zh not in term.definition_zh and note.en not in term.definition_en


def test_a_note_for_an_unknown_plan_is_an_error_with_its_line(tmp_path):
    path = tmp_path / "glossary.toml"
    path.write_text('[[term]]\nid = "x"\nzh = "甲"\nen = "x"\ndefinition_zh = "甲。"\ndefinition_en = "X."\n'
                    '[[term.notes]]\nplan = "nowhere-2020"\nzh = "乙。"\nen = "Y."\n', encoding="utf-8")
    with pytest.raises(Exception) as error:
        load_glossary(path, set(SLUGS))
    assert "nowhere-2020" in str(error.value) and "glossary.toml:" in str(error.value)


def test_tooltip_has_the_definition_and_only_the_named_plans_note():
    term = BY_ID["three-in-one"]
    note = term.note_for(TONGZHOU)
    assert note and note.zh in term.tooltip("zh", TONGZHOU) and note.en in term.tooltip("en", TONGZHOU)
    assert note.zh not in term.tooltip("zh", GANSU) and note.zh not in term.tooltip("zh")
    assert term.definition_zh in term.tooltip("zh", GANSU)


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_tooltip_on_a_plan_page_carries_another_plans_note(built_site, slug, prefix):
    page_html = (built_site / prefix / slug / "index.html").read_text(encoding="utf-8")
    assert assert_plan_tooltips_are_its_own(page_html, TERMS, slug, "en" if prefix else "zh") >= 5


def test_own_notes_reach_the_plan_pages(built_site):
    page_html = (built_site / TONGZHOU / "index.html").read_text(encoding="utf-8")
    assert any(BY_ID["three-in-one"].note_for(TONGZHOU).zh in title for title in titles(page_html))
    page_html = (built_site / "en" / GANSU / "index.html").read_text(encoding="utf-8")
    assert any(BY_ID["ip-protection-center"].note_for(GANSU).en in title for title in titles(page_html))


def render(text: str, page: tuple[str, str | None]) -> str:
    extension = GlossaryTooltipsExtension(TERMS)
    extension.page = page
    return markdown.Markdown(extensions=["md_in_html", "attr_list", extension]).convert(text)


def test_a_passage_marked_data_plan_gets_that_plans_note():
    """On Tongzhou's page, a passage of Gansu's (nearest data-plan wins, nested elements too)."""
    body = ("推进“三合一”管理，依托知识产权保护中心。\n\n"
            f'<div {contract.PLAN}="{GANSU}" markdown>\n\n<section markdown>\n\n深化“三合一”审判，发挥知识产权保护中心作用。\n\n</section>\n\n</div>\n\n')
    lines = abbreviation_lines(TERMS, "zh", body, TONGZHOU)
    found = titles(render(body + "\n".join(lines) + "\n", ("zh", TONGZHOU)))
    three, centre = BY_ID["three-in-one"], BY_ID["ip-protection-center"]
    assert found == [one_line(three.tooltip("zh", TONGZHOU)), one_line(centre.tooltip("zh", TONGZHOU)),
                     one_line(three.tooltip("zh", GANSU)), one_line(centre.tooltip("zh", GANSU))]
    assert centre.note_for(GANSU).zh in found[3] and centre.note_for(TONGZHOU).zh not in found[3]


def test_a_page_of_several_plans_falls_back_to_the_definition():
    body = f'知识产权保护中心。\n\n<p {contract.PLAN}="{TONGZHOU}" markdown="1">知识产权保护中心</p>\n\n'
    lines = abbreviation_lines(TERMS, "en", body, None) + abbreviation_lines(TERMS, "zh", body, None)
    found = titles(render(body + "\n".join(lines) + "\n", ("zh", None)))
    centre = BY_ID["ip-protection-center"]
    assert found == [one_line(centre.tooltip("zh")), one_line(centre.tooltip("zh", TONGZHOU))]


def test_glossary_page_and_json_carry_every_note(built_site):
    records = {record["id"]: record for record in json.loads((built_site / "data" / "glossary.json").read_text(encoding="utf-8"))}
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page_html = (built_site / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        for term in TERMS:
            assert records[term.id]["notes"] == [{"plan": n.plan, "zh": n.zh, "en": n.en} for n in term.notes]
            for note in term.notes:
                assert re.search(rf'<p class="{contract.TERM_NOTE}[^"]*" {contract.PLAN}="{note.plan}"[^>]*>[^<]*'
                                 + re.escape(html_lib.escape(note.text(lang), quote=False)), page_html), (term.id, note.plan, lang)
