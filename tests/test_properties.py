"""Property tests (Hypothesis): the pipeline's promises on inputs nobody wrote by hand.

The inputs are made from the plans' own material (their sentences, headings and numbering,
recombined, with the artefacts the scraped sources carry added at random places), so that a
failure is a text the pipeline could meet. The profile in tests/conftest.py is derandomised and
bounded: the same examples on every run, in a few seconds each.

1. Nothing lost or added beyond the logged normalizations: the output is the input with exactly
   the logged changes applied (script conversion, stray '?', indentation, half-width → full-width
   punctuation, stray spaces), each counted as often as it happened.
2. Normalization is idempotent.
3. The OpenCC round trip (mainland → s2twp → the project's converter) gives mainland text back,
   but for the reviewed losses of sources/opencc/round-trip-losses.toml.
4. Any numbering the parser accepts gives unique, ASCII ids by the `s` + numbers rule, the same
   on a second parse and whatever the headings say.
5. A broken input gives exit code 2 and one line `error: <file>[:<line>]: …`, never a traceback.
"""

from __future__ import annotations

import contextlib
import copy
import io
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import opencc
from hypothesis import event, given
from hypothesis import strategies as st

from tools import cli
from tools.common.errors import InputError
from tools.common.paths import SOURCES
from tools.ingest import reader, round_trip, script, textnorm
from tools.ingest.normalize import LineNormalizer
from tools.ingest.normlog import NormalizationLog
from tools.ingest.regions import RawLine
from tools.model import anchors, numbering
from tools.model.parse import parse_body
from tools.model.plandata import Numbering, load_all

# -- the plans' own material ----------------------------------------------------------------------
DATA = {data.slug: data for data in load_all(SOURCES)}
SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")


def _sentences(slugs) -> list[str]:
    found = []
    for slug in slugs:
        data = DATA[slug]
        for line in reader.read_source(data.source, data.encoding)[0]:
            found.extend(s.strip() for s in SENTENCE.findall(line) if textnorm.has_cjk(s) and len(s.strip()) > 3)
    return sorted(set(found))


SIMPLIFIED = sorted(slug for slug, data in DATA.items() if data.script == script.SIMPLIFIED)
MAINLAND_SENTENCES = _sentences(SIMPLIFIED)
SENTENCES = {slug: _sentences([slug]) for slug in DATA}
NORMALIZERS = {slug: LineNormalizer(data) for slug, data in DATA.items()}
FULL_TO_HALF = {full: half for half, full in textnorm.HALF_TO_FULL.items()}
LOSSES = round_trip.load_losses()
S2TWP = opencc.OpenCC("s2twp").convert  # round_trip.to_taiwan, its dictionaries loaded once


def test_the_material_is_the_plans():
    assert len(SIMPLIFIED) >= 4 and len(MAINLAND_SENTENCES) > 500
    assert any(DATA[slug].script != script.SIMPLIFIED for slug in DATA)
    assert any(DATA[slug].stray_question_marks for slug in DATA)


# -- 1, 2: normalization --------------------------------------------------------------------------
ARTEFACTS = (" ", "  ", "\u3000", "\u00a0", "\t", "\u2003")


@st.composite
def scraped_line(draw, slug=None):
    """(plan, line): 1–4 sentences of one plan, with spaces, half-width punctuation, stray '?',
    indentation and trailing blanks added where a scraper leaves them, and anywhere else."""
    slug = slug or draw(st.sampled_from(sorted(DATA)))
    text = "".join(draw(st.lists(st.sampled_from(SENTENCES[slug]), min_size=1, max_size=4)))
    chars = list(text)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(chars) - 1))
        kind = draw(st.sampled_from(("space", "half", "question")))
        if kind == "space":
            chars.insert(at, draw(st.sampled_from(ARTEFACTS)))
        elif kind == "half" and chars[at] in FULL_TO_HALF:
            chars[at] = FULL_TO_HALF[chars[at]]
        elif kind == "question":
            chars.insert(at + 1, "?" * draw(st.integers(1, 3)))
    prefix = draw(st.sampled_from(("", "", " ", "\u3000\u3000", "\t")))
    suffix = draw(st.sampled_from(("", "", " ", "\u3000", "\r")))
    return slug, prefix + "".join(chars) + suffix


