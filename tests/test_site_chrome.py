"""The site's frame around the text, on the real build: the 404 pages, the navigation, the
side-by-side twins of headings, and what of Material's search is (not) published."""

from __future__ import annotations

import html
import re
import zipfile

import pytest
from support import SLUGS

from tools.common import contract
from tools.common.paths import SOURCES
from tools.common.ui import load_strings
from tools.publish.bundle import BUNDLE_FOLDER, ZIP_NAME, make_bundle
from tools.render.plan_page import heading_label
from tools.site import material

STRINGS = load_strings(SOURCES.ui)
SITE_NAME = {"zh": STRINGS.get("zh", "home_title"), "en": STRINGS.get("en", "home_title")}


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize(("path", "lang"), [("404.html", "zh"), ("en/404.html", "en")])
def test_404_pages_link_the_zip_from_the_site_root(built_site, path, lang):
    """Served at any missing address (/en/a/b/c), so a relative link would point nowhere."""
    page = read(built_site, path)
    assert re.search(r'<html lang="(zh|en)', page).group(1) == lang
    links = re.findall(rf'<a class="{contract.OFFLINE_ZIP}" href="([^"]+)" download>([^<]+)</a>', page)
    assert links == [(f"/{ZIP_NAME}", html.escape(STRINGS.get(lang, "offline_zip"), quote=False))]


@pytest.mark.parametrize("path", ["index.html", "en/index.html", f"{SLUGS[0]}/index.html", f"en/{SLUGS[0]}/index.html", "404.html"])
def test_navigation_names_the_site_once(built_site, path):
    page = read(built_site, path)
    lang = "en" if path.startswith("en/") else "zh"
    primary = page[page.index('<nav class="md-nav md-nav--primary"'):]
    primary = primary[: primary.index('<nav class="md-nav md-nav--secondary"')] if "md-nav--secondary" in primary else primary
    entries = [text_of(link) for link in re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">(.*?)</a>', primary, re.S)]
    assert entries[0] == STRINGS.get(lang, "nav_home")
    assert SITE_NAME[lang] not in entries
    assert text_of(re.search(r'<label class="md-nav__title" for="__drawer">(.*?)</label>', primary, re.S).group(1)) == SITE_NAME[lang]


@pytest.mark.parametrize("slug", SLUGS)
def test_twin_headings_carry_their_number(built_site, plans, slug):
    """Side by side (on the page and in its PDF) both languages' headings show the number."""
    for lang, other in (("zh", "en"), ("en", "zh")):
        page = read(built_site, f"{slug}/index.html" if lang == "zh" else f"en/{slug}/index.html")
        twins = [text_of(twin) for twin in re.findall(rf'<p class="{contract.TWIN} {contract.TWIN_HEADING} [^"]*"[^>]*>(.*?)</p>', page, re.S)]
        labels = [heading_label(section, other).strip() for section in plans[slug].walk() if section.heading]
        assert len(twins) == len(labels) > 0
        for twin, label in zip(twins, labels, strict=True):
            assert twin.startswith(label), f"{slug} ({lang}): twin heading {twin!r} has no number {label!r}"


def test_materials_search_worker_and_lunr_are_not_published(built_site, tmp_path):
    for folder in material.UNUSED_SEARCH_ASSETS:
        assert not (built_site / folder).exists(), folder
    for page in (built_site / "index.html", built_site / "en" / SLUGS[0] / "index.html"):
        assert "lunr" not in page.read_text(encoding="utf-8")
    target = tmp_path / "bundle.zip"
    make_bundle(built_site, target)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert f"{BUNDLE_FOLDER}/assets/search-worker.js" in names
    assert not [name for name in names if any(f"{BUNDLE_FOLDER}/{folder}/" in name for folder in material.UNUSED_SEARCH_ASSETS)]


# Issue 21: controls that site.js once inserted moved the text under them when the script ran (a layout
# shift of 0.06 on a plan page, 0.2 on a topic comparison). They are now in the page as built.
def test_side_by_side_switch_is_in_the_page_as_built(built_site):
    pages = [path for path in built_site.rglob("index.html") if f'class="{contract.TWIN}' in path.read_text(encoding="utf-8")]
    assert len(pages) >= 2 * len(SLUGS)
    for path in pages:
        page = path.read_text(encoding="utf-8")
        after_title = page.split("</h1>", 1)[1]
        assert after_title.startswith(f'<div class="{contract.PLAN_TOOLBAR}"'), path
        assert f'class="{contract.SBS_TOGGLE}" aria-pressed="false"' in after_title.split("</div>", 1)[0], path


def test_topic_plan_picker_is_in_the_page_as_built(built_site):
    pages = sorted((built_site / "topics").glob("*/index.html")) + sorted((built_site / "en" / "topics").glob("*/index.html"))
    assert pages
    for path in pages:
        page = path.read_text(encoding="utf-8")
        plans = re.findall(rf'<details class="{contract.COMPARE_PLAN}" {contract.PLAN}="([^"]+)"', page)
        picker = re.search(rf'<fieldset class="{contract.COMPARE_PICKER}\b.*?</fieldset>', page, re.S)
        if len(plans) < 2:
            assert picker is None, path
            continue
        assert picker and picker.start() < page.index(f'class="{contract.COMPARE}"'), path
        assert re.findall(r'<input type="checkbox" value="([^"]+)" checked>', picker.group(0)) == plans, path
