"""EDTF values read aloud: "1987-03-12/1987-03-13" → "12–13 March 1987".

The tag editor shows this beside the EDTF field so a person can check what they typed
without knowing the notation, and the dossier prints the same words in its chronology
and figure tables, so the window and the printed page read a date alike. Values it
cannot read are shown as typed, never guessed. Qt-free: used by the core and the UI.
"""

from __future__ import annotations

import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SUB_YEAR = {
    21: "spring",
    22: "summer",
    23: "autumn",
    24: "winter",
    33: "first quarter",
    34: "second quarter",
    35: "third quarter",
    36: "fourth quarter",
    40: "first half",
    41: "second half",
}
_POINT = re.compile(
    r"^(?P<year>-?[0-9X]{4})(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?(?P<q>[?~%]?)$"
)


def _point(value: str) -> tuple[str, tuple[str, str, str]] | None:
    """(words, (year, month, day)) for one EDTF date, or None if it is not one."""
    match = _POINT.match(value.strip())
    if match is None:
        return None
    year, month, day, q = match["year"], match["month"], match["day"], match["q"]
    parts: list[str] = []
    if day and "X" not in day:
        parts.append(str(int(day)))
    if month and "X" not in month:
        number = int(month)
        if 1 <= number <= 12:
            parts.append(MONTHS[number - 1])
        elif number in SUB_YEAR:
            parts.append(f"the {SUB_YEAR[number]} of")
        else:
            return None
    if "X" in year:
        if year == "XXXX":
            text = "every " + " ".join(parts) if parts else "an unknown year"
        else:
            decade = year.replace("X", "0")
            text = " ".join([*parts, f"the {decade}s" if year.endswith("X") else year])
    else:
        text = " ".join([*parts, str(int(year))])
    prefix = {"?": "possibly ", "~": "about ", "%": "about, possibly "}.get(q, "")
    return prefix + text, (year, month or "", day or "")


def readable(value: str | None) -> str:
    """Words for an EDTF value; the value itself when it is not understood."""
    if not value:
        return ""
    value = value.strip()
    if "/" in value:
        first, _, last = value.partition("/")
        if first in ("", ".."):
            end = _point(last)
            return f"until {end[0]}" if end else value
        if last in ("", ".."):
            start = _point(first)
            return f"from {start[0]}" if start else value
        start, end = _point(first), _point(last)
        if start is None or end is None:
            return value
        (s_text, (sy, sm, sd)), (e_text, (ey, em, ed)) = start, end
        if sy == ey and sm == em and sd and ed and sm and "X" not in sd + ed:
            return f"{int(sd)}–{e_text}"
        if sy == ey and sm and em and not sd and not ed:
            return f"{s_text.rsplit(' ', 1)[0]} to {e_text}"
        return f"{s_text} to {e_text}"
    point = _point(value)
    return point[0] if point else value
