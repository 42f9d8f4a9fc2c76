"""Where Catena keeps the user's things: platformdirs locations, never the install folder."""

from __future__ import annotations

import os
from pathlib import Path

from db.location import catalogue_location

APP_NAME = "Catena"
CATALOGUE_ENV = "CATENA_CATALOGUE"


def default_catalogue_path() -> Path | str:
    """The catalogue opened when none is named: $CATENA_CATALOGUE (a folder or a
    PostgreSQL URL), else the user's folder."""
    named = os.environ.get(CATALOGUE_ENV)
    if named:
        return catalogue_location(named)
    # Imported here: a command given --catalogue or $CATENA_CATALOGUE never needs it.
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "Catalogue.catena"
