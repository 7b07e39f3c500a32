"""Every build cache is keyed by all that shapes its output, code included (issue 27).

In a copy of the project (the pipeline, the theme overrides, the vendored assets and a reduced
sources tree: the fixture plans), each cache is filled by a build, the code behind it is changed
so that its output must change, and the build runs again warm. The warm output must equal a cold
build's (the cache deleted) byte for byte, and differ from the first build's (the change
mattered). Three site builds cover the docs stamp and the compiled templates, and the whole site
after every edit; the search index is written again, warm and cold, from the first build's pages
after an edit of its code (before the PDFs fill in their sizes on the open-data pages), and the PDFs are printed for one plan, warm and cold, from the first
build's pages after an edit of the printing code: so that no other edit changes their inputs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import EPOCH, ROOT

from tools.common import cachekey
from tools.common.paths import FONT_CACHE
from tools.site import engine

SHARED = ("ui.toml", "metadata-fields.toml", "publication.toml", "opencc", "csl")
FIXTURES = ROOT / "tests" / "fixtures" / "sources"

# (file, text, replacement): each changes the output of exactly one cache's computation.
EDITS = {
    # The docs stamp (`python -m tools build` finding docs/ current): the generator's code.
    "docs": ("tools/render/home.py", "ensure_ascii=False, indent=1)", "ensure_ascii=False, indent=2)"),
    # The search vocabulary (.cache/search): the words kept, issue 27's example.
    "search": ("tools/site/search_index.py", r'CJK_WORD = re.compile(r"[\u3400-\u9fff]{2,8}")',
               r'CJK_WORD = re.compile(r"[\u3400-\u9fff]{2,3}")'),
    # The compiled templates (.cache/jinja): the environment the hooks hand to Jinja.
    "jinja": ("tools/site/hooks.py", '    import jinja2\n\n    folder = TEMPLATE_CACHE',
              '    import jinja2\n\n    env.trim_blocks = True\n    folder = TEMPLATE_CACHE'),
    # The printed PDFs (.cache/pdf): how a page is printed.
    "pdf": ("tools/publish/pdf.py", '<span class="pageNumber"></span> / <span', '<span class="pageNumber"></span> of <span'),
}


def make_project(root: Path) -> Path:
    """A copy of the project that builds a site from the fixture plans, with its own .cache/."""
    for name in ("tools", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "requirements.txt"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    shutil.copytree(FIXTURES, root / "sources")
    # The print face (.cache/fonts), converted from the system's fonts by the same code: reused, not
    # converted again (minutes); its key is the same in the copy, since only the pages differ.
    if FONT_CACHE.is_dir():
        shutil.copytree(FONT_CACHE, root / FONT_CACHE.relative_to(ROOT))
    for name in SHARED:
        source = ROOT / "sources" / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / "sources" / name)
    return root


def run(root: Path, *command: str) -> str:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("SITE_URL", None)
    env.pop("PYTHONPATH", None)
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def build_docs(root: Path) -> str:
    return run(root, sys.executable, "-m", "tools", "build")


def build_site(root: Path, target: Path) -> Path:
    run(root, *engine.command("--quiet", "--site-dir", str(target), config=root / "mkdocs.yml"))
    return target


def edit(root: Path, which: str) -> None:
    name, old, new = EDITS[which]
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{name} no longer holds {old!r}: update EDITS"
    path.write_text(text.replace(old, new), encoding="utf-8")


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def differing(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """docs/, the site and one plan's PDFs built cold, warm after the four edits, and cold again after them."""
    root = make_project(tmp_path_factory.mktemp("cache-project"))
    out: dict[str, dict[str, bytes]] = {}
    build_docs(root)
    assert "unchanged since the last build" in build_docs(root)  # the stamp is used when nothing changed
    out["docs-before"] = files(root / "docs")
    site = build_site(root, root / "site-before")
    out["site-before"] = files(site)
    # The search vocabulary alone (the template edit below changes the pages' text, which would
    # change its key anyway): the hooks' last step, run again on the first build's pages.
    edit(root, "search")
    write_index = [sys.executable, "-c", "import sys; from pathlib import Path; from tools.site import search_index; "
                   "search_index.write(Path(sys.argv[1]), Path(sys.argv[2]))"]
    for state in ("warm", "cold"):
        if state == "cold":
            shutil.rmtree(root / ".cache" / "search")
        pages = shutil.copytree(site, root / f"search-{state}", ignore=shutil.ignore_patterns("pdf"))
        run(root, *write_index, str(pages), str(root / "docs"))
        out[f"search-{state}"] = files(pages / "search")
    pdf = [sys.executable, "-m", "tools", "pdf", "--site", str(site), "--only", "fixture-opinions"]
    run(root, *pdf)
    out["pdf-before"] = files(site / "pdf")
    assert len(out["pdf-before"]) == 3 and len(list((root / ".cache" / "pdf").glob("*.pdf"))) == 3
    for which in ("docs", "jinja", "pdf"):
        edit(root, which)
    run(root, *pdf)  # warm, from the same pages: only the printing code changed
    out["pdf-warm"] = files(site / "pdf")
    shutil.rmtree(site / "pdf")
    run(root, *pdf, "--no-cache")
    out["pdf-cold"] = files(site / "pdf")
    shutil.rmtree(site / "pdf")
    assert (root / ".cache" / "search").is_dir() and (root / ".cache" / "jinja").is_dir()
    build_docs(root)  # warm: the stamp, the vocabulary and the templates of the first build are there
    out["docs-warm"] = files(root / "docs")
    out["site-warm"] = files(build_site(root, root / "site-warm"))
    shutil.rmtree(root / ".cache")
    shutil.rmtree(root / "docs")
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    build_docs(root)
    out["docs-cold"] = files(root / "docs")
    out["site-cold"] = files(build_site(root, root / "site-cold"))
    return out


