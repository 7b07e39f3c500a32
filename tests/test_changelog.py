"""Issue 24 part 5: the revision history (sources/changelog.toml), its page in both languages,
each plan's last revision date and the Atom feeds, read by feedparser."""

from __future__ import annotations

import feedparser
import pytest
from support import plan_slugs

from tools.build import load_corpus
from tools.model.changelog import last_revision

SLUGS = plan_slugs()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.mark.parametrize("lang, path", [("zh", "feed.xml"), ("en", "en/feed.xml")])
def test_feeds_read_without_error(built_site, corpus, lang, path):
    parsed = feedparser.parse((built_site / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == len(corpus.revisions)
    assert parsed.feed.language == ("zh-Hans" if lang == "zh" else "en")
    for entry, revision in zip(parsed.entries, corpus.revisions, strict=True):
        assert entry.updated.startswith(revision.date)
        assert entry.summary == (revision.zh if lang == "zh" else revision.en)


def test_feeds_are_the_same_on_rebuild(built_site):
    from tools.render.changelog_page import feed

    corpus = load_corpus()
    assert feed(corpus, corpus.revisions, "en") == feed(corpus, corpus.revisions, "en")
    assert feed(corpus, corpus.revisions, "zh").encode("utf-8") == (built_site / "feed.xml").read_bytes()


@pytest.mark.parametrize("slug", SLUGS)
def test_plan_pages_give_their_last_revision(built_site, corpus, slug):
    date = last_revision(corpus.revisions, slug)
    assert date
    for folder, label in ((built_site / slug, "本版最近修订"), (built_site / "en" / slug, "Last revised in this edition")):
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert f"<td>{label}</td>\n<td>{date}</td>" in html


def test_history_page_in_both_languages(built_site, corpus):
    for path in ("changelog/index.html", "en/changelog/index.html"):
        html = (built_site / path).read_text(encoding="utf-8")
        for revision in corpus.revisions:
            assert revision.date in html


def test_anchors_are_ids_the_history_page_can_link(corpus, tmp_path):
    """A table row or paragraph is an anchor; a table cell's translation key is not (no element
    carries it, so the history page's link would lead nowhere): the build stops at its line."""
    from tools.common.errors import InputError
    from tools.model.changelog import load_changelog

    path = tmp_path / "changelog.toml"
    entry = '[[revision]]\ndate = "2026-12-05"\nplans = ["xinjiang-2016-2020"]\nanchors = ["xinjiang-2016-2020#{}"]\nzh = "改"\nen = "Revised"\n'
    path.write_text(entry.format("table-1-r9"), encoding="utf-8")
    assert load_changelog(path, corpus.plans)[0].anchors == ("xinjiang-2016-2020#table-1-r9",)
    path.write_text(entry.format("table-1-r9-c2"), encoding="utf-8")
    with pytest.raises(InputError, match="no anchor 'table-1-r9-c2'"):
        load_changelog(path, corpus.plans)
