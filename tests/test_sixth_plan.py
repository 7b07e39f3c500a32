"""A sixth plan added as data only (issue 26): the real sources plus a made-up plan, built into a site.

Every count of the plans on every page and in every meta tag (and in the search index, feeds and
data files) is the number of plans built; no tooltip on a plan's page carries a note written for
another plan; a long lead sentence stays the paragraph it is.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support import ROOT, assert_plan_tooltips_are_its_own, build_site, mkdocs_config, plan_slugs, titles

from tools import cli
from tools.annotate.glossary import load_glossary
from tools.common.paths import SOURCES, SourceTree
from tools.common.ui import count_word, load_strings

FIXTURES = SourceTree(ROOT / "tests" / "fixtures" / "sources")
SIXTH = "fixture-opinions"
# A numbered item whose lead sentence (up to the first 。) is long: it must stay a paragraph.
# Its tail uses terms that have notes for other plans (知识产权保护中心, 三合一): their tooltips here must not.
LONG_LEAD = ("（三）加强知识产权运用工作的统筹协调，建立由市政府牵头、各有关部门分工负责、上下联动的"
             "知识产权运用工作推进机制和考核评价体系。各部门要加强协作，依托知识产权保护中心，推进“三合一”审判机制改革。")
LONG_LEAD_ID = "s2-3"

# A count of the plans, as the site writes it in either language.
ZH_COUNT = re.compile(r"([零一两二三四五六七八九十百\d]+)\s*部(?:中国)?(?:地方)?(?:知识产权)?规划")
EN_COUNT = re.compile(r"\b(no|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:Chinese\s+)?(?:regional\s+)?"
                      r"(?:intellectual-property\s+|IP\s+)?plans\b", re.IGNORECASE)
TEXT_FILES = (".html", ".xml", ".json", ".js", ".csv", ".txt", ".atom", ".bib", ".ris")


@pytest.fixture(scope="module")
def sixth(tmp_path_factory) -> Path:
    """The project's sources with the made-up plan added (its data file and seed), converted and built."""
    root = tmp_path_factory.mktemp("sixth")
    tree = root / "sources"
    shutil.copytree(SOURCES.root, tree)
    shutil.copy(FIXTURES.plan_file(SIXTH), tree / "plans")
    seed = (FIXTURES.root / "seeds" / "opinions.txt").read_text(encoding="utf-8")
    (tree / "seeds" / "opinions.txt").write_text(seed.rstrip("\n") + "\n" + LONG_LEAD + "\n", encoding="utf-8")
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs)  # vendored assets that the build does not write
    assert cli.main(["--sources", str(tree), "--docs", str(docs), "build", "--force"]) == 0
    build_site(root / "site", mkdocs_config(docs, root))
    return root


def test_adding_a_plan_needs_data_only(sixth):
    """The README's steps (the source into seeds/, plans/<slug>.toml, build, build the site strict)
    give the plan its page, its place on the home page and its numbered anchors."""
    docs = sixth / "docs"
    assert (docs / SIXTH / "index.md").exists()
    assert f"]({SIXTH}/index.md)" in (docs / "index.md").read_text(encoding="utf-8")
    html = (sixth / "site" / SIXTH / "index.html").read_text(encoding="utf-8")
    assert 'id="s2-1-2"' in html and 'id="table-1-r2"' in html


def counts_in(text: str) -> list[str]:
    return [m.group(1) for m in ZH_COUNT.finditer(text)] + [m.group(1).lower() for m in EN_COUNT.finditer(text)]


def test_every_count_of_plans_is_the_number_built(sixth):
    slugs = plan_slugs(SourceTree(sixth / "sources"))
    assert SIXTH in slugs and len(slugs) == len(plan_slugs()) + 1
    strings = load_strings(SOURCES.ui)
    expected = {count_word(strings.of(lang), len(slugs)).lower() for lang in ("zh", "en")} | {str(len(slugs))}
    wrong, found = [], 0
    for path in sorted((sixth / "site").rglob("*")):
        if path.suffix not in TEXT_FILES or path.name.endswith(".min.js") or "vendor" in path.parts:
            continue
        if "topics" in path.parts and path.parent.name != "topics":
            continue  # a topic comparison counts the plans on its topic, a subset of the corpus
        for count in counts_in(path.read_text(encoding="utf-8", errors="ignore")):
            found += 1
            if count not in expected:
                wrong.append(f"{path.relative_to(sixth / 'site')}: {count}")
    assert not wrong, wrong
    assert found > 20, "the counts must be found (home, targets and every page's meta description)"


