"""Reference-manager formats: CSL-JSON, RIS and BibTeX, from the citation model.

Field mapping goes through ``desktop.dossier.sources.citation_source`` so that the
names a reference manager receives are split into family and given parts exactly as
the dossier's citations split them, and corporate authors stay whole.

Type mapping (document type → CSL / RIS / BibTeX)::

    news article, newspaper article, article → article-newspaper / NEWS / @article
        (journal = the publisher; @misc when the publisher is unknown)
    magazine article → article-magazine / MGZN / @article (same rule)
    journal article  → article-journal / JOUR / @article (same rule)
    blog post        → post-weblog / BLOG / @misc
    letter           → personal_communication / PCOMM / @misc
    open letter      → article (genre "open letter") / PCOMM / @misc (howpublished)
    e-mail           → personal_communication / ICOMM / @misc
    report           → report / RPRT / @techreport (institution = publisher; @misc
                       without an author or a publisher, which biblatex requires)
    book             → book / BOOK / @book
    pamphlet, brochure → pamphlet / PAMP / @booklet
    photograph       → graphic / ART / @misc
    anything else    → webpage / ELEC / @misc when it has a URL, else
                       document / GEN / @misc

A web source's URL and accessed day travel as CSL ``URL``/``accessed``, RIS ``UR``/``Y2``
and biblatex ``url``/``urldate``; who captured it, which no format has a field for,
as CSL ``custom.catena.captured_by`` and RIS ``U3``.

Catena's own identifiers travel with each record so a re-import can match exactly:
CSL ``custom.catena`` (reference, uid, sha256, type), RIS ``AN`` (reference), ``U1``
(uid) and ``U2`` (SHA-256).

Where the original is kept (the catalogue's folder name and the reference code) is
written only when asked (``archive=``, the CLI's ``--archive-fields``): CSL
``archive``/``archive_location`` and RIS ``DB`` are printed by citation styles as a
tail after every citation ("… Samples. CAT-000006."), which is right for a finding aid
and noise for a paper. BibTeX gets them as biblatex ``library`` and the
``catena-*`` identifiers, which biblatex's data model does not know, only then too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii

from db.dates import plain_parts, read_edtf
from db.models import Document
from db.sanitize import clean_field
from desktop.dossier.citation_model import Creator
from desktop.dossier.citation_styles import normal_type, untitled
from desktop.dossier.sources import citation_source
from desktop.exchange.common import compact
from desktop.exchange.names import export_person, without_title


@dataclass(frozen=True)
class TypeMap:
    csl: str
    ris: str
    bibtex: str  # the entry type when a container (journal) is known


_TYPES: dict[str, TypeMap] = {
    "news article": TypeMap("article-newspaper", "NEWS", "article"),
    "newspaper article": TypeMap("article-newspaper", "NEWS", "article"),
    "article": TypeMap("article-newspaper", "NEWS", "article"),
    "magazine article": TypeMap("article-magazine", "MGZN", "article"),
    "journal article": TypeMap("article-journal", "JOUR", "article"),
    "blog post": TypeMap("post-weblog", "BLOG", "misc"),
    "letter": TypeMap("personal_communication", "PCOMM", "misc"),
    # An open letter is published to be read by all: APA's style drops
    # personal_communication (and unarchived letters) from the reference list, so it is
    # a CSL "article" (a work made widely available) whose genre says what it is.
    "open letter": TypeMap("article", "PCOMM", "misc"),
    "e-mail": TypeMap("personal_communication", "ICOMM", "misc"),
    "report": TypeMap("report", "RPRT", "techreport"),
    "book": TypeMap("book", "BOOK", "book"),
    "pamphlet": TypeMap("pamphlet", "PAMP", "booklet"),
    "brochure": TypeMap("pamphlet", "PAMP", "booklet"),
    "photograph": TypeMap("graphic", "ART", "misc"),
    "photo": TypeMap("graphic", "ART", "misc"),
}
_WEB = TypeMap("webpage", "ELEC", "misc")
_OTHER = TypeMap("document", "GEN", "misc")
# Kinds whose name a reader should see although the CSL type cannot say it.
_GENRES = {"open letter": "open letter"}
_CONTAINER_TYPES = {"article-newspaper", "article-magazine", "article-journal", "post-weblog"}

# What an incoming type means in Catena (import-metadata); the first listed wins.
CSL_TO_CATENA = {
    "article-newspaper": "news article",
    "article-magazine": "magazine article",
    "article-journal": "journal article",
    "post-weblog": "blog post",
    "personal_communication": "letter",
    "report": "report",
    "book": "book",
    "pamphlet": "pamphlet",
    "graphic": "photograph",
    "webpage": "web page",
}
RIS_TO_CATENA = {
    "NEWS": "news article",
    "MGZN": "magazine article",
    "JOUR": "journal article",
    "BLOG": "blog post",
    "PCOMM": "letter",
    "ICOMM": "e-mail",
    "RPRT": "report",
    "BOOK": "book",
    "PAMP": "pamphlet",
    "ART": "photograph",
    "ELEC": "web page",
}


def type_map(document: Document) -> TypeMap:
    kind = normal_type(document.doc_type)
    if kind in _TYPES:
        return _TYPES[kind]
    return _WEB if document.url else _OTHER


# --- dates ------------------------------------------------------------------------------


def csl_date(edtf: str | None) -> dict[str, Any] | None:
    """EDTF to a CSL date: date-parts where CSL can say it, else the EDTF as literal.

    "1987-03-14" and "1987-03-12/1987-03-13" become date-parts; "1987~" and "1987?"
    set ``circa``; seasons (21–24) become CSL seasons 1–4; anything else (quarters,
    unknown digits, open or qualified intervals, invalid dates) is kept whole in
    ``literal`` so nothing is lost and nothing is invented.
    """
    value = read_edtf(edtf)
    if value is None:
        return None
    literal: dict[str, Any] = {"literal": value.text}
    if not value.readable:
        return literal
    if value.interval:
        first, last = plain_parts(value.start), plain_parts(value.end)
        return {"date-parts": [list(first), list(last)]} if first and last else literal
    point = value.start
    assert point is not None
    month = point.month_number
    if value.start_year and point.day is None and month in (21, 22, 23, 24):
        return {"date-parts": [[int(value.start_year)]], "season": month - 20}
    if point.qualifier_first:
        return literal  # "~1943": the year alone is approximate, which CSL cannot say
    parts = point.calendar_parts()
    if parts is None:
        return literal
    date: dict[str, Any] = {"date-parts": [list(parts)]}
    if point.qualifier:
        date["circa"] = True
    return date


def edtf_from_csl(value: Any) -> str | None:
    """A CSL date back to EDTF (the reverse of ``csl_date`` for what it writes)."""
    if not isinstance(value, dict):
        return None
    if value.get("literal") or value.get("raw"):
        return str(value.get("literal") or value.get("raw")).strip() or None
    parts = value.get("date-parts")
    if not parts or not isinstance(parts, list) or not parts[0]:
        return None

    def one(p: list[Any]) -> str:
        nums = [int(x) for x in p[:3]]
        return "-".join([f"{nums[0]:04d}", *(f"{n:02d}" for n in nums[1:])])

    if value.get("season") and len(parts[0]) == 1:
        return f"{int(parts[0][0]):04d}-{int(value['season']) + 20}"
    text = one(parts[0]) if len(parts) == 1 else f"{one(parts[0])}/{one(parts[1])}"
    return text + ("~" if value.get("circa") and "/" not in text else "")


# --- CSL-JSON ---------------------------------------------------------------------------


def csl_name(creator: Creator) -> dict[str, str]:
    creator = without_title(creator)
    if creator.is_corporate:
        return {"literal": creator.name or ""}
    return compact({"family": creator.family, "given": creator.given, "suffix": creator.suffix})


def csl_item(document: Document, *, archive: str | None = None) -> dict[str, Any]:
    source = citation_source(document)
    types = type_map(document)
    item: dict[str, Any] = {
        "id": document.ref,
        "type": types.csl,
        "title": document.title,
        "author": [csl_name(a) for a in source.authors],
        "recipient": [csl_name(export_person(r)) for r in document.recipients if r.strip()],
        "issued": csl_date(document.published),
        "URL": document.url,
        "accessed": csl_date(document.accessed),
        "language": document.language,
        "note": document.notes,
        "publisher-place": document.dateline,
        "section": document.section,
        "genre": _GENRES.get(normal_type(document.doc_type) or ""),
        "archive": archive,
        "archive_location": document.ref if archive else None,
    }
    if document.publisher:
        item["container-title" if types.csl in _CONTAINER_TYPES else "publisher"] = (
            document.publisher
        )
    item = compact(item)
    item["custom"] = {
        "catena": compact(
            {
                "reference": document.ref,
                "uid": document.uid,
                "sha256": document.original_sha256,
                "type": document.doc_type,
                "title_devised": document.title_devised or None,
                "translated_title": document.translated_title,
                "published": document.published,
                "captured_by": document.captured_by,
            }
        )
    }
    return item


def write_csl_json(documents: Sequence[Document], *, archive: str | None = None) -> str:
    items = [csl_item(d, archive=archive) for d in documents]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


# --- RIS ----------------------------------------------------------------------------------


def _one_line(value: str) -> str:
    """RIS is line-based: a value's line breaks and tabs become single spaces, and
    control characters (from a catalogue older than the rule) are left out."""
    return " ".join(clean_field(value).split())


def ris_name(creator: Creator) -> str:
    creator = without_title(creator)
    if creator.is_corporate:
        return creator.name or ""
    family = creator.family or ""
    given = creator.given or ""
    name = f"{family}, {given}" if given else family
    return f"{name}, {creator.suffix}" if creator.suffix else name


def ris_date(edtf: str | None) -> str | None:
    """RIS DA: "YYYY/MM/DD/other" with the EDTF in the "other" part when not plain."""
    value = read_edtf(edtf)
    if value is None:
        return None
    parts = None if value.interval else plain_parts(value.start)
    if parts:
        padded = [f"{parts[0]:04d}", *(f"{n:02d}" for n in parts[1:])]
        while len(padded) < 3:
            padded.append("")
        return "/".join(padded) + "/"
    return f"{value.start_year or ''}///{_one_line(value.text)}"


def ris_record(document: Document, *, archive: str | None = None) -> list[tuple[str, str]]:
    source = citation_source(document)
    types = type_map(document)
    lines: list[tuple[str, str | None]] = [("TY", types.ris), ("TI", document.title)]
    lines += [("AU", ris_name(a)) for a in source.authors]
    lines += [("A2", ris_name(export_person(r))) for r in document.recipients if r.strip()]
    if document.publisher:
        tag = "T2" if types.csl in _CONTAINER_TYPES else "PB"
        lines.append((tag, document.publisher))
    lines += [
        ("PY", _year(document)),
        ("DA", ris_date(document.published)),
        ("CY", document.dateline),
        ("SE", document.section),
        ("LA", document.language),
        ("UR", document.url),
        ("Y2", ris_date(document.accessed)),
        ("N1", document.notes),
        ("TT", document.translated_title),
        ("DB", archive),
        ("AN", document.ref),
        ("U1", document.uid),
        ("U2", document.original_sha256),
        ("U3", document.captured_by),
        ("M3", document.doc_type),
    ]
    return [(tag, _one_line(value)) for tag, value in lines if value]


def write_ris(documents: Sequence[Document], *, archive: str | None = None) -> str:
    out: list[str] = []
    for document in documents:
        for tag, value in ris_record(document, archive=archive):
            out.append(f"{tag}  - {value}")
        out.append("ER  - ")
        out.append("")
    return "\r\n".join(out)


_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def parse_ris(text: str) -> list[dict[str, list[str]]]:
    """RIS records as {tag: [values in order]}; lines that are not tags are joined to
    the previous value (some exporters wrap long abstracts)."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    last: str | None = None
    for raw in text.lstrip("\ufeff").splitlines():
        line = raw.rstrip()
        match = _RIS_LINE.match(line)
        if match:
            tag, value = match.group(1), (match.group(2) or "").strip()
            if tag == "TY":
                current = {}
                records.append(current)
            if current is None:
                continue
            if tag == "ER":
                current, last = None, None
                continue
            current.setdefault(tag, []).append(value)
            last = tag
        elif current is not None and last is not None and line.strip():
            current[last][-1] = (current[last][-1] + " " + line.strip()).strip()
    return records


