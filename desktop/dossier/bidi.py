"""Right-to-left text for dossiers: Arabic letter joining and visual line order.

ReportLab lays out bidirectional text and shapes Arabic only with the optional
``rlbidi`` and ``uharfbuzz`` modules (the first is not on PyPI). Without them Hebrew
and Arabic print in stored order, left to right, and Arabic letters unjoined: a quote
an Arabic reader cannot read. This module does the two steps itself, for plain
Unicode text, so that the PDF's text layer still gives back the stored characters:

* :func:`shape` replaces Arabic letters by their contextual presentation forms
  (initial, medial, final, isolated; lam-alef ligatures), chosen from each letter's
  neighbours in stored order. Joining types are read off the presentation forms
  Unicode defines for a letter. The PDF maps each form back to its letters
  (``glyphs._to_unicode_cmap``), so copying or searching the dossier finds the text
  as stored. Marks (harakat) are kept but positioned by the font's default only.
* :func:`visual_order` reorders one line for display, following the Unicode
  bidirectional algorithm's main rules for a paragraph of one direction: weak types
  (numbers after right-to-left letters stay left-to-right inside the run; W1, W4,
  W7), neutrals between strong types (N1, N2), levels (I1, I2), trailing white space
  (L1), reversal (L2) and mirrored brackets (L4). Explicit embeddings and isolates
  (U+202A–U+202E, U+2066–U+2069) are treated as neutral.

Paragraph direction is that of the paragraph's first strong letter (rule P2).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# --------------------------------------------------------------------------- joining

_FORM_NAMES = ("isolated", "initial", "medial", "final")
_FORMS: dict[tuple[str, str], str] = {}
for _code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
    _match = re.fullmatch(
        r"<(isolated|initial|medial|final)> ([0-9A-F]{4,5})",
        unicodedata.decomposition(chr(_code)),
    )
    if _match:
        _FORMS.setdefault((chr(int(_match[2], 16)), _match[1]), chr(_code))

LAM = "\u0644"
#: Alef variants that form a mandatory ligature after lam: (isolated, final) forms.
_LAM_ALEF = {
    "\u0622": ("\ufef5", "\ufef6"),
    "\u0623": ("\ufef7", "\ufef8"),
    "\u0625": ("\ufef9", "\ufefa"),
    "\u0627": ("\ufefb", "\ufefc"),
}
_JOIN_CAUSING = {"\u0640", "\u200d"}  # tatweel, zero width joiner


def joining_type(ch: str) -> str:
    """ "D" dual-joining, "R" right-joining, "C" join-causing, "T" transparent, "U" none."""
    if ch in _JOIN_CAUSING:
        return "C"
    if (ch, "initial") in _FORMS or (ch, "medial") in _FORMS:
        return "D"
    if (ch, "final") in _FORMS:
        return "R"
    if unicodedata.category(ch) in ("Mn", "Me") or (
        unicodedata.category(ch) == "Cf" and ch != "\u200c"
    ):
        return "T"
    return "U"


def can_shape(ch: str) -> bool:
    """Whether an Arabic-script letter has presentation forms (so it prints joined)."""
    return joining_type(ch) in ("D", "R") or ch in _JOIN_CAUSING or (ch, "isolated") in _FORMS


def _has_arabic(text: str) -> bool:
    return not text.isascii() and any(
        "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"
        for ch in text
    )


def shape_chars(text: str) -> list[str]:
    """What to print for each character of ``text``: its contextual form, or itself.

    The list is as long as ``text``; for a lam-alef pair the lam's entry is the
    ligature and the alef's is empty. Other scripts are unchanged.
    """
    if not _has_arabic(text):
        return list(text)
    types = [joining_type(ch) for ch in text]
    out: list[str] = []
    skip = False
    for i, ch in enumerate(text):
        if skip:
            skip = False
            out.append("")
            continue
        kind = types[i]
        if kind not in ("D", "R"):
            out.append(ch)
            continue
        joins_prev = _neighbour(types, i, -1) in ("D", "C")
        joins_next = kind == "D" and _neighbour(types, i, +1) in ("D", "R", "C")
        if ch == LAM and i + 1 < len(text) and text[i + 1] in _LAM_ALEF:
            isolated, final = _LAM_ALEF[text[i + 1]]
            out.append(final if joins_prev else isolated)
            skip = True
            continue
        out.append(_form(ch, joins_prev, joins_next))
    return out


def shape(text: str) -> str:
    """``text`` with Arabic letters in their contextual presentation forms."""
    return "".join(shape_chars(text))


def _neighbour(types: list[str], i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(types) and types[j] == "T":
        j += step
    return types[j] if 0 <= j < len(types) else "U"


def _form(ch: str, joins_prev: bool, joins_next: bool) -> str:
    wanted = {
        (True, True): ("medial", "final", "isolated"),
        (True, False): ("final", "isolated"),
        (False, True): ("initial", "isolated"),
        (False, False): ("isolated",),
    }[(joins_prev, joins_next)]
    for name in wanted:
        form = _FORMS.get((ch, name))
        if form is not None:
            return form
    return ch


# --------------------------------------------------------------------------- ordering

_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


def _bidi_class(ch: str) -> str:
    cls = unicodedata.bidirectional(ch)
    if cls == "L":
        return "L"
    if cls in ("R", "AL"):
        return "R"
    if cls in ("EN", "AN"):
        return "NUM"
    if cls == "NSM":
        return "NSM"
    if cls in ("CS", "ES"):
        return "SEP"
    if cls == "WS":
        return "WS"
    return "N"


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter (a quick test before reordering)."""
    return not text.isascii() and any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def base_level(text: str) -> int:
    """0 (left-to-right) or 1 (right-to-left): the direction of the first strong letter."""
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls == "L":
            return 0
        if cls in ("R", "AL"):
            return 1
    return 0


