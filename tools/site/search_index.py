"""The search index: sharded per language, read by assets/search-worker.js a shard at a time.

Material's own index holds both languages in one JSON file (≈ 880 KB) that every page
downloads at load time, and its worker splits a Chinese query into one-character
prefixes. A single file per language (the layout before this one) still grew with the
corpus: every reader's worker fetched all of it, and every keystroke scanned every text.
Instead, after the build:

- every built page of a language is cut into sections at its headings (the same cut the
  relevance benchmark makes); each plan section carries the parts of the label a reader
  recognises: the page carries the plan's short name and the section its printed number and
  title, which the worker joins (新疆“十四五”规划 三（一）5 推进专利金融创新发展);
- the sections are written to `search/<lang>/` as small scripts, each `SEARCH_SHARD("name",{…});`,
  which the worker loads with `importScripts` from file:// and with `fetch` (read as JSON) over
  http, in parallel, only when a query needs them:
  - the manifest (≈ 200 bytes at 5 plans, 1.7 KB at 500), not a file of its own: it is written
    into Material's `search/search_index.json` (and `.js`) as `config.shards[lang]`, which
    Material fetches on every page anyway and hands to the worker with SETUP:
    `{"terms": T, "per": P, "plan": N, "pages": [sections of page 0, of page 1, …], "endings": […]}`.
    Pages are numbered plan pages first, and sections page by page in that order, so a
    section's number gives its page and whether it is a plan section (number < N);
  - `t0.js … t<T−1>.js`, the term shards: `{"terms": {term: [delta, code, delta, code, …]}, "docs":
    {section: [page, anchor, number, title]}, "pages": {page: [url, title, short]}}`. `docs` and
    `pages` are the labels (the text shards' fields without the text) of each term's HEADS best
    sections for that word alone (`heads`), which ride along so that the worker draws
    the first results after one round trip and adds snippets when the text shards arrive. The postings of
    each term: the section number (as the difference from the previous one) and
    `title count + 8 × text count` (capped at 7 and 50; a term found in more than a quarter of
    the sections keeps only whether it occurs: `flattened`). A term is filed under a key (`term_key`:
    a Chinese word's first character, any other word's first three letters) and the key's
    shard is `shard_of(key, T)`, a 31-multiplier hash the worker repeats. The terms: in Chinese
    every word of the vocabulary (the words jieba finds in the whole text, 2–8 characters)
    found in a section as a substring, so that the worker's word matches where the old
    substring search did, and each run of Latin letters or digits; in English each word, lower
    case. The shards of a query's characters therefore hold every word the query can be split
    into: the vocabulary travels with the postings. T grows with the postings (≈ 12 KB each);
  - `d0.js …`, the text shards, P consecutive sections each: `{"pages": {number: [url, title,
    short]}, "docs": [[page, anchor, number, title, text], …]}`; `short` is "" on pages that
    are not a plan. The worker loads those of the sections it shows, for labels, snippets and
    the whole-query rule;
- Material's `search/search_index.json` (and the offline plugin's `search_index.js`) is
  cut down to its configuration and the two manifests, so that a page load fetches no index.

Zero-width spaces and the markup are stripped: the files hold plain text. Elements marked
with Material's `data-search-exclude` are left out (lists of places such as the glossary's
"used in" lines and the citation tables, which repeat the sections indexed where they stand).
`language_index` builds the plain layout {"pages": [[url, title, short]], "docs": [[page,
anchor, number, title, text, kind]]}, which `shards` cuts up and `read` puts back together.
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
    """Write search/zh/ and search/en/ and stub Material's index; language → bytes written."""
    labels = load_labels(docs)
    sizes: dict[str, int] = {}
    manifests: dict[str, dict] = {}
    for lang in LANGS:
        index = language_index(site, lang, labels)
        if not index["docs"]:
            continue
        vocab = cached_vocabulary(index) if lang == "zh" else []
        content = shards(index, lang, vocab)
        manifests[lang] = content.pop(MANIFEST)
        sizes[lang] = write_shards(site / "search" / lang, content)
    stub_material_index(site, manifests)
    return sizes


# -- The sharded layout (see the module's docstring) ---------------------------------------

DOCS_PER_SHARD = 4  # sections per text shard: few bytes spent on sections not shown (a page's best ones are rarely neighbours)
COMMON = 0.25  # a term in more than this share of the sections keeps no text count (flattened)
TERM_SHARD_BYTES = 12_000  # postings and head labels per term shard (as stored): a query loads a few of these
# Sections per term whose labels travel with its postings: the first screen of results on a phone.
# Three keep a 500-plan search within its 150 KB (five: 2 KB more a query; with snippets: 20 KB more).
HEADS = 3
ENDINGS = ("s", "es", "d", "ed", "ing")  # the worker's English plain endings, kept in one place
LATIN = re.compile(r"[^\W_]+")
SENTENCE_END = re.compile(r"(?<=[。；！？!?;])")
MANIFEST = "index"  # the manifest's name in `shards`; it is written into Material's search_index.json


