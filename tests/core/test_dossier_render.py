"""The PDF renderer, checked the way a verifier would: through the PDF's own text,
fonts, outline, links and images (read with pypdf; no poppler needed)."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import IndirectObject

from desktop.dossier.data import (
    SECTION_NAMES,
    DocumentEntry,
    DossierData,
    FigureValue,
    canonical_json,
    source_digest,
)
from desktop.dossier.figure_wording import describe_agreement
from desktop.dossier.render import render

from .test_dossier_render_sample import (
    GENERATED,
    ORIGINALS,
    TITLE,
    sample_dossier,
)

# ------------------------------------------------------------------------- helpers


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def squash(text: str) -> str:
    """Collapse whitespace, so line wrapping in the PDF does not matter."""
    return re.sub(r"\s+", " ", text)


def all_text(pdf: bytes) -> str:
    return squash(" ".join(page_texts(pdf)))


def fonts_of(pdf: bytes) -> dict[str, object]:
    """Every font dictionary used by any page (including inside form XObjects)."""
    found: dict[str, object] = {}

    def visit(resources: object) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            found[str(font.get("/BaseFont"))] = font
        for xobj in resources.get("/XObject", {}).values():
            xobj = xobj.get_object()
            if xobj.get("/Subtype") == "/Form":
                visit(xobj.get("/Resources"))

    for page in reader(pdf).pages:
        visit(page.get("/Resources"))
    return found


def image_xobjects(pdf: bytes) -> dict[int, object]:
    """Image XObjects across all pages, keyed by object number (so shared ones count once)."""
    images: dict[int, object] = {}

    def visit(resources: object) -> None:
        if resources is None:
            return
        for ref in resources.get_object().get("/XObject", {}).values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                key = ref.idnum if isinstance(ref, IndirectObject) else id(obj)
                images[key] = obj
            elif obj.get("/Subtype") == "/Form":
                visit(obj.get("/Resources"))

    for page in reader(pdf).pages:
        visit(page.get("/Resources"))
    return images


def outline_titles(pdf: bytes) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader(pdf).outline)
    return titles


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dossier-images")


@pytest.fixture(scope="module")
def sample(images: Path) -> DossierData:
    return sample_dossier(images)


@pytest.fixture(scope="module")
def sample_pdf(sample: DossierData) -> bytes:
    return render(sample, reproducible=True)


# ------------------------------------------------------------------ full dossier


def test_full_dossier_prints_every_section(sample: DossierData, sample_pdf: bytes) -> None:
    text = all_text(sample_pdf)
    pages = page_texts(sample_pdf)
    n = len(pages)
    assert n > 1
    # Cover and contents
    assert TITLE in text
    assert "Nərmin Qasımova" in text
    assert 'tag:flood AND date:1998-05 (query "Qaraçay sel")' in text
    assert "Qaraçay Oral History Archive" in text
    assert "Contents" in pages[1]
    for entry in (
        "Documents",
        "Witness index",
        "Chronology",
        "Figures compared across sources",
        "Plates",
        "Bibliography",
        "Appendix: Sources and fixity",
        "[D1] Qaraçay Xəbərləri, 13 May 1998",
        "[D5] Relief Commission report",
    ):
        assert entry in squash(pages[1]), entry
    # Witness names exactly as written, in four scripts
    for name in (
        "Şəkibə Əliyeva",
        "Анна Соколова",
        "Արամ Գևորգյան",
        "Ελένη Παπαδοπούλου",
        "Ramil Hüseynov",
        "Shakiba Aliyeva",
    ):
        assert name in text, name
    for word in ("погибли 487 человек", "Ամբարտակը փլուզվեց", "εκτοπισμένους", "Qaraçay çayı"):
        assert word in text, word
    # Chronology
    for entry in (
        "October 1997",
        "Dam bursts at about 2 a.m.",
        "Oral history, tape 3",
    ):
        assert entry in text, entry
    assert "EDTF 1997-10" not in text and "EDTF 1998-XX" not in text  # words, not codes
    # Figures: neutral wording for disagreement and agreement
    assert "Sources differ: 487 (2 sources), 1,000 (1 source)." in text
    assert "5 sources agree: 3,200." in text
    # Pinpoints
    assert "p. 4, chars 5120–5441" in text
    assert "para. 2, chars 120–339" in text
    # Fixity: every original's SHA-256 and the source digest
    for original in ORIGINALS:
        assert original.sha256 in text
        assert original.file_name in text
    assert source_digest(sample) in text
    # Page furniture on every page
    for i, page in enumerate(pages, start=1):
        assert f"page {i} of {n}" in page
        assert "Generated 2024-11-05 09:30 UTC" in page


def test_every_font_is_embedded_truetype(sample_pdf: bytes) -> None:
    fonts = fonts_of(sample_pdf)
    assert fonts
    for name, font in fonts.items():
        descendants = font.get("/DescendantFonts")
        if descendants:
            font = descendants[0].get_object()
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{name} has no descriptor (base-14 font?)"
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not an embedded TrueType"
        assert "Helvetica" not in name and "Times" not in name


def test_outline_links_and_metadata(sample: DossierData, sample_pdf: bytes) -> None:
    titles = outline_titles(sample_pdf)
    for title in (
        "Contents",
        "Documents",
        "Witness index",
        "Chronology",
        "Plates",
        "Appendix: Sources and fixity",
        "[D2] Информационное агентство «Кавказ», 14 мая 1998",
        "Plate 1. Flooded houses on the river bank, seen from the school roof",
    ):
        assert title in titles, title
    assert sum(t.startswith("[D") for t in titles) == len(sample.documents)

    r = reader(sample_pdf)
    internal = 0
    for page in r.pages:
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            assert action is None or action.get_object().get("/S") != "/URI", "external link"
            internal += 1
    # contents entries + witness passages + chronology + figure sources + fixity + plates
    assert internal >= 30
    meta = r.metadata
    assert meta.title == TITLE
    assert meta.author == "Nərmin Qasımova"
    assert meta.subject == "Flood of 12–13 May 1998 in Qaraçay"
    assert meta.creator == "Catena"
    assert "Qaraçay" in (meta.get("/Keywords") or "")


def test_plates_embed_the_originals(sample: DossierData, sample_pdf: bytes) -> None:
    found = image_xobjects(sample_pdf)
    assert len(found) == len(sample.plates)
    jpeg = next(o for o in found.values() if "/DCTDecode" in str(o.get("/Filter")))
    photo = Path(sample.plates[0].image_path)
    # The JPEG is embedded byte for byte, not decoded and re-encoded.
    assert jpeg.get_data() == photo.read_bytes()


# ---------------------------------------------------------------- structure & data


def test_sections_can_be_switched_off_and_reordered(sample: DossierData) -> None:
    data = dataclasses.replace(sample, sections=("witnesses", "cover", "figures"))
    pdf = render(data)
    pages = [squash(p) for p in page_texts(pdf)]
    text = " ".join(pages)
    first_witness = next(i for i, p in enumerate(pages) if "Witness index" in p)
    cover = next(i for i, p in enumerate(pages) if TITLE in p and "Compiled by" in p)
    figures = next(i for i, p in enumerate(pages) if "Figures compared across sources" in p)
    assert first_witness < cover < figures
    assert "Contents" not in text
    assert "Chronology" not in text
    assert "Excerpt 1" not in text
    assert "Appendix" not in text
    assert not image_xobjects(pdf)
    # Documents are absent, so cross-references are plain text, not links.
    assert "[D1] Qaraçay Xəbərləri, 13 May 1998, para. 1, chars 0–237" in text
    for page in reader(pdf).pages:
        assert not page.get("/Annots")
    titles = outline_titles(pdf)
    assert titles[0] == "Witness index"


def test_unknown_or_repeated_sections_are_refused(sample: DossierData) -> None:
    with pytest.raises(ValueError, match="unknown dossier sections"):
        render(dataclasses.replace(sample, sections=("cover", "apendix")))
    with pytest.raises(ValueError, match="twice"):
        render(dataclasses.replace(sample, sections=("cover", "cover")))
    with pytest.raises(ValueError, match="paper"):
        render(dataclasses.replace(sample, paper="A5"))


def test_reproducible_runs_are_identical(sample: DossierData, sample_pdf: bytes) -> None:
    again = render(sample, reproducible=True)
    assert again == sample_pdf
    plain = render(sample)
    assert all_text(plain) == all_text(sample_pdf)


def test_source_digest_definition(sample: DossierData, tmp_path: Path) -> None:
    digest = source_digest(sample)
    assert digest == hashlib.sha256(canonical_json(sample)).hexdigest()
    payload = json.loads(canonical_json(sample))
    assert payload["catena_dossier_source"] == 1
    assert "generated_at" not in payload["data"]
    assert all("image_path" not in p for p in payload["data"]["plates"])
    assert canonical_json(sample).decode("utf-8").count("Şəkibə Əliyeva") >= 1
    # Not part of the content: generation time and where images are stored.
    moved = tmp_path / "elsewhere.jpg"
    moved.write_bytes(Path(sample.plates[0].image_path).read_bytes())
    later = dataclasses.replace(
        sample,
        generated_at=GENERATED.replace(year=2030),
        plates=(dataclasses.replace(sample.plates[0], image_path=moved), *sample.plates[1:]),
    )
    assert source_digest(later) == digest
    # Part of the content: any printed text, and the choice of sections.
    assert source_digest(dataclasses.replace(sample, title=TITLE + ".")) != digest
    assert source_digest(dataclasses.replace(sample, sections=SECTION_NAMES[:3])) != digest
    # Integral floats and ints are the same number.
    fig = sample.figures[0]
    as_float = dataclasses.replace(
        fig, values=tuple(dataclasses.replace(v, value=float(v.value)) for v in fig.values)
    )
    assert (
        source_digest(dataclasses.replace(sample, figures=(as_float, *sample.figures[1:])))
        == digest
    )


def test_agreement_sentences_are_neutral() -> None:
    def v(value: float, doc: str, **kw: object) -> FigureValue:
        return FigureValue(value, doc, **kw)  # type: ignore[arg-type]

    assert describe_agreement([v(1000, "a"), v(487, "b"), v(487, "c")]) == (
        "Sources differ: 487 (2 sources), 1,000 (1 source)."
    )
    assert describe_agreement([v(5, d) for d in "abcde"]) == "5 sources agree: 5."
    assert describe_agreement([v(5, "a"), v(5, "a")]) == "1 source gives this figure: 5."
    assert (
        describe_agreement(
            [
                v(500, "a", qualifier="about"),
                v(500, "b"),
                v(480, "c", upper_value=490, qualifier="range"),
            ]
        )
        == "Sources differ: 480–490 (1 source), 500 (1 source), about 500 (1 source)."
    )
    assert describe_agreement([]) == "No source gives this figure."
    assert describe_agreement([v(7779, "a", qualifier="at least"), v(8372, "b")]) == (
        "2 sources give figures that can all be true: at least 7,779 (1 source), 8,372 (1 source)."
    )
    assert describe_agreement(
        [v(7000, "a", upper_value=8000, qualifier="range"), v(8000, "b", qualifier="more than")]
    ) == ("Sources differ: 7,000–8,000 (1 source), more than 8,000 (1 source).")


def test_progress_is_reported_and_monotonic(sample: DossierData) -> None:
    calls: list[tuple[int, int]] = []
    render(sample, progress=lambda done, total: calls.append((done, total)))
    assert calls
    totals = {t for _, t in calls}
    assert len(totals) == 1
    dones = [d for d, _ in calls]
    assert dones == sorted(dones)
    assert calls[-1][0] == calls[-1][1]
    # one unit per section heading, document and plate, reported during layout
    assert len(calls) > len(sample.documents) + len(sample.plates)


def test_citations_are_read_by_duck_typing() -> None:
    """The citation formatter's own types (``segments`` of text/italic runs) print as is."""
    from typing import NamedTuple

    class Run(NamedTuple):
        text: str
        italic: bool = False

    @dataclasses.dataclass(frozen=True)
    class FormattedCitation:
        segments: tuple[Run, ...]

    cite = FormattedCitation((Run("Hüseynov, R. "), Run("Sel <xronikası>", True), Run(", 1999.")))
    data = DossierData(
        title="Cite",
        compiler="C",
        generated_at=GENERATED,
        sections=("documents", "bibliography"),
        documents=(DocumentEntry("d", "Doc", cite),),  # type: ignore[arg-type]
        bibliography=(cite,),  # type: ignore[arg-type]
    )
    pdf = render(data)
    assert all_text(pdf).count("Hüseynov, R. Sel <xronikası>, 1999.") == 2
    assert any("Italic" in name for name in fonts_of(pdf))
    assert len(source_digest(data)) == 64
