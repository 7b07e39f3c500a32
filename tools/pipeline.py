"""read → split regions → normalize → parse: one plan data file in, one Plan out."""

from __future__ import annotations

from tools.ingest import reader
from tools.ingest.normalize import LineNormalizer, normalize_fields
from tools.ingest.normlog import NormalizationLog
from tools.ingest.regions import split_regions
from tools.model import anchors
from tools.model.document import Block, Plan
from tools.model.parse import parse_body
from tools.model.plandata import PlanData


def build_plan(data: PlanData) -> Plan:
    lines, encoding, crlf = reader.read_source(data.source, data.encoding)
    log = NormalizationLog(encoding=encoding)
    log.add("newlines", "换行符 CRLF 统一为 LF", "CRLF line endings converted to LF", crlf)
    normalizer = LineNormalizer(data)
    layout = split_regions(data, lines, normalizer.convert_script, log)
    body = [normalizer.line(line) for line in layout.body]
    notice = [normalizer.line(line) for line in layout.notice]
    notice_title = [normalizer.line(line) for line in layout.notice_title]
    closing = [normalizer.line(line) for line in layout.closing]
    normalizer.record(log)
    metadata = normalize_fields(layout.metadata, log)
    preamble, sections = parse_body(data.source, body, log, data.numbering)
    plan = Plan(data=data, metadata=metadata, log=log, preamble=preamble, sections=sections)
    plan.notice_title = "".join(line.text for line in notice_title)
    plan.notice = [Block("paragraph", anchors.paragraph_id(anchors.NOTICE, i), line.number, line.text) for i, line in enumerate(notice, 1)]
    plan.closing = [Block("paragraph", anchors.paragraph_id(anchors.CLOSING, i), line.number, line.text) for i, line in enumerate(closing, 1)]
    return plan
