"""Every place that shows or exports a date gives one answer on whether it is a date.

Before the readers were merged, "1987-02-30" had no bounds but was cited as
"February 30, 1987" and exported as CSL date-parts [1987, 2, 30]; "1986-36" read as a
quarter in the window and raw in citations. Now the window, the dossier's citations,
CSL, RIS, BibTeX and EAD all follow ``db.dates``.
"""

from __future__ import annotations

import pytest

from db.date_words import cited_date, in_words
from db.dates import edtf_bounds
from db.models import Document
from desktop.exchange.biblio import bibtex_entry, csl_date, ris_date, ris_record
from desktop.exchange.xmlformats import normal_date

INVALID = ["1987-02-30", "1987-02-29", "1987-04-31", "1987/1986", "1987-02-30/1987-03-02"]
VALID = ["1986-36", "2020-33", "1943-21", "~1943", "1992-02-26?", "19XX", "1980/..", "../1980"]


def _document(published: str) -> Document:
    return Document(
        ref="CAT-000001", title="Dam", published=published, authors=["Edith Carrow"], recipients=[]
    )


@pytest.mark.parametrize("value", INVALID)
def test_an_invalid_date_is_shown_and_exported_as_typed(value: str) -> None:
    assert edtf_bounds(value) == (None, None)
    assert in_words(value) == value
    assert {cited_date(value, style) for style in ("chicago", "apa", "mla")} == {value}
    assert csl_date(value) == {"literal": value}
    assert ris_date(value) == f"///{value}"
    assert normal_date(value, *edtf_bounds(value)) is None
    document = _document(value)
    assert "PY" not in dict(ris_record(document))
    entry = bibtex_entry(document, "k")
    assert "year =" not in entry and "month =" not in entry
    # biber rejects it as a date ("Invalid format"): it travels, as typed, in the note.
    assert "date =" not in entry and f"note = {{Date given as {value}}}" in entry


@pytest.mark.parametrize("value", VALID)
def test_a_valid_date_is_read_by_every_caller(value: str) -> None:
    assert edtf_bounds(value) != (None, None)
    assert in_words(value) != value
    for style in ("chicago", "apa", "mla"):
        assert cited_date(value, style) not in (None, value)
    assert normal_date(value, *edtf_bounds(value)) is not None


def test_exchange_parts_of_plain_and_qualified_dates() -> None:
    assert ris_date("~1943") == "1943///~1943"  # the year is known, the date is not plain
    assert dict(ris_record(_document("~1943")))["PY"] == "1943"
    assert dict(ris_record(_document("1987-02-26")))["DA"] == "1987/02/26/"
    # a qualifier on one end of an interval is not dropped into plain date-parts
    assert csl_date("1987/1988~") == {"literal": "1987/1988~"}
    assert csl_date("1987/1988") == {"date-parts": [[1987], [1988]]}
    entry = bibtex_entry(_document("1992-02-25/1992-02-26"), "k")
    assert "year = {1992}" in entry and "month = feb," in entry
