"""BagIt bags: valid by the bagit library and its command line, invalid after any change."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import bagit
import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from desktop.exchange import ExportOptions, Selection, export
from tests.core.test_exchange_fixtures import (  # noqa: F401 - fixtures
    HOSTILE_TITLE,
    rich_fixture,
    rich_path_fixture,
    rich_template_fixture,
)


def cli_validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bagit", "--validate", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_bag_of_a_collection_is_valid_and_complete(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    result = export(rich, format="bagit", selection=Selection(collection="Inquiry"), output=out)
    bag = bagit.Bag(str(out))
    bag.validate()
    assert bag.algorithms == ["sha256"]
    assert (out / "manifest-sha256.txt").is_file()
    assert not list(out.glob("manifest-md5.txt"))
    assert bag.info["External-Description"] == "Collection “Inquiry”"
    assert "Payload-Oxum" in bag.info
    assert cli_validate(out).returncode == 0

    data = out / "data"
    record = json.loads((data / "metadata" / "documents.json").read_text(encoding="utf-8"))
    documents = record["documents"]
    assert [d["reference"] for d in documents] == [f"CAT-{n:06d}" for n in range(1, 6)]
    assert result.documents == 5
    with rich.reading() as session:
        for entry in documents:
            document = session.scalar(select(Document).where(Document.ref == entry["reference"]))
            assert document is not None
            original = data / entry["original_file"]
            assert original.name.startswith(f"{document.ref}_")
            assert original.parent.name == "originals"
            assert hashlib.sha256(original.read_bytes()).hexdigest() == document.original_sha256
            assert entry["sha256"] == document.original_sha256
            text = (data / entry["text_file"]).read_bytes().decode("utf-8")
            assert text == document.text
            for table in ("people", "dates", "figures"):
                for tag in entry["tags"][table]:
                    assert text[tag["start"] : tag["end"]] == tag["quote"]
            for image in entry["image_files"]:
                stored = data / image["file"]
                assert hashlib.sha256(stored.read_bytes()).hexdigest() == image["sha256"]
    assert documents[4]["title"] == HOSTILE_TITLE  # JSON: no formula prefix
    names = sorted(p.name for p in (data / "images").iterdir())
    assert names == ["IMG-000001_plate_one.png", "IMG-000002_Tablichka_No2.png"]
    for table in ("documents", "people", "dates", "figures"):
        assert (data / "metadata" / f"{table}.csv").is_file()
    assert (data / "metadata" / "annotations.jsonld").is_file()


@pytest.mark.parametrize("target", ["original", "manifest", "added"])
def test_any_change_to_the_payload_invalidates_the_bag(
    rich: Catalogue, tmp_path: Path, target: str
) -> None:
    out = tmp_path / "bag"
    export(rich, format="bagit", selection=["CAT-000001", "CAT-000005"], output=out)
    bagit.Bag(str(out)).validate()
    if target == "original":
        victim = next((out / "data" / "originals").iterdir())
        victim.chmod(0o644)
        data = bytearray(victim.read_bytes())
        data[len(data) // 2] ^= 0x01  # one bit of one byte
        victim.write_bytes(bytes(data))
    elif target == "manifest":
        victim = out / "data" / "metadata" / "documents.json"
        victim.write_bytes(victim.read_bytes().replace(b"CAT-000005", b"CAT-000009", 1))
    else:
        (out / "data" / "smuggled.txt").write_text("not in the manifest", encoding="utf-8")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(out)).validate()
    assert cli_validate(out).returncode != 0


def test_bag_with_dossier_pdf(rich: Catalogue, tmp_path: Path) -> None:
    out = tmp_path / "dossier-bag"
    export(
        rich,
        format="bagit",
        selection=["CAT-000001", "CAT-000003"],
        output=out,
        options=ExportOptions(dossier_pdf=True, title="Two sources"),
    )
    bagit.Bag(str(out)).validate()
    pdf = out / "data" / "dossier.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    manifest = (out / "manifest-sha256.txt").read_text(encoding="utf-8")
    assert "data/dossier.pdf" in manifest


def test_existing_folder_is_not_overwritten(rich: Catalogue, tmp_path: Path) -> None:
    from desktop.exchange import ExchangeError

    out = tmp_path / "bag"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ExchangeError, match="already exists"):
        export(rich, format="bagit", selection=["CAT-000001"], output=out)
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "bag.part").exists()
