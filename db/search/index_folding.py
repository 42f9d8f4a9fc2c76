"""Folding for the search index, fast enough for imports, and the ``catena_fold`` SQL function.

``db.folding.fold`` is the reference: the query side folds what is typed with it. The
index side folds whole documents (up to megabytes), where ``fold`` is slow as soon as
a text holds one non-ASCII character (a curly quote is enough): ``anyascii`` then
walks every character in Python. :func:`fold_for_index` gives the same tokens (the
same ``[a-z0-9]+`` runs) by transliterating only the non-ASCII runs, each cached, so
ordinary English text with a few dashes and quotes folds at C speed.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from db.folding import fold
from db.sanitize import NUL

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65_536)
def _transliterate(run: str) -> str:
    # anyascii maps each code point independently, so a run transliterates the same
    # alone as inside its text; fold() adds only case-folding and space clean-up.
    return anyascii(run)


def fold_for_index(text: str) -> str:
    """Lower-case ASCII with the same word tokens as ``fold(text)``.

    Whitespace is not normalised (the tokenizer ignores it), which is the only
    difference from :func:`db.folding.fold`.
    """
    if not text:
        return ""
    # A NUL (in a row from before ``db.sanitize``'s rule) separates tokens, as in
    # ``fold``, and PostgreSQL's text cannot hold it: the index gets a space instead.
    normalised = unicodedata.normalize("NFKC", text.replace(NUL, " ") if NUL in text else text)
    if not normalised.isascii():
        normalised = _NON_ASCII.sub(lambda match: _transliterate(match.group()), normalised)
    return normalised.lower()


@lru_cache(maxsize=131_072)
def word_tokens(word: str) -> tuple[str, ...]:
    """The index tokens one word of original text becomes (``Xocalı`` → ``xocali``)."""
    return tuple(_TOKEN.findall(fold(word)))


@lru_cache(maxsize=16_384)
def _sql_fold(value: str | None) -> str | None:
    return None if value is None else fold(value)


def _catena_fold(value: object) -> str | None:
    if value is None:
        return None
    return _sql_fold(value if isinstance(value, str) else str(value))


def register_sql_functions(dbapi_connection: sqlite3.Connection) -> None:
    """Add ``catena_fold(text)`` to a connection: ``db.folding.fold`` inside SQL.

    Search filters (``publisher:``, ``type:``, ``person:``…) compare folded values
    with bound parameters; folding in SQL keeps that one query. Marked deterministic
    so SQLite may use it in indexes and factor it out of loops; cached because the
    same publishers and types repeat across thousands of rows.
    """
    dbapi_connection.create_function("catena_fold", 1, _catena_fold, deterministic=True)
