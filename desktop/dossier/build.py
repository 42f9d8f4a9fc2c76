"""Gather a dossier's content from the catalogue, then hand it to the renderer.

The renderer takes plain data and runs no queries; this module is the only part of the
dossier that reads the catalogue. It selects documents (references, a collection, a
search query, or everything), cuts tagged paragraphs into excerpts with pinpoints,
and assembles the witness index, chronology, figure comparison, plates, bibliography
and fixity appendix. What was printed is recorded in the audit trail with the
dossier's source digest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit
from db.analysis import chronology, compare_figures, format_number
from db.catalogue import Catalogue
from db.date_words import in_words
from db.documents import DocumentError
from db.folding import fold, fold_name
from db.models import Agent, Document, DossierDefinition, Event, Mention
from db.selection import Selection, SelectionError
from db.selection import select_documents as choose
from db.tags import tags_of
from desktop.dossier import data as d
from desktop.dossier.citation import format_citation, format_citations
from desktop.dossier.corroboration_rows import corroboration_rows
from desktop.dossier.language import N_, _, current_language, speaking
from desktop.dossier.render import render_report
from desktop.dossier.scan_crops import crops_for, ocr_citation_note
from desktop.dossier.sources import citation_source

STYLES = ("chicago", "apa", "mla")
Progress = Callable[[int, int], None]
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MAX_EXCERPT_CHARS = 4000
REPRODUCIBLE_TIME = datetime(2000, 1, 1, tzinfo=UTC)


class DossierError(ValueError):
    """A dossier that cannot be built as asked; the message is for the user."""


@dataclass(frozen=True)
class DossierSpec:
    """What to print. Saved as a dossier definition so it can be printed again."""

    title: str = "Dossier"
    subtitle: str | None = None
    compiler: str | None = None
    style: str = "chicago"
    sections: tuple[str, ...] = d.SECTION_NAMES
    refs: tuple[str, ...] = ()
    collection: str | None = None
    query: str | None = None
    include_suggested: bool = False
    reproducible: bool = False
    paper: str = "A4"
    keywords: tuple[str, ...] = field(default_factory=tuple)
    language: str = "en"  # headings, labels and dates in words: "en", "az" or "ru"

    def to_json(self) -> dict[str, Any]:
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in self.__dict__.items()
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> DossierSpec:
        known = {
            k: tuple(v) if isinstance(v, list) else v
            for k, v in value.items()
            if k in cls.__dataclass_fields__
        }
        return cls(**known)

    def selection(self) -> Selection:
        try:
            return Selection(refs=self.refs, collection=self.collection, query=self.query)
        except SelectionError as exc:
            raise DossierError(str(exc)) from exc

    def describe_selection(self) -> str:
        return self.selection().describe()


def selection_words(spec: DossierSpec) -> str:
    """The selection as the cover says it, in the dossier's language (the audit trail
    keeps ``describe_selection``'s English)."""
    chosen = spec.selection()
    if chosen.refs:
        return _("Documents {refs}").format(refs=", ".join(chosen.refs))
    if chosen.collection:
        return _("Collection “{name}”").format(name=chosen.collection)
    if chosen.query:
        return _("Search: {query}").format(query=chosen.query)
    return _("All documents in the catalogue")


