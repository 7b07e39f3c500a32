"""Command line: `python -m tools build|check|translations|review|bundle|pdf|topics|bench|convert|taiwan-table`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tools.common import buildstamp
from tools.common.errors import InputError
from tools.common.paths import BUNDLE, DOCS, REVIEW, SITE, SOURCES, SourceTree
from tools.model.plandata import SCRIPTS

# Each command imports the stages it runs: a build that finds docs/ current imports none.


def cmd_build(args: argparse.Namespace) -> int:
    if not args.force and buildstamp.is_current(args.tree.root, args.docs):
        print(f"docs: 0 file(s) written (sources, code and {args.docs.name}/ unchanged since the last build)")
        return 0
    from tools import build

    corpus = build.load_corpus(args.tree)
    changed = build.write_docs(build.generate_from(corpus), args.docs)
    buildstamp.record(args.tree.root, args.docs)
    print(f"docs: {len(changed)} file(s) written" + (": " + ", ".join(changed) if changed else ""))
    for line in build.lead_report(corpus):
        print(line)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from tools import build

    stale = build.stale_docs(build.generate(args.tree), args.docs)
    if stale:
        print(f"{args.docs} is stale; run `python -m tools build` and commit: " + ", ".join(stale), file=sys.stderr)
        return 1
    print(f"{args.docs} is up to date")
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    from tools import build
    from tools.annotate import translations

    for plan in build.load_plans(args.tree):
        print(f"wrote {translations.write_skeleton(plan)}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from tools import build
    from tools.render import review

    reviews = review.write_report(build.load_plans(args.tree), args.tree.house_style, args.tree.terminology, args.out)
    counts = ", ".join(f"{r.slug}: {len(r.short) + len(r.long)} length, {len(r.notes)} notes, {len(r.missing)} number" for r in reviews)
    print(f"wrote {args.out} ({counts})")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from tools.ingest import script

    text = Path(args.file).read_text(encoding="utf-8") if args.file != "-" else sys.stdin.read()
    sys.stdout.write(script.convert(text, args.mode, args.tree.opencc))
    return 0


def cmd_taiwan_table(args: argparse.Namespace) -> int:
    from tools.ingest import script, taiwan_table

    changed = taiwan_table.write(args.tree.opencc)
    print(f"{args.tree.opencc / script.PHRASES_NAME}: {'written' if changed else 'unchanged'}")
    script.converter.cache_clear()  # the coverage list is read through the table just written
    changed = taiwan_table.write_coverage(args.tree.opencc)
    print(f"{args.tree.opencc / taiwan_table.COVERAGE_NAME}: {'written' if changed else 'unchanged'}")
    return 0


def cmd_bundle(args: argparse.Namespace) -> int:
    from tools.publish.bundle import publish_bundle

    size = publish_bundle(SITE, BUNDLE)
    print(f"{BUNDLE.relative_to(BUNDLE.parent.parent)}: {size} bytes")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from tools.publish import pdf

    return pdf.main(args.rest)


def cmd_topics(args: argparse.Namespace) -> int:
    from tools.annotate import topic_proposals

    return topic_proposals.run(args.tree, args.propose)


def cmd_epub(args: argparse.Namespace) -> int:
    from tools.publish import epub

    return epub.main(args.rest)


def cmd_bench(args: argparse.Namespace) -> int:
    from bench import build as bench

    if args.topics:
        return bench.write_topics_only()
    if args.similar:
        from bench import similar_cost

        return similar_cost.write()
    if args.alignment:
        from bench import alignment

        return alignment.write_only()
    if args.lighthouse:
        from bench import lighthouse

        return lighthouse.write()
    return bench.write_search_only() if args.search else bench.main()


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m tools", description=__doc__)
    top.add_argument("--sources", type=Path, default=SOURCES.root, help="the sources tree (plans, seeds, translations, annotations, ui strings)")
    top.add_argument("--plans", type=Path, help="a tree's plans/ folder (the same as --sources on its parent)")
    top.add_argument("--docs", type=Path, default=DOCS, help="output directory for Markdown")
    sub = top.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="convert sources/ into docs/")
    build.add_argument("--force", action="store_true", help="build even when nothing changed since the last build")
    build.set_defaults(func=cmd_build)
    sub.add_parser("check", help="fail when docs/ is stale").set_defaults(func=cmd_check)
    sub.add_parser("translations", help="refresh translation files, keeping unchanged English").set_defaults(func=cmd_translations)
    review = sub.add_parser("review", help="write the English review report (dist/review-en.md)")
    review.add_argument("--out", type=Path, default=REVIEW, help="where to write the Markdown report")
    review.set_defaults(func=cmd_review)
    sub.add_parser("bundle", help="zip site/ into dist/ip-plans-offline.zip").set_defaults(func=cmd_bundle)
    pdf = sub.add_parser("pdf", help="print each plan page to PDF under site/pdf/ (after mkdocs build)", add_help=False)
    pdf.set_defaults(func=cmd_pdf)
    topics = sub.add_parser("topics", help="propose, for a plan, the sections that treat each topic (to confirm)")
    topics.add_argument("--propose", metavar="SLUG", required=True, help="the plan whose sections to propose")
    topics.set_defaults(func=cmd_topics)
    epub = sub.add_parser("epub", help="write each plan's EPUB 3 books under site/epub/ (after mkdocs build)", add_help=False)
    epub.set_defaults(func=cmd_epub)
    bench = sub.add_parser("bench", help="measure and write BENCHMARKS.md")
    bench.add_argument("--search", action="store_true", help="only search relevance and cost (replaces those sections)")
    bench.add_argument("--topics", action="store_true", help="only the topic proposer, leave one plan out (replaces its section)")
    bench.add_argument("--similar", action="store_true", help="only the similar-passages section (precision, cost, page weight)")
    bench.add_argument("--alignment", action="store_true", help="only successive-plan alignment quality and cost (replaces that section)")
    bench.add_argument("--lighthouse", action="store_true", help="only the Lighthouse scores of each page type, phone and desktop (replaces that section)")
    bench.set_defaults(func=cmd_bench)
    convert = sub.add_parser("convert", help="traditional → mainland simplified, stdin or FILE")
    convert.add_argument("file", nargs="?", default="-")
    # Default: traditional-taiwan, the form the Gansu outline arrived in.
    convert.add_argument("--mode", choices=SCRIPTS, default=SCRIPTS[-1], help="the script the text is written in")
    convert.set_defaults(func=cmd_convert)
    sub.add_parser("taiwan-table", help="regenerate sources/opencc/taiwan-phrases.txt").set_defaults(func=cmd_taiwan_table)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    top = parser()
    # `pdf` has its own options (tools.publish.pdf.main), which the top parser leaves over.
    args, extra = top.parse_known_args(argv)
    if extra and args.command not in ("pdf", "epub"):
        top.error("unrecognized arguments: " + " ".join(extra))
    if args.command in ("pdf", "epub"):
        args.rest = extra
    args.tree = SourceTree(args.plans.parent if args.plans else args.sources)
    try:
        return args.func(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
