"""The plans page in real Chromium, served and from the unzipped bundle (file://), at desktop and
phone size: choosing a value of each facet (region, level, period, kind) narrows the list to the
plans with that value and the count line says how many; the choice is kept in the address and
across the language switch; the form works from the keyboard; axe-core finds no WCAG A/AA
violation; no request leaves the machine."""

from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, Page, browser, bundle, served, switch_language  # noqa: F401  (fixtures)
from test_reading import DESKTOP, PHONE
from test_topic_compare_browser import axe_violations

from tools.common import contract
from tools.common.paths import SOURCES
from tools.common.ui import count_word, load_strings
from tools.model.plandata import load_all
from tools.render.plans_page import facet_value

STRINGS = load_strings(SOURCES.ui)
PLANS = load_all(SOURCES)
CASES = [("zh", "served", "desktop"), ("zh", "file", "phone"), ("en", "served", "phone"), ("en", "file", "desktop")]


def listed(page) -> list[str]:
    """The plans shown (their links' folders), in order."""
    return page.evaluate("""names => [...document.querySelectorAll("ul." + names.list + " > li")]
        .filter(li => !li.hidden && li.offsetParent !== null)
        .map(li => li.querySelector("a").getAttribute("href").split("/").filter(Boolean).slice(-2, -1)[0])""",
                         {"list": contract.PLAN_LIST})


def status(page) -> str:
    return " ".join(page.locator(f".{contract.PLAN_COUNT}").inner_text().split())


def shown_text(lang: str, shown: int) -> str:
    labels = STRINGS.of(lang)
    return STRINGS.get(lang, "js_plans_shown", shown=count_word(labels, shown), total=count_word(labels, len(PLANS)))


def least_common(facet: str) -> str:
    """A value of the facet that narrows the list (held by fewer plans than all)."""
    values = [facet_value(data, facet) for data in PLANS]
    return min(values, key=lambda value: (values.count(value), value))


@pytest.mark.parametrize("lang,scheme,size", CASES)
def test_each_facet_narrows_the_list(browser, served, bundle, lang, scheme, size):  # noqa: F811
    site = Page(browser, served if scheme == "served" else bundle)
    site.page.set_viewport_size(DESKTOP if size == "desktop" else PHONE)
    prefix = "" if lang == "zh" else "en/"
    page = site.open(f"{prefix}plans/index.html")
    everyone = sorted(data.slug for data in PLANS)
    assert sorted(listed(page)) == everyone
    form = page.locator(f"form.{contract.PLAN_FILTER}")
    assert form.is_visible()
    for facet in contract.PLAN_FACETS:
        value = least_common(facet)
        expected = sorted(data.slug for data in PLANS if facet_value(data, facet) == value)
        assert len(expected) < len(PLANS)
        page.select_option(f"select[{contract.FACET}={facet}]", value)
        assert sorted(listed(page)) == expected, facet
        assert status(page) == shown_text(lang, len(expected))
        assert f"{facet}=" in page.url
        page.click(f".{contract.PLAN_RESET}")
        page.wait_for_function(f"() => !location.search.includes('{facet}=')")
        assert sorted(listed(page)) == everyone
    # From the keyboard: focus the region filter, choose its next value with the arrow key.
    page.focus(f"select[{contract.FACET}=region]")
    page.keyboard.press("ArrowDown")
    region = page.eval_on_selector(f"select[{contract.FACET}=region]", "s => s.value")
    assert region and sorted(listed(page)) == sorted(d.slug for d in PLANS if facet_value(d, "region") == region)
    assert axe_violations(page) == {}
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"plans-{lang}-{scheme}-{size}.png"))
    assert not page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    if size == "desktop":
        # The language switch keeps working and keeps the choice.
        other = "en" if lang == "zh" else "zh"
        switch_language(page, other)
        assert "/en/plans/" in page.url if other == "en" else "/en/" not in page.url
        assert page.eval_on_selector(f"select[{contract.FACET}=region]", "s => s.value") == region
        assert sorted(listed(page)) == sorted(d.slug for d in PLANS if facet_value(d, "region") == region)
        assert status(page) == shown_text(other, len(listed(page)))
    assert site.errors == [] and site.not_found == []
    if scheme == "file":
        assert site.outside_requests() == []
    site.close()


def test_without_script_the_page_is_the_full_list(browser, served):  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served}/plans/index.html?region={least_common('region')}")
    assert not page.locator(f"form.{contract.PLAN_FILTER}").is_visible()
    assert page.locator(f"ul.{contract.PLAN_LIST} > li:visible").count() == len(PLANS)
    labels = STRINGS.of("zh")
    assert " ".join(page.locator(f".{contract.PLAN_COUNT}").inner_text().split()) == STRINGS.get("zh", "plans_count", count=count_word(labels, len(PLANS)))
    context.close()
