"""BENCHMARKS.md sections: a benchmark's section replaces its own old copy and nothing else."""

from bench.report import SEARCH_HEADING, replace_section

BEFORE = "# Benchmarks\n\n## Build\n\nold build\n\n## Similar passages\n\nold similar\n\n" + SEARCH_HEADING + "\n\nsearch\n"


def test_a_section_replaces_its_old_copy_and_keeps_the_rest():
    text = replace_section(BEFORE, ["## Similar passages", "", "new similar"])
    assert "new similar" in text and "old similar" not in text
    assert text.index("## Build") < text.index("new similar") < text.index(SEARCH_HEADING)
    assert "old build" in text and text.endswith("search\n")


def test_a_new_section_goes_before_the_search_sections():
    text = replace_section(BEFORE, ["## Lighthouse", "", "scores"])
    assert text.index("old similar") < text.index("## Lighthouse") < text.index(SEARCH_HEADING)
    assert text.count("## ") == BEFORE.count("## ") + 1


def test_without_search_sections_a_new_section_is_appended():
    text = replace_section("# Benchmarks\n\n## Build\n\nx\n", ["## Scale", "", "y"])
    assert text.startswith("# Benchmarks\n\n## Build\n\nx\n") and text.rstrip().endswith("y")