# --- BibTeX -------------------------------------------------------------------------------

# Escapes that keep braces balanced: BibTeX counts "{" and "}" even after a backslash,
# so "\{" alone would end (or unbalance) the field; \textbraceleft{} does not.
_BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(c) for c in _BIBTEX_ESCAPES))
_BIBTEX_UNESCAPE = re.compile("|".join(re.escape(v) for v in _BIBTEX_ESCAPES.values()))
_BIBTEX_REVERSE = {v: k for k, v in _BIBTEX_ESCAPES.items()}


def bibtex_escape(value: str) -> str:
    """Plain text as a BibTeX/LaTeX field value (white space runs become one space,
    control characters are left out)."""
    plain = " ".join(clean_field(value).split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES[m.group(0)], plain)


def bibtex_unescape(value: str) -> str:
    """The inverse of ``bibtex_escape`` (for tests and re-import of our own files)."""
    return _BIBTEX_UNESCAPE.sub(lambda m: _BIBTEX_REVERSE[m.group(0)], value)


def bibtex_url(value: str) -> str:
    """URLs are read verbatim by url/biblatex: only braces, backslashes and spaces,
    which would break the field, are percent-encoded."""
    return (
        clean_field(value)
        .replace("\\", "%5C")
        .replace("{", "%7B")
        .replace("}", "%7D")
        .replace(" ", "%20")
    )


