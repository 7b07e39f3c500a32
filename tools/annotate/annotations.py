"""Everything the site adds to the plans' text: glossary, targets, references, topics.

The data files belong to the sources tree (tools.common.paths.SourceTree), so a test corpus
brings its own; a missing file means no annotations of that kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tools.annotate.alignment import Alignment, load_alignments
from tools.annotate.glossary import Term, load_glossary, used_in
from tools.annotate.lineage import Lineage, load_lineages
from tools.annotate.references import Document, load_references
from tools.annotate.targets import Indicator, Target, check_units, load_indicators, load_targets
from tools.annotate.topics import Topic, load_topics
from tools.common.paths import SourceTree
from tools.model.document import Plan


@dataclass
class Annotations:
    terms: list[Term] = field(default_factory=list)
    term_uses: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    targets: list[Target] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    lineages: list[Lineage] = field(default_factory=list)  # targets over time, one per plan and predecessor
    alignments: list[Alignment] = field(default_factory=list)  # successive plans, section by section

    def lineage(self, earlier: str, later: str) -> Lineage | None:
        return next((item for item in self.lineages if (item.earlier, item.later) == (earlier, later)), None)

    def targets_of(self, slug: str) -> list[Target]:
        return [target for target in self.targets if target.plan == slug]


def load_annotations(tree: SourceTree, plans: list[Plan]) -> Annotations:
    terms = load_glossary(tree.glossary, {plan.data.slug for plan in plans})
    indicators = load_indicators(tree.indicators)
    targets = []
    for plan in plans:
        targets += load_targets(tree.targets_file(plan.data.slug), plan, indicators)
    check_units(targets, tree.targets)
    lineages = load_lineages(tree, plans, targets)
    return Annotations(
        terms=terms,
        term_uses=used_in(terms, plans),
        indicators=indicators,
        targets=targets,
        documents=load_references(tree.references, {plan.data.slug for plan in plans}),
        topics=load_topics(tree.topics, plans),
        lineages=lineages,
        alignments=load_alignments(tree, plans),
    )
