"""Read a stored original again, the way the import did, to recover its working text.

``catena verify --repair`` (``db.text_fixity.repair_texts``) uses this for a text that
failed its SHA-256 check: the catalogue core may not import the readers, so the reader
is handed to it as this function. The import stores ``parse(...).text`` unchanged, so
the same reader on the same bytes gives the same text, unless the reader has changed
since — which the recorded hash reveals, and then nothing is put back.
"""

from __future__ import annotations

from dataclasses import replace

from db.text_fixity import RederiveError
from desktop.ingest.limits import DEFAULT_LIMITS
from desktop.ingest.parsed import IngestError
from desktop.ingest.readers import parse


def rederive_text(data: bytes, filename: str) -> str:
    """The working text the import would store for *data* (the bytes of *filename*).

    The size limit is lifted to the original's own size: the original was accepted
    once (perhaps with a larger ``--max-bytes``) and is only being read again.
    """
    limits = replace(DEFAULT_LIMITS, max_bytes=max(DEFAULT_LIMITS.max_bytes, len(data)))
    try:
        parsed = parse(data, filename, limits=limits)
    except IngestError as exc:
        raise RederiveError(exc.reason) from exc
    except Exception as exc:  # a reader bug must not stop the repair of other documents
        raise RederiveError(f"{type(exc).__name__}: {exc}") from exc
    if parsed.image is not None:
        raise RederiveError("the original is an image, which has no working text")
    return parsed.text