def test_every_meta_description_counts_the_plans_built(sixth):
    """Every page that is not a plan's own carries the site's description, with the count built."""
    for lang, home in (("zh", sixth / "site" / "index.html"), ("en", sixth / "site" / "en" / "index.html")):
        meta = re.search(r'<meta name="description" content="([^"]*)"', home.read_text(encoding="utf-8")).group(1)
        assert counts_in(meta) == [("六" if lang == "zh" else "six")], meta
    pages = [p for p in (sixth / "site").rglob("index.html") if "targets" in p.parts or "glossary" in p.parts]
    assert len(pages) == 2 * 2
    for page in pages:
        meta = re.search(r'<meta name="description" content="([^"]*)"', page.read_text(encoding="utf-8")).group(1)
        assert counts_in(meta) in (["六"], ["six"]), (page, meta)
    targets = (sixth / "site" / "targets" / "index.html").read_text(encoding="utf-8")
    assert "六部规划的量化目标" in targets
    assert "The quantitative targets of the six plans" in (sixth / "site" / "en" / "targets" / "index.html").read_text(encoding="utf-8")


def test_the_real_site_counts_its_own_plans(built_site):
    """The same scan on the real site: every count is the five plans built (none is written by hand)."""
    count = len(plan_slugs())
    strings = load_strings(SOURCES.ui)
    expected = {count_word(strings.of(lang), count).lower() for lang in ("zh", "en")}
    for page in (built_site / "index.html", built_site / "en" / "targets" / "index.html"):
        counts = counts_in(page.read_text(encoding="utf-8"))
        assert counts and set(counts) <= expected, (page, counts)


def test_no_tooltip_on_any_plans_page_carries_another_plans_note(sixth):
    tree = SourceTree(sixth / "sources")
    slugs = plan_slugs(tree)
    terms = load_glossary(tree.glossary, set(slugs))
    noted = {note.plan for term in terms for note in term.notes}
    assert SIXTH not in noted, "the made-up plan has no notes of its own"
    for slug in slugs:
        for lang, prefix in (("zh", ""), ("en", "en/")):
            page = (sixth / "site" / prefix / slug / "index.html").read_text(encoding="utf-8")
            least = 0 if (slug, lang) == (SIXTH, "en") else 2  # the made-up plan has no English translation
            assert assert_plan_tooltips_are_its_own(page, terms, slug, lang) >= least, (slug, lang)
    page = (sixth / "site" / SIXTH / "index.html").read_text(encoding="utf-8")
    noted_terms = {term.zh for term in terms if term.notes}
    assert {"知识产权保护中心", "三合一"} <= noted_terms
    found = titles(page)
    for form in ("知识产权保护中心", "三合一"):
        term = next(term for term in terms if term.zh == form)
        assert " ".join(term.tooltip("zh").split()) in found, form  # the definition alone


def test_a_long_lead_stays_a_paragraph(sixth):
    """The made-up plan's 二（三） opens with a 57-character sentence: a numbered paragraph, not a
    heading, on the page (both languages), in the table of contents and in sections.json."""
    from tools.common import contract

    for prefix in ("", "en/"):
        page = (sixth / "site" / prefix / SIXTH / "index.html").read_text(encoding="utf-8")
        assert not re.search(rf'<h[1-6][^>]*id="{LONG_LEAD_ID}"', page), prefix
        paragraph = re.search(rf'<p\b[^>]*\bid="{LONG_LEAD_ID}"[^>]*>', page)
        assert paragraph and contract.ITEM in re.search(r'class="([^"]*)"', paragraph.group(0)).group(1).split(), prefix
        assert f'href="#{LONG_LEAD_ID}"' not in page.split('<article', 1)[0], "not in the table of contents"
        assert 'id="s2-2"' in page and re.search(r'<h3[^>]*id="s2-2"', page), "a short lead stays a heading"


def test_the_default_lead_rule():
    from tools.model.parse import promotes, reads_as_heading

    assert reads_as_heading("强化司法保障") and reads_as_heading("加强组织协调，确保规划有序推进")
    assert reads_as_heading("强化高校、科研院所、医疗卫生机构和国有企业知识产权管理")  # 27 characters, the longest today
    long_lead = LONG_LEAD.removeprefix("（三）").split("。")[0]
    assert len(long_lead) > 50 and not reads_as_heading(long_lead)
    assert not reads_as_heading("到2025年，专利授权量达到1000件，商标注册量达到5000件")  # two clause breaks: a sentence
    assert promotes(long_lead, 0) and not promotes("挑战与机遇并存的局面", 8) and promotes("挑战", 8)


def test_the_made_up_plan_gets_topic_proposals(sixth):
    """A plan with no topics assigned: its pledge-financing section is proposed for ip-finance."""
    import io

    from tools.annotate import topic_proposals

    out = io.StringIO()
    assert topic_proposals.run(SourceTree(sixth / "sources"), SIXTH, out) == 0
    text = out.getvalue()
    finance = text.split("[ip-finance]", 1)[1].split("\n\n", 1)[0]
    assert "+ s2-2" in finance, text  # （二）拓宽融资渠道: 开展知识产权质押融资
    assert "  ✓ " not in text  # nothing of it is listed yet
