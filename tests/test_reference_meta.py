"""Issue 24 part 2: Highwire citation_* and Dublin Core tags on every plan page, from the same
facts as the JSON-LD and the CSL record. Dublin Core and JSON-LD are read with extruct; extruct
has no Highwire syntax, so the citation_* tags are read from <head> with lxml."""

from __future__ import annotations

import extruct
import lxml.html
import pytest
from support import plan_slugs

from tools.build import load_corpus
from tools.render import csl

SLUGS = plan_slugs()
EDITION = "Chinese Regional IP Plans (bilingual annotated edition)"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def page(built_site, slug: str, lang: str) -> str:
    folder = built_site / slug if lang == "zh" else built_site / "en" / slug
    return (folder / "index.html").read_text(encoding="utf-8")


def highwire(html: str) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for meta in lxml.html.fromstring(html).xpath("//head/meta[starts-with(@name, 'citation_')]"):
        tags.setdefault(meta.get("name"), []).append(meta.get("content"))
    return tags


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slug", SLUGS)
def test_tags_state_the_record(built_site, corpus, slug, lang):
    html = page(built_site, slug, lang)
    item = csl.record(corpus.by_slug[slug], lang, EDITION)
    authors = [name["literal"] for name in item.get("author", [])]
    tags = highwire(html)
    assert tags["citation_title"] == [item["title"]]
    assert tags.get("citation_author", []) == authors
    # A report by its issuer (Zotero: item type Report), not a journal article.
    assert tags.get("citation_technical_report_institution", []) == authors
    assert "citation_journal_title" not in tags
    assert tags["citation_pdf_url"] == [f"/pdf/{slug}.{lang}.pdf"]
    assert tags["citation_abstract_html_url"] == [item["URL"]]
    if "issued" in item:
        assert tags["citation_date"] == ["/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(item["issued"]["date-parts"][0]))]
    else:
        assert "citation_date" not in tags  # never an invented date

    data = extruct.extract(html, base_url=f"https://plans.example{item['URL']}", syntaxes=["dublincore", "json-ld"], uniform=False)
    dc: dict[str, list[str]] = {}
    for element in data["dublincore"][0]["elements"]:
        dc.setdefault(element["name"], []).append(element["content"])
    assert dc["DC.title"] == [item["title"]]
    assert dc.get("DC.creator", []) == authors
    assert dc["DC.language"] == ["zh-Hans" if lang == "zh" else "en"]
    if lang == "en":
        if authors:  # without an issuer the record names no translator (tools/render/csl.py)
            assert dc["DC.contributor"] == [EDITION]
        assert dc["DC.source"] == [item["original-title"]]
    # The same facts as the schema.org JSON-LD.
    (legislation,) = [entry for entry in data["json-ld"] if entry.get("@type") == "Legislation"]
    assert legislation["name"] == tags["citation_title"][0]
    assert [body["name"] for body in legislation.get("publisher", [])] == authors


def test_document_number_is_the_report_number(built_site):
    tags = highwire(page(built_site, "tongzhou-2022-2025", "zh"))
    assert tags["citation_technical_report_number"] == ["通政发〔2022〕15号"]


def test_pages_other_than_plans_carry_no_citation_tags(built_site):
    assert not highwire((built_site / "index.html").read_text(encoding="utf-8"))
    assert not highwire((built_site / "cite" / "index.html").read_text(encoding="utf-8"))


def test_addresses_become_absolute_with_a_base_url(built_site):
    from tools.site import exports

    tags = highwire(exports.absolutize_entries(page(built_site, "yuxi-2021", "en"), "https://plans.example"))
    assert tags["citation_pdf_url"] == ["https://plans.example/pdf/yuxi-2021.en.pdf"]
    assert tags["citation_abstract_html_url"] == ["https://plans.example/en/yuxi-2021/"]
