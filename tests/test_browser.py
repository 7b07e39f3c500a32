"""Real headless Chromium (Debian's package), on the served site and on the unzipped bundle from file://."""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from support import unzipped_bundle

from tools.common import contract
from tools.publish.chromium import CHROMIUM, FLAGS
from tools.site import material, search_index

playwright_api = pytest.importorskip("playwright.sync_api")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(built_site):
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def bundle(built_site, tmp_path_factory):
    return unzipped_bundle(built_site, tmp_path_factory.mktemp("bundle")).as_uri()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed; `make test` installs it")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


class Page:
    """A page that logs every request, so tests can prove there is no network traffic."""

    def __init__(self, browser, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.page = self.context.new_page()
        self.base = base
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.not_found: list[str] = []
        self.page.on("response", lambda response: response.status >= 400 and self.not_found.append(response.url))

    def open(self, path: str):
        self.page.goto(f"{self.base}/{path}")
        self.page.wait_for_load_state("load")
        return self.page

    def outside_requests(self) -> list[str]:
        def local(url: str) -> bool:
            parsed = urlparse(url)
            return parsed.scheme in ("file", "data", "blob", "about") or parsed.hostname == "127.0.0.1"

        return [url for url in self.requests if not local(url)]

    def close(self):
        self.context.close()


@pytest.fixture(params=["served", "file"])
def site(request, browser, served, bundle):
    page = Page(browser, served if request.param == "served" else bundle)
    yield page
    page.close()


def switch_language(page, lang: str):
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f"a.md-select__link[hreflang={lang}]")
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path,anchor,lang,expected", [
    ("yuxi-2021/index.html", "s2-6-29", "en", "/en/yuxi-2021/index.html"),
    ("en/gansu-2021-2035/index.html", "s2-4", "zh", "/gansu-2021-2035/index.html"),
    ("en/xinjiang-2016-2020/index.html", "table-1", "zh", "/xinjiang-2016-2020/index.html"),
])
def test_language_switch_keeps_page_and_anchor(site, path, anchor, lang, expected):
    page = site.open(f"{path}#{anchor}")
    switch_language(page, lang)
    assert page.url.endswith(expected + "#" + anchor), page.url
    assert page.locator(f"[id='{anchor}']").count() == 1
    assert site.outside_requests() == []


def search(page, query: str) -> list[str]:
    page.keyboard.press("/")
    box = page.locator(material.SEARCH_INPUT)
    box.fill(query)
    page.keyboard.press("End")  # Material listens for key events; an IME commit sends one too
    page.wait_for_selector(material.SEARCH_RESULT, timeout=15000)
    return page.locator(f"{material.SEARCH_RESULT} a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("query,expected", [
    ("质押融资", "xinjiang-2021-2025"),
    # Only the text a reader sees is searched: 新疆“十三五”规划 names 地理标志 only inside a tooltip.
    ("地理标志", "xinjiang-2021-2025"),
])
def test_chinese_search(site, query, expected):
    page = site.open("index.html")
    hits = search(page, query)
    assert any(expected in href for href in hits), hits
    assert site.outside_requests() == []


@pytest.mark.parametrize("query", ["pledge financing", "geographical indication"])
def test_english_search(site, query):
    page = site.open("en/index.html")
    hits = search(page, query)
    assert any("/en/" in href for href in hits), hits
    assert site.outside_requests() == []


