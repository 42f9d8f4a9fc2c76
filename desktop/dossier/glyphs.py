"""Per-character font fallback, and the list of characters a dossier cannot print right.

The dossier's base family (DejaVu Serif, see :mod:`.fonts`) covers Latin, Cyrillic,
Greek, Armenian and Georgian. Quotations may hold any script, and ReportLab's
``Paragraph`` has no automatic fallback: a character missing from the current font
prints as an empty box that a reader cannot tell from the source's own text. So every
paragraph's markup passes :func:`with_fallback`, which wraps each run of characters
the base family lacks in ``<font face="…">`` naming the first bundled fallback font
that has them (Arabic, Hebrew, Georgian, CJK, emoji and symbols; see ``FALLBACKS``).

What still cannot print correctly is reported, never hidden: :func:`report` lists, per
document, the characters no bundled font has, and the right-to-left letters (Arabic,
Hebrew…), which this renderer prints in stored (logical) order, left to right and —
for Arabic — without joining, because ReportLab needs the optional ``rlbidi`` and
``uharfbuzz`` modules for bidirectional layout and shaping and Catena does not ship
them. The characters themselves stay in the PDF's text layer exactly as stored.

Fallback fonts are parsed and registered on first use only (the CJK font is 3.4 MB).
"""

from __future__ import annotations

import dataclasses
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping, ps2tt
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from . import escape as esc
from .fonts import BUNDLED_FONT_DIR, FontSet

