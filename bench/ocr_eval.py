"""OCR benchmark: character error rate and seconds per page, per language and degradation.

Run: ``.venv/bin/python bench/ocr_eval.py`` (``--languages eng,rus`` and
``--variants clean,rotated`` to run part; ``--json FILE`` to keep the figures).

Pages are drawn here with Pillow in Catena's bundled fonts (resources/fonts), so the
true text is known exactly: an A4 page at 300 dpi holding one passage per language
(``bench/ocr_texts.py``), wrapped to the page, read by the same code the import uses
(``desktop.ingest.ocr.ocr_original``: straightening, Tesseract OSD and LSTM). Variants:

* ``clean``: the page as drawn;
* ``rotated``: turned a quarter turn and then 2.5° more (a page fed sideways, askew);
* ``noisy``: Gaussian grain (σ 40 grey levels) and 0.5 % salt-and-pepper specks;
* ``lowres``: scanned at 100 dpi (the 300 dpi page reduced to a third);
* ``columns``: the passage set in two columns.

CER = Levenshtein distance between the read text and the true text / length of the
true text, both with runs of whitespace made one space (line breaks are layout, not
content). Seconds per page: wall time of the whole read (drawing the PDF page,
straightening, OSD, recognition), and the CPU time the process and Tesseract used
(on a shared machine, wall time includes waiting for a core).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFontFile  # noqa: E402

from bench.ocr_texts import FONTS, TEXTS  # noqa: E402
from desktop.dossier.glyphs import FALLBACKS  # noqa: E402
from desktop.ingest.ocr import ocr_original  # noqa: E402

FONT_DIR = REPO_ROOT / "resources" / "fonts"
PAGE = (2480, 3508)  # A4 at 300 dpi
MARGIN = 220
FONT_SIZE = 42  # 10 pt at 300 dpi
LINE_HEIGHT = 66
VARIANTS = ("clean", "rotated", "noisy", "lowres", "columns")


def _charmap(path: Path) -> frozenset[int]:
    """The code points *path* has glyphs for (read with ReportLab's TrueType parser)."""
    return frozenset(TTFontFile(str(path)).charToGlyph)


class Fonts:
    """The language's font, then DejaVu Serif, then the dossier's fallback fonts, chosen
    per character from each font's character map: a page drawn in a font that lacks a
    letter shows an empty box, and OCR cannot read a letter that was never drawn (Noto
    Serif Georgian has no digits; DejaVu Serif lacks the Azerbaijani Cyrillic ҹ and ҝ)."""

    def __init__(self, language: str, size: int = FONT_SIZE) -> None:
        files = [FONTS[language], "DejaVuSerif.ttf", *(regular for _, regular, _ in FALLBACKS)]
        self.chain = [
            (ImageFont.truetype(str(FONT_DIR / name), size), _charmap(FONT_DIR / name))
            for name in dict.fromkeys(files)
            if (FONT_DIR / name).exists()
        ]

    def font_for(self, char: str) -> ImageFont.FreeTypeFont:
        if char.isspace():
            return self.chain[0][0]
        for font, charmap in self.chain:
            if ord(char) in charmap:
                return font
        return self.chain[0][0]

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        found: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for char in text:
            font = self.font_for(char)
            if found and found[-1][1] is font:
                found[-1] = (found[-1][0] + char, font)
            else:
                found.append((char, font))
        return found

    def getlength(self, text: str) -> float:
        return sum(font.getlength(run) for run, font in self.runs(text))

    def draw(self, draw: ImageDraw.ImageDraw, x: float, y: float, text: str) -> None:
        for run, font in self.runs(text):
            draw.text((x, y), run, font=font, fill=0)
            x += font.getlength(run)


def wrap(text: str, font: Fonts, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.getlength(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def draw_page(language: str, variant: str) -> Image.Image:
    font = Fonts(language)
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    text = TEXTS[language]
    if variant == "columns":
        gutter = 120
        column = (PAGE[0] - 2 * MARGIN - gutter) // 2
        words = text.split()
        half = len(words) // 2
        for index, part in enumerate((" ".join(words[:half]), " ".join(words[half:]))):
            x = MARGIN + index * (column + gutter)
            for number, line in enumerate(wrap(part, font, column)):
                font.draw(draw, x, MARGIN + number * LINE_HEIGHT, line)
    else:
        for number, line in enumerate(wrap(text, font, PAGE[0] - 2 * MARGIN)):
            font.draw(draw, MARGIN, MARGIN + number * LINE_HEIGHT, line)
    if variant == "rotated":
        page = page.rotate(90, expand=True).rotate(
            2.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
        )
    elif variant == "noisy":
        page = _noisy(page)
    elif variant == "lowres":
        page = page.resize((PAGE[0] // 3, PAGE[1] // 3), Image.Resampling.LANCZOS)
    return page


def _noisy(page: Image.Image) -> Image.Image:
    import numpy as np

    generator = np.random.default_rng(20)
    pixels = np.asarray(page, dtype=np.float32)
    pixels = pixels + generator.normal(0, 40, pixels.shape)
    specks = generator.random(pixels.shape)
    pixels[specks < 0.0025] = 0
    pixels[specks > 0.9975] = 255
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def as_pdf(page: Image.Image, variant: str) -> bytes:
    out = io.BytesIO()
    page.save(out, "PDF", resolution=100 if variant == "lowres" else 300)
    return out.getvalue()


def normalise(text: str) -> str:
    return " ".join(text.split())


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(language: str, variant: str) -> dict[str, object]:
    data = as_pdf(draw_page(language, variant), variant)
    cpu, wall = cpu_seconds(), time.perf_counter()
    result = ocr_original(data, "application/pdf", (language,))
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    truth, read = normalise(TEXTS[language]), normalise(result.text)
    return {
        "language": language,
        "variant": variant,
        "cer": Levenshtein.distance(truth, read) / len(truth),
        "seconds": wall,
        "cpu_seconds": cpu,
        "characters": len(truth),
        "low_confidence_words": result.provenance()["low_confidence_words"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default=",".join(TEXTS))
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument("--save-pages", type=Path, help="write the drawn pages as PNG here")
    args = parser.parse_args()
    languages = [c for c in args.languages.split(",") if c]
    variants = [v for v in args.variants.split(",") if v]
    rows = []
    print(f"{'language':<10} {'variant':<8} {'CER':>7} {'s/page':>7} {'CPU s':>6}", flush=True)
    for language in languages:
        for variant in variants:
            if args.save_pages:
                args.save_pages.mkdir(parents=True, exist_ok=True)
                draw_page(language, variant).save(args.save_pages / f"{language}-{variant}.png")
            row = measure(language, variant)
            rows.append(row)
            print(
                f"{language:<10} {variant:<8} {row['cer']:>7.2%} {row['seconds']:>7.1f} "
                f"{row['cpu_seconds']:>6.1f}",
                flush=True,
            )
    for variant in variants:
        chosen = [r for r in rows if r["variant"] == variant]
        worst = max(chosen, key=lambda r: r["cer"])
        mean_wall = sum(r["seconds"] for r in chosen) / len(chosen)
        mean_cpu = sum(r["cpu_seconds"] for r in chosen) / len(chosen)
        print(
            f"{variant:<8} worst CER {worst['cer']:.2%} ({worst['language']}), "
            f"mean {mean_wall:.1f} s/page wall, {mean_cpu:.1f} s CPU"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