def test_side_by_side_toggle_is_remembered(site):
    page = site.open("yuxi-2021/index.html")
    twin = page.locator("p.tw").first
    assert not twin.is_visible()
    page.click(".sbs-toggle")
    assert twin.is_visible()
    original = page.locator("#s1-1-p1").bounding_box()
    english = page.locator("#s1-1-p1 + p.tw").bounding_box()
    assert english["x"] > original["x"] + original["width"] / 2, "twin should sit beside its block"
    page.reload()
    assert page.locator("html.sbs").count() == 1
    ids = page.evaluate("() => [...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    page.click(".sbs-toggle")
    assert not page.locator("p.tw").first.is_visible()


def test_side_by_side_stacks_when_narrow(site):
    page = site.open("yuxi-2021/index.html")
    page.click(".sbs-toggle")
    page.set_viewport_size({"width": 600, "height": 900})
    original = page.locator("#s1-1-p1").bounding_box()
    english = page.locator("#s1-1-p1 + p.tw").bounding_box()
    assert english["y"] >= original["y"] + original["height"] - 1
    page.click(".sbs-toggle")


def test_copy_link_and_citation(site):
    page = site.open("en/xinjiang-2021-2025/index.html")
    if site.base.startswith("http"):
        site.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.base)
    page.locator("#s3-1-1 .cite-button").click()
    citation = page.evaluate("() => document.body.getAttribute('data-last-citation')")
    title = "Xinjiang IP Plan for the 14th Five-Year Plan Period (2021–2025)"
    assert citation == f"/en/xinjiang-2021-2025/#s3-1-1\n{title} (unofficial translation), §3.1.1", citation
    if site.base.startswith("file"):
        assert page.locator(".cite-fallback textarea").input_value() == citation
    zh = site.open("xinjiang-2021-2025/index.html")
    zh.locator("#s3-1-1 .cite-button").click()
    citation = zh.evaluate("() => document.body.getAttribute('data-last-citation')")
    assert citation == "/xinjiang-2021-2025/#s3-1-1\n《新疆维吾尔自治区知识产权“十四五”规划》三（一）1", citation


def assert_cite_copies_its_plan(page, element, plan_path: str) -> None:
    """The cite control of a copy of a plan's passage (a comparison page) copies that plan's own
    address and citation, never the page's or a file:// path; Escape closes the cite dialog."""
    element.locator(f".{contract.CITE_BUTTON}").click()
    copied = page.locator("body").get_attribute(contract.LAST_CITATION)
    assert copied == f"{element.get_attribute(contract.CITE_URL)}\n{element.get_attribute(contract.CITE)}"
    assert copied.startswith(f"{plan_path}#s") and "file:" not in copied
    page.keyboard.press("Escape")


def test_target_is_below_sticky_header(site):
    page = site.open("xinjiang-2021-2025/index.html#s3-1-5")
    page.wait_for_timeout(300)
    header = page.locator(".md-header").bounding_box()
    target = page.locator("#s3-1-5").bounding_box()
    assert target["y"] >= header["y"] + header["height"] - 1


