"""What one search costs a reader on a phone: bytes of search data and time to the first result.

Headless Chromium (Debian's package) opens a plan page cold (a fresh browser context, no
cache) on the served site, compressed with gzip as static hosts serve it, under
Chromium's own phone profile: the "Slow 4G" network preset (Network.emulateNetworkConditions)
and a 4× CPU slowdown (Emulation.setCPUThrottlingRate). After the page has loaded, the
clock starts, search is opened (focus on the box, as `/` does) and the query typed; it stops
when the first result is drawn. The worker loads only its manifest when Material starts it;
the query loads the term shards it needs, then the text shards of the sections shown. Bytes are those of every response whose URL is search
data (the worker script and search/…), as transferred (compressed) and as stored.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from bench.host import GzipHandler, serve_gzip  # noqa: F401 (serving like a static host lives in bench/host.py)
from tools.publish.chromium import CHROMIUM, FLAGS
from tools.site import material

REPEATS = 3
# Chromium DevTools' "Slow 4G" preset (formerly "Fast 3G").
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
           "uploadThroughput": 750 * 1024 / 8 * 0.9}
CPU_SLOWDOWN = 4
TIME_TARGET = {"real": 1.5, "50 plans": 3.0}  # seconds to the first result
BYTES_TARGET = 500_000
QUERY = {"zh": "知识产权质押", "en": "IP insurance"}

# Opens search as `/` does (focus on the box), types the query and resolves with the seconds until
# the first result is drawn; run inside the page, so that the driver's own latency is not counted.
SEARCH = material.with_selectors("""(query) => new Promise((resolve) => {
  const input = document.querySelector("«input»");
  const list = document.querySelector("«results»");
  const start = performance.now();
  new MutationObserver((_, observer) => {
    if (list.querySelector("«result»")) {
      observer.disconnect();
      resolve((performance.now() - start) / 1000);
    }
  }).observe(list, {childList: true, subtree: true});
  input.focus();
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup", {key: "End", bubbles: true}));
})""")


def is_search_data(url: str) -> bool:
    return "/search/" in url or "search-worker" in url


def one_search(browser, url: str, query: str) -> tuple[float, int, int, list[str]]:
    """(seconds to the first result, bytes transferred, bytes stored, URLs of search data fetched before search opened)."""
    context = browser.new_context(viewport={"width": 400, "height": 850})
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        sent: dict[str, int] = {}
        stored: dict[str, int] = {}

        def count(response) -> None:
            # The worker's requests are seen here too (not by the page's CDP session).
            if is_search_data(response.url):
                sent[response.url] = int(response.headers.get("content-length", "0"))
                stored[response.url] = len(response.body())

        page.on("response", count)
        page.goto(url)
        page.wait_for_load_state("load")
        before = sorted(u for u in stored if "/search/" in u and not u.endswith("search_index.json"))
        seconds = page.evaluate(SEARCH, query)
        page.wait_for_timeout(200)
        return seconds, sum(sent.values()), sum(stored.values()), before
    finally:
        context.close()


def measure(site: Path, slug: str, lang: str = "zh") -> dict | None:
    """Median time and the bytes of one cold search on a plan page; None without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    path = f"/{slug}/index.html" if lang == "zh" else f"/en/{slug}/index.html"
    with serve_gzip(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            runs = [one_search(browser, base + path, QUERY[lang]) for _ in range(REPEATS)]
        finally:
            browser.close()
    return {"seconds": statistics.median(run[0] for run in runs), "sent": runs[0][1], "stored": runs[0][2],
            "early": runs[0][3]}


def render(figures: dict[str, dict | None]) -> list[str]:
    lines = ["## Search cost", "", __doc__.split("\n\n", 1)[1].replace("\n", " ").strip(), ""]
    if not any(figures.values()):
        return lines + ["Not measured: Playwright or /usr/bin/chromium is missing (`make test-deps`).", ""]
    lines += ["| corpus | search data (gzip) | as stored | first result, median | targets | holds |",
              "|---|---|---|---|---|---|"]
    for corpus, row in figures.items():
        if not row:
            continue
        target = TIME_TARGET[corpus]
        holds = "yes" if row["sent"] <= BYTES_TARGET and row["seconds"] <= target else "no"
        lines.append(f"| {corpus} | {row['sent']:,} bytes | {row['stored']:,} bytes | {row['seconds']:.2f} s "
                     f"| ≤ {BYTES_TARGET // 1000} KB, ≤ {target} s | {holds} |")
    return lines + [""]
