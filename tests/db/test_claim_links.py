"""Links from figures and dates to event records: status, role, audit, undo, refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db import claim_links as links
from db import event_records as er
from db.catalogue import Catalogue
from db.documents import NewDocument, add_document
from db.models import DateTag, Event, Figure
from db.tags import add_tag

TEXT = "In the Khojaly massacre of 26 February 1992, 613 civilians were killed."


def _setup(catalogue: Catalogue) -> tuple[int, int, str, str]:
    """A document with one figure and one date, a war and a killing within it."""
    with catalogue.writing() as session:
        doc = add_document(
            session,
            new=NewDocument(
                text=TEXT,
                media_type="text/plain",
                original_sha256="1" * 64,
                original_size=1,
                original_filename="a.txt",
            ),
            actor="t",
        )
        start = TEXT.index("613")
        figure, _ = add_tag(
            session,
            kind="figure",
            document=doc,
            start=start,
            end=start + len("613 civilians"),
            values={"value": 613, "counted": "civilians", "category": "killed"},
            actor="t",
        )
        start = TEXT.index("26 February")
        date, _ = add_tag(
            session,
            kind="date",
            document=doc,
            start=start,
            end=start + len("26 February 1992"),
            values={"edtf": "1992-02-26"},
            actor="t",
        )
        war = er.create(session, name="First Karabakh War", edtf="1988/1994", actor="t").ref
        killing = er.create(
            session, name="Khojaly massacre", edtf="1992-02-26", parent_ref=war, actor="t"
        ).ref
        return figure.id, date.id, war, killing


def _stored(catalogue: Catalogue) -> tuple[object, ...]:
    with catalogue.reading() as session:
        rows = [
            (t.event_record_id, t.event_link_status, getattr(t, "role", None))
            for model in (Figure, DateTag)
            for t in session.execute(select(model).order_by(model.id)).scalars()
        ]
        events = session.execute(select(func.count(Event.id))).scalar_one()
    return (*rows, events)


def test_link_confirm_clear_and_undo_each(catalogue: Catalogue) -> None:
    figure_id, _date_id, war, killing = _setup(catalogue)
    with catalogue.writing() as session:
        suggested = links.suggest(
            session, kind="figure", tag_id=figure_id, event_ref=killing, actor="t"
        )
        assert (suggested.after.event_ref, suggested.after.status) == (killing, "suggested")
        assert suggested.before == links.LinkState(None, None, None, None)
        confirmed = links.confirm(session, kind="figure", tag_id=figure_id, actor="t")
        assert confirmed.after.status == "accepted"
        undone = links.revert_link(session, change=confirmed, actor="t")
        assert undone.after == suggested.after
        relinked = links.link(session, kind="figure", tag_id=figure_id, event_ref=war, actor="t")
        assert (relinked.after.event_ref, relinked.after.status) == (war, "accepted")
        cleared = links.clear(session, kind="figure", tag_id=figure_id, actor="t")
        assert cleared.after == links.LinkState(None, None, None, None)
        back = links.revert_link(session, change=cleared, actor="t")
        assert back.after == relinked.after
        actions = list(session.execute(select(Event.action).order_by(Event.id)).scalars())
    assert actions[-6:] == [
        "suggest figure event link",
        "confirm figure event link",
        "undo confirm figure event link",
        "link figure to event",
        "unlink figure from event",
        "undo unlink figure from event",
    ]


def test_a_date_role_is_set_with_a_suggestion_and_kept_by_a_person(catalogue: Catalogue) -> None:
    _figure_id, date_id, _war, killing = _setup(catalogue)
    with catalogue.writing() as session:
        change = links.suggest(
            session, kind="date", tag_id=date_id, event_ref=killing, role="event", actor="t"
        )
        assert change.after.role == "event"
        role = links.set_date_role(session, tag_id=date_id, role="other", actor="t")
        assert (role.after.role, role.after.status) == ("other", "suggested")
        cleared = links.clear(session, kind="date", tag_id=date_id, actor="t")
        assert cleared.after == links.LinkState(None, None, None, "other")
    # Reverting a change the link has moved on from is refused.
    with catalogue.writing() as session, pytest.raises(links.ClaimLinkError, match="changed since"):
        links.revert_link(session, change=role, actor="t")


def test_a_suggestion_never_replaces_a_link(catalogue: Catalogue) -> None:
    figure_id, _date_id, war, killing = _setup(catalogue)
    with catalogue.writing() as session:
        links.link(session, kind="figure", tag_id=figure_id, event_ref=war, actor="t")
    before = _stored(catalogue)
    with catalogue.writing() as session, pytest.raises(links.ClaimLinkError) as caught:
        links.suggest(session, kind="figure", tag_id=figure_id, event_ref=killing, actor="t")
    assert str(caught.value) == f"figure tag #{figure_id} is already linked to an event"
    assert _stored(catalogue) == before


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda s, f, d: links.link(
                s, kind="figure", tag_id=999, event_ref="EVT-000002", actor="t"
            ),
            "no figure tag #999",
        ),
        (
            lambda s, f, d: links.link(
                s, kind="figure", tag_id=f, event_ref="EVT-000099", actor="t"
            ),
            "no event record 'EVT-000099'",
        ),
        (
            lambda s, f, d: links.link(
                s, kind="figure", tag_id=f, event_ref="EVT-000001", actor="t"
            ),
            "EVT-000001 is in the trash; restore it first",
        ),
        (
            lambda s, f, d: links.link(
                s, kind="mention", tag_id=f, event_ref="EVT-000002", actor="t"
            ),
            "only figures and dates link to events, not 'mention'",
        ),
        (
            lambda s, f, d: links.confirm(s, kind="figure", tag_id=f, actor="t"),
            "figure tag #1 has no event link to confirm",
        ),
        (
            lambda s, f, d: links.clear(s, kind="date", tag_id=d, actor="t"),
            "date tag #1 is not linked to an event",
        ),
        (
            lambda s, f, d: links.set_date_role(s, tag_id=d, role="when", actor="t"),
            "unknown date role 'when'; roles are event, reporting, other",
        ),
        (
            lambda s, f, d: links.set_date_role(s, tag_id=42, role="event", actor="t"),
            "no date tag #42",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    catalogue: Catalogue, call, message: str
) -> None:  # type: ignore[no-untyped-def]
    figure_id, date_id, war, _killing = _setup(catalogue)
    with catalogue.writing() as session:
        er.trash(session, ref=war, actor="t")
    before = _stored(catalogue)
    with catalogue.writing() as session, pytest.raises(links.ClaimLinkError) as caught:
        call(session, figure_id, date_id)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)
    assert _stored(catalogue) == before


def test_confirming_a_link_to_a_trashed_record_is_refused(catalogue: Catalogue) -> None:
    figure_id, _date_id, _war, killing = _setup(catalogue)
    with catalogue.writing() as session:
        links.suggest(session, kind="figure", tag_id=figure_id, event_ref=killing, actor="t")
        er.trash(session, ref=killing, actor="t")
    before = _stored(catalogue)
    with catalogue.writing() as session, pytest.raises(links.ClaimLinkError) as caught:
        links.confirm(session, kind="figure", tag_id=figure_id, actor="t")
    assert str(caught.value) == f"{killing} is in the trash; restore it or link another event"
    assert _stored(catalogue) == before
