"""The topic index (sources/topics.toml): which sections of each plan treat each topic."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tools.common.tomldata import Entries
from tools.model.document import Plan


@dataclass
class Topic:
    id: str
    zh: str
    en: str
    description_zh: str
    description_en: str
    sections: dict[str, list[str]] = field(default_factory=dict)  # plan slug → section anchors

    def name(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def load_topics(path: Path, plans: list[Plan]) -> list[Topic]:
    if not path.exists():
        return []
    headings = {plan.data.slug: {section.id for section in plan.walk()} for plan in plans}
    entries = Entries(path, "topic")
    topics = []
    for index, item in entries:
        topic_id = entries.identifier(index)
        sections = item.get("sections", {})
        if not isinstance(sections, dict):
            raise entries.error(index, "sections", "`sections` must be a table of plan slug = [anchors]")
        for slug, anchors in sections.items():
            if slug not in headings:
                raise entries.error(index, slug, f"topic {topic_id!r} names unknown plan slug {slug!r}")
            for anchor in anchors:
                if anchor not in headings[slug]:
                    raise entries.error(index, slug, f"topic {topic_id!r}: {anchor!r} is not a section of {slug}")
        topics.append(Topic(
            id=topic_id,
            zh=entries.text(index, "zh"),
            en=entries.text(index, "en"),
            description_zh=entries.text(index, "description_zh"),
            description_en=entries.text(index, "description_en"),
            sections={slug: list(anchors) for slug, anchors in sections.items()},
        ))
    return topics


def topics_of(topics: list[Topic], slug: str, anchor: str) -> list[Topic]:
    return [topic for topic in topics if anchor in topic.sections.get(slug, [])]
