"""The plans page in the built site (/plans/, /en/plans/): every plan listed with its facts, the
facet filters present and labelled but hidden until site.js runs (without it, the full list), the
count; and the sidebar, which lists the real plans (fewer than the limit) and the plans page."""

from __future__ import annotations

import posixpath

import pytest
from lxml import html as lxml_html
from support import SLUGS

from tools.common import contract
from tools.common.paths import SOURCES
from tools.common.ui import count_word, load_strings, localized
from tools.model.plandata import load_all
from tools.render.plans_page import facet_label, facet_value

STRINGS = load_strings(SOURCES.ui)
PLANS = load_all(SOURCES)
LANGS = ("zh", "en")


def page(site, lang: str):
    path = site / ("plans/index.html" if lang == "zh" else "en/plans/index.html")
    return lxml_html.fromstring(path.read_text(encoding="utf-8"))


def text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("lang", LANGS)
def test_every_plan_is_listed_with_its_facts(built_site, lang):
    items = page(built_site, lang).xpath(f'//ul[@class="{contract.PLAN_LIST}"]/li')
    assert len(items) == len(PLANS)
    by_link = {item.xpath(".//a/@href")[0].split("/")[-2]: item for item in items}
    assert sorted(by_link) == sorted(SLUGS)
    for data in PLANS:
        item = by_link[data.slug]
        assert localized(data, "title", lang) in text(item)
        for facet in contract.PLAN_FACETS:
            assert item.get(f"data-{facet}") == facet_value(data, facet)
            assert facet_label(data, facet, lang) in text(item.xpath(f'.//*[@class="{contract.PLAN_FACTS}"]')[0])


@pytest.mark.parametrize("lang", LANGS)
def test_filters_are_labelled_and_hidden_without_script(built_site, lang):
    tree = page(built_site, lang)
    form = tree.xpath(f'//form[@class="{contract.PLAN_FILTER}"]')[0]
    assert form.get("hidden") is not None and form.get("aria-label") == STRINGS.get(lang, "plans_filter")
    selects = form.xpath(f".//select[@{contract.FACET}]")
    assert [select.get(contract.FACET) for select in selects] == list(contract.PLAN_FACETS)
    for select in selects:
        label = tree.xpath(f'//label[@for="{select.get("id")}"]')
        assert [text(element) for element in label] == [STRINGS.get(lang, f"facet_{select.get(contract.FACET)}")]
        values = select.xpath("./option/@value")
        facet = select.get(contract.FACET)
        assert values[0] == "" and sorted(values[1:]) == sorted({facet_value(data, facet) for data in PLANS})
    count = tree.xpath(f'//*[@class="{contract.PLAN_COUNT}"]')[0]
    assert count.get("role") == "status" and count.get("aria-live") == "polite"
    assert text(count) == STRINGS.get(lang, "plans_count", count=count_word(STRINGS.of(lang), len(PLANS)))


def sidebar_folders(path: str, links: list[str]) -> list[str]:
    """The folder of each page the sidebar links to (its own headings left out), from the page at `path`."""
    pages = [posixpath.normpath(posixpath.join(posixpath.dirname(path), link)) for link in links if not link.startswith("#")]
    return [posixpath.basename(posixpath.dirname(page.removesuffix("index.html") + "x")) for page in pages]


@pytest.mark.parametrize("path", ["index.html", "en/index.html", f"{SLUGS[0]}/index.html", "plans/index.html"])
def test_sidebar_lists_each_plan_and_the_plans_page(built_site, path):
    """Below the limit (mkdocs.yml extra.nav_plans_max) the sidebar is as readers know it, plus the plans page."""
    tree = lxml_html.fromstring((built_site / path).read_text(encoding="utf-8"))
    links = tree.xpath('//nav[contains(@class, "md-nav--primary")]//a[contains(@class, "md-nav__link")]/@href')
    folders = sidebar_folders(path, links)
    assert [folder for folder in folders if folder in SLUGS] == [data.slug for data in sorted(PLANS, key=lambda d: (d.period[0], d.slug))]
    assert "plans" in folders