def test_warm_docs_equal_cold_docs_after_a_code_change(builds):
    assert "data/plans.json" in differing(builds["docs-before"], builds["docs-cold"])
    assert differing(builds["docs-warm"], builds["docs-cold"]) == []


def test_warm_search_vocabulary_equals_cold_after_a_code_change(builds):
    def chinese(files: dict, prefix: str = "") -> dict:
        """The Chinese shards, by name (zh/t0.js, …)."""
        return {name.removeprefix(prefix): text for name, text in files.items() if name.startswith(prefix + "zh/")}

    before, warm, cold = chinese(builds["site-before"], "search/"), chinese(builds["search-warm"]), chinese(builds["search-cold"])
    assert before and warm
    assert warm != before  # {2,3}: no word longer than three characters any more
    assert warm == cold


def test_warm_templates_equal_cold_after_a_code_change(builds):
    page = "fixture-opinions/index.html"
    assert builds["site-warm"][page] != builds["site-before"][page]  # trim_blocks changes the whitespace
    assert builds["site-warm"][page] == builds["site-cold"][page]


def test_warm_site_equals_cold_site_byte_for_byte(builds):
    assert differing(builds["site-warm"], builds["site-cold"]) == []


def test_warm_pdfs_equal_cold_pdfs_after_a_code_change(builds):
    assert differing(builds["pdf-before"], builds["pdf-cold"]) == sorted(builds["pdf-before"])  # every PDF changes
    assert differing(builds["pdf-warm"], builds["pdf-cold"]) == []


# Each key, directly: what it must follow.

def test_code_digest_follows_the_module_and_what_it_imports(tmp_path):
    root = make_project(tmp_path)
    modules = ("tools.site.search_index",)
    names = {path.relative_to(root).as_posix() for path in cachekey.module_files(modules, root)}
    assert {"tools/site/search_index.py", "tools/site/htmltext.py", "tools/model/anchors.py", "tools/site/__init__.py"} <= names
    assert "tools/publish/pdf.py" not in names
    first = cachekey.code_digest(modules, root)
    anchors = root / "tools" / "model" / "anchors.py"  # imported by search_index
    anchors.write_text(anchors.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    cachekey.code_digest.cache_clear()
    assert cachekey.code_digest(modules, root) != first
    pdf = root / "tools" / "publish" / "pdf.py"  # not imported by it
    second = cachekey.code_digest(modules, root)
    pdf.write_text(pdf.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    cachekey.code_digest.cache_clear()
    assert cachekey.code_digest(modules, root) == second


def test_keys_follow_libraries_and_settings(monkeypatch):
    def key(**settings):
        return cachekey.Key("test", code=["tools.common.cachekey"], libraries=["jieba"], settings=settings).add_text("x").hexdigest()

    assert key(a=1) == key(a=1) and key(a=1) != key(a=2)
    same = key()
    monkeypatch.setattr(cachekey, "library_versions", lambda names: {"jieba": "0.43"})
    assert key() != same
    with pytest.raises(ValueError):
        cachekey.Key("no code", code=[])


def test_template_key_follows_the_environment():
    import jinja2

    from tools.site import hooks

    plain, trimmed = jinja2.Environment(), jinja2.Environment(trim_blocks=True)
    assert hooks.template_key(plain) == hooks.template_key(jinja2.Environment())
    assert hooks.template_key(plain) != hooks.template_key(trimmed)


def test_every_cache_takes_its_key_from_cachekey():
    """A module that names a cache folder of tools/common/paths.py makes its key with cachekey.Key,
    and no module imports tools code relatively or dynamically (the import closure would miss it)."""
    users = []
    for path in sorted((ROOT / "tools").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "importlib.import_module" not in text and "__import__(" not in text, path
        assert "\nfrom ." not in text, path
        if path.name != "paths.py" and any(name in text for name in ("PDF_CACHE", "FONT_CACHE", "TEMPLATE_CACHE", "VOCABULARY_CACHE", "CACHE /")):
            users.append(path.relative_to(ROOT).as_posix())
            assert "Key(" in text, f"{path} uses a cache without tools.common.cachekey.Key"
    assert "tools/site/search_index.py" in users and "tools/publish/pdf.py" in users and "tools/site/hooks.py" in users
    assert "tools/publish/printfont.py" in users
    assert "Key(" in (ROOT / "tools" / "common" / "buildstamp.py").read_text(encoding="utf-8")
