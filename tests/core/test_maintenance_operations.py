"""Verify, back up and read the trail through the one operation the CLI and the smoke
test both call (``desktop.core.maintenance``), without Qt and without the CLI."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document, Event
from desktop.core.maintenance import audit_log, back_up, verify_catalogue
from desktop.core.suggestions import live_references
from tests.pg_catalogues import change_rows, change_text


def _damage_text(catalogue: Catalogue, ref: str) -> None:
    """Change a stored text behind Catena's back, as another program would."""
    change_text(catalogue.location, ref, lambda text: text + "x")


def _actions(catalogue: Catalogue) -> list[str]:
    with catalogue.reading() as session:
        return list(session.execute(select(Event.action).order_by(Event.id)).scalars())


def test_a_sound_catalogue_verifies_and_the_check_is_recorded(
    sample_catalogue: Catalogue,
) -> None:
    stages: set[str] = set()
    done = verify_catalogue(sample_catalogue, progress=lambda stage, _d, _t: stages.add(stage))
    found = done.value
    assert found.ok and found.recorded
    assert found.objects.checked >= 4 and found.texts.checked >= 4
    assert found.chain.ok and not found.database
    assert stages == {"originals", "texts"}
    assert not done.changes.documents  # a check changes no document
    assert _actions(sample_catalogue)[-2:] == ["fixity check", "text fixity check"]


def test_an_altered_text_fails_and_repair_puts_it_back(sample_catalogue: Catalogue) -> None:
    ref = live_references(sample_catalogue)[0]
    with sample_catalogue.reading() as session:
        before = session.execute(select(Document.text).where(Document.ref == ref)).scalar_one()
    _damage_text(sample_catalogue, ref)
    found = verify_catalogue(sample_catalogue).value
    assert not found.ok and [p.ref for p in found.texts.problems] == [ref]
    done = verify_catalogue(sample_catalogue, repair=True)
    assert [r.ref for r in done.value.repairs] == [ref]
    assert done.value.texts.ok and done.changes.documents == {ref}
    with sample_catalogue.reading() as session:
        after = session.execute(select(Document.text).where(Document.ref == ref)).scalar_one()
    assert after == before


def test_the_trail_is_checked_as_found_before_the_check_adds_to_it(
    sample_catalogue: Catalogue,
) -> None:
    change_rows(
        sample_catalogue.location,
        "DELETE FROM events WHERE id = (SELECT max(id) FROM events)",
    )
    found = verify_catalogue(sample_catalogue).value
    assert not found.chain.ok and found.chain.head_problem is not None
    assert "cut off" in found.chain.describe().lower()


def test_a_backup_is_verified_logged_and_listed_in_the_trail(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    target = back_up(sample_catalogue, to=tmp_path / "copy.sqlite")
    assert target.is_file() and target.stat().st_size > 0
    log = audit_log(sample_catalogue, limit=3, verify=True)
    assert [e.action for e in log.events][-1] == "backup"
    assert log.events[-1].detail == {"file": str(target)}
    assert [e.id for e in log.events] == sorted(e.id for e in log.events)
    assert log.chain is not None and log.chain.ok
    assert audit_log(sample_catalogue, limit=3).chain is None
