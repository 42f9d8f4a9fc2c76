"""Scanning patterns that skip, in C, the places where they cannot start.

Most word-list patterns here open with a lookbehind (``(?<![\\w-])``) and then try an
alternation of dozens of words. Python's regex engine skips ahead quickly only when a
pattern starts with a character or a set of characters; a leading lookbehind turns that
off, so every word list was tried word by word at every character of the text (on a
Russian or Georgian page, at every character in vain for an English list).

``guarded(source, flags)`` compiles *source* with a lookahead for the characters it can
begin with (``(?=[Mm…])``), worked out from the parsed pattern. The lookahead only
refuses positions where the pattern could not match anyway, so the matches are the same;
where the first characters cannot be told for certain (a ``.``, ``\\w``, a backreference,
a flag switched on inside the pattern), the pattern is compiled as it is.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser re itself uses; it has moved between Python versions
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    _sre = None
    _parse = None

_LIMIT = 400  # characters in a guard; a wider first set is not worth checking


class _Unknown(Exception):
    """The first characters of this piece of pattern cannot be told for certain."""


def _first_of_sequence(items: Any) -> tuple[set[str], bool]:
    """Characters a match of the parsed sequence *items* can begin with, and whether it
    can match the empty string (then what follows it counts too)."""
    found: set[str] = set()
    for op, value in items:
        first, empty = _first_of_item(op, value)
        found |= first
        if not empty:
            return found, False
    return found, True


def _first_of_item(op: Any, value: Any) -> tuple[set[str], bool]:
    if op is _sre.LITERAL:
        return {chr(value)}, False
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, item in value:
            if kind is _sre.LITERAL:
                chars.add(chr(item))
            elif kind is _sre.RANGE and item[1] - item[0] < _LIMIT:
                chars.update(chr(code) for code in range(item[0], item[1] + 1))
            else:
                raise _Unknown  # a negation, a category (\w, \s) or a wide range
        return chars, False
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = value
        if add_flags:
            raise _Unknown  # "(?i:…)" inside: the guard would not know the other case
        # A flag switched off inside ("(?-i:[IVX])") only narrows what matches there.
        return _first_of_sequence(pattern)
    if op is _sre.BRANCH:
        chars = set()
        empty = False
        for alternative in value[1]:
            first, can_be_empty = _first_of_sequence(alternative)
            chars |= first
            empty = empty or can_be_empty
        return chars, empty
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, pattern = value
        first, empty = _first_of_sequence(pattern)
        return first, empty or low == 0
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return set(), True  # takes no character: what follows decides
    raise _Unknown


def first_characters(source: str, flags: int = 0) -> str | None:
    """A character class of everything a match of *source* can begin with, or None
    when that cannot be told for certain (or the pattern can match the empty string)."""
    if _parse is None or _sre is None:
        return None
    try:
        parsed = _parse.parse(source, flags)
        chars, empty = _first_of_sequence(parsed)
    except (_Unknown, re.error, TypeError, ValueError):
        return None
    if empty or not chars or len(chars) > _LIMIT:
        return None
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


def guarded(source: str, flags: int = 0) -> re.Pattern[str]:
    """*source* compiled so that a scan skips the places it cannot start (same matches)."""
    first = first_characters(source, flags)
    if first is not None:
        try:
            return re.compile(f"(?={first})(?:{source})", flags)
        except re.error:
            pass  # global inline flags ("(?i)…") must open the pattern: keep it as it is
    return re.compile(source, flags)
