"""The browser figure for BENCHMARKS.md: search latency in headless Chromium from file://.

Debian's chromium driven by Playwright (never a downloaded browser), on the unzipped
offline bundle, with no network. The clock runs inside the page, from the moment the
query is entered (input event and the Enter key) to the first result drawn in the list.
"""

from __future__ import annotations

import statistics
import tempfile
import zipfile
from pathlib import Path

from tools.publish.bundle import BUNDLE_FOLDER
from tools.publish.chromium import CHROMIUM, FLAGS
from tools.site import material

QUERIES = ("质押融资", "地理标志", "pledge")
REPEATS = 5

# Resolves with the milliseconds from entering the query to the first result item.
MEASURE = material.with_selectors("""(query) => new Promise((resolve) => {
  const input = document.querySelector("«input»");
  const list = document.querySelector("«results»");
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (list.querySelector("«result»")) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(list, {childList: true, subtree: true});
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {key: "Enter", bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
})""")
CLEAR = material.with_selectors("""() => {
  const input = document.querySelector("«input»");
  input.value = "";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {key: "Backspace", bubbles: true}));
}""")


def search_timings(bundle_zip: Path) -> dict[str, tuple[float, float]] | None:
    """Query → (first search on a fresh page, median of later searches), in ms; None if no browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists() or not bundle_zip.exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(bundle_zip) as archive:
            archive.extractall(folder)
        home = (Path(folder) / BUNDLE_FOLDER / "index.html").as_uri()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                return {query: _time_query(browser, home, query) for query in QUERIES}
            finally:
                browser.close()


def _time_query(browser, home: str, query: str) -> tuple[float, float]:
    page = browser.new_page()
    try:
        page.goto(home)
        page.wait_for_load_state("load")
        page.keyboard.press("/")
        first = page.evaluate(MEASURE, query)
        later = []
        for _ in range(REPEATS):
            page.evaluate(CLEAR)
            page.wait_for_function(material.with_selectors("() => !document.querySelector('«result»')"))
            later.append(page.evaluate(MEASURE, query))
        return first, statistics.median(later)
    finally:
        page.close()
