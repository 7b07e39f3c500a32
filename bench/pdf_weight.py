"""PDF weight: the 15 printed PDFs as they were (Chromium with the system's Noto CJK, whose CFF
outlines it embeds as Type 3 fonts; objects saved one by one) and as they are now (the print
face with TrueType outlines, embedded as CID-keyed subsets: tools/publish/printfont.py; objects
packed into object streams), and each change alone, printed side by side in one run from the
built site/ (`python -m tools bench --pdf-weight` replaces its section alone).

For each way: bytes per file and in all, the fonts pdffonts lists (by type), and the print time:
wall clock, and the CPU time of the printing process and its children (the browser included;
the machine is shared, so wall clock there also measures the neighbours). The print face is
converted before the first measurement (it is cached, as in a build): its conversion time, from
a cold cache, is measured once on its own.
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench import report
from tools.common.paths import FONT_CACHE, REPO, SITE

HEADING = "## PDF weight"
TARGET = 0.5  # of the old total (issue 21)
# name: (print face, object streams)
WAYS = {
    "before (system Noto CJK, objects one by one)": (False, False),
    "print face alone": (True, False),
    "object streams alone": (False, True),
    "after (print face and object streams)": (True, True),
}

PRINT = """
import json, os, sys
from pathlib import Path
from unittest import mock
from tools.publish import pdf, printfont
site, face, streams = Path(sys.argv[1]), sys.argv[2] == "1", sys.argv[3] == "1"
with mock.patch.object(printfont, "browser_environment", printfont.browser_environment if face else lambda conf: dict(os.environ)), \\
     mock.patch.object(pdf, "OBJECT_STREAMS", "generate" if streams else "preserve"):
    sizes = pdf.build_pdfs(site, int(os.environ.get("SOURCE_DATE_EPOCH", "0")))
print(json.dumps(sizes))
"""
CONVERT = """
import sys
from pathlib import Path
from tools.publish import pdf, printfont
printfont.fontconfig_file(pdf.print_characters(Path(sys.argv[2])), Path(sys.argv[1]))
"""


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(script: str, *args: str) -> tuple[str, float, float]:
    """Output, wall seconds and CPU seconds (the process and everything it waited for)."""
    cpu, start = children_cpu(), time.perf_counter()
    result = subprocess.run([sys.executable, "-c", script, *args], cwd=REPO, check=True, capture_output=True, text=True)
    return result.stdout, time.perf_counter() - start, children_cpu() - cpu


def font_types(folder: Path) -> Counter:
    """How many fonts of each type pdffonts lists, over every PDF in `folder`."""
    types: Counter = Counter()
    for path in sorted(folder.glob("*.pdf")):
        lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        start, end = re.search(r"-+ (-+)", lines[1]).span(1)
        types.update(line[start:end].strip() for line in lines[2:])
    return types


def measure(site: Path = SITE) -> dict:
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site} not built: run `make mkdocs-build` first")
    figures: dict = {"ways": {}}
    with tempfile.TemporaryDirectory() as tmp:
        from tools.publish import pdf, printfont

        # Into the build's own cache when it lacks this key (so that no way below converts), else into a new folder.
        cold = FONT_CACHE if not (FONT_CACHE / printfont.font_key(pdf.print_characters(site)) / "fonts.conf").is_file() else Path(tmp) / "fonts"
        _, figures["convert_wall"], figures["convert_cpu"] = run(CONVERT, str(cold), str(site))
        for name, (face, streams) in WAYS.items():
            copy = Path(tmp) / "site"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pdf", "epub"))
            out, wall, cpu = run(PRINT, str(copy), "1" if face else "0", "1" if streams else "0")
            sizes = {Path(path).name: size for path, size in sorted(json.loads(out).items())}
            figures["ways"][name] = {"sizes": sizes, "wall": wall, "cpu": cpu, "fonts": dict(font_types(copy / "pdf"))}
    return figures


def render(figures: dict) -> list[str]:
    ways = figures["ways"]
    before, after = ways[next(iter(WAYS))], ways[list(WAYS)[-1]]
    old = sum(before["sizes"].values())
    lines = [
        HEADING, "",
        "The 15 PDFs printed from the built site four ways, side by side in one run (`python -m tools bench --pdf-weight`, "
        "bench/pdf_weight.py): before is Chromium embedding the CFF outlines of Debian's Noto Sans CJK as Type 3 fonts, "
        "objects saved one by one; the print face is that font converted to TrueType outlines (tools/publish/printfont.py), "
        "which Chromium embeds as CID-keyed subsets; object streams pack the tagged structure's many small objects. "
        "Fonts are pdffonts' rows over the 15 files. CPU is the printing process and its children, the browser included.",
        "",
        "| way | PDFs, total | ÷ before | fonts (pdffonts, 15 files) | print, wall | print, CPU | target | holds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, way in ways.items():
        total = sum(way["sizes"].values())
        fonts = ", ".join(f"{kind}: {count}" for kind, count in sorted(way["fonts"].items()))
        target, holds = ("", "")
        if way is after:
            target, holds = f"≤ {TARGET:.0%}", "yes" if total <= TARGET * old else "no"
        lines.append(f"| {name} | {total:,} bytes | {total / old:.2f} | {fonts} | {way['wall']:.1f} s | {way['cpu']:.1f} s | {target} | {holds} |")
    lines += [
        "",
        f"Converting the print face (Regular and Bold, once, cached in .cache/fonts/): {figures['convert_wall']:.1f} s wall, "
        f"{figures['convert_cpu']:.1f} s CPU.",
        "",
        "| file | before | after | ÷ |",
        "|---|---|---|---|",
        *(f"| {name} | {size:,} bytes | {after['sizes'][name]:,} bytes | {after['sizes'][name] / size:.2f} |"
          for name, size in before["sizes"].items()),
        "",
    ]
    return lines


def write_only() -> int:
    """`python -m tools bench --pdf-weight`: measure this part alone and replace its section."""
    figures = measure()
    report.write_section(render(figures))
    after = sum(figures["ways"][list(WAYS)[-1]]["sizes"].values())
    before = sum(figures["ways"][next(iter(WAYS))]["sizes"].values())
    return 0 if after <= TARGET * before else 1
