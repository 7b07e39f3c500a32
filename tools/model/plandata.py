"""Load and validate the per-plan data files in sources/plans/*.toml."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from tools.common.errors import InputError
from tools.common.paths import SourceTree
from tools.common.tomldata import ID_RE, entry_lines, line_of, load_toml, table_line
from tools.model import duties, numbering

REQUIRED_TEXT = (
    "slug", "source", "script", "title_zh", "title_en", "cite_en", "issuer_zh", "issuer_en",
    "level_zh", "level_en", "kind_zh", "kind_en", "description_zh", "description_en",
)
OPTIONAL_TEXT = (
    "date_written", "date_published", "doc_number", "validity_zh", "predecessor", "successor",
    "short_zh", "short_en", "encoding", "jurisdiction_zh", "jurisdiction_en", "region_zh", "region_en",
)
# The issuing bodies one by one (for machine-readable data); omitted where the source names none.
OPTIONAL_LISTS = ("issuers_zh", "issuers_en")
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


@dataclass(frozen=True)
class Numbering:
    """How the body is numbered ([numbering] in the plan data); defaults are the five plans' layout."""

    levels: tuple[str, ...] = numbering.DEFAULT_LEVELS  # outermost first, keys of numbering.MARKERS
    loose: tuple[str, ...] = numbering.DEFAULT_LOOSE  # levels that may sit under any outer level
    # Longest lead sentence promoted to a heading. None (the default): a lead is promoted when it reads
    # as a heading (tools.model.parse.reads_as_heading); N: when it has at most N characters; 0: always.
    title_max: int | None = None
    duty_notes: tuple[str, ...] = duties.DEFAULT  # keys of duties.PATTERNS


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
    jurisdiction_zh: str = ""  # the region whose government issued the plan
    jurisdiction_en: str = ""
    region_zh: str = ""  # the province-level region the plan belongs to (the plans page filters on it)
    region_en: str = ""
    issuers_zh: tuple[str, ...] = ()
    issuers_en: tuple[str, ...] = ()
    stray_question_marks: bool = False
    chart_series: int | None = None  # the plan's colour in charts (series-N in site.css); see chart_series()
    lines: list[LineRule] = field(default_factory=list)
    numbering: Numbering = field(default_factory=lambda: Numbering())


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
    entries = entry_lines(raw, "lines")
    lines = data.get("lines", [])
    if not isinstance(lines, list):
        raise InputError(path, line_of(raw, "lines"), "lines must be [[lines]] entries")
    for index, rule in enumerate(lines, start=1):
        where = entries[index - 1] if index <= len(entries) else None
        texts = (rule.get("match"), rule.get("reason", ""), rule.get("field", "")) if isinstance(rule, dict) else (None,)
        if not all(isinstance(text, str) for text in texts) or not texts[0] or rule.get("role") not in LINE_ROLES:
            raise InputError(
                path, where, f"[[lines]] entry {index} needs `match` (a text) and a role among {', '.join(LINE_ROLES)}; `reason` and `field` are texts",
            )
        rules.append(LineRule(rule["match"], rule["role"], rule.get("reason", ""), rule.get("field", "")))
    lists = {key: _text_list(data, raw, path, key) for key in OPTIONAL_LISTS}
    if len(lists["issuers_zh"]) != len(lists["issuers_en"]):
        raise InputError(path, line_of(raw, "issuers_en"), "issuers_zh and issuers_en must name the same bodies")
    normalize = data.get("normalize", {})
    scheme = load_numbering(path, raw, data.get("numbering", {}))
    series = data.get("chart_series")
    if series is not None and (not isinstance(series, int) or series < 0):
        raise InputError(path, line_of(raw, "chart_series"), "chart_series must be a whole number (a colour of the chart palette)")
    short = {"short_zh": data.get("short_zh") or data["title_zh"], "short_en": data.get("short_en") or data["cite_en"]}
    # A province-level plan's region is its jurisdiction unless the data says otherwise.
    short |= {f"region_{lang}": str(data.get(f"region_{lang}") or data.get(f"jurisdiction_{lang}", "")) for lang in ("zh", "en")}
    return PlanData(
        tree=tree,
        path=path,
        source=source,
        period=(period[0], period[1]),
        stray_question_marks=bool(normalize.get("stray_question_marks", False)),
        lines=rules,
        numbering=scheme,
        chart_series=series,
        **{key: data[key] for key in REQUIRED_TEXT if key != "source"},
        **{key: str(data.get(key, "")) for key in OPTIONAL_TEXT if key not in short},
        **short,
        **lists,
    )


def _known_codec(name: object) -> bool:
    try:
        return isinstance(name, str) and codecs.lookup(name)._is_text_encoding
    except LookupError:
        return False


def load_numbering(path: Path, raw: str, table) -> Numbering:
    """The [numbering] table: levels, loose levels, title rule and duty-note patterns, each checked against the known set."""
    where = table_line(raw, "numbering")
    if not isinstance(table, dict):
        raise InputError(path, line_of(raw, "numbering"), "numbering must be a table")
    unknown = set(table) - {"levels", "loose", "title_max", "duty_notes"}
    if unknown:
        raise InputError(path, where, f"unknown [numbering] key {sorted(unknown)[0]!r}")
    default = Numbering()
    levels = _keys(path, raw, table, "levels", default.levels, numbering.MARKERS)
    if not levels or len(levels) > numbering.MAX_LEVELS or len(set(levels)) != len(levels):
        raise InputError(path, line_of(raw, "levels"), f"levels must list 1 to {numbering.MAX_LEVELS} different markers")
    loose = _keys(path, raw, table, "loose", default.loose if "levels" not in table else (), levels)
    title_max = table.get("title_max", default.title_max)
    if title_max is not None and (not isinstance(title_max, int) or isinstance(title_max, bool) or title_max < 0):
        raise InputError(path, line_of(raw, "title_max"),
                         "title_max must be a whole number of characters (0: no limit; leave it out for the default rule)")
    notes = _keys(path, raw, table, "duty_notes", default.duty_notes, duties.PATTERNS)
    return Numbering(levels, loose, title_max, notes)


def _keys(path: Path, raw: str, table: dict, key: str, default: tuple[str, ...], known) -> tuple[str, ...]:
    values = table.get(key, list(default))
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise InputError(path, line_of(raw, key), f"{key} must be a list of strings")
    for value in values:
        if value not in known:
            raise InputError(path, line_of(raw, key), f"unknown {key} entry {value!r}; known: {', '.join(known)}")
    return tuple(values)


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


def chart_series(plans: list[PlanData]) -> dict[str, int]:
    """Each plan's chart colour: its declared `chart_series`, else the first colour no plan declares,
    in the order given, so adding a plan never changes the colour of a plan that declares one."""
    series = {plan.slug: plan.chart_series for plan in plans if plan.chart_series is not None}
    taken = set(series.values())
    free = (n for n in range(len(plans) + len(taken) + 1) if n not in taken)
    for plan in plans:
        if plan.chart_series is None:
            series[plan.slug] = next(free)
    return series
