"""Past the sidebar's limit (mkdocs.yml extra.nav_plans_max) the sidebar stays short: a synthetic
corpus (bench/synthetic.py) with more plans than the limit, converted by the pipeline and built
by ProperDocs with the real configuration and hooks, the limit set to the number of real plans."""

from __future__ import annotations

import re
import shutil

import pytest
from lxml import html as lxml_html
from support import build_site, mkdocs_config
from test_plans_page import sidebar_folders

from bench import synthetic
from tools import cli
from tools.common.paths import DOCS, SOURCES
from tools.model.plandata import load_all

REAL = len(load_all(SOURCES))
EXTRA_PAGES = ("targets", "glossary", "topics", "references", "cite", "open-data", "changelog")


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """Twice the real plans, the limit at the real count: past it by the copies."""
    root = tmp_path_factory.mktemp("nav-limit")
    sources = synthetic.synthetic_sources(root, 2 * REAL)
    shutil.copytree(DOCS / "assets", root / "docs" / "assets")
    assert cli.main(["--sources", str(sources), "--docs", str(root / "docs"), "build", "--force"]) == 0
    config = mkdocs_config(root / "docs", root)
    text = re.sub(r"^  nav_plans_max: \d+$", f"  nav_plans_max: {REAL}", config.read_text(encoding="utf-8"), flags=re.M)
    config.write_text(text, encoding="utf-8")
    build_site(root / "site", config)
    return root / "site", [data.slug for data in load_all(type(SOURCES)(sources))]


def sidebar(site, path: str) -> list[str]:
    tree = lxml_html.fromstring((site / path).read_text(encoding="utf-8"))
    links = tree.xpath('//nav[contains(@class, "md-nav--primary")]//a[contains(@class, "md-nav__link")]/@href')
    return sidebar_folders(path, links)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_sidebar_lists_no_plan_but_the_current_one(corpus_site, prefix):
    site, slugs = corpus_site
    assert len(slugs) > REAL
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
