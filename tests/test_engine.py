"""The site engine: ProperDocs builds the site, and no new deprecation notice goes unread.

`make test` fails on any deprecation or end-of-life notice from the engine, the theme or a
plugin that is not in tools/site/engine.py's KNOWN_NOTICES (each there with why it is accepted).
"""

from __future__ import annotations

import os

from tools.site import engine


def test_the_build_prints_no_new_deprecation_notice(second_build):
    # The full log (not --quiet: ProperDocs reports Python's deprecation warnings at INFO), with
    # every switch that hides a notice turned off.
    _, log = second_build
    assert "Documentation built" in log, log[-2000:]
    assert engine.unexpected_notices(log) == [], "new deprecation notice(s): read them, then fix or list in KNOWN_NOTICES"


def test_a_new_notice_is_caught_and_the_known_one_is_not():
    log = "\n".join([
        "INFO    -  Cleaning site directory",
        " │  Material for MkDocs reaches end of life on May 5, 2027.",
        " │  Zensical is its maintained successor, built by the same team.",
        "INFO    -  DeprecationWarning: 'foo' is deprecated and will be removed in 2.0",
        '  File "/x/plugin.py", line 3',
        "A third-party plugin's option 'bar' is no longer supported",
    ])
    assert engine.unexpected_notices(log) == [
        "INFO    -  DeprecationWarning: 'foo' is deprecated and will be removed in 2.0",
        "A third-party plugin's option 'bar' is no longer supported",
    ]


def test_the_build_commands_run_properdocs_with_the_named_config():
    command = engine.command("--quiet")
    assert os.path.basename(command[0]) == "properdocs" and command[1:3] == ["build", "--strict"]
    assert command[3:5] == ["-f", str(engine.CONFIG)]
