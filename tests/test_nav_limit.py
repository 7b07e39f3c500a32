"""Past the sidebar's limit (mkdocs.yml extra.nav_plans_max) the sidebar stays short: the real
site (the committed docs/) built by ProperDocs with the real configuration and hooks, the limit set
one below the number of plans. The limit is a setting, so a corpus past it needs no more plans than
that (a synthetic corpus twice the size cost a pipeline run and twice the build for the same check)."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html
from support import build_site, mkdocs_config
from test_plans_page import sidebar_folders

from tools.common.paths import DOCS, SOURCES
from tools.model.plandata import load_all

LIMIT = len(load_all(SOURCES)) - 1  # the sidebar's limit in this build: one plan past it
EXTRA_PAGES = ("targets", "glossary", "topics", "references", "cite", "open-data", "changelog")


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """The real plans, the limit one below their count."""
    root = tmp_path_factory.mktemp("nav-limit")
    config = mkdocs_config(DOCS, root)
    text, found = re.subn(r"^  nav_plans_max: \d+$", f"  nav_plans_max: {LIMIT}", config.read_text(encoding="utf-8"), flags=re.M)
    assert found == 1, "mkdocs.yml no longer sets extra.nav_plans_max"
    config.write_text(text, encoding="utf-8")
    build_site(root / "site", config)
    return root / "site", [data.slug for data in load_all(SOURCES)]


def sidebar(site, path: str) -> list[str]:
    tree = lxml_html.fromstring((site / path).read_text(encoding="utf-8"))
    links = tree.xpath('//nav[contains(@class, "md-nav--primary")]//a[contains(@class, "md-nav__link")]/@href')
    return sidebar_folders(path, links)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_sidebar_lists_no_plan_but_the_current_one(corpus_site, prefix):
    site, slugs = corpus_site
    assert len(slugs) > LIMIT
    home = sidebar(site, f"{prefix}index.html")
    assert not set(home) & set(slugs)
    assert "plans" in home
    for slug in (slugs[0], slugs[-1]):
        entries = sidebar(site, f"{prefix}{slug}/index.html")
        assert [entry for entry in entries if entry in slugs] == [slug]
        # The current plan stands right after the plans page.
        assert entries[entries.index("plans") + 1] == slug
        # Short: home, the plans page, this plan, the other pages; nothing grows with the corpus.
        assert len([entry for entry in entries if entry not in (slug, "plans")]) <= 1 + len(EXTRA_PAGES)


def test_plans_page_lists_every_plan(corpus_site):
    site, slugs = corpus_site
    tree = lxml_html.fromstring((site / "plans" / "index.html").read_text(encoding="utf-8"))
    assert len(tree.xpath("//ul[@class='plan-list']/li")) == len(slugs)
