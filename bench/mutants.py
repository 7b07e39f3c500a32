"""Mutation testing (`make mutants`): what mutmut 3 found in tools/ingest, tools/model and tools/annotate.

`mutmut run` (configured in setup.cfg) leaves one verdict per mutant in mutants/; this module reads
them and writes the score (killed/total per package and overall) into its own section of
BENCHMARKS.md, and every mutant the fast tests let live into dist/mutants.md: per module, the
mutant's diff and the reviewed reason it is harmless, from bench/mutants_reviewed.toml (globs on
mutmut's mutant names). Mutants that a test added for them now kills are listed there as well, with
the test's name. `python -m tools bench --mutants` runs this on the verdicts as they are.
"""

from __future__ import annotations

import fnmatch
import os
import sys
import tomllib
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path

from bench.report import write_section

REPO = Path(__file__).resolve().parent.parent
REVIEWED = Path(__file__).with_name("mutants_reviewed.toml")
REPORT = REPO / "dist" / "mutants.md"
HEADING = "## Mutation testing"
PACKAGES = ("tools.ingest", "tools.model", "tools.annotate")
# mutmut's verdicts that count as caught: a failing test, a test run that never ends (the mutant
# loops), pytest's own internal error.
CAUGHT = {"killed", "timeout", "caught by type check"}


@contextmanager
def in_repo():
    """mutmut reads setup.cfg and mutants/ relative to the working directory."""
    before = Path.cwd()
    os.chdir(REPO)
    try:
        yield
    finally:
        os.chdir(before)


def verdicts() -> dict[str, tuple[str, Path]]:
    """Every mutant's name → (mutmut's verdict, its source file)."""
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.file_utils import walk_mutatable_files

    found = {}
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, code in data.exit_code_by_key.items():
            found[name] = (status_by_exit_code[code], path)
    return found


def package_of(name: str) -> str:
    return next((package for package in PACKAGES if name.startswith(package + ".")), "other")


def module_of(name: str) -> str:
    """tools.model.numerals.x_parse__mutmut_3 and tools.model.document.xǁPlanǁwalk__mutmut_1: the part
    before mutmut's x-prefixed function name."""
    return name.split(".x", 1)[0]


def reviewed() -> tuple[list[tuple[list[str], str]], list[tuple[list[str], str]]]:
    """(globs, reason) of the harmless survivors and (globs, test) of those new tests kill."""
    data = tomllib.loads(REVIEWED.read_text(encoding="utf-8"))
    harmless = [(entry["mutants"], entry["reason"]) for entry in data.get("harmless", [])]
    killed = [(entry["mutants"], entry["test"]) for entry in data.get("killed", [])]
    return harmless, killed


def first_match(name: str, entries: list[tuple[list[str], str]]) -> str | None:
    return next((text for globs, text in entries if any(fnmatch.fnmatchcase(name, glob) for glob in globs)), None)


def score(found: dict[str, tuple[str, Path]]) -> dict[str, Counter]:
    """Per package (and "overall"): how many mutants, how many caught, and each verdict."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for name, (status, _) in found.items():
        for key in (package_of(name), "overall"):
            counts[key]["total"] += 1
            counts[key][status] += 1
            counts[key]["caught"] += status in CAUGHT
    return counts


def score_lines(counts: dict[str, Counter], harmless: int) -> list[str]:
    lines = [HEADING, "",
             "mutmut 3 over tools/ingest, tools/model and tools/annotate against the fast tests (`make mutants`;",
             "caught = a test failed or the mutant never finished). Survivors, each with its diff and why it is",
             "harmless or which new test kills it: dist/mutants.md.", "",
             "| package | mutants | checked | caught | survived | no test reaches it | timeout | score (caught/checked) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for key in (*PACKAGES, "overall"):
        c = counts.get(key, Counter())
        checked = c["total"] - c["not checked"]
        share = f"{c['caught'] / checked:.1%}" if checked else "–"
        lines.append(f"| {key} | {c['total']} | {checked} | {c['caught']} | {c['survived']} | {c['no tests']} | {c['timeout']} | {share} |")
    unchecked = counts.get("overall", Counter())["not checked"]
    if unchecked:
        lines += ["", f"{unchecked} mutants not checked (the run was cut short or limited to some packages);",
                  "the score is over the checked ones."]
    lines += ["", f"Of the survivors, {harmless} are reviewed as harmless (bench/mutants_reviewed.toml).", ""]
    return lines


def diff_of(name: str, path: Path) -> str:
    """The mutant's unified diff against the original function (mutmut reads only the two functions'
    lines, from its index of mutants/<path>)."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    try:
        return get_diff_for_mutant(name, path=path)
    except Exception as error:  # a mutant mutmut can no longer show (its function changed since)
        return f"(no diff: {error})"


def report(found: dict[str, tuple[str, Path]]) -> tuple[str, int]:
    """dist/mutants.md and how many survivors are reviewed as harmless."""
    harmless, killed = reviewed()
    by_module: dict[str, list[str]] = defaultdict(list)
    reviewed_count = 0
    for name in sorted(found):
        status, path = found[name]
        test = first_match(name, killed)
        if status == "not checked" or (status in CAUGHT and not test):
            continue
        reason = first_match(name, harmless)
        reviewed_count += status not in CAUGHT and reason is not None
        if status in CAUGHT:
            verdict = f"killed; tests added for this function: {test}"
        else:
            verdict = f"{status}; harmless: {reason}" if reason else f"{status}; not reviewed"
        by_module[module_of(name)].append(f"### `{name}`\n\n{verdict}\n\n```diff\n{diff_of(name, path)}\n```\n")
    text = ["# Surviving mutants", "",
            "Written by `make mutants` (bench/mutants.py) from mutmut's verdicts in mutants/.", ""]
    for module in sorted(by_module):
        text += [f"## {module}", "", *by_module[module]]
    return "\n".join(text), reviewed_count


def write_only() -> int:
    """`python -m tools bench --mutants`: the score and the survivors from mutants/ as it is."""
    if not (REPO / "mutants").is_dir():
        print("error: no mutants/ folder; run `make mutants` first", file=sys.stderr)
        return 2
    with in_repo():
        found = verdicts()
        text, harmless = report(found)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    return write_section(score_lines(score(found), harmless))


def main(argv: list[str] | None = None) -> int:
    return write_only()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
