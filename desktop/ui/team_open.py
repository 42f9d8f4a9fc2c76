"""Opening a team catalogue (a PostgreSQL URL) from the window, asking for a password
at most once per session.

libpq finds a password itself in ``~/.pgpass`` or ``PGPASSWORD``; only when the server
still asks for one does the window ask the person, and it keeps what they typed in
this process's memory (``_SESSION_PASSWORDS``), keyed by the URL without password, so
reopening the catalogue, or opening it from Open Recent, does not ask again. Nothing
with a password is ever written: recent catalogues hold ``without_password``.

What the person's server role may do is found on opening (``desktop.core.team.probe``)
and kept beside the open catalogue (``access_for``), so the window can say where it is
and switch changes off for a reader without asking the server again.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from db.catalogue import Catalogue
from desktop.core import team

PasswordAsker = Callable[[str, QWidget | None], str | None]

_SESSION_PASSWORDS: dict[str, str] = {}
_ACCESS: weakref.WeakKeyDictionary[Catalogue, team.ServerAccess] = weakref.WeakKeyDictionary()


def _ask_with_dialog(prompt: str, parent: QWidget | None) -> str | None:
    password, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("TeamOpen", "Password"),
        prompt,
        QLineEdit.EchoMode.Password,
    )
    return password if ok and password else None


ask_password: PasswordAsker = _ask_with_dialog
"""How the window asks for a password (tests replace it)."""


def forget_passwords() -> None:
    """Forget every password typed this session."""
    _SESSION_PASSWORDS.clear()


def access_for(catalogue: Catalogue) -> team.ServerAccess | None:
    """The person's role on *catalogue*'s server, as found when it was opened (asked
    now, once, for a server catalogue opened some other way); None for a folder, or
    when the server cannot say."""
    if not catalogue.on_server:
        return None
    if catalogue not in _ACCESS:
        try:
            found = team.access_of(catalogue)
        except team.TeamError:
            return None
        if found is not None:
            _ACCESS[catalogue] = found
    return _ACCESS.get(catalogue)


def remembered_name(catalogue: Catalogue) -> str:
    """What Open Recent keeps for *catalogue*: its folder, or its URL without password."""
    if catalogue.on_server and catalogue.url:
        return team.without_password(catalogue.url)
    return catalogue.location


def open_server_catalogue(location: str, *, parent: QWidget | None = None) -> Catalogue:
    """Open the team catalogue at *location*; raises ``team.TeamError`` (a
    ``CatalogueError``) with one line. Asks for a password when libpq had none, or a
    remembered one was refused; a password typed is kept for this session only."""
    key = team.without_password(location)
    typed = team.password_in(location)
    password = typed or _SESSION_PASSWORDS.get(key)
    asked = False
    while True:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            catalogue, access = team.open_team_catalogue(team.with_password(key, password))
        except team.PasswordNeeded as exc:
            _SESSION_PASSWORDS.pop(key, None)
            if asked or typed:
                raise
            prompt = QCoreApplication.translate(
                "TeamOpen", "{reason}.\nPassword for {user} (kept until Catena closes):"
            ).format(
                reason=str(exc)[:1].upper() + str(exc)[1:], user=team.parsed(key).username or ""
            )
            password = ask_password(prompt, parent)
            if not password:
                raise team.TeamError(f"{key} was not opened: no password given") from None
            asked = True
            continue
        finally:
            QGuiApplication.restoreOverrideCursor()
        if password:
            _SESSION_PASSWORDS[key] = password
        _ACCESS[catalogue] = access
        return catalogue
