"""The Events view: its models, and each action through the Workbench (undo, redo)
refreshing the view from the catalogue."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex

from db.catalogue import Catalogue
from desktop.core import claim_links, event_records
from desktop.core.event_claims import linked_claims
from desktop.ui.event_dialog import EventForm, edit_arguments
from desktop.ui.events_view import EventsView, event_nodes


def _two_events(catalogue: Catalogue) -> tuple[str, str]:
    """The samples' dam failure and, within it, the inquiry into it."""
    dam = event_records.create_event_record(
        catalogue,
        name="Halvern dam failure",
        place="Halvern",
        edtf="1987-03-13",
        kind="disaster",
        variants=["Halvern Dam Failure", "Halvern embankment collapse"],
    ).value.ref
    inquiry = event_records.create_event_record(
        catalogue,
        name="Commission of Inquiry into the Halvern Dam Failure",
        edtf="1987-04/1987-06",
        kind="inquiry",
        parent_ref=dam,
    ).value.ref
    return dam, inquiry


def _names(window: Any) -> list[str]:
    return [row.name for row in window.events_view.rows]


def _open_events(window: Any, qtbot: Any) -> None:
    with qtbot.waitSignal(window.view_loaded):
        assert window.sidebar.choose("events")
    assert window.pages.currentWidget() is window.events_view


