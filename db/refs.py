"""Human reference codes: CAT-000123 for documents, PER-… for people, IMG-… for images,
EVT-… for event records.

Numbers come from a counter row updated in the inserting transaction, so codes are
never reused, even after a document is deleted and the trash emptied.
"""

from __future__ import annotations

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from db.base import table_of
from db.models import RefCounter

DOCUMENT_PREFIX = "CAT"
AGENT_PREFIX = "PER"
IMAGE_PREFIX = "IMG"
EVENT_RECORD_PREFIX = "EVT"


_counters = table_of(RefCounter)
_TAKE = (
    update(_counters)
    .where(_counters.c.prefix == bindparam("counter"))
    .values(next_value=_counters.c.next_value + 1)
    .returning(_counters.c.next_value)
)
_FIRST = insert(_counters).values(prefix=bindparam("counter"), next_value=2)
_TAKE_MANY = (
    update(_counters)
    .where(_counters.c.prefix == bindparam("counter"))
    .values(next_value=_counters.c.next_value + bindparam("count"))
    .returning(_counters.c.next_value)
)
_FIRST_MANY = insert(_counters).values(prefix=bindparam("counter"), next_value=bindparam("after"))


def next_ref(session: Session, prefix: str) -> str:
    """Take the next code for *prefix* in the caller's transaction.

    One prepared UPDATE … RETURNING on the session's connection: an import asks for
    a code per document, and an ORM object per counter cost more than the write.
    Counters are only ever changed here and by restores, never through ORM objects.
    """
    conn = session.connection()
    value = conn.execute(_TAKE, {"counter": prefix}).scalar_one_or_none()
    if value is None:  # the first code of this kind in the catalogue
        conn.execute(_FIRST, {"counter": prefix})
        return f"{prefix}-{1:06d}"
    return f"{prefix}-{value - 1:06d}"


def next_refs(session: Session, prefix: str, count: int) -> list[str]:
    """The next *count* codes for *prefix*, in order, taken in one statement: exactly
    the codes *count* calls of ``next_ref`` would have returned (the same counter, no
    gap, no repeat). The import's batched writer takes a batch's codes this way.

    The UPDATE locks the counter row until the transaction ends on both engines, so
    a concurrent writer waits and then continues after these codes.
    """
    if count <= 0:
        return []
    conn = session.connection()
    after = conn.execute(_TAKE_MANY, {"counter": prefix, "count": count}).scalar_one_or_none()
    if after is None:  # the first codes of this kind in the catalogue
        after = count + 1
        conn.execute(_FIRST_MANY, {"counter": prefix, "after": after})
    first = after - count
    return [f"{prefix}-{value:06d}" for value in range(first, after)]
