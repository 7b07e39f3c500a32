"""Every address the browser finds in script, checked without a browser: in the site and in the bundle.

LinkChecker and tests/test_links.py follow the links of the markup. Material and the site's search
also load files from addresses written into script, which no link checker reads:

- each page's embedded configuration (`<script id="__config">`, overrides/main.html): `base`, the
  root from which Material loads `search/search_index.json` (served), `search/search_index.js`
  (file://) and `sitemap.xml`; `search`, the site's search worker with the page's language after
  `#`; any other value that looks like an address;
- the page's scripts, among them the polyfills of `extra.polyfills` (the vendored iframe-worker
  shim, which runs the worker from file://);
- the search worker (assets/search-worker.js): the folder of its language's shards, `new
  URL("../search/" + lang + "/", <worker address>)`, for the language after the `#`, and the
  shards it names there: the term shards `t0…` and the text shards `d0…`, as many as the
  language's manifest says (`config.shards` of Material's index, tools/site/search_index.py);
  no other file in the folder;
- the text shards' result addresses (page and `#anchor`, resolved by Material against `base`) and
  Material's `search/search_index.json` / `.js`.

Each must resolve, from the page that names it, to an existing file inside the site (an anchor to
an id of that page, in the index's language). Addresses are resolved as the browser does
(`new URL(ref, page)`), from file:// for ordinary pages; 404 pages are served for any missing
address, so theirs must work from any depth of the served site (and the bundle, opened from
file://, has no use for them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import pytest
from support import unzipped_bundle

from tools.publish.bundle import BUNDLE_FOLDER

WORKER = "assets/search-worker.js"
SHARD = re.compile(r'^SEARCH_SHARD\("(\w+)",(.*)\);\s*$', re.S)  # a shard file: SEARCH_SHARD("name",{…});
MATERIAL_INDEX = "var __index = "
# How the worker names its shards (docs/assets/search-worker.js): the folder new URL("../search/" +
# lang + "/", here…); a shard folder + name + ".js"; term shards "t" + (value % manifest.terms);
# text shards "d" + Math.floor(… / manifest.per); the manifest from SETUP's data.config.shards.
WORKER_INDEX = re.compile(r'new URL\(\s*"([^"]*)"\s*\+\s*lang\s*\+\s*"([^"]*)"')
WORKER_SHARD = (re.compile(r'data\.config\.(\w+)\)'), re.compile(r'folder \+ name \+ "([^"]*)"'),
                re.compile(r'"(\w+)" \+ \(value % manifest\.terms\)'), re.compile(r'"(\w+)" \+ Math\.floor\([\w.]+ / manifest\.per\)'))
WORKER_LANG = re.compile(r'/#(\w+)/\.test\(here\)\s*\?\s*"(\w+)"\s*:\s*"(\w+)"')
# Files Material loads from `base` (bundle.min.js of Material 9.8.1: search index, served and
# file://; the sitemap its language and version selectors read).
FROM_BASE = ("search/search_index.json", "search/search_index.js", "sitemap.xml")
# A configuration value that names a file: a scheme, a path with a slash, or a file name.
ADDRESS_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|\.\.?(?:/|$))|\.(?:js|json|html|xml|css|txt)(?:[#?]|$)")
SERVED = "http://site.invalid/"  # where a 404 page is read from: any depth of the served site


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self.config_text: str | None = None
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "html":
            self.lang = attributes.get("lang") or ""
        if tag == "script":
            if attributes.get("src"):
                self.scripts.append(attributes["src"])
            if attributes.get("id") == "__config":
                self._in_config = True
                self.config_text = ""

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False

    def handle_data(self, data):
        if self._in_config:
            self.config_text += data


@dataclass
class Site:
    """A built site (or an unzipped bundle) and what its files name."""

    root: Path
    served_404: bool = True  # check the 404 pages as the server uses them (not in the bundle)
    problems: list[str] = field(default_factory=list)
    pages: dict[Path, Page] = field(default_factory=dict)

    def page(self, path: Path) -> Page:
        if path not in self.pages:
            parser = Page()
            parser.feed(path.read_text(encoding="utf-8"))
            self.pages[path] = parser
        return self.pages[path]

    def url_of(self, path: Path, depth_404: int = 0) -> str:
        relative = path.relative_to(self.root).as_posix()
        if path.name == "404.html":
            # Served for /missing/…/page: deeper than the 404 page itself.
            return SERVED + relative.removesuffix("404.html") + "missing/" * depth_404 + "page.html"
        return path.as_uri()

    def file_of(self, url: str) -> Path | None:
        """The file a resolved address names, or None when it is outside the site."""
        parts = urlsplit(url)
        if parts.scheme == "file" and not parts.netloc:
            target = Path(url2pathname(unquote(parts.path)))
        elif url.startswith(SERVED):
            target = self.root / unquote(parts.path).lstrip("/")
        else:
            return None
        target = Path(os.path.normpath(target))
        try:
            target.relative_to(self.root.resolve())
        except ValueError:
            return None
        return target / "index.html" if target.is_dir() else target

    def resolve(self, where: str, ref: str, base_url: str, what: str) -> Path | None:
        """`ref` resolved against `base_url` must be a file of the site; a problem is recorded otherwise."""
        url = urljoin(base_url, ref)
        target = self.file_of(url)
        if target is None:
            self.problems.append(f"{where}: {what} {ref!r} → {url} is outside the site")
            return None
        if not target.is_file():
            self.problems.append(f"{where}: {what} {ref!r} → {target.relative_to(self.root.resolve()).as_posix()} does not exist")
            return None
        return target

    def anchor(self, where: str, target: Path, anchor: str, what: str) -> None:
        if anchor and unquote(anchor) not in self.page(target).ids:
            self.problems.append(f"{where}: {what} #{anchor} is not an id of {target.relative_to(self.root.resolve()).as_posix()}")


def worker_rules(site: Site) -> tuple[tuple[str, str], tuple[str, str, str], tuple[str, str, str, str]] | None:
    """From the worker's own code: (prefix, suffix) of the shard folder's address, (marker, language if
    marked, otherwise), (manifests' key in Material's config, shard file ending, term shard prefix, text shard prefix)."""
    path = site.root / WORKER
    if not path.is_file():
        site.problems.append(f"{WORKER} does not exist")
        return None
    code = path.read_text(encoding="utf-8")
    index, lang = WORKER_INDEX.findall(code), WORKER_LANG.search(code)
    shards = [set(pattern.findall(code)) for pattern in WORKER_SHARD]
    if len(index) != 1 or not lang or any(len(names) != 1 for names in shards):
        site.problems.append(f"{WORKER}: no single `new URL(\"…\" + lang + \"…\", …)` shard folder, `/#…/.test(here)` "
                             "language rule or shard naming (manifests, ending, term and text shards); update this test")
        return None
    return index[0], lang.groups(), tuple(names.pop() for names in shards)


def check_config(site: Site, path: Path, rules) -> None:
    page = site.page(path)
    where = path.relative_to(site.root).as_posix()
    if page.config_text is None:
        site.problems.append(f"{where}: no embedded configuration (<script id=\"__config\">)")
        return
    try:
        config = json.loads(page.config_text)
    except ValueError as error:
        site.problems.append(f"{where}: embedded configuration is not JSON ({error})")
        return
    lang = page.lang.split("-")[0]
    # A 404 page is checked from two depths of the served site: its addresses must not depend on where it is served.
    for depth in (1, 3) if path.name == "404.html" else (0,):
        url = site.url_of(path, depth)
        # Material: Ct.base = new URL(Ct.base, location.href); files from base with new URL(name, base).
        base = urljoin(url, config.get("base", ""))
        root_url = SERVED if path.name == "404.html" else site.root.as_uri() + "/"
        if base != root_url:
            site.problems.append(f"{where}: base {config.get('base')!r} → {base} is not the site root {root_url}")
        else:
            for name in FROM_BASE:
                site.resolve(where, name, base, "file Material loads from base")
        for src in page.scripts:
            site.resolve(where, src, url, "script")
        worker_ref = config.get("search")
        if not isinstance(worker_ref, str):
            site.problems.append(f"{where}: no search worker address in the configuration")
            continue
        worker = site.resolve(where, worker_ref, url, "search worker")
        fragment = urlsplit(worker_ref).fragment
        if worker is not None and worker.resolve() != (site.root / WORKER).resolve():
            site.problems.append(f"{where}: search worker {worker_ref!r} is not {WORKER}")
        if rules is None:
            continue
        (prefix, suffix), (marker, marked, otherwise), (_, ending, term, _) = rules
        # The worker's own rule: /#zh/.test(its address) ? "zh" : "en".
        worker_lang = marked if "#" + marker in urljoin(url, worker_ref) else otherwise
        if fragment not in ("zh", "en") or worker_lang != lang:
            site.problems.append(f"{where}: search worker address {worker_ref!r} gives the worker language {worker_lang!r}, the page is {page.lang!r}")
        if worker is not None:
            worker_url = urljoin(url, worker_ref).split("#")[0]
            site.resolve(where, prefix + worker_lang + suffix + term + "0" + ending, worker_url, "term shard the search worker loads")
    for key, value in config.items():
        if key in ("base", "search"):
            continue
        for text in _strings(value):
            if ADDRESS_LIKE.search(text):
                site.resolve(where, text, site.url_of(path, 1), f"configuration {key}")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def check_search_files(site: Site, rules) -> None:
    root_url = site.root.as_uri() + "/"
    # Material's own index: the configuration only, in both forms; any document it lists must exist.
    material = {}
    for name in ("search/search_index.json", "search/search_index.js"):
        path = site.root / name
        if not path.is_file():
            continue  # reported by the pages that load it
        text = path.read_text(encoding="utf-8")
        text = text.removeprefix(MATERIAL_INDEX) if name.endswith(".js") else text
        try:
            material[name] = json.loads(text)
        except ValueError:
            site.problems.append(f"{name}: not the JSON Material reads")
            continue
        for doc in material[name].get("docs", []):
            location = doc.get("location", "")
            target = site.resolve(name, location, root_url, "document")
            if target is not None:
                site.anchor(name, target, urlsplit(location).fragment, "document")
    if len(material) == 2 and material["search/search_index.json"] != material["search/search_index.js"]:
        site.problems.append("search/search_index.js and search/search_index.json differ")
    if rules is None:
        return
    (prefix, suffix), _, (key, ending, term, text) = rules
    worker_url = (site.root / WORKER).as_uri()
    manifests = material.get("search/search_index.json", {}).get("config", {}).get(key, {})
    for lang in ("zh", "en"):
        folder = site.file_of(urljoin(worker_url, prefix + lang + suffix + term + "0" + ending))
        if folder is None or not folder.parent.is_dir():
            continue  # reported by the pages that load it
        folder = folder.parent
        index = manifests.get(lang)
        if index is None:
            site.problems.append(f"search/search_index.json: no manifest of {lang} in config.{key}")
            continue
        sections = sum(index["pages"])
        names = [f"{term}{n}" for n in range(index["terms"])] + [f"{text}{n}" for n in range(-(-sections // index["per"]))]
        for name in names:
            site.resolve(folder.relative_to(site.root.resolve()).as_posix(), name + ending, folder.as_uri() + "/", "shard the manifest names")
        for extra in sorted({path.name for path in folder.iterdir()} - {name + ending for name in names}):
            site.problems.append(f"search/{lang}/{extra}: a file no manifest names")
        for name in names:
            # Text shards name result pages and anchors; so do term shards, for their terms' heads.
            if (folder / (name + ending)).is_file():
                check_text_shard(site, folder / (name + ending), name, lang, root_url)


def read_shard(site: Site, path: Path, name: str) -> dict | None:
    where = path.relative_to(site.root.resolve()).as_posix()
    found = SHARD.match(path.read_text(encoding="utf-8"))
    if not found or found.group(1) != name:
        site.problems.append(f"{where}: not SEARCH_SHARD(\"{name}\",{{…}});")
        return None
    return json.loads(found.group(2))


def check_text_shard(site: Site, path: Path, name: str, lang: str, root_url: str) -> None:
    """Result addresses: every page (in the shard's language) and every section's #anchor on it
    (a text shard's `docs` are a list; a term shard's, the labels of its heads, keyed by section)."""
    where = path.relative_to(site.root.resolve()).as_posix()
    data = read_shard(site, path, name)
    if data is None:
        return
    targets = {}
    for number, page in data["pages"].items():
        # Material: new URL(location, base); the worker gives page[0] and page[0] + "#" + anchor.
        target = site.resolve(where, page[0], root_url, "result page")
        if target is not None and site.page(target).lang.split("-")[0] != lang:
            site.problems.append(f"{where}: result page {page[0]} is not in {lang}")
        targets[int(number)] = target
    docs = data["docs"].values() if isinstance(data["docs"], dict) else data["docs"]
    for doc in docs:
        target = targets.get(doc[0])
        if target is not None:
            site.anchor(where, target, doc[1], f"result {data['pages'][str(doc[0])][0]}")
        elif doc[0] not in targets:
            site.problems.append(f"{where}: section #{doc[1]} of page {doc[0]}, which the shard does not name")


def embedded_url_problems(root: Path, served_404: bool = True) -> list[str]:
    site = Site(root.resolve(), served_404)
    rules = worker_rules(site)
    pages = sorted(site.root.rglob("*.html"))
    if not pages:
        return [f"{root}: no pages"]
    for path in pages:
        if path.name == "404.html" and not served_404:
            continue
        check_config(site, path, rules)
    check_search_files(site, rules)
    return site.problems


@pytest.fixture(scope="module")
def bundle_tree(built_site, tmp_path_factory) -> Path:
    """The offline bundle, unzipped (as tests/test_browser.py opens it from file://)."""
    return unzipped_bundle(built_site, tmp_path_factory.mktemp("bundle"))


def test_every_embedded_address_resolves_in_the_site(built_site):
    assert embedded_url_problems(built_site) == []


def test_every_embedded_address_resolves_in_the_bundle(bundle_tree):
    assert embedded_url_problems(bundle_tree, served_404=False) == []


def test_the_check_reads_what_it_claims(bundle_tree):
    """A check that read nothing would pass too: it sees every page's configuration, both indexes and their anchors."""
    site = Site(bundle_tree.resolve(), served_404=False)
    rules = worker_rules(site)
    assert rules == (("../search/", "/"), ("zh", "zh", "en"), ("shards", ".js", "t", "d"))
    pages = [p for p in site.root.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 40
    for path in pages:
        check_config(site, path, rules)
    langs = {p: site.page(p).lang.split("-")[0] for p in pages}
    assert set(langs.values()) == {"zh", "en"}
    assert all(json.loads(site.page(p).config_text)["search"].endswith("#" + lang) for p, lang in langs.items())
    deep = site.page(site.root / "en" / "glossary" / "index.html")
    assert json.loads(deep.config_text)["search"] == "../../" + WORKER + "#en"
    assert any("iframe-worker" in src for src in deep.scripts)
    check_search_files(site, rules)
    assert site.problems == []


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each break: (file, what is replaced, by what, a phrase the report must hold). One page of the
# bundle is broken; everything else stays as built.
PLAN_EN = "en/xinjiang-2021-2025/index.html"
BREAKS = {
    "absolute worker": (PLAN_EN, '"search": "../../assets/search-worker.js#en"', '"search": "/assets/search-worker.js#en"',
                        "search worker '/assets/search-worker.js#en'"),
    "un-relativised worker": (PLAN_EN, '"search": "../../assets/search-worker.js#en"', '"search": "assets/search-worker.js#en"',
                              "en/xinjiang-2021-2025/assets/search-worker.js does not exist"),
    "worker without language": (PLAN_EN, "search-worker.js#en", "search-worker.js", "gives the worker language"),
    "worker in the other language": ("xinjiang-2021-2025/index.html", "search-worker.js#zh", "search-worker.js#en", "gives the worker language 'en'"),
    "base absolute": (PLAN_EN, '"base": "../.."', '"base": "/"', "is not the site root"),
    "base one level short": (PLAN_EN, '"base": "../.."', '"base": ".."', "is not the site root"),
    "polyfill from the CDN": (PLAN_EN, "../../assets/vendor/iframe-worker/shim.js", "https://unpkg.com/iframe-worker/shim",
                              "script 'https://unpkg.com/iframe-worker/shim'"),
    "worker index path": (WORKER, '"../search/" + lang', '"search/" + lang', "assets/search/en/t0.js does not exist"),
    "index names a missing page": ("search/en/d*.js", '"en/glossary/index.html"', '"en/glossary.html"', "en/glossary.html does not exist"),
    "index names a missing anchor": ("search/zh/d*.js", ',"s1-1",', ',"s1-1-x",', "#s1-1-x is not an id"),
    "index in the wrong language": ("search/en/d*.js", '"en/glossary/index.html"', '"glossary/index.html"', "result page glossary/index.html is not in en"),
    "term shard's head names a missing page": ("search/en/t*.js", '"en/xinjiang-2021-2025/index.html"', '"en/xinjiang-2021-2025.html"',
                                               "en/xinjiang-2021-2025.html does not exist"),
    "term shard's head names a missing anchor": ("search/zh/t*.js", ',"s1-1",', ',"s1-1-x",', "#s1-1-x is not an id"),
    "term shard missing": ("search/zh/t0.js", None, None, "t0.js does not exist"),
    "text shard missing": ("search/en/d1.js", None, None, "d1.js does not exist"),
    "manifest counts fewer term shards": ("search/search_index.json", '"terms":', '"terms":1,"was":', "search/zh/t1.js: a file no manifest names"),
    "manifest missing": ("search/search_index.json", '"shards":{"zh":', '"shards":{"zz":', "no manifest of zh"),
    "shard of the other name": ("search/en/d0.js", 'SEARCH_SHARD("d0"', 'SEARCH_SHARD("d1"', 'not SEARCH_SHARD("d0"'),
    "offline index missing": ("search/search_index.js", None, None, "search/search_index.js does not exist"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_a_broken_address_is_reported(name, bundle_tree, tmp_path):
    file, old, new, phrase = BREAKS[name]
    scratch = tmp_path / BUNDLE_FOLDER
    shutil.copytree(bundle_tree, scratch, ignore=shutil.ignore_patterns("*.pdf"))
    if "*" in file:  # the one shard that holds what is broken
        file = next(path.relative_to(scratch).as_posix() for path in sorted(scratch.glob(file)) if old in path.read_text(encoding="utf-8"))
    if old is None:
        (scratch / file).unlink()
    else:
        _edit(scratch / file, old, new)
    problems = embedded_url_problems(scratch, served_404=False)
    assert any(phrase in problem for problem in problems), problems[:5]


def test_a_404_page_that_works_only_at_its_own_depth_is_reported(built_site, tmp_path):
    """The server answers /en/any/missing/page with en/404.html: a relative address there breaks."""
    scratch = tmp_path / "site"
    shutil.copytree(built_site, scratch, ignore=shutil.ignore_patterns("*.pdf", "*.zip"))
    _edit(scratch / "en" / "404.html", '"search": "/assets/search-worker.js#en"', '"search": "../assets/search-worker.js#en"')
    problems = embedded_url_problems(scratch)
    assert any(problem.startswith("en/404.html: search worker '../assets/search-worker.js#en'") for problem in problems), problems