PAGE_TYPES = ["index.html", "en/index.html", "yuxi-2021/index.html", "en/tongzhou-2022-2025/index.html",
              "xinjiang-2016-2020/index.html", "en/gansu-2021-2035/index.html",
              "glossary/index.html", "en/glossary/index.html", "targets/index.html", "en/targets/index.html",
              "topics/index.html", "en/topics/index.html", "references/index.html", "en/references/index.html",
              "cite/index.html", "en/cite/index.html"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_network_requests_and_no_errors(site, path):
    site.open(path)
    site.page.wait_for_timeout(200)
    assert site.outside_requests() == []
    assert site.errors == []
    assert site.not_found == [], "\n".join(site.not_found)


@pytest.mark.parametrize("path,term,definition", [
    ("xinjiang-2021-2025/index.html", "贯标", "管理规范"),
    ("en/xinjiang-2021-2025/index.html", None, None),
])
def test_glossary_tooltip_on_hover(site, path, term, definition):
    page = site.open(path)
    abbr = page.locator(f"article abbr:text-is('{term}')").first if term else page.locator("article p abbr").first
    text = abbr.get_attribute("data-definition")
    assert text and (definition is None or definition in text)
    # Moved out of `title`: no mouse-only tooltip of Material's or the browser's.
    assert abbr.get_attribute("title") is None
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator("#term-tooltip[role=tooltip]")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == text
    assert abbr.get_attribute("aria-describedby") == "term-tooltip"
    # WCAG 1.4.13: the pointer can move onto the tooltip and it stays.
    page.mouse.move(*_centre(tooltip))
    page.wait_for_timeout(600)
    assert tooltip.is_visible()
    page.keyboard.press("Escape")
    assert not tooltip.is_visible()
    assert site.outside_requests() == []


def _centre(locator) -> tuple[float, float]:
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_glossary_tooltip_by_keyboard(site):
    page = site.open("xinjiang-2021-2025/index.html")
    abbr = page.locator("article p abbr").first
    assert abbr.evaluate("a => a.tabIndex") == 0
    # Tab from the element just before the term lands on it and opens the tooltip.
    abbr.evaluate("""a => { const b = document.createElement('button'); b.id = 'before-term'; a.before(b); b.focus(); }""")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "ABBR"
    tooltip = page.locator("#term-tooltip")
    assert tooltip.is_visible()
    size, weight = tooltip.evaluate("t => [parseFloat(getComputedStyle(t).fontSize), getComputedStyle(t).fontWeight]")
    assert size >= 14 and weight == "400"
    page.keyboard.press("Escape")
    assert not tooltip.is_visible()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert tooltip.is_visible()
    page.keyboard.press("Tab")
    assert not tooltip.is_visible()


@pytest.mark.parametrize("path,lang,expected", [
    ("xinjiang-2021-2025/index.html", "en", "/en/xinjiang-2021-2025/index.html"),
    ("en/yuxi-2021/index.html", "zh", "/yuxi-2021/index.html"),
])
def test_language_switch_lands_on_the_section_in_view(site, path, lang, expected):
    page = site.open(path)
    section = page.locator("article h3[id][data-cite]").nth(3)
    anchor = section.get_attribute("id")
    # Scroll until the layout has settled (Material mounts its components after load).
    tops = []
    while len(tops) < 2 or abs(tops[-1] - tops[-2]) > 1:
        tops.append(section.evaluate("e => { e.scrollIntoView({behavior: 'instant'}); return e.getBoundingClientRect().top; }"))
        page.wait_for_timeout(250)
        assert len(tops) < 20, tops
    assert page.evaluate("location.hash") == ""
    # Click where the link is, as a reader does: locator.click() would first scroll the sticky
    # header's link "into view", which scrolls the page and changes the section in view.
    page.hover(".md-header__option .md-select")
    link = page.locator(f"a.md-select__link[hreflang={lang}]")
    link.wait_for(state="visible")
    with page.expect_navigation():
        page.mouse.click(*_centre(link))
    page.wait_for_load_state("load")
    assert page.url.endswith(f"{expected}#{anchor}"), page.url
    assert page.locator(f"[id='{anchor}']").count() == 1


def test_comparison_charts_render(site):
    page = site.open("en/targets/index.html")
    charts = page.locator("svg.chart")
    assert charts.count() >= 4
    box = charts.first.bounding_box()
    assert box["width"] > 300 and box["height"] > 50
    assert "2035" in charts.first.text_content()


def test_print_hides_navigation_and_shows_link_addresses(site):
    page = site.open("xinjiang-2021-2025/index.html")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(material.SEARCH_SELECTORS["dialog"]).is_visible()
    after = page.locator("a.xref").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "xinjiang-2016-2020" in after or "references" in after
    assert after.startswith('" <http') or after.startswith('" <file')
    assert page.locator("article p[id] abbr").first.is_visible()
    page.emulate_media(media="screen")


def in_viewport(view, selector: str) -> bool:
    box = view.locator(selector).first.bounding_box()
    size = view.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] < size["height"] and box["x"] < size["width"]


def test_screenshots(browser, served):
    """Pictures to look at, each taken only once the part it is meant to show is on screen."""
    ARTIFACTS.mkdir(exist_ok=True)
    page = Page(browser, served)
    for path, name in (("xinjiang-2016-2020/index.html#s2-3", "plan-zh.png"), ("en/xinjiang-2016-2020/index.html#s2-3", "plan-en.png")):
        view = page.open(path)
        view.wait_for_timeout(300)
        assert in_viewport(view, "#s2-3"), path
        view.screenshot(path=str(ARTIFACTS / name))
    view.click(".sbs-toggle")
    view.evaluate("() => document.getElementById('s2-3').scrollIntoView()")  # the columns reflow the page
    assert view.locator("#s2-3 + p.tw").is_visible() and in_viewport(view, "#s2-3 + p.tw")
    view.screenshot(path=str(ARTIFACTS / "plan-side-by-side.png"))
    view.click(".sbs-toggle")
    for path, name in (("targets/index.html", "targets-zh.png"), ("en/targets/index.html", "targets-en.png")):
        view = page.open(path)
        assert view.locator("svg.chart").count() >= 4
        view.screenshot(path=str(ARTIFACTS / name), full_page=True)
    view = page.open("xinjiang-2021-2025/index.html")
    view.screenshot(path=str(ARTIFACTS / "plan-targets-zh.png"))
    abbr = view.locator("article abbr:text-is('贯标')").first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    view.locator("#term-tooltip").wait_for(state="visible", timeout=5000)
    view.screenshot(path=str(ARTIFACTS / "tooltip-zh.png"))
    page.close()


