"""Document types from layout: letterheads, headlines over salutations, titles that
say what they are."""

from __future__ import annotations

import pytest

from desktop.ingest.readers import parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Department of Coastal Works\n\nDear Ms Okafor,\n\nThe survey of the sea wall is "
            "enclosed.\n\nYours sincerely,\nR. Patel\n",
            "letter",
        ),
        (
            "Stop the Demolition of Old Town!\n\nDear Mayor,\n\nWe, the undersigned residents, "
            "ask you to halt the works.\n",
            "open letter",
        ),
        (
            "An open letter to the Regional Assembly on the river dredging\n\nFrom the "
            "Fishermen's Cooperative\n\nWe write to ask for the full survey to be published.\n",
            "open letter",
        ),
        (
            "Letter to the editor about the tram timetable\n\nSir, the new timetable leaves "
            "the eastern districts without a service after nine.\n",
            "letter",
        ),
    ],
)
def test_document_type_from_layout(text: str, expected: str) -> None:
    assert parse(text.encode(), "item.txt").doc_type == expected
