"""Fixity and consistency checks: is every referenced object present and unaltered?

``verify_fixity`` re-hashes every object the catalogue references and reports the
missing and altered ones by the records that use them; the run is logged as a
preservation event (type, outcome, agent, UTC time), and affected documents are
flagged so the window's "Needs review" shows them. ``collect_garbage`` removes objects
no record references (left by an import interrupted between storing and committing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from db import audit
from db.models import Blob, Document, Image
from db.objects import ObjectStore

FIXITY_FLAG = "fixity failed"


@dataclass(frozen=True)
class FixityProblem:
    sha256: str
    problem: str  # "missing" or "altered"
    used_by: list[str]  # reference codes
    file_names: list[str]


@dataclass
class FixityReport:
    checked: int = 0
    problems: list[FixityProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _users(session: Session) -> dict[str, tuple[list[str], list[str]]]:
    users: dict[str, tuple[list[str], list[str]]] = {}
    for ref, sha, name in session.execute(
        select(Document.ref, Document.original_sha256, Document.original_filename)
    ):
        if sha:
            refs, names = users.setdefault(sha, ([], []))
            refs.append(ref)
            names.append(name or "")
    for ref, sha, thumb, name in session.execute(
        select(Image.ref, Image.sha256, Image.thumbnail_sha256, Image.original_filename)
    ):
        for digest, shown in ((sha, name or ""), (thumb, f"thumbnail of {name or ref}")):
            if digest:
                refs, names = users.setdefault(digest, ([], []))
                refs.append(ref)
                names.append(shown)
    return users


def verify_fixity(
    session: Session,
    objects: ObjectStore,
    *,
    actor: str,
    progress: Callable[[int, int], None] | None = None,
    record: bool = True,
) -> FixityReport:
    """Re-hash every referenced object; log the outcome; flag affected documents.
    Without *record* (a read-only catalogue) it only reports: no flags, no event."""
    users = _users(session)
    blobs = list(session.execute(select(Blob.sha256).order_by(Blob.sha256)).scalars())
    report = FixityReport()
    for number, sha in enumerate(blobs):
        if progress is not None:
            progress(number, len(blobs))
        actual = objects.hash_of(sha)
        report.checked += 1
        if actual == sha:
            continue
        refs, names = users.get(sha, ([], []))
        report.problems.append(
            FixityProblem(sha, "missing" if actual is None else "altered", refs, names)
        )
    if progress is not None:
        progress(len(blobs), len(blobs))
    if not record:
        return report
    bad_refs = {ref for p in report.problems for ref in p.used_by}
    # Reference and flags only: loading every text here would cost gigabytes at scale.
    for doc_id, ref, flags in session.execute(select(Document.id, Document.ref, Document.flags)):
        flagged = FIXITY_FLAG in (flags or [])
        if (ref in bad_refs) != flagged:
            document = session.get(Document, doc_id)
            assert document is not None
            document.flags = (
                [*document.flags, FIXITY_FLAG]
                if not flagged
                else [f for f in document.flags if f != FIXITY_FLAG]
            )
    audit.record(
        session,
        action="fixity check",
        actor=actor,
        outcome="success" if report.ok else "failure",
        detail={
            "checked": report.checked,
            "problems": [
                {"sha256": p.sha256, "problem": p.problem, "used_by": p.used_by}
                for p in report.problems
            ],
        },
    )
    return report


GRACE_SECONDS = 24 * 3600


def collect_garbage(
    session: Session,
    objects: ObjectStore,
    *,
    keep: set[str] | None = None,
    grace_seconds: float = GRACE_SECONDS,
) -> list[str]:
    """Move objects no record references into the store's quarantine (``quarantine/``
    in its folder or under its bucket prefix).

    Call with a ``Catalogue.writing()`` session: its write lock keeps another process
    from committing a reference meanwhile, and imports store objects only while
    holding that lock. Objects younger than *grace_seconds* are left alone anyway (an
    import in another process may have stored one and not yet committed), as are the
    hashes in *keep* (originals that backups still refer to). Nothing is deleted:
    quarantined objects can be put back by hand.
    """
    referenced = set(session.execute(select(Blob.sha256)).scalars()) | (keep or set())
    orphans = [
        sha
        for sha in objects
        if sha not in referenced and objects.age_seconds(sha) >= grace_seconds
    ]
    for sha in orphans:
        objects.quarantine(sha)
    return orphans


def integrity_check(session: Session) -> list[str]:
    """SQLite's full integrity check plus foreign keys; [] when all is well."""
    findings = [str(row[0]) for row in session.execute(text("PRAGMA integrity_check"))]
    if findings == ["ok"]:
        findings = []
    broken = session.execute(text("PRAGMA foreign_key_check")).fetchall()
    findings.extend(f"broken reference in {row[0]} row {row[1]}" for row in broken)
    return findings
