"""CSL-JSON, RIS and BibTeX: written, parsed back (JSON, a small RIS reader, regexes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from desktop.exchange import ExportOptions, export
from desktop.exchange.biblio import (
    bibtex_escape,
    bibtex_unescape,
    csl_date,
    edtf_from_csl,
    unique_keys,
)
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    HOSTILE_NOTES,
    HOSTILE_PUBLISHER,
    HOSTILE_TITLE,
    HOSTILE_URL,
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def _documents(catalogue: Catalogue) -> dict[str, Document]:
    with catalogue.reading() as session:
        return {
            d.ref: d for d in session.scalars(select(Document).where(Document.deleted_at.is_(None)))
        }


def _set_type(catalogue: Catalogue, ref: str, doc_type: str, publisher: str | None) -> None:
    from db.documents import update_metadata

    with catalogue.writing() as session:
        update_metadata(
            session,
            ref=ref,
            changes={"doc_type": doc_type, "publisher": publisher},
            actor="tester",
        )


# --- CSL-JSON -----------------------------------------------------------------------------


def test_csl_json_round_trip_and_type_mapping(rich: Catalogue, tmp_path: Path) -> None:
    _set_type(rich, "CAT-000003", "letter", None)
    _set_type(rich, "CAT-000004", "report", "Commission of Inquiry")
    out = tmp_path / "refs.json"
    export(rich, format="csl-json", selection=None, output=out)
    items = {item["id"]: item for item in json.loads(out.read_text(encoding="utf-8"))}
    documents = _documents(rich)
    assert set(items) == set(documents)
    news = items["CAT-000001"]
    assert news["type"] == "article-newspaper"
    assert news["container-title"] == "Northmoor Gazette"
    assert news["author"] == [{"family": "Carrow", "given": "Edith"}]
    assert news["issued"] == {"date-parts": [[1987, 3, 14]]}
    assert news["custom"]["catena"]["uid"] == documents["CAT-000001"].uid
    assert news["custom"]["catena"]["sha256"] == documents["CAT-000001"].original_sha256
    assert items["CAT-000003"]["type"] == "personal_communication"
    # "Judge Brandt": the title is not a given name (nameparser finds it).
    assert items["CAT-000003"]["recipient"] == [{"family": "Brandt"}]
    report = items["CAT-000004"]
    assert report["type"] == "report" and report["publisher"] == "Commission of Inquiry"
    hostile = items["CAT-000005"]
    assert hostile["title"] == HOSTILE_TITLE
    assert hostile["container-title"] == HOSTILE_PUBLISHER
    assert hostile["note"] == HOSTILE_NOTES
    assert hostile["URL"] == HOSTILE_URL
    assert hostile["author"][0] == {"family": "Smith", "given": 'Anna "Nan"'}
    assert hostile["author"][1] == {"family": "Brandt", "given": "Judith"}
    assert (
        "custom" in items["CAT-000007"] and "sha256" not in items["CAT-000007"]["custom"]["catena"]
    )


@pytest.mark.parametrize(
    ("edtf", "csl"),
    [
        ("1987-03-14", {"date-parts": [[1987, 3, 14]]}),
        ("1987-03", {"date-parts": [[1987, 3]]}),
        ("1987-03-12/1987-03-13", {"date-parts": [[1987, 3, 12], [1987, 3, 13]]}),
        ("1987~", {"date-parts": [[1987]], "circa": True}),
        ("1986-22", {"date-parts": [[1986]], "season": 2}),
        ("1986-36", {"literal": "1986-36"}),
        ("19XX", {"literal": "19XX"}),
        ("1991/..", {"literal": "1991/.."}),
    ],
)
def test_csl_dates(edtf: str, csl: dict[str, object]) -> None:
    assert csl_date(edtf) == csl
    assert edtf_from_csl(csl) == edtf


# --- RIS ------------------------------------------------------------------------------------


def parse_ris(text: str) -> list[list[tuple[str, str]]]:
    """An independent minimal RIS reader: "XX  - value" lines, records end at ER."""
    records: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in text.split("\r\n"):
        if not line:
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, f"not a RIS line: {line!r}"
        tag, value = match.groups()
        if tag == "ER":
            records.append(current)
            current = []
        else:
            current.append((tag, value))
    assert current == []
    return records


def test_ris_round_trip(rich: Catalogue, tmp_path: Path) -> None:
    _set_type(rich, "CAT-000003", "letter", None)
    _set_type(rich, "CAT-000004", "report", "Commission of Inquiry")
    out = tmp_path / "refs.ris"
    export(rich, format="ris", selection=None, output=out)
    records = parse_ris(out.read_bytes().decode("utf-8"))
    by_ref = {dict(r)["AN"]: r for r in records}
    documents = _documents(rich)
    assert set(by_ref) == set(documents)
    for ref, record in by_ref.items():
        assert record[0][0] == "TY", "TY must open every record"
        assert dict(record)["U1"] == documents[ref].uid
    news = dict(by_ref["CAT-000001"])
    assert news["TY"] == "NEWS" and news["T2"] == "Northmoor Gazette"
    assert news["DA"] == "1987/03/14/" and news["PY"] == "1987"
    assert [v for t, v in by_ref["CAT-000001"] if t == "AU"] == ["Carrow, Edith"]
    assert dict(by_ref["CAT-000003"])["TY"] == "PCOMM"
    assert dict(by_ref["CAT-000004"])["TY"] == "RPRT"
    assert dict(by_ref["CAT-000004"])["PB"] == "Commission of Inquiry"
    hostile = dict(by_ref["CAT-000005"])
    assert hostile["TI"] == HOSTILE_TITLE
    assert hostile["N1"] == " ".join(HOSTILE_NOTES.split())  # one line per value
    assert hostile["UR"] == HOSTILE_URL
    assert [v for t, v in by_ref["CAT-000005"] if t == "AU"] == [
        'Smith, Anna "Nan"',
        "Brandt, Judith",
    ]


# --- BibTeX ---------------------------------------------------------------------------------

ENTRY = re.compile(r"^@(\w+)\{([^,\s]+),\n(.*?)\n\}$", re.S | re.M)
FIELD = re.compile(r"^  ([\w-]+) = (\{.*\}|\w+),$")


def parse_bibtex(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    entries = {}
    for kind, key, body in ENTRY.findall(text):
        fields = {}
        for line in body.split("\n"):
            match = FIELD.match(line)
            assert match, f"unexpected BibTeX line {line!r}"
            name, value = match.groups()
            fields[name] = value[1:-1] if value.startswith("{") else value
        entries[key] = (kind, fields)
    return entries


def balanced(value: str) -> bool:
    depth = 0
    for char in value:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def test_bibtex_round_trip_and_escaping(rich: Catalogue, tmp_path: Path) -> None:
    _set_type(rich, "CAT-000003", "letter", None)
    _set_type(rich, "CAT-000004", "report", "Commission of Inquiry")
    out = tmp_path / "refs.bib"
    options = ExportOptions(archive_fields=True)  # "library" names each reference code
    export(rich, format="bibtex", selection=None, output=out, options=options)
    text = out.read_text(encoding="utf-8")
    entries = parse_bibtex(text)
    documents = _documents(rich)
    assert len(entries) == len(documents) == text.count("\n@")
    by_ref = {
        fields["library"].rsplit(", ", 1)[1]: (key, kind, fields)
        for key, (kind, fields) in entries.items()
    }
    assert set(by_ref) == set(documents)
    key, kind, news = by_ref["CAT-000001"]
    assert (key, kind) == ("carrow1987dam", "article")
    assert news["journal"] == "Northmoor Gazette" and news["month"] == "mar"
    assert news["author"] == "Carrow, Edith"
    assert by_ref["CAT-000003"][1] == "misc"
    # biblatex's @techreport requires an author: an unsigned report is @misc, its
    # issuing body the organization.
    assert by_ref["CAT-000004"][1] == "misc"
    assert by_ref["CAT-000004"][2]["organization"] == "Commission of Inquiry"
    _, kind, hostile = by_ref["CAT-000005"]
    assert kind == "article"
    for name, value in hostile.items():
        assert balanced(value), name
        # No special character is left bare: each is part of an escape.
        bare = re.sub(r"\\(?:text\w+\{\}|[%&$#_])", "", value)
        if name != "url":
            assert not re.search(r"[%&$#_^~<>\\]", bare), (name, value)
    assert hostile["title"].startswith("{") and hostile["title"].endswith("}")
    assert bibtex_unescape(hostile["title"][1:-1]) == HOSTILE_TITLE
    assert bibtex_unescape(hostile["journal"]) == HOSTILE_PUBLISHER
    assert bibtex_unescape(hostile["note"]) == " ".join(HOSTILE_NOTES.split())
    assert hostile["author"] == 'Smith, Anna "Nan" and Brandt, Judith'
    assert "{" not in hostile["url"] and "%7B" not in hostile["url"]  # nothing to encode here
    assert hostile["url"] == HOSTILE_URL


def test_bibtex_escape_is_reversible_and_balanced() -> None:
    nasty = r"50% of {a} & $b$ #c _d ^e ~f \g <h> }{"
    escaped = bibtex_escape(nasty)
    assert balanced(escaped)
    assert bibtex_unescape(escaped) == nasty


def test_bibtex_keys_are_unique(rich: Catalogue) -> None:
    with rich.writing() as session:
        documents = list(session.scalars(select(Document).order_by(Document.id)))
        for document in documents:
            document.authors = ["Edith Carrow"]
            document.published = "1987"
            document.title = "Dam report"
        keys = unique_keys(documents)
        session.rollback()
    assert len(set(keys.values())) == len(documents)
    assert sorted(keys.values())[:3] == ["carrow1987dam", "carrow1987dama", "carrow1987damb"]
