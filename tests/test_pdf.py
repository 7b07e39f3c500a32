"""The PDF handouts: three per plan, A4, with outline, header, dates from SOURCE_DATE_EPOCH, the
same bytes on rebuild, linked from the plan pages and the open-data page, and no sentence of
the plan lost in the Chinese text that pdftotext extracts."""

from __future__ import annotations

import fcntl
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pikepdf
import pytest
from support import EPOCH, SLUGS
from test_lossless import sentences, skeleton, source_body

from tools.common import contract
from tools.common.paths import SOURCES
from tools.common.ui import load_strings
from tools.model.publication import PDF_VARIANTS, pdf_path
from tools.publish.pdf import MARGIN, build_pdfs, fill_sizes, pdf_date

A4 = (595.92, 842.88)  # points, as Chromium writes it
MM = 72 / 25.4


@pytest.fixture(scope="session")
def pdf_site(built_site, tmp_path_factory) -> Path:
    """A copy of the built site to print into: other tests compare built_site with a fresh build."""
    target = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built_site, target)
    return target


@pytest.fixture(scope="session")
def pdfs(pdf_site, tmp_path_factory, worker_id) -> dict[str, int]:
    """Every PDF, printed once per run. Under pytest-xdist each worker has its own session: the
    first to take the lock prints, and the others copy from the cache it fills (the cache
    `make site` uses, keyed by everything a PDF is printed from), instead of printing again."""
    if worker_id == "master":
        sizes = build_pdfs(pdf_site, int(EPOCH))
    else:
        run = tmp_path_factory.getbasetemp().parent  # this run's folder, shared by its workers
        with exclusive(run / "pdf.lock"):
            sizes = build_pdfs(pdf_site, int(EPOCH), cache=run / "pdf-cache")
    fill_sizes(pdf_site, sizes)
    return sizes


