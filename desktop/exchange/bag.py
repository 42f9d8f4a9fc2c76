"""BagIt bags (RFC 8493) for handing a dossier or a selection to an archive.

Made with the Library of Congress's ``bagit`` library (SHA-256 manifests) rather than a
manifest writer of our own, so the receiving archive's validator and ours agree by
construction. Payload::

    data/originals/<REF>_<file name>     the original bytes, unchanged
    data/images/<IMG-REF>_<file name>    attached images, unchanged
    data/texts/<REF>.txt                 the working text that tag offsets refer to
    data/metadata/documents.json         every document's metadata, tags, files
    data/metadata/{documents,people,dates,figures}.csv
    data/metadata/annotations.jsonld     the tags as W3C Web Annotations
    data/dossier.pdf                     optional: the dossier printed for the selection

File names are made portable (``safe_filename``); each document's record in
``documents.json`` names its payload files and their SHA-256, which is also the
catalogue's identity of the original.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import bagit
from sqlalchemy.orm import Session

from db.catalogue import Catalogue
from db.models import Document
from desktop import __version__
from desktop.exchange.annotations import annotation_collection, write_annotations
from desktop.exchange.common import (
    ExchangeError,
    ExportResult,
    Progress,
    document_tags,
    output_folder,
    safe_filename,
)
from desktop.exchange.tables import (
    KIND_OF_TABLE,
    TABLES,
    columns_of,
    document_row,
    encode_csv,
    table_rows,
    tag_row,
    write_csv,
)

CHECKSUMS = ["sha256"]


def _document_record(
    session: Session, document: Document, statuses: Sequence[str], files: dict[str, Any]
) -> dict[str, Any]:
    record = document_row(document)
    for name in ("authors", "recipients", "collections", "keywords", "images", "flags", "guessed"):
        record[name] = {
            "authors": list(document.authors),
            "recipients": list(document.recipients),
            "collections": sorted(c.name for c in document.collections),
            "keywords": sorted(k.name for k in document.keywords),
            "images": sorted(i.ref for i in document.images),
            "flags": list(document.flags),
            "guessed": list(document.guessed),
        }[name]
    record["title_devised"] = bool(document.title_devised)
    record.update(files)
    tags: dict[str, list[dict[str, Any]]] = {table: [] for table in KIND_OF_TABLE}
    table_of = {kind: table for table, kind in KIND_OF_TABLE.items()}
    for kind, tag in document_tags(session, document, statuses):
        row = tag_row(document, kind, tag)
        if "is_organisation" in row:
            row["is_organisation"] = row["is_organisation"] == "true"
        tags[table_of[kind]].append(row)
    record["tags"] = tags
    return record


def export_bag(
    catalogue: Catalogue,
    session: Session,
    documents: Sequence[Document],
    output: Path,
    *,
    statuses: Sequence[str],
    description: str,
    dossier_pdf: bytes | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    result = ExportResult(format="bagit", output=output, documents=len(documents))
    with output_folder(output) as partial:
        originals = partial / "originals"
        images_dir = partial / "images"
        texts = partial / "texts"
        metadata = partial / "metadata"
        for folder in (originals, texts, metadata):
            folder.mkdir()
        records = []
        images_written: dict[str, str] = {}
        for number, document in enumerate(documents):
            if progress is not None:
                progress(number, len(documents), document.ref)
            files: dict[str, Any] = {"text_file": f"texts/{document.ref}.txt"}
            (texts / f"{document.ref}.txt").write_text(document.text, encoding="utf-8", newline="")
            if document.original_sha256:
                source = catalogue.objects.local_file(document.original_sha256)
                if not source.is_file():
                    raise ExchangeError(
                        f"the original of {document.ref} is missing or damaged in the "
                        "catalogue's store; run catena verify"
                    )
                name = f"{document.ref}_{safe_filename(document.original_filename or 'original')}"
                (originals / name).write_bytes(source.read_bytes())
                files["original_file"] = f"originals/{name}"
            image_files = []
            for image in sorted(document.images, key=lambda i: i.ref):
                if image.ref not in images_written:
                    images_dir.mkdir(exist_ok=True)
                    name = f"{image.ref}_{safe_filename(image.original_filename or 'image')}"
                    (images_dir / name).write_bytes(catalogue.objects.read(image.sha256))
                    images_written[image.ref] = f"images/{name}"
                image_files.append(
                    {
                        "reference": image.ref,
                        "uid": image.uid,
                        "file": images_written[image.ref],
                        "sha256": image.sha256,
                        "caption": image.caption,
                        "credit": image.credit,
                        "rights": image.rights,
                        "taken": image.taken,
                        "width": image.width,
                        "height": image.height,
                    }
                )
            files["image_files"] = image_files
            records.append(_document_record(session, document, statuses, files))
        (metadata / "documents.json").write_text(
            json.dumps(
                {"selection": description, "statuses": list(statuses), "documents": records},
                ensure_ascii=False,
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        rows = table_rows(session, documents, statuses)
        for table in TABLES:
            (metadata / f"{table}.csv").write_bytes(
                encode_csv(write_csv(rows[table], columns_of(table)), bom=False)
            )
            if table != "documents":
                result.counts[table] = len(rows[table])
        collection = annotation_collection(session, documents, statuses, label=description)
        (metadata / "annotations.jsonld").write_text(
            write_annotations(collection), encoding="utf-8"
        )
        if dossier_pdf is not None:
            (partial / "dossier.pdf").write_bytes(dossier_pdf)
        result.counts["images"] = len(images_written)
        bagit.make_bag(
            str(partial),
            bag_info={
                "Source-Organization": f"Catena catalogue {catalogue.name}",
                "External-Description": description,
                "Internal-Sender-Identifier": catalogue.name,
                "Contact-Name": catalogue.actor,
                "Bag-Group-Identifier": f"catena:{catalogue.name}",
                "Catena-Version": __version__,
            },
            checksums=CHECKSUMS,
        )
    if progress is not None:
        progress(len(documents), len(documents), "")
    return result