def levels(text: str, base: int) -> list[int]:
    """Embedding level of each character of one line (see the module docstring)."""
    classes = [_bidi_class(ch) for ch in text]
    sos = "R" if base else "L"
    for i, cls in enumerate(classes):  # W1: a mark takes the type of what it follows
        if cls == "NSM":
            classes[i] = classes[i - 1] if i else sos
    for i in range(1, len(classes) - 1):  # W4: 1,000 and 3.5 are one number
        if classes[i] == "SEP" and classes[i - 1] == classes[i + 1] == "NUM":
            classes[i] = "NUM"
    strong = sos
    resolved: list[str] = []
    for cls in classes:  # W7: numbers after left-to-right letters are left-to-right
        if cls in ("L", "R"):
            strong = cls
            resolved.append(cls)
        elif cls == "NUM":
            resolved.append("L" if strong == "L" else "NUM")
        else:
            resolved.append("N")
    _resolve_neutrals(resolved, sos)
    out = []
    for cls in resolved:
        if base == 0:
            out.append({"L": 0, "R": 1, "NUM": 2}[cls])
        else:
            out.append({"R": 1, "L": 2, "NUM": 2}[cls])
    i = len(text)  # L1: white space at the end of the line takes the paragraph level
    while i > 0 and classes[i - 1] == "WS":
        i -= 1
        out[i] = base
    return out


def _resolve_neutrals(resolved: list[str], sos: str) -> None:
    """N1/N2: neutrals between two like directions take it, others the paragraph's."""
    i = 0
    n = len(resolved)
    while i < n:
        if resolved[i] != "N":
            i += 1
            continue
        j = i
        while j < n and resolved[j] == "N":
            j += 1
        before = _direction(resolved[i - 1]) if i else sos
        after = _direction(resolved[j]) if j < n else sos
        fill = before if before == after else sos
        for k in range(i, j):
            resolved[k] = fill
        i = j


def _direction(cls: str) -> str:
    return "L" if cls == "L" else "R"


def visual_order(text: str, base: int) -> list[int]:
    """Indices of ``text`` in display order, left to right (rule L2)."""
    line_levels = levels(text, base)
    order = list(range(len(text)))
    top = max(line_levels, default=0)
    lowest_odd = 1
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if line_levels[order[i]] >= level:
                j = i
                while j < len(order) and line_levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def mirrored(ch: str, level: int) -> str:
    """The character to draw: brackets face the other way inside right-to-left runs."""
    return _MIRROR.get(ch, ch) if level % 2 else ch


def display(text: str, base: int | None = None) -> str:
    """One line of plain text, shaped and in display order (headers, contents)."""
    if not has_rtl(text):
        return text
    shaped = shape(text)
    level = base_level(shaped) if base is None else base
    line_levels = levels(shaped, level)
    return "".join(mirrored(shaped[i], line_levels[i]) for i in visual_order(shaped, level))


def reorder_pieces(pieces: Sequence[str], base: int) -> list[tuple[int, str]]:
    """Display order of a line made of pieces (frags): (piece index, text) runs.

    Characters keep the index of the piece they came from, so each run can be drawn
    with its piece's font, colour and underline. A piece with no text (an anchor)
    stands for one neutral character so it keeps its place.
    """
    chars: list[str] = []
    owner: list[int] = []
    for index, piece in enumerate(pieces):
        for ch in piece or "\ufffc":
            chars.append(ch)
            owner.append(index)
    line = "".join(chars)
    line_levels = levels(line, base)
    runs: list[tuple[int, str]] = []
    for i in visual_order(line, base):
        ch = "" if not pieces[owner[i]] else mirrored(chars[i], line_levels[i])
        if runs and runs[-1][0] == owner[i]:
            runs[-1] = (owner[i], runs[-1][1] + ch)
        else:
            runs.append((owner[i], ch))
    return runs


__all__ = [
    "base_level",
    "can_shape",
    "display",
    "has_rtl",
    "joining_type",
    "levels",
    "reorder_pieces",
    "shape",
    "shape_chars",
    "visual_order",
]
