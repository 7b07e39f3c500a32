"""Issue 24, per section: the cite control opens a dialog with the link and citation it copies and
the section's reference entries (the plan's CSL record, the section as address and, where the
style prints one, as the locator of the in-text citation), filled in by assets/site.js from the
templates of tools/render/csl.py. Real Chromium, served (clipboard allowed) and from file://."""

from __future__ import annotations

import lxml.html
import pytest
from test_browser import Page, browser, bundle, served  # noqa: F401  (fixtures)
from test_topic_compare_browser import axe_violations

from tools.build import load_corpus
from tools.common import contract
from tools.common.paths import SOURCES
from tools.common.ui import load_strings
from tools.model import anchors
from tools.render import csl

STRINGS = load_strings(SOURCES.ui)
# Each style's entry in the dialog, its access date left out (the reader's clock fills it).
DIALOG = """names => [...document.querySelectorAll("." + names.citeFallback + " dd." + names.cslEntry)].map(dd => {
  const copy = dd.cloneNode(true);
  copy.querySelectorAll("[" + names.accessed + "]").forEach(t => { t.textContent = ""; });
  return [dd.getAttribute(names.cslStyle), copy.textContent, dd.getAttribute("lang")];
})"""


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def expected(corpus, slug: str, anchor: str, lang: str) -> list[list[str]]:
    """What the build says the dialog shows for a part of a plan: csl.filled on its templates."""
    plan = corpus.by_slug[slug]
    place = csl.locator(corpus.place(plan, anchor, lang), lang)
    rows = []
    for style, template in csl.templates(plan, lang, corpus.publication.name_en, csl.revised_of(corpus, plan)):
        shown = csl.filled(template, anchors.anchor_path(slug, anchor, lang), place)
        entry = lxml.html.fragment_fromstring(shown.entry, create_parent="div")
        for date in entry.xpath(f"//*[@{contract.ACCESSED}]"):
            date.text = ""
        rows.append([style.key, entry.text_content(), "zh-Hans" if lang == "zh" else "en"])
        if shown.in_text:
            in_text = lxml.html.fragment_fromstring(shown.in_text, create_parent="div").text_content()
            rows.append([f"{style.key}-in-text", STRINGS.get(lang, "js_cite_in_text") + in_text, rows[-1][2]])
    return rows


@pytest.fixture(params=["served", "file"])
def where(request, browser, served, bundle):  # noqa: F811
    page = Page(browser, served if request.param == "served" else bundle)
    if request.param == "served":
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    yield request.param, page
    page.close()


@pytest.mark.parametrize("slug,anchor,lang", [
    ("xinjiang-2021-2025", "s3-1-5", "en"),
    ("xinjiang-2021-2025", "s3-1-5-p1", "zh"),
    ("xinjiang-2016-2020", "s3-2-2", "en"),  # no date, no issuer: the styles' no-date forms
])
def test_cite_dialog_shows_the_sections_entries(corpus, where, slug, anchor, lang):
    kind, site = where
    page = site.open(f"{'en/' if lang == 'en' else ''}{slug}/index.html")
    button = page.locator(f"[id='{anchor}'] > .{contract.CITE_BUTTON}")
    button.click()
    name = STRINGS.get(lang, "js_copied" if kind == "served" else "js_select")
    dialog = page.get_by_role("dialog", name=name)
    dialog.wait_for()
    # What the control copies is unchanged: the address and the citation, nothing else.
    citation = corpus.citation(corpus.by_slug[slug], anchor, lang)
    copied = page.locator("body").get_attribute(contract.LAST_CITATION)
    assert copied == f"{anchors.anchor_path(slug, anchor, lang)}\n{citation}"
    assert page.locator(f".{contract.CITE_FALLBACK} textarea").input_value() == copied
    names = page.evaluate("window.IP_PLANS.names")
    assert page.evaluate(DIALOG, names) == expected(corpus, slug, anchor, lang)
    keys = [key for key, _, _ in page.evaluate(DIALOG, names)]
    assert any(key.endswith("-in-text") for key in keys) == (lang == "en")  # GB/T prints no locator
    dates = page.locator(f".{contract.CITE_FALLBACK} [{contract.ACCESSED}]")
    assert all(date and "_" not in date for date in dates.all_text_contents())
    assert set(dates.evaluate_all("found => found.map(d => d.tagName + (d.dateTime ? ' dated' : ''))")) <= {"TIME dated"}
    assert axe_violations(page) == {}
    page.keyboard.press("Escape")
    assert page.locator(f".{contract.CITE_FALLBACK}").count() == 0
    assert page.evaluate("document.activeElement.parentElement.id") == anchor
    assert site.errors == [] and site.outside_requests() == []


def test_a_copied_passage_shows_its_plans_entries(corpus, where):
    """On a topic comparison, a passage's dialog gives its own plan's entries, its canonical address."""
    _, site = where
    page = site.open("en/topics/ip-finance/index.html")
    slug = "tongzhou-2022-2025"
    heading = page.locator(f"[{contract.PLAN}='{slug}'] h2[{contract.CITE_URL}]").first
    anchor = heading.get_attribute(contract.CITE_URL).split("#")[1]
    heading.locator(f".{contract.CITE_BUTTON}").click()
    page.locator(f".{contract.CITE_FALLBACK}").wait_for()
    assert page.evaluate(DIALOG, page.evaluate("window.IP_PLANS.names")) == expected(corpus, slug, anchor, "en")
    page.keyboard.press("Escape")
