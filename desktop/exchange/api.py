"""``export()``: one entry point for every exchange format, for the CLI and the window.

The window's File ▸ Export calls this with the documents the person chose and a path
from a save dialog; the CLI calls it with what was typed. Neither needs to know how a
format is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from db import audit
from db.catalogue import Catalogue
from desktop.exchange import biblio, tables
from desktop.exchange.annotations import annotation_collection, write_annotations
from desktop.exchange.common import (
    ALL_STATUSES,
    ExchangeError,
    ExportResult,
    Progress,
    Selection,
    check_statuses,
    find_collections,
    output_file,
    output_folder,
    select_documents,
)

FORMATS = (
    "csv",
    "csl-json",
    "ris",
    "bibtex",
    "dc",
    "ead",
    "annotations",
    "qdpx",
    "bagit",
    "catena-archive",
)
ALIASES = {
    "csljson": "csl-json",
    "csl": "csl-json",
    "bib": "bibtex",
    "dublin-core": "dc",
    "oai_dc": "dc",
    "ead2002": "ead",
    "web-annotation": "annotations",
    "jsonld": "annotations",
    "refi-qda": "qdpx",
    "bag": "bagit",
    "archive": "catena-archive",
}
# Which tags a format includes unless told otherwise: formats that carry each tag's
# status include every tag; QDA tools have no statuses, so only accepted tags are coded.
DEFAULT_STATUSES = {"qdpx": ("accepted",)}
EXTENSIONS = {
    "csl-json": ".json",
    "ris": ".ris",
    "bibtex": ".bib",
    "ead": ".xml",
    "annotations": ".jsonld",
    "qdpx": ".qdpx",
}


@dataclass(frozen=True)
class ExportOptions:
    """Choices some formats take; the defaults suit a person exporting for a colleague.

    ``table``: for CSV, write only this table ("documents", "people", "dates",
    "figures") to the output file instead of all four into a folder.
    ``statuses``: which tags to include (default: all for formats that record status,
    accepted only for QDPX). ``dossier_pdf``: put a dossier PDF in the bag.
    ``archive_fields``: CSL-JSON, RIS and BibTeX name where the original is kept (the
    catalogue's folder and the reference code); off by default because citation styles
    print those after every citation.
    """

    bom: bool = False
    protect_formulas: bool = True
    table: str | None = None
    statuses: tuple[str, ...] | None = None
    dossier_pdf: bool = False
    dossier_style: str = "chicago"
    title: str | None = None
    archive_fields: bool = False


def normal_format(name: str) -> str:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in FORMATS:
        raise ExchangeError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return key


def export(
    catalogue: Catalogue,
    *,
    format: str,
    selection: Selection | Sequence[str] | None,
    output: Path | str,
    progress: Progress | None = None,
    options: ExportOptions | None = None,
) -> ExportResult:
    """Export *selection* (None: every document) of *catalogue* as *format* to *output*.

    Raises ``ExchangeError`` with a message for the person when the selection is empty,
    names missing documents, or the output cannot be written as asked. A finished
    export is recorded in the audit trail (what, how many, where).
    """
    result = _export(
        catalogue,
        format=format,
        selection=selection,
        output=output,
        progress=progress,
        options=options,
    )
    if catalogue.read_only:  # evidence on read-only media: exported, not logged
        return result
    with catalogue.writing() as session:
        audit.record(
            session,
            action="export",
            actor=catalogue.actor,
            detail={
                "format": result.format,
                "output": str(result.output),
                "documents": result.documents,
            },
        )
    return result


def _export(
    catalogue: Catalogue,
    *,
    format: str,
    selection: Selection | Sequence[str] | None,
    output: Path | str,
    progress: Progress | None = None,
    options: ExportOptions | None = None,
) -> ExportResult:
    fmt = normal_format(format)
    options = options or ExportOptions()
    output = Path(output).expanduser()
    if selection is None:
        selection = Selection()
    elif not isinstance(selection, Selection):
        selection = Selection(refs=tuple(selection))
    statuses = check_statuses(options.statuses, DEFAULT_STATUSES.get(fmt, ALL_STATUSES))
    if fmt == "catena-archive":
        if not selection.is_everything:
            raise ExchangeError(
                "a catalogue archive always holds the whole catalogue; "
                "use --format bagit for a selection"
            )
        from desktop.exchange.archive import export_archive

        return export_archive(catalogue, output, progress=progress)
    dossier: bytes | None = None
    if fmt == "bagit" and options.dossier_pdf:
        dossier = _dossier(catalogue, selection, options)
    with catalogue.reading() as session:
        documents = select_documents(session, selection)
        if progress is not None:
            progress(0, len(documents), "")
        result = ExportResult(format=fmt, output=output, documents=len(documents))
        title = options.title or selection.describe()
        if fmt == "csv":
            rows = tables.table_rows(session, documents, statuses)
            chosen = (options.table,) if options.table else tables.TABLES
            if options.table and options.table not in tables.TABLES:
                raise ExchangeError(
                    f"unknown table {options.table!r}; choose {', '.join(tables.TABLES)}"
                )

            def encoded(name: str) -> bytes:
                text = tables.write_csv(
                    rows[name], tables.columns_of(name), protect_formulas=options.protect_formulas
                )
                return tables.encode_csv(text, bom=options.bom)

            if options.table:
                with output_file(output) as partial:
                    partial.write_bytes(encoded(options.table))
                result.files.append(output)
            else:
                with output_folder(output) as partial:
                    for name in chosen:
                        (partial / f"{name}.csv").write_bytes(encoded(name))
                result.files.extend(output / f"{name}.csv" for name in chosen)
            for name in chosen:
                if name != "documents":
                    result.counts[name] = len(rows[name])
        elif fmt in ("csl-json", "ris", "bibtex"):
            writer = {
                "csl-json": biblio.write_csl_json,
                "ris": biblio.write_ris,
                "bibtex": biblio.write_bibtex,
            }[fmt]
            text = writer(documents, archive=catalogue.name if options.archive_fields else None)
            newline_bytes = text.encode("utf-8")
            with output_file(output) as partial:
                partial.write_bytes(newline_bytes)
            result.files.append(output)
        elif fmt == "dc":
            from desktop.exchange.xmlformats import dublin_core, subjects_of

            if output.suffix.lower() == ".xml":
                if len(documents) != 1:
                    raise ExchangeError(
                        f"Dublin Core is one file per document; {len(documents)} documents "
                        "need a folder (give a name without .xml)"
                    )
                with output_file(output) as partial:
                    partial.write_bytes(
                        dublin_core(documents[0], subjects=subjects_of(documents[0]))
                    )
                result.files.append(output)
            else:
                with output_folder(output) as partial:
                    for document in documents:
                        data = dublin_core(document, subjects=subjects_of(document))
                        (partial / f"{document.ref}.xml").write_bytes(data)
                result.files.extend(output / f"{d.ref}.xml" for d in documents)
        elif fmt == "ead":
            from desktop.exchange.xmlformats import finding_aid

            collection = None
            if selection.collection:
                found = find_collections(session, selection.collection)
                collection = found[0]
                if len(found) > 1:
                    result.warnings.append(
                        f"{len(found)} collections are named {selection.collection!r}; the "
                        "finding aid describes the first and lists all their documents"
                    )
            data = finding_aid(
                session,
                documents=documents,
                collection=collection,
                catalogue_name=catalogue.name,
                title=options.title or (collection.name if collection else title),
            )
            with output_file(output) as partial:
                partial.write_bytes(data)
            result.files.append(output)
        elif fmt == "annotations":
            collection_json = annotation_collection(session, documents, statuses, label=title)
            with output_file(output) as partial:
                partial.write_text(write_annotations(collection_json), encoding="utf-8")
            result.counts["annotations"] = int(collection_json["total"])
            result.files.append(output)
        elif fmt == "qdpx":
            from desktop.exchange.qdpx import write_qdpx

            with output_file(output) as partial:
                result.counts.update(
                    write_qdpx(
                        session,
                        documents,
                        statuses,
                        partial,
                        project_name=options.title or f"{catalogue.name}: {title}",
                        user=catalogue.actor,
                    )
                )
            result.files.append(output)
        else:  # bagit
            from desktop.exchange.bag import export_bag

            bag_result = export_bag(
                catalogue,
                session,
                documents,
                output,
                statuses=statuses,
                description=title,
                dossier_pdf=dossier,
                progress=progress,
            )
            bag_result.warnings.extend(result.warnings)
            return bag_result
    if progress is not None:
        progress(len(documents), len(documents), "")
    return result


def _dossier(catalogue: Catalogue, selection: Selection, options: ExportOptions) -> bytes:
    """The dossier for the bag, printed through desktop.dossier (the ReportLab user).

    A dossier is cited as evidence, so it shows accepted tags only, unless the person
    asked for suggestions explicitly; the bag's metadata files carry every tag with
    its status either way.
    """
    from desktop.dossier.build import DossierError, DossierSpec, build_dossier

    spec = DossierSpec(
        title=options.title or "Dossier",
        style=options.dossier_style,
        refs=selection.refs,
        collection=selection.collection,
        query=selection.query,
        include_suggested=options.statuses is not None and "suggested" in options.statuses,
    )
    try:
        return build_dossier(catalogue, spec)
    except DossierError as exc:
        raise ExchangeError(str(exc)) from exc
