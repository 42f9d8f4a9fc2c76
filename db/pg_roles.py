"""People and rights in a PostgreSQL catalogue: group roles, login roles, grants.

Each catalogue (one PostgreSQL database) has three group roles named after it,
``<database>_reader``, ``<database>_tagger`` and ``<database>_editor`` — roles belong
to the whole server, so a second catalogue on the same server gets its own three and
a person can be a reader of one and an editor of another. Each person logs in as
their own role, a member of one group; what each group may do is the table in
``db.pg_rights``, and the audit trail's actor is the login role, set by the server
(``db.pg_audit_guard``).

Who calls what:

* ``install_team_rights`` — by the catalogue's owner after every migration
  (``catena init postgresql://…`` and the migration on open): creates the group roles
  if missing, sets every table's grants from the rights table, installs the audit
  guard. Idempotent; runs in the caller's transaction.
* ``add_person`` / ``remove_person`` / ``team_people`` — by the owner (or any role
  with CREATEROLE) to manage people.
* ``server_actor`` — the name Catena must record as the actor of events on
  PostgreSQL, so the hashes it computes are those of what the server stores.
* ``refusal_message`` — turns PostgreSQL's "permission denied" (or the audit guard's
  refusal) into the one line a person sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from db.pg_audit_guard import install_audit_guard
from db.pg_rights import AUDIT_HEAD_SETTING, RIGHTS, SETTINGS_TABLE, may_insert, privileges
from db.sanitize import for_terminal, has_control

_MAX_NAME_BYTES = 63  # PostgreSQL's NAMEDATALEN - 1
_LOGIN_PATTERN = re.compile(r"[\w.@-]+")


class TeamRightsError(Exception):
    """Roles or rights could not be set up as asked; the message says why (one line)."""


@dataclass(frozen=True)
class TeamRoles:
    """The three group roles of one catalogue database."""

    reader: str
    tagger: str
    editor: str

    def of(self, right: str) -> str:
        if right not in RIGHTS:
            raise TeamRightsError(f"unknown right {right!r}: rights are {', '.join(RIGHTS)}")
        role: str = getattr(self, right)
        return role

    def all(self) -> tuple[str, str, str]:
        return (self.reader, self.tagger, self.editor)


def team_roles(database: str) -> TeamRoles:
    """The group role names of the catalogue in *database*."""
    names = [f"{database}_{right}" for right in RIGHTS]
    too_long = [name for name in names if len(name.encode("utf-8")) > _MAX_NAME_BYTES]
    if too_long:
        raise TeamRightsError(
            f"the database name {database!r} is too long for its role names "
            f"({too_long[0]!r} is over {_MAX_NAME_BYTES} bytes); choose a shorter name"
        )
    return TeamRoles(*names)


def roles_of_connection(connection: Connection) -> TeamRoles:
    return team_roles(str(connection.execute(text("SELECT current_database()")).scalar_one()))


def _quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def _role_exists(connection: Connection, name: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name})
    return found.first() is not None


def _tables(connection: Connection) -> list[str]:
    rows = connection.execute(
        text(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1"
        )
    )
    return [str(name) for name in rows.scalars()]


def _owned_sequences(connection: Connection) -> list[tuple[str, str]]:
    """(sequence, table) for every sequence a table's column owns (serial / identity)."""
    rows = connection.execute(
        text(
            "SELECT s.relname, t.relname FROM pg_class s"
            " JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')"
            " JOIN pg_class t ON t.oid = d.refobjid"
            " JOIN pg_namespace n ON n.oid = s.relnamespace"
            " WHERE s.relkind = 'S' AND n.nspname = current_schema() ORDER BY 1"
        )
    )
    return [(str(sequence), str(table)) for sequence, table in rows]


def _refused(exc: DBAPIError, doing: str) -> TeamRightsError:
    return TeamRightsError(f"cannot {doing}: {server_message(exc)}")


