"""The audit trail on PostgreSQL: its actor comes from the server, and it only grows.

Two triggers, installed by the catalogue's owner (``db.pg_roles.install_team_rights``):

* ``BEFORE INSERT`` on ``events`` (and on ``text_versions``, whose ``actor`` says who
  corrected a text) sets ``actor`` to ``session_user`` — the role the person logged in
  as, which a client cannot change (``SET ROLE`` changes ``current_user`` only; ``SET
  SESSION AUTHORIZATION`` is for superusers). Whatever name a client sends is replaced.
  Catena sends that same name (``db.pg_roles.server_actor``), so its hashes verify; an
  event whose client claimed another name keeps the server's name and its hash no
  longer matches, which ``catena log --verify`` reports as the place the chain broke.
* ``BEFORE UPDATE OR DELETE`` (per row) and ``BEFORE TRUNCATE`` (per statement) on
  ``events`` refuse with one line, for every role including the owner: privileges
  alone would leave the owner free to rewrite history.

Why a trigger, not a column default, for the actor: a default applies only when the
INSERT leaves the column out, and Catena's INSERT names it.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

REFUSAL_STATE = "insufficient_privilege"
"""The SQLSTATE name the guard raises with (42501), as a missing privilege does."""

APPEND_ONLY_MESSAGE = "the audit trail (events) accepts new events only"

_ACTOR_FUNCTION = """
CREATE OR REPLACE FUNCTION catena_actor_from_server() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.actor := session_user;
    RETURN NEW;
END
$$
"""

_REFUSE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION catena_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}: % refused', TG_OP
        USING ERRCODE = '{REFUSAL_STATE}',
              HINT = 'record a new event instead of changing an old one';
END
$$
"""

_TRIGGERS = (
    ("events", "catena_events_actor", "BEFORE INSERT", "FOR EACH ROW", "catena_actor_from_server"),
    (
        "text_versions",
        "catena_text_versions_actor",
        "BEFORE INSERT",
        "FOR EACH ROW",
        "catena_actor_from_server",
    ),
    (
        "events",
        "catena_events_no_rewrite",
        "BEFORE UPDATE OR DELETE",
        "FOR EACH ROW",
        "catena_events_append_only",
    ),
    (
        "events",
        "catena_events_no_truncate",
        "BEFORE TRUNCATE",
        "FOR EACH STATEMENT",
        "catena_events_append_only",
    ),
)


def install_audit_guard(connection: Connection, tables: set[str]) -> None:
    """Create (or re-create: safe to run after every migration) the functions and the
    triggers on those of ``events`` / ``text_versions`` that exist in *tables*.
    Runs in the caller's transaction; the caller must own the tables."""
    connection.execute(text(_ACTOR_FUNCTION))
    connection.execute(text(_REFUSE_FUNCTION))
    for table, name, when, each, function in _TRIGGERS:
        if table not in tables:
            continue
        quoted = connection.dialect.identifier_preparer.quote(table)
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {quoted}"))
        connection.execute(
            text(f"CREATE TRIGGER {name} {when} ON {quoted} {each} EXECUTE FUNCTION {function}()")
        )
