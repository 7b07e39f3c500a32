"""Targets over time: baselines and outcomes quoted from the plans, each target of a plan and its
predecessor marked kept / changed / dropped / new, in the published data and on the built pages."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from tools import cli
from tools.annotate.lineage import STATUSES
from tools.annotate.targets import FIELDS, english_value
from tools.common import contract as c
from tools.common.paths import SOURCES
from tools.model.document import anchored_texts

PAGES = {"zh": "targets/index.html", "en": "en/targets/index.html"}
MARKS = {"zh": {"kept": "保留", "changed": "调整", "dropped": "取消", "new": "新增"},
         "en": {"kept": "Kept", "changed": "Changed", "dropped": "Dropped", "new": "New"}}
MARK_RE = re.compile(rf'<span class="{c.LINEAGE_MARK}" {c.LINEAGE_STATUS}="(\w+)">([^<]+)</span>')


@pytest.fixture(scope="module")
def records(built_site) -> list[dict]:
    return json.loads((built_site / "data" / "targets.json").read_text(encoding="utf-8"))


def by_id(records: list[dict], plan: str, target_id: str) -> dict:
    found = [r for r in records if r["plan"] == plan and r["id"] == target_id]
    assert len(found) == 1, (plan, target_id)
    return found[0]


def pairs(plans) -> list[tuple[str, str]]:
    """Every (earlier, later) pair the plan data names; nothing about which plans they are in code."""
    return [(plan.data.predecessor, slug) for slug, plan in plans.items() if plan.data.predecessor]


def test_every_baseline_and_outcome_quote_is_in_its_paragraph(records, plans):
    texts = {slug: anchored_texts(plan) for slug, plan in plans.items()}
    baselines = [r for r in records if r["baseline"] is not None]
    outcomes = [r for r in records if r["outcome"] is not None]
    assert len(baselines) >= 5 and len(outcomes) >= 5
    for r in baselines:
        assert r["baseline_quote_zh"] in texts[r["plan"]][r["baseline_anchor"]], r
        assert f"{r['baseline']:g}" in r["baseline_quote_zh"]
    for r in outcomes:
        assert r["outcome_quote_zh"] in texts[r["outcome_plan"]][r["outcome_anchor"]], r
        assert f"{r['outcome']:g}" in r["outcome_quote_zh"]
        assert r["outcome_same_measure"] or (r["outcome_note_zh"] and r["outcome_note_en"]), "a different measure is explained"


def test_every_quote_on_the_page_is_in_the_built_paragraph(built_site):
    """The quotes the targets page shows are the words of the plan's own built page, under that anchor."""
    page = (built_site / PAGES["zh"]).read_text(encoding="utf-8")
    quotes = re.findall(rf'<q {c.PLAN}="([a-z0-9-]+)" {c.SEARCH_EXCLUDE} lang="zh-Hans">(.*?)</q>\s*<br>[^<]*<a href="\.\./\1/index\.html#([\w-]+)"', page)
    assert len(quotes) >= 10
    for slug, quote, anchor in quotes:
        plan_page = (built_site / slug / "index.html").read_text(encoding="utf-8")
        start = plan_page.index(f'id="{anchor}"')
        block = re.sub(r"<[^>]+>", "", plan_page[plan_page.rindex("<", 0, start):plan_page.index("</p>", start)])
        assert unescape(re.sub(r"<[^>]+>", "", quote)) in unescape(block), (slug, anchor, quote)


def test_known_cases_in_targets_json(records):
    earlier, later = "xinjiang-2016-2020", "xinjiang-2021-2025"
    # 2.5 invention patents (2020) → 1.5 HIGH-VALUE invention patents (2025): changed, not a fall.
    old, new = by_id(records, earlier, "invention-patents-per-10k"), by_id(records, later, "hv-invention-patents-per-10k")
    assert (old["value"], old["year"], new["value"], new["year"]) == (2.5, 2020, 1.5, 2025)
    assert (old["successor_status"], old["successor_target"]) == ("changed", "hv-invention-patents-per-10k")
    assert (new["predecessor_status"], new["predecessor_target"]) == ("changed", "invention-patents-per-10k")
    assert "高价值" in old["successor_differs_zh"] and "not a lower target" in old["successor_differs_en"]
    assert (old["baseline"], old["baseline_year"], old["baseline_anchor"]) == (1.34, 2015, "s1-1-p2")
    # 84 enterprises certified (reported by the 14th plan) against a 2020 target of 200 taking part.
    standard = by_id(records, earlier, "ip-management-standard-enterprises")
    assert (standard["value"], standard["comparator"], standard["outcome"], standard["outcome_year"]) == (200, ">=", 84, 2020)
    assert (standard["outcome_plan"], standard["outcome_anchor"]) == (later, "s1-1-4-p1")
    assert standard["outcome_quote_zh"] == "84家企业通过知识产权贯标认证"
    assert standard["outcome_same_measure"] is False
    assert (standard["baseline"], standard["baseline_year"], standard["baseline_anchor"]) == (55, 2015, "s1-1-p3")
    assistance = by_id(records, later, "rights-assistance-prefectures")
    assert (assistance["baseline"], assistance["baseline_year"], assistance["predecessor_status"]) == (8, 2020, "new")
    assert by_id(records, earlier, "enforcement-closure-rate")["successor_status"] == "dropped"
    # Plans outside any pair carry no lineage facts (null, not "").
    other = next(r for r in records if r["plan"] == "gansu-2021-2035")
    assert other["predecessor_status"] is None and other["successor_status"] is None and other["outcome"] is None


