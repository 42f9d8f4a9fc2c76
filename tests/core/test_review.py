"""The review queue's core: listing suggestions of a scope and deciding them in bulk."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.date_words import in_words
from db.models import DateTag, Document, Event, Figure, Mention
from db.selection import Selection
from desktop.core import collections
from desktop.core.review import (
    ReviewError,
    ReviewFilter,
    ReviewScope,
    count_items,
    item_id,
    list_items,
    open_counts,
    parse_item_id,
)
from desktop.core.review_decisions import decide, edit, revert_changes
from desktop.core.scope import Scope


def _statuses(catalogue: Catalogue) -> dict[str, str]:
    """Every tag's status by its queue id, read straight from the tables."""
    found: dict[str, str] = {}
    with catalogue.reading() as session:
        for kind, model in (("date", DateTag), ("figure", Figure), ("mention", Mention)):
            for tag_id, status in session.execute(select(model.id, model.status)):
                found[item_id(kind, tag_id)] = status  # type: ignore[arg-type]
    return found


def _actions(catalogue: Catalogue) -> list[str]:
    with catalogue.reading() as session:
        return list(session.execute(select(Event.action).order_by(Event.id)).scalars())


def test_queue_lists_every_open_suggestion_in_document_order(
    sample_catalogue: Catalogue,
) -> None:
    items = list_items(sample_catalogue)
    open_ids = {i for i, status in _statuses(sample_catalogue).items() if status == "suggested"}
    assert {i.id for i in items} == open_ids and len(items) == len(open_ids) > 10
    keys = [(i.document_ref, i.start) for i in items]
    assert keys == sorted(keys)
    counts = open_counts(sample_catalogue)
    assert sum(counts.values()) == len(items)
    assert counts["person"] == sum(1 for i in items if i.kind == "person")
    date = next(i for i in items if i.kind == "date")
    assert date.value.startswith(in_words(date.values["edtf"]))  # words, not the code


def test_each_row_shows_the_text_around_its_quote(sample_catalogue: Catalogue) -> None:
    """Tags store no context: the queue reads it from each document's text, in chunks."""
    items = list_items(sample_catalogue, wanted=ReviewFilter(limit=1000))
    with sample_catalogue.reading() as session:
        texts = {ref: text for ref, text in session.execute(select(Document.ref, Document.text))}
    assert len({i.document_ref for i in items}) > 1
    for item in items:
        text = texts[item.document_ref]
        assert item.prefix == text[max(0, item.start - 32) : item.start]
        assert item.suffix == text[item.end : item.end + 32]


def test_filters_by_kind_document_status_and_scope(sample_catalogue: Catalogue) -> None:
    everything = list_items(sample_catalogue)
    people = list_items(sample_catalogue, wanted=ReviewFilter(kinds=("person",)))
    assert people and {i.kind for i in people} == {"person"}
    assert len(people) == sum(1 for i in everything if i.kind == "person")
    one = list_items(sample_catalogue, wanted=ReviewFilter(documents=("cat-000002",)))
    assert one and {i.document_ref for i in one} == {"CAT-000002"}
    chosen = list_items(sample_catalogue, scope=ReviewScope(Selection(refs=("CAT-000003",))))
    assert {i.document_ref for i in chosen} == {"CAT-000003"}
    assert list_items(sample_catalogue, wanted=ReviewFilter(statuses=("accepted",))) == []

    folder = collections.new_collection(sample_catalogue, name="Letters").value
    collections.file_documents(sample_catalogue, collection_id=folder, refs=["CAT-000002"])
    in_folder = list_items(sample_catalogue, scope=ReviewScope(Selection(collection="letters")))
    assert {i.document_ref for i in in_folder} == {"CAT-000002"}
    listed = list_items(
        sample_catalogue,
        scope=ReviewScope(list_scope=Scope("collection", collection_id=folder)),
    )
    assert [i.id for i in listed] == [i.id for i in in_folder]

    first = list_items(sample_catalogue, wanted=ReviewFilter(limit=5))
    assert [i.id for i in first] == [i.id for i in everything[:5]]
    assert count_items(sample_catalogue) == len(everything)
    assert count_items(sample_catalogue, wanted=ReviewFilter(kinds=("person",))) == len(people)

    searched = list_items(sample_catalogue, scope=ReviewScope(Selection(query="Carrow")))
    assert searched and len({i.document_ref for i in searched}) < 4


