"""Failures of a team catalogue's parts reach a person as one line, never a traceback:
an object store that cannot be reached mid-command, and a server that refuses what the
person's role may not do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

import desktop.cli.main as cli_main
from db.objects import ObjectStoreError
from desktop.cli.main import database_problem
from desktop.launch.entry import main

STORE_DOWN = "s3://evidence/originals: the endpoint http://10.0.0.9:9000 cannot be reached"


@pytest.fixture
def cat(samples_template: Path, tmp_path: Path) -> str:
    target = tmp_path / "Samples.catena"
    shutil.copytree(samples_template, target)
    return str(target)


def _store_down(*_args: object, **_kwargs: object) -> None:
    raise ObjectStoreError(STORE_DOWN)


def test_an_unreachable_object_store_is_one_line_with_exit_2(
    cat: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_main, "list_documents", _store_down)
    code = main(["list", "-c", cat])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == f"catena list: {STORE_DOWN}\n"


def test_an_unreachable_object_store_has_its_own_json_code(
    cat: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_main, "list_documents", _store_down)
    code = main(["list", "--json", "-c", cat])
    _out, err = capsys.readouterr()
    assert code == 2
    assert json.loads(err)["error"] == {
        "code": "object-store",
        "message": STORE_DOWN,
        "command": "list",
    }


class _Diagnostics:
    message_primary = "permission denied for table date_tags"


class _Refused(Exception):
    """What psycopg raises when the server refuses a privilege (SQLSTATE 42501)."""

    sqlstate = "42501"
    diag = _Diagnostics()


def test_a_refusal_by_the_server_names_the_role_rights_not_a_database_failure() -> None:
    error = DBAPIError("INSERT INTO date_tags ...", {}, _Refused("ERROR: permission denied"))
    message = database_problem(error)
    assert "\n" not in message
    assert message.startswith("your PostgreSQL role may not do this")
    assert "permission denied for table date_tags" in message
    assert "nothing was changed" in message


def test_other_database_failures_keep_their_words() -> None:
    error = DBAPIError("INSERT ...", {}, Exception("database is locked"))
    assert database_problem(error).startswith("the catalogue is busy")
