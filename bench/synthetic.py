"""A varied synthetic corpus for the benchmarks: `synthetic_sources(workdir, count) -> Path`.

The real plans (copy 0, real slugs, so the glossary, topics and references still resolve) and
then copies 1, 2, … of every real plan under the slug `<slug>-c<n>`, until `count` plans. A copy
is not a plain copy, which would compress unrealistically well and give a plans page one region,
level and period per real plan. Per copy (the variation is data: bench/synthetic.toml):

- paragraphs exchanged: a share of the skeleton's plain paragraphs are replaced in its source text
  by plain paragraphs of any real plan, and the translation entry at that anchor takes the donor's
  Chinese, hash and English, so the translation stays current (its hash is of the Chinese,
  `tools/annotate/translations.py`). Only paragraphs whose source line, punctuation made
  full-width, is their Chinese (or a numbered entry's lead sentence and then their Chinese) take
  part; never one a target quotes or that carries a duty note; a traditional-script source gives
  paragraphs but takes none;
- region renamed: the region's names, Chinese and English, in the source text, the plan's data
  file (line rules included, in the source's script), the translation (hashes recomputed from the
  renamed Chinese, so a current entry stays current and a stale one stays stale), the targets and
  the targets-over-time files;
- period shifted by whole years in the plan's facts (period, dates, titles); its text keeps its
  years.

What cannot vary this way is left alone and said so in BENCHMARKS.md: structure, numbering and
headings stay the skeleton's, and every paragraph is a real paragraph (renamed), so the corpus has
no more distinct paragraphs than the real plans.
"""

from __future__ import annotations

import gzip
import json
import lzma
import random
import re
import shutil
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tools.annotate.translations import text_hash
from tools.common.paths import SOURCES, SourceTree
from tools.ingest.textnorm import collapse_spaces, full_width_punctuation, remove_stray_spaces

SETTINGS = Path(__file__).with_name("synthetic.toml")
# A donor paragraph must read as a plain paragraph in any plan: never opening like a numbered
# entry, a dash item or a box, and ending as a sentence does.
NOT_AN_OPENING = tuple("一二三四五六七八九十（(0123456789０１２３４５６７８９第专—-–·•●◆■□【[〔")
PARAGRAPH_KEY = re.compile(r"-p\d+$")
BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Real:
    """A real plan as a skeleton: its files' text and the paragraphs that may be exchanged."""

    slug: str
    plan_text: str
    seed_text: str
    translation: dict
    targets_text: str | None
    traditional: bool
    exchangeable: dict[str, tuple[int, int]]  # anchor id → (source line, characters of it kept before the paragraph)
    line_rules: tuple[str, ...]
    donatable: tuple[str, ...]  # anchor ids of plain, translated paragraphs another plan may take


@cache
def settings() -> dict:
    return tomllib.loads(SETTINGS.read_text(encoding="utf-8"))