def normalize(slug: str, text: str) -> tuple[str, dict]:
    """The normalizer's output and what it logged for this one line."""
    normalizer = NORMALIZERS[slug]
    before = (normalizer.punctuation.copy(), normalizer.spaces, normalizer.indented, normalizer.questions, normalizer.converted_chars)
    out = normalizer.text(text)
    logged = {
        "punctuation": normalizer.punctuation - before[0],
        "spaces": normalizer.spaces - before[1],
        "indented": normalizer.indented - before[2],
        "questions": normalizer.questions - before[3],
        "converted": normalizer.converted_chars - before[4],
    }
    return out, logged


def unlogged_changes(slug: str, text: str, out: str, logged: dict) -> list[str]:
    """Walk the input (after the logged script conversion) and the output side by side: every
    difference must be a logged change, and every logged change must have happened."""
    data = DATA[slug]
    converted = script.convert(text, data.script, data.tree.opencc)
    problems = []
    if (converted != text) != bool(logged["converted"]):
        problems.append(f"script conversion changed {converted != text}, logged {logged['converted']}")
    seen = {"punctuation": Counter(), "spaces": 0, "indent": 0, "questions": 0}
    i = j = 0
    while i < len(converted):
        char = converted[i]
        if j < len(out) and char == out[j]:
            i, j = i + 1, j + 1
        elif j < len(out) and textnorm.HALF_TO_FULL.get(char) == out[j]:
            seen["punctuation"][(char, out[j])] += 1
            i, j = i + 1, j + 1
        elif char in textnorm.SPACES + "\r" and j == 0:
            seen["indent"] = 1  # leading blanks: one indented line
            i += 1
        elif char in textnorm.SPACES + "\r" and j == len(out):
            i += 1  # trailing blanks at the end of the line: not text
        elif char in textnorm.SPACES:
            seen["spaces"] += 1
            i += 1
        elif char == "?" and data.stray_question_marks:
            seen["questions"] += 1
            i += 1
        else:
            return [f"unlogged change at {i}: {converted[max(0, i - 8):i + 8]!r} → {out[max(0, j - 8):j + 8]!r}"]
    if j != len(out):
        problems.append(f"output adds {out[j:]!r}")
    if seen["punctuation"] != logged["punctuation"]:
        problems.append(f"punctuation changed {dict(seen['punctuation'])}, logged {dict(logged['punctuation'])}")
    for step, name in (("spaces", "spaces"), ("indent", "indented"), ("questions", "questions")):
        if seen[step] != logged[name]:
            problems.append(f"{step}: {seen[step]} removed, {logged[name]} logged")
    return problems


@given(scraped_line())
def test_normalization_changes_only_what_it_logs(case):
    slug, text = case
    out, logged = normalize(slug, text)
    event("changed: " + ", ".join(sorted(step for step, count in logged.items() if count)) if out != text else "unchanged")
    assert unlogged_changes(slug, text, out, logged) == [], (slug, text, out)


@given(scraped_line())
def test_normalization_is_idempotent(case):
    slug, text = case
    once, _ = normalize(slug, text)
    twice, logged = normalize(slug, once)
    assert twice == once, (slug, text)
    assert not any(logged.values()), (slug, text, logged)


# -- 3: the OpenCC round trip ---------------------------------------------------------------------
@st.composite
def mainland_text(draw):
    """Sentences of the simplified plans, recombined; some clauses run together without their
    comma, so that words meet that never met in the plans."""
    parts = draw(st.lists(st.sampled_from(MAINLAND_SENTENCES), min_size=1, max_size=5))
    text = "".join(parts)
    commas = [m.start() for m in re.finditer("，", text)]
    for at in sorted(draw(st.sets(st.sampled_from(commas), max_size=2)) if commas else (), reverse=True):
        text = text[:at] + text[at + 1:]
    return text


@given(mainland_text())
def test_opencc_round_trip_gives_mainland_text_back(text):
    taiwan = S2TWP(text)
    event("s2twp changed the text" if taiwan != text else "s2twp left the text alone")
    back = script.to_mainland(taiwan)
    comparison = round_trip.compare(text, back, LOSSES)
    assert not comparison.unexplained, [(clause, returned) for clause, returned in comparison.unexplained]


