"""Similar passages: precision on the labelled sample, what the index costs the pipeline at 5 and
50 plans, and what the disclosures add to the plan pages (`python -m tools bench --similar`).

Time is this process's CPU time (time.process_time: the machine is shared, and wall-clock time
there measures the neighbours), measured in one process, side by side: the whole generation of docs/ (tools.build.generate)
with the similar passages and with them switched off (Corpus.similar empty), alternating, median
of RUNS; and the index alone (tools.annotate.similar.find_similar). The 50-plan corpus is
bench.build's synthetic one (the five plans copied ten times), so every paragraph there has nine
identical copies; identical texts are indexed once, and each copy still gets its own top-k list.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from unittest import mock

from bench import report
from tools.annotate import similar
from tools.common.paths import DOCS, REPO, SOURCES, SourceTree
from tools.render.corpus import Corpus

RUNS = 5
HEADING = "## Similar passages"
SAMPLE = REPO / "tests" / "similar_sample.toml"
SETTINGS = (6, 7, 8, 9, 10, 12)  # MIN_RUN values compared on the sample


def _median(function, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _pairs(found) -> set[tuple[str, str]]:
    return {tuple(sorted((f"{plan}#{anchor}", f"{m.other.plan}#{m.other.anchor}")))
            for (plan, anchor), matches in found.items() for m in matches}


def sample_figures() -> list[dict]:
    """Precision and recall on tests/similar_sample.toml for each MIN_RUN, with and without the formula list."""
    from tools.build import load_plans

    plans = load_plans(SOURCES)
    labels = {tuple(sorted((p["a"], p["b"]))): p["similar"] for p in tomllib.loads(SAMPLE.read_text(encoding="utf-8"))["pair"]}
    positives = sum(labels.values())
    formulas = similar.load_formulas(SOURCES.similar)
    rows = []
    for use_formulas in (False, True):
        for run in SETTINGS:
            with mock.patch.object(similar, "MIN_RUN", run):
                reported = _pairs(similar.find_similar(plans, formulas if use_formulas else []))
            true = sum(labels.get(pair, False) for pair in reported)
            rows.append({"formulas": use_formulas, "run": run, "pairs": len(reported), "true": true,
                         "unlabelled": len(reported - set(labels)), "precision": true / len(reported) if reported else 0.0,
                         "recall": true / positives, "chosen": use_formulas and run == similar.MIN_RUN})
    return rows


def command_cpu(tree: SourceTree, runs: int = 3) -> float:
    """CPU time of the pipeline command (`python -m tools --sources … build --force`), median of runs."""
    times = []
    with tempfile.TemporaryDirectory(prefix="bench-similar-docs-") as docs:
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-m", "tools", "--sources", str(tree.root), "--docs", docs, "build", "--force"],
                           cwd=REPO, check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def cost(tree: SourceTree) -> dict:
    from tools import build

    corpus = build.load_corpus(tree)
    formulas = similar.load_formulas(tree.similar)
    units = similar.paragraph_units(corpus.plans)
    index = similar.SimilarityIndex(units, formulas)
    found = similar.find_similar(corpus.plans, formulas)
    with_times, without_times = [], []
    for _ in range(RUNS):
        with_times.append(_median(lambda: build.generate(tree), 1))
        with mock.patch.object(Corpus, "similar", property(lambda self: {})):
            without_times.append(_median(lambda: build.generate(tree), 1))
    return {
        "plans": len(corpus.plans), "paragraphs": len(units), "texts": len(index.texts),
        "checked": sum(len(index.candidates(t)) for t in range(len(index.texts))),
        "listed": sum(len(matches) for matches in found.values()), "with_matches": len(found),
        "index": _median(lambda: similar.find_similar(corpus.plans, formulas)),
        "pipeline": statistics.median(with_times), "without": statistics.median(without_times),
        "command": command_cpu(tree),
    }


ELEMENT = re.compile(r"<[a-zA-Z]")


def page_weight() -> dict[str, tuple[int, int, int, int]]:
    """Each plan page's bytes and elements, with and without the disclosures (two real MkDocs builds)."""
    from bench.build import scale_config
    from tools import build

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    sizes: dict[str, list[int]] = {}
    for variant in ("with", "without"):
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-similar-{variant}-"))
        try:
            shutil.copytree(DOCS / "assets", workdir / "docs" / "assets")
            if variant == "with":
                files = build.generate(SOURCES)
            else:
                with mock.patch.object(Corpus, "similar", property(lambda self: {})):
                    files = build.generate(SOURCES)
            build.write_docs(files, workdir / "docs")
            subprocess.run([mkdocs, "build", "-q", "-f", str(scale_config(workdir))], cwd=REPO, check=True, capture_output=True, env=env)
            for plan in build.load_plans(SOURCES):
                for prefix in ("", "en/"):
                    page = (workdir / "site" / prefix / plan.data.slug / "index.html").read_text(encoding="utf-8")
                    sizes.setdefault(prefix + plan.data.slug, []).extend([len(page.encode("utf-8")), len(ELEMENT.findall(page))])
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return {page: tuple(values) for page, values in sizes.items()}


def counts_per_plan() -> list[tuple[str, int, int, int]]:
    """(plan, paragraphs, paragraphs with similar passages, passages listed) for the real plans."""
    from tools.build import load_plans

    plans = load_plans(SOURCES)
    units = similar.paragraph_units(plans)
    found = similar.find_similar(plans, similar.load_formulas(SOURCES.similar))
    return [(plan.data.slug, sum(u.plan == plan.data.slug for u in units), sum(key[0] == plan.data.slug for key in found),
             sum(len(m) for key, m in found.items() if key[0] == plan.data.slug)) for plan in plans]