def select_documents(session: Session, spec: DossierSpec) -> list[Document]:
    """The documents a spec names (``db.selection``), in reference order."""
    try:
        return choose(session, spec.selection(), purpose="print")
    except SelectionError as exc:
        raise DossierError(str(exc)) from exc


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text between blank lines."""
    spans, position = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[position : match.start()].strip():
            spans.append((position, match.start()))
        position = match.end()
    if text[position:].strip():
        spans.append((position, len(text)))
    return spans


def _page_of(document: Document, offset: int) -> int | None:
    if not document.page_starts:
        return None
    page = 0
    for number, start in enumerate(document.page_starts, start=1):
        if start <= offset:
            page = number
    return page or 1


# The catalogue's words for a person's role and a figure's qualifier (stored in English,
# shared with the CLI), marked so the dossier prints them in its language.
VALUE_WORDS = {
    "author": N_("author"),
    "witness": N_("witness"),
    "quoted": N_("quoted"),
    "recipient": N_("recipient"),
    "signatory": N_("signatory"),
    "mentioned": N_("mentioned"),
    "photographer": N_("photographer"),
    "about": N_("about"),
    "at least": N_("at least"),
    "more than": N_("more than"),
    "at most": N_("at most"),
    "fewer than": N_("fewer than"),
    "nearly": N_("nearly"),
    "up to": N_("up to"),
    "range": N_("range"),
}


def _tag_label(kind: str, tag: Any) -> str:
    if kind == "date":  # in words, like every date a reader sees
        return in_words(tag.edtf, current_language()) + (f" — {tag.what}" if tag.what else "")
    if kind == "figure":
        value = format_number(tag.value)
        if tag.upper_value is not None:
            value += f"–{format_number(tag.upper_value)}"
        qualifier = (
            ""
            if tag.qualifier == "exact"
            else f"{_(VALUE_WORDS.get(tag.qualifier, tag.qualifier))} "
        )
        return f"{qualifier}{value} {tag.counted}".strip()
    return f"{tag.name}, {_(VALUE_WORDS.get(tag.role, tag.role))}"


def _tag_kind(kind: str, tag: Any) -> str:
    if kind == "mention":
        return "organisation" if tag.is_organisation else "person"
    return kind


@dataclass
class _Gathered:
    excerpt_of_tag: dict[tuple[str, int], str] = field(default_factory=dict)


def _excerpts(
    document: Document,
    tags: Sequence[tuple[str, Any]],
    gathered: _Gathered,
    crops: Callable[[int, int], tuple[d.PageCrop, ...]] = lambda _start, _end: (),
) -> tuple[d.Excerpt, ...]:
    excerpts = []
    for number, (start, end) in enumerate(_paragraphs(document.text), start=1):
        inside = [(k, t) for k, t in tags if t.start >= start and t.end <= end]
        if not inside:
            continue
        cut_start, cut_end = start, end
        if end - start > MAX_EXCERPT_CHARS:  # a wall of text: keep the tagged stretch
            cut_start = max(start, min(t.start for _, t in inside) - 300)
            cut_end = min(end, max(t.end for _, t in inside) + 300)
        key = f"{document.ref}-p{number}"
        spans = tuple(
            d.TaggedSpan(t.start - cut_start, t.end - cut_start, _tag_kind(k, t), _tag_label(k, t))
            for k, t in inside
            if t.start >= cut_start and t.end <= cut_end
        )
        for kind, tag in inside:
            gathered.excerpt_of_tag[(kind, tag.id)] = key
        excerpts.append(
            d.Excerpt(
                key=key,
                text=document.text[cut_start:cut_end],
                pinpoint=d.Pinpoint(
                    cut_start,
                    cut_end,
                    page=_page_of(document, cut_start),
                    paragraph=None if document.page_starts else number,
                ),
                spans=spans,
                crops=crops(cut_start, cut_end),
            )
        )
    return tuple(excerpts)


def _witnesses(
    session: Session, mentions: Sequence[Mention], gathered: _Gathered
) -> tuple[tuple[d.Witness, ...], tuple[d.Witness, ...]]:
    """The persons of the witness index and the organisations of their own index.

    A name linked to a person or organisation record is what the record says it is;
    an unlinked name is an organisation when its mentions were tagged as one.
    """
    groups: dict[str, list[Mention]] = {}
    agents: dict[str, Agent | None] = {}
    for mention in mentions:
        key = f"agent:{mention.agent_id}" if mention.agent_id else f"name:{fold_name(mention.name)}"
        groups.setdefault(key, []).append(mention)
        if key not in agents:
            agents[key] = session.get(Agent, mention.agent_id) if mention.agent_id else None
    witnesses, organisations = [], []
    for key, items in groups.items():
        agent = agents[key]
        name = agent.preferred_name if agent else items[0].name
        variants = (
            sorted({v.name for v in agent.variants} - {name})
            if agent
            else sorted({m.name for m in items} - {name})
        )
        is_organisation = (
            agent.kind == "organisation" if agent else any(m.is_organisation for m in items)
        )
        (organisations if is_organisation else witnesses).append(
            d.Witness(
                name=name,
                variants=tuple(variants),
                roles=tuple(sorted({m.role for m in items})),
                description=agent.description if agent else None,
                passages=tuple(
                    d.PassageRef(gathered.excerpt_of_tag[("mention", m.id)], m.role, m.quote)
                    for m in items
                    if ("mention", m.id) in gathered.excerpt_of_tag
                ),
            )
        )
    witnesses.sort(key=lambda w: fold_name(w.name))
    organisations.sort(key=lambda w: fold(w.name))  # names as written, not word sets
    return tuple(witnesses), tuple(organisations)


#: The audit action that printing itself records (see :func:`record_printed`).
PRINTED_ACTION = "dossier printed"


def audit_trail(session: Session) -> d.AuditTrail | None:
    """The audit trail's head as of the catalogue's last change, for the appendix.

    Events recording earlier printings are passed over: each printing adds one, so
    counting them would make a reprint of unchanged content differ from the first
    print (and ``--reproducible`` impossible). None for a catalogue without events.
    """
    last = session.execute(
        select(Event.id, Event.hash)
        .where(Event.action != PRINTED_ACTION)
        .order_by(Event.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return None
    count = session.execute(
        select(func.count()).select_from(Event).where(Event.id <= last.id)
    ).scalar_one()
    return d.AuditTrail(events=count, last_event=last.id, head=last.hash)


def gather(
    catalogue: Catalogue, session: Session, spec: DossierSpec, progress: Progress | None = None
) -> d.DossierData:
    """Everything the dossier prints, as plain data (no rendering)."""
    if spec.style not in STYLES:
        raise DossierError(f"unknown citation style {spec.style!r}; use {', '.join(STYLES)}")
    unknown = set(spec.sections) - set(d.SECTION_NAMES)
    if unknown:
        raise DossierError(
            f"unknown sections: {', '.join(sorted(unknown))}; known: {', '.join(d.SECTION_NAMES)}"
        )
    statuses = ("accepted", "suggested") if spec.include_suggested else ("accepted",)
    documents = select_documents(session, spec)
    ids = {doc.id for doc in documents}
    gathered = _Gathered()
    entries, mentions, originals, plates = [], [], [], []
    sources = {doc.id: citation_source(doc) for doc in documents}
    for number, document in enumerate(documents):
        if progress is not None:
            progress(number, len(documents))
        tags = tags_of(session, document.id, statuses=statuses)
        mentions.extend(t for k, t in tags if k == "mention")
        citation = format_citation(sources[document.id], spec.style)
        entries.append(
            d.DocumentEntry(
                key=document.ref,
                short_title=(f"[{document.title}]" if document.title_devised else document.title)
                or document.ref,
                citation=tuple(d.Segment(s.text, s.italic) for s in citation.segments)
                + ocr_citation_note(session, document),
                reference_code=document.ref,
                doc_type=document.doc_type,
                publisher=document.publisher,
                date=in_words(document.published, current_language())
                if document.published
                else None,
                dateline=document.dateline,
                url=document.url,
                excerpts=_excerpts(
                    document,
                    tags,
                    gathered,
                    lambda a, b, doc=document: crops_for(session, doc, catalogue.objects, a, b),
                ),
                notes=(document.notes,) if document.notes else (),
            )
        )
        if document.original is not None:
            originals.append(
                d.OriginalFile(
                    file_name=document.original_filename or document.ref,
                    size_bytes=document.original.size,
                    imported_at=document.imported_at[:16].replace("T", " ") + " UTC",
                    sha256=document.original.sha256,
                    document_key=document.ref,
                )
            )
        for image in document.images:
            plates.append(
                d.Plate(
                    image_path=catalogue.objects.local_file(image.sha256),
                    caption=image.caption or image.original_filename or image.ref,
                    credit=image.credit,
                    rights=image.rights,
                    exif_date=image.taken,
                    source_reference=f"{image.ref}, attached to {document.ref}",
                    document_key=document.ref,
                    sha256=image.sha256,
                )
            )
            originals.append(
                d.OriginalFile(
                    file_name=image.original_filename or image.ref,
                    size_bytes=_size(session, image.sha256),
                    imported_at=image.imported_at[:16].replace("T", " ") + " UTC",
                    sha256=image.sha256,
                    document_key=document.ref,
                )
            )
    refs_by_id = {doc.id: doc.ref for doc in documents}
    timeline = tuple(
        d.ChronologyEntry(
            edtf=row.edtf,
            readable=in_words(row.edtf, current_language()),
            what=row.what,
            excerpt_key=gathered.excerpt_of_tag.get(("date", row.tag_id)),
            source=row.document_ref,
            sources=tuple(
                d.ChronologySource(
                    excerpt_key=gathered.excerpt_of_tag.get(("date", s.tag_id)),
                    source=s.document_ref,
                    published=s.published,
                    quote=s.quote,
                )
                for s in row.sources
            ),
        )
        for row in chronology(session, statuses=statuses, document_ids=ids)
    )
    comparisons = compare_figures(session, statuses=statuses, document_ids=ids)
    figures = tuple(
        d.FigureComparison(
            category=comparison.category,
            label=comparison.category
            + (f": {comparison.subject}" if comparison.subject else "")
            + (f" — {comparison.event_name}" if comparison.event_name else ""),
            values=tuple(
                d.FigureValue(
                    value=source.value,
                    document_key=source.document_ref,
                    upper_value=source.upper_value,
                    qualifier=source.qualifier,
                    as_written=source.quote,
                    published=in_words(source.published, current_language())
                    if source.published
                    else None,
                    published_sort=source.published,
                    excerpt_key=gathered.excerpt_of_tag.get(("figure", source.figure_id)),
                )
                for group in comparison.groups
                for source in group.sources
            ),
        )
        for comparison in comparisons
        if len(comparison.documents) > 1 or len(ids) == 1
    )
    bibliography = tuple(
        tuple(d.Segment(s.text, s.italic) for s in citation.segments)
        for citation in format_citations([sources[i] for i in refs_by_id], spec.style)
    )
    if progress is not None:
        progress(len(documents), len(documents))
    generated = REPRODUCIBLE_TIME if spec.reproducible else datetime.now(UTC)
    people, organisations = _witnesses(session, mentions, gathered)
    return d.DossierData(
        # The default title is a word like the headings: printed in the chosen language.
        title=_("Dossier") if spec.title == "Dossier" else spec.title,
        subtitle=spec.subtitle,
        compiler=spec.compiler or catalogue.actor,
        generated_at=generated,
        selection=selection_words(spec),
        catalogue_name=catalogue.name,
        subject=selection_words(spec),
        keywords=spec.keywords,
        sections=spec.sections,
        documents=tuple(entries),
        witnesses=people,
        organisations=organisations,
        chronology=timeline,
        figures=figures,
        corroboration=corroboration_rows(comparisons, gathered.excerpt_of_tag),
        plates=tuple(plates),
        bibliography=bibliography,
        originals=tuple(originals),
        paper=spec.paper,
        language=(
            spec.language
            if spec.language != "en"
            else (documents[0].language if documents and documents[0].language else None)
        ),
        audit_trail=audit_trail(session),
    )


def _size(session: Session, sha256: str) -> int:
    from db.models import Blob

    blob = session.get(Blob, sha256)
    return blob.size if blob else 0


@dataclass(frozen=True)
class PrintedDossier:
    """A rendered dossier and what identifies its content."""

    pdf: bytes
    source_digest: str
    documents: tuple[str, ...]
    warnings: tuple[str, ...] = ()  # characters that could not be printed exactly


def print_dossier(
    catalogue: Catalogue, spec: DossierSpec, *, progress: Progress | None = None
) -> PrintedDossier:
    """Gather and render, without logging: see ``record_printed``.

    Both run in the spec's language: the data holds dates in words, the render the rest.
    """
    with speaking(spec.language), catalogue.reading() as session:
        data = gather(catalogue, session, spec, progress=None)
    with speaking(spec.language):
        rendered = render_report(data, reproducible=spec.reproducible, progress=progress)
    return PrintedDossier(
        rendered.pdf,
        rendered.source_digest,
        tuple(e.key for e in data.documents),
        rendered.warnings,
    )


def record_printed(
    catalogue: Catalogue, spec: DossierSpec, printed: PrintedDossier, output: str | None = None
) -> None:
    """Log "dossier printed" with the source digest and the PDF's own SHA-256. Callers
    that write the file call this once it exists, so the audit trail never claims a
    dossier that failed to be written. A read-only catalogue (evidence on write-protected
    media) cannot log anything: the dossier is printed, unrecorded."""
    if catalogue.read_only:
        return
    with catalogue.writing() as session:
        audit.record(
            session,
            action=PRINTED_ACTION,
            actor=catalogue.actor,
            detail={
                "title": spec.title,
                "selection": spec.describe_selection(),
                "documents": list(printed.documents),
                "source_digest": printed.source_digest,
                "pdf_sha256": hashlib.sha256(printed.pdf).hexdigest(),
                "file": output,
            },
        )


def build_dossier(
    catalogue: Catalogue, spec: DossierSpec, *, progress: Progress | None = None
) -> bytes:
    """Gather, render and log a dossier; returns the PDF bytes."""
    printed = print_dossier(catalogue, spec, progress=progress)
    record_printed(catalogue, spec, printed)
    return printed.pdf


def save_definition(catalogue: Catalogue, *, name: str, spec: DossierSpec) -> None:
    with catalogue.writing() as session:
        existing = session.execute(
            select(DossierDefinition).where(DossierDefinition.name == name)
        ).scalar()
        if existing is None:
            session.add(DossierDefinition(name=name, definition=spec.to_json()))
        else:
            existing.definition = spec.to_json()


def load_definition(catalogue: Catalogue, name: str) -> DossierSpec:
    with catalogue.reading() as session:
        saved = session.execute(
            select(DossierDefinition).where(DossierDefinition.name == name)
        ).scalar()
        if saved is None:
            raise DocumentError(f"no saved dossier named {name!r}")
        return DossierSpec.from_json(saved.definition)
