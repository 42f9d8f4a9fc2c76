"""Right-to-left text for dossiers: Arabic letter joining and visual line order.

ReportLab lays out bidirectional text and shapes Arabic only with optional modules
that are not on PyPI. Without them Hebrew and Arabic print in stored order, left to
right, and Arabic letters unjoined: a quote an Arabic reader cannot read. This module
adapts two maintained libraries to ReportLab's way of drawing, so that the PDF's text
layer still gives back the stored characters:

* Joining is ``arabic-reshaper``'s: each Arabic letter becomes its contextual
  presentation form (initial, medial, final, isolated) and lam-alef pairs become
  their ligature. :func:`shape_chars` lines its output up with the stored text, one
  entry per character, because the paragraph code shapes a paragraph's text as a
  whole but prints it tag by tag (a tagged span may end inside a word). The PDF maps
  each form back to its letters (``glyphs._to_unicode_cmap``), so only forms that
  decompose to exactly the letters they replace are used.
* Display order is ``python-bidi``'s: the paragraph direction from its Rust
  ``unicode-bidi`` binding (rule P2, isolates respected), and the levels, reordering
  and mirrored brackets of a line from its implementation of the algorithm's rules
  (W1–W7, N1–N2, I1–I2, L1, L2, L4). Its steps are run here, rather than
  ``get_display``, so that every character keeps the index of the piece of markup it
  came from (font, colour, underline) and the invisible characters rule X9 sets
  aside are put back where they were: they are part of the stored text. Explicit
  embeddings, overrides and isolates in stored text are printed but not obeyed
  (see ``_RESOLVED``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from arabic_reshaper import ArabicReshaper
from arabic_reshaper.arabic_reshaper import HARAKAT_RE
from arabic_reshaper.letters import LETTERS_ARABIC, TATWEEL, ZWJ
from arabic_reshaper.reshaper_config import default_config
from bidi import algorithm as uba
from bidi import get_base_level

# --------------------------------------------------------------------------- joining


def _reshaper(ligatures: bool) -> ArabicReshaper:
    """A reshaper that keeps every stored character: marks (harakat) and tatweel stay,
    and only the lam-alef ligatures are formed, as Arabic requires (other ligatures
    would copy back from the PDF in another order than stored, or not at all). Every
    option is set here, so a configuration file named in the environment
    (``PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE``) cannot change what prints."""
    options: dict[str, Any] = {
        name: False for name in default_config if name.startswith(("ARABIC LIGATURE", "RIAL"))
    }
    options.update(
        {
            "language": "Arabic",
            "delete_harakat": False,
            "shift_harakat_position": False,
            "delete_tatweel": False,
            "support_zwj": False,  # no joiners reach it (see shape_chars)
            "use_unshaped_instead_of_isolated": False,
            "support_ligatures": ligatures,
        }
    )
    for alef in ("", " WITH HAMZA ABOVE", " WITH HAMZA BELOW", " WITH MADDA ABOVE"):
        options[f"ARABIC LIGATURE LAM WITH ALEF{alef}"] = ligatures
    return ArabicReshaper(options)


_JOINED = _reshaper(ligatures=True)
_UNLIGATED = _reshaper(ligatures=False)


def _stands_for(form: str) -> str:
    """The letters a presentation form shows (what the PDF's text layer gives back)."""
    return unicodedata.normalize("NFKC", form)


def can_shape(ch: str) -> bool:
    """Whether an Arabic-script letter prints joined: the reshaper knows it and each of
    its forms copies back as the letter (tatweel needs no forms of its own)."""
    forms = LETTERS_ARABIC.get(ch)
    return forms is not None and all(f in ("", ch) or _stands_for(f) == ch for f in forms)


def _has_arabic(text: str) -> bool:
    return not text.isascii() and any(
        "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u08a0" <= ch <= "\u08ff"
        for ch in text
    )


def _align(text: str, shaped: str) -> tuple[list[str], list[tuple[int, int]]] | None:
    """``shaped`` (the reshaper's output for ``text``) as one entry per stored character,
    and the stored ranges its ligatures show.

    Marks (harakat) print as stored, wherever the reshaper put them (it moves a mark
    past a ligature); letters come out in stored order, one form each, except the
    letters a ligature swallowed, which get "". None if the output does not line up
    that way.
    """
    forms = [c for c in shaped if HARAKAT_RE.match(c) is None]
    out: list[str] = []
    ligatures: list[tuple[int, int]] = []
    j = 0
    swallowed = 0  # letters still to come that the last ligature already shows
    for i, ch in enumerate(text):
        if HARAKAT_RE.match(ch) is not None:
            out.append(ch)
            continue
        if swallowed:
            swallowed -= 1
            out.append("")
            if not swallowed:
                ligatures[-1] = (ligatures[-1][0], i + 1)
            continue
        if j == len(forms):
            return None
        form = forms[j]
        if form != ch and form not in LETTERS_ARABIC.get(ch, ()):
            letters = _stands_for(form)
            if len(letters) < 2 or letters[0] != ch:
                return None
            swallowed = len(letters) - 1
            ligatures.append((i, i))
        j += 1
        out.append(form)
    return (out, ligatures) if j == len(forms) and not swallowed else None


def shape_chars(text: str) -> list[str]:
    """What to print for each character of ``text``: its contextual form, or itself.

    The list is as long as ``text``; for a lam-alef pair the lam's entry is the
    ligature and the alef's is empty. Other scripts are unchanged. A form is used only
    if it stands for exactly the stored letters, so copying from the PDF gives back
    the stored text: a lam and alef with a mark between them are printed as two
    joined letters (the ligature would copy the mark after the alef), and letters
    that join with nothing keep their stored code point.
    """
    if not _has_arabic(text):
        return list(text)
    # The reshaper drops a zero width joiner once it has joined its neighbours, and
    # then finds ligatures at the wrong places (or fails). Tatweel joins the same way
    # and is kept, so it stands in for the joiner; the joiner itself is printed.
    stand_in = text.replace(ZWJ, TATWEEL)
    aligned = _align(stand_in, _JOINED.reshape(stand_in))
    if aligned is None:  # not expected; print as stored rather than misplace a letter
        return list(text)
    forms, ligatures = aligned
    kept: set[int] = set()
    unligated: list[str] | None = None
    for start, end in ligatures:
        if _stands_for(forms[start]) == stand_in[start:end]:
            kept.add(start)
            continue
        if unligated is None:
            plain = _align(stand_in, _UNLIGATED.reshape(stand_in))
            unligated = plain[0] if plain else list(stand_in)
        forms[start:end] = unligated[start:end]
    for i, ch in enumerate(text):
        form = forms[i]
        if not form or form == ch or i in kept:
            continue
        if ch == ZWJ or _stands_for(form) != ch or not _joins(ch):
            # The joiner (see above), a form that would copy back as other letters,
            # or a letter that never joins (hamza): printed as stored.
            forms[i] = ch
    return forms


def _joins(ch: str) -> bool:
    _, initial, medial, final = LETTERS_ARABIC[ch]
    return bool(initial or medial or final)


def shape(text: str) -> str:
    """``text`` with Arabic letters in their contextual presentation forms."""
    return "".join(shape_chars(text))


# --------------------------------------------------------------------------- ordering


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter (a quick test before reordering)."""
    return not text.isascii() and any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def base_level(text: str) -> int:
    """0 (left-to-right) or 1 (right-to-left): the direction of the first strong letter
    (of the first paragraph, outside isolates; 0 if there is none)."""
    try:
        return get_base_level(text)
    except ValueError:  # empty, or a lone surrogate the Rust side cannot take
        return uba.get_base_level(text)


#: Bidi classes resolved as the algorithm says. Everything else is a neutral: the
#: isolates (LRI, RLI, FSI, PDI), which python-bidi's rules predate, unassigned code
#: points (no class), and the explicit embeddings and overrides (LRE, RLE, LRO, RLO,
#: PDF). Those are obeyed nowhere in a dossier on purpose: an invisible override in
#: a stored value ("\u202eevil") would print its letters in another order than stored
#: and make the text layer give back other words than the catalogue holds.
_RESOLVED = frozenset(
    {"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON"}
)


def _visual(text: str, base: int) -> list[tuple[int, str]]:
    """(stored index, character to draw) of one line, in display order, left to right.

    Characters rule X9 removes before resolving levels (zero width joiners, soft
    hyphens and other boundary neutrals) go back next to the character stored before
    them, on its side in reading order, so the drawn line still holds every character.
    """
    storage = uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if base else "L"
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
        if char["type"] not in _RESOLVED:  # see _RESOLVED
            char["type"] = char["orig"] = "ON"
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    shown = [(c["index"], c["ch"], c["level"]) for c in storage["chars"]]
    if len(shown) < len(text):
        shown = _put_back(text, shown, base)
    return [(index, ch) for index, ch, _ in shown]


def _put_back(
    text: str, shown: list[tuple[int, str, int]], base: int
) -> list[tuple[int, str, int]]:
    """Re-insert the characters X9 set aside (see :func:`_visual`)."""
    present = {index for index, _, _ in shown}
    for missing in range(len(text)):
        if missing in present:
            continue
        before = missing - 1
        if before < 0:  # first on the line: it leads the line in reading order
            shown.insert(len(shown) if base else 0, (missing, text[missing], base))
        else:
            at = next(i for i, (index, _, _) in enumerate(shown) if index == before)
            level = shown[at][2]
            shown.insert(at if level % 2 else at + 1, (missing, text[missing], level))
        present.add(missing)
    return shown


def display(text: str, base: int | None = None) -> str:
    """One line of plain text, shaped and in display order (headers, contents)."""
    if not has_rtl(text):
        return text
    shaped = shape(text)
    level = base_level(shaped) if base is None else base
    return "".join(ch for _, ch in _visual(shaped, level))


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
    runs: list[tuple[int, str]] = []
    for i, ch in _visual("".join(chars), base):
        drawn = ch if pieces[owner[i]] else ""
        if runs and runs[-1][0] == owner[i]:
            runs[-1] = (owner[i], runs[-1][1] + drawn)
        else:
            runs.append((owner[i], drawn))
    return runs


__all__ = [
    "base_level",
    "can_shape",
    "display",
    "has_rtl",
    "reorder_pieces",
    "shape",
    "shape_chars",
]
