"""The search index: one file per language, read by assets/search-worker.js.

Material's own index holds both languages in one JSON file (≈ 880 KB) that every page
downloads at load time, and its worker splits a Chinese query into one-character
prefixes. Instead, after the build:

- every built page of a language is cut into sections at its headings (the same cut the
  relevance benchmark makes) and written to `search/<lang>.js` as a script that sets
  `self.SEARCH_DATA`; the worker loads it with `importScripts` in the background once
  Material starts it, which works from file:// as well as over http;
- each plan section carries the parts of the label a reader recognises: the page carries
  the plan's short name and the section its printed number and title, which the worker
  joins (新疆“十四五”规划 三（一）5 推进专利金融创新发展); stored once each, not per section;
- the Chinese file carries the words jieba finds in the text, so that the worker splits
  a query with the same vocabulary the text was segmented with;
- Material's `search/search_index.json` (and the offline plugin's `search_index.js`) is
  cut down to its configuration, so that nothing but ≈ 200 bytes is fetched at page load.

Zero-width spaces and the markup are stripped: the files hold plain text. Elements marked
with Material's `data-search-exclude` are left out (lists of places such as the glossary's
"used in" lines and the citation tables, which repeat the sections indexed where they stand).

Layout: {"pages": [[url, title, short]], "docs": [[page, anchor, number, title, text, kind]]}
(+ "vocab" in Chinese); `short` is "" on pages that are not a plan.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.common import contract
from tools.common.cachekey import Key
from tools.common.paths import VOCABULARY_CACHE
from tools.model import anchors
from tools.site.htmltext import ArticleParser
from tools.site.material import OFFLINE_INDEX_PREFIX, article_html

LANGS = ("zh", "en")
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
SKIP_CLASSES = set(contract.INTERFACE_CLASSES)
SKIP_IDS = set(contract.INTERFACE_IDS) - {contract.TITLE_ID}
CJK_WORD = re.compile(r"[\u3400-\u9fff]{2,8}")
PLAN = "p"  # kind of a plan section; everything else (glossary, topics, references, …) is "o"


@dataclass
class Section:
    anchor: str
    heading: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return clean("".join(self.heading))

    @property
    def text(self) -> str:
        return clean("".join(self.parts))


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u200b", "")).strip()


class Splitter(ArticleParser):
    """A built page's article cut at its headings that carry an id (h1#title opens the first)."""

    def __init__(self) -> None:
        super().__init__(SKIP_CLASSES, SKIP_IDS, frozenset({contract.SEARCH_EXCLUDE}))
        self.sections: list[Section] = []
        self.heading = 0

    def start(self, tag, attributes):
        if not self.in_article or self.skipping:
            return
        if (tag == "h1" and attributes.get("id") == contract.TITLE_ID) or (tag in HEADINGS and attributes.get("id")):
            self.sections.append(Section(attributes["id"]))
            self.heading = 1
        elif self.heading:
            self.heading += 1

    def end(self, tag):
        if self.heading:
            self.heading -= 1

    def handle_data(self, data):
        if not (self.in_article and self.sections) or self.skipping:
            return
        if self.heading:
            self.sections[-1].heading.append(data)
        else:
            self.sections[-1].parts.append(data)


