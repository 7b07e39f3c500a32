"""Synthetic search corpora of 5, 50, 500 plans, made from the real site's search index.

`synthetic_index` is the one place a synthetic corpus for the search benchmark is made:
the real plans' pages and sections are repeated under new slugs, and in every copy each
section's sentences are exchanged, one in two, for sentences drawn from the other plans'
sections (seeded), so that no copy repeats another and the index does not compress better
than real plans would. The pages that are not plans (glossary, topics, …) stay as they are.
When `bench/synthetic.py` (the 500-plan build benchmark's generator) exists, this function
is the one to point at it.
"""

from __future__ import annotations

import gzip
import random
import re
import statistics

SENTENCE = {"zh": re.compile(r"(?<=[。；！？])"), "en": re.compile(r"(?<=[.;!?]) ")}
EXCHANGED = 0.5


def sentences(text: str, lang: str) -> list[str]:
    return [piece for piece in SENTENCE[lang].split(text) if piece]


def synthetic_index(real: dict, plans: int, lang: str, seed: int = 21) -> dict:
    """An index (search_index layout: pages + docs) with `plans` plans made from the real ones."""
    plan_pages = [n for n, page in enumerate(real["pages"]) if page[2]]
    if plans <= len(plan_pages):
        return real
    rng = random.Random(f"{seed}-{lang}-{plans}")
    pool = [piece for doc in real["docs"] if doc[0] in plan_pages for piece in sentences(doc[4], lang)]
    index = {"pages": [list(page) for page in real["pages"]], "docs": [list(doc) for doc in real["docs"]]}
    by_page = {n: [doc for doc in real["docs"] if doc[0] == n] for n in plan_pages}
    for copy in range(plans - len(plan_pages)):
        source = plan_pages[copy % len(plan_pages)]
        generation = copy // len(plan_pages) + 1
        url, title, short = real["pages"][source]
        slug, _, rest = url.removeprefix("en/").partition("/")
        prefix = "en/" if url.startswith("en/") else ""
        number = len(index["pages"])
        index["pages"].append([f"{prefix}{slug}-x{generation}/{rest}", f"{title} ({generation})", f"{short} ({generation})"])
        for doc in by_page[source]:
            mixed = [rng.choice(pool) if rng.random() < EXCHANGED else piece for piece in sentences(doc[4], lang)]
            index["docs"].append([number, doc[1], doc[2], doc[3], "".join(mixed), doc[5]])
    return index


def gzipped_text_per_plan(index: dict) -> float:
    """Median gzipped size of one plan's section texts (bytes), to compare synthetic plans with real ones."""
    texts: dict[int, list[str]] = {}
    for doc in index["docs"]:
        if index["pages"][doc[0]][2]:
            texts.setdefault(doc[0], []).append(doc[3] + " " + doc[4])
    return statistics.median(len(gzip.compress("\n".join(parts).encode("utf-8"), mtime=0)) for parts in texts.values())
