"""Print every plan page to PDF: `<slug>.zh.pdf`, `<slug>.en.pdf` and `<slug>.zh-en.pdf` (the
Chinese page with its English twins side by side), under site/pdf/.

Runs after `mkdocs build`, on the built HTML, with Debian's headless Chromium: A4, Debian's
Noto Sans CJK SC embedded as CID-keyed subsets (converted to TrueType outlines first, which
Chromium embeds so, where it writes Type 3 fonts for the package's CFF outlines:
tools/publish/printfont.py), the plan's short title as running header, page numbers, an outline
that follows the headings. The page is switched into print form first (assets/site.css,
`html.pdf`): the cards open, the interface hidden, and each heading followed by its citation
link. Chromium stamps the time and a random /ID into every file, so both are rewritten from
SOURCE_DATE_EPOCH: a rebuild gives the same bytes. The file is saved with its objects packed
into compressed object streams (PDF 1.5): the tagged-PDF structure tree is thousands of small
objects, one per element, which Chromium writes one by one (a fifth of a file's bytes).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from tools.common import contract as c
from tools.common.cachekey import Key
from tools.common.paths import PDF_CACHE, REPO, SITE, SOURCES, SourceTree
from tools.model import anchors
from tools.model.plandata import load_all
from tools.model.publication import PDF_VARIANTS, pdf_path
from tools.publish import printfont
from tools.publish.chromium import CHROMIUM, FLAGS

# PDF_CACHE keeps printed PDFs by what they are printed from, so that a rebuild whose pages
# did not change reuses them (mkdocs build empties site/, so they are kept outside it).

# Pages printed at once in the one browser: the machine has few cores.
PARALLEL = 3
# Objects packed into compressed object streams ("generate"; "preserve" saves them one by one, as
# Chromium writes them): the tagged structure's thousands of small objects shrink to a fraction.
OBJECT_STREAMS = "generate"
MARGIN = {"top": "18mm", "bottom": "16mm", "left": "16mm", "right": "16mm"}
# Chromium draws header and footer outside the page's CSS, at a default size of 0.
BAND = "width:100%;font-size:8px;color:#555;font-family:'Noto Sans CJK SC',sans-serif;padding:0 16mm;"
FOOTER = f'<div style="{BAND}text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'

# Run in the page before printing: print form on, twins per variant, cards open, and under each
# heading its canonical address (the page's data-url + its id), so a printed page can be traced.
PREPARE = """([names, sideBySide, siteRoot, pagePath]) => {
  const root = document.documentElement;
  root.classList.add(names.pdf);
  root.classList.toggle(names.sideBySide, sideBySide);
  for (const details of document.querySelectorAll("article details:not(." + names.seeAlso + ")")) details.open = true;
  const title = document.getElementById(names.titleId);
  const page = title ? title.getAttribute(names.pageUrl) : "";
  /* The public base URL when the site was built with one (SITE_URL), else "". */
  const base = /^https?:/.test(page) && page.endsWith(pagePath) ? page.slice(0, -pagePath.length) : "";
  for (const heading of document.querySelectorAll("article :is(h2, h3, h4, h5, h6)[id][" + names.cite + "]")) {
    const line = document.createElement("p");
    line.className = names.pdfCite;
    const address = page + "#" + heading.id;
    if (base) {
      const link = document.createElement("a");
      link.href = address;
      link.textContent = address;
      line.appendChild(link);
    } else {
      line.textContent = address;
    }
    let after = heading;
    while (after.nextElementSibling && after.nextElementSibling.classList.contains(names.twin)) after = after.nextElementSibling;
    after.after(line);
  }
  /* Links to other pages would point at the build's file:// paths: their canonical address with
     a base URL, else no link (in-page links stay: they become links inside the PDF). */
  for (const link of document.querySelectorAll("a[href]")) {
    if (link.getAttribute("href").startsWith("#") || !link.href.startsWith(siteRoot)) continue;
    const rest = link.href.slice(siteRoot.length).replace(/index\\.html(?=#|$)/, "");
    if (base) link.href = base + "/" + rest; else link.removeAttribute("href");
  }
}"""
NAMES = {
    "pdf": c.PDF, "sideBySide": c.SIDE_BY_SIDE, "seeAlso": c.SEE_ALSO, "titleId": c.TITLE_ID, "pageUrl": c.PAGE_URL,
    "cite": c.CITE, "pdfCite": c.PDF_CITE, "twin": c.TWIN,
}


@dataclass(frozen=True)
class Job:
    """One PDF: which built page, printed how, to where."""

    slug: str
    variant: str
    page: Path
    target: Path
    header: str
    site: Path


def jobs_for(site: Path, tree: SourceTree = SOURCES, only: Sequence[str] = ()) -> list[Job]:
    jobs = []
    for data in load_all(tree):
        if only and data.slug not in only:
            continue
        for variant, (lang, _) in PDF_VARIANTS.items():
            page = site / (data.slug if lang == "zh" else f"en/{data.slug}") / "index.html"
            if not page.is_file():
                raise FileNotFoundError(f"{page} not found; run `mkdocs build` first")
            header = {"zh": data.short_zh, "en": data.short_en, "zh-en": f"{data.short_zh} · {data.short_en}"}[variant]
            jobs.append(Job(data.slug, variant, page, site / pdf_path(data.slug, variant), header, site.resolve()))
    return jobs


def pdf_date(epoch: int) -> str:
    return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch))


def make_reproducible(path: Path, epoch: int) -> None:
    """Chromium's creation time and random file /ID → SOURCE_DATE_EPOCH and an /ID from the content."""
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        stamp = pdf_date(epoch)
        pdf.docinfo["/CreationDate"] = stamp
        pdf.docinfo["/ModDate"] = stamp
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        renumber_structure_ids(pdf)
        if "/ID" in pdf.trailer:  # qpdf keeps the first half of an existing /ID: Chromium's random one
            del pdf.trailer["/ID"]
        pdf.save(path, deterministic_id=True, compress_streams=True, object_stream_mode=getattr(pikepdf.ObjectStreamMode, OBJECT_STREAMS))


def renumber_structure_ids(pdf) -> None:
    """Tagged-PDF element ids (node00000535) are Chromium's DOM node counters, which shift with
    script timing between runs; number them 1, 2, 3 … in their own order instead."""
    import pikepdf

    tree = pdf.Root.get("/StructTreeRoot")
    if tree is None or "/IDTree" not in tree:
        return
    old = pikepdf.NameTree(tree.IDTree)
    keys = sorted(old.keys(), key=lambda key: (len(key), key))
    mapping = {key: f"node{index:08d}" for index, key in enumerate(keys, start=1)}
    renamed = pikepdf.NameTree.new(pdf)
    for key in keys:
        renamed[mapping[key]] = old[key]
    tree.IDTree = renamed.obj
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Array)):
            _rename_ids(obj, mapping)