def test_bad_scope_or_filter_says_what_was_wrong(sample_catalogue: Catalogue) -> None:
    with pytest.raises(ReviewError, match="CAT-000099"):
        list_items(sample_catalogue, scope=ReviewScope(Selection(refs=("CAT-000099",))))
    with pytest.raises(ReviewError, match="no collection named 'Nowhere'"):
        list_items(sample_catalogue, scope=ReviewScope(Selection(collection="Nowhere")))
    with pytest.raises(ReviewError, match="unknown kind 'place'"):
        ReviewFilter(kinds=("place",))  # type: ignore[arg-type]
    with pytest.raises(ReviewError, match="not a suggestion id: 'X1'"):
        parse_item_id("X1")
    assert parse_item_id(" p33 ") == ("mention", 33)


def test_bulk_accept_and_reject_are_one_transaction_and_one_revert(
    sample_catalogue: Catalogue,
) -> None:
    items = list_items(sample_catalogue)
    before = _statuses(sample_catalogue)
    accept_ids = [i.id for i in items[:3]]
    reject_ids = [i.id for i in items[3:6]]
    accepted = decide(sample_catalogue, ids=accept_ids, decision="accept")
    rejected = decide(sample_catalogue, ids=reject_ids, decision="reject")
    after = _statuses(sample_catalogue)
    assert [after[i] for i in accept_ids] == ["accepted"] * 3
    assert [after[i] for i in reject_ids] == ["rejected"] * 3
    assert len(accepted.value.changes) == 3 and accepted.changes.tags_of
    actions = _actions(sample_catalogue)
    assert actions.count("reject " + items[3].tag_kind) >= 1
    assert sum(a.startswith("accept ") for a in actions) >= 3

    undo = revert_changes(sample_catalogue, changes=rejected.value.changes)
    assert [_statuses(sample_catalogue)[i] for i in reject_ids] == ["suggested"] * 3
    redo = revert_changes(sample_catalogue, changes=undo.value)
    assert [_statuses(sample_catalogue)[i] for i in reject_ids] == ["rejected"] * 3
    revert_changes(sample_catalogue, changes=redo.value)
    revert_changes(sample_catalogue, changes=accepted.value.changes)
    assert _statuses(sample_catalogue) == before


def test_an_unknown_id_changes_nothing(sample_catalogue: Catalogue) -> None:
    items = list_items(sample_catalogue)
    before = _statuses(sample_catalogue)
    with pytest.raises(ReviewError, match="no figure tag #99999; nothing was changed"):
        decide(sample_catalogue, ids=[items[0].id, "F99999"], decision="accept")
    assert _statuses(sample_catalogue) == before


def test_deciding_twice_leaves_the_tag_alone(sample_catalogue: Catalogue) -> None:
    first = list_items(sample_catalogue)[0].id
    decide(sample_catalogue, ids=[first], decision="accept")
    again = decide(sample_catalogue, ids=[first.lower()], decision="accept")
    assert again.value.changes == () and again.value.unchanged == (first,)


def test_edit_means_the_value_of_each_kind_and_accepts(sample_catalogue: Catalogue) -> None:
    items = list_items(sample_catalogue)
    date = next(i for i in items if i.kind == "date")
    figure = next(i for i in items if i.kind == "figure")
    person = next(i for i in items if i.kind == "person")
    edit(sample_catalogue, item=date.id, value="1987-03-13")
    edit(sample_catalogue, item=figure.id, value="200-300", counted="people displaced")
    edit(sample_catalogue, item=person.id, value="Edith M. Carrow")
    with sample_catalogue.reading() as session:
        stored_date = session.get(DateTag, date.tag_id)
        stored_figure = session.get(Figure, figure.tag_id)
        stored_person = session.get(Mention, person.tag_id)
        assert stored_date is not None and stored_figure is not None and stored_person
        assert (stored_date.edtf, stored_date.lower, stored_date.status) == (
            "1987-03-13",
            "1987-03-13",
            "accepted",
        )
        assert (stored_figure.value, stored_figure.upper_value, stored_figure.qualifier) == (
            200.0,
            300.0,
            "range",
        )
        assert stored_figure.counted == "people displaced"
        assert stored_person.name == "Edith M. Carrow" and stored_person.agent_id is not None
        assert stored_person.status == "accepted"
    edit(sample_catalogue, item=figure.id, value="about 1,200")
    with sample_catalogue.reading() as session:
        again = session.get(Figure, figure.tag_id)
        assert again is not None
        assert (again.value, again.upper_value, again.qualifier) == (1200.0, None, "about")
    with pytest.raises(ReviewError, match="not an EDTF date"):
        edit(sample_catalogue, item=date.id, value="26 Feb 2022 or so")
    with pytest.raises(ReviewError, match="unknown qualifier 'roughly'"):
        edit(sample_catalogue, item=figure.id, value="3", qualifier="roughly")
    with pytest.raises(ReviewError, match="not a number"):
        edit(sample_catalogue, item=figure.id, value="many")
