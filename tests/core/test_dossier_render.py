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
from PIL import Image
from pypdf.generic import IndirectObject

from desktop.dossier import escape as esc
from desktop.dossier.data import (
    SECTION_NAMES,
    ChronologyEntry,
    DocumentEntry,
    DossierData,
    Excerpt,
    FigureComparison,
    FigureValue,
    OriginalFile,
    PassageRef,
    Pinpoint,
    Plate,
    Segment,
    TaggedSpan,
    Witness,
    canonical_json,
    source_digest,
)
from desktop.dossier.fonts import ENV_VAR, FontError, resolve_fonts
from desktop.dossier.render import render
from desktop.dossier.story import describe_agreement, probe_image

from .test_dossier_render_sample import (
    GENERATED,
    ORIGINALS,
    TITLE,
    make_map,
    make_photo,
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
        "EDTF 1997-10",
        "Dam bursts at about 2 a.m.",
        "EDTF 1998-XX",
        "Oral history, tape 3",
    ):
        assert entry in text, entry
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


def test_exif_orientation_is_applied_without_reencoding(tmp_path: Path) -> None:
    upright = make_photo(tmp_path / "upright.jpg", (800, 500), orientation=1)
    turned = make_photo(tmp_path / "turned.jpg", (800, 500), orientation=6)
    assert probe_image(upright).display_size == (800, 500)
    assert probe_image(turned).display_size == (500, 800)
    data = DossierData(
        title="Plates",
        compiler="T",
        generated_at=GENERATED,
        sections=("plates",),
        plates=(Plate(turned, "Rotated by EXIF"),),
    )
    pdf = render(data)
    (img,) = image_xobjects(pdf).values()
    assert img.get_data() == turned.read_bytes()


# ----------------------------------------------------------------------- escaping

HOSTILE = (
    '<img src="{png}"/> <font color="red" size="40">BIG</font> & &amp; &nbsp; &#x41; '
    '<b>unclosed <i>tags</b> </para> <a href="#x1">jump</a> <a name="d1"/> '
    '<onDraw name="drawTOCEntryEnd" label="1,0,None"/> 5 < 6 > 4 <br/> <u>u</u>'
)


def test_markup_in_catalogue_text_prints_literally(tmp_path: Path) -> None:
    png = make_map(tmp_path / "evil.png")
    with Image.open(png) as im:
        evil_size = im.size
    hostile = HOSTILE.format(png=png)
    photo = make_photo(tmp_path / "ok.jpg", (300, 200))
    text = "Start. " + hostile + " End."
    data = DossierData(
        title="Hostile " + hostile,
        subtitle=hostile,
        compiler="<b>me</b> & you",
        generated_at=GENERATED,
        selection=hostile,
        catalogue_name="<i>cat</i>",
        keywords=("<x>",),
        documents=(
            DocumentEntry(
                key="k<1>",
                short_title="Doc " + hostile,
                citation=(Segment(hostile), Segment(hostile, italic=True)),
                reference_code=hostile,
                doc_type=hostile,
                publisher=hostile,
                date=hostile,
                dateline=hostile,
                url=f'javascript:alert(1)" <a href="{png}">',
                excerpts=(
                    Excerpt(
                        key='"><a name="x1"/>',
                        text=text,
                        pinpoint=Pinpoint(0, len(text), paragraph=1),
                        spans=(
                            TaggedSpan(0, 5, "person<script>", hostile),
                            TaggedSpan(7, 30, "date"),
                        ),
                        note=hostile,
                    ),
                ),
                notes=(hostile,),
            ),
        ),
        witnesses=(
            Witness(
                hostile,
                variants=(hostile,),
                roles=(hostile,),
                description=hostile,
                passages=(PassageRef('"><a name="x1"/>', hostile, hostile),),
            ),
        ),
        chronology=(ChronologyEntry(hostile, hostile, hostile, '"><a name="x1"/>'),),
        figures=(
            FigureComparison(
                hostile, (FigureValue(1, "k<1>", as_written=hostile, published=hostile),)
            ),
        ),
        plates=(
            Plate(
                photo,
                hostile,
                credit=hostile,
                rights=hostile,
                exif_date=hostile,
                source_reference=hostile,
                sha256=hostile,
            ),
        ),
        bibliography=((Segment(hostile), Segment(hostile, italic=True)),),
        originals=(OriginalFile(hostile, 1, hostile, hostile),),
    )
    pdf = render(data)
    text_out = all_text(pdf)
    # The markup is printed, character for character (whitespace aside).
    for fragment in (
        f'<img src="{png}"/>',
        '<font color="red" size="40">BIG</font>',
        "& &amp; &nbsp; &#x41;",
        "<b>unclosed <i>tags</b> </para>",
        '<a href="#x1">jump</a>',
        "5 < 6 > 4 <br/> <u>u</u>",
    ):
        assert text_out.count(squash(fragment)) >= 10, fragment
    assert "<b>me</b> & you" in text_out
    assert "<i>cat</i>" in text_out
    # Only the dossier's own plate is embedded: the <img> in the text embedded nothing.
    found = image_xobjects(pdf)
    assert len(found) == 1
    (img,) = found.values()
    assert (img["/Width"], img["/Height"]) == (300, 200) != evil_size
    meta = reader(pdf).metadata
    assert meta.title == "Hostile " + hostile
    assert meta.author == "<b>me</b> & you"