def _settings_policies(connection: Connection) -> list[str]:
    """Row-level security on ``catalogue_settings``: everyone reads every setting;
    people's roles write the audit head row only (the owner bypasses the policies)."""
    table = _quote(connection, SETTINGS_TABLE)
    head = "key = '" + AUDIT_HEAD_SETTING.replace("'", "''") + "'"
    policies = {
        "catena_settings_read": "FOR SELECT USING (true)",
        "catena_settings_head_insert": f"FOR INSERT WITH CHECK ({head})",
        "catena_settings_head_update": f"FOR UPDATE USING ({head}) WITH CHECK ({head})",
    }
    statements = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"]
    for name, rule in policies.items():
        statements.append(f"DROP POLICY IF EXISTS {name} ON {table}")
        statements.append(f"CREATE POLICY {name} ON {table} {rule}")
    return statements


def install_team_rights(connection: Connection) -> TeamRoles:
    """Create the catalogue's group roles if missing and set every grant from
    ``db.pg_rights``; install the audit guard. Run by the owner of the tables (after
    the migrations, in the same or a following transaction); safe to run again."""
    roles = roles_of_connection(connection)
    for role in roles.all():
        if not _role_exists(connection, role):
            try:
                with connection.begin_nested():
                    connection.execute(text(f"CREATE ROLE {_quote(connection, role)} NOLOGIN"))
            except DBAPIError as exc:
                raise _refused(exc, f"create the group role {role!r} (CREATEROLE needed)") from exc
    groups = ", ".join(_quote(connection, role) for role in roles.all())
    database = _quote(
        connection, str(connection.execute(text("SELECT current_database()")).scalar_one())
    )
    schema = _quote(
        connection, str(connection.execute(text("SELECT current_schema()")).scalar_one())
    )
    statements = [
        f"REVOKE ALL ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {groups}",
        f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {schema} TO {groups}",
    ]
    tables = _tables(connection)
    for table in tables:
        quoted = _quote(connection, table)
        statements.append(f"REVOKE ALL ON {quoted} FROM PUBLIC, {groups}")
        for right, granted in privileges(table).items():
            grantee = _quote(connection, roles.of(right))
            statements.append(f"GRANT {', '.join(granted)} ON {quoted} TO {grantee}")
    # Sequences: anyone may read their state (pg_dump does); USAGE (nextval) goes
    # with INSERT on the table whose column owns the sequence.
    statements.append(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM PUBLIC, {groups}")
    statements.append(f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {groups}")
    for sequence, table in _owned_sequences(connection):
        inserters = [roles.of(right) for right in RIGHTS if may_insert(table, right)]
        if inserters:
            quoted_roles = ", ".join(_quote(connection, role) for role in inserters)
            statements.append(
                f"GRANT USAGE ON SEQUENCE {_quote(connection, sequence)} TO {quoted_roles}"
            )
    if SETTINGS_TABLE in tables:
        statements.extend(_settings_policies(connection))
    try:
        with connection.begin_nested():
            for statement in statements:
                connection.execute(text(statement))
            install_audit_guard(connection, set(tables))
    except DBAPIError as exc:
        raise _refused(exc, "set the catalogue's rights (run this as the tables' owner)") from exc
    return roles


def _check_login(login: str, roles: TeamRoles) -> None:
    shown = for_terminal(login, one_line=True)
    if not login or has_control(login) or not _LOGIN_PATTERN.fullmatch(login):
        raise TeamRightsError(
            f"login name {shown!r} is not allowed: use letters, digits and . _ @ - only"
        )
    if len(login.encode("utf-8")) > _MAX_NAME_BYTES:
        raise TeamRightsError(f"login name {shown!r} is over {_MAX_NAME_BYTES} bytes")
    if login.startswith("pg_") or login in roles.all():
        raise TeamRightsError(f"login name {shown!r} is reserved; choose another")


@dataclass(frozen=True)
class Person:
    """A person's login role and the right it holds in this catalogue."""

    login: str
    right: str
    created: bool = False  # False: the role existed (another catalogue) and was given it


def _encrypted(connection: Connection, login: str, password: str) -> str:
    """The password as the server stores it (SCRAM by default), computed here by
    libpq, so the clear text never travels to the server or into its logs."""
    driver: Any = connection.connection.driver_connection
    secret: bytes = driver.pgconn.encrypt_password(password.encode("utf-8"), login.encode("utf-8"))
    return secret.decode("ascii")


def add_person(
    connection: Connection, *, login: str, right: str, password: str | None = None
) -> Person:
    """Give *login* the *right* (reader, tagger or editor) in this catalogue, creating
    the login role if it does not exist. A person already holding another right of
    this catalogue is moved to the new one. Without *password* the role logs in by
    the server's other means (peer, certificate, Kerberos)."""
    roles = roles_of_connection(connection)
    group = roles.of(right)
    _check_login(login, roles)
    name = _quote(connection, login)
    created = not _role_exists(connection, login)
    try:
        with connection.begin_nested():
            if created:
                secret = ""
                if password is not None:
                    literal = _encrypted(connection, login, password).replace("'", "''")
                    secret = f" PASSWORD '{literal}'"
                connection.exec_driver_sql(f"CREATE ROLE {name} LOGIN{secret}")
            for other in roles.all():
                if other != group:
                    connection.execute(text(f"REVOKE {_quote(connection, other)} FROM {name}"))
            connection.execute(text(f"GRANT {_quote(connection, group)} TO {name}"))
    except DBAPIError as exc:
        raise _refused(exc, f"give {login!r} the {right} right") from exc
    return Person(login, right, created)


def remove_person(connection: Connection, *, login: str) -> bool:
    """Take every right of this catalogue from *login* (the role itself stays: it may
    hold rights elsewhere on the server). False when it held none."""
    roles = roles_of_connection(connection)
    held = [person for person in team_people(connection) if person.login == login]
    if not held:
        return False
    try:
        with connection.begin_nested():
            for group in roles.all():
                connection.execute(
                    text(f"REVOKE {_quote(connection, group)} FROM {_quote(connection, login)}")
                )
    except DBAPIError as exc:
        raise _refused(exc, f"take the rights of {login!r}") from exc
    return True


def team_people(connection: Connection) -> list[Person]:
    """Every login role holding a right in this catalogue, by name."""
    roles = roles_of_connection(connection)
    by_group = {roles.of(right): right for right in RIGHTS}
    rows = connection.execute(
        text(
            "SELECT member.rolname, grp.rolname FROM pg_auth_members m"
            " JOIN pg_roles member ON member.oid = m.member"
            " JOIN pg_roles grp ON grp.oid = m.roleid"
            " WHERE grp.rolname IN (:reader, :tagger, :editor) ORDER BY 1, 2"
        ),
        {"reader": roles.reader, "tagger": roles.tagger, "editor": roles.editor},
    )
    return [Person(str(login), by_group[str(group)]) for login, group in rows]


def server_actor(connection: Connection) -> str:
    """The name the server records as the actor of this connection's events (its
    login role): Catena hashes an event with this name, so the chain verifies."""
    return str(connection.execute(text("SELECT session_user")).scalar_one())


def session_right(connection: Connection) -> str | None:
    """The strongest right this connection's login role holds here; None for a role
    that holds none (the owner, an administrator)."""
    roles = roles_of_connection(connection)
    for right in reversed(RIGHTS):
        held = connection.execute(
            text("SELECT pg_has_role(session_user, :role, 'USAGE')"), {"role": roles.of(right)}
        ).scalar_one()
        if held:
            return right
    return None


def server_message(exc: BaseException) -> str:
    """PostgreSQL's own one-line message of *exc* (without "DETAIL"/"HINT" lines)."""
    orig = getattr(exc, "orig", exc)
    diag = getattr(orig, "diag", None)
    message = getattr(diag, "message_primary", None) or str(orig).strip().splitlines()[0]
    return for_terminal(str(message), one_line=True)


def refusal_message(exc: BaseException) -> str | None:
    """The one line a person sees when PostgreSQL refused what their role may not do
    (SQLSTATE 42501: a missing privilege, or the audit trail refusing a rewrite);
    None for any other error."""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) != "42501":
        return None
    primary = server_message(exc)
    if primary.startswith("the audit trail"):
        return f"refused: {primary}; past events are never changed or removed"
    return (
        f"your PostgreSQL role may not do this ({primary}); nothing was changed. "
        "Readers search and print; taggers also tag; editors also import and edit documents "
        "- ask the catalogue's administrator for the right you need"
    )
