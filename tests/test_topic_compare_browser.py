"""A topic comparison in real Chromium, served and from the unzipped bundle (file://), at desktop
and phone size: the reader's choice of plans is kept in the address and survives a reload,
two or three plans stand in columns on a desktop and are stacked and collapsible on a phone,
the cite control copies the plan's own citation, and axe-core finds no WCAG A/AA violation."""

from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, Page, assert_cite_copies_its_plan, browser, bundle, served, switch_language  # noqa: F401  (fixtures)
from test_reading import AXE, AXE_TAGS, DESKTOP, PHONE

from tools.common import contract

TOPIC = "ip-finance"  # four plans: stacked until the reader picks two or three
PATH = f"topics/{TOPIC}/index.html"
PICKED = ["xinjiang-2021-2025", "tongzhou-2022-2025"]
ADDED = "yuxi-2021"


def state(page) -> dict:
    return page.evaluate("""names => {
      const compare = document.querySelector("." + names.compare);
      const shown = [...compare.querySelectorAll("." + names.comparePlan)].filter(g => !g.hidden);
      return {
        columns: compare.getAttribute(names.columns),
        shown: shown.map(g => g.getAttribute(names.plan)),
        checked: [...document.querySelectorAll("." + names.comparePicker + " input:checked")].map(b => b.value),
        boxes: shown.map(g => { const r = g.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }),
        sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    }""", {"compare": contract.COMPARE, "comparePlan": contract.COMPARE_PLAN, "columns": contract.COLUMNS,
           "plan": contract.PLAN, "comparePicker": contract.COMPARE_PICKER})


def first_anchor(page) -> str:
    """The canonical anchor of the first copied heading of the first picked plan."""
    return page.locator(f"[{contract.PLAN}='{PICKED[0]}'] h2[{contract.CITE_URL}]").first.get_attribute(contract.CITE_URL).split("#")[1]


def axe_violations(page) -> dict:
    page.evaluate(AXE)
    only = {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only)
    return {v["id"]: [node["target"] for node in v["nodes"][:3]] for v in result["violations"]}


@pytest.fixture(params=["served", "file"])
def where(request, served, bundle):  # noqa: F811
    return request.param, served if request.param == "served" else bundle


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_plan_choice_in_the_address_layout_cite_and_axe(browser, where, size):  # noqa: F811
    scheme, base = where
    site = Page(browser, base)
    site.page.set_viewport_size(DESKTOP if size == "desktop" else PHONE)
    page = site.open(f"{PATH}?plans={','.join(PICKED)}")
    first = state(page)
    assert first["shown"] == first["checked"] == sorted(PICKED, key=first["checked"].index) and len(first["shown"]) == 2
    assert first["columns"] == "2"
    # The reader adds a plan: the address says so, and a reload (or the link) shows the same three.
    page.check(f".{contract.COMPARE_PICKER} input[value={ADDED}]")
    assert f"plans={first['shown'][0]}," in page.url and ADDED in page.url
    page.reload()
    page.wait_for_load_state("load")
    after = state(page)
    assert set(after["shown"]) == set(after["checked"]) == {*PICKED, ADDED}
    assert after["columns"] == "3"
    boxes = after["boxes"]
    if size == "desktop":
        tops = {round(box[1]) for box in boxes}
        assert len(tops) == 1 and boxes[0][2] <= boxes[1][0] <= boxes[1][2] <= boxes[2][0], boxes  # side by side
    else:
        assert all(upper[3] <= lower[1] for upper, lower in zip(boxes, boxes[1:], strict=False)), boxes  # stacked
        summary = page.locator(f".{contract.COMPARE_PLAN}:not([hidden]) > summary").first
        summary.click()
        assert page.locator(f".{contract.COMPARE_PLAN}:not([hidden])").first.evaluate("d => d.open") is False
        summary.click()
    assert not after["sideways"]
    # The cite control on a copy copies the plan's own address and citation, never a file:// path.
    heading = page.locator(f"[{contract.PLAN}='{PICKED[0]}'] h2[{contract.CITE_URL}]").first
    assert_cite_copies_its_plan(page, heading, f"/{PICKED[0]}/")
    assert axe_violations(page) == {}
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate(f"document.querySelector('.{contract.COMPARE_PICKER}').scrollIntoView()")
    page.screenshot(path=str(ARTIFACTS / f"topic-compare-{scheme}-{size}.png"))
    assert site.errors == []
    if scheme == "served" and size == "desktop":
        # The choice holds across the language switch, and side-by-side mode shows the twins.
        switch_language(page, "en")
        assert "/en/topics/" in page.url and ADDED in page.url
        assert set(state(page)["shown"]) == {*PICKED, ADDED}
        page.click(f".{contract.SBS_TOGGLE}")
        twin = page.locator(f"[{contract.PLAN}='{PICKED[0]}'] .{contract.TWIN}").first
        assert twin.is_visible() and twin.get_attribute("lang") == "zh-Hans"
        assert axe_violations(page) == {}
        page.screenshot(path=str(ARTIFACTS / "topic-compare-en-side-by-side.png"))
    if scheme == "served" and size == "phone":
        # A link to one passage shows its plan even when the address chose others.
        page = site.open(f"{PATH}?plans={ADDED}#{PICKED[0]}--{first_anchor(page)}")
        assert set(state(page)["shown"]) == {ADDED, PICKED[0]}
    if scheme == "file":
        assert site.outside_requests() == []
    site.close()
