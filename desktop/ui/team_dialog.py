"""File ▸ Open Team Catalogue…: where the team's PostgreSQL catalogue is.

A person fills in the server, the database and their login name, or pastes the URL
their administrator gave them (docs/team.md); either fills the other. There is no
password field: libpq reads ``~/.pgpass`` or ``PGPASSWORD``, and when the server still
asks, the window asks once per session (``desktop.ui.team_open``). A failure is shown
in the dialog as one line, and the dialog stays open to correct what was wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop.core import team

Attempt = Callable[[str], str | None]
"""Open the catalogue at this URL: None when it opened, else the one-line reason."""


def url_from_fields(host: str, port: int, database: str, user: str) -> str:
    """The psycopg URL for these fields; an empty host means the local socket."""
    url = URL.create(
        "postgresql+psycopg",
        username=user.strip() or None,
        host=host.strip() or None,
        port=port if host.strip() and port != 5432 else None,
        database=database.strip() or None,
    )
    return url.render_as_string(hide_password=False)


class TeamCatalogueDialog(QDialog):
    """Asks where the team catalogue is and tries to open it."""

    def __init__(self, attempt: Attempt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamCatalogueDialog")
        self.setWindowTitle(self.tr("Open Team Catalogue"))
        self._attempt = attempt
        self._syncing = False
        self.host = QLineEdit()
        self.host.setObjectName("teamHost")
        self.host.setPlaceholderText(self.tr("server name, or empty for this computer"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit()
        self.database.setObjectName("teamDatabase")
        self.user = QLineEdit()
        self.user.setObjectName("teamUser")
        self.url = QLineEdit()
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText("postgresql://user@server/database")
        self.problem = QLabel()
        self.problem.setObjectName("teamProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        note = QLabel(
            self.tr(
                "No password is stored: Catena uses ~/.pgpass or PGPASSWORD, or asks "
                "once while it is open."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&URL:"), self.url)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database, self.user):
            field.textEdited.connect(lambda _t: self._fields_to_url())
        self.port.valueChanged.connect(lambda _v: self._fields_to_url())
        self.url.textEdited.connect(lambda _t: self._url_to_fields())
        self._fit_hints()

    def _fit_hints(self) -> None:
        """Wide enough that the fields' grey hints are read whole, in any of the
        window's languages (a clipped "server name, or empt…" says nothing)."""
        widest = max(
            field.fontMetrics().horizontalAdvance(field.placeholderText())
            for field in (self.host, self.url)
        )
        margin = 4 * self.fontMetrics().averageCharWidth()  # the frame and text margins
        for field in (self.host, self.url):
            field.setMinimumWidth(widest + margin)

    def set_location(self, location: str) -> None:
        self.url.setText(location)
        self._url_to_fields()

    def _fields_to_url(self) -> None:
        if self._syncing:
            return
        self.url.setText(
            url_from_fields(
                self.host.text(), self.port.value(), self.database.text(), self.user.text()
            )
        )

    def _url_to_fields(self) -> None:
        try:
            url = make_url(self.url.text().strip())
        except ArgumentError:
            return  # still being typed
        self._syncing = True
        try:
            host = url.host or ""
            self.host.setText("" if host.startswith("/") else host)
            self.port.setValue(url.port or 5432)
            self.database.setText(url.database or "")
            self.user.setText(url.username or "")
        finally:
            self._syncing = False

    def location(self) -> str:
        return self.url.text().strip()

    def try_open(self) -> None:
        location = self.location()
        if not location:
            self.show_problem(self.tr("Give the server's address and the database's name."))
            return
        try:
            team.parsed(location)
        except team.TeamError as exc:
            self.show_problem(str(exc))
            return
        problem = self._attempt(location)
        if problem is None:
            self.accept()
        else:
            self.show_problem(problem)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
