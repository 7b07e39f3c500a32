"""`make bench`: measure, then write BENCHMARKS.md.

Figures: the OpenCC round trip (simplified plans → s2twp → converter, edit distance to
the original) for our converter beside t2s and tw2sp; pipeline time; site build cold and
warm beside plain ProperDocs on the same docs/; payload sizes; search relevance (success@5
and MRR per language, bench/search_relevance.py). Medians of at least 3 runs.
"""

from __future__ import annotations

import difflib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import opencc

from bench import report
from bench.report import SEARCH_HEADING
from tools.common.paths import DOCS, REPO, SOURCES, TEMPLATE_CACHE, VOCABULARY_CACHE
from tools.ingest import script
from tools.model.plandata import load_all
from tools.publish.bundle import make_bundle
from tools.site import engine, search_index
from tools.site.htmltext import article_text

ROOT = REPO
PLANS = SOURCES.plans
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
    converters = {"t2s": opencc.OpenCC("t2s").convert, "tw2sp": opencc.OpenCC("tw2sp").convert, "ours": lambda text: script.to_mainland(text, SOURCES.opencc)}
    rows = []
    for plan in load_all(SOURCES):
        if plan.script != "simplified":
            continue
        original = plan.source.read_text(encoding="utf-8")
        taiwan = to_taiwan.convert(original)
        row = {"plan": plan.slug, "chars": len(original)}
        for name, convert in converters.items():
            row[name] = edit_distance(original, convert(taiwan))
        rows.append(row)
    return rows


# The converter as it stood before issue 22's review of OpenCC's Taiwan dictionaries (its
# sources/opencc/ at this commit), measured beside today's on the same texts.
BEFORE_ISSUE_22 = "f9acc0f"
CORPUS = ROOT / "tests" / "fixtures" / "opencc" / "round-trip-corpus.txt"


def round_trip_losses() -> list[dict]:
    """Words that do not come back from s2twp, per converter, on the simplified plans and on the
    test corpus: those s2twp's many-to-one forms account for (round-trip-losses.toml), and the
    clauses with any other loss (the test fails on these for ours)."""
    from tools.ingest import round_trip as rt

    losses = rt.load_losses()
    texts = {"four simplified plans": [plan.source.read_text(encoding="utf-8") for plan in load_all(SOURCES) if plan.script == "simplified"],
             "test corpus": rt.corpus_lines(CORPUS)}
    converters = {"t2s": opencc.OpenCC("t2s").convert, "tw2sp": opencc.OpenCC("tw2sp").convert}
    before = tempfile.mkdtemp(prefix="bench-opencc-")
    names = ("taiwan.json", "traditional.json", "taiwan-phrases.txt", "taiwan-rules.toml")
    shown = [subprocess.run(["git", "show", f"{BEFORE_ISSUE_22}:sources/opencc/{name}"], cwd=ROOT, capture_output=True) for name in names]
    if all(result.returncode == 0 for result in shown):
        for name, result in zip(names, shown, strict=True):
            (Path(before) / name).write_bytes(result.stdout)
        converters["ours, before issue 22"] = lambda text: script.to_mainland(text, Path(before))
    converters["ours"] = lambda text: script.to_mainland(text, SOURCES.opencc)
    rows = []
    for label, items in texts.items():
        for name, convert in converters.items():
            result = rt.round_trip(items, convert, losses)
            rows.append({"texts": label, "converter": name, "listed": result.lost_words, "other": len(result.unexplained)})
    shutil.rmtree(before, ignore_errors=True)
    return rows


