"""One punctuation standard on every Chinese page: no half-width , ; : ( ) next to a Chinese
character anywhere in the article, the plan text and the interface text around it alike
(duty notes' （牵头）, glossary and topic lists, the document card, citations).

Not Chinese context, and so not checked: elements marked with another language (the English
twins, English names inside a Chinese page, which carry lang="en"), in the normalization
record, the source's own forms quoted there in “…” to show what was changed, and reference
entries (csl-entry), printed as their CSL style prescribes: GB/T 7714-2015 writes its
著录用符号 half-width (中共甘肃省委, 甘肃省人民政府. … [R/OL]), as the standard's own examples do."""

from __future__ import annotations

import re

import pytest

from tools.common import contract
from tools.common.paths import SOURCES
from tools.common.ui import load_strings
from tools.ingest.textnorm import CJK
from tools.site.htmltext import ArticleParser

HALF_WIDTH_BESIDE_CJK = re.compile(f"[{CJK}][,;:()]|[,;:()][{CJK}]")
QUOTED = re.compile("“[^“”]*”")
CITED_ATTRIBUTES = ("data-cite",)  # text a reader copies


class ChineseText(ArticleParser):
    """The article's text in Chinese context, with where each piece stands."""

    def __init__(self) -> None:
        super().__init__(set(), set())
        self.langs: list[str] = []
        self.in_record: list[bool] = []
        self.in_entry: list[bool] = []
        self.pieces: list[tuple[str, str]] = []  # (where, text)

    def start(self, tag, attributes):
        self.langs.append(attributes.get("lang") or (self.langs[-1] if self.langs else "zh"))
        self.in_record.append(attributes.get("id") == contract.NORMALIZATION_ID or bool(self.in_record and self.in_record[-1]))
        entry = contract.CSL_ENTRY in (attributes.get("class") or "").split()
        self.in_entry.append(entry or bool(self.in_entry and self.in_entry[-1]))
        if self.in_article and not self.skipping and self.chinese():
            for name in CITED_ATTRIBUTES:
                if attributes.get(name):
                    self.pieces.append((f"{tag}@{name}", attributes[name]))

    def end(self, tag):
        if self.langs:
            self.langs.pop()
            self.in_record.pop()
            self.in_entry.pop()

    def chinese(self) -> bool:
        return not self.langs or self.langs[-1].startswith("zh")

    def handle_data(self, data):
        if self.in_entry and self.in_entry[-1]:
            return
        if self.in_article and not self.skipping and self.chinese():
            record = bool(self.in_record and self.in_record[-1])
            self.pieces.append(("normalization record" if record else "text", QUOTED.sub("“”", data) if record else data))


def offences(page_html: str) -> list[str]:
    parser = ChineseText()
    parser.feed(page_html)
    found = []
    for where, text in parser.pieces:
        for match in HALF_WIDTH_BESIDE_CJK.finditer(text):
            found.append(f"{where}: …{text[max(0, match.start() - 20): match.end() + 20]}…")
    return found


def chinese_pages(site) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if not path.relative_to(site).as_posix().startswith("en/"))


def test_every_chinese_page_is_checked(built_site):
    pages = chinese_pages(built_site)
    assert "index.html" in pages and "glossary/index.html" in pages and len(pages) >= 12


def test_no_half_width_punctuation_in_chinese_context(built_site):
    bad = {page: found for page in chinese_pages(built_site) if (found := offences((built_site / page).read_text(encoding="utf-8")))}
    assert not bad, "\n".join(f"{page}: {len(found)}, first: {found[0]}" for page, found in bad.items())


def test_duty_notes_mark_the_lead_unit_in_full_width(built_site):
    zh = (built_site / "tongzhou-2022-2025" / "index.html").read_text(encoding="utf-8")
    lead = load_strings(SOURCES.ui).get("zh", "duty_lead")
    assert zh.count(f"（{lead}）") >= 5 and f"({lead})" not in zh


@pytest.mark.parametrize(("sample", "bad"), [
    ('<article class="md-content__inner"><p>区市场监管局 (牵头)</p></article>', True),
    ('<article class="md-content__inner"><p>区市场监管局（牵头）</p></article>', False),
    ('<article class="md-content__inner"><p lang="en">Bureau (牵头)</p></article>', False),
    ('<article class="md-content__inner"><p data-cite="《方案(2022-2025年)》">x</p></article>', True),
    (f'<article class="md-content__inner"><div id="{contract.NORMALIZATION_ID}"><p>删除：“字体:[ ]”：1 处</p></div></article>', False),
    (f'<article class="md-content__inner"><div id="{contract.NORMALIZATION_ID}"><p>来源:文件</p></div></article>', True),
    ('<p>文件信息:</p>', False),  # outside the article
    (f'<article class="md-content__inner"><dd class="{contract.CSL_ENTRY}">中共甘肃省委, 甘肃省人民政府. 纲要[R/OL].</dd></article>', False),
    (f'<article class="md-content__inner"><dd class="{contract.CSL_ENTRIES}">中共甘肃省委, 甘肃省人民政府</dd></article>', True),
])
def test_the_check_finds_what_it_should(sample, bad):
    assert bool(offences(sample)) is bad