NON_SEARCHER_BYTES = 10_000  # search data a page may fetch before the reader searches (issue 21), gzip-compressed


def search_files(site, requests: list[str]) -> list[str]:
    """The search data a page fetched (the worker script, search/…), site-relative, in order."""
    found = []
    for url in requests:
        relative = url.removeprefix(site.base + "/").split("#")[0].split("?")[0]
        if (relative.startswith("search/") or relative == "assets/search-worker.js") and relative not in found:
            found.append(relative)
    return found


def gzipped(root: Path, names: list[str]) -> int:
    """Bytes of these files as a static host sends them (gzip)."""
    return sum(len(gzip.compress((root / name).read_bytes(), mtime=0)) for name in names)


@pytest.mark.parametrize("path,lang,query", [
    ("xinjiang-2021-2025/index.html", "zh", "专利质押"),
    ("en/xinjiang-2021-2025/index.html", "en", "IP insurance"),
])
def test_a_page_load_fetches_at_most_10_kb_of_search_data_and_search_then_works(site, built_site, path, lang, query):
    """Before a search: the worker script and Material's own search_index.json (with the shards'
    manifests), ≤ 10 KB gzipped; then a search works and loads only its own language's shards."""
    page = site.open(path)
    page.wait_for_timeout(1500)  # the worker started and set up: anything it would fetch unasked
    before = search_files(site, site.requests)
    assert "assets/search-worker.js" in before, before
    assert set(before) <= {"assets/search-worker.js", "search/search_index.json", "search/search_index.js"}, before
    assert gzipped(built_site, before) <= NON_SEARCHER_BYTES, (before, gzipped(built_site, before))
    hits = search(page, query)
    assert any("xinjiang-2021-2025/index.html" in href and "#" in href for href in hits), hits
    shards = [name for name in search_files(site, site.requests) if name.startswith(("search/zh/", "search/en/"))]
    assert shards and all(name.startswith(f"search/{lang}/") for name in shards), shards
    assert site.outside_requests() == [] and site.errors == []


@pytest.mark.parametrize("path,lang,query", [
    ("xinjiang-2021-2025/index.html", "zh", "专利质押"),
    ("en/xinjiang-2021-2025/index.html", "en", "IP insurance"),
])
def test_a_query_loads_only_the_shards_it_needs(site, built_site, path, lang, query):
    """The term shards of the query's keys (each Chinese character; an English word's first letters
    and its plain-ending forms'), computed here by the index writer's own rule, and the text shards
    of the sections shown: never the whole index."""
    page = site.open(path)
    search(page, query)
    page.wait_for_timeout(300)
    manifest = search_index.read_manifest(built_site, lang)
    keys = [search_index.term_key(piece + ending) for piece in re.findall(r"[\u3400-\u9fff]|[^\W_]+", query.lower())
            for ending in (("",) if "\u3400" <= piece <= "\u9fff" else ("", *search_index.ENDINGS))]
    wanted = {f"search/{lang}/t{search_index.shard_of(key, manifest['terms'])}.js" for key in keys}
    loaded = search_files(site, site.requests)
    terms = {name for name in loaded if re.fullmatch(rf"search/{lang}/t\d+\.js", name)}
    texts = {name for name in loaded if re.fullmatch(rf"search/{lang}/d\d+\.js", name)}
    assert terms == wanted
    # The text shards of the sections listed, and no other (sections numbered in the written order).
    index = search_index.read(built_site, lang)
    number = {(index["pages"][doc[0]][0], doc[1]): n for n, doc in enumerate(index["docs"])}
    listed = [urlparse(href) for href in page.locator(f"{material.SEARCH_RESULT} a").evaluate_all("links => links.map(a => a.href)")]
    keys = [(link.path.split("/", 1)[1] if site.base.startswith("http") else link.path.removeprefix(urlparse(site.base).path + "/"), link.fragment)
            for link in listed if link.fragment]
    assert texts == {f"search/{lang}/d{number[key] // manifest['per']}.js" for key in keys}
    assert manifest["terms"] > len(terms)


