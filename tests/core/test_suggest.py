"""Suggestions stored as tags: at import, on demand, and rejected ones stay rejected."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Agent, DateTag, Document, Figure, Mention
from db.suggested_tags import accept_suggestions
from db.tags import set_status
from desktop.extract.store import suggest_document
from desktop.ingest.pipeline import ImportOptions, import_paths
from desktop.launch.entry import main

LETTER = (
    "Letter from the harbour wardens\n\n"
    "On 3 May 1911 the storm sank at least 40 boats and 12 fishermen were killed, "
    "according to Harbour Master Ellen Voss.\n"
)


def test_import_stores_suggestions(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    import_paths(catalogue, [write_texts({"l.txt": LETTER})])
    with catalogue.reading() as session:
        dates = session.scalars(select(DateTag)).all()
        figures = session.scalars(select(Figure)).all()
        people = session.scalars(select(Mention)).all()
        assert [(d.edtf, d.quote, d.status) for d in dates] == [
            ("1911-05-03", "3 May 1911", "suggested")
        ]
        assert {(f.value, f.qualifier) for f in figures} == {(40, "at least"), (12, "exact")}
        assert [p.name for p in people] == ["Ellen Voss"]
        document = session.scalars(select(Document)).one()
        assert all(document.text[t.start : t.end] == t.quote for t in [*dates, *figures])
        # the context is the text's, not a stored copy
        tags = [*dates, *figures, *people]
        assert {(t.stored_prefix, t.stored_suffix) for t in tags} == {("", "")}
        assert all(t.prefix == document.text[max(0, t.start - 32) : t.start] for t in tags)


def test_import_can_skip_suggestions(catalogue: Catalogue, write_texts) -> None:  # type: ignore[no-untyped-def]
    import_paths(catalogue, [write_texts({"l.txt": LETTER})], options=ImportOptions(suggest=False))
    with catalogue.reading() as session:
        assert session.scalars(select(DateTag)).all() == []


def test_rejected_suggestion_stays_rejected_when_run_again(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    import_paths(catalogue, [write_texts({"l.txt": LETTER})])
    with catalogue.writing() as session:
        date = session.scalars(select(DateTag)).one()
        set_status(session, kind="date", tag_id=date.id, status="rejected", actor="t")
    with catalogue.writing() as session:
        document = session.scalars(select(Document)).one()
        result = suggest_document(session, document=document, actor="t")
        assert result.total == 0 and result.skipped >= 1
        assert [d.status for d in session.scalars(select(DateTag))] == ["rejected"]


def test_accepting_links_people_to_authority_records(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    import_paths(
        catalogue,
        [
            write_texts(
                {
                    "l.txt": LETTER,
                    "m.txt": LETTER.replace("Letter from", "Copy of the letter from")
                    + "\nVoss, Ellen said no more.\n",
                }
            )
        ],
    )
    with catalogue.writing() as session:
        for document in session.scalars(select(Document)):
            accept_suggestions(session, document=document, actor="t")
    with catalogue.reading() as session:
        agents = session.scalars(select(Agent)).all()
        assert [a.preferred_name for a in agents] == ["Ellen Voss"]
        assert all(m.agent_id == agents[0].id for m in session.scalars(select(Mention)))


def test_cli_suggest_compare_chronology(
    catalogue_path,
    write_texts,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    cat = str(catalogue_path)
    folder = write_texts(
        {
            "a.txt": "Gazette\n\nOn 12 March 1987 the dam failed and 212 people were killed.\n",
            "b.txt": "Committee letter\n\nWe lost more than 240 people killed on 13 March 1987.\n",
            "c.txt": "Ministry note\n\nThe ministry records 212 people killed in March 1987.\n",
        }
    )
    assert main(["import", str(folder), "--json", "-c", cat]) == 0
    capsys.readouterr()
    assert main(["suggest", "--all", "--accept", "--json", "-c", cat]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["reference"] for r in results] == ["CAT-000001", "CAT-000002", "CAT-000003"]
    assert all(r["accepted"] >= 2 for r in results)
    assert main(["compare", "--json", "-c", cat]) == 0
    killed = next(c for c in json.loads(capsys.readouterr().out) if c["category"] == "killed")
    assert killed["verdict"] == "differ"
    assert [(v["value"], v["documents"]) for v in killed["values"]] == [
        (212, ["CAT-000001", "CAT-000003"]),
        (240, ["CAT-000002"]),
    ]
    assert main(["compare", "-c", cat]) == 0
    assert "sources differ" in capsys.readouterr().out
    assert main(["chronology", "--json", "-c", cat]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["edtf"] for e in entries] == ["1987-03", "1987-03-12", "1987-03-13"]
    assert main(["suggest", "-c", cat]) == 2


def test_a_name_given_in_two_scripts_becomes_one_record_with_both(
    catalogue: Catalogue,
    write_texts,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "Caption\n\nSurvivor Aliyeva Gulnara (Əliyeva Gülnarə) describes the night of the attack.\n"
    )
    import_paths(catalogue, [write_texts({"caption.txt": text})])
    with catalogue.writing() as session:
        for document in session.scalars(select(Document)):
            accept_suggestions(session, document=document, actor="t")
    with catalogue.reading() as session:
        agent = session.scalars(select(Agent)).one()
        names = sorted(v.name for v in agent.variants)
        assert "Əliyeva Gülnarə" in names and len(names) == 2
