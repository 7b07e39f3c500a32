"""Where things live: the repository, and one sources tree with every input the pipeline reads.

`SourceTree` is the only place that knows the layout of sources/. Pointing the pipeline at
another tree (`python -m tools --sources DIR`, a test corpus, the scale benchmark) moves
every input at once: plans, seeds, translations, annotations, interface strings, metadata
labels and the OpenCC configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
SITE = REPO / "site"
BUNDLE = REPO / "dist" / "ip-plans-offline.zip"
REVIEW = REPO / "dist" / "review-en.md"  # the English review report, outside the site
# Build caches (ignored by git), each keyed by everything its entries are made from.
CACHE = REPO / ".cache"
PDF_CACHE = CACHE / "pdf"  # printed PDFs (tools.publish.pdf)
FONT_CACHE = CACHE / "fonts"  # the PDFs' Chinese face with TrueType outlines (tools.publish.printfont)
TEMPLATE_CACHE = CACHE / "jinja"  # compiled theme templates (tools.site.hooks)
VOCABULARY_CACHE = CACHE / "search"  # the search index's Chinese vocabulary (tools.site.search_index)


@dataclass(frozen=True)
class SourceTree:
    root: Path

    @property
    def plans(self) -> Path:
        return self.root / "plans"

    @property
    def translations(self) -> Path:
        return self.root / "translations"

    @property
    def targets(self) -> Path:
        return self.root / "targets"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary.toml"

    @property
    def indicators(self) -> Path:
        return self.root / "indicators.toml"

    @property
    def references(self) -> Path:
        return self.root / "references.toml"

    @property
    def topics(self) -> Path:
        return self.root / "topics.toml"

    @property
    def alignments(self) -> Path:
        """Reviewed section alignments of successive plans: <earlier>--<later>.toml."""
        return self.root / "alignments"

    @property
    def terminology(self) -> Path:
        return self.root / "terminology.toml"

    @property
    def house_style(self) -> Path:
        return self.root / "house-style.toml"

    @property
    def ui(self) -> Path:
        return self.root / "ui.toml"

    @property
    def metadata_fields(self) -> Path:
        return self.root / "metadata-fields.toml"

    @property
    def publication(self) -> Path:
        return self.root / "publication.toml"

    @property
    def similar(self) -> Path:
        """Political formulas that never make two passages similar (tools.annotate.similar)."""
        return self.root / "similar.toml"

    @property
    def opencc(self) -> Path:
        return self.root / "opencc"

    def plan_file(self, slug: str) -> Path:
        return self.plans / f"{slug}.toml"

    def translation_file(self, slug: str) -> Path:
        return self.translations / f"{slug}.en.toml"

    def targets_file(self, slug: str) -> Path:
        return self.targets / f"{slug}.toml"

    @property
    def target_lineage(self) -> Path:
        """Reviewed judgements on how a plan's targets continue in its successor's: one file per pair."""
        return self.targets / "lineage"

    def target_lineage_file(self, earlier: str, later: str) -> Path:
        return self.target_lineage / f"{earlier}--{later}.toml"

    def shown(self, path: Path) -> str:
        """A path as readers see it on the page: relative to the folder that holds the tree."""
        return path.resolve().relative_to(self.root.resolve().parent).as_posix()


SOURCES = SourceTree(REPO / "sources")


# CSL styles vendored because no package ships them (tools.render.csl; licence in its README).
CSL_STYLES = REPO / "sources" / "csl"
