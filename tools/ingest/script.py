"""Traditional → mainland simplified Chinese with OpenCC, in one of three script modes.

- `simplified`: the text is left alone.
- `traditional`: characters only (sources/opencc/traditional.json: Hong Kong variants
  reversed, then t2s), for traditional text with mainland or Hong Kong vocabulary.
- `traditional-taiwan`: characters and vocabulary (sources/opencc/taiwan.json): t2s with the
  Taiwan phrase table placed first, in both segmentation and the conversion chain. The
  table is OpenCC's own Taiwan phrases reversed, minus the entries that would damage
  mainland text, plus guard phrases (tools/ingest/taiwan_table.py writes it).

The configs live in the repository; at run time their bare `.ocd2` names are pointed at the
installed opencc package, because the PyPI wheel cannot find them from a config outside it.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

import opencc

from tools.common.paths import SOURCES

SIMPLIFIED, TRADITIONAL, TAIWAN = "simplified", "traditional", "traditional-taiwan"
CONFIGS = {TRADITIONAL: "traditional.json", TAIWAN: "taiwan.json"}
CONFIG_NAME = CONFIGS[TAIWAN]
PHRASES_NAME = "taiwan-phrases.txt"


def opencc_data_dir() -> Path:
    return Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"


def _resolve(node: object, config_dir: Path) -> object:
    """Rewrite every dictionary `file` to an absolute path."""
    if isinstance(node, dict):
        resolved = {key: _resolve(value, config_dir) for key, value in node.items()}
        if "file" in resolved and isinstance(resolved["file"], str):
            name = resolved["file"]
            base = opencc_data_dir() if name.endswith(".ocd2") else config_dir
            resolved["file"] = str((base / name).resolve())
        return resolved
    if isinstance(node, list):
        return [_resolve(item, config_dir) for item in node]
    return node


@functools.cache
def converter(opencc_dir: Path = SOURCES.opencc, config_name: str = CONFIG_NAME) -> opencc.OpenCC:
    """An OpenCC converter for a sources tree's config, with its dictionary paths made absolute.

    OpenCC reads its config from a file, so the resolved copy is written to a temporary
    file that is removed as soon as OpenCC has loaded it.
    """
    config = opencc_dir / config_name
    resolved = _resolve(json.loads(config.read_text(encoding="utf-8")), config.parent)
    handle = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8")
    try:
        with handle:
            json.dump(resolved, handle, ensure_ascii=False)
        return opencc.OpenCC(handle.name)
    finally:
        os.unlink(handle.name)


def convert(text: str, mode: str, opencc_dir: Path = SOURCES.opencc) -> str:
    """`text` in mainland simplified Chinese, read as written in script `mode`."""
    if mode == SIMPLIFIED:
        return text
    return converter(opencc_dir, CONFIGS[mode]).convert(text)


def to_mainland(text: str, opencc_dir: Path = SOURCES.opencc) -> str:
    """Traditional characters with Taiwan vocabulary → mainland simplified."""
    return convert(text, TAIWAN, opencc_dir)


def load_phrases(opencc_dir: Path = SOURCES.opencc) -> dict[str, str]:
    path = opencc_dir / PHRASES_NAME
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, target = line.split("\t")
            table[source] = target
    return table


def count_phrases(text: str, table: dict[str, str]) -> Counter:
    """How often each phrase-table entry fires, by longest match left to right, as OpenCC's mmseg does."""
    counts: Counter = Counter()
    longest = max(map(len, table), default=0)
    position = 0
    while position < len(text):
        for size in range(min(longest, len(text) - position), 0, -1):
            candidate = text[position:position + size]
            if candidate in table:
                counts[candidate] += 1
                position += size
                break
        else:
            position += 1
    return counts
