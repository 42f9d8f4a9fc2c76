"""REFI-QDA project exchange: zip structure, GUIDs, code book, positions against texts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from desktop.exchange import ExportOptions, export
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)

Q = "{urn:QDA-XML:project:1.0}"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _open(path: Path) -> tuple[zipfile.ZipFile, ET.Element]:
    archive = zipfile.ZipFile(path)
    return archive, ET.fromstring(archive.read("project.qde"))


def test_project_structure_and_positions(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "project.qdpx"
    result = export(rich, format="qdpx", selection=None, output=out)
    archive, project = _open(out)
    assert archive.testzip() is None
    names = archive.namelist()
    assert names[0] == "project.qde"
    assert project.tag == f"{Q}Project"
    assert [child.tag for child in project] == [f"{Q}Users", f"{Q}CodeBook", f"{Q}Sources"]
    assert project.get("name") and STAMP.match(project.get("creationDateTime") or "")
    users = project.findall(f"{Q}Users/{Q}User")
    assert len(users) == 1 and users[0].get("guid") == project.get("creatingUserGUID")
    guids = [e.get("guid") for e in project.iter() if e.get("guid")]
    assert all(GUID.match(g or "") for g in guids)
    assert len(guids) == len(set(guids)), "every GUID names one object"

    codes = {c.get("guid"): c for c in project.iter(f"{Q}Code")}
    top = {c.get("name"): c for c in project.findall(f"{Q}CodeBook/{Q}Codes/{Q}Code")}
    assert set(top) == {"Dates", "Figures", "People", "Organisations"}
    figure_codes = {c.get("name") for c in top["Figures"].findall(f"{Q}Code")}
    assert {"killed", 'lost, "at sea"'} <= figure_codes  # one code per figure category
    assert "Edith Carrow" in {c.get("name") for c in top["People"].findall(f"{Q}Code")}
    assert [c.get("name") for c in top["Organisations"].findall(f"{Q}Code")] == [
        "Anna <Smith> & Co."
    ]
    assert all(c.get("isCodable") == "true" for c in codes.values())

    sources = project.findall(f"{Q}Sources/{Q}TextSource")
    assert result.counts["sources"] == len(sources) == 6
    selections = 0
    with rich.reading() as session:
        for source in sources:
            guid = source.get("guid")
            document = session.scalar(select(Document).where(Document.uid == guid))
            assert document is not None
            assert source.get("plainTextPath") == f"internal://{guid}.txt"
            text = archive.read(f"sources/{guid}.txt").decode("utf-8")
            assert text == document.text
            accepted = {
                t.uid: t
                for t in [*document.dates, *document.figures, *document.mentions]
                if t.status == "accepted"
            }
            found = source.findall(f"{Q}PlainTextSelection")
            assert {s.get("guid") for s in found} == set(accepted)
            for selection in found:
                tag = accepted[selection.get("guid") or ""]
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                assert text[start:end] == tag.quote
                coding = selection.find(f"{Q}Coding")
                assert coding is not None
                ref = coding.find(f"{Q}CodeRef")
                assert ref is not None and ref.get("targetGUID") in codes
                selections += 1
    assert selections == result.counts["selections"]
    assert sorted(names[1:]) == sorted(f"sources/{s.get('guid')}.txt" for s in sources)


def test_guids_are_stable_and_suggestions_optional(rich: Catalogue, tmp_path: Path) -> None:
    first, second = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    export(rich, format="qdpx", selection=["CAT-000004"], output=first)
    export(
        rich,
        format="qdpx",
        selection=["CAT-000004"],
        output=second,
        options=ExportOptions(statuses=("accepted", "suggested")),
    )
    _, a = _open(first)
    _, b = _open(second)
    assert not a.findall(f".//{Q}PlainTextSelection")  # CAT-000004 has only suggestions
    assert b.findall(f".//{Q}PlainTextSelection")
    again, third = tmp_path / "c.qdpx", tmp_path / "d.qdpx"
    export(rich, format="qdpx", selection=["CAT-000001"], output=again)
    export(rich, format="qdpx", selection=["CAT-000001", "CAT-000002"], output=third)
    _, c = _open(again)
    _, d = _open(third)

    def guids(project: ET.Element) -> dict[str, str]:
        found = {f"code:{e.get('name')}": e.get("guid") or "" for e in project.iter(f"{Q}Code")}
        for selection in project.iter(f"{Q}PlainTextSelection"):
            coding = selection.find(f"{Q}Coding")
            assert coding is not None
            found[f"sel:{selection.get('guid')}"] = coding.get("guid") or ""
        return found

    first_guids, wider = guids(c), guids(d)
    assert first_guids and len(wider) > len(first_guids)
    assert all(wider[key] == value for key, value in first_guids.items())
