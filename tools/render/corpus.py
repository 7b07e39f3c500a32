"""What every page writer reads: the plans in reading order, their annotations, the sources
tree they came from and its interface strings, with the citation rule bound to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from tools.annotate import similar, translations
from tools.annotate.annotations import Annotations
from tools.annotate.translations import Entry
from tools.common.paths import SourceTree
from tools.common.ui import Strings, localized
from tools.model import anchors
from tools.model.document import Plan
from tools.model.publication import Publication, load_publication


@dataclass
class Corpus:
    tree: SourceTree
    plans: list[Plan]  # reading order: by first year of the period, then slug
    notes: Annotations
    strings: Strings
    _english: dict[str, dict[str, Entry]] = field(default_factory=dict, repr=False)

    @cached_property
    def by_slug(self) -> dict[str, Plan]:
        return {plan.data.slug: plan for plan in self.plans}

    @cached_property
    def publication(self) -> Publication:
        """This edition's name, licence and the legal-force vocabulary (sources/publication.toml)."""
        return load_publication(self.tree.publication)

    @cached_property
    def similar(self) -> dict[tuple[str, str], list[similar.Match]]:
        """(plan slug, anchor) → paragraphs of other plans sharing its wording (tools.annotate.similar)."""
        return similar.find_similar(self.plans, similar.load_formulas(self.tree.similar))

    @cached_property
    def similar_rendered(self) -> dict:
        """Markdown of each similar passage once rendered, per language (tools.render.similar_passages):
        a passage listed under several paragraphs is written once."""
        return {}

    @cached_property
    def revisions(self):
        """This edition's revision history (sources/changelog.toml), checked against the plans."""
        from tools.model.changelog import load_changelog

        return load_changelog(self.tree.root / "changelog.toml", self.plans)

    def english(self, plan: Plan) -> dict[str, Entry]:
        slug = plan.data.slug
        if slug not in self._english:
            self._english[slug] = translations.for_plan(plan)
        return self._english[slug]

    def section_title(self, plan: Plan, anchor: str, lang: str) -> str:
        section = plan.section(anchor)
        if lang == "zh" or section is None:
            return section.title if section else ""
        entry = self.english(plan).get(anchor)
        return entry.en if entry and entry.en else section.title

    def place(self, plan: Plan, anchor: str, lang: str) -> str:
        """三（一）1 第2段 / §3.1.1 ¶2 (tools.model.anchors)."""
        return anchors.place_name(anchor, lang, self.strings, plan.numbers)

    def reference(self, plan: Plan, anchor: str, lang: str) -> str:
        """A short cross-reference: 新疆“十三五”规划 三（二）2 / Xinjiang 2016–2020 §3.2.2."""
        return f"{localized(plan.data, 'short', lang)} {self.place(plan, anchor, lang)}"

    def cited_title(self, plan: Plan, lang: str) -> str:
        return plan.data.title_zh if lang == "zh" else plan.data.cite_en

    def citation(self, plan: Plan, anchor: str, lang: str) -> str:
        """The citation text of one part of a plan, as ARCHITECTURE.md defines it."""
        return anchors.citation(self.cited_title(plan, lang), self.place(plan, anchor, lang), lang, self.strings)
