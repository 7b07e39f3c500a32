"""The aligned zh–en units as a translation memory (TMX 1.4b) and a tab-separated parallel text.

One unit per piece of a plan that has English (tools.annotate.translations.translation_units:
titles, headings, paragraphs, table cells, box titles, duty notes, page metadata), in reading
order, so each file holds exactly the units the site shows. Conventions (also on the open-data
page and in README):

- `tuid` is `<plan>#<anchor>`; every `<tu>` carries `<prop type="x-plan">` (the slug) and
  `<prop type="x-anchor">` (the id the site and Akoma Ntoso use; table cells and captions
  have the unit keys of the translation files, e.g. `table-1-r2-c3`).
- Translator's notes: the English segment is the translation alone; each `[TN: …]` note the
  translator added is a `<note>` of the unit (TSV: the `note` column), never part of `<seg>`.
- Untranslated: a unit with no English yet has only its Chinese `<tuv>` and
  `<prop type="x-status">untranslated</prop>` (TSV: an empty `en` column, status
  `untranslated`); a translated one has `translated`.

Written with lxml, with no dates, so a rebuild gives the same bytes; translate-toolkit reads
every file back in the tests.
"""

from __future__ import annotations

from lxml import etree

from tools.annotate.translations import NOTE, translation_units, without_notes
from tools.model.document import Plan
from tools.render.corpus import Corpus

SOURCE_LANG = "zh-CN"
TARGET_LANG = "en"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALL = "all"
TSV_COLUMNS = ("plan", "anchor", "zh", "en", "status", "note")


def tmx_path(name: str) -> str:
    return f"data/tmx/{name}.tmx"


def tsv_path(name: str) -> str:
    return f"data/tmx/{name}.tsv"


def units(corpus: Corpus, plan: Plan) -> list[dict]:
    english = corpus.english(plan)
    found = []
    for key, zh in translation_units(plan):
        entry = english.get(key)
        en = entry.en.strip() if entry and entry.en else ""
        found.append({
            "plan": plan.data.slug,
            "anchor": key,
            "zh": zh,
            "en": without_notes(en).strip(),
            "notes": [match.group(1).strip() for match in NOTE.finditer(en)],
            "status": "translated" if en else "untranslated",
        })
    return found


def tmx(unit_list: list[dict], edition_name: str) -> str:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "ip-plans tools.render.tmx", "creationtoolversion": "1", "segtype": "paragraph",
        "o-tmf": "ip-plans", "adminlang": "en", "srclang": SOURCE_LANG, "datatype": "plaintext",
    })
    header = root[0]
    etree.SubElement(header, "prop", type="x-edition").text = edition_name
    body = etree.SubElement(root, "body")
    for unit in unit_list:
        tu = etree.SubElement(body, "tu", tuid=f"{unit['plan']}#{unit['anchor']}")
        for note in unit["notes"]:
            etree.SubElement(tu, "note").text = f"TN: {note}"
        etree.SubElement(tu, "prop", type="x-plan").text = unit["plan"]
        etree.SubElement(tu, "prop", type="x-anchor").text = unit["anchor"]
        etree.SubElement(tu, "prop", type="x-status").text = unit["status"]
        for lang, text in ((SOURCE_LANG, unit["zh"]), (TARGET_LANG, unit["en"])):
            if text:
                tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                etree.SubElement(tuv, "seg").text = text
    doctype = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True, doctype=doctype).decode("utf-8")


def tsv(unit_list: list[dict]) -> str:
    lines = ["\t".join(TSV_COLUMNS)]
    for unit in unit_list:
        row = {**unit, "note": " | ".join(unit["notes"])}
        cells = [row[column] for column in TSV_COLUMNS]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"{unit['plan']}#{unit['anchor']}: a tab or line break cannot stand in the parallel text")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def files(corpus: Corpus) -> dict[str, str]:
    """Path under docs/ → content: one TMX and one TSV per plan, and one of each for all plans."""
    edition = corpus.publication.name_en
    out: dict[str, str] = {}
    every: list[dict] = []
    for plan in corpus.plans:
        found = units(corpus, plan)
        every += found
        out[tmx_path(plan.data.slug)] = tmx(found, edition)
        out[tsv_path(plan.data.slug)] = tsv(found)
    out[tmx_path(ALL)] = tmx(every, edition)
    out[tsv_path(ALL)] = tsv(every)
    return out
