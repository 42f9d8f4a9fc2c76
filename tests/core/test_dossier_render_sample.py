"""A fictional archive for the dossier renderer's tests, and checks of the sample itself.

The Qaraçay flood of 12–13 May 1998 never happened; every person, paper and number
here is invented. The material is multilingual on purpose (Azerbaijani, Russian,
Armenian, Greek) and contains one figure on which sources disagree and one on which
they agree. Run this file directly to write /tmp/dossier_sample.pdf for inspection.
"""

from __future__ import annotations

import hashlib
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageDraw

from desktop.dossier.data import (
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
)

TITLE = "The Qaraçay flood of May 1998"
GENERATED = datetime(2024, 11, 5, 9, 30, tzinfo=UTC)


def span(text: str, needle: str, kind: str, label: str | None = None) -> TaggedSpan:
    """Tag the first occurrence of ``needle`` in ``text`` (offsets computed, not typed)."""
    start = text.index(needle)
    return TaggedSpan(start, start + len(needle), kind, label)


def fake_sha(name: str) -> str:
    return hashlib.sha256(f"original:{name}".encode()).hexdigest()


AZ_TEXT = (
    "QARAÇAY, 13 may. Gecə saat ikidə Qaraçay çayı sahilləri aşdı. Məktəb müəllimi "
    "Şəkibə Əliyeva deyir ki, su bir saat ərzində birinci mərtəbələrə çatdı. "
    "Rəsmi məlumata görə, sel nəticəsində 487 nəfər həlak olub, 3,200 sakin evini tərk edib."
)
RU_TEXT = (
    "КАРАЧАЙ, 14 мая. По данным районной администрации, в результате наводнения "
    "погибли 487 человек. Журналист Анна Соколова сообщает, что около 3,200 жителей "
    "эвакуированы в школу и больницу. Дамбу прорвало в ночь на 13 мая."
)
HY_TEXT = (
    "Ինժեներ Արամ Գևորգյանի հայտարարությունը. «Ամբարտակը փլուզվեց մայիսի 13-ի գիշերը, "
    "ժամը 2-ին։ Ես զգուշացրել էի 1997 թվականի հոկտեմբերին»։ 3,200 բնակիչ տեղահանվեց։"
)
EL_TEXT = (
    "Επιστολή της Ελένης Παπαδοπούλου, εθελόντριας. Στις 15 Μαΐου 1998 φτάσαμε στο "
    "Καρατσάι· η πόλη ήταν κάτω από το νερό. Μετρήσαμε 3,200 εκτοπισμένους."
)
EN_TEXT = (
    "Report of the Relief Commission, page 4. The Commission heard Ramil Hüseynov, "
    "head of the district civil defence, on 20 May 1998. In the Commission's estimate, "
    "1,000 people died in the flood, more than twice the district figure; 3,200 residents "
    "were displaced. The dam at Yuxarı Qaraçay had not been inspected since 1991."
)


