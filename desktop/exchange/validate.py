"""What an imported metadata value must be before it may reach the catalogue.

``catena import-metadata`` and ``catena import-archive`` read files a person did not
write by hand and cannot check by eye. Every value is checked here, the whole file
first, so a bad value is reported in one line (file, record, field) and nothing is
written. One set of rules serves both importers, so a value refused from a spreadsheet
cannot arrive through an archive instead:

- **Text** is text (a number or a list where a title belongs is refused), at most
  ``MAX_LINE`` characters (``MAX_NOTES`` for notes), and holds no control character
  (``db.sanitize.has_control``). Control characters are *refused*, never cleaned: a
  file that carries NUL or ESC is damaged or hostile, and a silently edited value would
  differ from the file the person thinks they imported.
- **published** is a date in EDTF (1987, 1987-03, 1987-03-14, 1987~, 1987-21,
  1987/1988, …), checked with the ``edtf`` library that ``db.dates`` uses.
- **published_time** is HH:MM or HH:MM:SS on a 24-hour clock; **published_tz** is an
  offset +HH:MM or -HH:MM no further than 14 hours from UTC.
- **authors** and **recipients** are lists of names. A bare string is refused rather
  than taken as one author: CSL-JSON and the archive both write lists, so a string means
  a hand-edited file, and splitting it (or not) would be a guess.
- **title_devised** is true or false.
- **url** is an absolute http(s) or ftp address and **accessed** one day, YYYY-MM-DD
  (``db.provenance``, the rule the window and the CLI apply). An archive's URL is only
  checked as text: older catalogues stored page-declared addresses unchecked, and a
  backup must restore whatever it holds.
"""

from __future__ import annotations

import calendar
import json
import math
import re
from functools import lru_cache
from typing import Any

import edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from db.documents import EDITABLE_FIELDS
from db.provenance import ProvenanceError, check_accessed, check_url
from db.sanitize import for_terminal, has_control
from desktop.exchange.common import ExchangeError

# Generous: ingest keeps a web page's 200,000-character <title>, and a catalogue's own
# export must import again. The limits stop a 10 MB line, not a long headline.
MAX_LINE = 1_000_000  # characters in a one-value field: a title, a URL, a name
MAX_NOTES = 5_000_000
MAX_NAMES = 1_000  # authors (or recipients) of one record
MAX_SHOWN = 40  # characters of a bad value quoted in a message
MAX_DEPTH = 64  # nesting of a JSON value stored in the catalogue (event details, …)
LIMITS = {
    "doc_type": 60,
    "language": 35,
    "published": 60,
    "published_time": 20,
    "accessed": 10,
}
NOTES_FIELDS = ("notes",)
NAME_LIST_FIELDS = ("authors", "recipients")
NOTHING_DONE = "nothing was imported"  # the end of every refusal: the reader needs to know
EDTF_EXAMPLES = "e.g. 1987, 1987-03, 1987-03-14, 1987~ or 1987/1988"


class BadValue(ValueError):
    """One value that cannot be imported. The message says what is wrong with it; the
    caller adds where it was (file, record, field)."""


def shown(value: Any) -> str:
    """A value as a message quotes it: short, one line, safe for a terminal."""
    text = repr(value)
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return for_terminal(text)


