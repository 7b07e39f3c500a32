"""MkDocs hooks: build-time steps that need MkDocs' config or the built site.

The navigation follows docs/data/plans.json, written by the generator from the plan data
files, so a sixth plan needs no edit here or in mkdocs.yml.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.plugins import event_priority  # noqa: E402

from tools.common import contract  # noqa: E402
from tools.render import jsonld  # noqa: E402
from tools.site import search_index  # noqa: E402
from tools.site.tooltips import GlossaryTooltipsExtension  # noqa: E402

EXTRA_PAGES = ("targets/index.md", "glossary/index.md", "topics/index.md", "references/index.md", "cite/index.md", "open-data/index.md")


def on_config(config, **kwargs):
    # Glossary tooltips: the `abbr` extension with CJK-safe matching (tools/tooltips.py).
    if not any(isinstance(ext, GlossaryTooltipsExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(GlossaryTooltipsExtension())
    if config.nav:
        return config
    docs = Path(config.docs_dir)
    # The generator writes the plans in reading order to data/plans.json.
    plans = json.loads((docs / "data" / "plans.json").read_text(encoding="utf-8"))
    nav = ["index.md"] + [f"{plan['slug']}/index.md" for plan in plans]
    nav += [page for page in EXTRA_PAGES if (docs / page).exists()]
    config.nav = nav
    return config


def on_post_page(output, page, config, **kwargs):
    """With a public base URL (site_url or SITE_URL), the address a cite control copies is
    absolute; without one it stays site-relative (/slug/#s3-1-1). Never a file:// path."""
    if not config.site_url:
        return output
    base = config.site_url.rstrip("/")
    output = jsonld.absolutize(output, base)
    return re.sub(rf'(<h1\b[^>]*\b{contract.PAGE_URL}=")/', lambda match: f"{match.group(1)}{base}/", output, count=1)


@event_priority(-150)  # after static-i18n has built every language and the offline plugin has run
def on_post_build(config, **kwargs):
    """One search index per language, loaded by the search worker on the first query
    (tools/site/search_index.py); Material's own index is cut down to its configuration."""
    site = Path(config.site_dir)
    search_index.write(site, Path(config.docs_dir))
    write_sitemaps(site, config)


def write_sitemaps(site: Path, config) -> None:
    """Without `site_url` (the site must work on any host and from file://) the sitemap
    template prints "None" before every URL; write them relative instead (build with
    SITE_URL=https://… for absolute ones). The compressed copy gets the SOURCE_DATE_EPOCH
    timestamp, so that builds repeat byte for byte.
    """
    import gzip
    import os

    sitemap = site / "sitemap.xml"
    if config.site_url or not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8").replace("<loc>None", "<loc>").replace('href="None', 'href="')
    sitemap.write_text(text, encoding="utf-8")
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile("sitemap.xml", "wb", fileobj=raw, mtime=mtime) as packed:
        packed.write(text.encode("utf-8"))
