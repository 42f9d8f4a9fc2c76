"""What a dossier says, as plain frozen data: the renderer's whole input.

The builder gathers these from the catalogue; the renderer (``render.py``) turns them
into a PDF without ever querying anything. Keeping the boundary as plain values means
the renderer can be tested with invented archives, the same data always prints the
same document, and :func:`source_digest` can fingerprint exactly what was printed.

Conventions
-----------
* Every string is catalogue text and is printed literally (escaped by the renderer).
* ``key`` fields are opaque identifiers chosen by the builder (e.g. catalogue ids).
  They are used only to connect cross-references; they are never printed and never
  become PDF anchor names (the renderer generates those).
* Character offsets (``Pinpoint.char_start``/``char_end`` and ``TaggedSpan``) are
  zero-based, end-exclusive indices into the text they refer to, as stored.
* Display dates are pre-formatted strings; sorting is the builder's job (lists are
  printed in the order given) except where a field says otherwise.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

#: Every section the renderer knows, in the default order.
SECTION_NAMES: tuple[str, ...] = (
    "cover",
    "contents",
    "documents",
    "witnesses",
    "chronology",
    "figures",
    "corroboration",
    "plates",
    "bibliography",
    "fixity",
)

#: Tag kinds with their own highlight style; any other kind string is allowed and gets
#: a neutral style with the kind itself as its legend label.
KNOWN_TAG_KINDS: tuple[str, ...] = ("person", "organisation", "date", "figure", "place")


@dataclass(frozen=True)
class Segment:
    """A run of citation text with its typographic emphasis (titles are italic)."""

    text: str
    italic: bool = False
    bold: bool = False


#: A formatted citation: segments printed one after another, in order. The renderer
#: reads segments by duck typing, so the citation formatter's own segment type (any
#: object with ``text`` and ``italic``) or its ``Citation`` (an object with
#: ``segments``) can be passed as they are.
Citation = tuple[Segment, ...]


@dataclass(frozen=True)
class TaggedSpan:
    """A tagged stretch of an excerpt's text (offsets into ``Excerpt.text``)."""

    start: int
    end: int
    kind: str  # "person", "organisation", "date", "figure", "place" or another tag kind
    label: str | None = None  # how the tag was read: "Şəkibə Əliyeva, witness", "1998-05-12"


@dataclass(frozen=True)
class Pinpoint:
    """Where an excerpt sits in its original, so a reader can find it again."""

    char_start: int  # offsets of the excerpt in the document's stored text
    char_end: int
    page: int | None = None  # page of a PDF original
    paragraph: int | None = None  # paragraph number of other originals (1-based)


@dataclass(frozen=True)
class PageCrop:
    """The region of a scanned page an OCR excerpt was read from, printed beside it."""

    original_path: Path | str  # the stored original (not part of the source digest)
    media_type: str
    page: int  # 0-based
    left: float  # fractions of the page image
    top: float
    right: float
    bottom: float
    original_sha256: str


@dataclass(frozen=True)
class Excerpt:
    """A passage quoted with its paragraph context and the tags inside it."""

    key: str
    text: str
    pinpoint: Pinpoint
    spans: tuple[TaggedSpan, ...] = ()
    note: str | None = None
    crops: tuple[PageCrop, ...] = ()  # an OCR text's page regions (scans only)


