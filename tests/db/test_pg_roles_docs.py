"""The SQL docs/team.md gives an administrator does what the page says it does.

Every ```sql block of the page is run, in order, on a scratch catalogue whose rights
were set by ``install_team_rights``, with the page's names (database ``khojaly``,
people alice, bob, carol) replaced by the scratch ones.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from db.pg_roles import install_team_rights, team_people
from tests.db.pg_admin_scratch import connected, scratch_database

pytestmark = pytest.mark.own_database

PAGE = Path(__file__).resolve().parents[2] / "docs" / "team.md"
_BLOCK = re.compile(r"```sql\n(.*?)```", re.DOTALL)


def sql_blocks() -> list[str]:
    return _BLOCK.findall(PAGE.read_text(encoding="utf-8"))


def test_the_pages_sql_adds_moves_lists_and_removes_people() -> None:
    blocks = sql_blocks()
    assert len(blocks) == 4
    with scratch_database() as url:
        name = str(url.database)

        def ours(sql: str) -> str:
            sql = sql.replace("khojaly", name)
            return re.sub(r"\b(alice|bob|carol)\b", lambda m: f"{name}_{m.group(1)}", sql)

        create, listing, move, remove = (ours(block) for block in blocks)
        with connected(url) as conn:
            install_team_rights(conn)
            conn.execute(text(create))
            expected = {
                f"{name}_alice": "tagger",
                f"{name}_bob": "reader",
                f"{name}_carol": "editor",
            }
            assert {p.login: p.right for p in team_people(conn)} == expected
            listed = {str(k): str(v) for k, v in conn.execute(text(listing))}
            assert listed == {login: f"{name}_{right}" for login, right in expected.items()}
            conn.execute(text(move))
            assert {p.login: p.right for p in team_people(conn)}[f"{name}_alice"] == "editor"
            conn.execute(text(remove))
            assert {p.login: p.right for p in team_people(conn)} == {
                f"{name}_bob": "reader",
                f"{name}_carol": "editor",
            }
            conn.commit()