def kind(value: Any) -> str:
    """What a JSON value is, in words ("a number", "a list", …)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _control_in(value: str) -> str:
    for char in value:
        if has_control(char):
            return f"U+{ord(char):04X}"
    return "?"  # pragma: no cover - only called when has_control(value)


def text(value: Any, *, limit: int = MAX_LINE) -> str:
    """*value* when it is text without control characters and within *limit*."""
    if not isinstance(value, str):
        raise BadValue(f"must be text, not {kind(value)} ({shown(value)})")
    if len(value) > limit:
        raise BadValue(f"is {len(value):,} characters long (at most {limit:,})")
    if has_control(value):
        raise BadValue(
            f"holds a control character ({_control_in(value)}), which a catalogue field "
            "never stores"
        )
    return value


_PLAIN_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=4096)
def is_edtf(value: str) -> bool:
    """Whether *value* is a date the EDTF grammar accepts (plain dates without it:
    the general parser costs milliseconds a call)."""
    plain = _PLAIN_DATE.fullmatch(value)
    if plain is not None and int(plain[1]) >= 1 and 1 <= int(plain[2] or 1) <= 12:
        year, month, day = (int(part) if part else None for part in plain.groups())
        if day is None:
            return True
        return 1 <= day <= calendar.monthrange(year or 1, month or 1)[1]
    try:
        edtf.parse_edtf(value)
    except (EDTFParseException, ValueError, TypeError, OverflowError, RecursionError):
        return False
    return True


def edtf_date(value: Any) -> str:
    checked = text(value, limit=LIMITS["published"]).strip()
    if not is_edtf(checked):
        raise BadValue(f"{shown(value)} is not an EDTF date ({EDTF_EXAMPLES})")
    return checked


_TIME = re.compile(r"(\d{2}):(\d{2})(?::(\d{2}))?")
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


def clock_time(value: Any) -> str:
    checked = text(value, limit=LIMITS["published_time"]).strip()
    match = _TIME.fullmatch(checked)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
        raise BadValue(f"{shown(value)} is not a time of day (HH:MM or HH:MM:SS, 00:00–23:59)")
    return checked


def utc_offset(value: Any) -> str:
    checked = text(value, limit=LIMITS["published_time"]).strip()
    match = _OFFSET.fullmatch(checked)
    if match is None or int(match[3]) > 59 or int(match[2]) * 60 + int(match[3]) > 14 * 60:
        raise BadValue(
            f"{shown(value)} is not a UTC offset (+HH:MM or -HH:MM, within ±14:00, e.g. +04:00)"
        )
    return checked


def name_list(value: Any) -> list[str]:
    if isinstance(value, str):
        raise BadValue(
            f"must be a list of names, not a single text ({shown(value)}); write "
            '["Name One", "Name Two"]'
        )
    if not isinstance(value, list):
        raise BadValue(f"must be a list of names, not {kind(value)} ({shown(value)})")
    if len(value) > MAX_NAMES:
        raise BadValue(f"lists {len(value):,} names (at most {MAX_NAMES:,})")
    names = []
    for number, name in enumerate(value, start=1):
        try:
            names.append(text(name))
        except BadValue as exc:
            raise BadValue(f"name {number} {exc}") from None
    return names


def flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadValue(f"must be true or false, not {kind(value)} ({shown(value)})")
    return value


def check_field(name: str, value: Any, *, archived: bool = False) -> Any:
    """*value* as the catalogue stores field *name* (one of ``EDITABLE_FIELDS``), or
    ``BadValue``. None (no value) passes for every field but the lists and the flag.
    *archived*: the value comes from a Catena archive (its URL is checked as text)."""
    if name not in EDITABLE_FIELDS:
        raise BadValue(f"{name} is not a metadata field")
    if name in NAME_LIST_FIELDS:
        return name_list(value)
    if name == "title_devised":
        return flag(value)
    if value is None:
        return None
    if name == "published":
        return edtf_date(value)
    if name == "published_time":
        return clock_time(value)
    if name == "published_tz":
        return utc_offset(value)
    if name == "accessed" or (name == "url" and not archived):
        checked = text(value, limit=LIMITS.get(name, MAX_LINE))
        try:
            return check_accessed(checked) if name == "accessed" else check_url(checked)
        except ProvenanceError as exc:
            raise BadValue(str(exc)) from None
    return text(value, limit=MAX_NOTES if name in NOTES_FIELDS else LIMITS.get(name, MAX_LINE))


# --- JSON -------------------------------------------------------------------------------


def _no_constant(name: str) -> Any:
    raise BadValue(f"holds {name}, which is not a JSON number")


def load_json(data: str | bytes, what: str) -> Any:
    """Parse JSON strictly: NaN and Infinity (which Python's parser accepts but JSON
    does not), nesting too deep for the parser and numbers too long to convert are
    ``ExchangeError`` naming *what*, never an exception from the parser."""
    try:
        source = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"{what} is not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(source, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"{what} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise ExchangeError(f"{what} is nested too deeply to be read") from None
    except BadValue as exc:
        raise ExchangeError(f"{what} {exc}") from None
    except ValueError:  # int() refuses a number with thousands of digits
        raise ExchangeError(f"{what} holds a number too long to read") from None


def json_problem(value: Any) -> str | None:
    """Why a JSON value cannot be stored as it is (too deeply nested, a number SQLite
    cannot hold, text with a lone surrogate), or None. Walks without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"is nested more than {MAX_DEPTH} levels deep"
        if isinstance(item, dict):
            stack.extend((k, depth + 1) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, str):
            if re.search("[\ud800-\udfff]", item):
                return "holds a lone surrogate (text that is not valid Unicode)"
        elif isinstance(item, float) and not math.isfinite(item):
            return f"holds a number out of range ({shown(item)})"
        elif isinstance(item, int) and not isinstance(item, bool) and not -(2**63) <= item < 2**63:
            return f"holds a number too large to store ({shown(item)})"
    return None