#: Fallback families, tried in order: (label, regular file, bold file or None).
FALLBACKS: tuple[tuple[str, str, str | None], ...] = (
    ("Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    ("Noto Serif Hebrew", "NotoSerifHebrew-Regular.ttf", "NotoSerifHebrew-Bold.ttf"),
    ("Noto Serif Georgian", "NotoSerifGeorgian-Regular.ttf", "NotoSerifGeorgian-Bold.ttf"),
    ("Droid Sans Fallback", "DroidSansFallback.ttf", None),
    ("Symbola", "Symbola_hint.ttf", None),
)

#: How many code points one warning line names before "and N more".
LISTED_CODEPOINTS = 40

# Markup produced by this package: tags and entities (never split or wrapped), and text.
_TOKENS = re.compile(r"(<[^>]*>|&#?\w+;)|([^<&]+)")


@dataclass
class _Fallback:
    """One fallback family: registered ReportLab family name and its character map."""

    label: str
    family: str
    cmap: frozenset[int]


@dataclass
class Fallbacks:
    """The base family's coverage and the fallback families, loaded one by one as needed."""

    base: frozenset[int]
    directories: tuple[Path, ...]
    _loaded: list[_Fallback] = field(default_factory=list)
    _next: int = 0  # index into FALLBACKS of the next family to load
    _choice: dict[int, str | None] = field(default_factory=dict)

    def font_for(self, code: int) -> str | None:
        """Family name of the first fallback with a glyph for ``code``, or None."""
        if code in self._choice:
            return self._choice[code]
        found = next((f.family for f in self._loaded if code in f.cmap), None)
        while found is None and self._next < len(FALLBACKS):
            loaded = self._load(FALLBACKS[self._next])
            self._next += 1
            if loaded is not None:
                self._loaded.append(loaded)
                if code in loaded.cmap:
                    found = loaded.family
        self._choice[code] = found
        return found

    def printable(self, code: int) -> bool:
        return code in self.base or self.font_for(code) is not None

    def has(self, family: str, code: int) -> bool:
        """Whether the loaded fallback ``family`` has a glyph for ``code``."""
        return any(f.family == family and code in f.cmap for f in self._loaded)

    def _load(self, spec: tuple[str, str, str | None]) -> _Fallback | None:
        label, regular_file, bold_file = spec
        regular = _open_font(self.directories, regular_file)
        if regular is None:
            return None
        bold = _open_font(self.directories, bold_file) if bold_file else None
        for font in (regular, bold):
            if font is not None and font.fontName not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(font)
        bold_name = (bold or regular).fontName
        addMapping(regular.fontName, 0, 0, regular.fontName)
        addMapping(regular.fontName, 0, 1, regular.fontName)  # no italic: upright is honest
        addMapping(regular.fontName, 1, 0, bold_name)
        addMapping(regular.fontName, 1, 1, bold_name)
        return _Fallback(label, regular.fontName, frozenset(regular.face.charToGlyph))


_font_cache: dict[Path, TTFont | None] = {}


def _open_font(directories: tuple[Path, ...], name: str) -> TTFont | None:
    """The first readable ``name`` in ``directories`` as a TTFont (parsed once per file)."""
    for directory in directories:
        path = (directory / name).resolve()
        if path in _font_cache:
            if _font_cache[path] is not None:
                return _font_cache[path]
            continue
        if not path.is_file():
            continue
        try:
            font: TTFont | None = TTFont("Catena-" + path.stem.replace("_", "-"), str(path))
        except (TTFError, OSError, ValueError):  # corrupt or not TrueType: try the next one
            font = None
        _font_cache[path] = font
        if font is not None:
            return font
    return None


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, with characters beyond U+FFFF written correctly.

    ReportLab writes each code point as ``%04X``, so U+1F600 becomes the invalid
    ``<1F600>`` and viewers extract a wrong character (U+1F60). PDF wants UTF-16BE,
    i.e. the surrogate pair ``<D83DDE00>``. Emoji and rare CJK ideographs live there,
    and a dossier's text layer must give back exactly the stored characters.
    """
    entries = [
        f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# Only replaced while ReportLab still has the fault (a fixed release is left alone).
if "<1F600>" in ttfonts.makeToUnicodeCMap("probe", [0x1F600]):
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def base_coverage(fonts: FontSet) -> frozenset[int]:
    """Code points every face of the base family has (so bold and italic print them too)."""
    maps = [
        set(pdfmetrics.getFont(name).face.charToGlyph)
        for name in dict.fromkeys((fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic))
    ]
    return frozenset(set.intersection(*maps))


_lock = threading.Lock()
_active: Fallbacks | None = None
_by_family: dict[str, Fallbacks] = {}


@contextmanager
def fallback_for(fonts: FontSet) -> Iterator[Fallbacks]:
    """Make ``fonts``' fallbacks the ones :func:`with_fallback` uses, for one render."""
    global _active
    with _lock:
        chosen = _by_family.get(fonts.family)
        if chosen is None:
            dirs = tuple(dict.fromkeys((fonts.directory, BUNDLED_FONT_DIR)))
            chosen = _by_family[fonts.family] = Fallbacks(base_coverage(fonts), dirs)
    previous, _active = _active, chosen
    try:
        yield chosen
    finally:
        _active = previous


def is_bold(font_name: str) -> bool:
    """Whether a registered font is the bold face of its family (heading styles)."""
    try:
        return bool(ps2tt(font_name)[1])
    except ValueError:  # not mapped to a family
        return False


def with_fallback(markup: str, fallbacks: Fallbacks | None = None, *, bold: bool = False) -> str:
    """Wrap runs of characters the base family lacks in ``<font face>`` tags.

    ``markup`` is ReportLab paragraph markup built by this package (escaped catalogue
    text plus literal tags): tags and entities are copied unchanged, only text between
    them is examined. Characters no font has stay in the base font (they are reported
    by :func:`report`). White space joins the run it sits in, so a line of Arabic
    words is one run, not one per word. ``bold`` asks for the fallbacks' bold faces,
    for paragraphs whose style is set in a bold font rather than with ``<b>``.
    """
    chosen = fallbacks or _active
    if chosen is None or markup.isascii():
        return markup
    out: list[str] = []
    for match in _TOKENS.finditer(markup):
        if match.group(1) is not None:
            out.append(match.group(1))
        else:
            out.append(_wrap_text(match.group(2), chosen, bold))
    return "".join(out)


def _wrap_text(text: str, fallbacks: Fallbacks, bold: bool) -> str:
    out: list[str] = []
    run: list[str] = []
    run_font: str | None = None
    for ch in text:
        code = ord(ch)
        if code in fallbacks.base:  # a space inside a fallback run stays in it
            keep = ch.isspace() and run_font is not None and fallbacks.has(run_font, code)
            font = run_font if keep else None
        else:
            font = fallbacks.font_for(code)
        if font != run_font and run:
            out.append(_close(run, run_font, bold))
            run = []
        run_font = font
        run.append(ch)
    if run:
        out.append(_close(run, run_font, bold))
    return "".join(out)


def _close(run: list[str], font: str | None, bold: bool) -> str:
    piece = "".join(run)
    if font is None:
        return piece
    if bold:  # the family mapping picks the fallback's bold face
        piece = f"<b>{piece}</b>"
    return f'<font face="{font}">{piece}</font>'


def _runs(text: str, base: str) -> list[tuple[str, str]]:
    """Plain text cut into (piece, font name) runs, for strings drawn on the canvas."""
    chosen = _active
    if chosen is None or text.isascii():
        return [(text, base)]
    out: list[tuple[str, str]] = []
    for ch in text:
        code = ord(ch)
        font = base if code in chosen.base else (chosen.font_for(code) or base)
        if out and (out[-1][1] == font or (ch.isspace() and code in chosen.base)):
            out[-1] = (out[-1][0] + ch, out[-1][1])
        else:
            out.append((ch, font))
    return out


def string_width(text: str, base: str, size: float) -> float:
    """Width of plain text drawn by :func:`draw_string`."""
    return sum(
        float(pdfmetrics.stringWidth(piece, font, size)) for piece, font in _runs(text, base)
    )


def draw_string(canv: Any, x: float, y: float, text: str, base: str, size: float) -> None:
    """``canv.drawString`` with the same fallback fonts as the paragraphs (page headers)."""
    for piece, font in _runs(text, base):
        canv.setFont(font, size)
        canv.drawString(x, y, piece)
        x += pdfmetrics.stringWidth(piece, font, size)
    canv.setFont(base, size)


# ------------------------------------------------------------------------- reporting


def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _scripts(chars: set[str]) -> str:
    """Rough script names for a warning ("Arabic, Hebrew"), from Unicode names."""
    names = set()
    for ch in chars:
        name = unicodedata.name(ch, "")
        names.add(name.split(" ")[0].title() if name else f"U+{ord(ch):04X}")
    return ", ".join(sorted(names))


def _codepoints(chars: set[str]) -> str:
    ordered = sorted(chars)
    listed = " ".join(f"U+{ord(ch):04X}" for ch in ordered[:LISTED_CODEPOINTS])
    if len(ordered) > LISTED_CODEPOINTS:
        listed += f" and {len(ordered) - LISTED_CODEPOINTS:,} more"
    return listed


@dataclass
class _Tally:
    missing: dict[str, int] = field(default_factory=dict)  # char -> occurrences
    rtl: dict[str, int] = field(default_factory=dict)


def _strings(value: object, scope: str, into: dict[str, list[str]]) -> None:
    """Collect every string of a dossier's data under the document it belongs to."""
    if isinstance(value, str):
        into.setdefault(scope, []).append(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _strings(item, scope, into)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if name == "DocumentEntry":
            scope = getattr(value, "key", scope)
        elif getattr(value, "document_key", None):
            scope = value.document_key  # type: ignore[attr-defined]
        elif name == "Witness":
            scope = "the witness index"
        for f in dataclasses.fields(value):
            if f.name in ("key", "document_key", "excerpt_key", "image_path", "sha256"):
                continue  # identifiers and paths are never printed as text
            _strings(getattr(value, f.name), scope, into)


def report(data: object, fallbacks: Fallbacks) -> list[str]:
    """One line per document (or other part) naming characters that do not print right.

    ``data`` is a :class:`~.data.DossierData`; strings outside any document are
    reported under "the dossier's own text" (title, compiler, selection…).
    """
    texts: dict[str, list[str]] = {}
    _strings(data, "the dossier's own text", texts)
    lines: list[str] = []
    for scope, values in texts.items():
        tally = _Tally()
        for value in values:
            if value.isascii():
                continue
            for ch, n in Counter(esc.clean(value)).items():
                code = ord(ch)
                if code < 0x80:
                    continue
                if not fallbacks.printable(code):
                    tally.missing[ch] = tally.missing.get(ch, 0) + n
                elif _is_rtl(ch):
                    tally.rtl[ch] = tally.rtl.get(ch, 0) + n
        if tally.missing:
            count = sum(tally.missing.values())
            lines.append(
                f"{count:,} character{'s' if count != 1 else ''} in {scope} could not be "
                f"printed (no bundled font has them): {_codepoints(set(tally.missing))}"
            )
        if tally.rtl:
            count = sum(tally.rtl.values())
            lines.append(
                f"{count:,} right-to-left character{'s' if count != 1 else ''} in {scope} "
                f"({_scripts(set(tally.rtl))}) print in stored order, left to right, "
                f"letters unjoined; read them against the original: "
                f"{_codepoints(set(tally.rtl))}"
            )
    return lines


__all__ = [
    "FALLBACKS",
    "Fallbacks",
    "base_coverage",
    "draw_string",
    "fallback_for",
    "report",
    "string_width",
    "with_fallback",
]
