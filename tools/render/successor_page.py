"""The comparison of a plan with its predecessor (/compare/<earlier>--<later>/, zh and en).

Every section of the later plan, in reading order, stands beside its counterparts in the
earlier plan (tools/annotate/alignment.py); a section without one is marked new, and the
earlier plan's sections that no later section continues are listed at the end, marked not
continued. Within a pair the changed words are marked (<ins>/<del>, tools/annotate/worddiff.py).

Each copied passage is wrapped in an element with data-plan="<slug>" and data-search-exclude
(the compare-page contract), so it never competes in search with the section on its own page.
Each passage title links to its canonical section and carries that section's citation
(data-cite, from tools.model.anchors through Corpus.citation) and address (data-cite-url),
so the cite button copies the plan's address, not this page's.
"""

from __future__ import annotations

from tools.annotate.alignment import REVIEWED, Alignment, Pair, own_pieces
from tools.annotate.translations import without_notes
from tools.annotate.worddiff import DELETED, EQUAL, INSERTED, Paragraph, Run, word_diff
from tools.common import contract as c
from tools.common.ui import HTML_LANG, localized
from tools.model import anchors
from tools.model.document import Plan, Section
from tools.model.headings import heading_levels
from tools.render.corpus import Corpus
from tools.render.markdown import attr_html, block_attrs, front_matter, safe
from tools.render.target_lineage import successor_targets_markdown

DEPTH = 2  # compare/<earlier>--<later>/index.md
ROW, EARLIER, LATER = c.SUCC_ROW, c.SUCC_EARLIER, c.SUCC_LATER
PASSAGE, PASSAGE_TITLE, STATUS, LEGEND = c.SUCC_PASSAGE, c.SUCC_TITLE, c.SUCC_STATUS, c.SUCC_LEGEND


def page_slug(alignment: Alignment) -> str:
    return anchors.successor_slug(alignment.earlier, alignment.later)


def page_file(alignment: Alignment, lang: str) -> str:
    suffix = "" if lang == "zh" else f".{lang}"
    return f"{page_slug(alignment)}/index{suffix}.md"


def page_path(alignment: Alignment, lang: str) -> str:
    return anchors.page_path(page_slug(alignment), lang)


def link_from_plan_page(alignment: Alignment) -> str:
    """A Markdown link target from a plan page (/slug/) to the comparison."""
    return anchors.page_link(page_slug(alignment))


