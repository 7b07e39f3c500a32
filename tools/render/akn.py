"""Each plan as Akoma Ntoso 3.0 XML, one file per language (docs/data/akn/<slug>.zho.xml, <slug>.eng.xml).

A plan is a `doc` whose `name` is its kind (规划, 工作方案, 实施意见, 纲要 / their English names).
Every element that carries text has an `eId` equal to the site's anchor id, so
`#s3-1-1-p2` on a page and `eId="s3-1-1-p2"` in the XML name the same text. The mapping,
and the FRBR address scheme, are written down in README.md ("Machine-readable data").

  transmittal notice → preface/container[@name=notice]    preamble → preamble
  chapter 一、 → chapter      section （一） → section       item 1. → point
  paragraph → p               dash item → p[@class=dash]     duty note → p[@class=duty]
  专栏 box → blockContainer[@class=box]   table → table/tr/td|th/p   closing → conclusions

The English file has the same elements and eIds with the English text of the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tools.annotate.translations import split_notes
from tools.common.ui import localized
from tools.ingest.textnorm import has_cjk
from tools.model import anchors
from tools.model.document import Block, Plan, Section
from tools.render.corpus import Corpus
from tools.render.jsonld import LANGUAGE
from tools.render.plan_page import Texts, heading_label

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
EXTRA_NS = "urn:x-ip-plans:metadata"  # proprietary facts that have no Akoma Ntoso element
HIERARCHY = {2: "chapter", 3: "section", 4: "point"}
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def work_uri(slug: str) -> str:
    return f"/akn/cn/doc/{slug}"


def expression_uri(slug: str, lang: str) -> str:
    return f"{work_uri(slug)}/{LANGUAGE[lang]}@"


def work_date(plan: Plan) -> tuple[str, str]:
    """The one date the schema requires at each FRBR level, with its name: the signature date,
    else the publication date, else (no full date in the source) the first day of the plan period."""
    data = plan.data
    if FULL_DATE.match(data.date_written):
        return data.date_written, "signature"
    if FULL_DATE.match(data.date_published):
        return data.date_published, "publication"
    return f"{data.period[0]}-01-01", "periodStart"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {key.rstrip("_"): value for key, value in attrs.items()})
    if text is not None:
        element.text = text
    return element


class AknWriter:
    def __init__(self, corpus: Corpus, plan: Plan, lang: str) -> None:
        self.corpus = corpus
        self.plan = plan
        self.lang = lang
        self.texts = Texts(lang, corpus.english(plan))
        self.notes: list[tuple[str, str]] = []  # (eId, text) of each translator's note, in reading order

    def render(self) -> str:
        data = self.plan.data
        root = ET.Element("akomaNtoso", {"xmlns": NS})
        doc = _sub(root, "doc", name=localized(data, "kind", self.lang))
        self.meta(_sub(doc, "meta"))
        preface = _sub(doc, "preface")
        _sub(_sub(preface, "longTitle", eId=anchors.TITLE), "p", localized(data, "title", self.lang))
        if self.plan.notice or self.plan.notice_title:
            notice = _sub(preface, "container", name="notice", eId=anchors.NOTICE)
            if self.plan.notice_title:
                self.p(notice, anchors.NOTICE_TITLE, self.plan.notice_title, "notice-title")
            self.blocks(notice, self.plan.notice)
        if self.plan.preamble:
            self.blocks(_sub(doc, "preamble", eId=anchors.PREAMBLE), self.plan.preamble)
        body = _sub(doc, "mainBody")
        for section in self.plan.sections:
            self.section(body, section)
        if not self.plan.sections:
            _sub(body, "p")
        if self.plan.closing:
            self.blocks(_sub(doc, "conclusions", eId=anchors.CLOSING), self.plan.closing)
        self.insert_notes(doc.find("meta"))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    # -- metadata -------------------------------------------------------------
    def meta(self, meta: ET.Element) -> None:
        data = self.plan.data
        slug, lang = data.slug, self.lang
        date, date_name = work_date(self.plan)
        identification = _sub(meta, "identification", source="#project")
        work = _sub(identification, "FRBRWork")
        _sub(work, "FRBRthis", value=f"{work_uri(slug)}/!main")
        _sub(work, "FRBRuri", value=work_uri(slug))
        _sub(work, "FRBRdate", date=date, name=date_name)
        _sub(work, "FRBRauthor", href="#issuer")
        _sub(work, "FRBRcountry", value="cn")
        if data.doc_number:
            _sub(work, "FRBRnumber", value=data.doc_number)
        _sub(work, "FRBRname", value=localized(data, "title", lang))
        expression = _sub(identification, "FRBRExpression")
        _sub(expression, "FRBRthis", value=f"{expression_uri(slug, lang)}/!main")
        _sub(expression, "FRBRuri", value=expression_uri(slug, lang))
        _sub(expression, "FRBRdate", date=date, name=date_name)
        _sub(expression, "FRBRauthor", href="#issuer" if lang == "zh" else "#project")
        _sub(expression, "FRBRauthoritative", value="true" if lang == "zh" else "false")
        _sub(expression, "FRBRlanguage", language=LANGUAGE[lang])
        if lang != "zh":
            _sub(expression, "FRBRtranslation", href=expression_uri(slug, "zh"), fromLanguage=LANGUAGE["zh"], by="#project", authoritative="false")
        manifestation = _sub(identification, "FRBRManifestation")
        _sub(manifestation, "FRBRthis", value=f"{expression_uri(slug, lang)}/!main.xml")
        _sub(manifestation, "FRBRuri", value=f"{expression_uri(slug, lang)}.akn")
        _sub(manifestation, "FRBRdate", date=date, name=date_name)
        _sub(manifestation, "FRBRauthor", href="#project")
        _sub(manifestation, "FRBRformat", value="application/akn+xml")
        if FULL_DATE.match(data.date_published):
            _sub(meta, "publication", date=data.date_published, name="source", showAs=localized(data, "issuer", lang))
        references = _sub(meta, "references", source="#project")
        _sub(references, "TLCOrganization", eId="issuer", href=f"/ontology/organization/cn/{slug}.issuer", showAs=localized(data, "issuer", lang))
        _sub(references, "TLCOrganization", eId="project", href="/ontology/organization/ip-plans", showAs=localized(self.corpus.publication, "name", lang))
        # 有效性 only where it is known (sources/publication.toml maps it); "不详" and the like are omitted.
        force = self.corpus.publication.force(data.validity_zh)
        facts = {"dateWritten": data.date_written, "datePublished": data.date_published, "validity": force and data.validity_zh, "legalForce": force}
        facts = {key: value for key, value in facts.items() if value}
        if facts:
            proprietary = _sub(meta, "proprietary", source="#project")
            holder = _sub(proprietary, "ipp:facts", **{"xmlns:ipp": EXTRA_NS})
            for key, value in facts.items():
                _sub(holder, f"ipp:{key}", value)

    # -- body -----------------------------------------------------------------
    def section(self, parent: ET.Element, section: Section) -> None:
        element = _sub(parent, HIERARCHY.get(section.level, "hcontainer"), eId=section.id)
        if element.tag == "hcontainer":
            element.set("name", f"level{section.level}")
        _sub(element, "num", heading_label(section, self.lang).strip())
        _sub(element, "heading", self.texts.get(section.id, section.title))
        if section.children:
            if section.blocks:
                self.blocks(_sub(element, "intro"), section.blocks)
            for child in section.children:
                self.section(element, child)
        else:
            content = _sub(element, "content")
            self.blocks(content, section.blocks)
            if not section.blocks:
                _sub(content, "p")

    def blocks(self, parent: ET.Element, blocks: list[Block]) -> None:
        for block in blocks:
            if block.kind == "table":
                self.table(parent, block)
            elif block.kind == "box":
                self.box(parent, block)
            else:
                self.p(parent, block.id, block.text, "dash" if block.kind == "dash" else "")
                if block.duty:
                    self.p(parent, block.duty.id, block.duty.text, "duty")

    def p(self, parent: ET.Element, key: str, zh: str, class_: str = "") -> None:
        attrs = {"eId": key, "class_": class_} if class_ else {"eId": key}
        paragraph = _sub(parent, "p", **attrs)
        # A translator's note stays out of the text: a noteRef points to it in meta/notes.
        last: ET.Element | None = None
        for text, is_note in split_notes(self.texts.with_notes(key, zh)):
            if is_note:
                eid = f"tn_{len(self.notes) + 1}"
                self.notes.append((eid, text))
                last = _sub(paragraph, "noteRef", href=f"#{eid}", marker="TN", class_="translatorNote")
            elif last is None:
                paragraph.text = (paragraph.text or "") + text
            else:
                last.tail = (last.tail or "") + text

    def insert_notes(self, meta: ET.Element) -> None:
        """meta/notes, after references and before proprietary as the schema orders them."""
        if not self.notes:
            return
        notes = ET.Element("notes", source="#project")
        for eid, text in self.notes:
            _sub(_sub(notes, "note", eId=eid, class_="translatorNote"), "p", text)
        children = list(meta)
        place = next((i for i, child in enumerate(children) if child.tag == "proprietary"), len(children))
        meta.insert(place, notes)

    def box(self, parent: ET.Element, block: Block) -> None:
        box = _sub(parent, "blockContainer", eId=block.id, class_="box")
        _sub(box, "num", str(block.number))
        _sub(box, "heading", self.texts.get(anchors.box_title_key(block.id), block.title))
        self.blocks(box, block.blocks)
        if not block.blocks:
            _sub(box, "p")

    def table(self, parent: ET.Element, block: Block) -> None:
        table = _sub(parent, "table", eId=block.id)
        if block.caption:
            _sub(table, "caption", self.texts.get(anchors.caption_key(block.id), block.caption))
        for r, row in enumerate(block.rows):
            tr = _sub(table, "tr", eId=anchors.row_id(block.id, r))
            for col, value in enumerate(row, start=1):
                # As on the page: only cells with Chinese text are translated.
                text = self.texts.get(anchors.cell_key(block.id, r, col), value) if has_cjk(value) else value
                _sub(_sub(tr, "th" if r == 0 else "td"), "p", text)


def render_akn(corpus: Corpus, plan: Plan, lang: str) -> str:
    return AknWriter(corpus, plan, lang).render()
