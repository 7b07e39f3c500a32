"""What several test modules share: where things are, which plans exist, how to build and read the site."""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

from tools.annotate.glossary import Term
from tools.common import contract
from tools.common.paths import DOCS, REPO, SOURCES, SourceTree
from tools.model.plandata import load_all
from tools.site import engine
from tools.site.htmltext import article_text

ROOT = REPO
EPOCH = "1735689600"  # 2025-01-01T00:00:00Z, the Makefile's default SOURCE_DATE_EPOCH
__all__ = ["DOCS", "ROOT", "SLUGS", "build_site", "page_text", "plan_slugs"]


def plan_slugs(tree: SourceTree = SOURCES) -> list[str]:
    """Every plan in a sources tree, read from its data files (never a hand-kept list)."""
    return [data.slug for data in load_all(tree)]


SLUGS = plan_slugs()


def build_site(target: Path, config: Path | None = None, site_url: str = "", quiet: bool = True) -> str:
    """Build the real site with ProperDocs (strict) into `target`, as `make site` does; returns its log.

    With quiet=False the log is the full one: ProperDocs' INFO lines (where it reports Python's
    deprecation warnings) and every notice a plugin or the theme prints (tests/test_engine.py reads them).
    """
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="random")
    env.pop("SITE_URL", None)
    if quiet:
        env["NO_MKDOCS_2_WARNING"] = "1"
    else:
        for name in ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING", "PYTHONWARNINGS"):
            env.pop(name, None)
    if site_url:
        env["SITE_URL"] = site_url
    options = (["--quiet"] if quiet else []) + ["--site-dir", str(target)]
    command = engine.command(*options, config=config or engine.CONFIG)
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def unzipped_bundle(site: Path, folder: Path) -> Path:
    """The offline bundle of `site`, zipped as `make site` zips it and unzipped into `folder`: its top folder."""
    import zipfile

    from tools.publish.bundle import BUNDLE_FOLDER, make_bundle

    archive = folder / "ip-plans-offline.zip"
    make_bundle(site, archive)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder)
    return folder / BUNDLE_FOLDER


def mkdocs_config(docs: Path, target: Path) -> Path:
    """The real mkdocs.yml pointed at another docs/ (its other paths made absolute)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs}", text, flags=re.M)
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("- tools/site/hooks.py", f"- {ROOT / 'tools' / 'site' / 'hooks.py'}")
    config = target / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def titles(page_html: str) -> list[str]:
    return [html.unescape(match.group(1)) for match in ABBR.finditer(page_html)]


def one_line(text: str) -> str:
    return " ".join(text.split())


def foreign_notes(terms: list[Term], slug: str, lang: str) -> set[str]:
    """Note texts written for other plans (a text this plan's own notes share is not foreign)."""
    own = {note.text(lang) for term in terms for note in term.notes if note.plan == slug}
    return {note.text(lang) for term in terms for note in term.notes if note.plan != slug} - own


def assert_plan_tooltips_are_its_own(page_html: str, terms: list[Term], slug: str, lang: str) -> int:
    """Every tooltip on the plan's page is a term's tooltip for this plan, carrying no other plan's note."""
    allowed = {one_line(term.tooltip(lang, slug)) for term in terms}
    foreign = foreign_notes(terms, slug, lang)
    found = titles(page_html)
    for title in found:
        assert title in allowed, (slug, lang, title)
        assert not [note for note in foreign if note in title], (slug, lang, title)
    return len(found)


def page_text(html: str) -> str:
    """The plan's own text on a built page: the article without interface elements."""
    return article_text(html, contract.INTERFACE_CLASSES, contract.INTERFACE_IDS)