def measure() -> dict:
    from bench.build import SCALES, synthetic_sources

    figures = {"sample": sample_figures(), "counts": counts_per_plan(), "real": cost(SOURCES)}
    workdir = Path(tempfile.mkdtemp(prefix="bench-similar-50-"))
    try:
        figures["synthetic"] = cost(SourceTree(synthetic_sources(workdir, SCALES[-1] // 5)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    figures["weight"] = page_weight()
    return figures


def share(row: dict) -> float:
    return (row["pipeline"] - row["without"]) / row["command"]


def render(figures: dict) -> list[str]:
    chosen = next(row for row in figures["sample"] if row["chosen"])
    lines = [
        HEADING, "",
        "`tools/annotate/similar.py`: character 4-gram postings over every paragraph; shingles in more than 60% of the "
        "plans or 2% of the distinct paragraphs, and those of the reviewed political formulas in `sources/similar.toml`, "
        f"are boilerplate; a pair is kept when one unbroken shared run holds at least MIN_RUN = {similar.MIN_RUN} distinct "
        f"informative shingles (≥ {similar.MIN_RUN + similar.SHINGLE - 1} characters); each paragraph lists its top "
        f"{similar.TOP_K}. The sample (`tests/similar_sample.toml`, {sum(1 for _ in tomllib.loads(SAMPLE.read_text(encoding='utf-8'))['pair'])} pairs, "
        "labelled by reading them) is every pair the loosest setting below reports without the formula list. The formula "
        "list was written after reading the same corpus, so the precision with it is an upper estimate for new plans; "
        "the rows without it show what counting alone achieves.",
        "",
        "| formula list | MIN_RUN | pairs reported | labelled similar | precision | recall | chosen |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in figures["sample"]:
        lines.append(f"| {'yes' if row['formulas'] else 'no'} | {row['run']} | {row['pairs']} | {row['true']} | "
                     f"{row['precision']:.0%} | {row['recall']:.0%} | {'**yes**' if row['chosen'] else ''} |")
    lines += [
        "", f"Chosen setting: precision {chosen['precision']:.0%} (target ≥ 80%, holds: {'yes' if chosen['precision'] >= 0.8 else 'no'}), "
        f"recall {chosen['recall']:.0%} on the sample.", "",
        "| plan | paragraphs | with similar passages | passages listed |", "|---|---|---|---|",
        *(f"| {plan} | {paragraphs} | {with_matches} | {listed} |" for plan, paragraphs, with_matches, listed in figures["counts"]),
        "",
        f"Cost (CPU time of the process): generating docs/ in one process with the similar passages and without them (alternating, median of {RUNS}); "
        "the index alone; the candidate pairs the postings let through, beside all pairs of distinct paragraphs.",
        "",
        "| corpus | plans | paragraphs (distinct) | pairs checked / all pairs | index | docs/ with | docs/ without | added "
        "| ÷ docs/ generation | pipeline command | ÷ pipeline command |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ("real", "synthetic"):
        row = figures[name]
        added = row["pipeline"] - row["without"]
        all_pairs = row["texts"] * (row["texts"] - 1)
        lines.append(f"| {'5 plans' if name == 'real' else '50 plans (synthetic)'} | {row['plans']} | {row['paragraphs']} ({row['texts']}) | "
                     f"{row['checked']:,} / {all_pairs:,} | {row['index'] * 1000:.0f} ms | {row['pipeline']:.2f} s | {row['without']:.2f} s | "
                     f"{added * 1000:.0f} ms | {added / row['pipeline']:.0%} | {row['command']:.2f} s | {added / row['command']:.0%} |")
    real, synthetic = figures["real"], figures["synthetic"]
    growth = (synthetic["pipeline"] - synthetic["without"]) / max(real["pipeline"] - real["without"], 1e-9)
    size = synthetic["paragraphs"] / real["paragraphs"]
    index_growth = synthetic["index"] / real["index"]
    lines += [
        "",
        f"Growth from 5 to 50 plans: corpus ×{size:.1f} (paragraphs); added time ×{growth:.1f}, index ×{index_growth:.1f}; "
        f"added ÷ corpus {growth / size:.2f}, target ≤ 1.0 (not faster than the corpus), holds: "
        f"{'yes' if growth / size <= 1.0 else 'no'}. Share of the pipeline command (`python -m tools build --force`, "
        f"CPU time, imports and all): {share(real):.0%} at 5 plans, {share(synthetic):.0%} at 50, target ≤ 10%, holds: "
        f"{'yes' if max(share(real), share(synthetic)) <= 0.10 else 'no'}. In the 50-plan corpus every paragraph has "
        f"nine identical copies, so each lists {similar.TOP_K} passages: {synthetic['listed']:,} listed against "
        f"{real['listed']} for the five plans; the index itself works on the {synthetic['texts']} distinct texts.",
        "",
        "Page weight (built HTML of each plan page, with and without the disclosures; elements = start tags):",
        "",
        "| page | bytes without | bytes with | added | elements without | elements with | added |",
        "|---|---|---|---|---|---|---|",
    ]
    for page, (bytes_with, elements_with, bytes_without, elements_without) in figures["weight"].items():
        lines.append(f"| {page} | {bytes_without:,} | {bytes_with:,} | +{(bytes_with - bytes_without) / bytes_without:.1%} | "
                     f"{elements_without:,} | {elements_with:,} | +{elements_with - elements_without} |")
    return [*lines, ""]


def write() -> int:
    """`python -m tools bench --similar`: measure this section alone and put it into BENCHMARKS.md."""
    return report.write_section(render(measure()))
