"""Topic comparison pages: for one topic of sources/topics.toml, the full text of every plan's
sections on it, grouped by plan (/topics/<id>/ and /en/topics/<id>/).

Each section is written by plan_page.PageWriter, so it is the plan page's text block for block
(headings, paragraphs, boxes, tables, duty notes, sub-sections, twins for side-by-side mode,
translator's notes). What differs is said by PassageWriter's overrides:
- ids are `<slug>--<anchor>` (anchors.copy_id): unique on the page and never the canonical anchor;
- each citable element carries its canonical address (data-cite-url) beside the citation text,
  both from tools.model.anchors, so the cite control copies what it copies on the plan page;
- headings are shifted so that each listed section starts at h2 under the page title;
- links are written from a page two folders deep;
- no see-also lines and no similar-passage disclosures: the page is itself the comparison.
Each plan's passages sit in a collapsible <details> (pymdownx.blocks.details) that carries
data-plan and data-search-exclude (the shared contract in tools/common/contract.py). Which plans
show, and whether they stand in columns, is up to site.js and site.css (data-columns).
"""

from __future__ import annotations

import html
import json

from tools.annotate.glossary import abbreviation_lines
from tools.annotate.topics import Topic
from tools.common import contract as c
from tools.common.ui import localized, pick
from tools.model import anchors
from tools.model.document import Plan, Section
from tools.model.headings import heading_levels
from tools.render import csl
from tools.render.corpus import Corpus
from tools.render.markdown import block_attrs, data_attr, safe
from tools.render.plan_page import PageWriter

DEPTH = 2  # topics/<id>/index.md


def listed_sections(plan: Plan, places: list[str]) -> list[Section]:
    """The sections listed for a plan, in reading order; one inside another listed one is
    already shown whole with its parent, so it is not shown twice."""
    listed = set(places)
    sections = []
    for section in plan.walk():
        if section.id not in listed:
            continue
        if any(section.id.startswith(other + "-") for other in listed):
            continue
        sections.append(section)
    return sections


def columns(count: int) -> int:
    """Plans stand in columns where two or three fit; one plan, or four and more, are stacked
    (the same rule, from the same constant, in site.js when the reader chooses plans)."""
    return count if count in c.COMPARE_COLUMN_COUNTS else 1


class PassageWriter(PageWriter):
    """Writes whole sections of one plan for a page that is not the plan's own."""

    def __init__(self, corpus: Corpus, plan: Plan, lang: str) -> None:
        super().__init__(corpus, plan, lang)
        self.embedded_levels: dict[str, int] = {}

    def anchor_id(self, anchor: str) -> str:
        return anchors.copy_id(self.plan.data.slug, anchor)

    def cite_data(self, anchor: str) -> dict[str, str]:
        url = anchors.anchor_path(self.plan.data.slug, anchor, self.lang)
        return {**super().cite_data(anchor), c.CITE_URL: url}

    def heading_level(self, section: Section) -> int:
        return self.embedded_levels[section.id]

    def link(self, slug: str, anchor: str = "") -> str:
        return anchors.page_link(slug, anchor, depth=DEPTH)

    def see_also(self, section: Section) -> None:
        """The page is itself the comparison: no see-also lines inside the copies."""

    def similar_passages(self, anchor: str) -> None:
        """Nor similar-passage disclosures: they are a plan page's way to compare, and here they
        would nest copies of other plans inside a copy."""

    def whole(self, section: Section) -> None:
        """A section with everything under it, as on the plan page."""
        # The one heading-level rule (tools.model.headings), the embedded section at h2.
        self.embedded_levels = heading_levels([section], base=2)
        self.source_line(section)
        stack = [section]
        while stack:
            current = stack.pop()
            self.section(current)
            stack.extend(reversed(current.children))

    def source_line(self, section: Section) -> None:
        """Where the section stands in the plan: its short name and printed number, linked there
        (the title follows in the section's own heading)."""
        reference = self.corpus.reference(self.plan, section.id, self.lang)
        label = self.labels["topic_compare_read_in_plan"].format(ref=reference)
        self.emit(f"[{safe(label)}]({self.link(self.plan.data.slug, section.id)})",
                  f"{{: .{c.COMPARE_SOURCE} .{c.ANNOTATION} {c.SEARCH_EXCLUDE} }}", "")


