"""A plan beside its predecessor in real Chromium, served and from the unzipped bundle (file://), at
desktop and phone size: the earlier plan's passage stands left of the later one's on a desktop and
above it on a phone, nothing scrolls sideways, the changed words are visibly marked, the cite control
on a passage copies that plan's own address and citation, and axe-core finds no WCAG A/AA violation."""

from __future__ import annotations

import pytest
from test_browser import ARTIFACTS, Page, assert_cite_copies_its_plan, browser, bundle, served  # noqa: F401  (fixtures)
from test_reading import DESKTOP, PHONE
from test_topic_compare_browser import axe_violations

from tools.common import contract
from tools.model import anchors

EARLIER, LATER = "xinjiang-2016-2020", "xinjiang-2021-2025"
ROW = "s3-1-5"  # 推进专利金融创新发展, the continuation of 三（二）2 完善知识产权金融服务
PATH = f"{anchors.successor_slug(EARLIER, LATER)}/index.html"


# Each language, each way of opening the site and each size, twice over in four runs (not all eight:
# the page's layout does not depend on the language, nor its addresses on the viewport).
CASES = [("zh", "served", "desktop"), ("zh", "file", "phone"), ("en", "served", "phone"), ("en", "file", "desktop")]


def row_layout(page, row_id: str) -> dict:
    return page.evaluate("""([rowId, names]) => {
      const heading = document.getElementById(rowId);
      const row = heading.closest("." + names.row);
      const box = cls => row.querySelector("." + cls).getBoundingClientRect();
      const earlier = box(names.earlier), later = box(names.later);
      const ins = row.querySelector("ins");
      return {
        earlier: [earlier.left, earlier.top, earlier.right, earlier.bottom],
        later: [later.left, later.top, later.right, later.bottom],
        insBackground: ins ? getComputedStyle(ins).backgroundColor : null,
        deletions: row.querySelectorAll("del").length,
        sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      };
    }""", [row_id, {"row": contract.SUCC_ROW, "earlier": contract.SUCC_EARLIER, "later": contract.SUCC_LATER}])


@pytest.mark.parametrize("lang,scheme,size", CASES)
def test_columns_marks_cite_and_axe(browser, served, bundle, lang, scheme, size):  # noqa: F811
    base = served if scheme == "served" else bundle
    site = Page(browser, base)
    site.page.set_viewport_size(DESKTOP if size == "desktop" else PHONE)
    prefix = "" if lang == "zh" else "en/"
    row_id = anchors.copy_id(LATER, ROW)
    page = site.open(f"{prefix}{PATH}#{row_id}")
    layout = row_layout(page, row_id)
    earlier, later = layout["earlier"], layout["later"]
    if size == "desktop":
        assert earlier[2] <= later[0] and abs(earlier[1] - later[1]) < 2, layout  # side by side, tops aligned
    else:
        assert earlier[3] <= later[1], layout  # stacked: the earlier plan first
    assert not layout["sideways"]
    assert layout["insBackground"] not in (None, "rgba(0, 0, 0, 0)") and layout["deletions"] > 0, layout
    # The cite control on the earlier plan's passage copies that plan's address and citation.
    title = page.locator(f"[{contract.PLAN}='{EARLIER}'] .{contract.SUCC_TITLE}").first
    assert_cite_copies_its_plan(page, title, f"/{prefix}{EARLIER}/")
    assert axe_violations(page) == {}
    ARTIFACTS.mkdir(exist_ok=True)
    page.evaluate(f"document.getElementById('{row_id}').scrollIntoView()")
    page.screenshot(path=str(ARTIFACTS / f"successor-{lang}-{scheme}-{size}.png"))
    assert site.errors == [] and site.not_found == []
    if scheme == "file":
        assert site.outside_requests() == []
    site.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screen_readers_hear_where_a_change_starts_and_ends(browser, served, lang):  # noqa: F811
    """Each <ins>/<del> is announced with its start and end (the alternative text of empty generated
    content, site.css), which takes no room on the screen."""
    site = Page(browser, served)
    prefix = "" if lang == "zh" else "en/"
    row_id = anchors.copy_id(LATER, ROW)
    page = site.open(f"{prefix}{PATH}#{row_id}")
    cdp = page.context.new_cdp_session(page)
    texts = [node.get("name", {}).get("value") or "" for node in cdp.send("Accessibility.getFullAXTree")["nodes"]
             if node.get("role", {}).get("value") == "StaticText"]
    spoken = "".join(texts)
    start = {"zh": ("[新增：", "[删除："), "en": ("[insertion: ", "[deletion: ")}[lang]
    for tag, opening in zip(("ins", "del"), start, strict=True):
        marked = page.locator(f"[id='{row_id}'] ~ * {tag}").first
        words = marked.text_content()
        assert f"{opening}{words}] " in spoken, (tag, words)
        # Nothing drawn: the mark is exactly as wide as its words.
        widths = marked.evaluate("""m => { const r = document.createRange(); r.selectNodeContents(m);
            return [m.getBoundingClientRect().width, r.getBoundingClientRect().width]; }""")
        assert abs(widths[0] - widths[1]) < 1, (tag, widths)
    assert start[0] not in page.locator(f"[id='{row_id}']").locator("xpath=..").inner_text()
    site.close()
