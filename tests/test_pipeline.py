"""The document model, anchor ids and generated Markdown, checked with markdown-it-py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from golden_files import compare
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from support import SLUGS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
ID_RE = re.compile(
    r"^(s\d+(-\d+)*(-p\d+(-duty)?)?|preamble(-p\d+)?|box-\d+(-p\d+)?|table-\d+(-r\d+)?|notice(-p\d+|-title)?"
    r"|closing(-p\d+)?|title|document-info|normalization|unofficial|plans)$"
)
HEADING_ATTR = re.compile(r"\{#([A-Za-z0-9-]+)(?: [^}]*)?\}$")
BLOCK_ATTR = re.compile(r"^\{: #([A-Za-z0-9-]+)[^}]*\}$")


def parse_markdown(path: Path):
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).parse(path.read_text(encoding="utf-8"))


def page_structure(path: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """(heading level, id) for every heading, and every block id, from the token stream."""
    tokens = parse_markdown(path)
    headings, ids = [], []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1].content
            match = HEADING_ATTR.search(inline)
            assert match, f"{path.name}: heading without explicit id: {inline!r}"
            headings.append((int(token.tag[1]), match.group(1)))
            ids.append(match.group(1))
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            last_line = token.content.split("\n")[-1]
            match = BLOCK_ATTR.match(last_line)
            if match:
                ids.append(match.group(1))
    return headings, ids


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("suffix", ["", ".en"])
def test_heading_tree_and_ids(slug, suffix):
    headings, ids = page_structure(DOCS / slug / f"index{suffix}.md")
    assert headings[0] == (1, "title")
    previous = 1
    for level, anchor in headings[1:]:
        assert level <= previous + 1 or (level == 4 and previous == 2), f"{slug}: h{level} {anchor} skips a level"
        depth = anchor.count("-") + 2
        assert level == depth or (level == 4 and depth == 3), f"{slug}: {anchor} is h{level}"
        previous = level
    assert len(ids) == len(set(ids)), f"duplicate ids in {slug}{suffix}"
    for anchor in ids:
        assert ID_RE.match(anchor), f"{slug}: id {anchor!r} breaks the anchor contract"


@pytest.mark.parametrize("slug", SLUGS)
def test_same_ids_in_both_languages(slug):
    assert page_structure(DOCS / slug / "index.md")[1] == page_structure(DOCS / slug / "index.en.md")[1]


@pytest.mark.parametrize("slug,anchors", [
    ("xinjiang-2021-2025", ["s3-1-1", "s3-1-5", "s3-1-1-p1", "s4-8", "preamble"]),
    ("gansu-2021-2035", ["s2-4", "s2-4-p1", "s7-26", "s1-2-p5"]),
    ("yuxi-2021", ["s2-6-29", "s3-30", "s1-1", "s1-1-p1", "s3-34-p1"]),
    ("tongzhou-2022-2025", ["s5-3", "s4-1-1", "s4-1-1-p1-duty", "s2-5"]),
    ("xinjiang-2016-2020", ["table-1", "box-1", "box-8", "s3-9-3", "box-6-p2"]),
])
def test_guide_examples_exist(slug, anchors):
    text = (DOCS / slug / "index.md").read_text(encoding="utf-8")
    for anchor in anchors:
        assert re.search(rf"(#|id: \"?|id=\"){re.escape(anchor)}[ }},\".]", text), f"{slug}: missing #{anchor}"


def test_indicator_table(plans):
    plan = plans["xinjiang-2016-2020"]
    tables = [b for b in plan.all_blocks() if b.kind == "table"]
    assert len(tables) == 1
    table = tables[0]
    assert table.caption == "“十三五”时期自治区专利事业发展主要指标"
    assert table.rows[0] == ["序号", "指标", "2020年", "“十三五”期间"]
    assert len(table.rows) == 13  # header + 12 indicators
    assert [row[0] for row in table.rows[1:]] == [str(n) for n in range(1, 13)]
    assert table.rows[3][2:] == ["", "15"]
    assert plan.log.count("table-header") == 1


def test_boxes_become_admonitions(plans):
    boxes = [b for b in plans["xinjiang-2016-2020"].all_blocks() if b.kind == "box"]
    assert [b.number for b in boxes] == list(range(1, 9))
    assert boxes[0].title == "企业创新引导工程"
    text = (DOCS / "xinjiang-2016-2020" / "index.md").read_text(encoding="utf-8")
    assert "/// admonition | 专栏1 企业创新引导工程" in text


def test_duty_notes_list_units(plans):
    duties = [b.duty for b in plans["tongzhou-2022-2025"].all_blocks() if b.duty]
    assert len(duties) == 27
    first = duties[0]
    assert first.lead == ["区市场监管局（知识产权局）"]
    assert first.units == ["区知识产权工作领导小组成员单位"]
    assert any(d.units == ["区市场监管局（知识产权局）", "区科技局", "南通高新区", "各镇（街道）"] for d in duties)


def test_lead_sentences_become_headings(plans):
    yuxi = {s.id: s for s in plans["yuxi-2021"].walk()}
    assert yuxi["s1-1"].title == "指导思想"
    assert yuxi["s1-1"].blocks[0].text.startswith("以习近平新时代")
    gansu = {s.id: s for s in plans["gansu-2021-2035"].walk()}
    assert gansu["s2-4"].title == "完善知识产权政策体系"
    assert gansu["s2-4"].number == "二（四）"
    tongzhou = {s.id: s for s in plans["tongzhou-2022-2025"].walk()}
    assert tongzhou["s5-3"].number == "五、3"


def test_metadata_kept_and_chrome_removed(plans):
    tongzhou = plans["tongzhou-2022-2025"]
    assert tongzhou.metadata["doc_number"] == tongzhou.data.doc_number == "通政发〔2022〕15号"
    assert tongzhou.metadata["index_no"] == "014236233/2022-05689"
    assert tongzhou.metadata["validity"] == "有效"
    page = (DOCS / "tongzhou-2022-2025" / "index.md").read_text(encoding="utf-8")
    for chrome in ("累计次数", "字体:[", ".doc", "点击查看"):
        assert chrome not in page.split("/// details")[0].split("///")[-1] and chrome not in _body(page)
    assert "通政发〔2022〕15号" in page


def _body(page: str) -> str:
    return page.split("id: normalization")[1].split("\n///\n", 1)[1]


def test_stray_question_marks_removed(plans):
    plan = plans["xinjiang-2021-2025"]
    assert plan.log.count("questions") == 10
    body = _body((DOCS / "xinjiang-2021-2025" / "index.md").read_text(encoding="utf-8"))
    texts = [block.text for block in plan.all_blocks() if len(block.text) > 20]
    assert len(texts) > 50 and all(text[:20] in body for text in (texts[0], texts[-1]))  # the whole body
    assert "?" not in body


def test_punctuation_normalized_and_numbers_untouched():
    page = _body((DOCS / "xinjiang-2021-2025" / "index.md").read_text(encoding="utf-8"))
    assert "1.82倍" in page and "1.82 倍" not in page
    assert "（一）" in page and "(一)" not in page
    tongzhou = _body((DOCS / "tongzhou-2022-2025" / "index.md").read_text(encoding="utf-8"))
    assert "通政发〔2022〕15号" in (DOCS / "tongzhou-2022-2025" / "index.md").read_text(encoding="utf-8")
    assert "2022-2025年" in tongzhou
    assert "国知发运函字〔2022〕131号" in tongzhou
    gansu = _body((DOCS / "gansu-2021-2035" / "index.md").read_text(encoding="utf-8"))
    assert "2021—2035年" in gansu and "1.32件" in gansu



def test_no_half_width_punctuation_next_to_chinese(plans):
    for plan in plans.values():
        for block in plan.all_blocks():
            assert not re.search(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]", block.text), block.id


def test_normalization_note_on_every_page():
    for slug in SLUGS:
        zh = (DOCS / slug / "index.md").read_text(encoding="utf-8")
        en = (DOCS / slug / "index.en.md").read_text(encoding="utf-8")
        assert "/// details | 来源与规范化说明" in zh
        assert "/// details | Source and normalization" in en


def test_gansu_log_counts_conversions(plans):
    log = plans["gansu-2021-2035"].log
    vocabulary = next(e for e in log.entries if e.step == "vocabulary")
    assert ("智慧財產權", "知识产权", 180) in vocabulary.details


def test_generation_is_deterministic_across_processes(tmp_path):
    """Two runs in fresh interpreters with different hash seeds write the same docs/."""
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"docs-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "tools", "--docs", str(target), "build"], cwd=ROOT, env=env, check=True, capture_output=True)
        outputs.append({p.relative_to(target): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 20


def test_committed_docs_are_what_the_pipeline_generates():
    """`python -m tools check`, in this process: the whole pipeline (ingest, model, annotations,
    Markdown, data files) regenerates docs/ exactly as committed. `make test` checks the same in a
    shell first; here it runs in-process, so mutation testing (`make mutants`) can tell that every
    pipeline function reaches this test. A session fixture's work counts for the one test that
    happened to set it up first."""
    from tools import build

    files = build.generate()
    assert len(files) > 4 * len(SLUGS)
    assert build.stale_docs(files) == []


@pytest.mark.parametrize("slug", SLUGS)
def test_normalized_text_golden(plans, slug, update_golden):
    plan = plans[slug]
    lines = [f"[{b.id}] {b.text}" for b in plan.all_blocks() if b.text]
    lines += [f"[{s.id}] {s.number} {s.title}" for s in plan.walk()]
    compare(ROOT / "tests" / "golden" / f"{slug}.blocks.txt", "\n".join(lines) + "\n", update_golden)