def _bibtex_name(creator: Creator) -> str:
    creator = without_title(creator)
    if creator.is_corporate:
        return "{" + bibtex_escape(creator.name or "") + "}"  # braces: never split or inverted
    parts = [bibtex_escape(creator.family or "")]
    if creator.suffix:
        parts.append(bibtex_escape(creator.suffix))
    if creator.given:
        parts.append(bibtex_escape(creator.given))
    # A literal " and " inside a personal name would split it into two people.
    return ", ".join("{" + p + "}" if " and " in f" {p} " else p for p in parts)


# BibTeX's predefined month macros: identifiers of the format, not English words, so
# they stay as they are whatever language the month names are shown in.
_MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_STOP = {"a", "an", "the", "of", "on", "in", "to", "for", "and", "at", "by"}


def _key_word(text: str | None) -> str:
    for word in re.findall(r"[a-z0-9]+", anyascii(text or "").lower()):
        if word not in _STOP:
            return word
    return ""


def _year(document: Document) -> str | None:
    """The publication year a record states: the first date's year when valid."""
    value = read_edtf(document.published)
    return value.start_year if value else None


def bibtex_key(document: Document) -> str:
    """ "carrow1987dam": first author's family name, year, first significant title word."""
    source = citation_source(document)
    lead = ""
    if source.authors:
        first = source.authors[0]
        lead = _key_word(first.family or first.name or first.given)
    key = lead + (_year(document) or "") + _key_word(document.title)
    return key or document.ref.lower().replace("-", "")


