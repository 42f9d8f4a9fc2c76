"""What a dossier's reader copies out of it: quotations exactly as stored (tag markers
are drawn, never typed), headings that stay with what they head, disagreements before
agreements, organisations apart from witnesses, and a footer naming the dossier."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from db.suggested_tags import accept_suggestions
from desktop.dossier import markers
from desktop.dossier.build import DossierSpec, build_dossier, gather
from desktop.dossier.data import (
    DocumentEntry,
    DossierData,
    Excerpt,
    FigureComparison,
    FigureValue,
    Pinpoint,
    TaggedSpan,
)
from desktop.dossier.render import render

from .pdf_text import pdf_pages, squash

WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
QUOTE = 'Khojaly witness Mustafayeva Şəkibə, 487 wounded; "<b>" & “26 February”.'


def _write(tmp_path: Path, pdf: bytes, name: str = "d.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def _span(needle: str, kind: str) -> TaggedSpan:
    start = QUOTE.index(needle)
    return TaggedSpan(start, start + len(needle), kind, needle)


def test_tag_markers_are_drawn_and_the_quote_copies_out_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    real_draw = markers.draw

    def record(
        canv: object, x: float, y: float, letter: str, size: float, starts: bool = False
    ) -> None:
        drawn.append(letter)
        real_draw(canv, x, y, letter, size, starts=starts)

    monkeypatch.setattr(markers, "draw", record)
    spans = (
        _span("Mustafayeva Şəkibə", "person"),
        _span("487 wounded", "figure"),
        _span("26 February", "date"),
        _span("Khojaly", "place"),
    )
    excerpt = Excerpt("e1", QUOTE, Pinpoint(0, len(QUOTE), paragraph=1), spans)
    data = DossierData(
        title="Markers",
        compiler="t",
        generated_at=WHEN,
        sections=("documents",),
        documents=(DocumentEntry("d1", "One letter", (), excerpts=(excerpt,)),),
    )
    pdf = _write(tmp_path, render(data, reproducible=True))
    body = squash("\n".join(pdf_pages(pdf, body_only=True)))
    assert QUOTE in body  # no "ŞəkibəP", no "woundedF", no gap read as a space
    # Each span's marker is still drawn, and the legend shows one per kind present:
    # two of each letter in every layout pass.
    assert set(drawn) == {"L", "P", "F", "D"} and len(drawn) % 8 == 0
    assert all(drawn.count(letter) == len(drawn) // 4 for letter in "LPFD")


def test_a_right_to_left_span_gets_its_marker_at_its_left_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        markers,
        "draw",
        lambda canv, x, y, letter, size, starts=False: drawn.append((letter, starts)),
    )
    text = "قال الشاهد أحمد علي إن 300 شخص قتلوا. Anna Smith said so."
    spans = tuple(
        TaggedSpan(text.index(n), text.index(n) + len(n), kind, n)
        for n, kind in (("أحمد علي", "person"), ("300 شخص", "figure"), ("Anna Smith", "date"))
    )
    excerpt = Excerpt("e1", text, Pinpoint(0, len(text), paragraph=1), spans)
    data = DossierData(
        title="Arabic",
        compiler="t",
        generated_at=WHEN,
        sections=("documents",),
        documents=(DocumentEntry("d1", "One letter", (), excerpts=(excerpt,)),),
    )
    render(data)
    in_text = [d for d in drawn if d not in {("P", False), ("F", False), ("D", False)}]
    # a span whose last letters are Arabic ends at its left edge: the letter starts there
    assert set(in_text) == {("P", True), ("F", True)}
    assert ("D", False) in drawn  # the Latin span's letter ends at its right edge


def _figure(n: int, rows: int, values: tuple[int, ...] = ()) -> FigureComparison:
    values = values or (100 + n,) * rows
    return FigureComparison(
        category=f"category {n:02d}",
        label=f"figure heading {n:02d}",
        values=tuple(
            FigureValue(
                value=v,
                document_key=f"doc{n}-{i}",
                as_written=f"first of figure {n:02d}" if i == 0 else f"value {i} of {n:02d}",
            )
            for i, v in enumerate(values)
        ),
    )


def test_no_figure_heading_is_left_at_a_page_foot(tmp_path: Path) -> None:
    # Several lengths, so that page ends fall at every point of a figure's block.
    for lead in range(1, 7):
        figures = (_figure(0, lead * 3), *(_figure(n, 2 + n % 4) for n in range(1, 22)))
        data = DossierData(
            title="Headings",
            compiler="t",
            generated_at=WHEN,
            sections=("figures",),
            figures=figures,
        )
        pages = pdf_pages(_write(tmp_path, render(data, reproducible=True)), body_only=True)
        assert len(pages) > 2
        for number, page in enumerate(pages, start=1):
            for fig in figures:
                if fig.label in page:  # its heading is here: so are its first two rows
                    n = fig.label[-2:]
                    assert f"first of figure {n}" in page, (lead, number, fig.label)
                    assert f"value 1 of {n}" in page, (lead, number, fig.label)


def test_figures_where_sources_differ_come_first(tmp_path: Path) -> None:
    figures = (
        _figure(1, 2),
        _figure(2, 2, (10, 12)),  # differ
        _figure(3, 3),
        _figure(4, 2, (7, 9)),  # differ
    )
    data = DossierData(
        title="Order", compiler="t", generated_at=WHEN, sections=("figures",), figures=figures
    )
    text = squash("\n".join(pdf_pages(_write(tmp_path, render(data)), body_only=True)))
    order = sorted(range(1, 5), key=lambda n: text.index(f"figure heading {n:02d}"))
    assert order == [2, 4, 1, 3]  # disagreements first, the given order kept within each


def test_footer_names_the_dossier_not_the_catalogue(tmp_path: Path) -> None:
    data = DossierData(
        title="The dam at Halvern",
        compiler="t",
        generated_at=WHEN,
        catalogue_name="my-private-folder",
        sections=("cover", "figures"),
        figures=(_figure(1, 2),),
    )
    pages = pdf_pages(_write(tmp_path, render(data)))
    for number, page in enumerate(pages, start=1):
        foot = squash(page).rsplit(f"page {number} of {len(pages)}", 1)[0][-120:]
        assert "The dam at Halvern · Catena dossier · source SHA-256" in foot
        assert "my-private-folder" not in foot


@pytest.fixture
def samples(sample_catalogue: Catalogue) -> Catalogue:
    with sample_catalogue.writing() as session:
        for document in session.scalars(select(Document)):
            accept_suggestions(session, document=document, actor="t")
    return sample_catalogue


def test_organisations_have_their_own_index(samples: Catalogue, tmp_path: Path) -> None:
    with samples.reading() as session:
        data = gather(samples, session, DossierSpec(title="Samples"))
    assert [w.name for w in data.organisations] == ["Commission"]
    assert "Commission" not in {w.name for w in data.witnesses}
    assert {"Olga Tarasova", "Edith Carrow"} <= {w.name for w in data.witnesses}
    spec = DossierSpec(title="Samples", sections=("contents", "witnesses"), reproducible=True)
    pdf = _write(tmp_path, build_dossier(samples, spec))
    contents = squash(pdf_pages(pdf, body_only=True)[0])
    assert "Witness index" in contents and "Organisations" in contents
    body = "\n".join(pdf_pages(pdf, body_only=True)[1:])
    people, _, organisations = body.partition("\nOrganisations\n")
    assert "Commission —" in organisations and "Commission —" not in people
    assert "Olga Tarasova —" in people and "Olga Tarasova —" not in organisations