# -- 4: numbering and ids -------------------------------------------------------------------------
SCHEMES = (
    Numbering(),
    Numbering(levels=("一、", "（一）", "1.", "（1）")),
    Numbering(levels=("第X章", "第X节", "一、"), loose=()),
    Numbering(levels=("第X章", "1.1", "1.1.1"), loose=()),
    Numbering(levels=("一、", "（一）", "①"), loose=()),
)
CN_DIGITS = "零一二三四五六七八九"
# Body text that is not itself a heading, a dash item, a box, a table row or a duty note.
PROSE = [s for s in MAINLAND_SENTENCES
         if not numbering.detect(s) and not s.startswith(("——", "专栏", "|", "(", "责任单位", "牵头单位")) and s.endswith("。")]
TITLES = sorted({s.rstrip("。") for s in PROSE if len(s) <= 17 and "，" not in s and "," not in s})
LONG_SENTENCES = [s for s in PROSE if len(s) > 40][:200]
DUTY = "〔责任单位：区市场监管局〕"
SECTION_ID = re.compile(r"^s[1-9]\d*(-[1-9]\d*)*$")


def chinese(value: int) -> str:
    tens, units = divmod(value, 10)
    return ((CN_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (CN_DIGITS[units] if units or not tens else "")


def printed(marker: numbering.Marker, value: int, path: list[int]) -> str:
    if marker.kind == "cn":
        return chinese(value)
    if marker.kind == "circled":
        return numbering.CIRCLED[value - 1]
    if marker.kind == "decimal":
        return ".".join(str(n) for n in [*path, value])
    return str(value)


@st.composite
def numbered_plan(draw):
    """(scheme, lines): a preamble, then headings of random depth in the scheme, numbered in order
    (now and then wrongly), each followed by paragraphs, dash items and duty notes."""
    scheme = draw(st.sampled_from(SCHEMES))
    levels = [numbering.MARKERS[key] for key in scheme.levels]
    lines = [draw(st.sampled_from(PROSE))]
    retitled = list(lines)  # the same plan with other words in every heading
    counts: list[int] = []  # the numbers of the open path
    headings = draw(st.integers(1, 14))
    # One plan in four has one numbering mistake: a skipped level, a number repeated or jumped.
    broken = draw(st.integers(0, headings - 1)) if draw(st.integers(0, 3)) == 0 else -1
    mistake = draw(st.sampled_from(("skip", "repeat", "jump")))
    for heading in range(headings):
        depth = draw(st.integers(0, min(len(counts), len(levels) - 1)))
        if heading == broken and mistake == "skip":
            depth = min(depth + 1, len(levels) - 1)
        counts = counts[:depth + 1] + [0] * max(0, depth + 1 - len(counts))
        counts[depth] += 1
        value = counts[depth] + ({"repeat": -1, "jump": 1}.get(mistake, 0) if heading == broken else 0)
        marker = levels[depth]
        decimal_path = counts[:depth][-marker.key.count("."):] if marker.kind == "decimal" else []
        label = marker.label.format(n=printed(marker, max(value, 1), decimal_path)) + (" " if marker.gap else "")
        form = draw(st.sampled_from(("title", "lead", "sentence"))) if depth else "title"
        for words in (lines, retitled):
            title = draw(st.sampled_from(TITLES))
            if form == "lead":
                title += "。" + draw(st.sampled_from(PROSE))
            elif form == "sentence":
                title = draw(st.sampled_from(LONG_SENTENCES))
            words.append(label + title)
        for _ in range(draw(st.integers(1 if form == "title" else 0, 2))):
            text = draw(st.sampled_from(PROSE))
            kind = draw(st.sampled_from(("paragraph", "paragraph", "dash", "duty")))
            text = "——" + text if kind == "dash" else text.rstrip("。") + DUTY if kind == "duty" else text
            lines.append(text)
            retitled.append(text)
    return scheme, lines, retitled


def parsed_ids(scheme: Numbering, lines: list[str]) -> tuple[list[str], list[tuple[str, tuple[int, ...]]]]:
    """Every id of the parsed body, in order, and each section's id with its printed values."""
    raw = [RawLine(n, text, False) for n, text in enumerate(lines, 1)]
    preamble, sections = parse_body(Path("generated.txt"), raw, NormalizationLog(), copy.deepcopy(scheme))
    ids, section_values = [], []

    def blocks(items):
        for block in items:
            ids.append(block.id)
            if block.duty:
                ids.append(block.duty.id)
            blocks(block.blocks)

    def walk(items, path):
        for section in items:
            ids.append(section.id)
            section_values.append((section.id, (*path, section.value)))
            if section.duty:
                ids.append(section.duty.id)
            blocks(section.blocks)
            walk(section.children, (*path, section.value))

    blocks(preamble)
    walk(sections, ())
    return ids, section_values


@given(numbered_plan())
def test_accepted_numbering_gives_unique_stable_ids(case):
    scheme, lines, retitled = case
    try:
        ids, sections = parsed_ids(scheme, lines)
    except InputError as error:
        event("refused")
        # Refused: with the line that is wrong (what property 5 checks end to end).
        assert error.line is not None and 1 <= error.line <= len(lines), str(error)
        return
    event("accepted")
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert all(i.isascii() and anchors.parse(i) is not None for i in ids), ids
    for section, values in sections:
        assert SECTION_ID.match(section) and section == "s" + "-".join(str(v) for v in values), (section, values)
    assert parsed_ids(scheme, lines) == (ids, sections)
    # Ids follow the numbering, never the words: other titles, the same section ids.
    assert parsed_ids(scheme, retitled)[1] == sections


# -- 5: bad input ----------------------------------------------------------------------------------
BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"
VALID = ("crlf", "decimal-levels", "gbk", "utf16", "utf8-bom", "markdown-jinja")
SHARED = ("ui.toml", "metadata-fields.toml", "publication.toml", "opencc")
INSERTS = ("（一）", "(1)", "1.1.1", "第三章", "三、", "专栏1", "\t", "| a | b |", "〔责任单位：", "（", "\x00", "\ufeff", "?", "。", "")
TOML_VALUES = ('""', "0", "[]", '"x"', "[2025, 2021]", '"traditional"', "{", '"seeds/none.txt"')
ERROR_LINE = re.compile(r"^error: (\S+?)(?::(\d+))?: \S")


@st.composite
def broken_tree(draw):
    """A valid minimal sources tree (a bad-input case that builds) and one mutation of its seed
    or its plan data file: truncated, a line dropped or doubled, text inserted, a value replaced."""
    case = draw(st.sampled_from(VALID))
    seed = next((BAD_INPUTS / case / "seeds").iterdir())
    plan = BAD_INPUTS / case / "plans" / "test-plan.toml"
    target = draw(st.sampled_from(("seed", "plan")))
    if target == "seed":
        data = seed.read_bytes()
        lines = data.split(b"\n")
        n = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(("truncate", "drop", "double", "insert")))
        if how == "truncate":
            data = data[:draw(st.integers(0, len(data)))]
        elif how == "drop":
            data = b"\n".join(lines[:n] + lines[n + 1:])
        elif how == "double":
            data = b"\n".join(lines[:n + 1] + lines[n:])
        else:
            at = draw(st.integers(0, len(lines[n])))
            lines[n] = lines[n][:at] + draw(st.sampled_from(INSERTS)).encode("utf-8") + lines[n][at:]
            data = b"\n".join(lines)
        return case, seed.relative_to(BAD_INPUTS / case), data
    text = plan.read_text(encoding="utf-8")
    lines = text.split("\n")
    n = draw(st.integers(0, len(lines) - 1))
    how = draw(st.sampled_from(("truncate", "drop", "value")))
    if how == "truncate":
        text = text[:draw(st.integers(0, len(text)))]
    elif how == "drop":
        text = "\n".join(lines[:n] + lines[n + 1:])
    elif "=" in lines[n]:
        key = lines[n].split("=", 1)[0]
        text = "\n".join(lines[:n] + [f"{key}= {draw(st.sampled_from(TOML_VALUES))}"] + lines[n + 1:])
    return case, plan.relative_to(BAD_INPUTS / case), text.encode("utf-8")


def build_broken(case: str, relative: Path, data: bytes) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "sources"
        shutil.copytree(BAD_INPUTS / case, tree, ignore=shutil.ignore_patterns("expected.txt"))
        for name in SHARED:
            source = SOURCES.root / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, tree / name)
        (tree / relative).write_bytes(data)
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = cli.main(["--sources", str(tree), "--docs", str(Path(folder) / "docs"), "build", "--force"])
        return code, err.getvalue()


@given(broken_tree())
def test_bad_input_gives_one_clear_line(case):
    code, err = build_broken(*case)
    event(f"exit {code}: " + (re.sub(r"[\d'].*", "", err.split(": ", 2)[-1]).strip() if code else "built"))
    assert "Traceback" not in err
    if code == 0:
        return
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    found = ERROR_LINE.match(lines[0])
    assert found and Path(found.group(1)).name in ("test-plan.toml", "source.txt"), lines[0]
