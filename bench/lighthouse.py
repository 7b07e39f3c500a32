"""Lighthouse scores of each page type on a phone and a desktop (`python -m tools bench --lighthouse`).

Lighthouse 12.2.3 (npm, pinned in package.json: 13 needs Node 22) drives Debian's Chromium over
the freshly built site, served as a static host serves it (`bench/host.py`: gzip, cache
headers). Each page type is measured with Lighthouse's mobile preset (its default: a Moto G
Power–sized screen, simulated Slow 4G and a 4× CPU slowdown) and its desktop preset; each
figure is the median of RUNS runs (the score, LCP and TBT of the run with the median
performance score, so a row is one real run). The pages are chosen from the data: the home
page, the plan page with the most text (the heaviest) in Chinese and in English, the targets
page, each successor comparison (plans.json `predecessor`) and the topic comparison with the
most passages (the heaviest built topic page).

Targets (issue 21), mobile: performance ≥ 95, LCP ≤ 2.5 s, TBT ≤ 150 ms, CLS ≤ 0.05;
accessibility, best practices and SEO 100. A benchmark, not a test: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bench import report
from bench.host import serve_static
from tools.common.paths import REPO
from tools.publish.chromium import CHROMIUM, FLAGS
from tools.site import engine

HEADING = "## Lighthouse"
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
RUNS = 3
PRESETS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse starts Chromium itself: new headless mode, and no traffic of the browser's own.
CHROME_FLAGS = ["--headless=new", *FLAGS]
TARGETS = {"performance": 95, "lcp_s": 2.5, "tbt_ms": 150, "cls": 0.05, "others": 100}


@dataclass(frozen=True)
class Page:
    kind: str
    path: str  # site-relative, ending in "/"


@dataclass(frozen=True)
class Result:
    scores: dict[str, int]  # category → 0–100
    lcp_s: float
    tbt_ms: float
    cls: float
    bytes: int  # transferred, every request of the load
    dom: int  # elements
    benchmark_index: float  # Lighthouse's measure of this machine's CPU during the run

    def meets_mobile_targets(self) -> bool:
        others = all(self.scores[c] >= TARGETS["others"] for c in CATEGORIES[1:])
        return (self.scores["performance"] >= TARGETS["performance"] and self.lcp_s <= TARGETS["lcp_s"]
                and self.tbt_ms <= TARGETS["tbt_ms"] and self.cls <= TARGETS["cls"] and others)


def _page_size(site: Path, path: str) -> int:
    return (site / path / "index.html").stat().st_size


def pages(site: Path) -> list[Page]:
    """Each page type once, chosen from plans.json and the built site (the heaviest of a kind)."""
    plans = json.loads((site / "data" / "plans.json").read_text(encoding="utf-8"))
    heaviest = max(plans, key=lambda plan: _page_size(site, plan["url_zh"].strip("/")))
    chosen = [Page("home", ""), Page("plan (zh)", heaviest["url_zh"].lstrip("/")),
              Page("plan (en)", heaviest["url_en"].lstrip("/")), Page("targets", "targets/")]
    for plan in plans:
        if plan.get("predecessor"):
            chosen.append(Page("successor comparison", f"compare/{plan['predecessor']}--{plan['slug']}/"))
    topics = [folder for folder in (site / "topics").iterdir() if (folder / "index.html").is_file()]
    if topics:
        topic = max(topics, key=lambda folder: (folder / "index.html").stat().st_size)
        chosen.append(Page("topic comparison", f"topics/{topic.name}/"))
    return chosen


def run_once(url: str, preset: str, report: Path) -> Result:
    """One Lighthouse run; its JSON report is kept at `report`."""
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True)
    return parse(json.loads(report.read_text(encoding="utf-8")))


def parse(lhr: dict) -> Result:
    audits = lhr["audits"]
    return Result(
        scores={c: round(100 * (lhr["categories"][c]["score"] or 0)) for c in CATEGORIES},
        lcp_s=audits["largest-contentful-paint"]["numericValue"] / 1000,
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        cls=audits["cumulative-layout-shift"]["numericValue"],
        bytes=int(audits["total-byte-weight"]["numericValue"]),
        dom=int(audits["dom-size"].get("numericValue") or 0),
        benchmark_index=lhr["environment"]["benchmarkIndex"],
    )


def median_run(results: list[Result]) -> Result:
    """The run whose performance score is the median (one real run, not a mix of runs)."""
    ordered = sorted(results, key=lambda r: (r.scores["performance"], -r.lcp_s))
    return ordered[(len(ordered) - 1) // 2]


def measure(site: Path, runs: int = RUNS, reports: Path | None = None, kinds: set[str] | None = None,
            presets: tuple[str, ...] = PRESETS) -> dict[tuple[str, str], tuple[Page, Result]]:
    """{(page kind + path, preset): (page, median result)}, every page served from `site`."""
    reports = reports or Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    figures = {}
    with serve_static(site) as base:
        for page in pages(site):
            if kinds and page.kind not in kinds:
                continue
            for preset in presets:
                results = []
                for run in range(runs):
                    name = f"{page.path.strip('/').replace('/', '_') or 'home'}.{preset}.{run}.json"
                    results.append(run_once(f"{base}/{page.path}", preset, reports / name))
                figures[(page.path, preset)] = (page, median_run(results))
    return figures


def _mark(value: str, holds: bool) -> str:
    """A figure, in bold when it misses its target."""
    return value if holds else f"**{value}**"


def row(page: Page, preset: str, r: Result) -> str:
    """One table row; the targets are the phone's, so only mobile rows are marked."""
    strict = preset == "mobile"
    score = {c: _mark(str(r.scores[c]), r.scores[c] >= (TARGETS["performance"] if c == "performance" else TARGETS["others"])
                      or not strict) for c in CATEGORIES}
    return (f"| {page.kind} `/{page.path}` | {preset} | " + " | ".join(score[c] for c in CATEGORIES)
            + f" | {_mark(f'{r.lcp_s:.1f} s', r.lcp_s <= TARGETS['lcp_s'] or not strict)}"
            f" | {_mark(f'{r.tbt_ms:.0f} ms', r.tbt_ms <= TARGETS['tbt_ms'] or not strict)}"
            f" | {_mark(f'{r.cls:.3f}', r.cls <= TARGETS['cls'] or not strict)}"
            f" | {r.bytes / 1024:.0f} KB | {r.dom} | {r.benchmark_index:.0f} |")


