"""Write a deterministic synthetic corpus of news-like .txt files (and a few JPEGs).

Run from the repository root::

    .venv/bin/python bench/make_corpus.py 10000 --seed 1 --out /tmp/corpus-10000

Everything is generated from Catena's own templates: fictional outlets, bylines,
datelines and people (Azerbaijani letters and Cyrillic included), dates in the formats
newspapers use, casualty figures with qualifiers, and body text drawn from a
Zipf-distributed vocabulary of invented words, so that term frequencies look like
real text (a few words in every document, most words rare). Lengths run from 1 KB to
20 KB, skewed short as clippings are. One file in 250 is a small JPEG "photograph".

The same N and seed always give byte-identical files. ``bench/run.py`` relies on the
marker words below to time rare, medium and very common terms.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import tempfile
from pathlib import Path

OUTLETS = (
    "Northmoor Gazette",
    "Caspian Evening Post",
    "The Halvern Courier",
    "Baku Morning Ledger",
    "Ganja Weekly Observer",
    "Riverside Chronicle",
    "Qarabağ Xəbərləri",
    "Вечерний Каспий",
    "The Meridian Dispatch",
    "Steppe Wire Service",
    "Lowland Herald",
    "Eastern Review",
)
PLACES = (
    "XOCALI",
    "AĞDAM",
    "ŞUŞA",
    "GƏNCƏ",
    "BAKI",
    "ХОДЖАЛЫ",
    "KHOJALY",
    "AGDAM",
    "HALVERN",
    "NORTHMOOR",
    "ASKERAN",
    "STEPANAKERT",
)
GIVEN = (
    "Şəkibə",
    "Elmira",
    "Anar",
    "Rəşid",
    "Günel",
    "Tofiq",
    "Ольга",
    "Игорь",
    "Maria",
    "Thomas",
    "Leyla",
    "Vüqar",
    "Sevinc",
    "Анна",
    "Piotr",
    "Aysel",
)
FAMILY = (
    "Mustafayeva",
    "Həsənova",
    "Məmmədov",
    "Əliyev",
    "Quliyeva",
    "Иванова",
    "Петров",
    "Brandt",
    "Carrow",
    "Novak",
    "Hüseynov",
    "Qasımova",
    "Сафарова",
    "Oyelaran",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
QUALIFIERS = ("at least", "about", "more than", "nearly", "up to", "some", "")
COUNTED = ("civilians", "people", "residents", "children", "women", "elderly people", "soldiers")
VERBS = ("were killed", "died", "were wounded", "were taken hostage", "went missing")

# Marker words bench/run.py searches for: how often each appears is fixed by design.
RARE = "zorvanite"  # about 1 document in 2,000
MEDIUM = "quellbrook"  # about 1 document in 50
PHRASE = "humanitarian corridor"  # about 1 document in 20
# Very common: "the" and "said" are in nearly every document.

SYLLABLES = (
    "ka",
    "ro",
    "vel",
    "an",
    "mi",
    "tor",
    "se",
    "lu",
    "dra",
    "pen",
    "os",
    "qui",
    "ber",
    "na",
    "tel",
    "is",
    "gam",
    "ul",
    "fre",
    "do",
)
FUNCTION_WORDS = (
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "was",
    "for",
    "on",
    "with",
    "by",
    "as",
    "at",
    "from",
    "said",
    "were",
    "had",
    "their",
    "after",
)


def _vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen and word not in (RARE, MEDIUM):
            seen.add(word)
            words.append(word)
    return words


class Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(random.Random(seed * 7 + 1))
        weights = [1.0 / (rank + 10) for rank in range(len(self.vocab))]
        self.cumulative: list[float] = []
        total = 0.0
        for weight in weights:
            total += weight
            self.cumulative.append(total)

    def person(self) -> str:
        return f"{self.rng.choice(GIVEN)} {self.rng.choice(FAMILY)}"

    def date(self) -> tuple[str, str]:
        year = self.rng.randint(1988, 2023)
        month = self.rng.randint(1, 12)
        day = self.rng.randint(1, 28)
        style = self.rng.randrange(4)
        if style == 0:
            shown = f"{MONTHS[month - 1]} {day}, {year}"
        elif style == 1:
            shown = f"{day} {MONTHS[month - 1]} {year}"
        elif style == 2:
            shown = f"{year}-{month:02d}-{day:02d}"
        else:
            shown = f"{day:02d}.{month:02d}.{year}"
        return shown, f"{MONTHS[month - 1]} {day}"

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.08:
            qualifier = rng.choice(QUALIFIERS)
            number = rng.choice((3, 12, 25, 56, 83, 106, 200, 485, 613, 1000))
            figure = f"{qualifier} {number}".strip()
            return (
                f"{figure.capitalize()} {rng.choice(COUNTED)} {rng.choice(VERBS)}, "
                f"{self.person()} said."
            )
        if kind < 0.14:
            return f'"{self._words(8, 18).capitalize()}," said {self.person()}.'
        if kind < 0.18:
            return f"The events in {rng.choice(PLACES).title()} were described by {self.person()}."
        words = self._words(8, 24)
        return words[0].upper() + words[1:] + "."

    def _words(self, low: int, high: int) -> str:
        rng = self.rng
        out: list[str] = []
        for _ in range(rng.randint(low, high)):
            if rng.random() < 0.45:
                out.append(rng.choice(FUNCTION_WORDS))
            else:
                point = rng.random() * self.cumulative[-1]
                low_i, high_i = 0, len(self.cumulative) - 1
                while low_i < high_i:
                    middle = (low_i + high_i) // 2
                    if self.cumulative[middle] < point:
                        low_i = middle + 1
                    else:
                        high_i = middle
                out.append(self.vocab[low_i])
        return " ".join(out)

    def article(self, number: int) -> str:
        rng = self.rng
        outlet = rng.choice(OUTLETS)
        place = rng.choice(PLACES)
        shown_date, short_date = self.date()
        target = int(min(20_000, max(1_000, rng.lognormvariate(8.3, 0.7))))
        title = self._words(4, 9).title()
        if rng.random() < 0.3:
            title = f"{rng.choice(PLACES).title()}: {title}"
        lines = [title, "", f"By {self.person()}, {outlet}", shown_date, ""]
        body: list[str] = [f"{place}, {short_date} ({outlet}) — {self.sentence()}"]
        size = sum(len(line) + 1 for line in lines) + len(body[0])
        markers = []
        if number % 2000 == 17:
            markers.append(f"Investigators found traces of {RARE} near the site.")
        if number % 50 == 3:
            markers.append(f"The {MEDIUM} committee met again.")
        if number % 20 == 5:
            markers.append(f"Officials discussed a {PHRASE} for the town.")
        while size < target:
            paragraph = " ".join(self.sentence() for _ in range(rng.randint(3, 7)))
            if markers and rng.random() < 0.3:
                paragraph += " " + markers.pop()
            body.append(paragraph)
            size += len(paragraph) + 2
        body.extend(markers)
        return "\n".join(lines) + "\n\n".join(body) + "\n"

    def jpeg(self) -> bytes:
        from PIL import Image

        colour = tuple(self.rng.randrange(256) for _ in range(3))
        image = Image.new("RGB", (64, 48), colour)  # type: ignore[arg-type]
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=70)
        return out.getvalue()


def make_corpus(count: int, seed: int, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    for number in range(count):
        folder = out / f"{number // 1000:04d}"
        folder.mkdir(exist_ok=True)
        if number % 250 == 249:
            (folder / f"photo-{number:06d}.jpg").write_bytes(writer.jpeg())
        else:
            (folder / f"clipping-{number:06d}.txt").write_text(
                writer.article(number), encoding="utf-8"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.gettempdir()) / f"catena-corpus-{args.count}-s{args.seed}"
    make_corpus(args.count, args.seed, out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
