"""With a public base URL (site_url or SITE_URL), the addresses in the reference entries and in
the record downloads become absolute, as the cite control's address does; without one they stay
site-relative (/slug/). Never a file:// path. (Issue 24; the records are tools/render/csl.py's.)"""

from __future__ import annotations

import re
from pathlib import Path

from tools.common import contract

ENTRY = re.compile(rf'(<dd class="{contract.CSL_ENTRY}"[^>]*>)(.*?)(</dd>)', re.S)
# A page's site-relative address in an entry, with a section's #anchor (How-to-cite page) or without.
SITE_PATH = re.compile(r"(?<![\w/:.])(/(?:en/)?[a-z0-9][a-z0-9-]*/(?:#[a-z0-9-]+)?)(?=[\s.<)]|$)")
# In each download format, the line that holds the address, up to the site-relative path.
DOWNLOAD_URL = {".json": re.compile(r'("URL": ")(/)'), ".bib": re.compile(r"(\burl = \{)(/)"),
                ".ris": re.compile(r"(^UR  - )(/)", re.M)}


META_URL = re.compile(r'(<meta name="(?:citation_pdf_url|citation_abstract_html_url|DC\.identifier)" content=")/')


def absolutize_entries(html: str, base: str) -> str:
    base = base.rstrip("/")
    html = META_URL.sub(lambda m: m.group(1) + base + "/", html)
    return ENTRY.sub(lambda m: m.group(1) + SITE_PATH.sub(lambda p: base + p.group(1), m.group(2)) + m.group(3), html)


def absolutize_downloads(site: Path, base: str) -> None:
    base = base.rstrip("/")
    for path in sorted((site / "data" / "cite").glob("*")):
        pattern = DOWNLOAD_URL.get(path.suffix)
        if pattern:
            text = path.read_text(encoding="utf-8")
            path.write_text(pattern.sub(lambda m: m.group(1) + base + "/", text), encoding="utf-8")
