"""Event records travel in a Catena archive: names, nesting and tag links intact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from db.base import Base
from db.catalogue import Catalogue
from db.models import DateTag, EventRecord, Figure
from desktop.core import event_records as ops
from desktop.exchange import export, import_archive


def _rows(catalogue: Catalogue, name: str) -> list[tuple[tuple[str, Any], ...]]:
    """Every row of table *name*, read through the models on either engine: its own
    id left out, each id it points at replaced by the uid of the row pointed at."""
    table = Base.metadata.tables[name]
    pointers = {key.parent.name: key.column.table for key in table.foreign_keys}
    with catalogue.reading() as session:
        uids = {
            column: dict(session.execute(select(target.c.id, target.c.uid)).all())
            for column, target in pointers.items()
        }
        rows = session.execute(select(table)).mappings().all()
    return sorted(
        (
            tuple(
                (column, uids[column].get(value) if column in uids else value)
                for column, value in row.items()
                if column != "id"
            )
            for row in rows
        ),
        key=repr,
    )


def test_archive_round_trip_keeps_event_records(
    sample_catalogue: Catalogue, tmp_path: Path
) -> None:
    killing = ops.create_event_record(
        sample_catalogue, name="Khojaly massacre", variants=["Ходжалинская трагедия"]
    ).value.ref
    # The containing event is made after the one within it: the importer must not
    # depend on parents having the lower row id.
    war = ops.create_event_record(sample_catalogue, name="War", edtf="1988/1994").value.ref
    ops.edit_event_record(sample_catalogue, ref=killing, parent_ref=war)
    with sample_catalogue.writing() as session:
        killing_id = session.execute(
            select(EventRecord.id).where(EventRecord.ref == killing)
        ).scalar_one()
        figure = session.get_one(Figure, session.execute(select(func.min(Figure.id))).scalar())
        date = session.get_one(DateTag, session.execute(select(func.min(DateTag.id))).scalar())
        figure.event_record_id = date.event_record_id = killing_id
        date.role = "event"
    out = tmp_path / "archive.zip"
    export(sample_catalogue, format="catena-archive", selection=None, output=out)
    tables = ("event_records", "event_record_names", "figures", "date_tags")
    before = {table: _rows(sample_catalogue, table) for table in tables}
    target = tmp_path / "Copy.catena"
    with Catalogue.open(target, create=True, actor="importer") as copy:
        report = import_archive(copy, out)
        assert report.counts["event_records"] == 2
        detail = ops.event_record_detail(copy, killing)
        after = {table: _rows(copy, table) for table in tables}
    assert before["figures"] and before["date_tags"]
    for table in tables:
        assert after[table] == before[table], table
    assert detail.within == ((war, "War"),) and (detail.figures, detail.dates) == (1, 1)
