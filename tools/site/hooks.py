"""MkDocs hooks: build-time steps that need MkDocs' config or the built site.

The navigation follows docs/data/plans.json, written by the generator from the plan data
files, so a sixth plan needs no edit here or in mkdocs.yml. Up to `extra.nav_plans_max` plans
(mkdocs.yml) the sidebar lists each plan; past it, the plans page (filterable) stands for
them and a plan's page adds itself after it (`on_page_context`), so the sidebar stays short
and each page renders a navigation of the same size at any number of plans.
"""

from __future__ import annotations

import html
import json
import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.plugins import event_priority  # noqa: E402

from tools.annotate.glossary import Term  # noqa: E402
from tools.common import contract  # noqa: E402
from tools.common.cachekey import Key  # noqa: E402
from tools.common.paths import SOURCES, TEMPLATE_CACHE  # noqa: E402
from tools.common.ui import Strings, count_word, load_strings  # noqa: E402
from tools.publish.bundle import ZIP_NAME  # noqa: E402
from tools.render import jsonld  # noqa: E402
from tools.site import blocks, exports, material, search_index  # noqa: E402
from tools.site.cite_buttons import cite_buttons  # noqa: E402
from tools.site.tables import wrap_tables  # noqa: E402
from tools.site.tooltips import GlossaryTooltipsExtension  # noqa: E402

PLANS_PAGE = "plans/index.md"
EXTRA_PAGES = ("targets/index.md", "glossary/index.md", "topics/index.md", "references/index.md", "cite/index.md", "open-data/index.md", "changelog/index.md")


