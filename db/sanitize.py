"""Control characters: kept out of stored metadata, and out of a person's terminal.

Two rules, used at every boundary so they are written once:

- ``clean_field`` is for a single-line metadata value (title, author, publisher, …) on its
  way into the catalogue. C0/C1 control characters (ESC, NUL, BEL, …), lone surrogates and
  the non-characters U+FFFE/U+FFFF never belong in such a value: they come from hostile
  HTML character references, PDF/EML headers or crafted metadata files, and would later be
  written raw into CSV, RIS, BibTeX or a terminal. Tabs and line breaks become spaces, since
  a field is one line. ``strip_controls`` is the same rule for text of several lines
  (notes, quotes written to an export), which keeps its tabs and line breaks.
- U+0000 (NUL) is never stored nor derived, on either engine: PostgreSQL's text and
  jsonb cannot hold it, and no reader wants it. The original keeps its bytes in the
  object store; what is derived from it loses the NUL where it is made: decoded text
  files drop it (``desktop.ingest.text_decoding``, flagged), a document's row gets
  ``replace_nul`` (U+FFFD, same length, so offsets into the text still hold; flagged
  ``NUL_REPLACED``), one-line fields lose it with every other control character, and
  the search index drops any left from an older catalogue (``without_nul``).
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


NUL = "\x00"
NUL_REPLACED = "NUL characters replaced with U+FFFD"
"""The flag a document gets when its row needed ``replace_nul``."""


def without_nul(value: str) -> str:
    """*value* with every NUL dropped (derived values: index text, facet values)."""
    return value.replace(NUL, "") if NUL in value else value


def replace_nul(value: object) -> object:
    """*value* (a string, or a JSON list/dict of them) with every NUL replaced by U+FFFD:
    the same length, so character offsets into a text stay valid."""
    if isinstance(value, str):
        return value.replace(NUL, "\ufffd") if NUL in value else value
    if isinstance(value, list):
        return [replace_nul(item) for item in value]
    if isinstance(value, dict):
        return {key: replace_nul(item) for key, item in value.items()}
    return value


def holds_nul(value: object) -> bool:
    """Whether *value* (a string, or a JSON list/dict of them) holds a NUL anywhere."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, list):
        return any(holds_nul(item) for item in value)
    if isinstance(value, dict):
        return any(holds_nul(key) or holds_nul(item) for key, item in value.items())
    return False


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
