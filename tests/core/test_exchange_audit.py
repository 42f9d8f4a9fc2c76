"""Exports are changes a court may ask about: each one is in the audit trail."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db import audit
from db.catalogue import Catalogue
from db.models import Event
from desktop.exchange import export


def test_export_is_recorded(sample_catalogue: Catalogue, tmp_path: Path) -> None:
    catalogue = sample_catalogue  # the samples, imported once per session
    out = tmp_path / "refs.ris"
    result = export(catalogue, format="ris", selection=["CAT-000001", "CAT-000002"], output=out)
    assert out.is_file() and result.documents == 2
    with catalogue.reading() as session:
        event = session.scalars(select(Event).where(Event.action == "export")).one()
        assert event.detail == {"format": "ris", "output": str(out), "documents": 2}
        assert audit.verify_chain(session).ok
