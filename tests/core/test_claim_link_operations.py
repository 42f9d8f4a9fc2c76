"""Claim links as the window and the CLI call them: suggest over documents, undo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import DocumentError, NewDocument, add_document
from db.models import DateTag, Figure
from db.tags import add_tag
from desktop.core import claim_links as ops
from desktop.core import event_records as records

REPORT = (
    "BAKU, 28 February 1992 — Survivors reached Aghdam.\n\n"
    "In the Khojaly massacre 613 civilians were killed.\n\n"
    "Since 1988 the Khojaly massacre and other attacks left 20,000 people dead.\n\n"
    "Some 150 people are still missing."
)
OTHER = "Throughout the conflict the Sumgait pogrom echoed; 300 people died."


def _document(
    catalogue: Catalogue, n: int, text: str, figures: list[str], dates: list[tuple[str, str]]
) -> str:
    with catalogue.writing() as session:
        doc = add_document(
            session,
            new=NewDocument(
                text=text,
                media_type="text/plain",
                original_sha256=f"{n:064x}",
                original_size=1,
                original_filename=f"{n}.txt",
                published="1992-02-28",
            ),
            actor="t",
        )
        for quote in figures:
            start = text.index(quote)
            add_tag(
                session,
                kind="figure",
                document=doc,
                start=start,
                end=start + len(quote),
                values={"value": 1, "counted": quote.split(" ", 1)[-1]},
                status="suggested",
                origin="suggested",
                actor="t",
            )
        for quote, edtf in dates:
            start = text.index(quote)
            add_tag(
                session,
                kind="date",
                document=doc,
                start=start,
                end=start + len(quote),
                values={"edtf": edtf},
                actor="t",
            )
        return doc.ref


def _links(catalogue: Catalogue) -> list[tuple[str, str, str | None, str | None]]:
    with catalogue.reading() as session:
        rows = [
            (f.quote, "figure", f.event_record_id, f.event_link_status)
            for f in session.execute(select(Figure).order_by(Figure.start)).scalars()
        ] + [
            (d.quote, d.role or "", d.event_record_id, d.event_link_status)
            for d in session.execute(select(DateTag).order_by(DateTag.start)).scalars()
        ]
    return [(q, k, str(e) if e is not None else None, s) for q, k, e, s in rows]


def _catalogue_with_events(catalogue: Catalogue) -> tuple[str, str, str, str]:
    war = records.create_event_record(catalogue, name="First Karabakh War", edtf="1988/1994")
    khojaly = records.create_event_record(
        catalogue, name="Khojaly massacre", edtf="1992-02-25/1992-02-26", parent_ref=war.value.ref
    )
    sumgait = records.create_event_record(catalogue, name="Sumgait pogrom", edtf="1988-02")
    report = _document(
        catalogue,
        1,
        REPORT,
        ["613 civilians", "20,000 people", "150 people"],
        [("28 February 1992", "1992-02-28")],
    )
    _document(catalogue, 2, OTHER, ["300 people"], [])
    return war.value.ref, khojaly.value.ref, sumgait.value.ref, report


def test_suggest_links_stores_suggestions_with_reasons_and_undoes(catalogue: Catalogue) -> None:
    war, khojaly, _sumgait, report_ref = _catalogue_with_events(catalogue)
    before = _links(catalogue)
    done = ops.suggest_event_links(catalogue)
    report = done.value
    assert report.documents == 2
    got = {(s.change.tag_id, s.change.kind): s for s in report.suggested}
    by_quote = {
        quote: (s.change.after.event_ref, s.change.after.status, s.change.after.role)
        for s in report.suggested
        for quote in [_quote(catalogue, s.change)]
    }
    assert by_quote == {
        # The dateline's date is two days after the massacre and the war is never
        # named, so it goes to the document's main event, as the date reporting it.
        "28 February 1992": (khojaly, "suggested", "reporting"),
        "613 civilians": (khojaly, "suggested", None),
        "20,000 people": (war, "suggested", None),
        "150 people": (khojaly, "suggested", None),
    }
    # "300 people" is cumulative and the Sumgait pogrom has no broader event.
    assert report.left_unlinked == 1
    assert all(s.reason for s in got.values())
    assert report_ref in done.changes.tags_of and done.changes.event_records
    undone = ops.revert_link_changes(catalogue, changes=[s.change for s in report.suggested])
    assert len(undone.value) == 4
    assert _links(catalogue) == before


def _quote(catalogue: Catalogue, change: ops.LinkChange) -> str:
    model = Figure if change.kind == "figure" else DateTag
    with catalogue.reading() as session:
        return session.get_one(model, change.tag_id).quote


def test_suggestions_never_overwrite_links_and_run_again_adds_nothing(catalogue: Catalogue) -> None:
    _war, _khojaly, sumgait, report_ref = _catalogue_with_events(catalogue)
    with catalogue.reading() as session:
        figure_id = session.execute(
            select(Figure.id).where(Figure.quote == "613 civilians")
        ).scalar_one()
    linked = ops.link_claim(catalogue, kind="figure", tag_id=figure_id, event_ref=sumgait)
    assert linked.changes.tags_of == frozenset({report_ref})
    first = ops.suggest_event_links(catalogue, refs=[report_ref])
    assert first.value.documents == 1
    assert figure_id not in {
        s.change.tag_id for s in first.value.suggested if s.change.kind == "figure"
    }
    with catalogue.reading() as session:
        figure = session.get_one(Figure, figure_id)
        assert (figure.event_link_status, figure.event_record_id) == (
            "accepted",
            linked.value.after.event_record_id,
        )
    again = ops.suggest_event_links(catalogue, refs=[report_ref])
    assert again.value.suggested == ()
    assert again.changes.tags_of == frozenset()


def test_confirm_clear_role_and_undo(catalogue: Catalogue) -> None:
    _war, khojaly, _sumgait, _ref = _catalogue_with_events(catalogue)
    ops.suggest_event_links(catalogue)
    with catalogue.reading() as session:
        figure_id = session.execute(
            select(Figure.id).where(Figure.quote == "613 civilians")
        ).scalar_one()
        date_id = session.execute(select(DateTag.id)).scalar_one()
    confirmed = ops.confirm_link(catalogue, kind="figure", tag_id=figure_id)
    assert (confirmed.value.before.status, confirmed.value.after.status) == (
        "suggested",
        "accepted",
    )
    cleared = ops.clear_link(catalogue, kind="figure", tag_id=figure_id)
    assert cleared.value.after.event_ref is None
    redo = ops.revert_link_change(catalogue, change=cleared.value)
    assert redo.value.after == confirmed.value.after
    role = ops.set_date_role(catalogue, tag_id=date_id, role="event")
    assert (role.value.before.role, role.value.after.role) == ("reporting", "event")
    assert role.value.after.event_ref == khojaly


def test_refusals_change_nothing(catalogue: Catalogue) -> None:
    _catalogue_with_events(catalogue)
    before = _links(catalogue)
    with pytest.raises(DocumentError, match="no document 'CAT-999999'"):
        ops.suggest_event_links(catalogue, refs=["CAT-000001", "CAT-999999"])
    with pytest.raises(ops.ClaimLinkError, match=r"^no event record 'EVT-000404'$"):
        ops.link_claim(catalogue, kind="figure", tag_id=1, event_ref="EVT-000404")
    with pytest.raises(ops.ClaimLinkError, match=r"^no date tag #77$"):
        ops.confirm_link(catalogue, kind="date", tag_id=77)
    assert _links(catalogue) == before


def test_without_event_records_nothing_is_suggested(catalogue: Catalogue) -> None:
    _document(catalogue, 3, REPORT, ["613 civilians"], [])
    done = ops.suggest_event_links(catalogue)
    assert (done.value.documents, done.value.suggested, done.value.left_unlinked) == (1, (), 0)


def test_undoing_a_run_after_a_person_changed_one_link_is_refused(catalogue: Catalogue) -> None:
    war, _khojaly, _sumgait, _ref = _catalogue_with_events(catalogue)
    run = ops.suggest_event_links(catalogue).value
    first = run.suggested[0].change
    ops.link_claim(catalogue, kind=first.kind, tag_id=first.tag_id, event_ref=war)
    before = _links(catalogue)
    with pytest.raises(ops.ClaimLinkError, match="has changed since this suggest"):
        ops.revert_link_changes(catalogue, changes=[s.change for s in run.suggested])
    assert _links(catalogue) == before
