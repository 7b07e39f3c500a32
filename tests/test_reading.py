"""Reading, copying, citing and accessibility in real Chromium: text first, clean copy, axe-core
with no WCAG 2.0/2.1 A or AA violation, the cite control, phones and the dark palette."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import SLUGS
from test_browser import ARTIFACTS, Page, browser, bundle, served  # noqa: F401  (fixtures)

from tools.common.paths import SOURCES
from tools.common.ui import load_strings
from tools.site import material

axe_package = pytest.importorskip("axe_playwright_python")
AXE = (Path(axe_package.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
PAGE_TYPES = ["index.html", f"{SLUGS[0]}/index.html", "targets/index.html", "glossary/index.html",
              "topics/index.html", "references/index.html", "cite/index.html", "topics/ip-finance/index.html"]
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
# Interface inside the article: never part of what a reader copies.
INTERFACE = ".cite-button, .headerlink, .see-also, .duty-units, .duty > .admonition-title, .notice-label"


def visit(page, served: str, path: str) -> None:  # noqa: F811
    """The next page in the same tab (its cache warm), loaded."""
    page.goto(f"{served}/{path}")
    page.wait_for_load_state("load")


def ui(lang: str, key: str) -> str:
    return load_strings(SOURCES.ui).get(lang, key)


@pytest.fixture(scope="module")
def open_page(browser, served):  # noqa: F811
    contexts = []

    def opener(path: str, viewport=DESKTOP, scheme: str = "light", **options):
        context = browser.new_context(viewport=viewport, color_scheme=scheme, **options)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{served}/{path}")
        page.wait_for_load_state("load")
        return page

    yield opener
    for context in contexts:
        context.close()


# -- 2 clean copy -----------------------------------------------------------------
SELECT = """([start, end, remove]) => {
  const select = () => {
    const range = document.createRange();
    range.setStartBefore(document.querySelector(start));
    range.setEndAfter(document.querySelector(end));
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  };
  const copied = select();
  document.querySelectorAll(remove).forEach(e => e.remove());
  return [copied, select()];
}"""

RANGES = {
    # The third paragraph after the first chapter heading (querySelector takes the first match).
    # Not p[id]:nth-of-type(3): that counts every <p> of the article, the download lines before
    # the text included, and so matched in one plan only by the number of those lines.
    "heading to paragraphs": ("article h2[id]", "article h2[id] ~ p[id] ~ p[id] ~ p[id]"),
    "across a duty note": ("article p[id]:has(+ .tw + .duty)", "article .duty ~ p[id]"),
    "across a box": ("article p[id]:has(~ .box)", "article .box ~ p[id]"),
    "notice into the first section": ("article .notice p[id], article .preamble p[id]", "article h2[id] ~ p[id]"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", RANGES)
def test_copying_takes_only_plan_text(open_page, lang, name):
    start, end = RANGES[name]
    for slug in SLUGS:
        page = open_page(f"{'en/' if lang == 'en' else ''}{slug}/index.html")
        if not page.locator(start).count() or not page.locator(end).count():
            continue
        copied, plan_only = page.evaluate(SELECT, [start, end, INTERFACE])
        assert len(plan_only) > 20, (slug, name)
        # Removed blocks leave their line break behind; the text itself must be identical.
        assert re.sub(r"\n+", "\n", copied) == re.sub(r"\n+", "\n", plan_only), (slug, name)
        for word in ("¶", ui(lang, "js_cite"), ui(lang, "see_also")):
            assert word not in copied.replace(plan_only, ""), (slug, name, word)
        return
    pytest.fail(f"no plan has {name}")


# -- 1 text first -----------------------------------------------------------------
FIRST_TEXT = """() => {
  const first = document.querySelector('article p[id][data-cite], article h2[id][data-cite]');
  return first.getBoundingClientRect().top + scrollY;
}"""


@pytest.mark.parametrize("viewport,screens", [(DESKTOP, 1.0), (PHONE, 1.5)])
def test_plan_text_comes_first(open_page, served, viewport, screens):  # noqa: F811
    page = open_page("index.html", viewport)
    for slug in SLUGS:
        for prefix in ("", "en/"):
            visit(page, served, f"{prefix}{slug}/index.html")
            top = page.evaluate(FIRST_TEXT)
            assert top < viewport["height"] * screens - 40, (prefix + slug, top)
            # The cards stay on the page, collapsed.
            assert page.locator("details#document-info").count() == 1
            assert page.locator("details#normalization").count() == 1
    page.context.close()


def test_targets_card_has_no_empty_column(open_page):
    for slug in SLUGS:
        page = open_page(f"{slug}/index.html")
        if not page.locator("#targets").count():
            continue
        empty = page.evaluate("""() => {
          const rows = [...document.querySelectorAll('#targets tbody tr')];
          const width = rows[0].cells.length;
          return [...Array(width).keys()].filter(i => rows.every(r => !r.cells[i].textContent.trim()));
        }""")
        assert empty == [], slug
        page.context.close()


# -- 5 axe-core -------------------------------------------------------------------
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_axe_finds_no_wcag_violations(open_page, served, prefix, scheme):  # noqa: F811
    found = {}
    page = open_page(prefix + PAGE_TYPES[0], scheme=scheme)
    for path in PAGE_TYPES:
        # One page goes from page type to page type, as a reader does (the browser's cache warm).
        visit(page, served, prefix + path)
        page.evaluate(AXE)
        # Only colour depends on the palette: the dark run checks the colour rules alone.
        only = {"type": "tag", "values": AXE_TAGS} if scheme == "light" else {"type": "rule", "values": COLOUR_RULES}
        # Violations alone: collecting the details of every passing node doubled the time on long plan pages.
        result = page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: [\"violations\"]})", only)
        for violation in result["violations"]:
            found[f"{prefix}{path} {violation['id']}"] = [node["target"] for node in violation["nodes"][:3]]
    page.context.close()
    assert found == {}


def test_pages_declare_their_language(open_page):
    assert open_page("index.html").evaluate("document.documentElement.lang") == "zh-Hans"
    assert open_page("en/index.html").evaluate("document.documentElement.lang") == "en"


# -- cite control -----------------------------------------------------------------
def test_cite_control_names_and_announces(open_page, served):  # noqa: F811
    page = open_page(f"{SLUGS[0]}/index.html")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
    button = page.locator("article h2[id] > .cite-button").first
    assert button.get_attribute("aria-label") is None
    assert button.text_content() == ui("zh", "js_cite")
    button.click()
    status = page.locator("[role=status].cite-status")
    status.wait_for(state="attached")
    assert status.text_content() == ui("zh", "js_copied")


def test_cite_fallback_is_a_labelled_dialog_that_esc_closes(browser, bundle):  # noqa: F811
    site = Page(browser, bundle)
    page = site.open(f"en/{SLUGS[0]}/index.html")
    button = page.locator("article h2[id] > .cite-button").first
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name=ui("en", "js_select"))
    assert dialog.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.press("Escape")
    assert page.locator(".cite-fallback").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('cite-button')")
    assert page.evaluate("document.activeElement.parentElement.id") == button.evaluate("b => b.parentElement.id")
    site.close()


def test_cite_controls_visible_on_touch(open_page):
    page = open_page(f"{SLUGS[0]}/index.html", PHONE, has_touch=True, is_mobile=True)
    opacity = page.locator("article p[id] > .cite-button").first.evaluate("b => getComputedStyle(b).opacity")
    assert opacity == "1"


def test_copy_shortcut_leaves_out_the_cite_controls(open_page, served):  # noqa: F811
    """Select from a chapter heading over its paragraphs, press Ctrl+C: the clipboard holds the plan text
    (heading included) and none of the cite controls the build wrote into those elements."""
    for lang in ("zh", "en"):
        page = open_page(f"{'en/' if lang == 'en' else ''}{SLUGS[0]}/index.html")
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served)
        start, end = RANGES["heading to paragraphs"]
        assert page.locator(start).first.locator(":scope > .cite-button").count() == 1
        selected, _ = page.evaluate(SELECT, [start, end, ".no-such-element"])
        page.keyboard.press("Control+c")
        copied = page.evaluate("navigator.clipboard.readText()")
        heading = page.locator(start).first.evaluate("h => h.firstChild.textContent")
        assert heading.strip() and copied.startswith(heading.strip()), (lang, copied[:80])
        assert ui(lang, "js_cite") not in copied and "¶" not in copied, (lang, copied)
        assert re.sub(r"\s+", "", copied) == re.sub(r"\s+", "", selected), lang
        page.context.close()


def test_cite_controls_are_in_the_page_and_nothing_moves_when_the_script_runs(browser, served):  # noqa: F811
    """The build writes the controls (tools/site/cite_buttons.py): without script they are there, hidden,
    their place kept, so the text stands where it will stand once the script has wired them."""
    found = {}
    for script in (False, True):
        context = browser.new_context(viewport=DESKTOP, java_script_enabled=script)
        page = context.new_page()
        page.goto(f"{served}/{SLUGS[0]}/index.html")
        page.wait_for_load_state("load")
        found[script] = page.evaluate("""() => [
          [...document.querySelectorAll('article .cite-button')].map(b => getComputedStyle(b).visibility),
          [...document.querySelectorAll('article [data-cite][id]')].map(e => e.getBoundingClientRect().top + scrollY)]""")
        context.close()
    (hidden, without), (shown, with_script) = found[False], found[True]
    assert len(hidden) == len(shown) > 20
    assert set(hidden) == {"hidden"} and set(shown) == {"visible"}
    assert without == with_script


# -- 7 phones ---------------------------------------------------------------------
def test_nothing_scrolls_sideways_on_a_phone(open_page, served):  # noqa: F811
    page = open_page("index.html", PHONE)
    for prefix in ("", "en/"):
        for path in PAGE_TYPES + [f"{slug}/index.html" for slug in SLUGS[1:]]:
            visit(page, served, prefix + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (prefix + path, width)
    page.context.close()


def test_chart_text_is_readable_on_a_phone(open_page):
    page = open_page("targets/index.html", PHONE)
    sizes = page.evaluate("""() => [...document.querySelectorAll('svg.chart .label')].map(t => {
        const svg = t.ownerSVGElement;
        return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    })""")
    assert sizes and min(sizes) >= 11


# -- the colour scheme toggle (overrides/partials/javascripts/palette.html, site.js wirePalette) -----------
PALETTE = """() => [document.body.getAttribute('data-md-color-media'), document.body.getAttribute('data-md-color-scheme'),
  [...document.querySelectorAll('input[name=__palette] + label')].filter(l => !l.hidden).map(l => l.htmlFor)]"""


def test_palette_follows_the_system_and_switches_and_is_kept(open_page):
    """Without a stored choice the system's scheme shows from the first paint (no script of Material's needed);
    the toggle steps through system, light and dark, and the choice holds on the next page and after a reload;
    following the system follows its change; Enter on the options steps on, as Material's toggle did."""
    page = open_page(f"{SLUGS[0]}/index.html", scheme="dark")
    assert page.evaluate(PALETTE) == ["(prefers-color-scheme)", "slate", ["__palette_1"]]
    page.emulate_media(color_scheme="light")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    steps = []
    for _ in range(3):
        page.locator("input[name=__palette] + label:not([hidden])").click()
        steps.append(page.evaluate(PALETTE))
    assert steps == [["(prefers-color-scheme: light)", "default", ["__palette_2"]],
                     ["(prefers-color-scheme: dark)", "slate", ["__palette_0"]],
                     ["(prefers-color-scheme)", "default", ["__palette_1"]]]
    page.locator("input[name=__palette] + label:not([hidden])").click()  # light, stored
    page.goto(page.url.replace(f"{SLUGS[0]}/index.html", "targets/index.html"))
    assert page.evaluate(PALETTE) == ["(prefers-color-scheme: light)", "default", ["__palette_2"]]
    page.focus("#__palette_1")
    page.keyboard.press("Enter")
    assert page.evaluate(PALETTE)[:2] == ["(prefers-color-scheme: dark)", "slate"]
    page.reload()
    page.wait_for_load_state("load")
    assert page.evaluate(PALETTE) == ["(prefers-color-scheme: dark)", "slate", ["__palette_0"]]
    # The browser's theme colour is set once the page is idle (site.js themeColour): waited for, not raced.
    page.wait_for_function("() => /^#[0-9a-f]{6}$/.test((document.querySelector('meta[name=theme-color]') || {}).content || '')",
                           timeout=10000)
    page.context.close()


