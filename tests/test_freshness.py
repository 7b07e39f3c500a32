"""docs/ is generated and committed; `make test` must fail when it is stale, before anything rewrites it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT

from tools import cli
from tools.common import buildstamp
from tools.common.paths import DOCS, SOURCES

COPIED = ("Makefile", "mkdocs.yml", "requirements.txt", "requirements-test.txt", "tools", "sources", "docs")


def make(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    venv = Path(sys.executable).parent.parent
    return subprocess.run(["make", "--no-print-directory", f"VENV={venv}", *args], cwd=cwd, capture_output=True, text=True)


def repository_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in COPIED:
        source = ROOT / name
        # copy2 keeps modification times, so make does not think the venv needs rebuilding.
        if source.is_dir():
            shutil.copytree(source, copy / name, copy_function=shutil.copy2, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    return copy


def test_committed_docs_are_fresh(capsys):
    assert cli.main(["check"]) == 0, capsys.readouterr().err


def test_make_check_fails_on_an_edited_translation(tmp_path):
    copy = repository_copy(tmp_path)
    translation = copy / "sources" / "translations" / "yuxi-2021.en.toml"
    text = translation.read_text(encoding="utf-8")
    translation.write_text(text.replace('en = "19 November 2021"', 'en = "19 November 2021 (edited)"', 1), encoding="utf-8")
    assert text != translation.read_text(encoding="utf-8"), "the edit must change the source"
    result = make("check", cwd=copy)
    assert result.returncode != 0
    assert "yuxi-2021/index.en.md" in result.stderr
    assert "gansu-2021-2035" not in result.stderr  # only what changed is named


def test_make_test_checks_before_it_regenerates():
    plan = make("-n", "test", cwd=ROOT).stdout.splitlines()
    commands = [line for line in plan if "tools check" in line or "tools build" in line or "properdocs build" in line]
    assert commands and "tools check" in commands[0], commands
    assert not any("tools build" in line for line in commands), "make test must not regenerate docs/"


def test_build_skips_only_when_nothing_changed(tmp_path, monkeypatch, capsys):
    """`build` stops at once when sources, code and docs/ are as the last build left them,
    and builds in full after any edit, including a hand edit to docs/ (which it undoes)."""
    monkeypatch.setattr(buildstamp, "CACHE", tmp_path / "cache")
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    assert cli.main(["--docs", str(docs), "build"]) == 0
    assert cli.main(["--docs", str(docs), "build"]) == 0
    assert "unchanged since the last build" in capsys.readouterr().out.splitlines()[-1]
    page = docs / "yuxi-2021" / "index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nhand edit\n", encoding="utf-8")
    assert cli.main(["--docs", str(docs), "build"]) == 0
    assert capsys.readouterr().out.startswith("docs: 1 file(s) written: yuxi-2021/index.md")
    assert page.read_text(encoding="utf-8") == original
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES.root, sources)
    assert buildstamp.is_current(SOURCES.root, docs) and not buildstamp.is_current(sources, docs)  # another tree
    (sources / "ui.toml").write_text((sources / "ui.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    buildstamp.record(sources, docs)
    (sources / "ui.toml").write_text((sources / "ui.toml").read_text(encoding="utf-8") + "# edit\n", encoding="utf-8")
    assert not buildstamp.is_current(sources, docs)
