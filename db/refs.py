"""Human reference codes: CAT-000123 for documents, PER-… for people, IMG-… for images.

Numbers come from a counter row updated in the inserting transaction, so codes are
never reused, even after a document is deleted and the trash emptied.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from db.models import RefCounter

DOCUMENT_PREFIX = "CAT"
AGENT_PREFIX = "PER"
IMAGE_PREFIX = "IMG"


def next_ref(session: Session, prefix: str) -> str:
    """Take the next code for *prefix*: one UPDATE … RETURNING, no object to flush
    (an import asks for one per document)."""
    value = session.execute(
        update(RefCounter)
        .where(RefCounter.prefix == prefix)
        .values(next_value=RefCounter.next_value + 1)
        .returning(RefCounter.next_value)
    ).scalar_one_or_none()
    if value is None:  # the first code of this kind in the catalogue
        session.add(RefCounter(prefix=prefix, next_value=2))
        return f"{prefix}-{1:06d}"
    return f"{prefix}-{value - 1:06d}"