def test_escape_functions() -> None:
    assert esc.text('<a href="x">&amp;</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;"
    assert esc.lines("a\r\nb\rc") == "a<br/>b<br/>c"
    assert esc.text("a\nb\tc") == "a b c"
    assert esc.text("bell\x07 nul\x00 lone\ud800") == "bell\ufffd nul\ufffd lone\ufffd"
    assert esc.shorten("abcdef", 3) == "abc… [truncated: 6 characters; full text in the catalogue]"


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


# ------------------------------------------------------------------ robustness


def test_huge_texts_do_not_break_layout(tmp_path: Path) -> None:
    words = ("Qaraçay sel suyu " * 20000)[:200_000]  # one 200,000-character paragraph
    blob = "x" * 200_000  # and one without a single space
    spans = (TaggedSpan(0, 7, "place"), TaggedSpan(199_000, 199_010, "figure", "late tag"))
    data = DossierData(
        title="L" * 5000,
        compiler="C" * 3000,
        generated_at=GENERATED,
        selection="q " * 5000,
        sections=("cover", "contents", "documents", "witnesses", "chronology", "fixity"),
        documents=(
            DocumentEntry(
                key="big",
                short_title="T" * 3000,
                citation=(Segment("S " * 3000),),
                url="https://example.org/" + "a" * 5000,
                excerpts=(
                    Excerpt("e1", words, Pinpoint(0, len(words), paragraph=1), spans),
                    Excerpt("e2", blob, Pinpoint(0, len(blob), page=2)),
                ),
                notes=(words[:90_000],),
            ),
        ),
        witnesses=(Witness("W " * 2000, passages=(PassageRef("e1", quote="q" * 50_000),)),),
        chronology=tuple(
            ChronologyEntry(f"1998-05-{i % 28 + 1:02d}", f"day {i}", "word " * 400, "e1")
            for i in range(130)
        ),
        originals=tuple(
            OriginalFile(f"file-{i}.pdf" + "n" * 600, i, "2024-01-01", "0" * 64) for i in range(130)
        ),
    )
    pdf = render(data)
    pages = page_texts(pdf)
    assert len(pages) > 40
    text = squash(" ".join(pages))
    assert "characters omitted" in text
    assert "late tag" in text
    assert "characters; full text in the catalogue]" in text
    assert f"page {len(pages)} of {len(pages)}" in pages[-1]


def test_unreadable_image_prints_a_notice(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a jpeg")
    data = DossierData(
        title="P",
        compiler="C",
        generated_at=GENERATED,
        sections=("plates",),
        plates=(Plate(broken, "Broken scan"), Plate(tmp_path / "missing.png", "Missing")),
    )
    text = all_text(render(data))
    assert "Image could not be read: broken.jpg" in text
    assert "Image could not be read: missing.png" in text


# ------------------------------------------------------------------------- fonts


def test_bundled_fonts_cover_all_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    fonts = resolve_fonts()
    assert fonts.label.startswith("DejaVu")
    assert len({fonts.regular, fonts.bold, fonts.italic}) == 3
    bundled = Path(__file__).resolve().parents[2] / "resources" / "fonts"
    assert (bundled / "LICENSE-DejaVu.txt").is_file()
    assert (bundled / "README.md").is_file()
    for licence in ("OFL.txt", "LICENSE-Apache-2.0.txt", "LICENSE-Symbola.txt"):
        assert (bundled / licence).is_file()  # the fallback fonts' licences ship with them
    assert sum(f.stat().st_size for f in bundled.glob("*.ttf")) < 15_000_000


def test_font_dir_without_usable_fonts_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: DossierData
) -> None:
    (tmp_path / "DejaVuSerif.ttf").write_bytes(b"not a font")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(FontError) as err:
        render(sample)
    message = str(err.value)
    assert ENV_VAR in message and str(tmp_path) in message
    assert "DejaVu Serif" in message and "Armenian" in message


@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_matrix_matches_exif_transpose(orientation: int) -> None:
    """The drawing transform puts every stored pixel where EXIF says it belongs."""
    from PIL import ImageOps

    from desktop.dossier.story import _orientation_matrix

    upright = Image.new("RGB", (60, 40), "white")
    upright.putpixel((5, 3), (255, 0, 0))  # a marker near the top-left corner
    inverse = {
        1: None,
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_90,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_270,
    }[orientation]
    stored = upright if inverse is None else upright.transpose(inverse)
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    stored.save(buf, "PNG", exif=exif.tobytes())
    assert ImageOps.exif_transpose(Image.open(buf)).getpixel((5, 3)) == (255, 0, 0)

    ((u, v),) = [
        (x, y)
        for x in range(stored.width)
        for y in range(stored.height)
        if stored.getpixel((x, y)) == (255, 0, 0)
    ]
    w, h = stored.size
    a, b, c, d, e, f = _orientation_matrix(orientation, w, h)
    x, y = u + 0.5, h - (v + 0.5)  # pixel centre in PDF image space (y up)
    xd, yd = a * x + c * y + e, b * x + d * y + f
    assert (round(xd - 0.5), round(upright.height - yd - 0.5)) == (5, 3)


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
