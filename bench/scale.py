"""`python -m tools bench --scale`: the synthetic corpus (bench/synthetic.py) and the build at scale.

Two sections of BENCHMARKS.md: "Synthetic corpus" (how the varied corpus compresses beside the real
plans and beside plain copies) and "Scale" (pipeline and site build at 5, 50 and 500 plans, each
scale built once, side by side in one run; growth per plan as a ratio).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import synthetic
from bench.report import replace_section
from tools.common.paths import DOCS, REPO, SOURCES
from tools.site import engine

SCALES = (5, 50, 500)
# The target for the largest scale, on this 2-core machine.
TARGET_SECONDS = 600
SYNTHETIC_HEADING = "## Synthetic corpus"
SCALE_HEADING = "## Scale"
BROWSER_HEADING = "## Browser"  # a new Scale section goes before it, where the old one stood


def scale_config(workdir: Path) -> Path:
    """mkdocs.yml pointed at the synthetic docs/ and site/, with the repo's theme and hooks."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {workdir / 'docs'}")
    config = config.replace("site_dir: site", f"site_dir: {workdir / 'site'}")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = config.replace("- tools/site/hooks.py", f"- {REPO / 'tools' / 'site' / 'hooks.py'}")
    path = workdir / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path


def build_corpus(workdir: Path, count: int) -> tuple[list[str], list[str]]:
    """A synthetic corpus of `count` plans under workdir: the pipeline and site commands that build it."""
    sources = synthetic.synthetic_sources(workdir, count)
    shutil.copytree(DOCS / "assets", workdir / "docs" / "assets")
    pipeline = [sys.executable, "-m", "tools", "--plans", str(sources / "plans"), "--docs", str(workdir / "docs"), "build", "--force"]
    return pipeline, engine.command("-q", config=scale_config(workdir), strict=False)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of a command. On a shared machine the CPU time is
    the steadier figure: the wall clock also counts the time other work held the cores."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def scale_figures(scales=SCALES) -> dict[int, dict]:
    """Pipeline and site build time per scale (one run each: the 500-plan build is minutes), pages and bytes."""
    results = {}
    for count in scales:
        workdir = Path(tempfile.mkdtemp(prefix=f"bench-scale-{count}-"))
        try:
            pipeline, site = build_corpus(workdir, count)
            row: dict = {}
            (row["pipeline"], row["pipeline_cpu"]), (row["site"], row["site_cpu"]) = timed(pipeline), timed(site)
            built = workdir / "site"
            row["pages"] = sum(1 for _ in built.rglob("*.html"))
            row["html_bytes"] = sum(path.stat().st_size for path in built.rglob("*.html"))
            row["search_bytes"] = folder_bytes(built / "search")
            row["site_bytes"] = folder_bytes(built)
            row["total"] = row["pipeline"] + row["site"]
            row["cpu"] = row["pipeline_cpu"] + row["site_cpu"]
            results[count] = row
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    return results


def synthetic_figures(count: int = 50) -> dict[str, dict]:
    real = synthetic.plan_texts(SOURCES.root)
    workdir = Path(tempfile.mkdtemp(prefix="bench-synthetic-"))
    try:
        varied = synthetic.plan_texts(synthetic.synthetic_sources(workdir, count))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return {
        f"the {len(real)} real plans": synthetic.compression(list(real.values())),
        f"{count} plain copies (the old benchmark)": synthetic.compression(synthetic.plain_copies(real, count)),
        f"{count} synthetic plans (bench/synthetic.py)": synthetic.compression(list(varied.values())),
    }


