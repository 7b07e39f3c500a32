"""The bad-input corpus: each case converts safely or fails with one clear line naming the file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools import cli
from tools.common.paths import SOURCES

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


# Each case brings its plan and seed; the shared inputs it does not bring (interface strings,
# metadata labels, the OpenCC config) are copied in from the real tree, explicitly.
SHARED = ("ui.toml", "metadata-fields.toml", "publication.toml", "opencc")


def case_tree(case: str, tmp_path: Path) -> Path:
    tree = tmp_path / "sources"
    shutil.copytree(CORPUS / case, tree, ignore=shutil.ignore_patterns("expected.txt"))
    for name in SHARED:
        if not (tree / name).exists():
            source = SOURCES.root / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, tree / name)
    return tree


def run(case: str, tmp_path: Path, capsys) -> tuple[int, str, str]:
    tree = case_tree(case, tmp_path)
    code = cli.main(["--sources", str(tree), "--docs", str(tmp_path / "docs"), "build"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_corpus_is_large_enough():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES)
def test_case(case, tmp_path, capsys):
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").strip()
    code, out, err = run(case, tmp_path, capsys)
    assert "Traceback" not in err
    if expected == "ok":
        assert code == 0, err
        page = (tmp_path / "docs" / "test-plan" / "index.md").read_text(encoding="utf-8")
        assert "开展知识产权贯标工作。" in page
        return
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    # The whole message from the file name on (a trailing … leaves the rest to the library quoted).
    if expected.endswith("…"):
        assert f"/{expected[:-1]}" in lines[0], lines[0]
    else:
        assert lines[0].endswith(f"/{expected}") or lines[0] == f"error: {expected}", lines[0]
    # The line starts with the name of a file the case brings (not merely some file name).
    named = Path(lines[0].removeprefix("error: ").split(":", 1)[0]).name
    assert named in {path.name for path in (CORPUS / case).rglob("*") if path.is_file()}, lines[0]


def test_encodings_decode_to_the_same_text(tmp_path, capsys):
    pages = {}
    for case in ("gbk", "utf16", "utf8-bom", "crlf"):
        run(case, tmp_path / case, capsys)
        pages[case] = (tmp_path / case / "docs" / "test-plan" / "index.md").read_text(encoding="utf-8")
    bodies = {case: page.split("id: normalization")[1].split("\n///\n", 1)[1] for case, page in pages.items()}
    assert len(set(bodies.values())) == 1


def test_injection_is_shown_as_text(tmp_path, capsys):
    run("html-injection", tmp_path, capsys)
    page = (tmp_path / "docs" / "test-plan" / "index.md").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page
    assert "&#60;script&#62;" in page
    run("markdown-jinja", tmp_path / "md", capsys)
    page = (tmp_path / "md" / "docs" / "test-plan" / "index.md").read_text(encoding="utf-8")
    assert "{{" not in page and "{: #evil" not in page and "](javascript:" not in page
    assert "&#123;&#123; config.site&#95;name &#125;&#125;" in page


def test_decimal_levels_build_ids_by_depth(tmp_path, capsys):
    code, _, err = run("decimal-levels", tmp_path, capsys)
    assert code == 0, err
    page = (tmp_path / "docs" / "test-plan" / "index.md").read_text(encoding="utf-8")
    assert "## 第一章 总体要求 {#s1 " in page
    assert "### 1.2 主要目标 {#s1-2 " in page
    assert "#### 1.2.2 强化保护 {#s1-2-2 " in page
    assert "### 2.1 加强创造 {#s2-1 " in page


def test_declared_encoding_is_used_strictly(tmp_path):
    """`encoding =` in the plan data: that codec, a UTF-8 BOM dropped, its name in the log; a byte it
    cannot decode is an error naming the byte, the codec and the line."""
    from tools.common.errors import InputError
    from tools.ingest import reader

    source = tmp_path / "source.txt"
    assert reader.decode("甲\n乙。".encode("utf-8-sig"), source, "utf-8") == ("甲\n乙。", "utf-8 (set in plan data)")
    assert reader.decode("知识产权。".encode("gbk"), source, "GBK") == ("知识产权。", "GBK (set in plan data)")
    with pytest.raises(InputError) as raised:
        reader.decode("第一行。\n".encode() + b"\xff\xfe", source, "utf-8")
    assert raised.value.line == 2
    assert "cannot decode byte 0xff as utf-8 (set in plan data)" in str(raised.value)
