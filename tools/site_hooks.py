"""MkDocs hooks: build-time steps that need MkDocs' config or the built site.

The navigation is derived from the plan data files, so a sixth plan needs no edit here
or in mkdocs.yml.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.paths import PLANS  # noqa: E402
from tools.plandata import load_all  # noqa: E402

EXTRA_PAGES = ("targets/index.md", "glossary/index.md", "topics/index.md", "references/index.md", "cite/index.md")


def on_config(config, **kwargs):
    if config.nav:
        return config
    plans = sorted(load_all(PLANS), key=lambda plan: (plan.period[0], plan.slug))
    docs = Path(config.docs_dir)
    nav = ["index.md"] + [f"{plan.slug}/index.md" for plan in plans]
    nav += [page for page in EXTRA_PAGES if (docs / page).exists()]
    config.nav = nav
    return config