def on_config(config, **kwargs):
    material.skip_search_entries()
    blocks.install()
    config.site_description = site_description(config)
    # Glossary tooltips: the `abbr` extension with CJK-safe matching (tools/tooltips.py).
    if not any(isinstance(ext, GlossaryTooltipsExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(GlossaryTooltipsExtension())
    tooltips = tooltips_extension(config)
    tooltips.set_terms(glossary_terms(Path(config.docs_dir)))
    tooltips.plans = plan_slugs(Path(config.docs_dir))
    if config.nav:
        return config
    docs = Path(config.docs_dir)
    # The generator writes the plans in reading order to data/plans.json.
    plans = json.loads((docs / "data" / "plans.json").read_text(encoding="utf-8"))
    listed = [f"{plan['slug']}/index.md" for plan in plans] if plans_listed(config, len(plans)) else []
    nav = ["index.md"] + listed + [page for page in (PLANS_PAGE, *EXTRA_PAGES) if (docs / page).exists()]
    config.nav = nav
    return config


def plans_listed(config, count: int) -> bool:
    """Whether the sidebar lists every plan: up to the setting `extra.nav_plans_max` (mkdocs.yml)."""
    limit = config.extra.get("nav_plans_max")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise ValueError(f"mkdocs.yml extra.nav_plans_max must be a whole number, not {limit!r}")
    return count <= limit


class PageNavigation:
    """Material's navigation for one page: the site's, with that page added after the plans page.
    Everything else (pages, homepage) is the site's navigation's."""

    def __init__(self, nav, page, after):
        self._nav = nav
        index = nav.items.index(after) + 1
        self.items = nav.items[:index] + [page] + nav.items[index:]

    def __getattr__(self, name):
        return getattr(self._nav, name)

    def __iter__(self):
        return iter(self.items)


def on_page_context(context, page, config, nav, **kwargs):
    """Past the limit, a plan's page (not in the navigation) shows itself after the plans page,
    marked current, so the reader sees where they are."""
    if page in nav.pages or page.file.src_uri.split("/", 1)[0] not in tooltips_extension(config).plans:
        return context
    plans_page = next((item for item in nav.items if getattr(item, "is_page", False)
                       and item.file.src_uri.split("/", 1)[0] == PLANS_PAGE.split("/", 1)[0]), None)
    if plans_page is not None:
        context["nav"] = PageNavigation(nav, page, plans_page)
    return context


def config_lang(config) -> str:
    """The language being built: static-i18n builds each language in turn, running every
    on_config again after it has reconfigured the theme's language (hooks run after plugins)."""
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None) or config.theme.get("language") or "zh"
    return "en" if lang.startswith("en") else "zh"


def site_description(config) -> str:
    """Every page's meta description, counting the plans built (docs/data/plans.json, written
    from the plan data), in the language being built; never a count written into mkdocs.yml."""
    plans = json.loads((Path(config.docs_dir) / "data" / "plans.json").read_text(encoding="utf-8"))
    lang = config_lang(config)
    return strings().get(lang, "site_description", count=count_word(strings().of(lang), len(plans)))


def tooltips_extension(config) -> GlossaryTooltipsExtension:
    return next(ext for ext in config.markdown_extensions if isinstance(ext, GlossaryTooltipsExtension))


def glossary_terms(docs: Path) -> list[Term]:
    """The glossary as published (docs/data/glossary.json): each term's definition and plan notes."""
    path = docs / "data" / "glossary.json"
    return [Term.from_record(record) for record in json.loads(path.read_text(encoding="utf-8"))] if path.exists() else []


def plan_slugs(docs: Path) -> set[str]:
    return {plan["slug"] for plan in json.loads((docs / "data" / "plans.json").read_text(encoding="utf-8"))}


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Tell the tooltips which page they are on: its language and, on a plan's page, its plan
    (passages of other plans carry data-plan; tools/site/tooltips.py)."""
    tooltips = tooltips_extension(config)
    first = page.file.src_uri.split("/", 1)[0]
    tooltips.page = (page_lang(page), first if first in tooltips.plans else None)
    return markdown
def on_nav(nav, config, files, **kwargs):
    """The home page's navigation entry is "首页" / "Home": under its own title it repeated the
    site title printed just above the navigation."""
    title = strings().get(build_lang(config), "nav_home")
    for item in nav.items:
        if getattr(item, "is_page", False) and (item.is_homepage or item.file.src_uri.split(".")[0] == "index"):
            item.title = title
    return nav


def build_lang(config) -> str:
    """The language static-i18n is building (its `current_language`), else the default, zh."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or "zh"


@cache
def strings() -> Strings:
    return load_strings(SOURCES.ui)


def page_lang(page) -> str:
    return getattr(page.file, "locale", None) or ("en" if page.url.startswith("en/") else "zh")


def to_root(page) -> str:
    """From the page's folder back to the site root (relative, so that file:// works)."""
    return "../" * page.url.count("/")


def on_page_content(html_text, page, config, files, **kwargs):
    if page.file.src_uri.startswith("404"):
        return html_text
    lang = page_lang(page)
    html_text = wrap_tables(cite_buttons(html_text, strings().get(lang, "js_cite")))
    return side_by_side_toolbar(unofficial_notice(html_text, page, lang), lang)


def unofficial_notice(html_text: str, page, lang: str) -> str:
    """The unofficial-translation notice: one compact line under the title of every English page
    that has none (plan pages carry their own card; a Chinese plan page carries it for its
    side-by-side mode, tools/render/plan_cards.py)."""
    text = html.escape(strings().get("en", "unofficial"))
    if lang == "en" and f'id="{contract.UNOFFICIAL_ID}"' not in html_text:
        original = page.url.removeprefix("en/")
        original = to_root(page) + (original + "index.html" if not original or original.endswith("/") else original)
        zh_link = html.escape(strings().get("en", "zh_original"))
        notice = (f'<p class="{contract.UNOFFICIAL} {contract.ANNOTATION}" lang="en">{text} '
                  f'<a class="{contract.ZH_ORIGINAL}" href="{original}" lang="zh-Hans">{zh_link}</a></p>')
    else:
        return html_text
    head, found, rest = html_text.partition("</h1>")
    return head + found + notice + rest if found else notice + html_text


# An element whose classes include the twin class (a passage's other-language text).
TWIN_ELEMENT = re.compile(rf'\bclass="(?:[^"]*\s)?{contract.TWIN}(?:\s[^"]*)?"')


def side_by_side_toolbar(html_text: str, lang: str) -> str:
    """The side-by-side switch under the title of a page that has twins. It is written here rather
    than by site.js, so that it holds its place from the first paint and nothing below it moves when
    the script runs (a layout shift, issue 21); site.js gives it its state and its action, and until
    then (no script at all) it is hidden, its place kept (`.no-js` in assets/site.css)."""
    if not TWIN_ELEMENT.search(html_text):
        return html_text
    head, found, rest = html_text.partition("</h1>")
    if not found:
        return html_text
    toolbar = (f'<div class="{contract.PLAN_TOOLBAR}" {contract.SEARCH_EXCLUDE}><button type="button" '
               f'class="{contract.SBS_TOGGLE}" aria-pressed="false">{html.escape(strings().get(lang, "js_sbs"))}</button></div>')
    return head + found + toolbar + rest


def on_post_page(output, page, config, **kwargs):
    """With a public base URL (site_url or SITE_URL), the address a cite control copies is
    absolute; without one it stays site-relative (/slug/#s3-1-1). Never a file:// path."""
    output = page_chrome(output, page, config)
    if not config.site_url:
        return output
    base = config.site_url.rstrip("/")
    output = jsonld.absolutize(output, base)
    # Passages copied onto comparison pages carry their canonical address (tools/render/topic_compare.py).
    output = re.sub(rf'(\b{contract.CITE_URL}=")/', lambda match: f"{match.group(1)}{base}/", output)
    output = exports.absolutize_entries(output, base)
    return re.sub(rf'(<h1\b[^>]*\b{contract.PAGE_URL}=")/', lambda match: f"{match.group(1)}{base}/", output, count=1)


def page_chrome(output: str, page, config) -> str:
    """Material's page frame: a single title on the home page (not "Name - Name"), an accessible
    name for the search dialog, and the footer's link to the offline zip."""
    lang = page_lang(page)
    output = re.sub(r"<title>(.+?) - \1</title>", r"<title>\1</title>", output, count=1)
    search_name = html.escape(strings().get(lang, "search_dialog"))
    output = output.replace('data-md-component="search" role="dialog">',
                            f'data-md-component="search" role="dialog" aria-label="{search_name}">', 1)
    return zip_link(output, to_root(page), lang)


def on_post_template(output, template_name, config, **kwargs):
    """The 404 page is served at whatever address was not found, so its link to the offline zip
    is absolute from the site's root (the path of `site_url`, else `/`), as Material's own
    links on that page are; it is in the page's language."""
    if template_name != "404.html":
        return output
    from urllib.parse import urlsplit

    match = re.search(r'<html lang="([^"]+)"', output)
    lang = "en" if match and match.group(1).startswith("en") else "zh"
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    output = zip_link(output, root, lang)
    NOT_FOUND_PAGES[lang] = output
    return output


# Each language's 404 page as its build made it. Every language's build writes site/404.html,
# the last (English) one over the Chinese; the outer post-build step puts the default language's
# page back at the root and the others in their folders (site/en/404.html).
NOT_FOUND_PAGES: dict[str, str] = {}


def write_not_found_pages(site: Path) -> None:
    for lang, output in NOT_FOUND_PAGES.items():
        target = site / ("404.html" if lang == "zh" else f"{lang}/404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")


def zip_link(output: str, root: str, lang: str) -> str:
    """The footer's link to the offline zip, placed first in Material's copyright block."""
    link = (f'<div class="md-copyright__highlight"><a class="{contract.OFFLINE_ZIP}" href="{root}{ZIP_NAME}" download>'
            f'{html.escape(strings().get(lang, "offline_zip"))}</a></div>')
    return output.replace('<div class="md-copyright">', f'<div class="md-copyright">{link}', 1)


def on_env(env, config, files, **kwargs):
    """Compiled templates are kept between builds (.cache/jinja): static-i18n builds every language
    with a fresh theme environment, and compiling Material's templates again for each was a tenth
    of a warm build. Jinja checks each template's source itself; the folder is named by a key
    (`tools.common.cachekey`) of what else shapes the compiled code: this module, the versions of
    Jinja and of the engine, theme and plugins, and the environment's settings."""
    import jinja2

    folder = TEMPLATE_CACHE / template_key(env)
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


def _stable(value) -> str:
    """A setting as text without memory addresses (a function by its qualified name)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return repr(value)


def template_key(env) -> str:
    settings = {name: _stable(getattr(env, name, None)) for name in (
        "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
        "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
        "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
        "autoescape", "finalize", "undefined", "is_async")}
    settings["extensions"] = " ".join(sorted(env.extensions))
    settings["filters"] = " ".join(sorted(env.filters))  # the compiler checks names it calls
    settings["tests"] = " ".join(sorted(env.tests))
    key = Key("jinja", code=["tools.site.hooks"], settings=settings,
              libraries=["jinja2", "markupsafe", "mkdocs", "properdocs", "mkdocs-material", "mkdocs-static-i18n"])
    return key.hexdigest()


def inside_another_language_build(config) -> bool:
    """True in the post-build step of a language that static-i18n builds from inside the
    first language's post-build step (mkdocs-static-i18n 1.3.1: its `building` flag); the
    outer step runs after it, with every language built."""
    i18n = config.plugins.get("i18n")
    return bool(getattr(i18n, "building", False))


@event_priority(-150)  # after static-i18n has built every language and the offline plugin has run
def on_post_build(config, **kwargs):
    """One sharded search index per language, loaded by the search worker a shard at a time as
    queries need them (tools/site/search_index.py); Material's own index is cut down to its configuration.
    Once per build, when every language is built."""
    if inside_another_language_build(config):
        return
    site = Path(config.site_dir)
    search_index.write(site, Path(config.docs_dir))
    material.remove_unused_search_assets(site)
    write_not_found_pages(site)
    write_sitemaps(site, config)
    if config.site_url:
        exports.absolutize_downloads(site, config.site_url)


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