def _rename_ids(obj, mapping: dict[str, str]) -> None:
    """An element's /ID and the /Headers of table cells (inside its /A attributes); direct objects only,
    since every indirect one is visited from pdf.objects."""
    import pikepdf

    if isinstance(obj, pikepdf.Dictionary):
        if "/ID" in obj and str(obj.ID) in mapping:
            obj.ID = pikepdf.String(mapping[str(obj.ID)])
        headers = obj.get("/Headers")
        if isinstance(headers, pikepdf.Array):
            obj.Headers = pikepdf.Array([pikepdf.String(mapping.get(str(h), str(h))) for h in headers])
        children = [obj[key] for key in obj.keys()]
    else:
        children = list(obj)
    for child in children:
        if isinstance(child, (pikepdf.Dictionary, pikepdf.Array)) and not child.is_indirect:
            _rename_ids(child, mapping)


async def print_one(browser, job: Job, limit: asyncio.Semaphore) -> None:
    async with limit:
        page = await browser.new_page()
        try:
            await page.goto(job.page.as_uri(), wait_until="load")
            lang = PDF_VARIANTS[job.variant][0]
            await page.evaluate(PREPARE, [NAMES, PDF_VARIANTS[job.variant][1], job.site.as_uri() + "/", anchors.page_path(job.slug, lang)])
            await page.evaluate("document.fonts.ready")
            job.target.parent.mkdir(parents=True, exist_ok=True)
            header = f'<div style="{BAND}text-align:center">{escape(job.header)}</div>'
            await page.pdf(path=str(job.target), format="A4", margin=MARGIN, print_background=True, outline=True,
                           tagged=True, display_header_footer=True, header_template=header, footer_template=FOOTER)
        finally:
            await page.close()


async def print_all(jobs: list[Job], characters: str) -> None:
    from playwright.async_api import async_playwright

    fonts = printfont.fontconfig_file(characters)
    limit = asyncio.Semaphore(PARALLEL)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, env=printfont.browser_environment(fonts))
        try:
            await asyncio.gather(*(print_one(browser, job, limit) for job in jobs))
        finally:
            await browser.close()


