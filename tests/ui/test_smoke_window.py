"""The smoke test's window step: open the main window on a catalogue, then close it."""

from __future__ import annotations

from pathlib import Path

from desktop.launch.smoke import open_and_close_window


def test_the_window_step_opens_and_closes_the_main_window(
    catalogue_path: Path,
    tmp_path: Path,
    qapp,  # type: ignore[no-untyped-def]
) -> None:
    settings = tmp_path / "smoke-settings.ini"
    detail = open_and_close_window(catalogue_path, settings)
    # open_and_close_window itself fails unless the window became visible, then hidden.
    assert detail.startswith("main window shown and closed on the 'offscreen' platform")
    assert "Catena" in detail  # the window title
