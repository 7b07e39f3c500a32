"""pymdownx.blocks' option headers (`    attrs: {…}`, `    type: …`) parsed once per distinct text.

pymdownx 13.1 reads every block's header with PyYAML (`pymdownx.blocks.get_frontmatter`); a plan
page holds hundreds of blocks whose headers repeat a handful of texts, and at 50 plans the YAML
parsing was a fifth of the site build (BENCHMARKS.md, Scale). The parse of a text never changes,
so each distinct header is parsed once per process and every block gets its own copy of the result
(pymdownx may change the options it is given).
"""

from __future__ import annotations

import copy
import functools

import pymdownx.blocks

_parse = pymdownx.blocks.get_frontmatter


@functools.lru_cache(maxsize=4096)
def _parsed(text: str):
    return _parse(text)


def cached_frontmatter(text: str):
    return copy.deepcopy(_parsed(text))


def install() -> None:
    """Route pymdownx.blocks' header parsing through the cache (idempotent)."""
    if pymdownx.blocks.get_frontmatter is not cached_frontmatter:
        pymdownx.blocks.get_frontmatter = cached_frontmatter
