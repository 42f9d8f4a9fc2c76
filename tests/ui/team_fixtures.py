"""A team catalogue on the test PostgreSQL server for the window tests.

One scratch database per test module (``tests.pg_catalogues.scratch_database``, named
``catena_test_pgwindow_…``) holding the four sample documents, and login roles made
for it (``people``): an editor and a reader (SELECT only) who connect over TCP with a
password, as colleagues on other computers would. Roles belong to the whole server,
so their names are unique and they are dropped afterwards.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from tests.pg_catalogues import scratch_database

TCP_HOST = "127.0.0.1"


@dataclass
class TeamServer:
    admin_url: str  # the database as the server's superuser sees it (socket, no password)
    objects: Path
    database: str
    passwords: dict[str, str] = field(default_factory=dict)

    def login_url(self, role: str, *, port: int = 5432, host: str = TCP_HOST) -> str:
        """The URL a colleague types: their role on the server, no password."""
        return f"postgresql+psycopg://{role}@{host}:{port}/{self.database}"

    def add_role(self, right: str) -> str:
        """A login role with a password; *right* "reader" (SELECT only), "tagger" (all
        but changing documents), "editor" (everything) or "none" (may connect, may
        read no table)."""
        name = f"catena_test_pgwindow_{right}_{uuid.uuid4().hex[:6]}"
        password = uuid.uuid4().hex
        statements = [
            f"CREATE ROLE {name} LOGIN PASSWORD '{password}'",
            f"GRANT CONNECT ON DATABASE {self.database} TO {name}",
            f"GRANT USAGE ON SCHEMA public TO {name}",
        ]
        if right == "reader":
            statements.append(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {name}")
        elif right == "tagger":  # every table but the documents' own rows
            statements.append(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {name}")
            statements.append(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {name}")
            statements.append(f"REVOKE INSERT, UPDATE, DELETE ON documents FROM {name}")
        elif right == "editor":
            statements.append(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {name}")
            statements.append(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {name}")
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.exec_driver_sql(statement)
        finally:
            engine.dispose()
        self.passwords[name] = password
        return name


def _drop_roles(admin_url: str, names: list[str]) -> None:
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {name}")
    finally:
        engine.dispose()


def team_server(objects: Path) -> Iterator[TeamServer]:
    """A server catalogue with the samples imported, for one module's tests."""
    from db.catalogue import Catalogue
    from desktop.core.resources import sample_paths
    from desktop.ingest.pipeline import import_paths

    roles: list[str] = []
    admin = ""
    try:
        with scratch_database("pgwindow") as url:
            admin = make_url(url).set(database="postgres").render_as_string(hide_password=False)
            with Catalogue.open(
                url, create=True, actor="tester", objects=str(objects), daily_backup=False
            ) as catalogue:
                import_paths(catalogue, sample_paths())
            server = TeamServer(url, objects, make_url(url).database or "")
            try:
                yield server
            finally:
                roles = list(server.passwords)
    finally:  # the roles' grants went with the database; the roles go after it
        if admin and roles:
            _drop_roles(admin, roles)
