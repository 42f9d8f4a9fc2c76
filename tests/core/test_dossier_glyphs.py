"""Every character of a dossier prints with a font that has it, or is reported; the
appendix names the audit trail's head. Checked through the PDF itself (pypdf)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document, Event
from db.tags import add_tag
from desktop.dossier import escape as esc
from desktop.dossier import glyphs, rtl
from desktop.dossier.build import DossierSpec, build_dossier, print_dossier
from desktop.dossier.fonts import BUNDLED_FONT_DIR, resolve_fonts
from desktop.ingest.pipeline import import_paths
from desktop.launch.entry import main

ARABIC = "مرحبا بالعالم لا"  # joined letters and a lam-alef ligature
HEBREW = "שלום עולם"
GEORGIAN = "ქართული ენა Ა"  # Mkhedruli (in DejaVu) and one Mtavruli capital (Noto only)
CJK = "中文漢字 日本語ひらがな 한국어"
AZ_CYRILLIC = "Ҹаваб ҝәлди ҹәми ҝүн"  # ҹ Ҹ ҝ: Azerbaijani Cyrillic letters DejaVu Serif lacks
EMOJI = "😀👍"
NO_FONT = "\U0001fb00\u0e01"  # a legacy-computing block sextant and Thai ko kai
SCRIPTS = " ".join((ARABIC, HEBREW, GEORGIAN, AZ_CYRILLIC, CJK, EMOJI, NO_FONT))


def _pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _drawn_with(pdf: bytes) -> dict[str, set[str]]:
    """Characters of each embedded font's ToUnicode map, keyed by the font's name."""
    found: dict[str, set[str]] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), "font not embedded"
            name = str(font["/BaseFont"]).split("+", 1)[-1]
            cmap = font["/ToUnicode"].get_object().get_data().decode("ascii")
            cmap = cmap.split("beginbfchar", 1)[1].split("endbfchar", 1)[0]
            for hexa in re.findall(r"<[0-9A-F]{2}> <([0-9A-F]+)>", cmap):
                found.setdefault(name, set()).update(bytes.fromhex(hexa).decode("utf-16-be"))
    return found


def _glyph_maps() -> dict[str, set[int]]:
    """PostScript name → code points with a glyph, for every bundled font file."""
    maps = {}
    for path in BUNDLED_FONT_DIR.glob("*.ttf"):
        face = TTFont(f"probe-{path.stem}", str(path)).face
        maps[face.name.decode() if isinstance(face.name, bytes) else face.name] = set(
            face.charToGlyph
        )
    return maps


@pytest.fixture
def world(catalogue: Catalogue, write_texts) -> Catalogue:  # type: ignore[no-untyped-def]
    body = f"Witnesses.\n\nThe letter says {SCRIPTS} in full.\n"
    import_paths(catalogue, [write_texts({"world.txt": body})])
    with catalogue.writing() as session:
        document = session.scalars(select(Document)).one()
        document.title = f"<b>&amp; {SCRIPTS}"
        start = document.text.index(ARABIC)
        add_tag(
            session,
            kind="mention",
            document=document,
            start=start,
            end=start + len(SCRIPTS),
            values={"name": "Anna", "role": "author"},
            actor="t",
        )
    return catalogue


def test_every_script_prints_with_its_glyph_or_is_reported(world: Catalogue) -> None:
    printed = print_dossier(world, DossierSpec(title="World", reproducible=True))
    text = _pdf_text(printed.pdf)
    warned = " ".join(printed.warnings)
    drawn = _drawn_with(printed.pdf)
    glyph_maps = _glyph_maps()
    for ch in set(SCRIPTS) - {" "}:
        if f"U+{ord(ch):04X}" in warned:
            continue
        assert ch in text, f"U+{ord(ch):04X} is not in the text layer"
        fonts = [name for name, chars in drawn.items() if ch in chars]
        assert fonts, f"U+{ord(ch):04X} was drawn with no embedded font"
        assert all(ord(ch) in glyph_maps[name] for name in fonts), (ch, fonts)
    # What the bundled fonts cannot show is reported, per document, and in the appendix.
    assert re.search(r"\d+ characters in CAT-000001 could not be printed", warned)
    assert "U+1FB00" in warned and "U+0E01" in warned
    for ok in ("U+4E2D", "U+1F600", "U+10D0", "U+1C90", "U+05E9", "U+0645", "U+0644", "U+04B9"):
        assert ok not in warned  # CJK, emoji, Georgian, Hebrew, Arabic, Azerbaijani all print
    flat = re.sub(r"\s+", " ", text)
    assert "Characters and fonts" in flat and "could not be printed" in flat
    # CJK and emoji come from the fallback fonts; the title's markup prints literally.
    assert {"DroidSansFallback", "Symbola", "NotoNaskhArabic-Regular"} <= set(drawn)
    assert {"ҹ", "Ҹ", "ҝ"} <= drawn["LiberationSerif"]
    assert "<b>&amp;" in flat
    assert "中文漢字" in flat and "😀👍" in flat
    # Right-to-left runs are drawn in display order, Arabic joined; the text layer
    # (which readers put back in stored order) gives the stored words.
    assert ARABIC in flat and HEBREW in flat and AZ_CYRILLIC in flat


def test_cli_prints_glyph_warnings(world: Catalogue, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "w.pdf"
    cat = world.location
    world.close()
    assert main(["dossier", "--title", "World", "-o", str(out), "-c", cat]) == 0
    err = capsys.readouterr().err.splitlines()
    lines = [line for line in err if line.startswith("warning: ")]
    assert any("in CAT-000001 could not be printed" in line for line in lines)
    assert any("U+1FB00" in line for line in lines)


def test_fallback_wraps_runs_and_leaves_markup_alone() -> None:
    fonts = resolve_fonts()
    with glyphs.fallback_for(fonts) as fallbacks:
        cjk = fallbacks.font_for(ord("中"))
        arabic = fallbacks.font_for(ord("م"))
        assert cjk and arabic and cjk != arabic
        markup = glyphs.with_fallback(esc.text("a <b>&amp; 中文 x مرحبا بالعالم. y"))
        assert markup == (
            f'a &lt;b&gt;&amp;amp; <font face="{cjk}">中文 </font>x '
            f'<font face="{arabic}">{rtl.shape("مرحبا بالعالم")}</font>. y'
        )
        # Letters join across a tag that ends inside a word (a tagged span), and the
        # alef of a lam-alef pair is not printed twice when a tag separates them.
        split = glyphs.with_fallback("<u>مر</u>حبا <u>ل</u>ا")
        assert split == (
            f'<u><font face="{arabic}">\ufee3\ufeae</font></u>'
            f'<font face="{arabic}">\ufea3\ufe92\ufe8e </font>'
            f'<u><font face="{arabic}">\ufefb</font></u>'
        )
        linked = glyphs.with_fallback('<a href="#d3">中</a>&nbsp;', bold=True)
        assert linked == f'<a href="#d3"><font face="{cjk}"><b>中</b></font></a>&nbsp;'
        assert glyphs.with_fallback("Şəkibə Ольга Ամբողջ Ωω") == "Şəkibə Ольга Ամբողջ Ωω"


def test_audit_trail_head_is_printed(world: Catalogue) -> None:
    spec = DossierSpec(title="Audit", reproducible=True)
    with world.reading() as session:
        last = session.scalars(select(Event).order_by(Event.id.desc())).first()
        assert last is not None
        count = len(session.scalars(select(Event)).all())
    first = build_dossier(world, spec)  # records a "dossier printed" event
    flat = re.sub(r"\s+", " ", _pdf_text(first))
    assert f"Audit trail: {count:,} events, head {last.hash}" in flat
    # Printing is not a change to the catalogue: the reprint names the same head.
    assert build_dossier(world, spec) == first
