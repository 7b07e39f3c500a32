"""`python -m tools bench --<part>`: that part measured alone, its section of BENCHMARKS.md replaced.

One table of the parts, their flags and what each writes; `tools/cli.py` makes the flags from it.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

# flag: (module, function, help)
PARTS = {
    "search": ("bench.build", "write_search_only", "only search relevance and cost (replaces those sections)"),
    "topics": ("bench.build", "write_topics_only", "only the topic proposer, leave one plan out (replaces its section)"),
    "similar": ("bench.similar_cost", "write", "only the similar-passages section (precision, cost, page weight)"),
    "alignment": ("bench.alignment", "write_only", "only successive-plan alignment quality and cost (replaces that section)"),
    "pdf-weight": ("bench.pdf_weight", "write_only", "only the PDFs' weight, fonts and print time, before and after (replaces that section)"),
    "search-scale": ("bench.search_scale", "write_only", "only search cost at 5, 50 and 500 synthetic plans (replaces that section)"),
    "scale": ("bench.scale", "write", "only the synthetic corpus and the build at 5, 50 and 500 plans (replaces those sections)"),
    "lighthouse": ("bench.lighthouse", "write", "only Lighthouse on each page type, mobile and desktop presets (replaces that section)"),
    "mutants": ("bench.mutants", "write_only", "only the mutation score and dist/mutants.md, from mutmut's verdicts in mutants/ (make mutants)"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """The part whose flag is given, else every benchmark (`make bench`)."""
    parser = argparse.ArgumentParser(prog="python -m tools bench", description="Measure and write BENCHMARKS.md.")
    choice = parser.add_mutually_exclusive_group()
    for flag, (_, _, text) in PARTS.items():
        choice.add_argument(f"--{flag}", dest="part", action="store_const", const=flag, help=text)
    part = parser.parse_args(argv).part
    if part:
        module, function, _ = PARTS[part]
        return getattr(importlib.import_module(module), function)()
    from bench import build

    return build.main()
