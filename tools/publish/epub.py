"""EPUB 3 of each plan, in Chinese and in English, made with ebooklib from the built site/.

Made after the MkDocs build, like the PDFs, from each plan page's article, so the book has the
page's text, its anchor ids, the document information, the normalization record and (English)
the unofficial-translation notice and translator's notes, with the page's `lang` attributes.
What only makes sense on the web is left out: the other language's twins, the cite card (its
access date is filled by a script), download links, permalink marks, and the similar passages
(other plans' text, left out of the PDFs too). A link to another page
becomes plain text (no package holds that page); links inside the page stay.

The navigation document is built from the headings (h2–h4, nested). Reproducible: the
`dcterms:modified` date and every zip entry's time come from SOURCE_DATE_EPOCH, and entries are
written in a fixed order, so a rebuild gives the same bytes. epubcheck checks every book in the
tests (tests/test_epub.py).
"""

from __future__ import annotations

import copy
import datetime
import io
import os
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from tools.common import contract as c
from tools.common.paths import SITE
from tools.common.ui import HTML_LANG, LANGS
from tools.model.publication import epub_path
from tools.site import material

TEXT_FILE = "text.xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Cards and controls of the web page that have no place in a book.
DROPPED_IDS = (c.CITE_CARD_ID,)
DROPPED_TAGS = ("script", "button", "svg", "form", "input", "label")
# Similar passages are other plans' text (contract.SIMILAR): never in a plan's book, as in its PDFs.
DROPPED_CLASSES = (c.TWIN, c.PDF_LINKS, c.EXPORT_LINKS, "headerlink", c.CITE_BUTTON, c.PLAN_TOOLBAR, c.SIMILAR)
STYLESHEET = """body { font-family: serif; line-height: 1.6; }
h1 { font-size: 1.4em; } h2 { font-size: 1.25em; } h3 { font-size: 1.1em; } h4 { font-size: 1em; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 0.2em 0.4em; }
.card { border: 1px solid #bbb; padding: 0.3em 0.8em; margin: 1em 0; }
.card-title { font-weight: bold; }
"""


def source_date() -> datetime.datetime:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "1735689600"))
    return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC).replace(tzinfo=None)


def page_file(site: Path, slug: str, lang: str) -> Path:
    return (site / slug if lang == "zh" else site / "en" / slug) / "index.html"


def _article(html_text: str):
    import lxml.html

    tree = lxml.html.fromstring(html_text)
    found = tree.xpath(f"//article[contains(concat(' ', normalize-space(@class), ' '), ' {material.ARTICLE_CLASS} ')]")
    return found[0]


def _has_class(element, name: str) -> bool:
    return name in (element.get("class") or "").split()


def clean(article, lang: str):
    """The article as book content: web-only parts dropped, cards flattened, links kept inside."""
    article = copy.deepcopy(article)
    for element in list(article.iter()):
        if not isinstance(element.tag, str):
            if element.getparent() is not None:
                element.drop_tree()  # comments (the generator's marker) are not the book's
            continue
        web_only = element.tag in DROPPED_TAGS or element.get("id") in DROPPED_IDS
        if web_only or any(_has_class(element, name) for name in DROPPED_CLASSES):
            element.drop_tree()
        elif lang == "zh" and _has_class(element, c.SBS_ONLY):
            element.drop_tree()  # the side-by-side notice covers English twins the Chinese book leaves out
    for element in article.iter("details"):
        element.tag = "div"
        element.set("class", ((element.get("class") or "") + " card").strip())
        element.attrib.pop("open", None)
    for element in article.iter("summary"):
        element.tag = "p"
        element.set("class", "card-title")
    for link in list(article.iter("a")):
        href = link.get("href") or ""
        if href.startswith("#"):
            continue
        if "#" in href and href.split("#")[0] in ("", "./", "index.html"):
            link.set("href", "#" + href.split("#", 1)[1])
            continue
        link.tag = "span"
        for name in ("href", "download", "type", "target", "rel", "hreflang"):
            link.attrib.pop(name, None)
    for element in article.iter():
        if isinstance(element.tag, str):
            for name in [name for name in element.attrib if name in ("tabindex", "style") or name.startswith("data-md")]:
                del element.attrib[name]
            if element.get("lang"):
                element.set(XML_LANG, element.get("lang"))
    article.tag = "section"
    article.attrib.clear()
    article.set("class", "plan")
    return article


