"""Column types that store the catalogue's bulkiest values compactly on SQLite (issue 23).

Every reader and writer that goes through SQLAlchemy (the ORM, Core selects and
inserts on the mapped tables, the archive) sees exactly the strings it always saw:
the conversion happens in the bind and result processing of these types. On SQLite
the stored value is a BLOB in the column's unchanged TEXT/VARCHAR declaration
(SQLite types each value, not the column, and a TEXT column keeps a BLOB as given),
so no table is rebuilt and a new catalogue has the same schema as an upgraded one.
On PostgreSQL nothing changes: values are bound and read as before (TOAST already
compresses long texts there).

Each type converts only a value in its canonical form (a UUID as ``uuid4()`` prints
it, a timestamp as ``db.models.utcnow`` writes it) and keeps anything else as the
text it was, so whatever other programs wrote still reads back byte for byte; and a
value still stored as text (a catalogue not yet upgraded by migration 0017) reads as
before. SQL that works on the stored value itself (``substr``, ``LIKE``, raw
``text()`` selects) sees the BLOB: such readers go through these functions or read
through the type (see docs/architecture.md, "Storage").
"""

from __future__ import annotations

import re
import threading
import uuid
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

ZLIB_LEVEL = 6
"""zlib's default: 5,473,197 B of working text became 2,347,062 B (level 9: within 1 %).
Texts written before Zstandard (below) are zlib streams, and are read as such."""
ZSTD_LEVEL = 5
"""Zstandard at 5 stores the 1,000 clippings' texts within 1 % of zlib's 6 (2,377,530 B
against 2,359,189) at 0.07 ms a text instead of 0.16-0.20, in the writer that holds the
catalogue's write lock (level 3: 4 % larger; 7 and up: no smaller, slower)."""
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"  # every Zstandard frame starts so; a zlib stream with 0x78
_codecs = threading.local()  # a Zstandard context serves one thread at a time


class StoredTextDamaged(ValueError):
    """A stored working text that no longer decompresses (its BLOB was damaged)."""


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00")
_BAND = re.compile(r"(\d\d):([0-9a-f]{16})")


def utcnow() -> str:
    """UTC timestamps as ISO 8601 text: sortable, portable, unambiguous (and the
    canonical form ``Stamp`` stores in 8 bytes)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_uid() -> str:
    return str(uuid.uuid4())


def _on_sqlite(dialect: Dialect) -> bool:
    return dialect.name == "sqlite"


def deflate_text(text: str) -> bytes:
    """A working text as SQLite stores it: a Zstandard frame of its UTF-8 bytes."""
    compressed: bytes = _zstd().compress(text.encode("utf-8", "surrogatepass"))
    return compressed


def stored_text_bytes(stored: bytes | str | None) -> bytes:
    """The UTF-8 bytes of a stored working text, whichever form it is stored in
    (a Zstandard or, written before it, a zlib BLOB; TEXT written before 0017 or by
    another program), without decoding them: fixity hashes these. Raises
    ``StoredTextDamaged`` for a BLOB that no longer decompresses."""
    if stored is None:
        return b""
    if isinstance(stored, bytes):
        if stored[:4] == _ZSTD_MAGIC:
            return _unzstd(stored)
        try:
            return zlib.decompress(stored)
        except zlib.error as exc:
            raise StoredTextDamaged(f"a stored text does not decompress: {exc}") from exc
    return stored.encode("utf-8", "surrogatepass")


def _zstd() -> Any:
    """This thread's Zstandard compressor (the module loads when a text is first
    written, not at every command's start)."""
    compressor = getattr(_codecs, "compressor", None)
    if compressor is None:
        import zstandard

        compressor = _codecs.compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    return compressor


def _unzstd(stored: bytes) -> bytes:
    import zstandard  # loaded by the first text read (then this costs a dict look-up)

    decompressor = getattr(_codecs, "decompressor", None)
    if decompressor is None:
        decompressor = _codecs.decompressor = zstandard.ZstdDecompressor()
    try:
        return bytes(decompressor.decompress(stored))
    except zstandard.ZstdError as exc:
        raise StoredTextDamaged(f"a stored text does not decompress: {exc}") from exc


def uid_bytes(value: str) -> bytes | None:
    """The 16 bytes of a canonical UUID string, None for any other string."""
    if len(value) != 36:
        return None
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    return parsed.bytes if str(parsed) == value else None


def stamp_bytes(value: str) -> bytes | None:
    """Microseconds since 1970 as 8 big-endian bytes (so byte order is time order) for
    a canonical UTC timestamp (``2026-12-04T15:33:25.123456+00:00``); None otherwise."""
    if not _STAMP.fullmatch(value):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    micros = (moment - _EPOCH) // timedelta(microseconds=1)
    return micros.to_bytes(8, "big") if micros >= 0 else None


def stamp_text(stored: bytes) -> str:
    return (_EPOCH + timedelta(microseconds=int.from_bytes(stored, "big"))).isoformat(
        timespec="microseconds"
    )


def band_bytes(value: str) -> bytes | None:
    """``"03:1d83041a68e51f57"`` (band number, 64-bit hash in hex) as 9 bytes."""
    match = _BAND.fullmatch(value)
    if match is None:
        return None
    return bytes([int(match[1])]) + bytes.fromhex(match[2])


class WorkingText(TypeDecorator[str]):
    """A document's working text: compressed on SQLite (Zstandard; zlib before it:
    5.2 MB → 2.3 MB for the 1,000-clipping corpus). Its SHA-256 stays that of the
    text's UTF-8 bytes."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str) and _on_sqlite(dialect):
            return deflate_text(value)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, bytes):
            return stored_text_bytes(value).decode("utf-8", "surrogatepass")
        return value


class Uid(TypeDecorator[str]):
    """A record's UUID: 16 bytes on SQLite instead of 36 characters (in the row and
    again in its unique index)."""

    impl = String(36)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str) and _on_sqlite(dialect):
            return uid_bytes(value) or value
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, bytes) and len(value) == 16:
            return str(uuid.UUID(bytes=value))
        return value


class Stamp(TypeDecorator[str]):
    """A UTC timestamp: 8 bytes on SQLite instead of 32 characters, in the same order
    (comparisons and sorting between converted values keep their meaning; compare
    with a canonical string, as ``utcnow`` writes, so that it is converted too)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str) and _on_sqlite(dialect):
            return stamp_bytes(value) or value
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, bytes) and len(value) == 8:
            return stamp_text(value)
        return value


class BandKey(TypeDecorator[str]):
    """A near-duplicate band key: 9 bytes on SQLite instead of 19 characters (stored
    twice, in the key and in the document index)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str) and _on_sqlite(dialect):
            return band_bytes(value) or value
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, bytes) and len(value) == 9:
            return f"{value[0]:02d}:{value[1:].hex()}"
        return value
