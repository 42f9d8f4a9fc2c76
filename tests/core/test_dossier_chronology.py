"""The dossier's chronology: one row per event date with all its sources, text escaped."""

from __future__ import annotations

import io

from pypdf import PdfReader

from db import event_records
from db.catalogue import Catalogue
from desktop.dossier.build import DossierSpec, build_dossier
from tests.db.test_analysis import _add
from tests.db.test_chronology import _date, _two_papers


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_dossier_chronology_prints_one_row_per_event_date_with_its_sources(
    catalogue: Catalogue,
) -> None:
    ref = _two_papers(catalogue)
    with catalogue.writing() as session:
        event_records.edit(session, ref=ref, name="Khojaly <b>massacre</b> & after", actor="t")
        other = _add(session, 3, "A <i>storm</i> on 3 May 1998.", None)
        _date(session, other, "3 May 1998", "1998-05-03", what="<i>storm</i> & rain")
    spec = DossierSpec(title="Chronology test", sections=("chronology",), reproducible=True)
    text = " ".join(_text(build_dossier(catalogue, spec)).split())
    assert text.count("Khojaly <b>massacre</b> & after") == 1  # one row, markup printed
    assert text.count("25–26 February 1992") == 3  # one row's date, each source's quote
    assert "EDTF" not in text and "1992-02-25" not in text  # dates in words only
    assert text.count("“25–26 February 1992”") == 2  # each source's quote
    assert text.index("CAT-000001") < text.index("CAT-000002") < text.index("<i>storm</i> & rain")
    assert "(2 March 1992)" in text and "(5 March 1992)" in text  # publication, in words
    assert text.count("2 March 1992") == 1  # the reporting date has no row of its own
