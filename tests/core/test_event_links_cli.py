"""`catena events suggest-links|link|unlink|confirm|date-role`, run as a person would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document
from db.tags import add_tag
from desktop.launch.entry import main
from tests.pg_catalogues import stored_rows

TEXT = (
    "In the Khojaly massacre 613 civilians were killed on 26 February 1992.\n\n"
    "Since 1988 the Sumgait pogrom and later attacks left 20,000 people dead."
)


def _events(capsys: pytest.CaptureFixture[str], cat: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["events", *argv, "--catalogue", str(cat)])
    out, err = capsys.readouterr()
    return code, out, err


def _links(cat: Path) -> tuple[object, ...]:
    """Every tag's link and the audit trail as stored."""
    return stored_rows(
        cat,
        (
            "SELECT id, event_record_id, event_link_status FROM figures ORDER BY id",
            "SELECT id, event_record_id, event_link_status, role FROM date_tags ORDER BY id",
            "SELECT id, action FROM events ORDER BY id",
        ),
    )


@pytest.fixture
def cat(catalogue_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A document with two figures and a date; a war, a killing within it, a pogrom."""
    with Catalogue.open(catalogue_path, actor="t") as catalogue, catalogue.writing() as session:
        doc = add_document(
            session,
            new=NewDocument(
                text=TEXT,
                media_type="text/plain",
                original_sha256="2" * 64,
                original_size=1,
                original_filename="a.txt",
            ),
            actor="t",
        )
        for quote in ("613 civilians", "20,000 people"):
            start = TEXT.index(quote)
            values = {"value": 1, "counted": quote.split()[1]}
            end = start + len(quote)
            add_tag(
                session, kind="figure", document=doc, start=start, end=end, values=values, actor="t"
            )
        start = TEXT.index("26 February 1992")
        add_tag(
            session,
            kind="date",
            document=doc,
            start=start,
            end=start + len("26 February 1992"),
            values={"edtf": "1992-02-26"},
            actor="t",
        )
    _events(capsys, catalogue_path, "add", "First Karabakh War", "--date", "1988/1994")
    _events(
        capsys,
        catalogue_path,
        "add",
        "Khojaly massacre",
        "--variant",
        "Xocalı soyqırımı",
        "--date",
        "1992-02-26",
        "--within",
        "EVT-000001",
    )
    _events(capsys, catalogue_path, "add", "Sumgait pogrom", "--date", "1988-02")
    return catalogue_path


def test_suggest_confirm_link_unlink_and_role(
    cat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _events(capsys, cat, "suggest-links", "CAT-000001", "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown["documents"] == 1 and shown["left_unlinked"] == 1
    got = {(s["kind"], s["tag_id"]): s for s in shown["suggested"]}
    assert set(got) == {("figure", 1), ("date", 1)}
    assert got[("figure", 1)]["after"] == {
        "event": "EVT-000002",
        "status": "suggested",
        "role": None,
    }
    assert got[("date", 1)]["after"]["role"] == "event"
    assert "same sentence" in got[("figure", 1)]["reason"]
    assert got[("figure", 1)]["before"] == {"event": None, "status": None, "role": None}
    assert got[("figure", 1)]["document"] == "CAT-000001"

    code, out, _ = _events(capsys, cat, "confirm", "figure", "1")
    assert code == 0
    assert out == "confirm figure event link: figure #1 in CAT-000001: EVT-000002 (accepted)\n"
    code, out, _ = _events(capsys, cat, "link", "figure", "2", "evt-000001", "--json")
    assert json.loads(out)["after"] == {"event": "EVT-000001", "status": "accepted", "role": None}
    code, out, _ = _events(capsys, cat, "date-role", "1", "reporting")
    assert out.endswith("EVT-000002 (suggested), role reporting\n")
    code, out, _ = _events(capsys, cat, "unlink", "date", "1", "--json")
    assert json.loads(out)["after"] == {"event": None, "status": None, "role": "reporting"}
    code, out, _ = _events(capsys, cat, "show", "EVT-000002", "--json")
    assert (json.loads(out)["figures"], json.loads(out)["dates"]) == (1, 0)

    # Running again suggests only for the date that lost its link; accepted links stay.
    code, out, _ = _events(capsys, cat, "suggest-links", "--all")
    assert code == 0
    assert out.splitlines()[-1] == (
        "1 link suggested in 1 document; 0 figures and dates left unlinked"
    )
    assert _links(cat)[0] == ((1, 2, "accepted"), (2, 1, "accepted"))
    code, out, _ = _events(capsys, cat, "date-role", "1", "none", "--json")
    assert (code, json.loads(out)["after"]["role"]) == (0, None)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("link", "figure", "99", "EVT-000001"), "no figure tag #99"),
        (("link", "figure", "1", "EVT-000404"), "no event record 'EVT-000404'"),
        (("link", "date", "1", "EVT-000004"), "EVT-000004 is in the trash"),
        (("confirm", "figure", "1"), "figure tag #1 has no event link to confirm"),
        (("unlink", "date", "1"), "date tag #1 is not linked to an event"),
        (("date-role", "5", "event"), "no date tag #5"),
        (("suggest-links",), "name the documents to read (CAT-…) or use --all"),
        (("suggest-links", "CAT-000001", "--all"), "or use --all, not both"),
        (("suggest-links", "CAT-000404"), "no document 'CAT-000404'"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(
    cat: Path, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], words: str
) -> None:
    _events(capsys, cat, "add", "Old flood")
    _events(capsys, cat, "trash", "EVT-000004")
    before = _links(cat)
    code, out, err = _events(capsys, cat, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("catena events: ") and words in err, err
    assert _links(cat) == before


def test_a_kind_other_than_figure_or_date_is_refused_by_the_parser(
    cat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _links(cat)
    with pytest.raises(SystemExit) as exited:
        _events(capsys, cat, "link", "mention", "1", "EVT-000001")
    assert exited.value.code == 2
    assert "invalid choice: 'mention'" in capsys.readouterr().err
    assert _links(cat) == before


def test_split_moves_a_linked_figure_and_date_to_the_new_record(
    cat: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _events(capsys, cat, "link", "figure", "1", "EVT-000002")
    _events(capsys, cat, "link", "date", "1", "EVT-000002")
    code, out, err = _events(
        capsys,
        cat,
        "split",
        "EVT-000002",
        "--figure",
        "1",
        "--date-tag",
        "1",
        "--new-name",
        "Khojaly evacuation",
        "--json",
    )
    assert (code, err) == (0, "")
    record = json.loads(out)["record"]
    assert (record["reference"], record["figures"], record["dates"]) == ("EVT-000004", 1, 1)
    assert _links(cat)[0] == ((1, 4, "accepted"), (2, None, None))
    code, _, err = _events(capsys, cat, "split", "EVT-000002", "--figure", "2", "--new-name", "X")
    assert code == 2 and err.count("\n") == 1 and "figure tag #2 is not linked" in err
