"""The dossier's Corroboration section: the matrix of the dossier's documents,
disagreements first, catalogue text printed literally."""

from __future__ import annotations

import io

from pypdf import PdfReader

from db import event_records
from db.catalogue import Catalogue
from desktop.dossier.build import DossierSpec, build_dossier, gather
from tests.core.corroboration_data import HOSTILE_TITLE, build


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def test_corroboration_rows_follow_the_matrix(catalogue: Catalogue) -> None:
    built = build(catalogue)
    with catalogue.reading() as session:
        data = gather(
            catalogue, session, DossierSpec(refs=("CAT-000001", "CAT-000002", "CAT-000005"))
        )
    assert [(r.event, r.verdict) for r in data.corroboration] == [
        (f"Varnel dam collapse ({built.dam})", "differ"),
        (f"Varnel second wave ({built.wave})", "single source"),
    ]
    first = data.corroboration[0]
    assert [(c.document_key, c.as_written, c.quote) for c in first.claims] == [
        ("CAT-000002", "250", "250 dead"),  # published 1987-03-10
        ("CAT-000001", "212", "212 dead"),
    ]
    assert all(c.excerpt_key is not None for c in first.claims)


def test_corroboration_section_prints_escaped_text(catalogue: Catalogue) -> None:
    built = build(catalogue)
    with catalogue.writing() as session:
        event_records.require(session, built.dam).preferred_name = HOSTILE_TITLE
    pdf = build_dossier(
        catalogue,
        DossierSpec(refs=("CAT-000001", "CAT-000002"), sections=("documents", "corroboration")),
    )
    text = " ".join(_text(pdf).split())
    section = text[text.index("Corroboration") :]
    assert f"killed — {HOSTILE_TITLE} ({built.dam})" in section
    assert "The sources differ" in section
    assert section.index("250 dead") < section.index("212 dead")
    assert "different times" in section


def test_a_dossier_without_figures_says_so(catalogue: Catalogue) -> None:
    build(catalogue)
    with catalogue.writing() as session:
        from sqlalchemy import update

        from db.models import Figure

        session.execute(update(Figure).values(status="rejected"))
    pdf = build_dossier(catalogue, DossierSpec(refs=("CAT-000001",), sections=("corroboration",)))
    assert "No figures are compared in this selection." in _text(pdf)


def test_digest_of_a_dossier_without_corroboration_is_unchanged() -> None:
    from datetime import UTC, datetime

    from desktop.dossier import data as d

    plain = d.DossierData(
        title="T",
        compiler="c",
        generated_at=datetime(2026, 1, 1, tzinfo=UTC),
        sections=("cover", "figures"),
    )
    assert b"corroboration" not in d.canonical_json(plain)  # as version 1 defined it
    row = d.CorroborationRow("killed", "single source", (d.CorroborationClaim("K", "7", "7"),))
    with_rows = d.DossierData(
        title="T",
        compiler="c",
        generated_at=plain.generated_at,
        sections=plain.sections,
        corroboration=(row,),
    )
    assert b'"corroboration":[' in d.canonical_json(with_rows)
    assert d.source_digest(with_rows) != d.source_digest(plain)
