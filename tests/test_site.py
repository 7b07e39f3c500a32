"""Assertions on the real built site (both languages), as mkdocs-static-i18n's tests do."""

from __future__ import annotations

import json
import re

import pytest
from support import SLUGS

from tools.site import material, search_index

ANCHOR = re.compile(r'id="((?:s\d|preamble|box-|table-)[^"]*)"')


def page(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_both_languages_built(built_site):
    assert re.search(r'<html lang="zh(-Hans)?"', page(built_site, "index.html"))
    assert re.search(r'<html lang="en"', page(built_site, "en/index.html"))
    for slug in SLUGS:
        assert (built_site / slug / "index.html").is_file()
        assert (built_site / "en" / slug / "index.html").is_file()


def test_home_lists_every_plan(built_site, plans):
    for lang_path, field in (("index.html", "title_zh"), ("en/index.html", "title_en")):
        html = page(built_site, lang_path)
        for plan in plans.values():
            assert getattr(plan.data, field) in html.replace("&rsquo;", "'").replace("&#39;", "'")
            assert f"{plan.data.period[0]}–{plan.data.period[1]}" in html


@pytest.mark.parametrize("slug", SLUGS)
def test_same_anchor_ids_in_both_languages(built_site, slug):
    zh = ANCHOR.findall(page(built_site, f"{slug}/index.html"))
    en = ANCHOR.findall(page(built_site, f"en/{slug}/index.html"))
    assert zh == en
    assert len(zh) == len(set(zh)), "an id is duplicated (side-by-side twins must carry none)"


@pytest.mark.parametrize("slug", SLUGS)
def test_metadata_card_and_normalization_note(built_site, slug):
    zh = page(built_site, f"{slug}/index.html")
    en = page(built_site, f"en/{slug}/index.html")
    assert 'id="document-info"' in zh and "文件信息" in zh
    assert "来源与规范化说明" in zh and "Source and normalization" in en


@pytest.mark.parametrize("slug", SLUGS)
def test_english_page_marked_unofficial(built_site, slug):
    en = page(built_site, f"en/{slug}/index.html")
    assert "Unofficial translation. The Chinese text is authoritative." in en
    assert f'class="zh-original" href="../../{slug}/index.html"' in en
    assert "[untranslated]" not in en


@pytest.mark.parametrize("slug", SLUGS)
def test_language_switch_links_to_same_page(built_site, slug):
    zh = page(built_site, f"{slug}/index.html")
    en = page(built_site, f"en/{slug}/index.html")
    assert re.search(rf'href="\.\./en/{slug}/index\.html" hreflang="en"[^>]*target="_self"', zh)
    assert re.search(rf'href="\.\./\.\./{slug}/index\.html" hreflang="zh"[^>]*target="_self"', en)


def test_no_request_to_outside_hosts(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link|img|iframe)[^>]*(src|href)="(https?:)?//', html), path
        for host in ("unpkg.com", "fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net"):
            assert host not in html, (path, host)


def test_search_index_one_file_per_language(built_site):
    zh = search_index.read(built_site, "zh")
    en = search_index.read(built_site, "en")
    assert all(not url.startswith("en/") for url, *_ in zh["pages"])
    assert all(url.startswith("en/") for url, *_ in en["pages"])
    assert {url.split("/")[0] for url, *_ in zh["pages"]} >= set(SLUGS)
    assert "pledge financing" in " ".join(doc[4] for doc in en["docs"])
    assert "知识产权" in zh["vocab"].split(" ") and "vocab" not in en


def test_twins_excluded_from_search(built_site):
    zh = search_index.read(built_site, "zh")
    plan_text = " ".join(doc[4] for doc in zh["docs"] if zh["pages"][doc[0]][0].split("/")[0] in SLUGS)
    assert "pledge" in " ".join(doc[4] for doc in zh["docs"])  # the bilingual glossary keeps both
    assert "质押融资" in plan_text and "pledge financing" not in plan_text
    # ... which the plan pages hold, in their English twins
    assert "pledge financing" in page(built_site, "xinjiang-2021-2025/index.html").lower()


def test_search_results_are_labelled_with_plan_number_and_title(built_site):
    """The parts of a result's label (the worker joins them; the browser test reads the joined label)."""
    for lang, label in (("zh", ("新疆“十四五”规划", "三（一）5", "推进专利金融创新发展")),
                        ("en", ("Xinjiang 2021–2025", "§3.1.5", "Promoting innovative development of patent finance"))):
        index = search_index.read(built_site, lang)
        labels = {(index["pages"][doc[0]][0], doc[1]): (index["pages"][doc[0]][2], doc[2], doc[3]) for doc in index["docs"]}
        prefix = "en/" if lang == "en" else ""
        assert labels[(f"{prefix}xinjiang-2021-2025/index.html", "s3-1-5")] == label
        assert labels[(f"{prefix}xinjiang-2021-2025/index.html", "title")] == (label[0], "", "")
        assert all(short == "" for url, _, short in index["pages"] if url.removeprefix("en/").startswith("glossary/"))


def test_lists_of_places_are_left_out_of_search(built_site):
    """The glossary's "used in" lines and the citation tables repeat sections indexed where they stand."""
    for lang, used_in in (("zh", "出现于"), ("en", "Used in")):
        index = search_index.read(built_site, lang)
        text = " ".join(doc[4] for doc in index["docs"])
        assert "GB/T 29490" in text and used_in not in text
        cite = [doc for doc in index["docs"] if index["pages"][doc[0]][0].removeprefix("en/").startswith("cite/")]
        assert cite and "s3-1-5" not in " ".join(doc[4] for doc in cite)


def test_search_data_is_plain_utf8_without_zero_width_spaces(built_site):
    for lang in ("zh", "en"):
        shards = sorted((built_site / "search" / lang).glob("*.js"))
        assert len(shards) > 3
        for shard in shards:
            raw = shard.read_text(encoding="utf-8")
            assert "\u200b" not in raw and "\\u200b" not in raw
            assert not re.search(r"\\u[4-9][0-9a-f]{3}", raw) and "<p>" not in raw


def test_material_index_cut_to_its_configuration(built_site):
    """Material fetches search/search_index.json on every page load: its configuration and the
    manifests of the site's search shards (config.shards), no documents."""
    raw = page(built_site, "search/search_index.json")
    index = json.loads(raw)
    assert index["docs"] == [] and "\\u200b" in index["config"]["separator"]
    manifests = index["config"].pop("shards")
    assert set(manifests) == {"zh", "en"} and all(manifest["terms"] > 1 for manifest in manifests.values())
    assert len(json.dumps(index, ensure_ascii=False).encode("utf-8")) < 400
    assert page(built_site, "search/search_index.js") == material.OFFLINE_INDEX_PREFIX + raw


def test_indicator_table_rows_have_ids(built_site):
    html = page(built_site, "xinjiang-2016-2020/index.html")
    assert re.search(r'<table id="table-1" class="plan-table" data-cite="《[^"]+》表1">', html)
    for row in range(13):
        assert f'id="table-1-r{row}"' in html
    assert "“十三五”时期自治区专利事业发展主要指标" in html


def test_sections_json_contract(built_site, plans):
    records = json.loads(page(built_site, "data/sections.json"))
    keys = {"plan", "anchor", "number", "title_zh", "title_en", "url_zh", "url_en"}
    assert all(set(record) == keys for record in records)
    assert len(records) == sum(len(list(plan.walk())) for plan in plans.values())
    example = next(r for r in records if r["plan"] == "xinjiang-2021-2025" and r["anchor"] == "s3-1-1")
    assert example["number"] == "三（一）1"
    assert example["url_en"] == "/en/xinjiang-2021-2025/#s3-1-1"
    assert all(record["title_en"] for record in records)


def test_cite_page_in_both_languages(built_site):
    zh = page(built_site, "cite/index.html")
    en = page(built_site, "en/cite/index.html")
    assert "《新疆维吾尔自治区知识产权“十四五”规划》三（一）1" in zh
    assert "Xinjiang IP Plan for the 14th Five-Year Plan Period (2021–2025) (unofficial translation), §3.1.1" in en
    assert 'href="../yuxi-2021/index.html#s2-6-29"' in zh


def test_vocabulary_cache_follows_the_text(tmp_path):
    index = {"pages": [["a/index.html", "知识产权规划", ""]], "docs": [[0, "title", "", "", "推进专利质押融资", "p"]]}
    words = search_index.cached_vocabulary(index, tmp_path)
    assert words == search_index.vocabulary(index) and "质押" in words
    [kept] = tmp_path.glob("vocabulary-*.txt")
    kept.write_text("缓存 读取", encoding="utf-8")
    assert search_index.cached_vocabulary(index, tmp_path) == ["缓存", "读取"]  # read back, not recomputed
    index["docs"][0][4] = "加强商标保护"
    assert "商标" in search_index.cached_vocabulary(index, tmp_path)  # another text, another entry
