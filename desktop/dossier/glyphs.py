"""Per-character font fallback, and the list of characters a dossier cannot print right.

The dossier's base family (DejaVu Serif, see :mod:`.fonts`) covers Latin, Cyrillic,
Greek, Armenian and Georgian. Quotations may hold any script, and ReportLab's
``Paragraph`` has no automatic fallback: a character missing from the current font
prints as an empty box that a reader cannot tell from the source's own text. So every
paragraph's markup passes :func:`with_fallback`, which wraps each run of characters
the base family lacks in ``<font face="…">`` naming the first bundled fallback font
that has them (Arabic, Hebrew, Georgian, CJK, emoji and symbols; see ``FALLBACKS``).

Arabic letters are replaced by their contextual forms here (:func:`.rtl.shape`, in
stored order, before line breaking) and right-to-left runs are put in display order
when each line is drawn (:mod:`.lines`); the ToUnicode map written for every font
(:func:`_to_unicode_cmap`) makes the text layer give back the stored letters.

What still cannot print correctly is reported, never hidden: :func:`report` lists, per
document, the characters no bundled font has, Arabic-script letters without contextual
forms (printed unjoined), and presentation forms stored as such (they copy back as the
letters they show).

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
from . import rtl
from .fonts import BUNDLED_FONT_DIR, FontSet

#: Fallback families, tried in order: (label, regular file, bold file or None).
FALLBACKS: tuple[tuple[str, str, str | None], ...] = (
    ("Noto Naskh Arabic", "NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
    ("Noto Serif Hebrew", "NotoSerifHebrew-Regular.ttf", "NotoSerifHebrew-Bold.ttf"),
    ("Noto Serif Georgian", "NotoSerifGeorgian-Regular.ttf", "NotoSerifGeorgian-Bold.ttf"),
    ("Liberation Serif", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ("Droid Sans Fallback", "DroidSansFallback.ttf", None),
    ("Symbola", "Symbola_hint.ttf", None),
)

#: How many code points one warning line names before "and N more".
LISTED_CODEPOINTS = 40

_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # scanning 50 MB for these takes a moment

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


def _utf16(code: int) -> str:
    """Hex UTF-16BE of the text a drawn character stands for.

    Arabic presentation forms (drawn by :mod:`.rtl`'s shaping) stand for the letters
    they show: U+FEE3 (meem, initial form) for U+0645, U+FEFB for lam and alef.
    """
    text = chr(code)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        text = unicodedata.normalize("NFKC", text)
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, written so the text layer gives back stored text.

    ReportLab writes each code point as ``%04X``, so U+1F600 becomes the invalid
    ``<1F600>`` and viewers extract a wrong character (U+1F60). PDF wants UTF-16BE,
    i.e. the surrogate pair ``<D83DDE00>``. Emoji and rare CJK ideographs live there,
    and a dossier's text layer must give back exactly the stored characters; for the
    same reason Arabic contextual forms map back to their letters (:func:`_utf16`).
    """
    entries = [f"<{i:02X}> <{_utf16(v)}>" for i, v in enumerate(subset)]
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


# Replaces ReportLab's own (looked up at call time from its module), for every font.
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


def direction(markup: str) -> int | None:
    """Paragraph direction of markup's text (1 right-to-left), None if it has no RTL."""
    if markup.isascii():
        return None
    text = "".join(m.group(2) or "" for m in _TOKENS.finditer(markup))
    return rtl.base_level(text) if rtl.has_rtl(text) else None


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
    tokens = [(m.group(1), m.group(2)) for m in _TOKENS.finditer(markup)]
    # Arabic letters join across tags (a tag span may end inside a word), not across
    # line breaks or entities: shape the paragraph's text as one string.
    joined = "".join(text if text is not None else _stand_in(tag) for tag, text in tokens)
    shaped = iter(rtl.shape_chars(joined))
    out: list[str] = []
    ligature = False
    for tag, text in tokens:
        if text is None:
            for _ in _stand_in(tag):
                next(shaped)
            out.append(tag)
        else:
            forms = [next(shaped) for _ in text]
            piece, ligature = _wrap_text(text, forms, chosen, bold, ligature)
            out.append(piece)
    return "".join(out)


def _stand_in(tag: str) -> str:
    """What a tag or entity is for Arabic joining: a line break, a symbol, or nothing."""
    if tag.startswith("<br"):
        return "\n"
    return "" if tag.startswith("<") else "\ufffc"


def _wrap_text(
    text: str, forms: list[str], fallbacks: Fallbacks, bold: bool, ligature: bool
) -> tuple[str, bool]:
    """Font runs of one text token; ``forms`` is what to print for each character.

    ``ligature`` says the character before this token became a lam-alef ligature
    (so its alef is not printed again); the same is returned for the next token.
    """
    out: list[str] = []
    run: list[str] = []
    run_font: str | None = None
    for ch, form in zip(text, forms, strict=True):
        if not form and ligature:  # the alef is inside the ligature
            ligature = False
            continue
        ligature = False
        if form and form != ch and fallbacks.font_for(ord(form)) is not None:
            ligature = len(unicodedata.normalize("NFKC", form)) > 1
            ch = form  # a contextual form, in a font that has it
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
    return "".join(out), ligature


def _close(run: list[str], font: str | None, bold: bool) -> str:
    piece = "".join(run)
    if font is None:
        return piece
    if bold:  # the family mapping picks the fallback's bold face
        piece = f"<b>{piece}</b>"
    return f'<font face="{font}">{piece}</font>'


def _runs(text: str, base: str) -> list[tuple[str, str]]:
    """Plain text cut into (piece, font name) runs, for strings drawn on the canvas.

    The text is shaped and put in display order first (:func:`.rtl.display`).
    """
    chosen = _active
    if chosen is None or text.isascii():
        return [(text, base)]
    text = rtl.display(text)
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
    unjoined: dict[str, int] = field(default_factory=dict)  # Arabic letters without forms
    forms: dict[str, int] = field(default_factory=dict)  # presentation forms as stored

    def add(self, into: dict[str, int], ch: str, n: int) -> None:
        into[ch] = into.get(ch, 0) + n


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
            for ch, n in Counter(_NON_ASCII.findall(value)).items():
                code = ord(ch)
                if esc.clean(ch) != ch:  # printed as U+FFFD or a line break
                    continue
                if not fallbacks.printable(code):
                    tally.add(tally.missing, ch, n)
                elif _is_presentation_form(code):
                    tally.add(tally.forms, ch, n)
                elif _is_arabic_letter(ch) and not rtl.can_shape(ch):
                    tally.add(tally.unjoined, ch, n)
        lines += _lines(scope, tally)
    return lines


def _lines(scope: str, tally: _Tally) -> list[str]:
    out = []
    if tally.missing:
        count = sum(tally.missing.values())
        out.append(
            f"{_characters(count)} in {scope} could not be printed (no bundled font has "
            f"{'it' if count == 1 else 'them'}): {_codepoints(set(tally.missing))}"
        )
    if tally.unjoined:
        count = sum(tally.unjoined.values())
        out.append(
            f"{_characters(count)} in {scope} ({_scripts(set(tally.unjoined))}) print "
            f"unjoined (no contextual forms); read them against the original: "
            f"{_codepoints(set(tally.unjoined))}"
        )
    if tally.forms:
        count = sum(tally.forms.values())
        out.append(
            f"{_characters(count)} in {scope} are stored as Arabic presentation forms; "
            f"they print as stored but copy from the PDF as the letters they show: "
            f"{_codepoints(set(tally.forms))}"
        )
    return out


def _characters(count: int) -> str:
    return f"{count:,} character{'' if count == 1 else 's'}"


def _is_presentation_form(code: int) -> bool:
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def _is_arabic_letter(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "AL" and unicodedata.category(ch).startswith("L")


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
