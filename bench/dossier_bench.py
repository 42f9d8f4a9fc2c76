"""Benchmark: render a ~500-page dossier with 100 scanned page images.

Run from the repository root:  .venv/bin/python bench/dossier_bench.py [--pages-hint N]

Generates JPEG "scans" (1700×2200 px greyscale: paper noise plus lines of text, like
a 200 dpi scan of an A4 page) once into a cache folder, builds a synthetic catalogue
selection of matching size, renders it, and reports wall time, peak RSS
(``resource.getrusage``), page count and PDF size. Targets on the 2-core reference
machine: ≤ 15 s and ≤ 1 GB RSS.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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
from desktop.dossier.render import render

_VOCABULARY = (
    "su sel çay körpü bənd sakin məktəb gecə səhər xəbər komissiya hesabat "
    "вода мост плотина жители школа ночь утро отчёт комиссия "
    "river bridge dam residents school night morning report commission witness said "
    "ποταμός γέφυρα νερό Ջուր կամուրջ գիշեր"
)
WORDS = _VOCABULARY.split()
FIRST = ["Şəkibə", "Ramil", "Nərmin", "Anna", "Aram", "Eleni", "Elçin", "Gülnar", "Иван", "Սոնա"]
LAST = ["Əliyeva", "Hüseynov", "Qasımova", "Sokolova", "Gevorgyan", "Papadopoulou", "Məmmədov"]


def make_scans(folder: Path, count: int, size: tuple[int, int] = (1700, 2200)) -> list[Path]:
    """Greyscale page scans: light paper noise and dark text lines; cached by name."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1998)
    paths = []
    for i in range(count):
        path = folder / f"scan-{i:03d}.jpg"
        paths.append(path)
        if path.exists():
            continue
        noise = Image.effect_noise(size, 18).point(lambda v: 200 + v // 5)
        draw = ImageDraw.Draw(noise)
        y = 160
        while y < size[1] - 160:
            x = 150
            while x < size[0] - 200:
                w = rng.randint(40, 160)
                draw.rectangle([x, y, x + w, y + 18], fill=rng.randint(20, 70))
                x += w + rng.randint(14, 30)
            y += rng.choice((44, 44, 44, 90))
        noise.save(path, "JPEG", quality=75)
    return paths


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build_data(scans: list[Path], n_docs: int) -> DossierData:
    rng = random.Random(5)
    docs = []
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}" for i in range(150)]
    passages: dict[str, list[PassageRef]] = {p: [] for p in people}
    chronology = []
    figure_values: dict[str, list[FigureValue]] = {f"category {c}": [] for c in range(25)}
    for d in range(n_docs):
        key = f"doc-{d}"
        excerpts = []
        for e in range(4):
            person = rng.choice(people)
            text = " ".join(sentence(rng, rng.randint(10, 25)) for _ in range(10))
            text = f"{person} told the commission on {d % 28 + 1} May 1998: {text}"
            n = text.index(" told")
            fig_at = text.index(" ", 200)
            spans = (
                TaggedSpan(0, n, "person", f"{person}, witness"),
                TaggedSpan(n + 25, n + 36, "date", f"1998-05-{d % 28 + 1:02d}"),
                TaggedSpan(fig_at + 1, fig_at + 12, "figure", "487 killed"),
            )
            ex_key = f"{key}-x{e}"
            start = rng.randint(0, 40000)
            excerpts.append(
                Excerpt(ex_key, text, Pinpoint(start, start + len(text), page=e + 1), spans)
            )
            passages[person].append(PassageRef(ex_key, "witness", text[:120]))
            chronology.append(
                ChronologyEntry(
                    f"1998-05-{d % 28 + 1:02d}", f"{d % 28 + 1} May 1998", sentence(rng, 12), ex_key
                )
            )
            cat = f"category {rng.randrange(25)}"
            figure_values[cat].append(
                FigureValue(
                    rng.choice((487, 487, 500, 1000)),
                    key,
                    as_written=sentence(rng, 4),
                    published=f"{d % 28 + 1} May 1998",
                    published_sort=f"1998-05-{d % 28 + 1:02d}",
                    excerpt_key=ex_key,
                )
            )
        docs.append(
            DocumentEntry(
                key=key,
                short_title=f"Report {d}: {sentence(rng, 5)}",
                citation=(
                    Segment(f"Author {d}, "),
                    Segment(sentence(rng, 6), italic=True),
                    Segment(", 1998."),
                ),
                reference_code=f"REF/{d:04d}",
                doc_type="Report",
                publisher="Qaraçay Xəbərləri",
                date=f"{d % 28 + 1} May 1998",
                excerpts=tuple(excerpts),
                notes=(sentence(rng, 40),),
            )
        )
    chronology.sort(key=lambda c: c.edtf)
    plates = tuple(
        Plate(
            p,
            f"Scanned page {i + 1} of the commission file",
            credit="Commission archive",
            rights="Public record",
            exif_date="1998-07-01",
            source_reference=f"RC/{i}",
            document_key=f"doc-{i % n_docs}",
        )
        for i, p in enumerate(scans)
    )
    originals = tuple(
        OriginalFile(
            f"original-{d:04d}.pdf",
            100_000 + d,
            "2024-03-01 10:00 UTC",
            hashlib.sha256(str(d).encode()).hexdigest(),
            f"doc-{d}",
        )
        for d in range(n_docs)
    )
    return DossierData(
        title="Benchmark dossier: the Qaraçay flood",
        compiler="Bench",
        generated_at=datetime(2024, 11, 5, tzinfo=UTC),
        selection="everything",
        catalogue_name="Bench catalogue",
        documents=tuple(docs),
        witnesses=tuple(
            Witness(p, roles=("witness",), passages=tuple(passages[p])) for p in people
        ),
        chronology=tuple(chronology),
        figures=tuple(FigureComparison(c, tuple(v)) for c, v in figure_values.items() if v),
        plates=plates,
        bibliography=tuple(
            (Segment(f"Author {i}. "), Segment("A book", italic=True)) for i in range(50)
        ),
        originals=originals,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=142, help="documents (≈2.8 pages each)")
    parser.add_argument("--images", type=int, default=100)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "catena-bench-scans"
    )
    parser.add_argument("--out", type=Path, default=None, help="also write the PDF here")
    args = parser.parse_args()

    t0 = time.perf_counter()
    scans = make_scans(args.cache, args.images)
    t_scans = time.perf_counter() - t0
    data = build_data(scans, args.docs)

    t1 = time.perf_counter()
    pdf = render(data)
    t_render = time.perf_counter() - t1
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux

    import pypdf  # after measuring: parsing is not part of the build

    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    if args.out:
        args.out.write_bytes(pdf)
    scan_mb = sum(p.stat().st_size for p in scans) / 1e6
    print(f"scans: {len(scans)} × 1700×2200 JPEG, {scan_mb:.1f} MB ({t_scans:.1f} s to prepare)")
    print(f"pages: {pages}   pdf: {len(pdf) / 1e6:.1f} MB")
    print(f"build time: {t_render:.2f} s   (target ≤ 15 s)")
    print(f"peak RSS: {peak_kb / 1024:.0f} MB   (target ≤ 1024 MB)")
    ok = t_render <= 15 and peak_kb <= 1024 * 1024
    print("OK" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
