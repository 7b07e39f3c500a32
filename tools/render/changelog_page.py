"""The revision history page (修订记录 / Revision history) and the Atom feed of each language
(feed.xml, written with feedgen), from sources/changelog.toml (tools/model/changelog.py).

Feeds are reproducible: every date comes from the entries (no clock is read), and addresses are
site-relative unless the build has a public base URL (then tools/site/exports.py rebases them)."""

from __future__ import annotations

from tools.common.ui import pick
from tools.model import anchors
from tools.model.changelog import Revision
from tools.render.corpus import Corpus
from tools.render.markdown import front_matter, page_heading, safe

FEED_PATHS = {"zh": "feed.xml", "en": "feed.en.xml"}  # static-i18n publishes feed.en.xml as en/feed.xml
PAGE = "changelog"


def render_changelog_page(corpus: Corpus, revisions: list[Revision], lang: str) -> str:
    labels = corpus.strings.of(lang)
    out = [*front_matter(labels["changelog_title"]), *page_heading(labels["changelog_title"]),
           safe(labels["changelog_intro"]), ""]
    for number, revision in enumerate(reversed(revisions), start=1):
        out += [f"## {revision.date} {{#r-{revision.date}-{number}}}", "", safe(pick(lang, revision.zh, revision.en)), ""]
        names = [f"[{safe(corpus.by_slug[slug].data.short_zh if lang == 'zh' else corpus.by_slug[slug].data.short_en)}]"
                 f"({anchors.page_link(slug)})" for slug in revision.plans]
        out += [f"{safe(labels['changelog_plans'])}{labels['list_sep'].join(names)}", ""]
        for reference in revision.anchors:
            slug, _, anchor = reference.partition("#")
            plan = corpus.by_slug[slug]
            out.append(f"- [{safe(corpus.reference(plan, anchor, lang))}]({anchors.page_link(slug, anchor)})")
        if revision.anchors:
            out.append("")
    return "\n".join(out)


def feed(corpus: Corpus, revisions: list[Revision], lang: str) -> str:
    import datetime

    from feedgen.feed import FeedGenerator

    labels = corpus.strings.of(lang)
    page = anchors.page_path(PAGE, lang)
    generator = FeedGenerator()
    generator.id(f"tag:ip-plans,2026:{lang}:changelog")
    generator.title(f"{pick(lang, corpus.publication.name_zh, corpus.publication.name_en)} — {labels['changelog_title']}")
    generator.link(href=page, rel="alternate")
    generator.language("zh-Hans" if lang == "zh" else "en")
    generator.generator("ip-plans tools.render.changelog_page")
    for number, revision in enumerate(revisions, start=1):
        when = datetime.datetime.fromisoformat(revision.date).replace(tzinfo=datetime.UTC)
        entry = generator.add_entry(order="append")
        entry.id(f"tag:ip-plans,2026:{lang}:revision-{number}")
        entry.title(f"{revision.date} {labels['changelog_title']}")
        entry.link(href=f"{page}#r-{revision.date}-{len(revisions) - number + 1}")
        entry.summary(pick(lang, revision.zh, revision.en))
        entry.updated(when)
        entry.published(when)
    if revisions:
        generator.updated(datetime.datetime.fromisoformat(revisions[-1].date).replace(tzinfo=datetime.UTC))
    else:
        # feedgen stamps a feed without entries with the clock: a rebuild would differ (SOURCE_DATE_EPOCH instead).
        import os

        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
        generator.updated(datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC))
    return generator.atom_str(pretty=True).decode("utf-8")
