"""Outside validators on the built site: the Nu HTML Checker over every page, in both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from outside_checkers import JAVA, VNU_JAR, not_allowed, vnu

from tools.site import material


@pytest.fixture(scope="module")
def vnu_errors(built_site):
    if not VNU_JAR.exists() or not Path(JAVA).exists():
        pytest.fail("vnu.jar or Java missing; `make test-deps` installs them")
    return vnu(built_site)


def test_nu_html_checker_finds_no_error_of_ours(vnu_errors, built_site):
    assert [str(error) for error in not_allowed(vnu_errors)] == []
    checked = {error.page for error in vnu_errors}
    assert any(page.startswith("en/") for page in checked) and "index.html" in checked


def test_allowance_is_for_the_installed_material():
    from importlib.metadata import version

    assert version("mkdocs-material") == material.MATERIAL_VERSION, "Material changed: re-check VALIDATOR_ALLOWANCE"


def test_nu_html_checker_fails_on_a_skipped_heading_level(built_site, tmp_path):
    page = tmp_path / "index.html"
    shutil.copy(built_site / "yuxi-2021" / "index.html", page)
    html = page.read_text(encoding="utf-8")
    at = html.index('id="s1-1">')  # 一、（一）, an h3 under the h2 of 一、: made an h5
    start = html.rindex("<h3", 0, at)
    end = html.index("</h3>", at)
    broken = html[:start] + "<h5" + html[start + 3:end] + "</h5>" + html[end + 5:]
    assert broken != html
    page.write_text(broken, encoding="utf-8")
    assert any("skipping" in error.message for error in not_allowed(vnu(tmp_path)))