def shard_of(key: str, count: int) -> int:
    """The term shard of a key: a 31-multiplier hash over UTF-16 code units (the worker's `shardOf`)."""
    value = 0
    data = key.encode("utf-16-le")
    for n in range(0, len(data), 2):
        value = (value * 31 + int.from_bytes(data[n:n + 2], "little")) & 0xFFFFFFFF
    return value % count


def term_key(term: str) -> str:
    """What a term is filed under: a Chinese word by its first character (the worker loads the shards
    of a query's characters and finds there every word that starts with each), any other word by
    its first three letters (a word still being typed finds the words it begins)."""
    return term[0] if "\u3400" <= term[0] <= "\u9fff" else term[:3]


def flattened(entry: list[int]) -> list[int]:
    """A common term's postings with its text count cut to 0 or 1: found in more than COMMON of the
    sections, how often it occurs says little about a section (a word of near-zero weight, as
    BM25's idf would give it), and the counts were most of its bytes (知识产权 at 500 plans:
    21 KB gzipped → 4 KB). Whether it is in the title, and in which sections, stays."""
    return [value if n % 2 == 0 else (value & 7) + 8 * min(value >> 3, 1) for n, value in enumerate(entry)]


def title_text(doc: list, pages: list) -> str:
    """What a section's title match is made against: its printed number and its title (the page title's section: the page title)."""
    return " ".join(part for part in (doc[2], doc[3] or pages[doc[0]][1]) if part)


def term_counts(text: str, lang: str, vocab: frozenset[str]) -> dict[str, int]:
    """The terms of a text and how often each occurs: in Chinese every vocabulary word found in it
    (a substring, as the reader's word is looked for) and each run of Latin letters or digits; in
    English each word, lower case."""
    counts: dict[str, int] = {}
    for sentence in SENTENCE_END.split(text.lower()) if lang == "zh" else [text.lower()]:
        for term, n in _sentence_terms(sentence, lang, vocab).items():
            counts[term] = counts.get(term, 0) + n
    return counts


@functools.lru_cache(maxsize=200_000)
def _sentence_terms(sentence: str, lang: str, vocab: frozenset[str]) -> dict[str, int]:
    # Cached: the scale benchmark's corpora repeat sentences between plans.
    counts: dict[str, int] = {}
    for word in LATIN.findall(sentence):
        if lang == "zh" and CJK_RUN.search(word):
            for run in CJK_RUN.findall(word):
                for start in range(len(run)):
                    for size in range(2, min(MAX_WORD, len(run) - start) + 1):
                        if run[start:start + size] in vocab:
                            counts[run[start:start + size]] = counts.get(run[start:start + size], 0) + 1
            word = CJK_RUN.sub(" ", word)
            for latin in word.split():
                counts[latin] = counts.get(latin, 0) + 1
        else:
            counts[word] = counts.get(word, 0) + 1
    return counts


CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
MAX_WORD = 8


def ordered(index: dict) -> dict:
    """The index with plan pages first and every page's sections together, so that the worker knows a
    section's page and kind from its number alone (the manifest's page sizes and plan count)."""
    order = sorted(range(len(index["pages"])), key=lambda n: (not index["pages"][n][2], n))
    renumber = {old: new for new, old in enumerate(order)}
    docs = sorted(([renumber[doc[0]], *doc[1:]] for doc in index["docs"]), key=lambda doc: doc[0])
    return {"pages": [index["pages"][n] for n in order], "docs": docs}


