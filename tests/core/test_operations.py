"""The core operations the CLI and the window both call, tested without Qt."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.catalogue import Catalogue
from db.models import Event
from desktop.core import collections, documents, tagging
from desktop.core.changes import Changes
from desktop.core.document_rows import list_ids, refs_of, rows_of
from desktop.core.scope import Scope, count_in
from desktop.core.suggestions import live_references, suggest_tags
from desktop.core.views import document_view


def _events(catalogue: Catalogue) -> int:
    with catalogue.reading() as session:
        return int(session.execute(select(func.count(Event.id))).scalar_one())


def _first_suggestion(catalogue: Catalogue, ref: str, kind: str):  # type: ignore[no-untyped-def]
    return next(
        t for t in document_view(catalogue, ref).tags if t.kind == kind and t.status == "suggested"
    )


def test_accept_then_revert_restores_the_suggestion(sample_catalogue: Catalogue) -> None:
    ref = live_references(sample_catalogue)[0]
    tag = _first_suggestion(sample_catalogue, ref, "date")
    done = tagging.accept(sample_catalogue, kind="date", tag_id=tag.id)
    assert done.changes.tags_of == {ref} and not done.changes.people
    assert (
        next(
            t
            for t in document_view(sample_catalogue, ref).tags
            if t.id == tag.id and t.kind == "date"
        ).status
        == "accepted"
    )
    undone = tagging.revert_change(sample_catalogue, change=done.value)
    again = next(
        t for t in document_view(sample_catalogue, ref).tags if t.id == tag.id and t.kind == "date"
    )
    assert again.status == "suggested"
    redone = tagging.revert_change(sample_catalogue, change=undone.value)
    assert redone.value.document_ref == ref


def test_accepting_a_person_reports_people_changed(sample_catalogue: Catalogue) -> None:
    ref = next(
        r
        for r in live_references(sample_catalogue)
        if any(
            t.kind == "mention" and t.status == "suggested"
            for t in document_view(sample_catalogue, r).tags
        )
    )
    tag = _first_suggestion(sample_catalogue, ref, "mention")
    done = tagging.accept(sample_catalogue, kind="mention", tag_id=tag.id)
    assert done.changes.people
    accepted = next(t for t in document_view(sample_catalogue, ref).tags if t.key == tag.key)
    assert accepted.agent_name  # linked to a person record in the same change


def test_rejected_suggestions_stay_rejected_when_suggesting_again(
    sample_catalogue: Catalogue,
) -> None:
    ref = live_references(sample_catalogue)[0]
    tag = _first_suggestion(sample_catalogue, ref, "figure")
    tagging.reject(sample_catalogue, kind="figure", tag_id=tag.id)
    result = suggest_tags(sample_catalogue, refs=[ref]).value[0]
    assert result.total == 0 and result.skipped_existing > 0
    assert all(t.key != tag.key for t in document_view(sample_catalogue, ref).tags)


def test_suggest_commits_each_document_and_stops_when_cancelled(
    sample_catalogue: Catalogue,
) -> None:
    refs = live_references(sample_catalogue)
    seen: list[str] = []
    done = suggest_tags(
        sample_catalogue,
        refs=refs,
        accept=True,
        progress=lambda n, total, ref: seen.append(ref),
        cancelled=lambda: len(seen) >= 2,
    )
    assert [r.reference for r in done.value] == refs[:2]
    assert all(r.accepted > 0 for r in done.value)
    for ref in refs[:2]:
        assert not [t for t in document_view(sample_catalogue, ref).tags if t.status == "suggested"]
    assert [t for t in document_view(sample_catalogue, refs[2]).tags if t.status == "suggested"]


def test_trash_and_restore_change_the_list(sample_catalogue: Catalogue) -> None:
    refs = live_references(sample_catalogue)
    before = count_in(sample_catalogue, Scope("library"))
    done = documents.move_to_trash(sample_catalogue, refs=refs[:1])
    assert done.changes.documents is None  # the set of documents changed
    assert count_in(sample_catalogue, Scope("library")) == before - 1
    assert count_in(sample_catalogue, Scope("trash")) == 1
    documents.restore_from_trash(sample_catalogue, refs=refs[:1])
    assert count_in(sample_catalogue, Scope("trash")) == 0


def test_a_collection_scope_includes_sub_collections(sample_catalogue: Catalogue) -> None:
    refs = live_references(sample_catalogue)
    top = collections.new_collection(sample_catalogue, name="Inquiry").value
    sub = collections.new_collection(sample_catalogue, name="Letters", parent_id=top).value
    assert collections.file_documents(sample_catalogue, collection_id=sub, refs=refs[:2]).value == 2
    found = list_ids(
        sample_catalogue,
        scope=Scope("collection", collection_id=top),
        text="",
        sort_key="ref",
        descending=False,
    )
    assert refs_of(sample_catalogue, found.ids) == refs[:2]


def test_a_broken_saved_search_is_refused_and_nothing_is_written(
    sample_catalogue: Catalogue,
) -> None:
    events = _events(sample_catalogue)
    with pytest.raises(ValueError):
        collections.save_search(sample_catalogue, name="Broken", query='"unclosed')
    assert collections.saved_searches(sample_catalogue) == []
    assert _events(sample_catalogue) == events
    collections.save_search(sample_catalogue, name="Dam", query="dam")
    assert [name for _i, name, _q in collections.saved_searches(sample_catalogue)] == ["Dam"]


def test_list_rows_and_a_refused_search(sample_catalogue: Catalogue) -> None:
    refused = list_ids(
        sample_catalogue, scope=Scope(), text='"unclosed', sort_key="ref", descending=False
    )
    assert refused.ids == [] and refused.error
    found = list_ids(
        sample_catalogue, scope=Scope(), text="dam", sort_key="match", descending=False
    )
    assert found.ids and found.terms
    rows = rows_of(sample_catalogue, [*found.ids, 10**9], review=True, removed="gone")
    assert rows[10**9].title == "gone"
    assert all(rows[i].ref.startswith("CAT-") for i in found.ids)


def test_changes_combine() -> None:
    a = Changes(documents=frozenset({"CAT-000001"}), people=True)
    b = Changes(tags_of=frozenset({"CAT-000002"}))
    assert (a | b) == Changes(
        documents=frozenset({"CAT-000001"}), tags_of=frozenset({"CAT-000002"}), people=True
    )
    assert (a | Changes(documents=None)).documents is None
