"""Search relevance on the real search UI guards a floor on the fixed subset of the benchmark.

The subset is the queries marked `floor = true` in bench/search_queries.toml; relevance is
read from the built pages (bench/relevance.py). The floors are what the site's search
worker (assets/search-worker.js) scores: every query of the subset has an answering
section in the top 5, and nearly always first, so a change that ranks the answering
sections lower fails here. `make bench` reports the full set in BENCHMARKS.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.relevance import Query, Section, load_queries, plan_sections, relevant
from bench.search_relevance import rank_queries, scores, section_key, serve
from tools.publish.chromium import CHROMIUM, FLAGS

playwright_api = pytest.importorskip("playwright.sync_api")

# Language → (success@5, MRR) that the fixed subset must reach.
FLOORS = {"zh": (1.0, 0.95), "en": (1.0, 0.95)}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def outcomes(request, built_site):
    """One language's fixed subset of queries, run in the real search UI (one fixture per
    language, so that parallel workers never run the same queries twice)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed; `make test` installs it")
    subset = [query for query in load_queries() if query.floor and query.lang == request.param]
    with serve(built_site) as base, playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield request.param, rank_queries(browser, base, built_site, subset)
        finally:
            browser.close()


def test_query_file_has_the_kinds_the_benchmark_needs():
    queries = load_queries()
    assert len(queries) >= 60
    for lang in ("zh", "en"):
        kinds = {query.kind for query in queries if query.lang == lang}
        assert kinds == {"short", "compound", "multi", "question", "name"} - ({"compound"} if lang == "en" else set())
        assert any(query.floor for query in queries if query.lang == lang)


def test_every_query_has_a_relevant_section(built_site):
    sections = {lang: plan_sections(built_site, lang) for lang in ("zh", "en")}
    empty = [query.text for query in load_queries() if not relevant(sections[query.lang], query)]
    assert empty == []


def test_relevance_reads_words_from_section_text():
    sections = [Section("/p/", "s1", parts=["（一）推进专利金融创新\n开展知识产权质押融资。"]),
                Section("/en/p/", "s1", parts=["Expand IP pledge financing and patent insurance."])]
    assert relevant(sections, Query("zh", "质押融资", ("质押融资",), "compound", False)) == {"/p/#s1"}
    assert relevant(sections, Query("zh", "质押 保险", ("质押", "保险"), "multi", False)) == set()
    assert relevant(sections, Query("en", "IP insurance", ("IP", "insurance"), "multi", False)) == {"/en/p/#s1"}
    assert relevant(sections, Query("en", "pledges", ("pledges",), "short", False)) == set()
    assert relevant(sections, Query("en", "patent", ("patent",), "short", False)) == {"/en/p/#s1"}


def test_section_key_skips_whole_page_links():
    assert section_key("http://h/yuxi-2021/index.html?h=x#s2-6-29") == "/yuxi-2021/#s2-6-29"
    assert section_key("http://h/en/yuxi-2021/index.html?h=x") is None


def test_search_relevance_floor(outcomes):
    lang, ranked = outcomes
    success, mrr, _ = scores(ranked)[lang]
    floor_success, floor_mrr = FLOORS[lang]
    ranks = {outcome.query.text: outcome.rank for outcome in ranked}
    assert success >= floor_success and mrr >= floor_mrr, (success, mrr, ranks)