@contextmanager
def exclusive(lock: Path) -> Iterator[None]:
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def body_text(path: Path, raw: bool = False) -> str:
    """pdftotext of the area inside the margins: the running header and page numbers left out.
    In its reading order, or (raw) in the order the browser drew the text."""
    top, bottom = (float(MARGIN[side].removesuffix("mm")) * MM for side in ("top", "bottom"))
    crop = ["-x", "0", "-y", str(int(top)), "-W", str(int(A4[0])), "-H", str(int(A4[1] - top - bottom))]
    mode = ["-raw"] if raw else []
    return subprocess.run(["pdftotext", *mode, *crop, str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def texts(pdf_site, pdfs) -> dict[str, str]:
    """pdftotext of every PDF, whole pages (slow on CJK text: once per session)."""
    run = lambda path: subprocess.run(["pdftotext", str(pdf_site / path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: E731
    return {path: run(path) for path in pdfs}


def test_three_pdfs_per_plan(pdf_site, pdfs):
    assert sorted(pdfs) == sorted(pdf_path(slug, variant) for slug in SLUGS for variant in PDF_VARIANTS)
    for path, size in pdfs.items():
        assert (pdf_site / path).stat().st_size == size > 10_000


@pytest.mark.parametrize("slug", SLUGS)
def test_pdf_format(pdf_site, texts, plans, slug):
    data = plans[slug].data
    for variant in PDF_VARIANTS:
        with pikepdf.open(pdf_site / pdf_path(slug, variant)) as pdf:
            assert [round(float(v), 2) for v in pdf.pages[0].mediabox[2:]] == list(A4)
            assert str(pdf.docinfo["/CreationDate"]) == str(pdf.docinfo["/ModDate"]) == pdf_date(int(EPOCH))
            with pdf.open_outline() as outline:
                top = [item.title for item in outline.root]
                assert top and all(item.children for item in outline.root if item.title.startswith("一"))
            pages = len(pdf.pages)
            assert pages > 1
            uris = [str(annot.A.URI) for page in pdf.pages for annot in page.get("/Annots", []) if "/A" in annot and "/URI" in annot.A]
            assert not [uri for uri in uris if uri.startswith("file:")], f"{variant}: links into the build directory"
        header = {"zh": data.short_zh, "en": data.short_en, "zh-en": data.short_zh}[variant]
        text = texts[pdf_path(slug, variant)]
        assert squash(header) in squash(text), f"{variant}: running header {header!r}"
        assert f"1/{pages}" in squash(text) and f"{pages}/{pages}" in squash(text), f"{variant}: page numbers"


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("slug", SLUGS)
def test_pdf_content(pdf_site, texts, plans, slug):
    """The cards, the notice where there is English, each heading's canonical address; no interface."""
    plan = plans[slug]
    flat = {variant: squash(texts[pdf_path(slug, variant)]) for variant in PDF_VARIANTS}
    first = next(section for section in plan.walk() if section.heading)
    strings = load_strings(SOURCES.ui)
    # The download line the printed pages leave out: on the page (so that its absence below means something).
    downloads = [squash(strings.get(lang, "pdf_download")).rstrip(":：") for lang in ("zh", "en")]
    html = squash("".join((pdf_site / path / slug / "index.html").read_text(encoding="utf-8") for path in (".", "en")))
    assert all(download in html for download in downloads), downloads
    for variant, text in flat.items():
        assert "来源与规范化说明" in text or "Sourceandnormalization" in text, variant
        assert f"/{slug}/#{first.id}" in text or f"/en/{slug}/#{first.id}" in text, variant
        assert not [download for download in downloads if download in text] and "file://" not in text, variant
    assert "Unofficialtranslation.TheChinesetextisauthoritative." in flat["en"]
    assert "Unofficialtranslation.TheChinesetextisauthoritative." in flat["zh-en"]
    assert "Unofficialtranslation" not in flat["zh"]


@pytest.mark.parametrize("slug", SLUGS)
def test_chinese_pdf_holds_every_sentence(pdf_site, pdfs, plans, slug):
    """As the HTML no-loss test, on content characters, so that wrapped lines do not matter.
    Not in order: pdftotext reads a table column by column, where the page reads it by rows
    (the order is the HTML test's job; the PDF prints that HTML). A table head wrapped in a narrow
    column (序/号) is read in pdftotext's order across the row, between the other heads, now that
    its words have the font's own height (the Type 3 fonts' taller boxes merged its two lines): such
    a sentence may be found instead in the order the browser drew it (-raw), which keeps a cell
    whole but splits text that flows around a page break, so neither order alone holds them all."""
    path = pdf_site / pdf_path(slug, "zh")
    text = skeleton(body_text(path))
    missing = [sentence for sentence in sentences(source_body(plans[slug])) if sentence not in text]
    if missing:
        drawn = skeleton(body_text(path, raw=True))
        missing = [sentence for sentence in missing if sentence not in drawn]
    assert not missing, f"{slug}: {len(missing)} sentence(s) not in the PDF, first: {missing[0]}"


def test_rebuild_gives_the_same_bytes(pdf_site, pdfs):
    slug = SLUGS[0]
    first = {variant: (pdf_site / pdf_path(slug, variant)).read_bytes() for variant in PDF_VARIANTS}
    build_pdfs(pdf_site, int(EPOCH), only=[slug])
    for variant in PDF_VARIANTS:
        assert (pdf_site / pdf_path(slug, variant)).read_bytes() == first[variant], variant


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plan_pages_link_their_pdfs(pdf_site, pdfs, lang):
    for slug in SLUGS:
        page = pdf_site / (slug if lang == "zh" else f"en/{slug}") / "index.html"
        html = page.read_text(encoding="utf-8")
        links = re.search(rf'<p class="{contract.PDF_LINKS}[^"]*"[^>]*>(.*?)</p>', html).group(1)
        hrefs = re.findall(r'href="([^"]+)"', links)
        assert [(page.parent / href).resolve() for href in hrefs] == [
            (pdf_site / pdf_path(slug, variant)).resolve() for variant in PDF_VARIANTS
        ]


@pytest.mark.parametrize("page", ["open-data/index.html", "en/open-data/index.html"])
def test_open_data_lists_each_pdf_with_its_size(pdf_site, pdfs, page):
    html = (pdf_site / page).read_text(encoding="utf-8")
    for path, size in pdfs.items():
        assert f'<span {contract.PDF_SIZE}="{path}">{size}</span>' in html


def test_unchanged_pages_reuse_their_pdfs_and_changed_ones_are_printed_again(built_site, tmp_path, monkeypatch):
    """`make site` reuses a PDF whose page, styles and print settings are unchanged (mkdocs build empties site/)."""
    from tools.publish import pdf

    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pdf", "*.zip"))
    printed: list[str] = []

    async def fake_print_all(jobs, characters):
        for job in jobs:
            printed.append(job.target.name)
            job.target.parent.mkdir(parents=True, exist_ok=True)
            with pikepdf.new() as document:
                document.add_blank_page()
                document.save(job.target)

    monkeypatch.setattr(pdf, "print_all", fake_print_all)
    cache = tmp_path / "cache"
    slug = SLUGS[0]
    first = pdf.build_pdfs(site, int(EPOCH), only=[slug], cache=cache)
    assert len(printed) == 3 and len(list(cache.glob("*.pdf"))) == 3
    shutil.rmtree(site / "pdf")  # as mkdocs build does
    printed.clear()
    assert pdf.build_pdfs(site, int(EPOCH), only=[slug], cache=cache) == first
    assert printed == []
    page = site / "en" / slug / "index.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    pdf.build_pdfs(site, int(EPOCH), only=[slug], cache=cache)
    assert printed == [f"{slug}.en.pdf"]
    printed.clear()
    pdf.build_pdfs(site, int(EPOCH) + 1, only=[slug], cache=cache)  # another date: every file again
    assert sorted(printed) == sorted(f"{slug}.{variant}.pdf" for variant in PDF_VARIANTS)


def test_chromium_node_ids_and_random_file_id_do_not_reach_the_bytes(pdf_site, pdfs, tmp_path):
    """Chromium numbers tagged-PDF elements by DOM node counters that shift between runs, and
    stamps a random /ID: two prints that differ only there come out byte-identical."""
    from tools.publish.pdf import _rename_ids, make_reproducible

    source = pdf_site / pdf_path(SLUGS[0], "zh")
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    shutil.copy(source, first)
    with pikepdf.open(source) as pdf:
        old = pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree)
        keys = list(old.keys())
        assert keys
        mapping = {key: f"node{int(key.removeprefix('node')) + 7:08d}" for key in keys}
        shifted = pikepdf.NameTree.new(pdf)
        for key in keys:
            shifted[mapping[key]] = old[key]
        pdf.Root.StructTreeRoot.IDTree = shifted.obj
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Array)):
                _rename_ids(obj, mapping)
        pdf.trailer.ID = pikepdf.Array([pikepdf.String(b"\x01" * 16), pikepdf.String(b"\x02" * 16)])
        pdf.save(second)
    assert first.read_bytes() != second.read_bytes()
    for path in (first, second):
        make_reproducible(path, int(EPOCH))
    assert first.read_bytes() == second.read_bytes()



@pytest.mark.parametrize("slug", SLUGS)
def test_side_by_side_pdf_numbers_the_english_twin_headings(pdf_site, pdfs, plans, slug):
    """Each heading's English twin in the side-by-side PDF starts with its number (3. / (1)).
    Read in the order the page draws it (-raw): the layout puts the twin beside its heading."""
    from tools.annotate.translations import for_plan, without_notes
    from tools.render.plan_page import heading_label

    english = for_plan(plans[slug])
    raw = subprocess.run(["pdftotext", "-raw", str(pdf_site / pdf_path(slug, "zh-en")), "-"], capture_output=True, text=True, check=True).stdout
    flat = squash(raw).replace("-", "")  # pdftotext joins words hyphenated at a line end
    for section in (section for section in plans[slug].walk() if section.heading):
        label = squash(heading_label(section, "en"))
        twin = label + squash(without_notes(english[section.id].en)).replace("-", "")[:12]  # a long heading wraps in its column
        assert twin in flat, f"{slug}: English heading {twin!r} not numbered in the side-by-side PDF"


def pdffonts(path: Path) -> list[dict[str, str]]:
    """poppler's list of the fonts a PDF uses: name, type, embedded, subset (columns as its ruler shows them)."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    header, ruler, rows = lines[0], lines[1], lines[2:]
    spans = [match.span() for match in re.finditer(r"-+", ruler)]
    names = [header[start:end].strip() for start, end in spans]
    return [{name: row[start:end].strip() for name, (start, end) in zip(names, spans, strict=True)} for row in rows]


def test_fonts_are_embedded_as_cid_keyed_subsets(pdf_site, pdfs):
    """Every font of every PDF is an embedded CID-keyed TrueType subset, the Chinese in the print face
    (tools/publish/printfont.py); no Type 3 font, which Chromium writes for the CFF outlines of
    Debian's Noto CJK and which weighed most of the PDFs."""
    from tools.publish.printfont import POSTSCRIPT

    for path in pdfs:
        fonts = pdffonts(pdf_site / path)
        assert fonts, path
        wrong = [font for font in fonts if (font["type"], font["emb"], font["sub"]) != ("CID TrueType", "yes", "yes")]
        assert not wrong, f"{path}: {len(wrong)} font(s) not a CID-keyed subset, first: {wrong[0]}"
        faces = {font["name"].split("+", 1)[-1] for font in fonts}
        assert f"{POSTSCRIPT}-Regular" in faces, f"{path}: the Chinese not in the print face: {sorted(faces)}"
