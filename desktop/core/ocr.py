"""OCR on demand and corrections of OCR text: ``catena ocr`` and Document ▸ Read Text (OCR).

The original stays the evidence: OCR reads its pages again (outside any transaction,
since a long scan takes minutes) and only then stores the text as a new version, with
its words and boxes and a preservation event. A person's correction is a new version
too, tags following their characters. Suggestions are made for a text that had none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from db.catalogue import Catalogue
from db.documents import DocumentError, require_document
from db.ocr_texts import CorrectionReport, correct_text, read_again, store_ocr
from db.tags import tags_of
from desktop.core.changes import Changes, Done
from desktop.extract.store import suggest_document
from desktop.ingest.ocr import OcrCancelled, ocr_original
from desktop.ingest.ocr_engine import OcrUnavailable
from desktop.ingest.parsed import IngestError

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OcrDone:
    """What OCR on demand did to one document."""

    reference: str
    pages: int
    words: int
    low_confidence_words: int
    languages: tuple[str, ...]
    version: int
    suggested: int
    tags_lost: int


def ocr_document(
    catalogue: Catalogue,
    *,
    ref: str,
    languages: tuple[str, ...],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Done[OcrDone]:
    """Read document *ref*'s original with OCR in *languages* and store the text.

    Raises ``DocumentError`` with one line for the person when OCR cannot run (no
    engine, no language data, no original, pages that cannot be drawn) or was
    cancelled; nothing is changed then.
    """
    with catalogue.reading() as session:
        document = require_document(session, ref)
        ref, sha256, media_type = document.ref, document.original_sha256, document.media_type
    if sha256 is None:
        raise DocumentError(f"{ref} has no original file to read")
    if not (media_type == "application/pdf" or media_type.startswith("image/")):
        raise DocumentError(f"{ref} is {media_type}; OCR reads PDFs and images only")
    try:
        data = catalogue.objects.read(sha256)
        result = ocr_original(data, media_type, languages, progress=progress, cancelled=cancelled)
    except (OcrUnavailable, OcrCancelled) as exc:
        raise DocumentError(f"{ref}: {exc}") from exc
    except IngestError as exc:
        raise DocumentError(f"{ref}: {exc.reason}") from exc
    except OSError as exc:
        raise DocumentError(f"{ref}: the original cannot be read ({exc})") from exc
    if not result.words:
        raise DocumentError(f"{ref}: OCR found no text on its pages; nothing was changed")
    provenance = result.provenance()
    with catalogue.writing() as session:
        document = require_document(session, ref)
        had_text = bool(document.text)
        if had_text:
            report = read_again(
                session,
                ref=ref,
                text=result.text,
                words=result.words,
                provenance=provenance,
                actor=catalogue.actor,
            )
            version, lost = report.version, len(report.tags_lost)
        else:
            document.text = result.text
            document.page_starts = list(result.page_starts)
            flags = [f for f in document.flags or [] if f not in ("no text layer",)]
            document.flags = [f for f in flags if not f.startswith("no text")] + ["OCR text"]
            session.flush()
            store_ocr(
                session,
                document_id=document.id,
                ref=ref,
                words=result.words,
                provenance=provenance,
                text=result.text,
                actor=catalogue.actor,
            )
            version, lost = 1, 0
        document.page_starts = list(result.page_starts)
        suggested = 0
        if not tags_of(session, document.id):
            suggested = suggest_document(session, document=document, actor=catalogue.actor).total
    done = OcrDone(
        reference=ref,
        pages=len(result.page_starts),
        words=len(result.words),
        low_confidence_words=provenance["low_confidence_words"],
        languages=result.languages,
        version=version,
        suggested=suggested,
        tags_lost=lost,
    )
    return Done(done, Changes(documents=frozenset({ref}), tags_of=frozenset({ref}), people=True))


def correct_ocr_text(catalogue: Catalogue, *, ref: str, text: str) -> Done[CorrectionReport]:
    """A person's correction of a document's text: a new version, tags re-anchored."""
    with catalogue.writing() as session:
        report = correct_text(session, ref=ref, text=text, actor=catalogue.actor)
    return Done(report, Changes(documents=frozenset({ref}), tags_of=frozenset({ref})))
