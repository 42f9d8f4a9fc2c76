"""Alembic environment, shipped inside the package so installed copies can migrate.

Catena always runs migrations programmatically with an open connection passed in
``config.attributes["connection"]``; batch mode is on because SQLite cannot ALTER most
things in place.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import db.models  # (registers every table on the metadata)
import db.settings  # noqa: F401  (catalogue_settings, kept out of models.py)
from db.base import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:
    from pathlib import Path

    from db.engine import make_engine  # only for the `alembic` command line, by developers

    engine = make_engine(Path(config.get_main_option("catena_database") or "catalogue.sqlite"))
    with engine.connect() as fresh:
        _run(fresh)
else:
    _run(connection)
