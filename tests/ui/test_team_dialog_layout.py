"""The Open Team Catalogue dialog as a person first sees it: its grey hints read whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit

from desktop.ui.team_dialog import TeamCatalogueDialog


def _never_opens(*_args: Any, **_kwargs: Any) -> None:
    raise AssertionError("nothing is opened by looking at the dialog")


def test_the_server_and_url_hints_are_not_clipped(qtbot: Any) -> None:
    dialog = TeamCatalogueDialog(_never_opens)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for field in dialog.findChildren(QLineEdit):
        hint = field.placeholderText()
        if not hint:
            continue
        room = field.contentsRect().width() - field.textMargins().left() - 6
        assert field.fontMetrics().horizontalAdvance(hint) <= room, (field.objectName(), hint)
