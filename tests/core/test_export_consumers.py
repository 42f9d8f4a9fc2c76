"""Exports read by the programs that consume them: pandoc/citeproc for CSL-JSON, rispy
for RIS, bibtexparser and biber (biblatex's data model) for BibTeX, lxml for Dublin
Core (read back here; validated against DCMI's schema in test_export_dc_schema.py).
pandoc and biber are system programs (.ci/system-deps installs them); a test that needs
one fails naming it when it is missing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import rispy
from sqlalchemy import select

from db.catalogue import Catalogue
from db.documents import update_metadata
from db.models import Document
from desktop.exchange import ExportOptions, export
from desktop.exchange.names import export_person
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def _program(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is not installed (run .ci/system-deps)"
    return found


def _set(catalogue: Catalogue, ref: str, **changes: object) -> None:
    with catalogue.writing() as session:
        update_metadata(session, ref=ref, changes=changes, actor="tester")


def _refs(catalogue: Catalogue) -> list[str]:
    with catalogue.reading() as session:
        query = select(Document.ref).where(Document.deleted_at.is_(None))
        return sorted(session.scalars(query))


def _open_letter(catalogue: Catalogue) -> None:
    _set(catalogue, "CAT-000003", doc_type="open letter", publisher=None)


def _csl(catalogue: Catalogue, tmp_path: Path, *, archive_fields: bool = False) -> Path:
    out = tmp_path / "refs.json"
    options = ExportOptions(archive_fields=archive_fields)
    export(catalogue, format="csl-json", selection=None, output=out, options=options)
    return out


# --- CSL-JSON -------------------------------------------------------------------------


def test_csl_items_carry_no_archive_fields_unless_asked(rich: Catalogue, tmp_path: Path) -> None:
    items = json.loads(_csl(rich, tmp_path).read_text(encoding="utf-8"))
    assert items and all("archive" not in i and "archive_location" not in i for i in items)
    asked = json.loads(_csl(rich, tmp_path, archive_fields=True).read_text(encoding="utf-8"))
    assert {i["archive_location"] for i in asked} == {i["id"] for i in asked}
    assert {i["archive"] for i in asked} == {rich.name}


def _pandoc_references(csl_json: Path, refs: list[str], tmp_path: Path) -> str:
    """The reference list pandoc's citeproc prints for a document citing every item."""
    markdown = tmp_path / "paper.md"
    markdown.write_text(" ".join(f"[@{r}]" for r in refs) + "\n", encoding="utf-8")
    done = subprocess.run(
        [
            _program("pandoc"),
            "--citeproc",
            "--bibliography",
            str(csl_json),
            "-t",
            "plain",
            str(markdown),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert "[WARNING]" not in done.stderr, done.stderr
    return done.stdout


def test_pandoc_citations_have_no_reference_code_tail(rich: Catalogue, tmp_path: Path) -> None:
    refs = _refs(rich)
    printed = _pandoc_references(_csl(rich, tmp_path), refs, tmp_path)
    assert printed.strip()
    for ref in refs:
        assert ref not in printed, ref  # "… CAT-000006. c." was printed after each
    assert rich.name not in printed


def test_pandoc_prints_the_reference_code_when_asked(rich: Catalogue, tmp_path: Path) -> None:
    refs = _refs(rich)
    printed = _pandoc_references(_csl(rich, tmp_path, archive_fields=True), refs, tmp_path)
    assert all(ref in printed for ref in refs)


def test_an_open_letter_keeps_its_genre(rich: Catalogue, tmp_path: Path) -> None:
    _open_letter(rich)
    items = {i["id"]: i for i in json.loads(_csl(rich, tmp_path).read_text(encoding="utf-8"))}
    letter = items["CAT-000003"]
    assert letter["type"] != "personal_communication"
    assert letter["genre"] == "open letter"
    printed = _pandoc_references(_csl(rich, tmp_path), ["CAT-000003"], tmp_path)
    assert "open letter" in " ".join(printed.lower().split())


def test_a_title_is_not_a_given_name(rich: Catalogue, tmp_path: Path) -> None:
    items = {i["id"]: i for i in json.loads(_csl(rich, tmp_path).read_text(encoding="utf-8"))}
    assert items["CAT-000003"]["recipient"] == [{"family": "Brandt"}]  # "Judge Brandt"
    assert export_person("Judge Anna Brandt").given == "Anna"
    assert export_person("Dean Martin").given == "Dean"  # a first name, not the title
    assert export_person("Judge").family == "Judge"  # nothing else to call the person


# --- RIS ------------------------------------------------------------------------------


def test_ris_reads_in_rispy(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "refs.ris"
    export(rich, format="ris", selection=None, output=out)
    records = rispy.loads(out.read_text(encoding="utf-8"))
    assert sorted(r["accession_number"] for r in records) == _refs(rich)
    assert all("name_of_database" not in r for r in records)
    letter = next(r for r in records if r["accession_number"] == "CAT-000003")
    assert letter["secondary_authors"] == ["Brandt"]


# --- BibTeX ---------------------------------------------------------------------------


def _bibtex(catalogue: Catalogue, tmp_path: Path, *, archive_fields: bool = False) -> Path:
    out = tmp_path / "refs.bib"
    options = ExportOptions(archive_fields=archive_fields)
    export(catalogue, format="bibtex", selection=None, output=out, options=options)
    return out


def test_bibtex_reads_in_bibtexparser(rich: Catalogue, tmp_path: Path) -> None:
    library = bibtexparser.parse_string(_bibtex(rich, tmp_path).read_text(encoding="utf-8"))
    assert not library.failed_blocks
    assert len(library.entries) == len(_refs(rich))
    for entry in library.entries:
        names = {f.key for f in entry.fields}
        assert not any(n == "archive" or n.startswith("catena-") for n in names), names
        assert "date" in names or "note" in names, entry.key
        if entry.entry_type == "article":
            assert "address" not in names and "location" not in names
        if entry.entry_type == "misc":
            assert "publisher" not in names


def _biber_warnings(bib: Path) -> list[str]:
    done = subprocess.run(
        [_program("biber"), "--tool", "--validate-datamodel", "--output-file", "out.bib", bib.name],
        cwd=bib.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if line.startswith(("WARN -", "ERROR -"))]


def test_biber_validates_the_bibtex_export(rich: Catalogue, tmp_path: Path) -> None:
    _open_letter(rich)
    _set(rich, "CAT-000007", published="1987-05")
    assert _biber_warnings(_bibtex(rich, tmp_path)) == []
    (tmp_path / "asked").mkdir()
    asked = _bibtex(rich, tmp_path / "asked", archive_fields=True)
    assert _biber_warnings(asked) == []
    assert asked.read_text(encoding="utf-8").count("library = {") == len(_refs(rich))


def test_an_undated_record_says_so(rich: Catalogue, tmp_path: Path) -> None:
    """biblatex cannot write "no date"; the entry says why instead of inventing one, and
    biber's one warning is about that date alone."""
    bib = _bibtex(rich, tmp_path)
    library = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    undated = next(e for e in library.entries if e.key == "cat000007")
    assert undated.fields_dict["note"].value == "Undated"
    assert undated.fields_dict["title"].value == "{[Untitled document]}"
    assert _biber_warnings(bib) == [
        "WARN - Datamodel: Entry 'cat000007' (refs.bib): Missing mandatory field - one of "
        "'date, year' must be defined"
    ]


def test_cli_archive_fields_option(rich_path: Path, tmp_path: Path) -> None:
    from desktop.launch.entry import main

    plain, asked = tmp_path / "plain.json", tmp_path / "asked.json"
    base = ["export", "--format", "csl-json", "-c", str(rich_path)]
    assert main([*base, "-o", str(plain)]) == 0
    assert main([*base, "-o", str(asked), "--archive-fields"]) == 0
    assert all("archive_location" not in i for i in json.loads(plain.read_text("utf-8")))
    assert all(i["archive_location"] == i["id"] for i in json.loads(asked.read_text("utf-8")))


# --- Dublin Core ----------------------------------------------------------------------

# The fifteen elements of the Dublin Core Metadata Element Set 1.1, the only children
# oai_dc allows (the schema check is in test_export_dc_schema.py).
DCMES = {
    *("title", "creator", "subject", "description", "publisher", "contributor", "date"),
    *("type", "format", "identifier", "source", "language", "relation", "coverage", "rights"),
}


def test_dublin_core_reads_in_lxml_with_only_dcmes_elements(
    rich: Catalogue, tmp_path: Path
) -> None:
    from lxml import etree

    out = tmp_path / "dc"
    export(rich, format="dc", selection=None, output=out)
    files = sorted(out.glob("*.xml"))
    assert [f.stem for f in files] == _refs(rich)
    for file in files:
        root = etree.parse(str(file), etree.XMLParser(resolve_entities=False)).getroot()
        assert root.tag == "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc", file.name
        children = [etree.QName(c) for c in root]
        assert children, file.name
        assert {c.namespace for c in children} == {"http://purl.org/dc/elements/1.1/"}
        assert {c.localname for c in children} <= DCMES, file.name
        assert all(len(c) == 0 for c in root), file.name  # simple DC: text only
