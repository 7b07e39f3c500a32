"""Load and validate the per-plan data files in sources/plans/*.toml."""

from __future__ import annotations

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
    "short_zh", "short_en", "jurisdiction_zh", "jurisdiction_en",
)
# The issuing bodies one by one (for machine-readable data); omitted where the source names none.
OPTIONAL_LISTS = ("issuers_zh", "issuers_en")
SCRIPTS = ("simplified", "traditional-taiwan")
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
    jurisdiction_zh: str = ""  # the region whose government issued the plan
    jurisdiction_en: str = ""
    issuers_zh: tuple[str, ...] = ()
    issuers_en: tuple[str, ...] = ()
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
        raise InputError(path, line_of(raw, "script"), f"script must be one of {', '.join(SCRIPTS)}")
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
    lists = {key: _text_list(data, raw, path, key) for key in OPTIONAL_LISTS}
    if len(lists["issuers_zh"]) != len(lists["issuers_en"]):
        raise InputError(path, line_of(raw, "issuers_en"), "issuers_zh and issuers_en must name the same bodies")
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
        **lists,
    )


def _text_list(data: dict, raw: str, path: Path, key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not (isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)):
        raise InputError(path, line_of(raw, key), f"{key} must be a list of non-empty texts")
    return tuple(value)


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