def sample_documents() -> tuple[DocumentEntry, ...]:
    return (
        DocumentEntry(
            key="doc-az",
            short_title="Qaraçay Xəbərləri, 13 May 1998",
            citation=(
                Segment("“Qaraçayda sel: 487 nəfər həlak olub,” "),
                Segment("Qaraçay Xəbərləri", italic=True),
                Segment(", 13 May 1998, p. 1."),
            ),
            reference_code="QX/1998/05/13-1",
            doc_type="Newspaper article",
            publisher="Qaraçay Xəbərləri",
            date="13 May 1998",
            dateline="QARAÇAY, 13 may",
            url="https://example.org/qx/1998-05-13",
            excerpts=(
                Excerpt(
                    key="ex-az-1",
                    text=AZ_TEXT,
                    pinpoint=Pinpoint(0, len(AZ_TEXT), paragraph=1),
                    spans=(
                        span(AZ_TEXT, "Şəkibə Əliyeva", "person", "Şəkibə Əliyeva, witness"),
                        span(AZ_TEXT, "13 may", "date", "1998-05-13"),
                        span(AZ_TEXT, "487 nəfər həlak olub", "figure", "487 killed"),
                        span(AZ_TEXT, "3,200 sakin", "figure", "3,200 displaced"),
                    ),
                    note="Translation held in the catalogue notes.",
                ),
            ),
            notes=("Front page; the article continues on page 3 (not imported).",),
        ),
        DocumentEntry(
            key="doc-ru",
            short_title="Информационное агентство «Кавказ», 14 мая 1998",
            citation=(
                Segment("«Наводнение в Карачае», "),
                Segment("Кавказ-Пресс", italic=True),
                Segment(", 14 мая 1998."),
            ),
            doc_type="Wire report",
            publisher="Кавказ-Пресс",
            date="14 May 1998",
            dateline="КАРАЧАЙ, 14 мая",
            excerpts=(
                Excerpt(
                    key="ex-ru-1",
                    text=RU_TEXT,
                    pinpoint=Pinpoint(120, 120 + len(RU_TEXT), paragraph=2),
                    spans=(
                        span(RU_TEXT, "погибли 487 человек", "figure", "487 killed"),
                        span(RU_TEXT, "Анна Соколова", "person", "Анна Соколова, journalist"),
                        span(RU_TEXT, "3,200 жителей", "figure", "3,200 displaced"),
                        span(RU_TEXT, "в ночь на 13 мая", "date", "1998-05-12/1998-05-13"),
                    ),
                ),
            ),
        ),
        DocumentEntry(
            key="doc-hy",
            short_title="Statement of Aram Gevorgyan (engineer)",
            citation=(
                Segment("Արամ Գևորգյան, "),
                Segment("Հայտարարություն", italic=True),
                Segment(", 16 May 1998."),
            ),
            doc_type="Witness statement",
            date="16 May 1998",
            excerpts=(
                Excerpt(
                    key="ex-hy-1",
                    text=HY_TEXT,
                    pinpoint=Pinpoint(0, len(HY_TEXT), page=1),
                    spans=(
                        span(HY_TEXT, "Արամ Գևորգյանի", "person", "Արամ Գևորգյան, witness"),
                        span(HY_TEXT, "մայիսի 13-ի գիշերը", "date", "1998-05-13"),
                        span(HY_TEXT, "1997 թվականի հոկտեմբերին", "date", "1997-10"),
                        span(HY_TEXT, "3,200 բնակիչ", "figure", "3,200 displaced"),
                    ),
                ),
            ),
        ),
        DocumentEntry(
            key="doc-el",
            short_title="Letter of Eleni Papadopoulou",
            citation=(
                Segment("Ελένη Παπαδοπούλου, "),
                Segment("Επιστολή", italic=True),
                Segment(", 1998."),
            ),
            doc_type="Letter",
            date="May 1998",
            excerpts=(
                Excerpt(
                    key="ex-el-1",
                    text=EL_TEXT,
                    pinpoint=Pinpoint(0, len(EL_TEXT), paragraph=1),
                    spans=(
                        span(EL_TEXT, "Ελένης Παπαδοπούλου", "person", "Ελένη Παπαδοπούλου"),
                        span(EL_TEXT, "15 Μαΐου 1998", "date", "1998-05-15"),
                        span(EL_TEXT, "Καρατσάι", "place", "Qaraçay"),
                        span(EL_TEXT, "3,200 εκτοπισμένους", "figure", "3,200 displaced"),
                    ),
                ),
            ),
        ),
        DocumentEntry(
            key="doc-en",
            short_title="Relief Commission report",
            citation=(
                Segment("Relief Commission, "),
                Segment("Report on the Qaraçay Flood", italic=True),
                Segment(" (Bakı, 1998), p. 4."),
            ),
            reference_code="RC-1998-07",
            doc_type="Report (PDF)",
            publisher="Relief Commission",
            date="July 1998",
            excerpts=(
                Excerpt(
                    key="ex-en-1",
                    text=EN_TEXT,
                    pinpoint=Pinpoint(5120, 5120 + len(EN_TEXT), page=4),
                    spans=(
                        span(EN_TEXT, "Ramil Hüseynov", "person", "Ramil Hüseynov, witness"),
                        span(EN_TEXT, "20 May 1998", "date", "1998-05-20"),
                        span(EN_TEXT, "1,000 people died", "figure", "1,000 killed"),
                        span(EN_TEXT, "3,200 residents", "figure", "3,200 displaced"),
                        span(EN_TEXT, "Relief Commission", "organisation"),
                    ),
                ),
            ),
            notes=("The Commission's figure is an estimate; its method is described on p. 2.",),
        ),
    )


