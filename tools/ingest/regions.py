"""Split a source into its regions using the plan data's line rules.

Regions: page metadata (facts kept, lines removed), dropped chrome, the transmittal
notice before the body, the closing (signature, date, 抄送) after it, and the body.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from tools.common.errors import InputError
from tools.common.tomldata import load_toml
from tools.ingest.cells import Row, split_row
from tools.ingest.normlog import NormalizationLog
from tools.ingest.textnorm import collapse_spaces
from tools.model.plandata import PlanData


@dataclass
class RawLine:
    number: int
    text: str
    tabbed: bool  # tab-indented lines carry table cells and 专栏 boxes
    row: Row | None = None  # a tab-separated or space-aligned table row (tools.ingest.cells)


@dataclass
class Layout:
    metadata: dict[str, str] = field(default_factory=dict)
    notice_title: list[RawLine] = field(default_factory=list)
    notice: list[RawLine] = field(default_factory=list)
    body: list[RawLine] = field(default_factory=list)
    closing: list[RawLine] = field(default_factory=list)


@functools.cache
def metadata_fields(path) -> list[dict]:
    """The page-metadata labels of sources/metadata-fields.toml ([[field]] label, key, keep)."""
    data, _ = load_toml(path)
    fields = data.get("field")
    if not isinstance(fields, list) or not all({"label", "key", "keep"} <= set(f) for f in fields):
        raise InputError(path, None, "needs [[field]] entries with label, key and keep")
    return fields


def parse_metadata_line(text: str, fields: list[dict]) -> list[tuple[dict, str]]:
    """'发布机构: X 文号: Y' → [(field, 'X'), (field, 'Y')]."""
    text = text.lstrip("•· ").strip()
    labels = "|".join(re.escape(f["label"]) for f in sorted(fields, key=lambda f: -len(f["label"])))
    pieces = re.split(f"({labels})\\s*[:：]", text)
    by_label = {f["label"]: f for f in fields}
    found = []
    for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
        found.append((by_label[label], value.strip()))
    return found


def split_regions(plan: PlanData, lines: list[str], convert, log: NormalizationLog) -> Layout:
    """Classify every source line; raise InputError when the data file and source disagree."""
    rules = {collapse_spaces(rule.match): rule for rule in plan.lines}
    used: set[str] = set()
    layout = Layout()
    fields = metadata_fields(plan.tree.metadata_fields)
    dropped: Counter = Counter()
    meta_lines = 0
    body_indexes = [i for i, line in enumerate(lines) if line.strip() and collapse_spaces(line) not in rules]
    if not body_indexes:
        raise InputError(plan.source, None, "no plan body: every line is listed as chrome in the plan data")
    first_body, last_body = body_indexes[0], body_indexes[-1]
    for index, text in enumerate(lines):
        number = index + 1
        key = collapse_spaces(text)
        if not key:
            if first_body <= index <= last_body:
                layout.body.append(RawLine(number, "", text.startswith("\t")))
            continue
        rule = rules.get(key)
        if rule is None:
            layout.body.append(RawLine(number, text.rstrip(), text.startswith("\t"), split_row(text)))
            continue
        used.add(key)
        line = RawLine(number, text.strip(), False)
        if rule.role == "drop":
            dropped[(rule.reason or "chrome", key)] += 1
        elif rule.role == "meta":
            meta_lines += 1
            _take_metadata(plan, layout, number, convert(text.strip()), rule.field, fields, dropped)
        elif rule.role in ("notice", "notice-title"):
            if index > first_body:
                raise InputError(plan.source, number, f"line marked {rule.role!r} in {plan.path.name} comes after the plan body starts")
            (layout.notice_title if rule.role == "notice-title" else layout.notice).append(line)
        elif rule.role == "closing":
            if index < last_body:
                raise InputError(plan.source, number, f"line marked 'closing' in {plan.path.name} comes before the plan body ends")
            layout.closing.append(line)
    for rule in plan.lines:
        if collapse_spaces(rule.match) not in used:
            raise InputError(plan.path, None, f"line rule {rule.match[:30]!r} matches no line of {plan.source.name}")
    log.add("metadata", "页面元数据行移入文件信息卡", "page metadata lines moved into the document card", meta_lines)
    for (reason, text), times in sorted(dropped.items()):
        zh, en = DROP_REASONS.get(reason, DROP_REASONS["chrome"])
        log.add("removed", f"{zh}：“{text}”", f"{en}: “{text}”", times)
    return layout


DROP_REASONS = {
    "title": ("删除重复的标题行（标题显示在页首）", "removed a duplicated title line (the title heads the page)"),
    "attachment": ("删除附件下载行", "removed the attachment download line"),
    "page-chrome": ("删除网页界面文字", "removed web-page interface text"),
    "chrome": ("删除网页界面文字", "removed web-page interface text"),
    "unkept-metadata": ("删除网页计数和字号控件", "removed the page's counter and font-size control"),
}


def _take_metadata(plan, layout, number, text, forced_field, fields, dropped) -> None:
    if forced_field:
        layout.metadata[forced_field] = collapse_spaces(text)
        return
    pairs = parse_metadata_line(text, fields)
    if not pairs:
        raise InputError(plan.source, number, "line marked 'meta' has no known 'label: value' pair")
    for spec, value in pairs:
        value = collapse_spaces(value)
        if not spec["keep"]:
            dropped[("unkept-metadata", f"{spec['label']}:{value}".rstrip(":"))] += 1
            continue
        previous = layout.metadata.get(spec["key"])
        if previous is not None and previous != value:
            raise InputError(plan.source, number, f"metadata {spec['label']} is {value!r} here but {previous!r} earlier")
        layout.metadata[spec["key"]] = value