class ComparisonWriter:
    def __init__(self, corpus: Corpus, alignment: Alignment, lang: str) -> None:
        self.corpus = corpus
        self.alignment = alignment
        self.lang = lang
        self.earlier = corpus.by_slug[alignment.earlier]
        self.later = corpus.by_slug[alignment.later]
        self.labels = corpus.strings.of(lang)
        self.out: list[str] = []
        # The one heading-level rule (tools.model.headings): the later plan's sections under the h2 of the rows.
        self.levels = heading_levels(self.later.sections, base=3)

    def emit(self, *lines: str) -> None:
        self.out.extend(lines)

    def label(self, key: str, **values: object) -> str:
        return self.corpus.strings.get(self.lang, key, **values)

    # -- text of a section, in the page's language ---------------------------------
    def paragraphs(self, plan: Plan, section: Section) -> list[str]:
        english = self.corpus.english(plan) if self.lang == "en" else {}
        texts = []
        for key, zh in own_pieces(section):
            if self.lang == "zh":
                texts.append(zh)
            else:
                entry = english.get(key)
                texts.append(without_notes(entry.en).strip() if entry and entry.en.strip() else f"[untranslated] {zh}")
        return texts

    def title(self, plan: Plan, section: Section) -> str:
        return self.corpus.section_title(plan, section.id, self.lang)

    def number(self, section: Section) -> str:
        """三（一）5 in Chinese, §3.1.5 in English (tools.model.anchors)."""
        return section.number if self.lang == "zh" else anchors.english_number(section.id)

    def short(self, plan: Plan) -> str:
        return localized(plan.data, "short", self.lang)

    # -- page -------------------------------------------------------------------
    def render(self) -> str:
        earlier, later = self.short(self.earlier), self.short(self.later)
        title = self.label("succ_title", earlier=earlier, later=later)
        # Two columns need the width of the site navigation; the table of contents stays, to reach a section.
        self.emit(*front_matter(title, self.label("succ_description", earlier=earlier, later=later), hide=("navigation",)))
        self.emit(f"# {safe(title)} {{#{c.TITLE_ID}{' ' + c.PAGE_URL}=\"{page_path(self.alignment, self.lang)}\"}}", "")
        self.intro()
        targets = successor_targets_markdown(self.corpus, self.alignment.earlier, self.alignment.later, self.lang)
        if targets.strip():
            self.emit(targets.rstrip(), "")
        self.emit(f"## {safe(self.label('succ_sections'))} {{#sections}}", "")
        for section in self.later.walk():
            self.row(section)
        self.not_continued()
        return "\n".join(self.out).rstrip() + "\n"

    def intro(self) -> None:
        later_ids = [section.id for section in self.later.walk()]
        paired = {pair.later for pair in self.alignment.pairs}
        continued = self.alignment.continued()
        review = self.alignment.review_file or self.label("succ_intro_no_review")
        self.emit(safe(self.label(
            "succ_intro", earlier=self.short(self.earlier), later=self.short(self.later), review=review,
            continued=len(paired), new=len(later_ids) - len(paired),
            dropped=sum(1 for section in self.earlier.walk() if section.id not in continued),
        )), "")
        legend = self.label("succ_legend", ins="\x00", deleted="\x01")
        before, rest = legend.split("\x00")
        middle, after = rest.split("\x01")
        self.emit(safe(before) + f"<ins>{attr_html(self.label('succ_legend_ins'))}</ins>" + safe(middle)
                  + f"<del>{attr_html(self.label('succ_legend_del'))}</del>" + safe(after), f"{{: .{LEGEND} }}", "")
        data = f"{anchors.to_site_root(self.lang)}../data/alignments.json"
        before, after = self.label("succ_data").split("{link}")
        self.emit(f'{safe(before)}<a href="{attr_html(data)}" download>alignments.json</a>{safe(after)}', "")

    # -- one section of the later plan --------------------------------------------
    def row(self, section: Section) -> None:
        """The row: its heading, the earlier plan's side, the later plan's passage. The sides are the row's
        own children (its grid's two columns on a wide screen, stacked below): a side with one passage is
        that passage, a side with none its status line, and only a side of several passages has a wrapper."""
        pairs = self.alignment.counterparts(section.id)
        heading = f"{self.number(section)} {self.title(self.later, section)}"
        row_id = anchors.copy_id(self.later.data.slug, section.id)
        self.emit(f"/// html | section.{ROW}", "", f"{'#' * self.levels[section.id]} {safe(heading)} {{#{row_id}}}", "")
        later_text = self.paragraphs(self.later, section)
        counterpart_text: list[str] = []
        if not pairs:
            self.emit(safe(self.label("succ_new")), f"{{: .{STATUS} .{EARLIER} }}", "")
        if len(pairs) > 1:
            self.emit(f"/// html | div.{EARLIER}", "")
        for pair in pairs:
            earlier_section = self.earlier.section(pair.earlier)
            text = self.paragraphs(self.earlier, earlier_section)
            counterpart_text += text
            marked, _ = word_diff(text, later_text, self.lang) if later_text else ([[]], [])
            element_id = f"{anchors.copy_id(self.earlier.data.slug, pair.earlier)}--{section.id}"  # one earlier section may continue into several
            self.passage(self.earlier, earlier_section, marked if later_text else None, element_id, pair,
                         side=EARLIER if len(pairs) == 1 else "")
        if len(pairs) > 1:
            self.emit("///", "")
        marked = word_diff(counterpart_text, later_text, self.lang)[1] if counterpart_text and later_text else None
        self.passage(self.later, section, marked, f"{row_id}--text", side=LATER)  # the row's heading holds the copy id
        self.emit("///", "")

    def passage(self, plan: Plan, section: Section, marked: list[Paragraph] | None, element_id: str,
                pair: Pair | None = None, side: str = "") -> None:
        """One section of one plan: its linked, citable title, then its text with its marks. `side` is a
        class the passage also carries: the row's side it stands for, or the row it is (not continued)."""
        slug = plan.data.slug
        attrs = {c.PLAN: slug, c.SEARCH_EXCLUDE: "", "lang": HTML_LANG[self.lang]}
        self.emit(f"/// html | div.{PASSAGE}{'.' + side if side else ''}", f"    attrs: {block_attrs(attrs)}", "")
        link = anchors.page_link(slug, section.id, depth=DEPTH)
        name = f"{self.short(plan)} {self.number(section)} {self.title(plan, section)}"
        cite = attr_html(self.corpus.citation(plan, section.id, self.lang))
        url = anchors.anchor_path(slug, section.id, self.lang)
        self.emit(f"[{safe(name)}]({link})", f'{{: #{element_id} .{PASSAGE_TITLE} {c.CITE}="{cite}" {c.CITE_URL}="{url}" }}', "")
        if pair is not None:
            status = self.label("succ_counterpart", similarity=f"{pair.similarity:.2f}")
            if pair.source == REVIEWED:
                status += f" · {self.label('succ_reviewed')}"
            self.emit(safe(status), f"{{: .{STATUS} }}", "")
        texts = self.paragraphs(plan, section)
        paragraphs = marked if marked is not None else [[Run(EQUAL, text)] for text in texts]
        for runs in paragraphs:
            line = "".join(_run_html(run) for run in runs)
            if line.strip():
                self.emit(line, "")
        self.emit("///", "")

    def not_continued(self) -> None:
        continued = self.alignment.continued()
        missing = [section for section in self.earlier.walk() if section.id not in continued]
        if not missing:
            return
        self.emit(f"## {safe(self.label('succ_not_continued'))} {{#not-continued}}", "")
        self.emit(safe(self.label("succ_not_continued_intro", later=self.short(self.later))), "")
        for section in missing:
            self.passage(self.earlier, section, None, anchors.copy_id(self.earlier.data.slug, section.id), side=ROW)


def _run_html(run: Run) -> str:
    text = safe(run.text)
    if run.kind == INSERTED:
        return f"<ins>{text}</ins>"
    if run.kind == DELETED:
        return f"<del>{text}</del>"
    return text


def render_successor_page(corpus: Corpus, alignment: Alignment, lang: str) -> str:
    return ComparisonWriter(corpus, alignment, lang).render()
