"""People and organisations: matching across scripts and orders, merge and split."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import NewDocument, add_document
from db.models import Agent, Document, Mention
from db.people import (
    PeopleError,
    create_agent,
    find_agent,
    link_mention,
    merge_agents,
    script_of,
    split_agent,
)
from db.tags import add_tag


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("Mustafayeva Shakiba", "Shakiba Mustafayeva"),
        ("Şəkibə Mustafayeva", "Sekibe Mustafayeva"),
        ("ALIYEVA, Vərziyər", "Verziyer Aliyeva"),
        ("Ольга Тарасова", "Olga Tarasova"),
        ("Ğafur İsmayılov", "gafur ismayilov"),
    ],
)
def test_names_match_after_folding(catalogue: Catalogue, written: str, other: str) -> None:
    with catalogue.writing() as session:
        agent = create_agent(session, name=written, actor="t")
        assert find_agent(session, other) is agent


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("Mustafayeva Şəkibə", "Shakiba Mustafayeva"),
        ("Мустафаева Шакиба", "Shakiba Mustafayeva"),
        ("ALIYEVA, Vərziyər", "Varziyar Aliyeva"),
        ("Elena Petrova", "Alena Petrova"),
    ],
)
def test_romanisation_variants_are_proposed_not_linked(
    catalogue: Catalogue, written: str, other: str
) -> None:
    with catalogue.writing() as session:
        agent = create_agent(session, name=written, actor="t")
        assert find_agent(session, other) is None
        assert find_agent(session, other, loose=True) is agent


def test_different_people_stay_apart(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        create_agent(session, name="Olga Tarasova", actor="t")
        assert find_agent(session, "Olga Tarasenko") is None
        assert find_agent(session, "Tarasova") is None


def test_scripts_are_recorded() -> None:
    assert script_of("Ольга Тарасова") == "Cyrl"
    assert script_of("Şəkibə") == "Latn"
    assert script_of("Αλέξης") == "Grek"
    assert script_of("Արամ") == "Armn"


def _mention(session, doc: Document, name: str) -> Mention:  # type: ignore[no-untyped-def]
    start = doc.text.index(name)
    tag, _ = add_tag(
        session,
        kind="mention",
        document=doc,
        start=start,
        end=start + len(name),
        values={"name": name, "role": "witness"},
        actor="t",
    )
    assert isinstance(tag, Mention)
    return tag


def test_accepted_mentions_link_to_one_record(catalogue: Catalogue) -> None:
    text = "Mustafayeva Shakiba said so. Later Shakiba Mustafayeva repeated it."
    with catalogue.writing() as session:
        doc = add_document(
            session,
            new=NewDocument(
                text=text,
                media_type="text/plain",
                original_sha256="c" * 64,
                original_size=1,
                original_filename="x",
            ),
            actor="t",
        )
        first = link_mention(
            session, mention=_mention(session, doc, "Mustafayeva Shakiba"), actor="t"
        )
        second = link_mention(
            session, mention=_mention(session, doc, "Shakiba Mustafayeva"), actor="t"
        )
        assert first is second
        assert sorted(v.name for v in first.variants) == [
            "Mustafayeva Shakiba",
            "Shakiba Mustafayeva",
        ]


def test_merge_moves_names_and_mentions_and_split_separates_them(catalogue: Catalogue) -> None:
    text = "Kofi Mensah saw it. K. Mensah, foreman, confirmed."
    with catalogue.writing() as session:
        doc = add_document(
            session,
            new=NewDocument(
                text=text,
                media_type="text/plain",
                original_sha256="d" * 64,
                original_size=1,
                original_filename="x",
            ),
            actor="t",
        )
        a = link_mention(session, mention=_mention(session, doc, "Kofi Mensah"), actor="t")
        b = link_mention(session, mention=_mention(session, doc, "K. Mensah"), actor="t")
        assert a.id != b.id
        result = merge_agents(session, keep_ref=a.ref, merge_ref=b.ref, actor="t")
        assert result.moved_variants == ["K. Mensah"] and len(result.moved_mentions) == 1
        assert session.scalars(select(Agent)).all() == [a]
        assert {m.agent_id for m in session.scalars(select(Mention))} == {a.id}
        new = split_agent(session, ref=a.ref, names=["K. Mensah"], actor="t")
        assert [v.name for v in new.variants] == ["K. Mensah"]
        by_name = {m.name: m.agent_id for m in session.scalars(select(Mention))}
        assert by_name == {"Kofi Mensah": a.id, "K. Mensah": new.id}


def test_merge_and_split_refuse_nonsense(catalogue: Catalogue) -> None:
    with catalogue.writing() as session:
        person = create_agent(session, name="Imogen Salt", actor="t")
        org = create_agent(session, name="Survivors' Committee", kind="organisation", actor="t")
        with pytest.raises(PeopleError, match="with itself"):
            merge_agents(session, keep_ref=person.ref, merge_ref=person.ref, actor="t")
        with pytest.raises(PeopleError, match="organisation"):
            merge_agents(session, keep_ref=person.ref, merge_ref=org.ref, actor="t")
        with pytest.raises(PeopleError, match="at least one name"):
            split_agent(session, ref=person.ref, names=["Imogen Salt"], actor="t")