def synthetic_lines(figures: dict[str, dict]) -> list[str]:
    lines = [
        SYNTHETIC_HEADING,
        "",
        "`bench/synthetic.py` `synthetic_sources(workdir, count)`: the real plans, then copies of each under "
        "`<slug>-c<n>` that take a real plan as skeleton and vary it (`bench/synthetic.toml`): about 40% of its plain "
        "paragraphs exchanged for paragraphs of any real plan, each with its English (the translation entry takes the "
        "donor's Chinese, hash and English, so it stays current); the region renamed in the text, the data file, the "
        "translation (hashes recomputed), the targets and the targets-over-time files; the period, dates and title years "
        "shifted. Level and kind are the skeleton's. Kept as they are, because they cannot vary without breaking the "
        "translations: structure, numbering and headings; every paragraph is a real one, so the corpus holds no more "
        "distinct paragraphs than the real plans, which the xz column (a window over the whole corpus) shows.",
        "",
        "Text per plan = its Chinese source and its English, bytes per plan:",
        "",
        "| corpus | plans | raw | gzip, each plan alone | gzip, all in one stream | xz, all in one stream |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for label, row in figures.items():
        lines.append(f"| {label} | {row['plans']} | {row['raw']:,.0f} | {row['gzip_each']:,.0f} | {row['gzip_all']:,.0f} | {row['xz_all']:,.0f} |")
    return lines + [""]


def scale_lines(scale: dict[int, dict], notes: list[str] = ()) -> list[str]:
    base_count = min(scale)
    base = scale[base_count]
    lines = [
        SCALE_HEADING,
        "",
        "The synthetic corpus (above) converted by the pipeline and built by ProperDocs with the real configuration and "
        "hooks, one run per scale, side by side. Time is pipeline + site build, wall clock and CPU (user + system; "
        "steadier on a shared machine); \"per plan\" is the CPU time per plan divided by that at "
        f"{base_count} plans (1.0× = linear growth; below 1 the fixed cost of a build is spread over more plans).",
        "",
        "| plans | HTML pages | pipeline wall / CPU | site build wall / CPU | total wall | total CPU | per plan ÷ per plan at "
        f"{base_count} | HTML | search index | site | target | holds |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|",
    ]
    for count, row in scale.items():
        if "unfinished" in row:
            lines.append(f"| {count} | | {row['pipeline']:.0f} / {row['pipeline_cpu']:.0f} s | {row['unfinished']} | | | | | | | "
                         f"≤ {TARGET_SECONDS // 60} min | not measured |")
            continue
        per_plan = (row["cpu"] / count) / (base["cpu"] / base_count)
        largest = count == max(c for c, r in scale.items() if "unfinished" not in r) and count > base_count
        target = f"≤ {TARGET_SECONDS // 60} min, per plan ≤ 1.0×" if largest else ""
        holds = (f"wall {verdict(row['total'] <= TARGET_SECONDS)}, CPU {verdict(row['cpu'] <= TARGET_SECONDS)}, "
                 f"growth {verdict(per_plan <= 1.0)}") if largest else ""
        lines.append(
            f"| {count} | {row['pages']} | {row['pipeline']:.0f} / {row['pipeline_cpu']:.0f} s | {row['site']:.0f} / {row['site_cpu']:.0f} s "
            f"| {row['total']:.0f} s | {row['cpu']:.0f} s | {per_plan:.2f}× "
            f"| {row['html_bytes'] / 1e6:.1f} MB | {row['search_bytes'] / 1e6:.1f} MB | {row['site_bytes'] / 1e6:.1f} MB | {target} | {holds} |"
        )
    return lines + [""] + list(notes) + ([""] if notes else [])


# What profiling the 500-plan build showed (py-spy / cProfile), kept with the figures it explains.
NOTES_FILE = Path(__file__).with_name("scale_notes.md")


def sections(scales=SCALES) -> tuple[list[str], list[str]]:
    notes = NOTES_FILE.read_text(encoding="utf-8").splitlines() if NOTES_FILE.exists() else []
    return synthetic_lines(synthetic_figures()), scale_lines(scale_figures(scales), notes)


def apply(text: str, scales=SCALES) -> str:
    """Both sections measured and put in place (the Synthetic corpus section just before Scale)."""
    synthetic_section, scale_section = sections(scales)
    text = replace_section(text, scale_section, before=BROWSER_HEADING)
    return replace_section(text, synthetic_section, before=SCALE_HEADING)


def write(scales=SCALES) -> int:
    """`python -m tools bench --scale`: measure this part alone and replace its sections."""
    path = REPO / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    path.write_text(apply(text, scales), encoding="utf-8")
    print(path.read_text(encoding="utf-8"))
    return 0


def write_synthetic_only() -> int:
    """The Synthetic corpus section alone (seconds): what the corpus is, before any build."""
    path = REPO / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    path.write_text(replace_section(text, synthetic_lines(synthetic_figures()), before=SCALE_HEADING), encoding="utf-8")
    return 0


def verdict(holds: bool) -> str:
    return "yes" if holds else "no"


def write_measured(rows: dict[int, dict], synthetic_rows: dict[str, dict] | None = None) -> int:
    """Both sections from figures measured elsewhere (e.g. each scale in its own process, side by side)."""
    path = REPO / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    notes = NOTES_FILE.read_text(encoding="utf-8").splitlines() if NOTES_FILE.exists() else []
    text = replace_section(text, scale_lines(dict(sorted(rows.items())), notes), before=BROWSER_HEADING)
    text = replace_section(text, synthetic_lines(synthetic_rows or synthetic_figures()), before=SCALE_HEADING)
    path.write_text(text, encoding="utf-8")
    return 0
