"""People suggestions: cues, roles, name boundaries, organisations and exclusions."""

from __future__ import annotations

import pytest

from db.folding import fold_name
from desktop.extract import PersonSuggestion, suggest
from desktop.extract.suggestion_data import ROLES


def _people(text: str) -> list[PersonSuggestion]:
    return [p for p in suggest(text).people if not p.is_organisation]


def _names(text: str) -> dict[str, str]:
    return {p.name: p.role for p in _people(text)}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "By Maria Kowalska - Gazeta Wyborcza:\n\nThe court met today.",
            "Maria Kowalska",
            "author",
        ),
        ("Written by Tom O'Brien\n\nDUBLIN (Reuters) - The vote passed.", "Tom O'Brien", "author"),
        ("The dam will hold, Elena Petrova said on Tuesday.", "Elena Petrova", "quoted"),
        ('"We were not warned," said Joseph Mwangi, a farmer.', "Joseph Mwangi", "quoted"),
        ("The convoy was ambushed, according to Colonel Ahmed Rashid.", "Ahmed Rashid", "quoted"),
        (
            "Mayor Jean-Luc Martin told reporters the bridge was closed.",
            "Jean-Luc Martin",
            "quoted",
        ),
        ("Prime Minister Kaja Kallas visited the border.", "Kaja Kallas", "mentioned"),
        ("The petition reached Secretary-General Kofi Annan in 1999.", "Kofi Annan", "mentioned"),
        ("Late president Anwar Sadat was honoured.", "Anwar Sadat", "mentioned"),
        ("The survivor Hasan Nuhanović gave evidence.", "Hasan Nuhanović", "witness"),
        ("Eyewitness Ana Rodríguez described the night.", "Ana Rodríguez", "witness"),
        (
            "The programme was led by Ingrid Olsen, Director of the Nordic Archive.",
            "Ingrid Olsen",
            "mentioned",
        ),
        ("The fund wrote an open letter to Chancellor Olaf Scholz.", "Olaf Scholz", "recipient"),
        (
            "Dear Ambassador Linda Thomas-Greenfield,\n\nWe write to you.",
            "Linda Thomas-Greenfield",
            "recipient",
        ),
        ("We remain, yours faithfully,\nSincerely,\nPeter Holm", "Peter Holm", "signatory"),
        ("The appeal was signed by Noam Levi and others.", "Noam Levi", "signatory"),
        ("Photo: Samir Haddad\nA street in ruins.", "Samir Haddad", "photographer"),
        ("Dr. Priya Raman examined the remains.", "Priya Raman", "mentioned"),
    ],
)
def test_cued_person(text: str, name: str, role: str) -> None:
    assert role in ROLES
    assert _names(text).get(name) == role, _names(text)


def test_title_chain_keeps_only_the_name() -> None:
    text = (
        "In a statement, the Minister of Foreign Affairs of the Republic of Chile "
        "Alberto van Klaveren said the talks would resume."
    )
    (person,) = _people(text)
    assert person.name == "Alberto van Klaveren"
    assert person.role == "quoted"
    assert "Minister" in (person.description or "")


def test_title_before_name_is_description_not_name() -> None:
    text = "A letter to the UN Secretary General Ban Ki-moon was sent."
    (person,) = _people(text)
    assert person.name == "Ban Ki-moon"
    assert person.role == "recipient"
    assert "Secretary" in (person.description or "")


def test_surname_first_caption_with_variant_in_another_script() -> None:
    text = (
        "Survivor Ivanova Olga (Иванова Ольга) at the memorial\n\nwitness Petrov Ivan (Петров Иван)"
    )
    people = _people(text)
    assert [p.name for p in people] == ["Ivanova Olga", "Petrov Ivan"]
    assert people[0].variants == ("Иванова Ольга",)
    assert fold_name(people[0].name) == fold_name("Olga Ivanova")
    assert {p.role for p in people} == {"witness"}


def test_later_surname_is_the_same_person() -> None:
    text = (
        "The regional ombudsman Marta Kovač said the archive had been looted. "
        "Kovač added that no one was charged. The staff agreed."
    )
    people = _people(text)
    assert [p.name for p in people] == ["Marta Kovač", "Marta Kovač"]
    assert text[people[1].start : people[1].end] == "Kovač"


def test_offsets_point_at_the_name() -> None:
    text = "— Über alles — Minister Ólafur Ragnar Grímsson said no."
    (person,) = _people(text)
    assert text[person.start : person.end] == "Ólafur Ragnar Grímsson"


@pytest.mark.parametrize(
    "text",
    [
        "The Genocide Convention was adopted in Paris.",
        "On Monday the Security Council met.",
        "February was cold and March was colder.",
        "However Many Things Changed, the letter said.",
        "Srebrenica Memorial Day is observed in Potočari.",
        "The International Criminal Court said it would investigate.",
        "We Demand Justice For Everyone!",
        "The Red Cross told families to wait.",
        "In Sarajevo the Bosnian Serb Army shelled the market.",
        "Last Tuesday Parliament said nothing.",
    ],
)
def test_no_person(text: str) -> None:
    assert _people(text) == [], _people(text)


def test_organisations_are_flagged() -> None:
    text = (
        "The grant came from the Open Society Foundation. The Organization of American "
        "States condemned the attack. By Associated Press - Paris:"
    )
    people = suggest(text).people
    organisations = [p.name for p in people if p.is_organisation]
    assert "Open Society Foundation" in organisations
    assert "Organization of American States" in organisations
    assert not [p for p in people if not p.is_organisation]


def test_single_word_byline_is_an_outlet() -> None:
    text = "date 2020-05-01 By Meduza\n\nThe vote was delayed."
    (outlet,) = suggest(text).people
    assert outlet.is_organisation and outlet.name == "Meduza" and outlet.role == "author"


def test_photo_credit_in_parentheses() -> None:
    text = "A burned car in the square. (AFP Photo)"
    (credit,) = suggest(text).people
    assert credit.is_organisation and credit.role == "photographer" and credit.name == "AFP"


def test_byline_with_outlet_after_for() -> None:
    text = "By Sarah Jenkins For The Courier\n\nThe council met."
    assert _names(text) == {"Sarah Jenkins": "author"}


def test_initialisms_are_not_people() -> None:
    text = "Bodies of 22 U.S. states have condemned it. The U.N. Security Council met."
    assert _people(text) == []
    organisations = [p.name for p in suggest(text).people if p.is_organisation]
    assert "U.N. Security Council" in organisations
