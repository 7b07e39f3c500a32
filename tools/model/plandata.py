"""Load and validate the per-plan data files in sources/plans/*.toml."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from tools.common.errors import InputError
from tools.common.paths import SourceTree
from tools.common.tomldata import ID_RE, line_of, load_toml

REQUIRED_TEXT = (
    "slug", "source", "script", "title_zh", "title_en", "cite_en", "issuer_zh", "issuer_en",
    "level_zh", "level_en", "kind_zh", "kind_en", "description_zh", "description_en",
)
OPTIONAL_TEXT = (
    "date_written", "date_published", "doc_number", "validity_zh", "predecessor", "successor",
    "short_zh", "short_en", "encoding",
)
# traditional: characters only (mainland or Hong Kong vocabulary); traditional-taiwan: characters and vocabulary.
SCRIPTS = ("simplified", "traditional", "traditional-taiwan")
LINE_ROLES = ("drop", "meta", "notice", "notice-title", "closing")


@dataclass(frozen=True)
class LineRule:
    """How one known non-body source line is treated."""

    match: str
    role: str
    reason: str = ""
    field: str = ""


@dataclass
class PlanData:
    tree: SourceTree  # the sources tree the plan was read from; its other inputs sit beside it
    path: Path
    slug: str
    source: Path
    script: str
    title_zh: str
    title_en: str
    cite_en: str
    issuer_zh: str
    issuer_en: str
    level_zh: str
    level_en: str
    kind_zh: str
    kind_en: str
    description_zh: str
    description_en: str
    period: tuple[int, int]
    date_written: str = ""
    date_published: str = ""
    doc_number: str = ""
    validity_zh: str = ""
    predecessor: str = ""
    successor: str = ""
    short_zh: str = ""  # a short name for cross-references; the title when not given
    short_en: str = ""
    encoding: str = ""  # the source file's codec when detection must not guess (e.g. "big5")
    stray_question_marks: bool = False
    lines: list[LineRule] = field(default_factory=list)


def load_plan(path: Path, tree: SourceTree) -> PlanData:
    """Read one plan data file; raise InputError naming the file and line."""
    data, raw = load_toml(path)
    for key in REQUIRED_TEXT:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            problem = "missing required field" if value is None else "empty or non-text field"
            raise InputError(path, line_of(raw, key), f"{problem} {key!r}")
    if not ID_RE.match(data["slug"]):
        raise InputError(path, line_of(raw, "slug"), f"slug {data['slug']!r} is not lower-case ASCII words joined by '-'")
    if data["slug"] != path.stem:
        raise InputError(path, line_of(raw, "slug"), f"slug {data['slug']!r} does not match file name {path.stem!r}")
    if data["script"] not in SCRIPTS:
        raise InputError(path, line_of(raw, "script"), f"unknown script mode {data['script']!r}; must be one of {', '.join(SCRIPTS)}")
    if "encoding" in data and not _known_codec(data["encoding"]):
        raise InputError(path, line_of(raw, "encoding"), f"unknown encoding {data['encoding']!r}")
    period = data.get("period")
    if not (isinstance(period, list) and len(period) == 2 and all(isinstance(y, int) for y in period) and period[0] <= period[1]):
        raise InputError(path, line_of(raw, "period"), "period must be [first_year, last_year]")
    source = (tree.root / data["source"]).resolve()
    if not source.is_file():
        raise InputError(path, line_of(raw, "source"), f"source file {data['source']!r} does not exist")
    rules = []
    for index, rule in enumerate(data.get("lines", []), start=1):
        if rule.get("role") not in LINE_ROLES or not rule.get("match"):
            raise InputError(path, None, f"[[lines]] entry {index} needs `match` and a role among {', '.join(LINE_ROLES)}")
        rules.append(LineRule(rule["match"], rule["role"], rule.get("reason", ""), rule.get("field", "")))
    normalize = data.get("normalize", {})
    short = {"short_zh": data.get("short_zh") or data["title_zh"], "short_en": data.get("short_en") or data["cite_en"]}
    return PlanData(
        tree=tree,
        path=path,
        source=source,
        period=(period[0], period[1]),
        stray_question_marks=bool(normalize.get("stray_question_marks", False)),
        lines=rules,
        **{key: data[key] for key in REQUIRED_TEXT if key != "source"},
        **{key: str(data.get(key, "")) for key in OPTIONAL_TEXT if key not in short},
        **short,
    )


def _known_codec(name: object) -> bool:
    try:
        return isinstance(name, str) and codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


def load_all(tree: SourceTree) -> list[PlanData]:
    """Every plan of a sources tree, ordered by slug so that output is deterministic."""
    plans = [load_plan(path, tree) for path in sorted(tree.plans.glob("*.toml"))]
    if not plans:
        raise InputError(tree.plans, None, "no plan data files found")
    slugs = {plan.slug for plan in plans}
    for plan in plans:
        for relation in ("predecessor", "successor"):
            target = getattr(plan, relation)
            if target and target not in slugs:
                raw = plan.path.read_text(encoding="utf-8")
                raise InputError(plan.path, line_of(raw, relation), f"{relation} {target!r} is not a plan in the corpus")
    return plans