def group_summary(corpus: Corpus, plan: Plan, sections: list[Section], lang: str) -> str:
    """The line that names a plan's group: its short name and how many sections it shows."""
    key = "topic_compare_plan_summary_one" if len(sections) == 1 else "topic_compare_plan_summary"
    return corpus.strings.get(lang, key, plan=localized(plan.data, "short", lang), count=len(sections))


def plan_picker(corpus: Corpus, groups: list[tuple[Plan, list[Section]]], lang: str) -> list[str]:
    """The reader's choice of plans (a checkbox per group, all checked), for two plans or more.
    Written into the page, not by site.js, so that it holds its place from the first paint and the
    passages under it do not move when the script runs (a layout shift, issue 21); site.js reads the
    choice from the address and acts on it. Without script it keeps its place unseen (`.no-js`)."""
    if len(groups) < 2:
        return []
    boxes = [f'<label><input type="checkbox" value="{plan.data.slug}" checked> '
             f'{html.escape(group_summary(corpus, plan, sections, lang))}</label>' for plan, sections in groups]
    return [
        f'<fieldset class="{c.COMPARE_PICKER} {c.NO_TOOLTIPS}" {c.SEARCH_EXCLUDE}>',
        f"<legend>{html.escape(corpus.strings.get(lang, 'js_topic_compare_legend'))}</legend>",
        *boxes,
        f"<p>{html.escape(corpus.strings.get(lang, 'js_topic_compare_hint'))}</p>",
        "</fieldset>",
        "",
    ]


def render_compare_page(corpus: Corpus, topic: Topic, lang: str) -> str:
    labels = corpus.strings.of(lang)
    title = labels["topic_compare_title"].format(topic=topic.name(lang))
    groups = [(plan, listed_sections(plan, topic.sections[plan.data.slug])) for plan in corpus.plans if plan.data.slug in topic.sections]
    groups = [(plan, sections) for plan, sections in groups if sections]
    count = sum(len(sections) for _, sections in groups)
    description = localized(topic, "description", lang)
    out = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "hide:",
        "  - navigation",
        "  - toc",
        "---",
        "",
        f"# {safe(title)} {{#{c.TITLE_ID}{data_attr(c.PAGE_URL, anchors.page_path(anchors.compare_slug(topic.id), lang))}}}",
        "",
        safe(description),
        "",
        # The same words on every comparison: kept out of the search index, which finds the page by its title and description.
        safe(labels["topic_compare_intro"]) + pick(lang, "", " ") + safe(labels["topic_compare_counts"].format(plans=len(groups), sections=count)),
        f"{{: {c.SEARCH_EXCLUDE} }}",
        "",
        f"[{safe(labels['topic_compare_back'])}](../index.md#topic-{topic.id})",
        f"{{: {c.SEARCH_EXCLUDE} }}",
        "",
        *plan_picker(corpus, groups, lang),
        f"/// html | div.{c.COMPARE}",
        f"    attrs: {block_attrs({c.COLUMNS: str(columns(len(groups)))})}",
        "",
    ]
    body: list[str] = []
    for plan, sections in groups:
        slug = plan.data.slug
        summary = group_summary(corpus, plan, sections, lang)
        writer = PassageWriter(corpus, plan, lang)
        for section in sections:
            writer.whole(section)
        attrs = {"class": c.COMPARE_PLAN, "id": f"plan-{slug}", c.PLAN: slug, c.SEARCH_EXCLUDE: ""}
        out += [
            f"/// details | {safe(summary)}",
            "    open: true",
            f"    attrs: {block_attrs(attrs)}",
            "",
            # The plan's per-section reference entries, for the cite dialog of its passages (assets/site.js).
            csl.section_script(corpus, plan, lang),
            "",
            f"/// html | div.{c.COMPARE_BODY}",
            "",
            *writer.out,
            "///",
            "",
            "///",
            "",
        ]
        body += writer.out
    out += ["///", ""]
    # Glossary definitions for the terms in the passages (tools/site/tooltips.py), as on a plan page.
    lines = abbreviation_lines(corpus.notes.terms, lang, "\n".join(body))
    if lines:
        out += ["", *lines, ""]
    return "\n".join(out).rstrip() + "\n"
