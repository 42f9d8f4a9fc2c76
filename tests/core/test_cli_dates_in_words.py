"""The CLI prints dates in words (in the language asked for) and reads typed dates;
--json keeps the EDTF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.catalogue import Catalogue
from desktop.core.documents import edit_metadata
from desktop.launch.entry import main
from tests.core.test_typed_dates import _document


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_show_and_search_print_the_publication_date_in_words(
    catalogue: Catalogue, catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = _document(catalogue)
    edit_metadata(catalogue, ref=ref, changes={"published": "26 Feb 2022"})
    cat = str(catalogue_path)
    for argv in (("list",), ("show", ref), ("search", "year:2022")):
        code, out, _ = _run(capsys, *argv, "-c", cat)
        assert code == 0 and "26 February 2022" in out and "2022-02-26" not in out, argv
    code, out, _ = _run(capsys, "show", ref, "--locale", "az", "-c", cat)
    assert "26 fevral 2022" in out
    code, out, _ = _run(capsys, "show", ref, "--json", "--locale", "ru", "-c", cat)
    assert json.loads(out)["published"] == "2022-02-26"


def test_an_event_date_typed_in_words_is_confirmed_with_the_edtf_it_became(
    catalogue_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cat = str(catalogue_path)
    code, out, _ = _run(capsys, "events", "add", "Flood", "--date", "25–26 Feb 1992", "-c", cat)
    assert code == 0
    assert "date 25–26 February 1992 (stored as 1992-02-25/1992-02-26)" in out
    code, out, _ = _run(capsys, "events", "show", "EVT-000001", "--json", "-c", cat)
    shown = json.loads(out)
    assert (shown["date"], shown["date_lower"]) == ("1992-02-25/1992-02-26", "1992-02-25")
    code, out, _ = _run(capsys, "events", "show", "EVT-000001", "--locale", "ru", "-c", cat)
    assert "Date       25–26 февраля 1992 г." in out and "1992-02-25" not in out
