"""Shared fixtures: the converted plans and one real build of the site."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support import build_site  # noqa: E402

from tools.build import load_plans  # noqa: E402

# Property tests (tests/test_properties.py): the same examples on every run, few enough for `make
# test`. HYPOTHESIS_PROFILE=explore searches further, with fresh random examples.
settings.register_profile("ci", derandomize=True, max_examples=40, deadline=None, database=None, print_blob=False)
settings.register_profile("explore", max_examples=1000, deadline=None, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")
    parser.addoption("--fast-only", action="store_true",
                     help="leave out the tests that need the built site or a browser (what `make mutants` runs)")


# Fixtures that build a whole site (sixth: the fixture plans' site) or start Chromium: a test that
# asks for one (directly or through another fixture) is not a fast test.
SLOW_FIXTURES = {"built_site", "browser", "sixth"}


def pytest_collection_modifyitems(config, items):
    """With --fast-only, deselect the tests that need the built site or a browser: mutation testing
    runs the rest once per mutant, and those would rebuild the site each time."""
    if not config.getoption("--fast-only"):
        return
    slow = [item for item in items if SLOW_FIXTURES & set(getattr(item, "fixturenames", ()))]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if item not in slow]


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def plans():
    return {plan.data.slug: plan for plan in load_plans()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site built from the committed docs/, in a temporary directory.

    `make test` has just built site/ the way this fixture would (strict, SOURCE_DATE_EPOCH,
    no SITE_URL) and names it in BUILT_SITE, so the tests copy it instead of building again.
    """
    target = tmp_path_factory.mktemp("site") / "site"
    prebuilt = os.environ.get("BUILT_SITE")
    if prebuilt:
        shutil.copytree(prebuilt, target)
    else:
        target.mkdir()
        build_site(target)
    return target


@pytest.fixture(scope="session")
def second_build(tmp_path_factory) -> tuple[Path, str]:
    """A second clean build of the real site and its full log (not --quiet, no switch that hides a
    notice): compared byte for byte with the first (test_reproducible.py) and read for deprecation
    notices (test_engine.py). One build serves both; the log's switches do not change the HTML."""
    target = tmp_path_factory.mktemp("second") / "site"
    return target, build_site(target, quiet=False)
