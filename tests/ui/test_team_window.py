"""The window on a team catalogue (PostgreSQL): opening one from File ▸ Open Team
Catalogue…, the password asked once per session and never remembered, one-line
refusals, a reader's read-only window, and other people's changes appearing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.team_fixtures import TeamServer, team_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamServer]:
    yield from team_server(tmp_path_factory.mktemp("team_objects"))


class Prompts(list[str]):
    """The password prompts shown; ``answers`` are what the person types, in turn."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[str | None] = []

    def __call__(self, prompt: str, _parent: object) -> str | None:
        self.append(prompt)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[Prompts]:
    """The password prompt replaced (and no PGPASSWORD nor ~/.pgpass to find one)."""
    from desktop.ui import team_open

    prompts = Prompts()
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    monkeypatch.setattr(team_open, "ask_password", prompts)
    team_open.forget_passwords()
    yield prompts
    team_open.forget_passwords()


@pytest.fixture
def team_window(qtbot, settings, catalogue):  # type: ignore[no-untyped-def]
    """The window on a folder catalogue, opening others as the application does."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.opening import open_catalogue
    from desktop.ui.tasks import ImmediateRunner

    runner = ImmediateRunner()
    window = MainWindow(
        catalogue,
        runner=runner,
        settings=settings,
        open_catalogue=lambda p: open_catalogue(p, runner=runner),
    )
    qtbot.addWidget(window)
    window.show()
    yield window
    window._poll_timer.stop()
    if window.catalogue is not catalogue:
        window.catalogue.close()


def _open_in_dialog(window, location: str):  # type: ignore[no-untyped-def]
    dialog = window.choose_team_catalogue()
    dialog.set_location(location)
    dialog.try_open()
    return dialog


def test_reader_opens_read_only_with_password_asked_once_and_never_remembered(
    team_window, server: TeamServer, asked: Prompts
) -> None:
    reader = server.add_role("reader")
    password = server.passwords[reader]
    asked.answers.append(password)
    location = server.login_url(reader)

    dialog = _open_in_dialog(team_window, location)

    assert not dialog.problem.isVisible(), dialog.problem.text()
    catalogue = team_window.catalogue
    assert catalogue.on_server and catalogue.read_only
    assert len(asked) == 1 and reader in asked[0]
    label = team_window.server_label.toolTip()  # the whole story; the bar shows it cut
    assert f"127.0.0.1:5432/{server.database}" in label and reader in label and "reader" in label
    assert server.database in team_window.windowTitle()
    assert team_window.read_only_label.isVisible()
    assert team_window.read_only_label.text() == "Read-only"
    assert reader in team_window.read_only_label.toolTip()
    assert not team_window.import_action.isEnabled()
    # Search works for a reader: the samples are all there and a word finds some.
    assert team_window.model.rowCount() == 4
    team_window.filter_edit.setText("Halvern")
    team_window.apply_filter()
    assert 0 < team_window.model.rowCount() <= 4
    # Remembered without the password (neither in clear nor masked).
    recent = team_window.recent_catalogues()
    assert recent[0] == location
    assert password not in str(recent) and "***" not in str(recent)
    # Opened again this session (Open Recent): the password is not asked again.
    assert team_window.switch_catalogue(recent[0])
    assert len(asked) == 1
    assert team_window.catalogue.read_only


def test_wrong_password_is_one_line_and_the_open_catalogue_stays(
    team_window, server: TeamServer, asked: Prompts
) -> None:
    reader = server.add_role("reader")
    asked.answers.append("not-the-password")
    before = team_window.catalogue

    dialog = _open_in_dialog(team_window, server.login_url(reader))

    assert dialog.problem.text() == f"wrong password for {reader} on 127.0.0.1:5432"
    assert team_window.catalogue is before and dialog.isVisible()


@pytest.mark.parametrize("what", ["unreachable", "not_catena", "no_permission", "no_database"])
def test_refusals_are_one_line_naming_what_was_wrong(
    team_window, server: TeamServer, asked: Prompts, what: str
) -> None:
    from tests.pg_catalogues import scratch_database

    editor = server.add_role("editor")
    nobody = server.add_role("none")
    asked.answers.append(server.passwords[nobody if what == "no_permission" else editor])
    if what == "unreachable":
        location, expected = (
            server.login_url(editor, port=1),
            "cannot reach the PostgreSQL server 127.0.0.1:1; is it running?",
        )
    elif what == "no_permission":
        location = server.login_url(nobody)
        expected = (
            f"no permission: {nobody} may not read the catalogue {server.database} "
            "on 127.0.0.1:5432"
        )
    elif what == "no_database":
        location = server.login_url(editor).replace(server.database, "catena_test_pgwindow_none")
        expected = "there is no database catena_test_pgwindow_none on 127.0.0.1:5432"
    else:
        location, expected = "", ""
    before = team_window.catalogue
    if what == "not_catena":
        with scratch_database("pgwindow") as other:
            other_url = other  # the superuser over the socket: an empty database
            dialog = _open_in_dialog(team_window, other_url)
            name = other_url.rsplit("/", 1)[1].split("?")[0]
            expected = f"{name} on local socket is not a Catena catalogue"
            assert dialog.problem.text() == expected
    else:
        dialog = _open_in_dialog(team_window, location)
        assert dialog.problem.text() == expected
    assert "\n" not in dialog.problem.text() and "Traceback" not in dialog.problem.text()
    assert team_window.catalogue is before


def test_changes_by_another_person_appear_on_poll_and_refresh(
    team_window, server: TeamServer, asked: Prompts, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication, QLineEdit

    from db.catalogue import Catalogue
    from desktop.ingest.pipeline import import_paths

    editor = server.add_role("editor")
    asked.answers.append(server.passwords[editor])
    _open_in_dialog(team_window, server.login_url(editor))
    window = team_window
    assert window.catalogue.on_server and not window.catalogue.read_only
    assert window.import_action.isEnabled()
    shown = window.model.rowCount()
    window.poll_for_changes()  # nothing new: no reload
    assert window.refreshes_from_others == 0

    note = tmp_path / "colleague.txt"
    note.write_text("A letter from the Halvern archive, 3 March 1921.", encoding="utf-8")
    with Catalogue.open(server.admin_url, actor="colleague", daily_backup=False) as other:
        import_paths(other, [note])

    assert window.model.rowCount() == shown  # not yet seen
    window.poll_for_changes()
    assert window.refreshes_from_others == 1
    assert window.model.rowCount() == shown + 1
    assert str(shown + 1) in window.count_label.text()

    # The window's own change moves the trail too, but is not someone else's.
    window.poll_for_changes()
    ref = window.model.ref_at(0)
    window.bench.edit_metadata(ref, {"title": "Edited in this window"})
    window.poll_for_changes()
    assert window.refreshes_from_others == 1

    # A colleague with the same login name as this window's: seen while idle.
    third = tmp_path / "third.txt"
    third.write_text("A receipt from the Halvern mill, 9 June 1923.", encoding="utf-8")
    with Catalogue.open(
        server.admin_url, actor=window.catalogue.actor, daily_backup=False
    ) as other:
        import_paths(other, [third])
    window.poll_for_changes()
    assert window.refreshes_from_others == 2
    assert window.model.rowCount() == shown + 2

    # While the person types in the inspector, the reload waits for the next poll.
    fourth = tmp_path / "fourth.txt"
    fourth.write_text("A note from the Halvern engineer, 2 July 1923.", encoding="utf-8")
    with Catalogue.open(server.admin_url, actor="colleague", daily_backup=False) as other:
        import_paths(other, [fourth])
    window.select_ref(window.model.ref_at(0))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.inspector.setCurrentWidget(window.metadata)
    typing_in = next(e for e in window.metadata.findChildren(QLineEdit) if e.isVisible())
    typing_in.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is typing_in)
    window.poll_for_changes()
    assert window.refreshes_from_others == 2 and window.model.rowCount() == shown + 2
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    window.poll_for_changes()
    assert window.refreshes_from_others == 3 and window.model.rowCount() == shown + 3

    # F5 reloads at once, without waiting for the poll.
    second = tmp_path / "second.txt"
    second.write_text("Minutes of the Halvern council, 4 April 1922.", encoding="utf-8")
    with Catalogue.open(server.admin_url, actor="colleague", daily_backup=False) as other:
        import_paths(other, [second])
    window.refresh_action.trigger()
    assert window.model.rowCount() == shown + 4


def test_the_team_dialog_is_reachable_by_name_and_keyboard(team_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_accessibility import (
        _labels_without_buddies,
        _show,
        interactive_count,
        tab_round,
        unnamed_controls,
    )

    dialog = team_window.choose_team_catalogue()
    assert interactive_count(dialog) >= 6
    assert unnamed_controls(dialog) == []
    assert _labels_without_buddies(dialog) == []
    _show(dialog, qtbot)
    _reached, came_back = tab_round(dialog, qtbot)
    assert came_back
    dialog.close()


def test_fields_and_url_fill_each_other_without_a_password(team_window) -> None:  # type: ignore[no-untyped-def]
    dialog = team_window.choose_team_catalogue()
    dialog.host.setText("archive.example.org")
    dialog.host.textEdited.emit("archive.example.org")
    dialog.database.setText("halvern")
    dialog.database.textEdited.emit("halvern")
    dialog.user.setText("ana")
    dialog.user.textEdited.emit("ana")
    assert dialog.location() == "postgresql+psycopg://ana@archive.example.org/halvern"
    dialog.url.setText("postgresql://ben@db.local:5433/team")
    dialog.url.textEdited.emit(dialog.url.text())
    assert (dialog.host.text(), dialog.port.value()) == ("db.local", 5433)
    assert (dialog.database.text(), dialog.user.text()) == ("team", "ben")
    dialog.url.setText("mysql://x@y/z")
    dialog.try_open()
    assert dialog.problem.text().startswith("not a PostgreSQL URL")
    dialog.close()


def test_a_tagger_tags_but_a_change_the_server_refuses_is_one_line(
    team_window, server: TeamServer, asked: Prompts, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    tagger = server.add_role("tagger")
    asked.answers.append(server.passwords[tagger])
    _open_in_dialog(team_window, server.login_url(tagger))
    window = team_window
    assert not window.catalogue.read_only and "(tagger)" in window.server_label.toolTip()
    assert not window.import_action.isEnabled()  # importing makes documents
    shown: list[str] = []
    monkeypatch.setattr(window, "_show_error", shown.append)
    window.bench.error.disconnect()
    window.bench.error.connect(shown.append)
    ref = window.model.ref_at(0)

    assert window.bench.edit_metadata(ref, {"title": "Renamed by a tagger"}) is None

    assert len(shown) == 1 and "\n" not in shown[0]
    assert shown[0].startswith("your PostgreSQL role may not do this (permission denied for table")
    assert shown[0].endswith("ask the catalogue's administrator for the right you need")


def test_a_server_catalogue_opened_elsewhere_still_shows_where_and_who(
    make_window, server: TeamServer
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    from db.catalogue import Catalogue

    admin = make_url(server.admin_url).username  # the suite's superuser: all rights
    catalogue = Catalogue.open(server.admin_url, actor="tester", daily_backup=False)
    try:
        window = make_window(catalogue)
        window._poll_timer.stop()
        where = f"local socket/{server.database} · {admin} (editor)"
        assert window.server_label.toolTip() == where
        shown = window.server_label.text()  # cut in the middle when long, never reworded
        assert shown == where or (shown.startswith("local socket/") and "…" in shown)
        assert window.windowTitle() == f"Catena — {server.database} on local socket"
    finally:
        catalogue.close()