# -- 11 screenshots ---------------------------------------------------------------
def test_screenshots_at_both_widths_and_palettes(open_page, served):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    page = open_page("index.html")
    for name, path in (("plan", f"{SLUGS[0]}/index.html"), ("home", "index.html"), ("targets", "targets/index.html")):
        for prefix in ("", "en/"):
            for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                for scheme in ("light", "dark"):
                    # One tab, its size and the system's scheme set before each page loads (no choice stored).
                    page.set_viewport_size(viewport)
                    page.emulate_media(color_scheme=scheme)
                    visit(page, served, prefix + path)
                    out = ARTIFACTS / f"reading-{name}-{prefix.strip('/') or 'zh'}-{size}-{scheme}.png"
                    page.screenshot(path=str(out))
                    assert out.stat().st_size > 5_000
    page.context.close()


# -- 9 translation notice -----------------------------------------------------------
def test_every_english_page_says_it_is_an_unofficial_translation(open_page):
    notice = ui("en", "unofficial")
    for path in PAGE_TYPES + ["open-data/index.html"]:
        page = open_page("en/" + path)
        shown = page.locator("article .unofficial").filter(has_text=notice)
        assert shown.count() == 1 and shown.is_visible(), path
        page.context.close()


def test_side_by_side_shows_the_notice_once(open_page):
    page = open_page(f"{SLUGS[0]}/index.html")
    notices = page.locator("article .unofficial")
    assert [n.is_visible() for n in notices.all()] == [False]
    page.click(".plan-toolbar .sbs-toggle")
    assert notices.first.is_visible() and ui("en", "unofficial") in notices.first.inner_text()
    assert notices.first.get_attribute("lang") == "en"
    page.click(".plan-toolbar .sbs-toggle")
    page.context.close()


# -- best-practice findings: search dialog name, table headers, one title -------------
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_frame_has_named_dialog_full_headers_and_one_title(open_page, prefix):
    lang = "en" if prefix else "zh"
    page = open_page(prefix + "references/index.html")
    page.evaluate(AXE)
    rules = ["aria-dialog-name", "empty-table-header"]
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']})", rules)
    assert [v["id"] for v in result["violations"]] == []
    assert page.locator(material.SEARCH_SELECTORS["dialog"] + "[role=dialog]").get_attribute("aria-label") == ui(lang, "search_dialog")
    page.goto(page.url.replace("references/index.html", "index.html"))
    title = page.title()
    assert " - " not in title and title, title
    page.context.close()