WITNESSES = (
    Witness(
        "Şəkibə Əliyeva",
        variants=("Shakiba Aliyeva", "Шакиба Алиева"),
        roles=("witness",),
        description="Schoolteacher, Qaraçay secondary school no. 2",
        passages=(PassageRef("ex-az-1", "witness", "Şəkibə Əliyeva deyir ki"),),
    ),
    Witness(
        "Анна Соколова",
        variants=("Anna Sokolova",),
        roles=("journalist",),
        passages=(PassageRef("ex-ru-1", "author", "Журналист Анна Соколова сообщает"),),
    ),
    Witness(
        "Արամ Գևորգյան",
        variants=("Aram Gevorgyan",),
        roles=("witness", "engineer"),
        passages=(PassageRef("ex-hy-1", "witness"),),
    ),
    Witness(
        "Ελένη Παπαδοπούλου",
        variants=("Eleni Papadopoulou",),
        roles=("witness",),
        passages=(PassageRef("ex-el-1", "author"),),
    ),
    Witness(
        "Ramil Hüseynov",
        roles=("witness",),
        description="Head of district civil defence",
        passages=(PassageRef("ex-en-1", "witness", "The Commission heard Ramil Hüseynov"),),
    ),
)

CHRONOLOGY = (
    ChronologyEntry("1997-10", "October 1997", "Engineer warns about the dam", "ex-hy-1"),
    ChronologyEntry(
        "1998-05-13", "13 May 1998", "Dam bursts at about 2 a.m.; river floods Qaraçay", "ex-az-1"
    ),
    ChronologyEntry("1998-05-15", "15 May 1998", "Aid volunteers reach the town", "ex-el-1"),
    ChronologyEntry(
        "1998-05-20", "20 May 1998", "Relief Commission hears the civil defence chief", "ex-en-1"
    ),
    ChronologyEntry(
        "1998-XX",
        "1998 (month unknown)",
        "Catalogue entry without excerpt",
        None,
        "Oral history, tape 3",
    ),
)

FIGURES = (
    FigureComparison(
        "killed",
        label="Persons killed",
        values=(
            FigureValue(
                487,
                "doc-az",
                as_written="487 nəfər həlak olub",
                published="13 May 1998",
                published_sort="1998-05-13",
                excerpt_key="ex-az-1",
            ),
            FigureValue(
                487,
                "doc-ru",
                as_written="погибли 487 человек",
                published="14 May 1998",
                published_sort="1998-05-14",
                excerpt_key="ex-ru-1",
            ),
            FigureValue(
                1000,
                "doc-en",
                as_written="1,000 people died",
                published="July 1998",
                published_sort="1998-07",
                excerpt_key="ex-en-1",
            ),
        ),
    ),
    FigureComparison(
        "displaced",
        label="Residents displaced",
        values=tuple(
            FigureValue(
                3200,
                key,
                as_written=f"3,200 ({key})",
                published=pub,
                published_sort=sort,
                excerpt_key=ex,
            )
            for key, pub, sort, ex in (
                ("doc-en", "July 1998", "1998-07", "ex-en-1"),
                ("doc-az", "13 May 1998", "1998-05-13", "ex-az-1"),
                ("doc-ru", "14 May 1998", "1998-05-14", "ex-ru-1"),
                ("doc-hy", "16 May 1998", "1998-05-16", "ex-hy-1"),
                ("doc-el", "May 1998", None, "ex-el-1"),
            )
        ),
    ),
)

ORIGINALS = tuple(
    OriginalFile(name, size, "2024-03-01 10:15 UTC", fake_sha(name), key)
    for name, size, key in (
        ("qx-1998-05-13.pdf", 1_204_332, "doc-az"),
        ("kavkaz-press-1998-05-14.txt", 4_512, "doc-ru"),
        ("gevorgyan-statement.pdf", 88_120, "doc-hy"),
        ("papadopoulou-letter.docx", 23_904, "doc-el"),
        ("relief-commission-report.pdf", 3_310_778, "doc-en"),
    )
)