def build_pdfs(site: Path, epoch: int, tree: SourceTree = SOURCES, only: Sequence[str] = (),
               cache: Path | None = None) -> dict[str, int]:
    """Write the PDFs into site/pdf/, dated `epoch`; returns each one's path under site/ and its size in bytes.

    With a cache folder, a PDF whose inputs (see print_key) are unchanged is copied from it
    instead of printed again; the folder then holds exactly this build's PDFs.
    """
    jobs = jobs_for(site, tree, only)
    characters = print_characters(site, tree)
    assets = assets_digest(site) if cache else ""
    keys = {job.target: print_key(job, epoch, characters, assets) for job in jobs} if cache else {}
    pending = [job for job in jobs if not (cache and _reuse(cache / f"{keys[job.target]}.pdf", job.target))]
    if pending:
        asyncio.run(print_all(pending, characters))
    for job in pending:
        make_reproducible(job.target, epoch)
    if cache:
        _keep_in_cache(cache, {keys[job.target]: job.target for job in jobs}, only)
    return {job.target.relative_to(site).as_posix(): job.target.stat().st_size for job in jobs}


def print_characters(site: Path, tree: SourceTree = SOURCES) -> str:
    """What the print face must draw: the characters of every plan page that is printed, whichever
    of them this run prints (so that `--only` reuses the whole build's face and PDFs)."""
    return printfont.characters(job.page for job in jobs_for(site, tree) if job.variant != "zh-en")


def print_key(job: Job, epoch: int, characters: str, assets: str | None = None) -> str:
    """Everything a printed PDF depends on (`tools.common.cachekey`): the page and every file it
    can load from the site's assets (styles, scripts, fonts, images), how it is printed (this
    module and what it imports: PREPARE, margins, header, browser flags, the print face; variant,
    date), the versions of the theme, Playwright, pikepdf, the browser and the CJK fonts, and the
    print face's own key (the source fonts' bytes and fontTools)."""
    key = Key("pdf", code=[__name__], libraries=["mkdocs-material", "playwright", "pikepdf"],
              settings={"variant": job.variant, "header": job.header, "epoch": epoch, "print-font": printfont.font_key(characters),
                        **system_versions()})
    key.add_file(job.page, "page").add_text(assets or assets_digest(job.site))
    return key.hexdigest()


def assets_digest(site: Path) -> str:
    """Every file under site/assets (read once per build, not once per PDF)."""
    key = Key("pdf-assets", code=[__name__])
    return key.add_tree(site / "assets").hexdigest(64)


@functools.cache
def system_versions() -> dict[str, str]:
    """The Debian packages that draw the PDF: the browser and the fonts embedded."""
    versions = {}
    for package in ("chromium", "fonts-noto-cjk"):
        try:
            result = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True, check=False)
            versions[package] = result.stdout.strip() or "-"
        except OSError:
            versions[package] = "-"
    chromium = Path(CHROMIUM)
    versions["chromium-size"] = str(chromium.stat().st_size if chromium.exists() else 0)
    return versions


def _reuse(cached: Path, target: Path) -> bool:
    if not cached.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    return True


def _keep_in_cache(cache: Path, printed: dict[str, Path], only: Sequence[str]) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    for key, target in printed.items():
        if not (cache / f"{key}.pdf").is_file():
            shutil.copyfile(target, cache / f"{key}.pdf")
    if not only:  # a full build: forget PDFs of pages that no longer exist in this form
        for stale in cache.glob("*.pdf"):
            if stale.stem not in printed:
                stale.unlink()


def fill_sizes(site: Path, sizes: dict[str, int]) -> None:
    """The open-data pages list each PDF with its size, known only now: fill in the placeholders."""
    for page in (site / "open-data" / "index.html", site / "en" / "open-data" / "index.html"):
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        for path, size in sizes.items():
            html = html.replace(f'<span {c.PDF_SIZE}="{path}">–</span>', f'<span {c.PDF_SIZE}="{path}">{size}</span>')
        page.write_text(html, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools pdf", description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE, help="the built site (default: site/)")
    parser.add_argument("--only", nargs="*", default=(), metavar="SLUG", help="print only these plans")
    parser.add_argument("--no-cache", action="store_true", help=f"print every PDF, not reusing unchanged ones from {PDF_CACHE.relative_to(REPO)}/")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        sizes = build_pdfs(args.site, epoch, only=args.only, cache=None if args.no_cache else PDF_CACHE)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    fill_sizes(args.site, sizes)
    print(f"pdf: {len(sizes)} file(s), {sum(sizes.values())} bytes, {time.perf_counter() - start:.1f} s")
    return 0
