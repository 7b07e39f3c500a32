"""`make bench`: measure, then write BENCHMARKS.md.

Figures: the OpenCC round trip (simplified plans → s2twp → converter, edit distance to
the original) for our converter beside t2s and tw2sp; pipeline time; site build cold and
warm beside plain MkDocs on the same docs/; payload sizes. Medians of at least 3 runs.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import opencc

from tools import script
from tools.paths import PLANS, ROOT
from tools.plandata import load_all

RUNS = 3


def edit_distance(a: str, b: str) -> int:
    """Character edits between two texts, counted over a line-aligned diff (the conversions keep line breaks)."""
    total = 0
    for line_a, line_b in zip(a.split("\n"), b.split("\n"), strict=True):
        if line_a == line_b:
            continue
        matcher = difflib.SequenceMatcher(None, line_a, line_b, autojunk=False)
        total += sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    return total


def round_trip() -> list[dict]:
    to_taiwan = opencc.OpenCC("s2twp")
    converters = {"t2s": opencc.OpenCC("t2s").convert, "tw2sp": opencc.OpenCC("tw2sp").convert, "ours": script.to_mainland}
    rows = []
    for plan in load_all(PLANS):
        if plan.script != "simplified":
            continue
        original = plan.source.read_text(encoding="utf-8")
        taiwan = to_taiwan.convert(original)
        row = {"plan": plan.slug, "chars": len(original)}
        for name, convert in converters.items():
            row[name] = edit_distance(original, convert(taiwan))
        rows.append(row)
    return rows


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def median_time(command: list[str], runs: int = RUNS, before=None, env=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(command, env))
    return statistics.median(times)


def build_figures() -> dict:
    python = sys.executable
    mkdocs = str(Path(python).parent / "mkdocs")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    figures = {"pipeline": median_time([python, "-m", "tools", "build"], env=env)}
    site = tempfile.mkdtemp(prefix="bench-site-")
    jieba_cache = Path(tempfile.gettempdir()) / "jieba.cache"

    def cold():
        shutil.rmtree(site, ignore_errors=True)
        jieba_cache.unlink(missing_ok=True)

    figures["site_cold"] = median_time([mkdocs, "build", "-q", "-d", site], before=cold, env=env)
    figures["site_warm"] = median_time([mkdocs, "build", "-q", "-d", site], env=env)
    plain_config = Path(tempfile.mkdtemp(prefix="bench-plain-")) / "mkdocs.yml"
    plain_config.write_text(
        f"site_name: plain\ndocs_dir: {ROOT / 'docs'}\nsite_dir: {site}-plain\ntheme: mkdocs\nplugins: []\n"
        "markdown_extensions: [attr_list, md_in_html, tables, pymdownx.blocks.admonition, pymdownx.blocks.details, pymdownx.blocks.html]\n",
        encoding="utf-8",
    )
    figures["plain_mkdocs"] = median_time([mkdocs, "build", "-q", "-f", str(plain_config)], env=env)
    index = Path(site) / "search" / "search_index.json"
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    figures["index_bytes"] = index.stat().st_size
    figures["text_bytes"] = sum(len(doc["text"].encode("utf-8")) for doc in docs)
    pages = sorted(Path(site).rglob("*.html"), key=lambda p: p.stat().st_size)
    figures["largest_page"] = (str(pages[-1].relative_to(site)), pages[-1].stat().st_size)
    shutil.rmtree(site, ignore_errors=True)
    return figures


def render(rows: list[dict], figures: dict) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m tools bench`) on this 2-core machine; times are medians of "
        f"{RUNS} runs.",
        "",
        "## OpenCC round trip",
        "",
        "Each simplified plan → OpenCC `s2twp` → converter → edit distance against the original "
        "(characters, over a line-aligned diff). Lower is better; ours must beat `tw2sp` on every plan.",
        "",
        "| plan | characters | t2s | tw2sp | ours | ours beats tw2sp |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        verdict = "yes" if row["ours"] < row["tw2sp"] else "NO"
        lines.append(f"| {row['plan']} | {row['chars']} | {row['t2s']} | {row['tw2sp']} | {row['ours']} | {verdict} |")
    ratio = figures["site_warm"] / figures["plain_mkdocs"]
    index_ratio = figures["index_bytes"] / figures["text_bytes"]
    lines += [
        "",
        "## Build",
        "",
        "| figure | value | target | holds |",
        "|---|---|---|---|",
        f"| pipeline (`python -m tools build`) | {figures['pipeline']:.2f} s | | |",
        f"| site build, cold (no jieba cache, empty site dir) | {figures['site_cold']:.2f} s | | |",
        f"| site build, warm | {figures['site_warm']:.2f} s | | |",
        f"| plain MkDocs (theme `mkdocs`, no plugins), same docs/ | {figures['plain_mkdocs']:.2f} s | | |",
        f"| warm build ÷ plain MkDocs | {ratio:.1f}× | ≤ 5× | {'yes' if ratio <= 5 else 'no'} |",
        "",
        "## Payload",
        "",
        "| figure | value | target | holds |",
        "|---|---|---|---|",
        f"| search index | {figures['index_bytes']:,} bytes | | |",
        f"| text in the index | {figures['text_bytes']:,} bytes | | |",
        f"| index ÷ text | {index_ratio:.2f}× | ≤ 1.5× | {'yes' if index_ratio <= 1.5 else 'no'} |",
        f"| largest page | {figures['largest_page'][0]}: {figures['largest_page'][1]:,} bytes | | |",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    rows = round_trip()
    figures = build_figures()
    (ROOT / "BENCHMARKS.md").write_text(render(rows, figures), encoding="utf-8")
    print((ROOT / "BENCHMARKS.md").read_text(encoding="utf-8"))
    return 0 if all(row["ours"] < row["tw2sp"] for row in rows) else 1
