"""Find, check and register the TrueType fonts a dossier is set in.

A dossier quotes Azerbaijani, Russian, Armenian and Greek sources verbatim, so the
renderer only ever uses embedded TrueType fonts that are *proven* to carry glyphs for
every script: ReportLab's base-14 fonts are Latin-1 only and would silently print
boxes or drop letters, which a court reader cannot tell from the source's own text.

Resolution rule (the first match wins; documented in ``resources/fonts/README.md``):

1. ``$CATENA_FONT_DIR`` when set. If it holds no usable family, rendering fails with
   :class:`FontError` instead of quietly taking another font: the variable is an
   explicit choice and the person who set it must learn that it did not work.
2. The fonts bundled with Catena in ``resources/fonts`` (DejaVu Serif).
3. Known system folders (Linux, macOS, Windows), in the order of ``SYSTEM_FONT_DIRS``.

In each folder the families of ``FAMILIES`` are tried in order. A family is usable
when its regular, bold and italic files exist and each face maps every character of
``PROBES`` to a glyph (bold-italic is optional and falls back to bold). Nothing here
ever falls back to a built-in font; when nothing fits, :class:`FontError` lists every
folder and family looked at and why each was refused.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

ENV_VAR = "CATENA_FONT_DIR"

#: One probe string per script the catalogue is known to hold, plus the typographic
#: marks the renderer itself prints (dashes, pilcrow, section sign, quotes, ellipsis).
PROBES: dict[str, str] = {
    "Latin (incl. Azerbaijani, Turkish)": "AzəƏğĞıİşŞçÇöÖüÜ",
    "Cyrillic": "ЖжЩщЁёҚқҒғӘә",
    "Armenian": "ԱաՇշՀհՖֆ",
    "Greek": "ΩωΣσλΆά",
    "Punctuation": "–—‘’“”…¶§·•",
}

#: Candidate families: (label, regular, bold, italic, bold-italic or None).
FAMILIES: tuple[tuple[str, str, str, str, str | None], ...] = (
    (
        "DejaVu Serif",
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
    ),
    (
        "DejaVu Sans",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    ("GNU FreeSerif", "FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf", None),
    ("GNU FreeSans", "FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf", None),
    ("Arial", "arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
    ("Arial", "Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf", "Arial Bold Italic.ttf"),
)

#: The repository's bundled fonts (``resources/fonts`` next to the ``desktop`` package).
BUNDLED_FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _system_font_dirs() -> tuple[Path, ...]:
    """Folders where operating systems and distributions keep TrueType fonts."""
    home = Path.home()
    dirs = [
        Path("/usr/share/fonts/truetype/dejavu"),
        Path("/usr/share/fonts/dejavu"),  # Fedora
        Path("/usr/share/fonts/TTF"),  # Arch
        Path("/usr/share/fonts/truetype/freefont"),
        Path("/usr/share/fonts/gnu-free"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts/Supplemental"),
        home / "Library/Fonts",
    ]
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    elif sys.platform == "win32":
        dirs.append(Path("C:/Windows/Fonts"))
    return tuple(dirs)


class FontError(RuntimeError):
    """No font covering every script the dossier needs could be found."""


@dataclass(frozen=True)
class FontSet:
    """Registered ReportLab font names of the chosen family, and where they came from."""

    family: str  # the ReportLab family name used in ``<font face>``/styles
    regular: str
    bold: str
    italic: str
    bold_italic: str
    label: str  # human name, e.g. "DejaVu Serif"
    directory: Path


def _missing_glyphs(font: TTFont) -> list[str]:
    """Scripts (with the characters) the face has no glyph for."""
    cmap = font.face.charToGlyph
    missing = []
    for script, probe in PROBES.items():
        absent = "".join(ch for ch in probe if ord(ch) not in cmap)
        if absent:
            missing.append(f"{script} ({absent})")
    return missing


_names: dict[Path, str] = {}


def _internal_name(path: Path) -> str:
    """A ReportLab font name that is unique per file (same stem in two folders differs)."""
    resolved = path.resolve()
    if resolved not in _names:
        base = "Catena-" + "".join(ch for ch in path.stem if ch.isalnum() or ch == "-")
        taken = set(_names.values())
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        _names[resolved] = name
    return _names[resolved]


def _try_family(
    directory: Path, family: tuple[str, str, str, str, str | None], reasons: list[str]
) -> FontSet | None:
    """Register one family from one folder if all its faces exist and pass the probes."""
    label, *files = family
    faces: list[TTFont | None] = []
    for index, name in enumerate(files):
        if name is None:
            faces.append(None)
            continue
        path = directory / name
        if not path.is_file():
            if index == 3:  # bold-italic is optional
                faces.append(None)
                continue
            reasons.append(f"{directory}: {label}: {name} not found")
            return None
        internal = _internal_name(path)
        try:
            font = TTFont(internal, str(path))
        except (TTFError, OSError, ValueError) as exc:  # corrupt, unreadable, not TrueType
            reasons.append(f"{path}: cannot be used ({exc})")
            return None
        missing = _missing_glyphs(font)
        if missing:
            reasons.append(f"{path}: no glyphs for {', '.join(missing)}")
            return None
        faces.append(font)
    regular, bold, italic, bold_italic = faces
    assert regular is not None and bold is not None and italic is not None
    if bold_italic is None:
        bold_italic = bold
    for font in {id(f): f for f in (regular, bold, italic, bold_italic)}.values():
        if font.fontName not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)
    family_name = regular.fontName
    addMapping(family_name, 0, 0, regular.fontName)
    addMapping(family_name, 1, 0, bold.fontName)
    addMapping(family_name, 0, 1, italic.fontName)
    addMapping(family_name, 1, 1, bold_italic.fontName)
    return FontSet(
        family=family_name,
        regular=regular.fontName,
        bold=bold.fontName,
        italic=italic.fontName,
        bold_italic=bold_italic.fontName,
        label=label,
        directory=directory,
    )


def _search(dirs: list[Path], reasons: list[str]) -> FontSet | None:
    for directory in dirs:
        if not directory.is_dir():
            reasons.append(f"{directory}: not a folder")
            continue
        for family in FAMILIES:
            found = _try_family(directory, family, reasons)
            if found is not None:
                return found
    return None


_lock = threading.Lock()
_cache: dict[str | None, FontSet] = {}


def resolve_fonts() -> FontSet:
    """Return the registered font set by the documented rule, or raise :class:`FontError`.

    The result is cached per value of ``$CATENA_FONT_DIR`` because parsing TrueType
    files costs tens of milliseconds and ReportLab's registry is process-wide anyway.
    """
    env = os.environ.get(ENV_VAR) or None
    with _lock:
        if env in _cache:
            return _cache[env]
        reasons: list[str] = []
        if env is not None:
            found = _search([Path(env)], reasons)
            if found is None:
                raise FontError(
                    f"{ENV_VAR}={env} holds no usable font family. Looked for "
                    f"{_family_list()} with glyphs for {', '.join(PROBES)}:\n  "
                    + "\n  ".join(reasons)
                )
        else:
            found = _search([BUNDLED_FONT_DIR, *_system_font_dirs()], reasons)
            if found is None:
                raise FontError(
                    "No TrueType font family covering "
                    f"{', '.join(PROBES)} was found. Looked for {_family_list()} in "
                    f"{ENV_VAR} (unset), the bundled folder {BUNDLED_FONT_DIR} and the "
                    "system font folders:\n  " + "\n  ".join(reasons)
                )
        _cache[env] = found
        return found


def _family_list() -> str:
    return ", ".join(dict.fromkeys(f[0] for f in FAMILIES))