def test_events_models_pass_qtmodeltester(
    sample_catalogue: Catalogue, qtmodeltester, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, inquiry = _two_events(sample_catalogue)
    claim_links.suggest_event_links(sample_catalogue)
    view = EventsView()
    qtbot.addWidget(view)
    qtmodeltester.check(view.model, force_py=True)
    view.set_rows(event_records.event_record_rows(sample_catalogue))
    qtmodeltester.check(view.model, force_py=True)
    top = view.model.index(0, 0)
    assert top.data() == "Halvern dam failure"
    assert view.model.index(0, 3).data() == "Halvern"
    assert view.model.rowCount(top) == 1  # the inquiry sits within the dam failure
    assert view.model.index(0, 0, top).data().startswith("Commission of Inquiry")
    assert view.model.index(0, 1).data() != "1987-03-13"  # the date in words, not EDTF
    claims = linked_claims(sample_catalogue, dam)
    view.show_detail(event_records.event_record_detail(sample_catalogue, dam), claims)
    qtmodeltester.check(view.claims, force_py=True)
    assert view.claims.rowCount() == len(claims) > 0
    assert view.claims.index(0, 4).data() == "? suggested"
    assert "Halvern embankment collapse" in view.detail.text()
    assert "Place: Halvern" in view.detail.text()
    assert inquiry not in {c.document_ref for c in claims}


def test_event_nodes_follow_depth() -> None:
    rows = [
        event_records.EventRecordRow("EV-1", "War", None, None, None, "", None, 0, (), 0, 0),
        event_records.EventRecordRow("EV-2", "Siege", None, None, None, "", "EV-1", 1, (), 2, 1),
        event_records.EventRecordRow("EV-3", "Raid", None, None, None, "", "EV-2", 2, (), 0, 0),
        event_records.EventRecordRow("EV-4", "Truce", None, None, None, "", None, 0, (), 0, 0),
    ]
    nodes = event_nodes(rows)
    assert [n.texts[0] for n in nodes] == ["War", "Truce"]
    assert nodes[0].children[0].texts[:1] + nodes[0].children[0].children[0].texts[:1] == [
        "Siege",
        "Raid",
    ]
    assert nodes[0].children[0].texts[4:] == ["2", "1"]


def test_edit_arguments_hold_only_what_changed() -> None:
    old = EventForm(name="Flood", variants=("Flut",), place="Halvern", kind="disaster")
    new = EventForm(name="Flood", variants=("Crue",), place="", kind="disaster", notes="n")
    assert edit_arguments(old, new) == {
        "place": "",
        "notes": "n",
        "add_names": ["Crue"],
        "remove_names": ["Flut"],
    }
    assert edit_arguments(old, old) == {}


def test_new_event_action_then_undo_and_redo(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    asked: list[tuple[str, int]] = []

    def ask(title: str, rows: Any, form: Any, own_ref: str) -> EventForm:
        asked.append((title, len(rows)))
        return EventForm(name="Halvern flood", variants=("Halvern Flut",), edtf="1987-03")

    window.ask_event = ask
    window.new_event()
    assert asked == [("New Event", 2)]
    assert "Halvern flood" in _names(window)
    assert window.events_view.current_ref() == next(
        r.ref for r in window.events_view.rows if r.name == "Halvern flood"
    )
    assert "Halvern Flut" in window.events_view.detail.text()
    window.bench.undo_stack.undo()
    assert "Halvern flood" not in _names(window)
    stored = event_records.event_record_rows(sample_catalogue)
    assert "Halvern flood" not in [r.name for r in stored]
    window.bench.undo_stack.redo()
    assert "Halvern flood" in _names(window)


def test_a_refused_event_says_why_in_one_line(
    sample_catalogue: Catalogue, make_window, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import desktop.ui.main_window as module

    warnings: list[str] = []
    monkeypatch.setattr(module.QMessageBox, "warning", lambda _w, _t, text: warnings.append(text))
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    window.ask_event = lambda *_args: EventForm(name="Flood", edtf="not a date")
    window.new_event()
    assert len(warnings) == 1 and "\n" not in warnings[0] and "Traceback" not in warnings[0]
    assert "date" in warnings[0].lower()
    assert _names(window) == [] and window.bench.undo_stack.count() == 0


def test_edit_and_merge_then_undo(sample_catalogue: Catalogue, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dam, inquiry = _two_events(sample_catalogue)
    flood = event_records.create_event_record(sample_catalogue, name="Halvern flood").value.ref
    claim_links.suggest_event_links(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    window.ask_event = lambda _t, _r, form, _o: EventForm(
        name=form.name, variants=form.variants, kind="flood"
    )
    window.edit_event(flood)
    assert next(r for r in window.events_view.rows if r.ref == flood).kind == "flood"
    offered: list[list[str]] = []

    def choose(merged: Any, others: Any) -> str:
        offered.append([o.ref for o in others])
        return dam

    window.ask_merge_target = choose
    assert window.events_view.select_ref(flood)
    window.events_view.merge_button.click()
    assert offered == [[dam, inquiry]]
    assert flood not in {r.ref for r in window.events_view.rows}
    assert window.events_view.current_ref() == dam
    assert "Halvern flood" in window.events_view.detail.text()  # now a name of the dam
    window.bench.undo_stack.undo()
    assert flood in {r.ref for r in window.events_view.rows}
    names = event_records.event_record_detail(sample_catalogue, dam).names
    assert "Halvern flood" not in [name for name, _script in names]
    window.bench.undo_stack.undo()
    assert next(r for r in window.events_view.rows if r.ref == flood).kind is None


def test_confirm_and_clear_a_link_then_undo(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, _inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    window.events_view.suggest_button.click()  # ImmediateRunner: done at once
    assert "event link(s) suggested in 4 document(s)" in window.statusBar().currentMessage()
    assert window.events_view.select_ref(dam)
    view = window.events_view
    before = len(view.claims.records)
    first = view.claims.record(0)
    view.select_claim(0)
    view.confirm_button.click()
    assert window.events_view.current_ref() == dam
    assert view.claims.record(0) == first.__class__(**{**first.__dict__, "status": "accepted"})
    window.bench.undo_stack.undo()
    assert view.claims.record(0).status == "suggested"
    view.select_claim(0)
    view.clear_button.click()
    assert len(view.claims.records) == before - 1
    linked = {(c.kind, c.tag_id) for c in linked_claims(sample_catalogue, dam)}
    assert (first.kind, first.tag_id) not in linked
    window.bench.undo_stack.undo()
    assert view.claims.record(0) == first
    window.bench.undo_stack.undo()  # the whole suggestion run
    assert linked_claims(sample_catalogue, dam) == [] and view.claims.records == []


def test_the_view_follows_changes_made_elsewhere(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dam, _inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    assert window.events_view.select_ref(dam)
    catalogue = sample_catalogue
    window.bench.event_op(
        "rename",
        lambda: event_records.edit_event_record(catalogue, ref=dam, name="Halvern disaster"),
    )
    assert "Halvern disaster" in _names(window)
    assert window.events_view.detail.text().startswith("Halvern disaster")
    assert window.sidebar.choose("library")  # hidden: changes only mark it stale
    window.bench.event_op("trash", lambda: event_records.trash_event_record(catalogue, ref=dam))
    assert "Halvern disaster" in _names(window)
    _open_events(window, qtbot)
    assert _names(window) == ["Commission of Inquiry into the Halvern Dam Failure"]
    window.bench.undo_stack.undo()
    assert "Halvern disaster" in _names(window)


def test_the_sidebar_and_view_menu_lead_to_events(
    sample_catalogue: Catalogue, make_window, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(sample_catalogue)
    action = next(a for a in window.menuBar().actions() if a.text() == "&View")
    events = next(a for a in action.menu().actions() if a.text() == "&Events")
    assert events.shortcut().toString() == "Ctrl+8"
    with qtbot.waitSignal(window.view_loaded):
        events.trigger()
    assert window.pages.currentWidget() is window.events_view
    assert window.events_view.tree.currentIndex() == QModelIndex()


class _DeferredRunner:
    """Holds each job until the test runs it, as a busy thread pool would."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Any, Any, Any]] = []

    def run(self, work: Any, *, on_done: Any, on_error: Any) -> None:
        self.jobs.append((work, on_done, on_error))

    def events_jobs(self) -> int:
        return sum("load_events" in work.__qualname__ for work, _d, _e in self.jobs)

    def finish_all(self) -> None:
        while self.jobs:
            work, on_done, _on_error = self.jobs.pop(0)
            on_done(work())


def test_changes_during_a_load_cost_one_more_load_not_one_each(
    sample_catalogue: Catalogue, make_window
) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.changes import Changes

    dam, _inquiry = _two_events(sample_catalogue)
    runner = _DeferredRunner()
    window = make_window(sample_catalogue, runner)
    runner.finish_all()
    window.sidebar.choose("events")
    assert runner.events_jobs() == 1
    for _ in range(3):  # e.g. a suggestion run announcing three documents
        window.bench.announce(Changes(event_records=True))
    assert runner.events_jobs() == 1
    event_records.trash_event_record(sample_catalogue, ref=dam)  # after the first read began
    runner.finish_all()  # the first read, then the one more it queued
    assert runner.events_jobs() == 0
    assert _names(window) == ["Commission of Inquiry into the Halvern Dam Failure"]


def test_trash_button_then_undo(sample_catalogue: Catalogue, make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dam, inquiry = _two_events(sample_catalogue)
    window = make_window(sample_catalogue)
    _open_events(window, qtbot)
    assert window.events_view.select_ref(inquiry)
    window.events_view.trash_button.click()
    assert [r.ref for r in window.events_view.rows] == [dam]
    assert "moved to the Trash" in window.statusBar().currentMessage()
    assert window.events_view.current_ref() == ""  # gone, so nothing is selected
    window.bench.undo_stack.undo()
    assert [r.ref for r in window.events_view.rows] == [dam, inquiry]
