"""Reader, tagger and editor rights on a real PostgreSQL catalogue (``db.pg_roles``),
the audit actor taken from the server and the append-only audit trail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db import audit
from db.base import table_of
from db.models import Agent, Base, Document, Event, Keyword, Mention, document_keywords
from db.people import create_agent
from db.pg_rights import KNOWN_TABLES, privileges
from db.pg_roles import (
    TeamRightsError,
    add_person,
    install_team_rights,
    refusal_message,
    remove_person,
    server_actor,
    session_right,
    team_people,
    team_roles,
)
from db.tags import add_tag
from tests.db.pg_admin_scratch import connected, scratch_database

pytestmark = pytest.mark.own_database

# Tables a PostgreSQL catalogue has beyond the models: the search index (made by
# migration 0014's PostgreSQL branch), the settings of migration 0015 (a model too,
# once db.settings is merged) and Alembic's version.
NOT_IN_MODELS = {
    "search_index",
    "search_index_rows",
    "facet_counts",
    "search_folds",
    "catalogue_settings",
    "alembic_version",
}


def test_rights_table_decides_for_every_catalogue_table() -> None:
    # A new model without a decision would silently be editor-only: fail instead.
    assert set(Base.metadata.tables) | NOT_IN_MODELS == KNOWN_TABLES
    assert privileges("events") == {
        "reader": ("SELECT", "INSERT"),
        "tagger": ("SELECT", "INSERT"),
        "editor": ("SELECT", "INSERT"),
    }
    assert privileges("documents")["tagger"] == ("SELECT",)
    assert privileges("documents")["reader"] == ("SELECT",)
    assert "DELETE" in privileges("mentions")["tagger"]


@pytest.fixture
def team() -> Iterator[URL]:
    """A scratch catalogue with one document, rights installed, and three people:
    ``<db>_rita`` (reader), ``<db>_tom`` (tagger), ``<db>_eve`` (editor)."""
    with scratch_database() as url:
        with connected(url) as conn:
            install_team_rights(conn)
            for login, right in (("rita", "reader"), ("tom", "tagger"), ("eve", "editor")):
                add_person(conn, login=f"{url.database}_{login}", right=right)
            with Session(bind=conn) as session:
                session.add(Document(ref="CAT-000001", text="Ali Aliyev wrote", media_type="t"))
                session.commit()
            conn.commit()
        yield url


def person(url: URL, name: str) -> str:
    return f"{url.database}_{name}"


def test_reader_reads_but_an_insert_fails_with_one_line(team: URL) -> None:
    with connected(team, as_role=person(team, "rita")) as conn:
        assert conn.execute(select(func.count()).select_from(Document)).scalar_one() == 1
        assert session_right(conn) == "reader"
        with pytest.raises(DBAPIError) as raised:
            conn.execute(insert(table_of(Document)).values(ref="CAT-9", media_type="t", text=""))
        message = refusal_message(raised.value)
        conn.rollback()
    assert message is not None
    assert "\n" not in message
    assert "permission denied for table documents" in message
    assert "nothing was changed" in message
    with connected(team) as conn:
        assert conn.execute(select(func.count()).select_from(Document)).scalar_one() == 1


def test_refusal_message_leaves_other_errors_alone(team: URL) -> None:
    with connected(team) as conn, pytest.raises(DBAPIError) as raised:
        conn.execute(text("SELECT no_such_column FROM documents"))
    assert refusal_message(raised.value) is None


def test_reader_may_record_a_printed_dossier_as_themselves(team: URL) -> None:
    with connected(team, as_role=person(team, "rita")) as conn, Session(bind=conn) as session:
        audit.record(
            session, action="print dossier", actor=server_actor(session.connection()), detail={}
        )
        session.commit()
        assert session.execute(select(Event.actor)).scalar_one() == person(team, "rita")


def test_tagger_tags_and_adds_people_but_cannot_delete_or_trash_a_document(team: URL) -> None:
    tom = person(team, "tom")
    with connected(team, as_role=tom) as conn:
        with Session(bind=conn) as session:
            document = session.execute(select(Document)).scalar_one()
            add_tag(
                session,
                kind="mention",
                document=document,
                start=0,
                end=10,
                values={"name": "Ali Aliyev"},
                actor=tom,
            )
            create_agent(session, name="Ali Aliyev", actor=tom)
            session.add(Keyword(name="Khojaly"))
            session.flush()
            keyword_id = session.execute(select(Keyword.id)).scalar_one()
            session.execute(
                insert(document_keywords).values(document_id=document.id, keyword_id=keyword_id)
            )
            session.commit()
        for refused in (
            delete(table_of(Document)),
            update(table_of(Document)).values(deleted_at="2026-12-03"),
        ):
            with pytest.raises(DBAPIError) as raised:
                conn.execute(refused)
            conn.rollback()
            assert "permission denied for table documents" in str(refusal_message(raised.value))
    with connected(team) as conn:
        assert conn.execute(select(func.count()).select_from(Document)).scalar_one() == 1
        assert conn.execute(select(Document.deleted_at)).scalar_one() is None
        assert conn.execute(select(func.count()).select_from(Mention)).scalar_one() == 1
        assert conn.execute(select(Agent.ref)).scalar_one() == "PER-000001"


def test_editor_deletes_documents_but_cannot_change_the_schema(team: URL) -> None:
    with connected(team, as_role=person(team, "eve")) as conn:
        conn.execute(update(table_of(Document)).values(deleted_at="2026-12-03"))
        conn.execute(delete(table_of(Document)))
        conn.commit()
        for statement in (
            "CREATE TABLE intruder (id integer)",
            "ALTER TABLE documents ADD COLUMN intruder text",
            "DROP TRIGGER catena_events_no_rewrite ON events",
        ):
            with pytest.raises(DBAPIError):
                conn.execute(text(statement))
            conn.rollback()
        assert conn.execute(select(func.count()).select_from(Document)).scalar_one() == 0


def _one_event(url: URL) -> None:
    with connected(url, as_role=person(url, "eve")) as conn, Session(bind=conn) as session:
        audit.record(
            session, action="edit", actor=server_actor(session.connection()), target="CAT-000001"
        )
        session.commit()


def test_nobody_updates_deletes_or_truncates_an_event(team: URL) -> None:
    _one_event(team)
    events = table_of(Event)
    attempts = (
        update(events).values(actor="someone else"),
        delete(events),
        text("TRUNCATE events"),
    )
    # Editors lack the privilege; the owner (here a superuser) is stopped by the trigger.
    for role, expected in ((person(team, "eve"), "permission denied"), (None, "new events only")):
        with connected(team, as_role=role) as conn:
            for attempt in attempts:
                with pytest.raises(DBAPIError) as raised:
                    conn.execute(attempt)
                conn.rollback()
                message = refusal_message(raised.value)
                assert message is not None and expected in message, message
    with connected(team) as conn:
        rows = conn.execute(select(Event.actor)).scalars().all()
    assert rows == [person(team, "eve")]


def test_the_recorded_actor_is_the_login_role_whatever_the_client_claims(team: URL) -> None:
    tom = person(team, "tom")
    with connected(team, as_role=tom) as conn, Session(bind=conn) as session:
        assert server_actor(conn) == tom
        audit.record(session, action="edit", actor=server_actor(session.connection()))
        audit.record(session, action="edit", actor="the-director")  # a forged claim
        session.commit()
        actors = session.execute(select(Event.actor).order_by(Event.id)).scalars().all()
        report = audit.verify_chain(session)
    assert actors == [tom, tom]
    # The honest event verifies; the forged one was stored under the server's name, so
    # its hash no longer matches and the check names it.
    assert report.broken_at == 2


def test_set_role_does_not_change_the_recorded_actor(team: URL) -> None:
    tom = person(team, "tom")
    with connected(team, as_role=tom) as conn, Session(bind=conn) as session:
        session.execute(text(f'SET ROLE "{team_roles(str(team.database)).tagger}"'))
        audit.record(session, action="edit", actor=server_actor(session.connection()))
        session.commit()
        assert session.execute(select(Event.actor)).scalar_one() == tom
        assert audit.verify_chain(session).ok


def test_people_move_between_rights_and_can_be_removed(team: URL) -> None:
    tom = person(team, "tom")
    with connected(team) as conn:
        moved = add_person(conn, login=tom, right="editor")
        assert not moved.created
        held = {p.login: p.right for p in team_people(conn)}
        assert held[tom] == "editor"
        assert held[person(team, "rita")] == "reader"
        assert remove_person(conn, login=tom)
        assert tom not in {p.login for p in team_people(conn)}
        assert not remove_person(conn, login=tom)
        conn.commit()
    with connected(team, as_role=tom) as conn, pytest.raises(DBAPIError) as raised:
        conn.execute(select(Document.ref))
    assert "permission denied" in str(refusal_message(raised.value))


@pytest.mark.parametrize(
    ("login", "right", "expected"),
    [
        ("bad name", "reader", "not allowed"),
        ("evil\x1b[2J", "reader", "not allowed"),
        ("pg_monitor2", "reader", "reserved"),
        ("x" * 64, "reader", "over 63 bytes"),
        ("anna", "admin", "unknown right 'admin'"),
    ],
)
def test_bad_people_are_refused_in_one_line(
    team: URL, login: str, right: str, expected: str
) -> None:
    with connected(team) as conn, pytest.raises(TeamRightsError) as raised:
        add_person(conn, login=login, right=right)
    assert expected in str(raised.value)
    assert "\x1b" not in str(raised.value) and "\n" not in str(raised.value)


def test_a_new_person_with_a_password_gets_a_scram_secret(team: URL) -> None:
    login = person(team, "anna")
    with connected(team) as conn:
        created = add_person(conn, login=login, right="tagger", password="s3cret 'quoted'")
        conn.commit()
        secret = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": login}
        ).scalar_one()
    assert created.created
    assert secret.startswith("SCRAM-SHA-256$")


def test_installing_again_keeps_the_rights(team: URL) -> None:
    with connected(team) as conn:
        install_team_rights(conn)
        conn.commit()
    test_tagger_tags_and_adds_people_but_cannot_delete_or_trash_a_document(team)


def test_everyone_moves_the_audit_head_but_only_the_owner_sets_the_rest(team: URL) -> None:
    for name in ("rita", "tom", "eve"):
        with connected(team, as_role=person(team, name)) as conn:
            # What every commit that recorded events runs (db.settings.write_setting).
            conn.execute(
                text(
                    "INSERT INTO catalogue_settings VALUES ('audit_head', :v)"
                    " ON CONFLICT (key) DO NOTHING"
                ),
                {"v": name},
            )
            conn.execute(
                text("UPDATE catalogue_settings SET value = :v WHERE key = 'audit_head'"),
                {"v": name},
            )
            conn.commit()
            moved = conn.execute(
                text("UPDATE catalogue_settings SET value = '/tmp/elsewhere' WHERE key = 'objects'")
            )
            assert moved.rowcount == 0  # the policy hides the row from their UPDATE
            for refused in (
                "INSERT INTO catalogue_settings VALUES ('objects_too', '/tmp/elsewhere')",
                "DELETE FROM catalogue_settings",
            ):
                with pytest.raises(DBAPIError) as raised:
                    conn.execute(text(refused))
                conn.rollback()
                assert refusal_message(raised.value) is not None
    with connected(team) as conn:
        settings = dict(conn.execute(text("SELECT key, value FROM catalogue_settings")).all())
    assert settings == {"objects": "/srv/catena/objects", "audit_head": "eve"}


def test_setting_rights_without_the_owners_powers_is_one_line(team: URL) -> None:
    stranger = person(team, "stranger")
    with connected(team) as conn:
        conn.execute(text(f'CREATE ROLE "{stranger}" LOGIN'))
        conn.commit()
    # Roles exist already: the grants need the tables' owner.
    with connected(team, as_role=person(team, "eve")) as conn, pytest.raises(TeamRightsError) as e:
        install_team_rights(conn)
    assert str(e.value).startswith("cannot set the catalogue's rights (run this as the tables'")
    # A catalogue without its roles yet: creating them needs CREATEROLE.
    with connected(team) as conn:
        for role in team_roles(str(team.database)).all():
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        conn.commit()
    with connected(team, as_role=stranger) as conn, pytest.raises(TeamRightsError) as e:
        install_team_rights(conn)
    message = str(e.value)
    assert message.startswith(f"cannot create the group role '{team.database}_reader'")
    assert "CREATEROLE" in message and "\n" not in message
