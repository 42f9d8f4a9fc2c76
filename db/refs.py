"""Human reference codes: CAT-000123 for documents, PER-… for people, IMG-… for images.

Numbers come from a counter row updated in the inserting transaction, so codes are
never reused, even after a document is deleted and the trash emptied.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import RefCounter

DOCUMENT_PREFIX = "CAT"
AGENT_PREFIX = "PER"
IMAGE_PREFIX = "IMG"


def next_ref(session: Session, prefix: str) -> str:
    counter = session.execute(
        select(RefCounter).where(RefCounter.prefix == prefix)
    ).scalar_one_or_none()
    if counter is None:
        counter = RefCounter(prefix=prefix, next_value=1)
        session.add(counter)
    value = counter.next_value
    counter.next_value = value + 1
    return f"{prefix}-{value:06d}"