def shards(index: dict, lang: str, vocab: list[str]) -> dict[str, dict]:
    """Shard name → its content: the manifest, the term shards (t0, t1, …) and the text shards (d0, d1, …)."""
    index = ordered(index)
    pages, docs = index["pages"], index["docs"]
    words = frozenset(vocab)
    postings: dict[str, list[int]] = {}
    last: dict[str, int] = {}
    for number, doc in enumerate(docs):
        in_title = term_counts(title_text(doc, pages), lang, words)
        in_text = term_counts(doc[4], lang, words)
        for term in sorted(in_title.keys() | in_text.keys()):
            # [section number − the previous one, title count + 8 × text count] pairs; counts beyond
            # what the ranking uses are cut (the worker caps hits at 20 a word).
            code = min(in_title.get(term, 0), 7) + 8 * min(in_text.get(term, 0), 50)
            postings.setdefault(term, []).extend((number - last.get(term, 0), code))
            last[term] = number
    terms = {term: flattened(entry) if len(entry) // 2 > len(docs) * COMMON else entry for term, entry in postings.items()}
    plan = sum(1 for doc in docs if pages[doc[0]][2])
    best = {term: heads(entry, plan) for term, entry in terms.items()}
    label_bytes = [len(json.dumps(doc[:4], ensure_ascii=False).encode("utf-8")) for doc in docs]
    size = sum(len(term) * 3 + 4 * len(entry) + sum(label_bytes[n] + 4 for n in best[term]) for term, entry in terms.items())
    count = max(1, -(-size // TERM_SHARD_BYTES))
    out: dict[str, dict] = {f"t{n}": {"terms": {}, "pages": {}, "docs": {}} for n in range(count)}
    for term in sorted(terms):
        shard = out[f"t{shard_of(term_key(term), count)}"]
        shard["terms"][term] = terms[term]
        for number in best[term]:
            shard["docs"][str(number)] = docs[number][:4]
            shard["pages"][str(docs[number][0])] = pages[docs[number][0]]
    for first in range(0, len(docs), DOCS_PER_SHARD):
        chunk = docs[first:first + DOCS_PER_SHARD]
        out[f"d{first // DOCS_PER_SHARD}"] = {
            "pages": {str(doc[0]): pages[doc[0]] for doc in chunk},
            "docs": [doc[:5] for doc in chunk],
        }
    sizes = [sum(1 for doc in docs if doc[0] == n) for n in range(len(pages))]
    out[MANIFEST] = {"terms": count, "per": DOCS_PER_SHARD, "plan": plan, "pages": sizes, "endings": list(ENDINGS)}
    return out


def single_word_value(number: int, code: int, plan: int) -> int:
    """What the worker's `rank` gives a section for a one-word query, from its posting alone: plan
    sections first, a title match, then how often (capped at 20)."""
    title, text = code & 7, code >> 3
    return (5000 if number < plan else 0) + (2000 if title else 0) + min(title + text, 20) * 5


def heads(entry: list[int], plan: int) -> list[int]:
    """A term's HEADS best sections as the worker ranks them for that word alone (best first; ties by
    number), whose labels ride in the term's shard: the first results are drawn from the term shards,
    one round trip, while the texts for snippets and the whole-query rule are still on their way."""
    ranked, number = [], 0
    for n in range(0, len(entry), 2):
        number += entry[n]
        ranked.append((-single_word_value(number, entry[n + 1], plan), number))
    return [number for _, number in sorted(ranked)[:HEADS]]


def shard_script(name: str, content: dict) -> str:
    """A shard as a script: SEARCH_SHARD("name",{…}); — loaded with importScripts (file://) or read as JSON after a fetch."""
    return f'SEARCH_SHARD("{name}",' + json.dumps(content, ensure_ascii=False, separators=(",", ":")) + ");\n"


def write_shards(folder: Path, content: dict[str, dict]) -> int:
    """Write one language's shards into search/<lang>/ (emptied first); bytes written."""
    if folder.is_dir():
        for old in folder.glob("*.js"):
            old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, data in content.items():
        text = shard_script(name, data)
        (folder / f"{name}.js").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def read_shard(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


def read(site: Path, lang: str) -> dict:
    """A written index, put back together in the plain layout (pages + docs [+ vocab]) for tests and benchmarks."""
    folder = site / "search" / lang
    manifest = read_manifest(site, lang)
    pages: dict[int, list] = {}
    docs: list = []
    for n in range(-(-sum(manifest["pages"]) // manifest["per"])):
        shard = read_shard(folder / f"d{n}.js")
        pages.update({int(k): v for k, v in shard["pages"].items()})
        docs += [[*doc, PLAN if len(docs) + i < manifest["plan"] else "o"] for i, doc in enumerate(shard["docs"])]
    index = {"pages": [pages.get(n, ["", "", ""]) for n in range(len(manifest["pages"]))], "docs": docs}
    if lang == "zh":
        words = set()
        for n in range(manifest["terms"]):
            words.update(term for term in read_shard(folder / f"t{n}.js")["terms"] if CJK_WORD.fullmatch(term))
        index["vocab"] = " ".join(sorted(words))
    return index


def read_manifest(site: Path, lang: str) -> dict:
    """A language's manifest, from Material's search_index.json (`config.shards`)."""
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["shards"][lang]


def stub_material_index(site: Path, manifests: dict[str, dict]) -> None:
    """Material fetches search/search_index.json (file://: search_index.js) on every page and
    hands it to the worker with SETUP ({config, docs}); keep only its configuration (the
    highlighter on the target page reads the separator) and add the manifests of the site's
    index as `config.shards` ({lang: manifest}), so that the worker knows its shards without a
    request of its own: a query typed at once waits for one round trip less."""
    index_file = site / "search" / "search_index.json"
    if not index_file.exists():
        return
    config = json.loads(index_file.read_text(encoding="utf-8"))["config"]
    config["shards"] = manifests
    stub = json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(stub, encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"{OFFLINE_INDEX_PREFIX}{stub}", encoding="utf-8")