def headings(article) -> list[tuple[int, str, str]]:
    """(level, id, text) of every h2–h4 with an id, in order: the navigation."""
    found = []
    for element in article.iter("h2", "h3", "h4"):
        if element.get("id"):
            found.append((int(element.tag[1]), element.get("id"), " ".join(element.text_content().split())))
    return found


def _toc(entries: list[tuple[int, str, str]]):
    """Nested ebooklib toc: each heading holds the deeper headings that follow it."""
    from ebooklib import epub

    root: list = []
    stack: list[tuple[int, list]] = [(1, root)]
    for level, anchor, text in entries:
        while stack[-1][0] >= level:
            stack.pop()
        children: list = []
        node = (epub.Section(text, f"{TEXT_FILE}#{anchor}"), children)
        stack[-1][1].append(node)
        stack.append((level, children))

    def finish(nodes):
        return [section if not children else (section, finish(children)) for section, children in nodes]

    def as_links(nodes):
        out = []
        for node in nodes:
            if isinstance(node, tuple):
                out.append((node[0], as_links(node[1])))
            else:
                out.append(epub.Link(node.href, node.title, node.href.split("#")[1]))
        return out

    return as_links(finish(root))


def make_book(site: Path, corpus, slug: str, lang: str) -> bytes:
    import lxml.etree
    from ebooklib import epub

    from tools.render import csl

    plan = corpus.by_slug[slug]
    item = csl.record(plan, lang, corpus.publication.name_en)
    article = clean(_article(page_file(site, slug, lang).read_text(encoding="utf-8")), lang)

    book = epub.EpubBook()
    book.set_identifier(f"urn:x-ip-plans:{slug}:{lang}")
    book.set_title(item["title"])
    book.set_language(HTML_LANG[lang])
    for number, name in enumerate(item.get("author", []), start=1):
        book.add_author(name["literal"], uid=f"creator-{number}")
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        book.add_metadata("DC", "date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)))
    book.add_metadata("DC", "publisher", localized_name(corpus, lang))
    book.add_metadata("DC", "rights", getattr(corpus.publication, f"licence_{lang}"))
    if lang == "en":
        for name in item.get("translator", []):
            book.add_metadata("DC", "contributor", name["literal"])
        book.add_metadata("DC", "source", item["original-title"])

    style = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=STYLESHEET.encode("utf-8"))
    book.add_item(style)
    body = lxml.etree.tostring(article, encoding="unicode", method="xml")
    chapter = epub.EpubHtml(title=item["title"], file_name=TEXT_FILE, lang=HTML_LANG[lang])
    chapter.content = f"<html><head><title></title></head><body>{body}</body></html>"
    chapter.add_item(style)
    book.add_item(chapter)
    book.toc = _toc(headings(article)) or [epub.Link(TEXT_FILE, item["title"], "text")]
    book.add_item(epub.EpubNav())
    book.add_item(epub.EpubNcx())  # ebooklib names the NCX in the spine; EPUB 3 allows it for old readers
    book.spine = ["nav", chapter]

    raw = io.BytesIO()
    epub.write_epub(raw, book, {"mtime": source_date(), "epub2_guide": False, "epub3_landmark": False, "play_order": {"enabled": False}})
    return reproducible_zip(raw.getvalue())


def localized_name(corpus, lang: str) -> str:
    return getattr(corpus.publication, f"name_{lang}")


def reproducible_zip(data: bytes) -> bytes:
    """The same entries, `mimetype` first and stored, every time stamp from SOURCE_DATE_EPOCH."""
    stamp = source_date().timetuple()[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    order = ["mimetype"] + sorted(name for name in names if name != "mimetype")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()


def write_all(site: Path) -> list[Path]:
    from tools.build import load_corpus

    corpus = load_corpus()
    written = []
    for plan in corpus.plans:
        slug = plan.data.slug
        for lang in LANGS:
            if not page_file(site, slug, lang).exists():
                continue
            target = site / epub_path(slug, lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            content = make_book(site, corpus, slug, lang)
            if not target.exists() or target.read_bytes() != content:
                target.write_bytes(content)
            written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m tools epub [SITE]`: write every plan's EPUBs under SITE/epub/ (after mkdocs build)."""
    args = list(argv or [])
    site = Path(args[0]) if args else SITE
    books = write_all(site)
    from tools.publish.pdf import fill_sizes

    fill_sizes(site, {path.relative_to(site).as_posix(): path.stat().st_size for path in books})
    print(f"epub: {len(books)} book(s) under {site / 'epub'}", file=sys.stderr)
    return 0