def unique_keys(documents: Iterable[Document]) -> dict[int, str]:
    """Keys per document id, with a, b, c … added where two documents would share one."""
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for document in documents:
        base = bibtex_key(document)
        key, n = base, 0
        while key in taken:
            key = base + _suffix(n)
            n += 1
        taken.add(key)
        keys[document.id] = key
    return keys


def _suffix(n: int) -> str:
    text = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        text = chr(ord("a") + rem) + text
    return text


def _bibtex_type(document: Document) -> str:
    """The biblatex entry type, never one whose required fields would be invented:
    @article needs a journal, @techreport an author and an institution."""
    entry_type = type_map(document).bibtex
    if entry_type == "article" and not document.publisher:
        return "misc"
    if entry_type == "techreport" and not (document.publisher and document.authors):
        return "misc"
    return entry_type


def _bibtex_date(document: Document) -> list[tuple[str, str | None]]:
    """biblatex ``date`` (EDTF, which biber reads) with BibTeX's ``year``/``month`` for
    older styles; an undated record says so in ``note``, since biblatex has no way to
    write "no date" and a guessed one would be worse than biber's warning."""
    published = read_edtf(document.published)
    if published is None or not published.readable:
        reason = f"Date given as {published.text}" if published else "Undated"
        return [("note", bibtex_escape(reason))]
    parts = plain_parts(published.start)
    fields: list[tuple[str, str | None]] = []
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _MONTH_MACROS[parts[1] - 1]))  # a macro: unbraced
    fields.append(("date", bibtex_escape(published.text)))
    return fields


