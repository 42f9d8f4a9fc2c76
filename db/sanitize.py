"""Control characters: kept out of stored metadata, and out of a person's terminal.

Two rules, used at every boundary so they are written once:

- ``clean_field`` is for a single-line metadata value (title, author, publisher, …) on its
  way into the catalogue. C0/C1 control characters (ESC, NUL, BEL, …), lone surrogates and
  the non-characters U+FFFE/U+FFFF never belong in such a value: they come from hostile
  HTML character references, PDF/EML headers or crafted metadata files, and would later be
  written raw into CSV, RIS, BibTeX or a terminal. Tabs and line breaks become spaces, since
  a field is one line. ``strip_controls`` is the same rule for text of several lines
  (notes, quotes written to an export), which keeps its tabs and line breaks.
- ``for_terminal`` is for anything printed: stored text that predates these rules, file
  names, error messages quoting input. Control characters are shown as visible escapes
  (``\\x1b``) so an escape sequence can never drive the terminal, and the person still sees
  that something odd was there.
"""

from __future__ import annotations

import re

# C0 except tab/newline/carriage return, DEL, C1, lone surrogates, non-characters.
_FIELD_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_FIELD_SPACE = re.compile("[\t\r\n\u2028\u2029]+")
# Everything a terminal may interpret: all C0 except newline and tab, DEL, C1, and the
# bidirectional overrides that can reorder what a person reads.
_TERMINAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\t\n]")


def has_control(value: str) -> bool:
    """True when ``value`` holds a character ``clean_field`` would remove."""
    return _FIELD_BAD.search(value) is not None


def strip_controls(value: str) -> str:
    """Multi-line text (a note, a quote) without control characters: tabs and line
    breaks are kept, and nothing else is touched, so ordinary text passes unchanged."""
    return _FIELD_BAD.sub("", value)


def clean_field(value: str) -> str:
    """One-line metadata value without control characters, whitespace runs collapsed at
    line breaks; leading and trailing space removed."""
    if value.isprintable() and value == value.strip():
        return value  # the usual value, checked without a regular expression
    return _FIELD_SPACE.sub(" ", _FIELD_BAD.sub("", value)).strip()


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(value: str, *, one_line: bool = False) -> str:
    """``value`` safe to write to a terminal: control characters shown as escapes.

    With ``one_line`` (a file name or input quoted inside a one-line report or error
    message) tabs and line breaks are escaped too, so the value cannot forge lines.
    """
    shown = _TERMINAL_BAD.sub(_escape, value)
    return _LINE_BREAKS.sub(_escape, shown) if one_line else shown