def round_trip_loss_lines(rows: list[dict]) -> list[str]:
    lines = [
        "",
        "Words that do not come back (same round trip, `tests/test_opencc_round_trip.py`'s comparison): those that are "
        "`s2twp`'s many-to-one forms, listed in `sources/opencc/round-trip-losses.toml` (创建 and 建立 both become 建立), "
        "and the clauses with any other loss, which the test does not allow for ours. Before is the converter at "
        f"commit {BEFORE_ISSUE_22}, before issue 22's rules.",
        "",
        "| texts | converter | many-to-one words (listed) | clauses with another loss |",
        "|---|---|---|---|",
    ]
    lines += [f"| {row['texts']} | {row['converter']} | {row['listed']} | {row['other']} |" for row in rows]
    return lines


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
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # --force: the whole pipeline each time (a build whose inputs are unchanged stops at once).
    figures = {"pipeline": median_time([python, "-m", "tools", "build", "--force"], env=env)}
    site = tempfile.mkdtemp(prefix="bench-site-")
    jieba_cache = Path(tempfile.gettempdir()) / "jieba.cache"

    def cold():
        shutil.rmtree(site, ignore_errors=True)
        jieba_cache.unlink(missing_ok=True)
        for cache in (VOCABULARY_CACHE, TEMPLATE_CACHE):
            shutil.rmtree(cache, ignore_errors=True)

    figures["site_cold"] = median_time(engine.command("-q", "-d", site, strict=False), before=cold, env=env)
    figures["site_warm"] = median_time(engine.command("-q", "-d", site, strict=False), env=env)
    plain_config = Path(tempfile.mkdtemp(prefix="bench-plain-")) / "mkdocs.yml"
    plain_config.write_text(
        f"site_name: plain\ndocs_dir: {ROOT / 'docs'}\nsite_dir: {site}-plain\ntheme: mkdocs\nplugins: []\n"
        "markdown_extensions: [attr_list, md_in_html, tables, pymdownx.blocks.admonition, pymdownx.blocks.details, pymdownx.blocks.html]\n",
        encoding="utf-8",
    )
    figures["plain_mkdocs"] = median_time(engine.command("-q", config=plain_config, strict=False), env=env)
    # Side by side in the same run: `make site` with docs/ fresh and the venv installed.
    figures["make_site_warm"] = median_time(["make", "--no-print-directory", "site"], env=env)
    # The PDF handouts, printed from the built site (one browser, pages in parallel).
    # Cold: every PDF printed (one run; it is the slow part of a first `make site`). Warm: a rebuild
    # whose pages did not change reuses them from .cache/pdf.
    figures["pdf_time_cold"] = timed([python, "-m", "tools", "pdf", "--site", site, "--no-cache"], env=env)
    figures["pdf_time"] = median_time([python, "-m", "tools", "pdf", "--site", site], env=env)
    figures["pdf_sizes"] = {path.name: path.stat().st_size for path in sorted((Path(site) / "pdf").glob("*.pdf"))}
    # The search index: every shard of both languages (tools/site/search_index.py); text = titles and section text.
    indexes = [search_index.read(Path(site), lang) for lang in search_index.LANGS]
    figures["index_bytes"] = sum(path.stat().st_size for lang in search_index.LANGS for path in (Path(site) / "search" / lang).glob("*.js"))
    figures["text_bytes"] = sum(len((doc[3] + doc[4]).encode("utf-8")) for index in indexes for doc in index["docs"])
    pages = sorted(Path(site).rglob("*.html"), key=lambda p: p.stat().st_size)
    largest = pages[-1]
    text = article_text(largest.read_text(encoding="utf-8"))
    figures["largest_page"] = (str(largest.relative_to(site)), largest.stat().st_size, len(text.encode("utf-8")))
    bundle = Path(site + "-bundle.zip")
    figures["bundle_bytes"] = make_bundle(Path(site), bundle)
    bundle.unlink()
    shutil.rmtree(site, ignore_errors=True)
    return figures


SCALES = (5, 25, 50)


def synthetic_sources(workdir: Path, copies: int) -> Path:
    """`copies` × the real plans (bench/synthetic.py varies every copy after the real plans)."""
    from bench import synthetic

    return synthetic.synthetic_sources(workdir, copies * len(load_all(SOURCES)))


