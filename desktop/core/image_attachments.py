"""Images: photographs and scans attached to documents, with caption and credit.

Attaching imports the files through the same pipeline as documents (stored once,
byte for byte, by SHA-256), then links each image to the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from db.catalogue import Catalogue
from db.date_input import read_date_input
from db.images import attach_image, update_image
from db.models import Image
from desktop.core.changes import Changes, Done
from desktop.core.views import ImageView, image_view

ProgressCallback = Callable[[int, int, str], None]


@dataclass(frozen=True)
class AttachResult:
    attached: list[str]
    already: list[str]
    problems: list[str]


def import_and_attach(
    catalogue: Catalogue,
    *,
    document_ref: str,
    paths: Sequence[Path],
    progress: ProgressCallback | None = None,
) -> AttachResult:
    """CORE: import image files through the pipeline, then attach each to a document.

    A file already in the catalogue is not stored twice: its existing image record is
    attached instead. Files that are not images are reported, not attached.
    """
    from db.images import find_image_by_sha
    from desktop.ingest.pipeline import import_paths

    report = import_paths(catalogue, list(paths), progress=progress)
    attached: list[str] = []
    already: list[str] = []
    problems: list[str] = []
    with catalogue.writing() as session:
        for outcome in report.outcomes:
            if outcome.status == "failed" or outcome.status == "skipped":
                problems.append(f"{Path(outcome.path).name}: {outcome.reason}")
                continue
            image = find_image_by_sha(session, outcome.sha256 or "")
            if image is None:
                problems.append(
                    f"{Path(outcome.path).name}: not an image; catalogued as a document "
                    f"({outcome.ref or outcome.duplicate_of})"
                )
                continue
            linked = attach_image(
                session, image_ref=image.ref, document_ref=document_ref, actor=catalogue.actor
            )
            (attached if linked else already).append(image.ref)
    return AttachResult(attached, already, problems)


def all_images(catalogue: Catalogue) -> list[ImageView]:
    """Every image not in the Trash, in the order they came in."""
    with catalogue.reading() as session:
        rows = session.execute(
            select(Image).where(Image.deleted_at.is_(None)).order_by(Image.id)
        ).scalars()
        return [image_view(i) for i in rows]


def image_documents(catalogue: Catalogue, ref: str) -> list[str]:
    """References of the documents image *ref* is attached to."""
    from db.images import require_image

    with catalogue.reading() as session:
        return sorted(d.ref for d in require_image(session, ref).documents)


def edit_image(
    catalogue: Catalogue, *, ref: str, changes: dict[str, Any], document_ref: str = ""
) -> Done[dict[str, Any]]:
    """Edit caption, credit, rights or date of image *ref*; returns the values before.
    The date may be typed as people write it; it is stored as EDTF or refused
    (``DateInputError``) before anything is written."""
    if "taken" in changes:
        typed = changes["taken"]
        taken = read_date_input(typed if isinstance(typed, str) else None, field="Taken")
        changes = {**changes, "taken": taken}
    with catalogue.writing() as session:
        before = update_image(session, ref=ref, changes=changes, actor=catalogue.actor)
    return Done(before, Changes(images_of=frozenset({document_ref})))