def pages(site: Path, lang: str) -> list[Path]:
    """The built pages of one language (Chinese at the root, English under en/), in a stable order."""
    root = site / "en" if lang == "en" else site
    found = []
    for path in sorted(root.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        if lang == "zh" and relative.startswith("en/"):
            continue
        found.append(path)
    return found


@dataclass(frozen=True)
class Labels:
    """Plan short names and printed section numbers (docs/data/sections.json)."""

    short: dict[tuple[str, str], str]  # (slug, lang) → 新疆“十四五”规划 / Xinjiang 2021–2025
    numbers: dict[tuple[str, str], tuple[str, str, str]]  # (slug, anchor) → (number, title_zh, title_en)

    def plan_of(self, relative: str) -> str | None:
        slug = relative.removeprefix("en/").split("/")[0]
        return slug if (slug, "zh") in self.short else None

    def number_and_title(self, slug: str, anchor: str, heading: str, lang: str) -> tuple[str, str]:
        """A plan section's printed number and title (三（一）5, 推进专利金融创新发展); the
        page title's are empty, so that its label is the plan's short name alone."""
        if anchor == contract.TITLE_ID:
            return "", ""
        if (slug, anchor) not in self.numbers:
            return "", heading
        number, title_zh, title_en = self.numbers[(slug, anchor)]
        if lang == "en":
            return anchors.english_number(anchor), title_en or title_zh
        return number, title_zh


def load_labels(docs: Path) -> Labels:
    from tools.common.paths import SOURCES
    from tools.common.ui import localized
    from tools.model.plandata import load_all

    plans = json.loads((docs / "data" / "plans.json").read_text(encoding="utf-8"))
    known = {plan.slug: plan for plan in load_all(SOURCES)}
    short = {}
    for plan in plans:
        for lang in LANGS:
            data = known.get(plan["slug"])
            # A plan outside sources/ (the synthetic benchmark corpus) is named by its title.
            short[(plan["slug"], lang)] = localized(data, "short", lang) if data else plan[f"title_{lang}"]
    sections = json.loads((docs / "data" / "sections.json").read_text(encoding="utf-8"))
    numbers = {(s["plan"], s["anchor"]): (s["number"], s["title_zh"], s["title_en"]) for s in sections}
    return Labels(short, numbers)


def language_index(site: Path, lang: str, labels: Labels) -> dict:
    """The index of one language (the layout is in the module's docstring)."""
    index: dict = {"pages": [], "docs": []}
    for path in pages(site, lang):
        relative = path.relative_to(site).as_posix()
        splitter = Splitter()
        splitter.feed(article_html(path.read_text(encoding="utf-8")))
        if not splitter.sections:
            continue
        slug = labels.plan_of(relative)
        page_title = splitter.sections[0].title if splitter.sections[0].anchor == contract.TITLE_ID else ""
        number = len(index["pages"])
        index["pages"].append([relative, page_title, labels.short[(slug, lang)] if slug else ""])
        for section in splitter.sections:
            heading = section.title or page_title
            printed, title = labels.number_and_title(slug, section.anchor, heading, lang) if slug else ("", heading)
            index["docs"].append([number, section.anchor, printed, title, section.text, PLAN if slug else "o"])
    return index


def texts(index: dict) -> list[str]:
    """Every text of an index that a query is matched against."""
    return [page[1] for page in index["pages"]] + [part for doc in index["docs"] for part in (doc[2], doc[3], doc[4])]


def vocabulary(index: dict) -> list[str]:
    """The Chinese words (2–8 characters) jieba finds in the text: the worker's query dictionary."""
    words: set[str] = set()
    for text in texts(index):
        words.update(_words(text))
    return sorted(words)


def cached_vocabulary(index: dict, cache: Path = VOCABULARY_CACHE) -> list[str]:
    """vocabulary(), kept in .cache/search under a key of the texts, this module's code (CJK_WORD,
    the segmentation) and jieba's version: loading jieba's model and segmenting every text was a
    fifth of a warm site build."""
    key = Key("search-vocabulary", code=[__name__], libraries=["jieba"])
    for text in texts(index):
        key.add_text(text)
    path = cache / f"vocabulary-{key.hexdigest()}.txt"
    if path.is_file():
        return path.read_text(encoding="utf-8").split(" ")
    words = vocabulary(index)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(" ".join(words), encoding="utf-8")
    # Keep the few most recent (the real site, the scale benchmark's corpus), not every past edit.
    for old in sorted(cache.glob("vocabulary-*.txt"), key=lambda file: file.stat().st_mtime)[:-4]:
        old.unlink(missing_ok=True)
    return words


@functools.cache
def _words(text: str) -> frozenset[str]:
    # Cached: a text can recur (a heading repeated as a page title; the copies in the scale benchmark).
    import jieba

    jieba.setLogLevel(60)
    return frozenset(word for word in jieba.cut(text) if CJK_WORD.fullmatch(word))


def write(site: Path, docs: Path) -> dict[str, int]:
    """Write search/zh.js and search/en.js and stub Material's index; language → bytes written."""
    labels = load_labels(docs)
    sizes = {}
    for lang in LANGS:
        index = language_index(site, lang, labels)
        if not index["docs"]:
            continue
        if lang == "zh":
            index["vocab"] = " ".join(cached_vocabulary(index))
        text = "self.SEARCH_DATA=" + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n"
        target = site / "search" / f"{lang}.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        sizes[lang] = len(text.encode("utf-8"))
    stub_material_index(site)
    return sizes


def read(site: Path, lang: str) -> dict:
    """A written index file, parsed back (for the benchmark)."""
    text = (site / "search" / f"{lang}.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("self.SEARCH_DATA=").rstrip().removesuffix(";"))


def stub_material_index(site: Path) -> None:
    """Material fetches search/search_index.json (file://: search_index.js) on every page;
    keep only its configuration (the highlighter on the target page reads the separator)."""
    index_file = site / "search" / "search_index.json"
    if not index_file.exists():
        return
    config = json.loads(index_file.read_text(encoding="utf-8"))["config"]
    stub = json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(stub, encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"{OFFLINE_INDEX_PREFIX}{stub}", encoding="utf-8")