def bibtex_entry(document: Document, key: str, *, archive: str | None = None) -> str:
    """One biblatex entry whose fields are all in biblatex's data model for its type
    (``biber --tool --validate-datamodel``): the place only where the type has one (a
    newspaper's dateline is not a publication place), a publisher on @misc as
    ``organization``, and Catena's identifiers only with *archive*."""
    source = citation_source(document)
    entry_type = _bibtex_type(document)
    fields: list[tuple[str, str | None]] = []
    if source.authors:
        fields.append(("author", " and ".join(_bibtex_name(a) for a in source.authors)))
    # Double braces keep the title's capitalisation: styles would lower-case it. An
    # untitled record gets a devised title in square brackets, as archivists write it.
    title = bibtex_escape(document.title) if document.title else f"[{untitled(source)}]"
    fields.append(("title", "{" + title + "}"))
    if document.publisher:
        container = {"article": "journal", "techreport": "institution", "misc": "organization"}
        fields.append((container.get(entry_type, "publisher"), bibtex_escape(document.publisher)))
    notes = [document.notes and bibtex_escape(document.notes)]
    for name, value in _bibtex_date(document):
        if name == "note":
            notes.insert(0, value)
        else:
            fields.append((name, value))
    kind = normal_type(document.doc_type)
    if entry_type == "misc" and kind:
        fields.append(("howpublished", bibtex_escape(kind.capitalize())))
    if document.recipients:
        fields.append(("addendum", bibtex_escape("To " + ", ".join(document.recipients))))
    if entry_type != "article":
        fields.append(("location", document.dateline and bibtex_escape(document.dateline)))
    fields += [
        ("language", document.language and bibtex_escape(document.language)),
        ("url", document.url and bibtex_url(document.url)),
        ("urldate", document.url and document.accessed and bibtex_escape(document.accessed)),
        ("note", ". ".join(n for n in notes if n) or None),
    ]
    if archive:
        # biblatex's "library": the name of the library and the call number.
        fields.append(("library", bibtex_escape(f"{archive}, {document.ref}")))
    lines = [f"@{entry_type}{{{key},"]
    for name, value in fields:
        if not value:
            continue
        shown = value if name == "month" else "{" + value + "}"
        lines.append(f"  {name} = {shown},")
    lines.append("}")
    return "\n".join(lines)


def write_bibtex(documents: Sequence[Document], *, archive: str | None = None) -> str:
    keys = unique_keys(documents)
    header = "% Exported from Catena for biblatex (biber); UTF-8.\n\n"
    return (
        header + "\n\n".join(bibtex_entry(d, keys[d.id], archive=archive) for d in documents) + "\n"
    )
