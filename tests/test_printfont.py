"""The PDFs' print face (tools/publish/printfont.py), on a small CFF collection made here: TrueType
outlines, its own name with the copyright and licence kept, and the same bytes from every
conversion (the PDFs embed its subsets, so a new date in the font would change them). The real
font's conversion takes minutes; tests/test_pdf.py checks what Chromium makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTCollection, TTFont

from tools.publish import printfont

COPYRIGHT = "© 2014-2021 Adobe (http://www.adobe.com/)."
LICENCE = "This Font Software is licensed under the SIL Open Font License, Version 1.1."


def cff_face(family: str) -> TTFont:
    """A face with CFF outlines: .notdef and a round letter O (cubic curves)."""
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "O"])
    builder.setupCharacterMap({ord("O"): "O"})
    pen = T2CharStringPen(600, None)
    pen.moveTo((300, 0))
    pen.curveTo((465, 0), (560, 160), (560, 350))
    pen.curveTo((560, 540), (465, 700), (300, 700))
    pen.curveTo((135, 700), (40, 540), (40, 350))
    pen.curveTo((40, 160), (135, 0), (300, 0))
    pen.closePath()
    empty = T2CharStringPen(600, None)
    builder.setupCFF(family.replace(" ", ""), {"FullName": family}, {".notdef": empty.getCharString(), "O": pen.getCharString()}, {})
    builder.setupHorizontalMetrics({".notdef": (600, 0), "O": (600, 40)})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"copyright": COPYRIGHT, "familyName": family, "styleName": "Regular", "version": "Version 2.004",
                            "trademark": "Noto is a trademark of Google Inc.", "licenseDescription": LICENCE})
    builder.setupOS2()
    builder.setupPost()
    return builder.font


@pytest.fixture
def collection(tmp_path) -> Path:
    """Like Debian's NotoSansCJK-Regular.ttc: several faces, the one the pages name among them."""
    path = tmp_path / "cjk.ttc"
    faces = TTCollection()
    faces.fonts = [cff_face("Noto Sans CJK JP"), cff_face(printfont.SOURCE_FAMILY)]
    faces.save(path)
    return path


def test_the_print_face_has_truetype_outlines_its_own_name_and_the_licence(collection, tmp_path):
    target = tmp_path / printfont.file_name("Regular")
    printfont.convert(collection, "Regular", target, "O")
    font = TTFont(target)
    assert "glyf" in font and "CFF " not in font and font.sfntVersion == "\x00\x01\x00\x00"
    letter = font["glyf"]["O"]
    assert letter.numberOfContours == 1 and len(letter.coordinates) > 4  # quadratic pieces of the 4 cubic curves
    assert font["hmtx"]["O"] == (600, 40)
    names = font["name"]
    assert names.getDebugName(1) == printfont.FAMILY and names.getDebugName(6) == f"{printfont.POSTSCRIPT}-Regular"
    assert names.getDebugName(0) == COPYRIGHT and names.getDebugName(13) == LICENCE
    # Renamed, the trademark line dropped; only the version record says what it was converted from.
    assert [record.nameID for record in names.names if "Noto" in record.toUnicode()] == [5]
    assert names.getDebugName(5) == f"Version 2.004; TrueType outlines converted from {printfont.SOURCE_FAMILY}"


def test_every_conversion_gives_the_same_bytes(collection, tmp_path, monkeypatch):
    """fontTools would stamp the save time into `head`; the source's date is kept instead."""
    from fontTools.ttLib.tables import _h_e_a_d

    first, second = tmp_path / "first.ttf", tmp_path / "second.ttf"
    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: 3_000_000_000)
    printfont.convert(collection, "Regular", first, "O")
    monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda: 3_000_086_400)  # a day later
    printfont.convert(collection, "Regular", second, "O")
    assert first.read_bytes() == second.read_bytes()


def test_the_fontconfig_file_puts_the_print_face_first(tmp_path, monkeypatch):
    """Chromium asks fontconfig for the CSS's family; the file answers with the print face (made
    here from the small collection, in a cache folder of the test's own)."""
    import shutil
    import subprocess

    monkeypatch.setattr(printfont, "WEIGHTS", {"Regular": tmp_path / "cjk.ttc"})
    printfont.font_key.cache_clear()
    faces = TTCollection()
    faces.fonts = [cff_face(printfont.SOURCE_FAMILY)]
    faces.save(tmp_path / "cjk.ttc")
    try:
        conf = printfont.fontconfig_file("O", tmp_path / "cache")
        assert conf.parent.name == printfont.font_key("O") and printfont.fontconfig_file("O", tmp_path / "cache") == conf
    finally:
        printfont.font_key.cache_clear()
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match not installed")
    env = printfont.browser_environment(conf)
    found = subprocess.run(["fc-match", "-f", "%{family}", printfont.SOURCE_FAMILY], capture_output=True, text=True, env=env, check=True)
    assert found.stdout == printfont.FAMILY
