"""The status bar's permanent labels leave room for its passing messages.

A server label such as ``db.example.org:5432/campaign_2024 · a_long_role_name (reader)``
and a read-only notice naming the role once took the whole bar, so a message like
"Failed: …" was cut after a few words and ran into the document count.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.ui.window_team import SHORT_LABEL_CHARACTERS, _show_short

LONG = (
    "db.example.org:5432/evidence_catalogue_of_the_campaign_2024 · "
    "catena_archivist_with_a_rather_long_role_name (reader)"
)


def test_a_long_label_is_cut_in_the_middle_and_told_whole_in_its_tooltip(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    _show_short(label, LONG, LONG)
    shown = label.text()
    metrics = label.fontMetrics()
    assert "…" in shown and len(shown) < len(LONG)
    assert shown.startswith("db.example.org") and shown.endswith("(reader)")
    assert metrics.horizontalAdvance(shown) <= metrics.averageCharWidth() * SHORT_LABEL_CHARACTERS
    assert label.toolTip() == LONG and label.accessibleDescription() == LONG


def test_a_short_label_is_shown_as_it_is(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    _show_short(label, "Read-only", "Read-only for ana: changes are disabled")
    assert label.text() == "Read-only"
    assert label.toolTip() == "Read-only for ana: changes are disabled"


def test_an_empty_label_clears_its_tooltip(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    _show_short(label, LONG, LONG)
    _show_short(label, "", "")
    assert label.text() == "" and label.toolTip() == ""
