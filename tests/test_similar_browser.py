"""Similar passages in real Chromium: the disclosure is reached with Tab and opened with Enter,
shows the marked passage, has no axe violation, and is not printed; served and from file://,
at desktop and phone sizes (4 page loads). Screenshots go to tests/artifacts/."""

from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, browser, bundle, served  # noqa: F401  (fixtures)
from test_reading import AXE, AXE_TAGS, DESKTOP, PHONE

from tools.common import contract as c

CASES = [("served", DESKTOP, "xinjiang-2016-2020/index.html", "s3-3-3-p1"),
         ("served", PHONE, "en/xinjiang-2021-2025/index.html", "s1-1-3-p1"),
         ("file", DESKTOP, "en/xinjiang-2016-2020/index.html", "s3-3-3-p1"),
         ("file", PHONE, "xinjiang-2021-2025/index.html", "s1-1-3-p1")]
DISCLOSURE = f"#{{anchor}} ~ details.{c.SIMILAR}"


@pytest.mark.parametrize("base,viewport,path,anchor", CASES)
def test_similar_passages_open_by_keyboard_and_pass_axe(browser, served, bundle, base, viewport, path, anchor):  # noqa: F811
    root = served if base == "served" else bundle
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{root}/{path}#{anchor}")
        page.wait_for_load_state("load")
        details = page.locator(DISCLOSURE.format(anchor=anchor)).first
        assert details.evaluate("d => d.open") is False
        # From the paragraph's own cite control, Tab reaches the disclosure's summary.
        page.locator(f"[id='{anchor}'] .{c.CITE_BUTTON}").focus()
        for _ in range(6):
            page.keyboard.press("Tab")
            if details.evaluate("d => document.activeElement === d.querySelector('summary')"):
                break
        assert details.evaluate("d => document.activeElement === d.querySelector('summary')")
        page.keyboard.press("Enter")
        assert details.evaluate("d => d.open") is True
        mark = details.locator("mark").first
        assert mark.is_visible()
        details.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(exist_ok=True)
        name = f"similar-{base}-{viewport['width']}-{path.split('/')[0]}.png"
        page.screenshot(path=str(ARTIFACTS / name))
        page.evaluate(AXE)
        result = page.evaluate(
            "([selector, tags]) => axe.run({include: [selector]}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            [DISCLOSURE.format(anchor=anchor), AXE_TAGS],
        )
        assert [violation["id"] for violation in result["violations"]] == []
        page.emulate_media(media="print")
        assert details.evaluate("d => getComputedStyle(d).display") == "none"
        page.evaluate(f"document.documentElement.classList.add('{c.PDF}')")  # as tools/publish/pdf.py prints
        assert details.evaluate("d => getComputedStyle(d).display") == "none"
        assert errors == []
    finally:
        context.close()