@dataclass(frozen=True)
class DocumentEntry:
    """One source document of the selection."""

    key: str
    short_title: str  # used in contents, bookmarks and cross-references
    citation: Citation
    reference_code: str | None = None
    doc_type: str | None = None
    publisher: str | None = None
    date: str | None = None
    dateline: str | None = None
    url: str | None = None
    excerpts: tuple[Excerpt, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PassageRef:
    """A passage where a person appears; links to the excerpt with that key."""

    excerpt_key: str
    role: str | None = None  # role in this passage: "witness", "quoted"...
    quote: str | None = None  # the words of the passage to show in the index


@dataclass(frozen=True)
class Witness:
    """A person of the witness index, or an organisation of the organisations index."""

    name: str
    variants: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    description: str | None = None  # title or office
    passages: tuple[PassageRef, ...] = ()


@dataclass(frozen=True)
class ChronologySource:
    """One source giving a chronology row's date."""

    excerpt_key: str | None = None  # the passage the date comes from (linked)
    source: str | None = None  # the document's reference, shown when no excerpt is included
    published: str | None = None  # the document's publication date (EDTF)
    quote: str | None = None  # the date as this source wrote it


@dataclass(frozen=True)
class ChronologyEntry:
    """An event date (accepted) with every source that gives it; printed in the order
    given (the builder sorts). *sources*, when given, replace the single
    *excerpt_key*/*source* pair."""

    edtf: str
    readable: str
    what: str | None = None
    excerpt_key: str | None = None  # the passage the date comes from (linked)
    source: str | None = None  # shown when there is no excerpt in this dossier
    sources: tuple[ChronologySource, ...] = ()


@dataclass(frozen=True)
class FigureValue:
    """One source's statement of a figure."""

    value: float
    document_key: str  # the source; values are counted per distinct document
    upper_value: float | None = None  # for ranges
    qualifier: str = "exact"  # "exact", "about", "at least", "range"...
    as_written: str | None = None  # "nearly 500 residents"
    published: str | None = None  # display date of the source's publication
    published_sort: str | None = None  # ISO date used to order rows; None sorts last
    excerpt_key: str | None = None


@dataclass(frozen=True)
class FigureComparison:
    """All values given for one figure category (e.g. "killed") across sources."""

    category: str
    values: tuple[FigureValue, ...]
    label: str | None = None  # display heading; defaults to the category


@dataclass(frozen=True)
class CorroborationClaim:
    """One source's claim in a corroboration row, as the source wrote it."""

    document_key: str
    as_written: str  # the value with its qualifier: "about 250", "7,000–8,000"
    quote: str  # the tagged characters: "some 250 dead"
    published: str | None = None  # display date of the source's publication
    excerpt_key: str | None = None  # the passage, when the dossier prints it


@dataclass(frozen=True)
class CorroborationRow:
    """One counted thing of one event across the sources (``db.corroboration``):
    disagreements come first; claims are in order of publication, undated last."""

    label: str  # "killed — children"
    verdict: str  # "agree", "differ" or "single source"
    claims: tuple[CorroborationClaim, ...]
    event: str | None = None  # "Varnel dam collapse (EVT-000001)"
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plate:
    """An image reproduced from a stored original."""

    image_path: Path | str  # local file (JPEG/PNG); not part of the source digest
    caption: str
    credit: str | None = None
    rights: str | None = None
    exif_date: str | None = None
    source_reference: str | None = None
    document_key: str | None = None  # links the plate to its document
    sha256: str | None = None  # of the image file, printed for verification


@dataclass(frozen=True)
class OriginalFile:
    """A stored original of the fixity appendix."""

    file_name: str
    size_bytes: int
    imported_at: str  # display form, e.g. "2024-03-01 14:05 UTC"
    sha256: str
    document_key: str | None = None


@dataclass(frozen=True)
class AuditTrail:
    """Where the catalogue's hash-chained audit trail stood when the dossier was made.

    Printed in the fixity appendix so that anyone holding the dossier can later notice
    a history that was cut short or rewritten: the event numbered ``last_event`` must
    still carry ``head`` as its hash.
    """

    events: int  # events up to and including ``last_event``
    last_event: int  # id of the last event counted
    head: str  # that event's hash (SHA-256, hex)


@dataclass(frozen=True)
class DossierData:
    """Everything one dossier prints. ``sections`` chooses which parts, in which order."""

    title: str
    compiler: str
    generated_at: datetime  # printed in header/cover; excluded from the source digest
    subtitle: str | None = None
    selection: str = ""  # how the selection was made: query text, filters
    catalogue_name: str = ""
    subject: str | None = None  # PDF metadata
    keywords: tuple[str, ...] = ()
    sections: tuple[str, ...] = SECTION_NAMES
    documents: tuple[DocumentEntry, ...] = ()
    witnesses: tuple[Witness, ...] = ()  # persons only
    organisations: tuple[Witness, ...] = ()  # printed after the witness index
    chronology: tuple[ChronologyEntry, ...] = ()
    figures: tuple[FigureComparison, ...] = ()
    corroboration: tuple[CorroborationRow, ...] = ()
    plates: tuple[Plate, ...] = ()
    bibliography: tuple[Citation, ...] = ()
    originals: tuple[OriginalFile, ...] = ()
    paper: str = "A4"  # "A4" or "Letter"
    language: str | None = None  # BCP 47 tag for the PDF's /Lang, e.g. "en"
    audit_trail: AuditTrail | None = None  # printed in the appendix; not in the digest


# --------------------------------------------------------------------------- digest

#: Version of the canonical form below; bump it if the definition ever changes, so a
#: digest printed in an old dossier can still be recomputed the old way.
DIGEST_VERSION = 1

#: Fields left out of the canonical form, with why: the generation time differs on
#: every run of the same content; image paths are where this machine stores a file,
#: not what the dossier says (the image's own SHA-256 is kept); the audit trail's
#: head describes the catalogue's history, not the dossier's content (and was added
#: after version 1 was defined, which leaving it out keeps unchanged).
_DIGEST_EXCLUDED = {
    ("DossierData", "generated_at"),
    ("Plate", "image_path"),
    ("DossierData", "audit_trail"),
    ("PageCrop", "original_path"),
}
#: Fields added after version 1 was defined, left out while empty so that a dossier
#: without them keeps the digest version 1 gave it.
_DIGEST_OMITTED_WHEN_EMPTY = {
    ("DossierData", "corroboration"),
    ("DossierData", "organisations"),
    ("Excerpt", "crops"),
}


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value).__name__
        return {
            f.name: _canonical(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if (cls, f.name) not in _DIGEST_EXCLUDED
            and not ((cls, f.name) in _DIGEST_OMITTED_WHEN_EMPTY and not getattr(value, f.name))
        }
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot digest a non-finite number: {value!r}")
        return int(value) if value.is_integer() else value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    raise TypeError(f"cannot digest a value of type {type(value).__name__}")


def canonical_json(data: DossierData) -> bytes:
    """The dossier's source text in canonical form, as hashed by :func:`source_digest`.

    Definition (version 1): the ``DossierData`` converted to JSON objects whose keys are
    the dataclass field names, with ``DossierData.generated_at``,
    ``DossierData.audit_trail`` and ``Plate.image_path`` omitted (and
    ``DossierData.corroboration`` and ``DossierData.organisations`` while they are
    empty); tuples become arrays
    in their given order; numbers with an integral value are written as integers,
    others as the shortest round-trip decimal; ``None`` is ``null``. The whole is wrapped as
    ``{"catena_dossier_source": 1, "data": ...}`` and serialised with sorted keys, no
    insignificant whitespace, non-ASCII characters written as themselves, and encoded
    as UTF-8. Strings are not normalised: the digest covers the text exactly as printed.
    """
    payload = {"catena_dossier_source": DIGEST_VERSION, "data": _canonical(data)}
    return json.dumps(
        payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def source_digest(data: DossierData) -> str:
    """SHA-256 (lowercase hex) of :func:`canonical_json`: a fingerprint of the content.

    Two dossiers with the same digest print the same material whatever day they were
    generated; anyone holding the builder's data export can recompute it.
    """
    return hashlib.sha256(canonical_json(data)).hexdigest()
