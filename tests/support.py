"""What several test modules share: where things are, which plans exist, how to build and read the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tools.common import contract
from tools.common.paths import DOCS, REPO, SOURCES, SourceTree
from tools.model.plandata import load_all
from tools.site.htmltext import article_text

ROOT = REPO
EPOCH = "1735689600"  # 2025-01-01T00:00:00Z, the Makefile's default SOURCE_DATE_EPOCH
__all__ = ["DOCS", "ROOT", "SLUGS", "build_site", "page_text", "plan_slugs"]


def plan_slugs(tree: SourceTree = SOURCES) -> list[str]:
    """Every plan in a sources tree, read from its data files (never a hand-kept list)."""
    return [data.slug for data in load_all(tree)]


SLUGS = plan_slugs()


def build_site(target: Path, config: Path | None = None, site_url: str = "") -> None:
    """Build the real site with MkDocs (strict) into `target`, as `make site` does."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, PYTHONHASHSEED="random")
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    command = [mkdocs, "build", "--strict", "--quiet", "--site-dir", str(target)]
    if config:
        command += ["--config-file", str(config)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def page_text(html: str) -> str:
    """The plan's own text on a built page: the article without interface elements."""
    return article_text(html, contract.INTERFACE_CLASSES, contract.INTERFACE_IDS)
