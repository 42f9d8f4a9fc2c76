"""`catena review`: list → accept some → reject some → list again, as a person would."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import DateTag, Figure, Mention
from desktop.core.review import parse_item_id
from desktop.launch.entry import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _stored_status(path: str, item: str) -> str:
    kind, number = parse_item_id(item)
    model = {"date": DateTag, "figure": Figure, "mention": Mention}[kind]
    with Catalogue.open(path, actor="checker") as catalogue, catalogue.reading() as session:
        return str(session.execute(select(model.status).where(model.id == number)).scalar_one())


def test_review_round_trip(sample_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample_catalogue.location
    sample_catalogue.close()
    code, out, _ = _run(capsys, "review", "-c", path, "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) > 8
    assert {row["status"] for row in listed} == {"suggested"}
    first = listed[0]
    assert set(first) >= {"id", "kind", "status", "reference", "quote", "prefix", "value"}
    accept_ids = [row["id"] for row in listed[:3]]
    reject_ids = [row["id"] for row in listed[3:5]]

    code, out, _ = _run(capsys, "review", "accept", *accept_ids, "-c", path)
    assert code == 0 and f"accepted 3: {', '.join(accept_ids)}" in out
    assert f"{len(listed) - 3} suggestions still open" in out
    code, out, _ = _run(capsys, "review", "reject", *reject_ids, "-c", path, "--json")
    assert code == 0 and json.loads(out)["changed"] == reject_ids

    code, out, _ = _run(capsys, "review", "-c", path, "--status", "accepted", "--json")
    assert [row["id"] for row in json.loads(out)] == accept_ids
    code, out, _ = _run(capsys, "review", "-c", path, "--status", "rejected", "--json")
    assert [row["id"] for row in json.loads(out)] == reject_ids
    code, out, _ = _run(capsys, "review", "-c", path, "--json")
    assert [row["id"] for row in json.loads(out)] == [row["id"] for row in listed[5:]]
    assert [_stored_status(path, i) for i in accept_ids] == ["accepted"] * 3
    assert [_stored_status(path, i) for i in reject_ids] == ["rejected"] * 2

    code, out, _ = _run(capsys, "review", "-c", path)  # the text form quotes the passage
    shown = listed[5]
    assert f"«{' '.join(shown['quote'].split())}»" in out


def test_review_filters_edit_and_refusals(
    sample_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sample_catalogue.location
    sample_catalogue.close()
    code, out, _ = _run(
        capsys, "review", "-c", path, "--kind", "person", "--doc", "CAT-000002", "--json"
    )
    people = json.loads(out)
    assert people and {(r["kind"], r["reference"]) for r in people} == {("person", "CAT-000002")}
    code, out, _ = _run(
        capsys, "review", "edit", people[0]["id"], "--value", "Imogen Salt", "-c", path
    )
    assert code == 0 and f"edited and accepted 1: {people[0]['id']}" in out
    assert _stored_status(path, people[0]["id"]) == "accepted"

    before = _run(capsys, "review", "-c", path, "--json")[1]
    code, _, err = _run(capsys, "review", "accept", people[1]["id"], "D999999", "-c", path)
    assert code == 2 and "no date tag #999999; nothing was changed" in err
    assert "Traceback" not in err and _run(capsys, "review", "-c", path, "--json")[1] == before
    code, _, err = _run(capsys, "review", "reject", "Q1", "-c", path)
    assert code == 2 and "not a suggestion id: 'Q1'" in err
    code, _, err = _run(capsys, "review", "-c", path, "--collection", "Nowhere")
    assert code == 2 and "no collection named 'Nowhere'" in err


def test_suggest_says_what_is_still_open(
    sample_catalogue: Catalogue, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sample_catalogue.location
    sample_catalogue.close()
    listed = json.loads(_run(capsys, "review", "-c", path, "--json")[1])
    code, out, _ = _run(capsys, "suggest", "--all", "-c", path)
    assert code == 0 and f"{len(listed)} suggestions still open" in out
    assert "catena review" in out
    code, out, _ = _run(capsys, "suggest", "CAT-000001", "-c", path, "--json")
    row = json.loads(out)[0]
    assert sum(row["open"].values()) == sum(1 for r in listed if r["reference"] == "CAT-000001")