def scale_config(workdir: Path) -> Path:
    from bench import scale

    return scale.scale_config(workdir)


def search_figures() -> list[str]:
    """Search relevance and cost, measured on fresh builds of the real site and of the 50-plan corpus."""
    from bench import search_cost
    from bench import search_relevance as relevance

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    site = Path(tempfile.mkdtemp(prefix="bench-search-"))
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-50-"))
    first_plan = load_all(SOURCES)[0].slug
    try:
        subprocess.run(engine.command("-q", "-d", str(site), strict=False), cwd=ROOT, check=True, capture_output=True, env=env)
        lines = relevance.render(relevance.measure(site))
        cost = {"real": search_cost.measure(site, first_plan)}
        sources = synthetic_sources(workdir, SCALES[-1] // 5)
        shutil.copytree(DOCS / "assets", workdir / "docs" / "assets")
        subprocess.run([sys.executable, "-m", "tools", "--plans", str(sources / "plans"), "--docs", str(workdir / "docs"), "build"],
                       cwd=ROOT, check=True, capture_output=True, env=env)
        subprocess.run(engine.command("-q", config=scale_config(workdir), strict=False), cwd=ROOT, check=True, capture_output=True, env=env)
        cost[f"{SCALES[-1]} plans"] = search_cost.measure(workdir / "site", first_plan)
        return lines + search_cost.render(cost)
    finally:
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(workdir, ignore_errors=True)




def write_search_only() -> int:
    """`python -m tools bench --search`: measure search alone and replace its sections of BENCHMARKS.md."""
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    head = text.split(SEARCH_HEADING)[0].rstrip("\n") + "\n\n"
    path.write_text(head + "\n".join(search_figures()), encoding="utf-8")
    print(path.read_text(encoding="utf-8"))
    return 0


def write_topics_only() -> int:
    """`python -m tools bench --topics`: measure the topic proposer alone and replace its section of BENCHMARKS.md."""
    from bench import topic_proposals

    return report.write_section(topic_proposals.render(topic_proposals.measure()))


def render(rows: list[dict], figures: dict, browser: dict | None,
           relevance: list[str] = (), topics: list[str] = (), losses: list[dict] | None = None) -> str:
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
    lines += round_trip_loss_lines(losses or [])
    ratio = figures["site_warm"] / figures["plain_mkdocs"]
    index_ratio = figures["index_bytes"] / figures["text_bytes"]
    pipeline_ratio = figures["pipeline"] / figures["plain_mkdocs"]
    make_ratio = figures["make_site_warm"] / figures["plain_mkdocs"]
    lines += [
        "",
        "## Build",
        "",
        "| figure | value | target | holds |",
        "|---|---|---|---|",
        f"| pipeline (`python -m tools build --force`) | {figures['pipeline']:.2f} s | | |",
        f"| site build, cold (no jieba, template or search-vocabulary cache, empty site dir) | {figures['site_cold']:.2f} s | | |",
        f"| site build, warm | {figures['site_warm']:.2f} s | | |",
        f"| plain ProperDocs (theme `mkdocs`, no plugins), same docs/ | {figures['plain_mkdocs']:.2f} s | | |",
        f"| warm build ÷ plain ProperDocs | {ratio:.1f}× | ≤ 5× | {'yes' if ratio <= 5 else 'no'} |",
        f"| `make site`, warm (nothing changed: docs/ found current, ProperDocs, PDFs reused, bundle) | {figures['make_site_warm']:.2f} s | | |",
        f"| PDFs printed (`python -m tools pdf --no-cache`, {len(figures['pdf_sizes'])} files) | {figures['pdf_time_cold']:.2f} s | | |",
        f"| PDFs, warm (unchanged pages reuse their PDFs) | {figures['pdf_time']:.2f} s | | |",
        f"| pipeline ÷ plain ProperDocs | {pipeline_ratio:.2f}× | ≤ 0.5× | {'yes' if pipeline_ratio <= 0.5 else 'no'} |",
        f"| warm `make site` ÷ plain ProperDocs | {make_ratio:.1f}× | ≤ 3× | {'yes' if make_ratio <= 3 else 'no'} |",
        "",
        "## Payload",
        "",
        "| figure | value | target | holds |",
        "|---|---|---|---|",
        f"| search index, every shard of both languages | {figures['index_bytes']:,} bytes | | |",
        f"| text in the index | {figures['text_bytes']:,} bytes | | |",
        # The ≤ 1.5× target was set for a single index file that every reader downloaded whole. Since
        # issue 21 nobody downloads it whole: postings, the heads' labels and the texts are separate
        # shards, and what one search costs is in "Search at scale". The ratio is kept as a figure.
        f"| index ÷ text (stored, not downloaded) | {index_ratio:.2f}× | ≤ 1.5× was for an index every reader "
        "downloaded whole; a search now loads its shards (see Search at scale) | — |",
        f"| largest page | {figures['largest_page'][0]}: {figures['largest_page'][1]:,} bytes of HTML | | |",
        f"| its article text | {figures['largest_page'][2]:,} bytes (HTML ÷ text {figures['largest_page'][1] / figures['largest_page'][2]:.1f}×) | | |",
        f"| offline bundle (zip) | {figures['bundle_bytes']:,} bytes | | |",
        f"| PDFs, total | {sum(figures['pdf_sizes'].values()):,} bytes | | |",
        *(f"| {name} | {size:,} bytes | | |" for name, size in figures["pdf_sizes"].items()),
    ]
    lines += ["", "## Browser", ""]
    if browser:
        lines += [
            "Headless Chromium (Debian package) on the unzipped offline bundle from `file://`, no network: "
            "the time from pressing Enter in the search box to the first result on screen.",
            "",
            "| query | first search (loads the index) | later searches, median |",
            "|---|---|---|",
        ]
        for query, (first, later) in browser.items():
            lines.append(f"| {query} | {first:.0f} ms | {later:.0f} ms |")
    else:
        lines.append("Not measured: Playwright or /usr/bin/chromium is missing (`make test-deps`).")
    lines.append("")
    lines += topics
    lines += relevance
    return "\n".join(lines)


def main() -> int:
    rows = round_trip()
    figures = build_figures()
    from bench.browser import search_timings

    browser = search_timings(ROOT / "dist" / "ip-plans-offline.zip")
    relevance = search_figures()
    from bench import topic_proposals

    topics = topic_proposals.render(topic_proposals.measure())
    losses = round_trip_losses()
    text = render(rows, figures, browser, relevance, topics, losses)
    # The synthetic corpus and the build at 5, 50 and 500 plans (bench/scale.py).
    from bench import scale

    text = scale.apply(text)
    # Similar passages: precision, cost at 5 and 50 plans, page weight (bench/similar_cost.py).
    from bench import similar_cost

    text = report.replace_section(text, similar_cost.render(similar_cost.measure()))
    # Successive plans: alignment precision/recall and cost (bench/alignment.py).
    from bench import alignment

    text = report.replace_section(text, alignment.figures())
    # PDF weight: before/after the print face and object streams (bench/pdf_weight.py).
    from bench import pdf_weight

    text = report.replace_section(text, pdf_weight.render(pdf_weight.measure()))
    # Search at 5, 50 and 500 synthetic plans (bench/search_scale.py).
    from bench import search_scale

    text = report.replace_section(text, search_scale.render(search_scale.measure()))
    # Lighthouse, each page type on a phone and a desktop (bench/lighthouse.py).
    from bench import lighthouse

    text = report.replace_section(text, lighthouse.section())
    (ROOT / "BENCHMARKS.md").write_text(text, encoding="utf-8")
    print((ROOT / "BENCHMARKS.md").read_text(encoding="utf-8"))
    return 0 if all(row["ours"] < row["tw2sp"] for row in rows) else 1
