"""The window's import stores the files first and suggests their tags in a background
pass shown in the status bar, which can be stopped (issue 23)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QProgressBar, QToolButton
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import DateTag, Document
from db.pending_suggestions import PENDING_FLAG, count_pending
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.ui.app import open_window
from desktop.ui.suggestion_pass import SuggestionPass
from desktop.ui.tasks import ImmediateRunner

LETTER = "On 3 May 1911 the storm sank 40 boats, said Harbour Master Ellen Voss.\n"


def _pending(catalogue: Catalogue) -> int:
    with catalogue.reading() as session:
        return count_pending(session)


def test_window_import_suggests_in_a_pass_after_it(  # type: ignore[no-untyped-def]
    catalogue: Catalogue, make_window, write_texts, qtbot
) -> None:
    window = make_window(catalogue)
    with qtbot.waitSignal(window.suggestion_pass_finished) as blocker:
        window.import_files([write_texts({"a.txt": LETTER, "b.txt": "A note.\n"})])
    report = blocker.args[0]
    assert (report.done, report.remaining) == (2, 0)
    assert _pending(catalogue) == 0
    with catalogue.reading() as session:
        assert session.scalars(select(DateTag.edtf)).all() == ["1911-05-03"]
    assert "Tags suggested for 2 document(s)" in window.statusBar().currentMessage()
    # the pass's bar and Stop button are taken out of the status bar
    bar = window.statusBar().findChild(QProgressBar, "suggestionPassProgress")
    assert bar is None or bar.isHidden()
    assert window.suggestion_pass is not None and not window.suggestion_pass.running


def test_window_import_without_suggestions_runs_no_pass(  # type: ignore[no-untyped-def]
    catalogue: Catalogue, make_window, write_texts, qtbot
) -> None:
    window = make_window(catalogue)
    with qtbot.waitSignal(window.import_finished):
        window.import_files([write_texts({"a.txt": LETTER})], suggest=False)
    assert window.suggestion_pass is None
    with catalogue.reading() as session:
        assert session.scalars(select(DateTag)).all() == []
        assert all(PENDING_FLAG not in f for f in session.scalars(select(Document.flags)))


def test_a_stopped_pass_leaves_the_rest_pending_and_says_so(  # type: ignore[no-untyped-def]
    catalogue: Catalogue, make_window, write_texts, qtbot
) -> None:
    folder = write_texts({"a.txt": LETTER, "b.txt": "A note.\n"})
    import_paths(catalogue, [folder], options=ImportOptions(workers=1, defer_suggestions=True))
    window = make_window(catalogue)
    job = SuggestionPass(catalogue=catalogue, runner=window.runner, status=window.statusBar())
    window.suggestion_pass = job
    job.finished.connect(window._suggestion_pass_done)
    stop = job.stop_button
    assert isinstance(stop, QToolButton) and stop.text() == "Stop"
    job.stop()  # before any batch: nothing is stored
    with qtbot.waitSignal(window.suggestion_pass_finished) as blocker:
        job.start()
    report = blocker.args[0]
    assert report.cancelled and report.done == 0 and report.remaining == 2
    assert _pending(catalogue) == 2
    assert "Suggestions pending for 2 document(s)" in window.statusBar().currentMessage()
    # the next pass (here: after the next import) does them
    with qtbot.waitSignal(window.suggestion_pass_finished) as blocker:
        window.import_files([write_texts({"c.txt": "Another note.\n"}, folder="more")])
    assert blocker.args[0].done == 3 and _pending(catalogue) == 0


def test_opening_a_catalogue_with_documents_still_pending_suggests_them(  # type: ignore[no-untyped-def]
    catalogue: Catalogue, make_window, write_texts, qtbot, tmp_path
) -> None:
    # Another catalogue, imported from the command line with --defer-suggestions.
    other = Catalogue.open(tmp_path / "Deferred.catena", create=True, daily_backup=False)
    with other:
        folder = write_texts({"a.txt": LETTER, "b.txt": "A note.\n"})
        import_paths(other, [folder], options=ImportOptions(workers=1, defer_suggestions=True))
        assert _pending(other) == 2
    window = make_window(catalogue)
    assert window.suggestion_pass is None  # nothing pending here
    with qtbot.waitSignal(window.suggestion_pass_finished) as blocker:
        assert window.switch_catalogue(tmp_path / "Deferred.catena")
    report = blocker.args[0]
    assert (report.done, report.remaining) == (2, 0)
    assert _pending(window.catalogue) == 0
    with window.catalogue.reading() as session:
        assert session.scalars(select(DateTag.edtf)).all() == ["1911-05-03"]
    assert "Tags suggested for 2 document(s)" in window.statusBar().currentMessage()


def test_nothing_pending_or_nothing_writable_starts_no_pass(  # type: ignore[no-untyped-def]
    catalogue: Catalogue, make_window, write_texts
) -> None:
    window = make_window(catalogue)
    window.resume_suggestion_pass()
    assert window.suggestion_pass is None  # nothing pending
    folder = write_texts({"a.txt": LETTER})
    import_paths(catalogue, [folder], options=ImportOptions(workers=1, defer_suggestions=True))
    window.import_action.setEnabled(False)  # as for read-only media or a reader's role
    window.resume_suggestion_pass()
    assert window.suggestion_pass is None and _pending(catalogue) == 1


def test_the_application_starts_on_a_catalogue_by_suggesting_what_waits(  # type: ignore[no-untyped-def]
    write_texts, qtbot, settings, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "Deferred.catena"
    with Catalogue.open(path, create=True, daily_backup=False) as deferred:
        folder = write_texts({"a.txt": LETTER, "b.txt": "A note.\n"})
        import_paths(deferred, [folder], options=ImportOptions(workers=1, defer_suggestions=True))
    window = open_window(path, create=False, settings=settings, runner=ImmediateRunner())
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.isVisible() and window.suggestion_pass is not None
        assert _pending(window.catalogue) == 0
        with window.catalogue.reading() as session:
            assert session.scalars(select(DateTag.edtf)).all() == ["1911-05-03"]
        assert "Tags suggested for 2 document(s)" in window.statusBar().currentMessage()
    finally:
        window.catalogue.close()
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    (tmp_path / "Not a catalogue.catena").write_text("a plain file\n")
    missing = open_window(
        tmp_path / "Not a catalogue.catena",
        create=False,
        settings=settings,
        runner=ImmediateRunner(),
    )
    assert missing is None and len(said) == 1 and "\n" not in said[0].strip()
