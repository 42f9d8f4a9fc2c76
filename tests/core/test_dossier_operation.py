"""Printing a dossier to a file, as the CLI and the window both do it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Event
from desktop.core.dossiers import DossierFileError, print_dossier
from desktop.dossier.build import DossierSpec


def _printed_events(catalogue: Catalogue) -> list[dict]:  # type: ignore[type-arg]
    with catalogue.reading() as session:
        rows = session.execute(select(Event).where(Event.action == "dossier printed")).scalars()
        return [dict(e.detail) for e in rows]


def test_the_file_exists_under_its_name_and_is_on_record(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    target = tmp_path / "Evidence.pdf"
    done = print_dossier(
        sample_catalogue, spec=DossierSpec(title="Evidence", reproducible=True), output=target
    )
    assert target.read_bytes().startswith(b"%PDF")
    assert not target.with_name("Evidence.pdf.part").exists()
    [event] = _printed_events(sample_catalogue)
    assert event["file"] == str(target)
    assert done.value.size == target.stat().st_size


def test_a_folder_is_refused_and_nothing_is_recorded(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    with pytest.raises(DossierFileError, match="is a folder"):
        print_dossier(sample_catalogue, spec=DossierSpec(title="X"), output=tmp_path)
    assert _printed_events(sample_catalogue) == []


def test_an_unwritable_place_leaves_no_file_and_no_record(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "Evidence.pdf"
    with pytest.raises(DossierFileError, match="cannot write"):
        print_dossier(sample_catalogue, spec=DossierSpec(title="X"), output=target)
    assert _printed_events(sample_catalogue) == []
    assert not target.exists()
