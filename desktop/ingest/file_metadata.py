"""A file's own metadata (PDF document information, Word core properties) as guesses.

These values are written by software, not by the document: a PDF's /CreationDate is
when it was printed to PDF, a Word file's "created" is often its template's, and its
author is whoever the machine was registered to ("Microsoft Office User"). So they are
never taken as the publication date or the authors. Each becomes a low-confidence
``FileGuess`` naming its source, which a person may accept (``db.provenance``).

Left out altogether, because they say nothing about the document: names that are
software or placeholder accounts ("anonymous", "python-docx", "Administrator"), dates
of a known template (python-docx's 2013-12-23T23:15), and dates before 1990 (clock
defaults such as 1980-01-01, the ZIP epoch, and 1601, Windows' zero).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from db.provenance import FileGuess
from db.sanitize import clean_field
from desktop.ingest.furniture_words import split_words
from desktop.ingest.publication_dates import iso_to_edtf

EARLIEST_YEAR = 1990
# Names a machine, a program or a template wrote where the author belongs.
_PLACEHOLDER_NAMES = frozenset(
    split_words(
        "anonymous anon unknown user admin administrator owner author default guest "
        "test pc windows-user python-docx docx4j phpword openpyxl reportlab "
        "utilisateur usuario benutzer utente gebruiker пользователь администратор "
        "istifadəçi kullanıcı"
    )
)
_SOFTWARE = re.compile(
    r"\b(?:microsoft|word|excel|acrobat|adobe|libreoffice|openoffice|writer|"
    r"distiller|pdf\w*|template|converter|printer|scanner|windows|macos)\b",
    re.IGNORECASE,
)
# (author, ISO minute) of templates whose dates are the template's, not the document's.
_TEMPLATE_DATES = frozenset({"2013-12-23T23:15"})


def is_placeholder_name(name: str) -> bool:
    """A name a program wrote: "anonymous", "Microsoft Office User", "python-docx"."""
    folded = " ".join(name.casefold().split())
    if not folded or folded.replace(" ", "-") in _PLACEHOLDER_NAMES:
        return True
    return bool(_SOFTWARE.search(folded)) or not any(ch.isalpha() for ch in folded)


def author_guesses(names: Iterable[str], source: str) -> list[FileGuess]:
    """One guess with every real name *source* gave (placeholders left out)."""
    kept: list[str] = []
    for raw in names:
        for part in re.split(r"[;,]", raw):
            name = clean_field(" ".join(part.split()))
            if name and not is_placeholder_name(name) and name not in kept:
                kept.append(name)
    return [FileGuess("authors", kept, source)] if kept else []


def date_guess(value: object, source: str) -> list[FileGuess]:
    """A day from a PDF date string ("D:20190502…") or a datetime, unless it is a
    template's or a clock default's."""
    if isinstance(value, dt.datetime):
        iso_minute = value.strftime("%Y-%m-%dT%H:%M")
        day: str | None = value.date().isoformat()
    elif isinstance(value, str) and value.strip():
        day, time, _tz = iso_to_edtf(value)
        iso_minute = f"{day}T{time}" if day and time else ""
    else:
        return []
    if not day or not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", day):
        return []
    if int(day[:4]) < EARLIEST_YEAR or iso_minute in _TEMPLATE_DATES:
        return []
    return [FileGuess("published", day, source)]


def unique(guesses: Iterable[FileGuess]) -> list[FileGuess]:
    """Guesses with a value already offered (by an earlier source) left out."""
    seen: set[tuple[str, str]] = set()
    out = []
    for guess in guesses:
        key = (guess.field, guess.shown())
        if key not in seen:
            seen.add(key)
            out.append(guess)
    return out