@pytest.mark.parametrize("query", ["知识产权质押融资", "质押融资", "商标"])
def test_search_box_keeps_the_text_as_typed(site, query):
    page = site.open("xinjiang-2021-2025/index.html")
    page.keyboard.press("/")
    box = page.locator(material.SEARCH_INPUT)
    for n in range(1, len(query) + 1):  # as an IME commits it, one piece at a time
        box.fill(query[:n])
        page.keyboard.press("End")
    page.wait_for_selector(material.SEARCH_RESULT, timeout=15000)
    page.wait_for_timeout(300)
    assert box.input_value() == query


def test_result_shows_plan_number_title_snippet_and_anchor(site):
    page = site.open("xinjiang-2021-2025/index.html")
    hits = search(page, "专利金融创新")
    first = page.locator(material.SEARCH_RESULT).first
    section = first.locator("a").nth(1)
    assert "新疆“十四五”规划 三（一）5 推进专利金融创新发展" in section.locator("h2").inner_text()
    assert section.locator("mark").count() >= 1
    assert hits[1].split("?")[0].endswith("xinjiang-2021-2025/index.html") and hits[1].endswith("#s3-1-5")


def test_chinese_word_is_not_a_prefix_search(site):
    """商标 must not list a section that only says 商业秘密 (Material's own worker searched 商*)."""
    page = site.open("xinjiang-2021-2025/index.html")
    search(page, "商标")
    page.wait_for_timeout(300)
    titles = page.locator(f"{material.SEARCH_RESULT} a[href*='#'] article").evaluate_all(
        "articles => articles.map(a => a.textContent)")
    assert titles and all("商标" in text for text in titles[:10]), titles[:10]


def test_search_keyboard_enter_opens_best_section(site):
    page = site.open("xinjiang-2021-2025/index.html")
    search(page, "专利金融创新")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert page.url.split("?")[0].endswith("xinjiang-2021-2025/index.html") and page.url.endswith("#s3-1-5")


def test_first_results_are_drawn_from_the_term_shards_alone(browser, served):
    """One round trip to the first results: with every text shard held back, the best sections are
    already listed from the labels that come with the term shards (plan, printed number, title, the
    words marked), in the order of the full answer; the snippets follow once the texts arrive."""
    page = Page(browser, served)
    held, released = [], []

    def hold_texts(route):
        (route.continue_() if released else held.append(route))

    try:
        page.context.route(re.compile(r".*/search/zh/d\d+\.js$"), hold_texts)
        view = page.open("xinjiang-2021-2025/index.html")
        drafted = search(view, "专利金融创新")
        assert held, "the first results waited for no text shard: nothing shows they came without one"
        section = view.locator(material.SEARCH_RESULT).first.locator("a").nth(1)
        assert "新疆“十四五”规划 三（一）5 推进专利金融创新发展" in section.locator("h2").inner_text()
        assert section.locator("h2 mark").count() >= 1
        assert section.locator("article").inner_text().strip() == section.locator("h2").inner_text().strip()  # no snippet yet
        released.append(True)
        for route in held:
            route.continue_()
        view.wait_for_function("""(selector) => {
            const article = document.querySelector(selector + ' a:nth-child(2) article');
            return article && article.innerText.trim() !== article.querySelector('h2').innerText.trim();
        }""", arg=material.SEARCH_RESULT, timeout=15000)
        final = view.locator(f"{material.SEARCH_RESULT} a").evaluate_all("links => links.map(a => a.href)")
        shared = min(len(drafted), len(final))  # the final list may still be the first wave's, or longer
        assert shared >= 2 and final[:shared] == drafted[:shared], (drafted, final)
        assert page.errors == [] and page.outside_requests() == []
    finally:
        page.close()