def real_plans(tree: SourceTree = SOURCES) -> list[Real]:
    """The real plans, predecessors before their successors (a copy's pair keeps its order)."""
    plans = []
    for path in sorted(tree.plans.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
        seed = (tree.root / data["source"]).read_text(encoding="utf-8")
        translation = tomllib.loads(tree.translation_file(data["slug"]).read_text(encoding="utf-8"))
        targets_path = tree.targets_file(data["slug"])
        targets_text = targets_path.read_text(encoding="utf-8") if targets_path.exists() else None
        # Targets, baselines and outcomes quote paragraphs by anchor: those keep their text.
        quoting = (targets_text or "") + "".join(path.read_text(encoding="utf-8") for path in tree.target_lineage.glob("*.toml"))
        quoted = {key for key in translation if f'"{key}"' in quoting}
        traditional = data.get("script", "simplified") != "simplified"
        quoted |= {key.removesuffix("-duty") for key in translation if key.endswith("-duty")}
        rules = tuple(collapse_spaces(rule["match"]) for rule in data.get("lines", []) if "match" in rule)
        exchangeable = {} if traditional else paragraph_lines(seed, translation, quoted, rules)
        donatable = tuple(key for key, entry in translation.items() if PARAGRAPH_KEY.search(key) and usable(entry))
        plans.append(Real(data["slug"], text, seed, translation, targets_text, traditional, exchangeable, rules, donatable))
    return plans


def paragraph_lines(seed: str, translation: dict, excluded: set[str], rules: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Plain, translated paragraphs found in the source: anchor → (line, characters kept before it).

    A line read as the normalizer reads it (punctuation full-width, stray spaces gone) is either
    the paragraph or a numbered entry's lead sentence up to its first 。 and then the paragraph.
    A line that a line rule of the plan file matches (notice, closing, chrome) is never taken."""
    lines = seed.split("\n")
    read = [remove_stray_spaces(full_width_punctuation(line.strip())[0])[0] for line in lines]
    found = {}
    for key, entry in translation.items():
        zh = entry["zh"]
        if not PARAGRAPH_KEY.search(key) or key in excluded or not usable(entry):
            continue
        hits = [i for i, line in enumerate(read) if line.endswith(zh)]
        if len(hits) != 1:
            continue
        i = hits[0]
        if any(rule in collapse_spaces(lines[i]) for rule in rules):
            continue
        lead = read[i][: len(read[i]) - len(zh)]
        if not lead:
            found[key] = (i, len(lines[i]) - len(lines[i].lstrip()))
        elif lead.endswith("。") and lead.count("。") == 1 and "。" in lines[i]:
            found[key] = (i, lines[i].index("。") + 1)
    return found


def usable(entry: dict) -> bool:
    """A current, translated paragraph that reads as a plain paragraph in any plan."""
    zh = entry["zh"]
    return (len(zh) >= 20 and not zh.startswith(NOT_AN_OPENING) and zh.endswith("。")
            and entry["hash"] == text_hash(zh) and bool(entry["en"].strip()) and "units" not in entry)


def synthetic_sources(workdir: Path, count: int) -> Path:
    """A sources/ tree under workdir with `count` plans: the real ones, then varied copies.

    `count` must be a multiple of the number of real plans (a copy keeps a plan and its
    predecessor together)."""
    reals = real_plans()
    if count < len(reals) or count % len(reals):
        raise ValueError(f"count must be a multiple of the {len(reals)} real plans, not {count}")
    sources = workdir / "sources"
    shutil.copytree(SOURCES.root, sources, ignore=shutil.ignore_patterns("plans", "translations", "targets"))
    for folder in ("plans", "translations", "targets", "targets/lineage"):
        (sources / folder).mkdir(parents=True, exist_ok=True)
    donors = [(real, key) for real in reals for key in real.donatable]
    for n in range(count // len(reals)):
        for real in reals:
            write_copy(sources, real, n, reals, donors)
        write_lineage(sources, reals, n)
    return sources


def copy_slug(slug: str, n: int) -> str:
    return f"{slug}-c{n}" if n else slug


def renames(real: Real, n: int) -> tuple[dict[str, str], dict[str, str]]:
    """The copy's region names (Chinese, in both scripts; English), old → new."""
    entry = settings()["plans"].get(real.slug)
    if not n or not entry:
        return {}, {}
    region = entry["regions"][(n - 1) % len(entry["regions"])]
    zh = {old[0]: new[0] for old, new in zip(entry["names"], region, strict=True)}
    en = {old[1]: new[1] for old, new in zip(entry["names"], region, strict=True)}
    if real.traditional:
        zh |= {to_traditional(old): to_traditional(new) for old, new in list(zh.items())}
    return zh, en


@cache
def _converter():
    import opencc

    return opencc.OpenCC("s2twp")


def to_traditional(text: str) -> str:
    return _converter().convert(text)


def replace_all(text: str, mapping: dict[str, str]) -> str:
    """Every old name replaced in one pass, longest first (a new name is never renamed again)."""
    if not mapping:
        return text
    pattern = re.compile("|".join(re.escape(old) for old in sorted(mapping, key=len, reverse=True)))
    return pattern.sub(lambda match: mapping[match.group(0)], text)


def write_copy(sources: Path, real: Real, n: int, reals: list[Real], donors: list[tuple[Real, str]]) -> None:
    slug = copy_slug(real.slug, n)
    zh_names, en_names = renames(real, n)
    seed, translation = real.seed_text, {key: dict(entry) for key, entry in real.translation.items()}
    if n:
        seed, translation = exchange_paragraphs(real, seed, translation, donors, random.Random(f"{real.slug}/{n}"))
    seed = replace_all(seed, zh_names)
    for entry in translation.values():
        current = entry["hash"] == text_hash(entry["zh"])
        entry["zh"] = replace_all(entry["zh"], zh_names)
        entry["en"] = replace_all(entry["en"], en_names)
        for field, names in (("units", zh_names), ("units_en", en_names)):
            if field in entry:
                entry[field] = [replace_all(unit, names) for unit in entry[field]]
        if current:
            entry["hash"] = text_hash(entry["zh"])
    seed_name = f"seeds/{slug}.txt" if n else None
    plan_text = plan_file(real, n, slug, seed_name, reals, zh_names, en_names)
    if seed_name:
        (sources / seed_name).write_text(seed, encoding="utf-8")
    (sources / "plans" / f"{slug}.toml").write_text(plan_text, encoding="utf-8")
    (sources / "translations" / f"{slug}.en.toml").write_text(translation_toml(real.slug, translation), encoding="utf-8")
    if real.targets_text is not None:
        targets = replace_all(replace_all(real.targets_text, zh_names), en_names)
        (sources / "targets" / f"{slug}.toml").write_text(targets, encoding="utf-8")


def exchange_paragraphs(real: Real, seed: str, translation: dict, donors: list[tuple[Real, str]],
                        rng: random.Random) -> tuple[str, dict]:
    """A share of the skeleton's exchangeable paragraphs replaced by donors' paragraphs, each line
    for line in the source and entry for entry in the translation (Chinese, hash and English)."""
    lines = seed.split("\n")
    present = set(lines)
    chosen = [key for key in real.exchangeable if rng.random() < settings()["exchange"]]
    for key in chosen:
        donor, donor_key = rng.choice(donors)
        entry = donor.translation[donor_key]
        if any(rule in collapse_spaces(entry["zh"]) for rule in real.line_rules) or any(entry["zh"] in line for line in present):
            continue  # a line rule would take it, or the paragraph would stand twice
        i, kept = real.exchangeable[key]
        lines[i] = lines[i][:kept] + entry["zh"]
        present.add(lines[i])
        translation[key] = {"hash": entry["hash"], "zh": entry["zh"], "en": entry["en"]}
    return "\n".join(lines), translation


def plan_file(real: Real, n: int, slug: str, seed_name: str | None, reals: list[Real],
              zh_names: dict[str, str], en_names: dict[str, str]) -> str:
    """The plan's data file for copy n: slugs of the copy, the seed, region names, the period shifted."""
    text = real.plan_text
    if not n:
        return text
    for other in reals:
        text = text.replace(f'"{other.slug}"', f'"{copy_slug(other.slug, n)}"')
    text = re.sub(r'^source = ".*"$', f'source = "{seed_name}"', text, count=1, flags=re.M)
    text = replace_all(replace_all(text, zh_names), en_names)
    shifts = settings()["period_shifts"]
    return shift_period(text, shifts[(n - 1) % len(shifts)])


def shift_period(text: str, years: int) -> str:
    """Period, dates and the years in titles moved by `years` (the facts a plans page filters on)."""
    if not years:
        return text

    def moved(match: re.Match) -> str:
        return str(int(match.group(0)) + years)

    def fact(match: re.Match) -> str:
        return match.group(1) + re.sub(r"(?<!\d)(19|20)\d\d(?!\d)", moved, match.group(2))

    return re.sub(r"^((?:period|date_written|date_published|title_zh|title_en|short_zh|short_en|cite_en) = )(.*)$",
                  fact, text, flags=re.M)


def write_lineage(sources: Path, reals: list[Real], n: int) -> None:
    """Targets over time: each copied pair of plans brings its reviewed lineage file, slugs and names renamed."""
    by_slug = {real.slug: real for real in reals}
    for path in sorted(SOURCES.target_lineage.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        earlier, later = path.stem.split("--")
        for real in (by_slug.get(earlier), by_slug.get(later)):
            if real:
                zh_names, en_names = renames(real, n)
                text = replace_all(replace_all(text, zh_names), en_names)
        for slug in by_slug:
            text = text.replace(f'"{slug}"', f'"{copy_slug(slug, n)}"')
        name = f"{copy_slug(earlier, n)}--{copy_slug(later, n)}.toml"
        (sources / "targets" / "lineage" / name).write_text(text, encoding="utf-8")


def translation_toml(title_slug: str, translation: dict) -> str:
    """A translation file in the form `python -m tools translations` writes (strings as JSON)."""
    out = [f"# Synthetic copy of the translation of {title_slug} (bench/synthetic.py).", ""]
    for key, entry in translation.items():
        out.append(f"[{key if BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)}]")
        for field, value in entry.items():
            if isinstance(value, list):
                out.append(f"{field} = [" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]")
            else:
                out.append(f"{field} = {json.dumps(value, ensure_ascii=False)}")
        out.append("")
    return "\n".join(out)


# ----- figures: how much a synthetic plan's text compresses beside a real one's -----------------


def plan_texts(sources: Path) -> dict[str, bytes]:
    """Per plan: its Chinese source text and its English, as the plan page carries both."""
    tree = SourceTree(sources)
    texts = {}
    for path in sorted(tree.plans.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        english = tomllib.loads(tree.translation_file(data["slug"]).read_text(encoding="utf-8"))
        seed = (tree.root / data["source"]).read_text(encoding="utf-8")
        texts[data["slug"]] = (seed + "\n" + "\n".join(entry["en"] for entry in english.values())).encode("utf-8")
    return texts


def compression(texts: list[bytes]) -> dict:
    """Bytes per plan: raw, gzip of each plan alone, gzip and xz of all plans in one stream (xz's
    window spans the corpus, so it sees a paragraph repeated in another plan; gzip's 32 KB does not)."""
    whole = b"\n".join(texts)
    return {
        "plans": len(texts),
        "raw": len(whole) / len(texts),
        "gzip_each": sum(len(gzip.compress(text, 9, mtime=0)) for text in texts) / len(texts),
        "gzip_all": len(gzip.compress(whole, 9, mtime=0)) / len(texts),
        "xz_all": len(lzma.compress(whole, preset=6)) / len(texts),
    }


def plain_copies(texts: dict[str, bytes], count: int) -> list[bytes]:
    """What the old benchmark built: the real plans' texts repeated, slugs aside."""
    real = list(texts.values())
    return [real[i % len(real)] for i in range(count)]