def render(figures: dict, runs: int, note: str = "") -> list[str]:
    lines = [
        HEADING, "",
        "Lighthouse 12.2.3 (`bench/lighthouse.py`, `python -m tools bench --lighthouse`) on Debian's Chromium, the "
        "site served as a static host serves it (`bench/host.py`: gzip, `Cache-Control` a year for assets and "
        "`no-cache` + ETag for HTML). Mobile is Lighthouse's default preset (simulated Slow 4G, 4× CPU slowdown), "
        f"desktop its desktop preset; each row is the run with the median performance score of {runs}. Pages are "
        "chosen from the data: the plan page with the most text in each language, every successor comparison, "
        "the topic comparison with the most passages. Targets on mobile (issue 21): performance ≥ "
        f"{TARGETS['performance']}, LCP ≤ {TARGETS['lcp_s']} s, TBT ≤ {TARGETS['tbt_ms']} ms, CLS ≤ {TARGETS['cls']}, "
        "the other categories 100; a figure that misses its target is in bold. TBT is the main thread's work "
        "as observed here times the CPU slowdown, so it follows this machine's load: Lighthouse's benchmark index "
        "of the run (≈ 1000 or more on an idle desktop; lower means a busier or slower CPU than Lighthouse expects) "
        "is in the last column.",
    ]
    if note:
        lines += ["", note]
    lines += ["", "| page | preset | performance | accessibility | best practices | SEO | LCP | TBT | CLS | transferred "
              "| DOM elements | benchmark index |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    lines += [row(page, preset, r) for (_, preset), (page, r) in figures.items()]
    mobile = [r for (_, preset), (_, r) in figures.items() if preset == "mobile"]
    held = sum(r.meets_mobile_targets() for r in mobile)
    lines += ["", f"Mobile targets met on {held} of {len(mobile)} pages."]
    return lines + [""]


def build_site(site: Path) -> None:
    """A fresh build of docs/ as it is, so that the figures are those of this commit's pages."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run(engine.command("-q", "-d", str(site), strict=False), cwd=REPO, check=True, capture_output=True, env=env)


def available() -> bool:
    return LIGHTHOUSE.exists() and Path(CHROMIUM).exists()


def section(runs: int = RUNS, site: Path | None = None) -> list[str]:
    """This section's lines; a fresh site build unless `site` is given."""
    if not available():
        return [HEADING, "", f"Not measured: `{LIGHTHOUSE.relative_to(REPO)}` (`npm ci`) or `{CHROMIUM}` is missing.", ""]
    if site is not None:
        return render(measure(site, runs), runs)
    built = Path(tempfile.mkdtemp(prefix="bench-lighthouse-site-"))
    try:
        build_site(built)
        return render(measure(built, runs), runs)
    finally:
        shutil.rmtree(built, ignore_errors=True)


def write(runs: int = RUNS, site: Path | None = None) -> int:
    """`python -m tools bench --lighthouse`: measure and replace this section of BENCHMARKS.md."""
    return report.write_section(section(runs, site))


def main(argv: list[str] | None = None) -> int:
    """Ad-hoc runs while working on a page: `python -m bench.lighthouse --site site --runs 1 --kind home`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site/")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--kind", action="append", help="only these page kinds (home, plan (zh), …)")
    parser.add_argument("--preset", choices=PRESETS, action="append")
    parser.add_argument("--reports", type=Path, help="keep the JSON reports here")
    args = parser.parse_args(argv)
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    figures = measure(args.site, args.runs, args.reports, set(args.kind) if args.kind else None,
                      tuple(args.preset) if args.preset else PRESETS)
    print("\n".join(render(figures, args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