def make_photo(path: Path, size: tuple[int, int] = (900, 600), *, orientation: int = 1) -> Path:
    """A JPEG "photograph": sky, water, roofs; optional EXIF orientation and date."""
    rng = random.Random(7)
    im = Image.new("RGB", size, (180, 200, 220))
    draw = ImageDraw.Draw(im)
    w, h = size
    draw.rectangle([0, h * 0.55, w, h], fill=(90, 110, 120))
    for _ in range(12):
        x = rng.randint(0, w - 80)
        draw.rectangle([x, h * 0.35, x + 70, h * 0.6], fill=(140, 90, 70))
        draw.polygon(
            [(x - 5, h * 0.35), (x + 35, h * 0.25), (x + 75, h * 0.35)], fill=(100, 40, 40)
        )
    draw.text((20, 20), "FICTIONAL", fill=(0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0132] = "1998:05:15 10:42:00"
    im.save(path, "JPEG", quality=85, exif=exif.tobytes())
    return path


def make_map(path: Path) -> Path:
    """A PNG "sketch map" with transparency."""
    im = Image.new("RGBA", (500, 700), (255, 255, 255, 0))
    draw = ImageDraw.Draw(im)
    draw.line([(50, 0), (250, 350), (450, 700)], fill=(30, 60, 200, 255), width=18)
    draw.ellipse([200, 300, 320, 420], outline=(200, 0, 0, 255), width=6)
    draw.text((30, 650), "Qaracay (sketch)", fill=(0, 0, 0, 255))
    im.save(path, "PNG")
    return path


def sample_dossier(image_dir: Path, **overrides: object) -> DossierData:
    """The full sample dossier; images are written into ``image_dir``."""
    photo = make_photo(image_dir / "flood-photo.jpg")
    sketch = make_map(image_dir / "sketch-map.png")
    plates = (
        Plate(
            photo,
            "Flooded houses on the river bank, seen from the school roof",
            credit="Photo: Eleni Papadopoulou",
            rights="Reproduced with permission",
            exif_date="1998-05-15 10:42",
            source_reference="EP/photos/12",
            document_key="doc-el",
            sha256=hashlib.sha256(photo.read_bytes()).hexdigest(),
        ),
        Plate(
            sketch,
            "Sketch map of the breach attached to the engineer's statement",
            credit="Aram Gevorgyan",
            rights="Public record",
            source_reference="Statement, annex 1",
            document_key="doc-hy",
        ),
    )
    fields: dict[str, object] = dict(
        title=TITLE,
        subtitle="Citation dossier: reports, statements and figures",
        compiler="Nərmin Qasımova",
        generated_at=GENERATED,
        selection='tag:flood AND date:1998-05 (query "Qaraçay sel")',
        catalogue_name="Qaraçay Oral History Archive",
        subject="Flood of 12–13 May 1998 in Qaraçay",
        keywords=("flood", "Qaraçay", "1998"),
        documents=sample_documents(),
        witnesses=WITNESSES,
        chronology=CHRONOLOGY,
        figures=FIGURES,
        plates=plates,
        bibliography=(
            (
                Segment("Əliyev, R. "),
                Segment("Qaraçay: bir şəhərin tarixi", italic=True),
                Segment(". Bakı, 1995."),
            ),
            (
                Segment("Соколова, А. "),
                Segment("Репортажи с Кавказа", italic=True),
                Segment(". Москва, 2001."),
            ),
            (
                Segment("Relief Commission. "),
                Segment("Report on the Qaraçay Flood", italic=True),
                Segment(". 1998."),
            ),
        ),
        originals=ORIGINALS,
        language="en",
    )
    fields.update(overrides)
    return DossierData(**fields)  # type: ignore[arg-type]


def test_sample_offsets_point_at_the_words() -> None:
    """The sample's spans are computed from the text, so they mark what they say."""
    for doc in sample_documents():
        for ex in doc.excerpts:
            for s in ex.spans:
                assert 0 <= s.start < s.end <= len(ex.text)


if __name__ == "__main__":  # pragma: no cover - manual inspection helper
    from desktop.dossier.render import render

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/dossier_sample.pdf")
    img_dir = out.parent / "dossier_sample_images"
    img_dir.mkdir(exist_ok=True)
    out.write_bytes(render(sample_dossier(img_dir), reproducible=True))
    print(out)
