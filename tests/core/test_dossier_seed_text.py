"""The seeds dossier read back as a reader gets it (poppler's ``pdftotext``): every
excerpt exactly as stored, no date codes in the indexes, people and organisations in
their own indexes, disagreements first, and a footer that names the dossier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from desktop.dossier.build import DossierSpec, gather
from desktop.dossier.data import DossierData
from desktop.launch.entry import main

from .pdf_text import RAW_EDTF, pdf_pages, sections, squash, without_quotes

TITLE = "Khojaly: what the seed sources say"
FOLDER = "Archive-Folder-7431"  # the catalogue's folder name, never the dossier's


@dataclass(frozen=True)
class SeedDossier:
    pdf: Path
    data: DossierData  # what the dossier printed
    stored: dict[str, str]  # document reference -> stored text


@pytest.fixture(scope="module")
def seed_dossier(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SeedDossier:
    folder = tmp_path_factory.mktemp("seed-dossier")
    cat = str(folder / f"{FOLDER}.catena")
    assert main(["init", cat]) == 0
    assert main(["import", str(seeds_dir), "-c", cat]) == 0
    assert main(["suggest", "--all", "--accept", "-c", cat]) == 0
    pdf = folder / "seeds.pdf"
    assert main(["dossier", "--title", TITLE, "-o", str(pdf), "-c", cat]) == 0
    catalogue = Catalogue.open(Path(cat), actor="tester", daily_backup=False)
    try:
        with catalogue.reading() as session:
            data = gather(catalogue, session, DossierSpec(title=TITLE))
            stored = {doc.ref: doc.text for doc in session.scalars(select(Document))}
    finally:
        catalogue.close()
    return SeedDossier(pdf, data, stored)


@pytest.mark.seeds
def test_every_excerpt_copies_out_exactly_as_stored(seed_dossier: SeedDossier) -> None:
    body = squash("\n".join(pdf_pages(seed_dossier.pdf, body_only=True)))
    excerpts = [(doc.key, ex) for doc in seed_dossier.data.documents for ex in doc.excerpts]
    assert len(excerpts) >= 30 and sum(len(ex.spans) for _, ex in excerpts) >= 100
    for ref, ex in excerpts:
        pin = ex.pinpoint
        assert ex.text == seed_dossier.stored[ref][pin.char_start : pin.char_end]
        assert squash(ex.text) in body, f"{ex.key} is not in the PDF's text as stored"
    # the seeds' witness, as the issue found it: no marker letter glued to the name
    assert "Khojaly witness Mustafayeva Shakiba (Xocalı şahidi Mustafayeva Şəkibə)" in body
    assert "487 civilians were seriously injured and 1,275 people were taken hostage." in body


@pytest.mark.seeds
def test_chronology_and_figures_show_no_date_codes(seed_dossier: SeedDossier) -> None:
    parts = sections(pdf_pages(seed_dossier.pdf, body_only=True))
    for title in ("Chronology", "Figures compared across sources", "Corroboration"):
        said = without_quotes(parts[title])
        assert said.count(" ") > 200, f"{title} is missing or empty"
        codes = [m.group(0) for m in RAW_EDTF.finditer(said)]
        assert not codes, f"{title} shows date codes: {codes}"
    chronology = squash(parts["Chronology"])
    for words in (
        "the fourth quarter of 2020",
        "26 February, year unknown",
        "from 1991",
        "1988 to 1994",
    ):
        assert words in chronology, words
    assert "(26 February 2021)" in chronology  # a source's publication date, in words


@pytest.mark.seeds
def test_witness_index_lists_people_and_organisations_have_their_own(
    seed_dossier: SeedDossier,
) -> None:
    parts = sections(pdf_pages(seed_dossier.pdf, body_only=True))
    organisations = ("Armenian Army", "General Assembly", "Heydar Aliyev Foundation")
    people = ("Mustafayeva Shakiba", "Sabina Aliyeva", "Antonio Guterres")
    witness_page = parts["Witness index"]
    index_part, _, organisation_part = witness_page.partition("\nOrganisations\n")
    if not organisation_part:  # the organisations' index began on a page of its own
        organisation_part = parts["Organisations"]
    for name in organisations:
        assert f"{name} —" not in index_part, f"{name} is listed as a witness"
        assert f"{name} —" in organisation_part, f"{name} is not in the organisations' index"
    for name in people:
        assert f"{name} —" in index_part and f"{name} —" not in organisation_part
    assert {w.name for w in seed_dossier.data.organisations} >= set(organisations)


@pytest.mark.seeds
def test_disagreements_come_before_agreements(seed_dossier: SeedDossier) -> None:
    parts = sections(pdf_pages(seed_dossier.pdf, body_only=True))
    figures = squash(parts["Figures compared across sources"])
    verdicts = re.findall(r"Sources differ|sources agree|1 source gives", figures)
    assert verdicts[:2] == ["Sources differ"] * 2 and "Sources differ" not in verdicts[2:]
    corroboration = squash(parts["Corroboration"])
    verdicts = re.findall(r"The sources (differ|agree)", corroboration)
    assert verdicts[:2] == ["differ"] * 2 and "differ" not in verdicts[2:]


@pytest.mark.seeds
def test_footer_names_the_dossier_not_the_catalogue_folder(seed_dossier: SeedDossier) -> None:
    pages = pdf_pages(seed_dossier.pdf)
    assert len(pages) > 10
    for number, page in enumerate(pages, start=1):
        footer = squash(page).rsplit(f"page {number} of {len(pages)}", 1)[0][-160:]
        assert f"{TITLE} · Catena dossier · source SHA-256" in footer, number
        assert FOLDER not in footer, number
