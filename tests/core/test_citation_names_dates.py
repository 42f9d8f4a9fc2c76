"""Citation parts: names split into family and given, corporate authors told from
persons, dates cited at their precision, headline case; and the citation module's
imports (no ReportLab, no Qt). Whole citations are in test_citation.py."""

from __future__ import annotations

import subprocess
import sys

import pytest

from db.date_words import cited_date
from desktop.dossier.citation import Creator, looks_corporate, split_name
from desktop.dossier.citation_text import headline_case


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nargiz Sadikhova", Creator(family="Sadikhova", given="Nargiz")),
        ("Mustafayeva, Şəkibə", Creator(family="Mustafayeva", given="Şəkibə")),
        ("Ludwig van Beethoven", Creator(family="van Beethoven", given="Ludwig")),
        ("Martin Luther King Jr.", Creator(family="King", given="Martin Luther", suffix="Jr.")),
        ("Madonna", Creator(family="Madonna")),
    ],
)
def test_split_name(text, expected):
    assert split_name(text) == expected


@pytest.mark.parametrize(
    ("text", "corporate"),
    [
        ("Justice for Khojaly campaign", True),
        ("Permanent Mission of Azerbaijan to the United Nations", True),
        ("News.Az", True),
        ("Helsinki Watch", True),
        ("Nargiz Sadikhova", False),
        ("Şəkibə Mustafayeva", False),
        ("Ludwig van Beethoven", False),
    ],
)
def test_looks_corporate(text, corporate):
    assert looks_corporate(text) is corporate


def test_creator_is_person_or_body_not_both():
    with pytest.raises(ValueError, match="either corporate"):
        Creator(family="Smith", name="Smith Ltd")
    with pytest.raises(ValueError):
        Creator()


@pytest.mark.parametrize(
    ("edtf", "chicago", "apa"),
    [
        ("2021", "2021", "2021"),
        ("2021-02", "February 2021", "2021, February"),
        ("1992-02-25/1992-02-26", "February 25–26, 1992", "1992, February 25–26"),
        ("1992~", "ca. 1992", "ca. 1992"),
        ("199X", "1990s", "1990s"),
        ("late February 1992", "late February 1992", "late February 1992"),
    ],
)
def test_date_precision(edtf, chicago, apa):
    assert cited_date(edtf, "chicago") == chicago
    assert cited_date(edtf, "apa") == apa


def test_headline_case_keeps_acronyms_and_lowers_minor_words():
    assert headline_case("“AzIz” sends letter To the UN: a call for justice") == (
        "“AzIz” Sends Letter to the UN: A Call for Justice"
    )


def test_module_imports_neither_reportlab_nor_qt():
    code = (
        "import sys, desktop.dossier.citation; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PySide6')]; "
        "print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
