"""The PDFs' Chinese face: Debian's Noto Sans CJK SC with TrueType outlines, for the printing browser only.

Why: Chromium's PDF writer (Skia) embeds a font with TrueType (glyf) outlines as a CID-keyed
subset (CIDFontType2: each glyph once, its outline compact), but the CFF outlines of Debian's
`fonts-noto-cjk` as Type 3 fonts: every glyph a separate drawing, spread over many small fonts.
Those were most of the PDFs' weight.

How: at build time, from the installed package (nothing big is committed), fontTools converts
each weight the pages use (Regular, Bold) of the "Noto Sans CJK SC" face of the collection: first
cut down to the characters the site's pages hold (`characters`: a few thousand of its 65,000
glyphs, so that the conversion takes seconds, not a minute and a half of CPU a fresh machine's
first build or test run would pay), then every glyph's cubic curves become quadratic ones within 1
unit of the 1000-unit em (cu2qu, as fontmake does), hints dropped (the outlines are for paper). The
result, and a fontconfig file, are kept under `.cache/fonts/<key>/`, keyed
(`tools.common.cachekey`) by this module, fontTools' version, the bytes of the source fonts and
the characters: a build converts again only when a page gains a character none had.

Only the printing browser sees the face: the fontconfig file (FONTCONFIG_FILE in its environment)
adds the system's configuration, the folder, and a rule that puts the print face before every
request for "Noto Sans CJK SC" (a strong binding, so Chromium takes it as that family). The CSS
does not change: screen fonts stay as they are, and every glyph the print face lacks falls back
as before.

Licence: Noto Sans CJK is under the SIL Open Font License 1.1 (Debian:
/usr/share/doc/fonts-noto-cjk/copyright). The converted font is a Modified Version: it carries
its own family name (FAMILY; "Noto" is Google's trademark) and keeps the copyright notice and the
licence records of its name table; it never leaves the build machine except as the subsets
embedded in the PDFs, which the OFL permits for documents.
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tools.common.cachekey import Key
from tools.common.paths import FONT_CACHE

SOURCE_FAMILY = "Noto Sans CJK SC"  # the face the CSS names (assets/site.css, the PDF header band)
FAMILY = "IP Plans Print CJK SC"  # the converted face's own name (OFL: a Modified Version is renamed)
POSTSCRIPT = FAMILY.replace(" ", "")
NOTO = Path("/usr/share/fonts/opentype/noto")
# The weights the pages print in: body text, and headings, table heads and <strong>.
WEIGHTS = {"Regular": NOTO / "NotoSansCJK-Regular.ttc", "Bold": NOTO / "NotoSansCJK-Bold.ttc"}
MAX_ERROR = 1.0  # font units (of 1000 per em) a quadratic curve may stray from the cubic one: fontmake's default
# name table records rewritten for the new family: unique id, family and style, full and PostScript
# names, version, trademark, typographic family and style, WWS names, variations prefix.
RENAMED = (1, 2, 3, 4, 5, 6, 7, 16, 17, 21, 22, 25)

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- The PDF printing browser's fonts (tools/publish/printfont.py): the system's, the print face,
     and the print face first wherever a page asks for {source}. -->
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{folder}</dir>
  <cachedir>{folder}/fontconfig</cachedir>
  <match target="pattern">
    <test name="family"><string>{source}</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>{family}</string></edit>
  </match>
</fontconfig>
"""


def characters(pages: Iterable[Path]) -> str:
    """Every character the printed pages hold (with printable ASCII, which the PDF header and
    footer use), sorted: what the print face must draw. Characters it lacks fall back as before."""
    found = {chr(code) for code in range(0x20, 0x7F)}
    for page in pages:
        found.update(page.read_text(encoding="utf-8"))
    return "".join(sorted(found - {"\n", "\r", "\t"}))


@functools.cache
def font_key(characters: str) -> str:
    """Everything the converted fonts are made from: this module, fontTools, the source fonts' bytes, the characters."""
    key = Key("print-font", code=[__name__], libraries=["fonttools"],
              settings={"family": FAMILY, "source": SOURCE_FAMILY, "max_error": MAX_ERROR})
    for style, source in sorted(WEIGHTS.items()):
        key.add_file(source, style) if source.is_file() else key.add_text(f"{style}: missing")
    return key.add_text(characters).hexdigest()


def fontconfig_file(characters: str, cache: Path = FONT_CACHE) -> Path:
    """The fontconfig file for the printing browser, converting the fonts first if they are not cached."""
    folder = cache / font_key(characters)
    conf = folder / "fonts.conf"
    if conf.is_file():
        return conf
    cache.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".making-", dir=cache))
    staging.chmod(0o755)
    try:
        with ProcessPoolExecutor(max_workers=min(len(WEIGHTS), os.cpu_count() or 1)) as pool:
            list(pool.map(convert, WEIGHTS.values(), WEIGHTS, [staging / file_name(style) for style in WEIGHTS],
                          [characters] * len(WEIGHTS)))
        (staging / "fonts.conf").write_text(FONTS_CONF.format(folder=folder, source=SOURCE_FAMILY, family=FAMILY), encoding="utf-8")
        for stale in cache.iterdir():  # one set of fonts at a time: they weigh 40 MB
            if stale.is_dir() and not stale.name.startswith(".") and stale != folder:
                shutil.rmtree(stale)
        try:
            staging.rename(folder)  # whole or not at all: an interrupted build leaves only the staging folder
        except OSError:
            if not conf.is_file():  # else a build alongside made the same fonts first
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return conf


def browser_environment(conf: Path) -> dict[str, str]:
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def file_name(style: str) -> str:
    return f"{POSTSCRIPT}-{style}.ttf"


def convert(source: Path, style: str, target: Path, characters: str) -> None:
    """The SOURCE_FAMILY face of the collection `source`, cut down to `characters`, with TrueType
    outlines and renamed, to `target`."""
    from fontTools.ttLib import TTCollection

    font = next(face for face in TTCollection(source).fonts if face["name"].getDebugName(1) == SOURCE_FAMILY)
    cut_down(font, characters)
    to_truetype_outlines(font)
    rename(font, style)
    font.recalcTimestamp = False  # keep the source's date in `head`: the same bytes from every conversion
    font.save(target)


def cut_down(font, characters: str) -> None:
    """Only the glyphs `characters` need (with those their layout features reach: vertical and
    width variants, ligatures); every name record, the layout tables and `head`'s date kept."""
    from fontTools import subset

    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in characters])
    subsetter.subset(font)


def to_truetype_outlines(font) -> None:
    """CFF → glyf: each glyph drawn through cu2qu into a TrueType glyph; the tables that describe
    outlines follow (loca, maxp 1.0, head's format, post without glyph names); VORG is CFF's alone."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))  # TrueType winds the other way
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, style: str) -> None:
    """FAMILY instead of the source's names (Windows, English records); copyright and licence kept."""
    names = font["name"]
    version = names.getDebugName(5) or ""
    for record in list(names.names):
        if record.nameID in RENAMED:
            names.removeNames(nameID=record.nameID)
    for name_id, text in {1: FAMILY, 2: style, 3: f"{POSTSCRIPT}-{style};{version}", 4: f"{FAMILY} {style}",
                          5: f"{version}; TrueType outlines converted from {SOURCE_FAMILY}",
                          6: f"{POSTSCRIPT}-{style}"}.items():
        names.setName(text, name_id, 3, 1, 0x409)
