"""Images (photographs, scans): stored objects with the facts read from them.

An image can stand alone or be attached to any number of documents; attaching and
detaching never touches the stored bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.documents import ensure_blob, require_document
from db.models import Image
from db.refs import IMAGE_PREFIX, next_ref
from db.sanitize import clean_field

EDITABLE = ("caption", "credit", "rights", "taken")
# One-line values: control characters (from EXIF, or typed) are never stored.
ONE_LINE = ("credit", "rights", "taken")


def _one_line(value: str | None) -> str | None:
    return clean_field(value) or None if value else value


class ImageError(ValueError):
    """An image operation the catalogue refuses; the message is for the user."""


@dataclass
class NewImage:
    sha256: str
    size: int
    media_type: str
    filename: str
    width: int
    height: int
    format: str
    exif: dict[str, str] = field(default_factory=dict)
    taken: str | None = None
    thumbnail_sha256: str | None = None
    thumbnail_size: int = 0
    caption: str | None = None
    credit: str | None = None


def add_image(session: Session, *, new: NewImage, actor: str) -> Image:
    ensure_blob(session, sha256=new.sha256, size=new.size, media_type=new.media_type)
    if new.thumbnail_sha256:
        ensure_blob(
            session, sha256=new.thumbnail_sha256, size=new.thumbnail_size, media_type="image/png"
        )
    image = Image(
        ref=next_ref(session, IMAGE_PREFIX),
        sha256=new.sha256,
        thumbnail_sha256=new.thumbnail_sha256,
        original_filename=new.filename,
        width=new.width,
        height=new.height,
        format=new.format,
        exif={name: clean_field(value) for name, value in new.exif.items()},
        taken=_one_line(new.taken),
        caption=new.caption,
        credit=_one_line(new.credit),
    )
    session.add(image)
    session.flush()
    audit.record(
        session,
        action="import image",
        actor=actor,
        target=image.ref,
        detail={"file": new.filename, "sha256": new.sha256},
    )
    return image


def find_image_by_sha(session: Session, sha256: str) -> Image | None:
    return session.execute(
        select(Image).where(Image.sha256 == sha256).order_by(Image.id).limit(1)
    ).scalar_one_or_none()


def require_image(session: Session, ref: str) -> Image:
    image = session.execute(select(Image).where(Image.ref == ref.strip().upper())).scalar()
    if image is None:
        raise ImageError(f"no image {ref!r} in this catalogue")
    return image


def attach_image(session: Session, *, image_ref: str, document_ref: str, actor: str) -> bool:
    """Link an image to a document; False if it was already linked."""
    image = require_image(session, image_ref)
    document = require_document(session, document_ref)
    if image in document.images:
        return False
    document.images.append(image)
    session.flush()
    audit.record(
        session,
        action="attach image",
        actor=actor,
        target=document.ref,
        detail={"image": image.ref},
    )
    return True


def detach_image(session: Session, *, image_ref: str, document_ref: str, actor: str) -> bool:
    image = require_image(session, image_ref)
    document = require_document(session, document_ref)
    if image not in document.images:
        return False
    document.images.remove(image)
    session.flush()
    audit.record(
        session,
        action="detach image",
        actor=actor,
        target=document.ref,
        detail={"image": image.ref},
    )
    return True


def update_image(
    session: Session, *, ref: str, changes: dict[str, Any], actor: str
) -> dict[str, Any]:
    """Edit caption, credit, rights or date; returns the values before (for undo)."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ImageError(f"not editable: {', '.join(sorted(unknown))}")
    image = require_image(session, ref)
    changes = {
        name: _one_line(value) if name in ONE_LINE and isinstance(value, str) else value
        for name, value in changes.items()
    }
    before = {name: getattr(image, name) for name in changes}
    for name, value in changes.items():
        setattr(image, name, value)
    audit.record(
        session,
        action="edit image",
        actor=actor,
        target=image.ref,
        detail={"before": before, "after": changes},
    )
    return before
