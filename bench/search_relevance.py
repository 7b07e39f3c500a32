"""Search relevance on the real search UI: success@5 and MRR per language.

Headless Chromium (Debian's package) opens a plan page of the query's language, presses
`/`, types the query and reads the result links in the order the reader sees them,
scrolling the list until every result is drawn. A result is a section link (one with an
#anchor); the link that stands for a whole page, above its sections, is not counted.
The rank of a query is the position of the first relevant section (bench/relevance.py);
success@5 is the share of queries with one in the top 5, MRR the mean of 1/rank (0 when
no relevant section is listed).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from bench.host import QuietHandler, serve  # noqa: F401 (serving lives in bench/host.py)
from bench.relevance import Query, Section, load_queries, plan_sections, relevant
from tools.common.paths import SOURCES
from tools.model.anchors import page_path
from tools.model.plandata import load_all
from tools.publish.chromium import CHROMIUM, FLAGS
from tools.site import material

TOP = 5
LANGS = ("zh", "en")

# The meta line's text and the number of result links, read together so the poll sees one state.
STATE = material.with_selectors("""() => [document.querySelector('«meta»').textContent,
  document.querySelectorAll('«result» a').length,
  document.querySelectorAll('«result»').length]""")
LINKS = material.with_selectors("() => [...document.querySelectorAll('«result» a')].map(a => a.href)")
SCROLL = material.with_selectors("""() => { const wrap = document.querySelector('«scroll»');
  wrap.scrollTop = wrap.scrollHeight; }""")


@dataclass(frozen=True)
class Outcome:
    query: Query
    rank: int | None  # 1-based position of the first relevant section, None if none is listed
    relevant: int  # how many sections contain the query's words
    first: str  # the first section listed, for the report


def section_key(href: str) -> str | None:
    """/slug/#anchor (or /en/slug/#anchor) for a section link; None for a whole-page link."""
    url = urlparse(href)
    if not url.fragment:
        return None
    path = unquote(url.path)
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return f"{path}#{url.fragment}"


def _settle(page, previous: str | None = None, timeout: float = 15.0) -> tuple:
    """Poll until the meta line differs from `previous` and nothing changes for 300 ms."""
    last, steady, waited = None, 0, 0.0
    while waited < timeout:
        state = tuple(page.evaluate(STATE))
        if state == last and state[0] != previous:
            steady += 1
            if steady >= 3:
                return state
        else:
            steady = 0
        last = state
        page.wait_for_timeout(100)
        waited += 0.1
    raise TimeoutError(f"search results did not settle: {last}")


def result_sections(page, query: str, wanted: set[str] = frozenset()) -> list[str]:
    """Type a query into the open search box; the section links listed, in order.

    Scrolling (drawing more results) stops once a section in `wanted` is listed: the
    rank is then known, and later results cannot change it.
    """
    box = page.locator(material.SEARCH_INPUT)
    box.fill("")
    page.keyboard.press("End")
    empty = _settle(page)[0]
    box.fill(query)
    page.keyboard.press("End")  # Material listens for key events; an IME commit sends one too
    state = _settle(page, previous=empty)
    while True:  # Material draws ten results at a time, more as the list scrolls
        if wanted & set(filter(None, map(section_key, page.evaluate(LINKS)))):
            break
        page.evaluate(SCROLL)
        page.wait_for_timeout(150)
        now = tuple(page.evaluate(STATE))
        if now == state:
            break
        state = now
    keys = [section_key(href) for href in page.evaluate(LINKS)]
    return [key for key in keys if key]


def rank_queries(browser, base: str, site: Path, queries: list[Query]) -> list[Outcome]:
    sections: dict[str, list[Section]] = {lang: plan_sections(site, lang) for lang in LANGS}
    start_page = load_all(SOURCES)[0].slug
    outcomes = []
    for lang in LANGS:
        asked = [query for query in queries if query.lang == lang]
        if not asked:
            continue
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(base + page_path(start_page, lang))
            page.wait_for_load_state("load")
            page.keyboard.press("/")
            for query in asked:
                wanted = relevant(sections[lang], query)
                listed = result_sections(page, query.text, wanted)
                rank = next((n for n, key in enumerate(listed, 1) if key in wanted), None)
                outcomes.append(Outcome(query, rank, len(wanted), listed[0] if listed else ""))
        finally:
            page.close()
    return outcomes


def measure(site: Path, queries: list[Query] | None = None) -> list[Outcome] | None:
    """Rank every query on the built site; None when Playwright or Chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            return rank_queries(browser, base, site, queries or load_queries())
        finally:
            browser.close()


def scores(outcomes: list[Outcome]) -> dict[str, tuple[float, float, int]]:
    """Language → (success@5, MRR, number of queries)."""
    result = {}
    for lang in LANGS:
        mine = [outcome for outcome in outcomes if outcome.query.lang == lang]
        if mine:
            success = sum(1 for o in mine if o.rank and o.rank <= TOP) / len(mine)
            mrr = statistics.fmean(1 / o.rank if o.rank else 0.0 for o in mine)
            result[lang] = (success, mrr, len(mine))
    return result


def render(outcomes: list[Outcome] | None, worst: int = 12) -> list[str]:
    lines = ["## Search relevance", ""]
    if outcomes is None:
        return lines + ["Not measured: Playwright or /usr/bin/chromium is missing (`make test-deps`).", ""]
    lines += [
        f"{len(outcomes)} queries from `bench/search_queries.toml`, typed into the search box of a plan page in "
        "headless Chromium (served site). A section is relevant when its text on the built page contains every "
        "word of the query (`bench/relevance.py`); rank = position of the first relevant section among the "
        "section links listed.",
        "",
        "| language | queries | success@5 | MRR | target | holds |",
        "|---|---|---|---|---|---|",
    ]
    for lang, (success, mrr, count) in scores(outcomes).items():
        holds = "yes" if success >= 0.98 and mrr >= 0.9 else "no"
        lines.append(f"| {lang} | {count} | {success:.0%} | {mrr:.2f} | success@5 ≥ 98%, MRR ≥ 0.9 | {holds} |")
    ordered = sorted(outcomes, key=lambda o: -(o.rank or 10**6))
    lines += ["", f"Worst queries (up to {worst} ranked below 1):", "",
              "| query | kind | relevant sections | rank | first result |", "|---|---|---|---|---|"]
    for outcome in [o for o in ordered if o.rank != 1][:worst]:
        rank = outcome.rank or "not listed"
        lines.append(f"| {outcome.query.text} | {outcome.query.kind} | {outcome.relevant} | {rank} | `{outcome.first}` |")
    lines.append("")
    return lines


def main() -> int:
    from tools.common.paths import REPO

    outcomes = measure(REPO / "site")
    print("\n".join(render(outcomes, worst=100)))
    return 0