def test_every_target_of_a_pair_is_marked(records, plans):
    for earlier, later in pairs(plans):
        assert all(r["successor_status"] in ("kept", "changed", "dropped") for r in records if r["plan"] == earlier)
        assert all(r["predecessor_status"] in ("kept", "changed", "new") for r in records if r["plan"] == later)


def test_targets_csv_has_the_new_columns_after_the_old(built_site, records):
    raw = (built_site / "data" / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header == list(FIELDS)
    assert header[:13] == ["plan", "anchor", "indicator_zh", "indicator_en", "value", "unit_zh", "unit_en", "comparator",
                           "year", "baseline", "baseline_year", "nature", "quote_zh"]
    row = next(r for r in rows if r["id"] == "ip-management-standard-enterprises")
    assert (row["outcome"], row["outcome_same_measure"], row["successor_status"]) == ("84", "false", "changed")
    assert len(rows) == len(records)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_targets_page_marks_every_target_of_the_pair(built_site, records, plans, lang):
    page = (built_site / PAGES[lang]).read_text(encoding="utf-8")
    for earlier, later in pairs(plans):
        section = page.split(f'id="targets-over-time-{later}"', 1)[1].split("<h2", 1)[0]
        marks = MARK_RE.findall(section)
        count = sum(1 for r in records if r["plan"] == earlier) + sum(1 for r in records if r["predecessor_status"] == "new" and r["plan"] == later)
        assert len(marks) == count
        assert {status for status, _ in marks} == set(STATUSES)
        assert all(MARKS[lang][status] == word for status, word in marks)
        # The changed indicator row says what differs, in the page's language; the outcome is shown beside its target.
        row = next(tr for tr in section.split("<tr>") if "#table-1-r1" in tr)
        assert 'data-lineage-status="changed"' in row
        assert ("不表示目标下降" if lang == "zh" else "not a lower target") in row
        standard = next(tr for tr in section.split("<tr>") if "#s3-2-1-p1" in tr)
        assert ("84家（2020年）" if lang == "zh" else "84 enterprises (2020)") in standard
        assert "84家企业通过知识产权贯标认证" in standard and 'href="../xinjiang-2021-2025/index.html#s1-1-4-p1"' in standard
        assert ("测度不同" if lang == "zh" else "A different measure") in standard
        assert f'class="{c.ANNOTATION}"' in standard  # this edition's words are marked as its own


def test_english_figures_come_from_the_one_owner(built_site, records):
    page = (built_site / PAGES["en"]).read_text(encoding="utf-8")
    pledge = by_id(records, "xinjiang-2016-2020", "patent-pledge-financing")
    assert english_value(pledge["outcome"], pledge["outcome_unit_en"]) == "CNY 3.68 billion"
    assert "CNY 3.68 billion (2020)" in page and pledge["figure_en"] + " (2020)" in page


def test_the_successor_page_section_is_one_call(plans):
    from tools.build import load_corpus
    from tools.render.target_lineage import successor_targets_markdown

    corpus = load_corpus()
    for earlier, later in pairs(plans):
        text = successor_targets_markdown(corpus, earlier, later, "en")
        assert text.startswith("## Targets over time") and text.count(f"{c.LINEAGE_STATUS}=") >= 2
        # Called with these four arguments from /compare/<earlier>--<later>/, two folders below docs/.
        assert f"](../../{earlier}/index.md#" in text and f"](../{earlier}/" not in text
        assert f"](../{earlier}/index.md#" in successor_targets_markdown(corpus, earlier, later, "zh", depth=1)


def test_a_lineage_entry_naming_an_unknown_target_stops_the_real_build(tmp_path, capsys, plans):
    """The real sources with one judgement pointing at a target the later plan does not have."""
    tree = tmp_path / "sources"
    shutil.copytree(SOURCES.root, tree, ignore=shutil.ignore_patterns("seeds"))
    shutil.copytree(SOURCES.root / "seeds", tree / "seeds")
    earlier, later = pairs(plans)[0]
    path = Path(tree / "targets" / "lineage" / f"{earlier}--{later}.toml")
    text = path.read_text(encoding="utf-8")
    head, entries = text.split("[[pair]]", 1)
    broken = head + "[[pair]]" + re.sub(r'^later = "[a-z0-9-]+"$', 'later = "no-such-target"', entries, count=1, flags=re.M)
    path.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index('later = "no-such-target"') + 1
    code = cli.main(["--sources", str(tree), "--docs", str(tmp_path / "docs"), "build"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{earlier}--{later}.toml:{line}: target 'no-such-target' is not a target id of {later}" in err
