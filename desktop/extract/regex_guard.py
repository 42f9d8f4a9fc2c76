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
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

try:  # the parser re itself uses; it has moved between Python versions
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    _sre = None
    _parse = None

T = TypeVar("T")


class _Unknown(Exception):
    """The first characters of this piece of pattern cannot be told for certain."""


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _class_source(items: Any) -> str:
    """The source of a parsed character set ("[^\\W\\d_]", "[12]")."""
    negated = False
    body: list[str] = []
    for kind, item in items:
        if kind is _sre.NEGATE:
            negated = True
        elif kind is _sre.LITERAL:
            body.append(re.escape(chr(item)))
        elif kind is _sre.RANGE:
            body.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
        elif kind is _sre.CATEGORY and str(item) in _CATEGORIES:
            body.append(_CATEGORIES[str(item)])
        else:
            raise _Unknown
    return ("[^" if negated else "[") + "".join(body) + "]"


def _first_of_sequence(items: Any) -> tuple[set[str], bool]:
    """Character classes (as sources) a match of the parsed sequence *items* can begin
    with, and whether it can match the empty string (then what follows counts too)."""
    found: set[str] = set()
    for op, value in items:
        first, empty = _first_of_item(op, value)
        found |= first
        if not empty:
            return found, False
    return found, True


def _first_of_item(op: Any, value: Any) -> tuple[set[str], bool]:
    if op is _sre.LITERAL:
        return {re.escape(chr(value))}, False
    if op is _sre.NOT_LITERAL:
        return {f"[^{re.escape(chr(value))}]"}, False
    if op is _sre.IN:
        return {_class_source(value)}, False
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = value
        if add_flags:
            raise _Unknown  # "(?i:…)" inside: the guard would not know the other case
        # A flag switched off inside ("(?-i:[IVX])") only narrows what matches there.
        return _first_of_sequence(pattern)
    if op is _sre.BRANCH:
        classes: set[str] = set()
        empty = False
        for alternative in value[1]:
            first, can_be_empty = _first_of_sequence(alternative)
            classes |= first
            empty = empty or can_be_empty
        return classes, empty
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, _high, pattern = value
        first, empty = _first_of_sequence(pattern)
        return first, empty or low == 0
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return set(), True  # takes no character: what follows decides
    raise _Unknown


def first_characters(source: str, flags: int = 0) -> str | None:
    """A pattern for one character: anything a match of *source* can begin with; None
    when that cannot be told for certain (or *source* can match the empty string)."""
    if _parse is None or _sre is None:
        return None
    try:
        parsed = _parse.parse(source, flags)
        classes, empty = _first_of_sequence(parsed)
    except (_Unknown, re.error, TypeError, ValueError):
        return None
    if empty or not classes:
        return None
    single = sorted(c for c in classes if not c.startswith("["))
    pieces = sorted(c for c in classes if c.startswith("["))
    if single:
        pieces.insert(0, "[" + "".join(single) + "]")
    return pieces[0] if len(pieces) == 1 else "(?:" + "|".join(pieces) + ")"


def guarded(source: str, flags: int = 0) -> re.Pattern[str]:
    """*source* compiled so that a scan skips the places it cannot start (same matches)."""
    first = first_characters(source, flags)
    if first is not None:
        try:
            return re.compile(f"(?={first})(?:{source})", flags)
        except re.error:
            pass  # global inline flags ("(?i)…") must open the pattern: keep it as it is
    return re.compile(source, flags)


class FirstCharacterIndex(Generic[T]):
    """Which of an ordered list of patterns can match at a position, by the character
    there: a date finder tries a dozen shapes at every number and word before one, and
    most cannot start with that character at all. The answer for a character is worked
    out once (by the patterns' own first-character class, so case rules are the
    engine's) and keeps the list's order."""

    def __init__(self, items: Sequence[T], pattern_of: Callable[[T], re.Pattern[str]]) -> None:
        self._items = tuple(items)
        self._firsts: list[re.Pattern[str] | None] = []
        for item in self._items:
            pattern = pattern_of(item)
            first = first_characters(pattern.pattern, pattern.flags)
            self._firsts.append(None if first is None else re.compile(first, pattern.flags))
        self._by_character: dict[str, tuple[T, ...]] = {}

    def at(self, character: str) -> tuple[T, ...]:
        """The items whose pattern may match text starting with *character*, in order."""
        found = self._by_character.get(character)
        if found is None:
            found = tuple(
                item
                for item, first in zip(self._items, self._firsts, strict=True)
                if first is None or first.match(character)
            )
            self._by_character[character] = found
        return found
