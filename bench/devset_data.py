"""Read the multilingual development set (tests/data/extraction, format in its README).

Each document is ``<lang>/NN-slug.txt`` with ``NN-slug.json`` beside it. Every gold
item is tied to one occurrence of its quote: the k-th item with a given quote is the
k-th occurrence of that quote in the text, so a quote repeated three times is three
gold items with three different spans. A quote that occurs fewer times than it is
listed is an error in the data, reported in one line naming the file and the item.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("dates", "figures", "people")
SPLITS = ("dev", "heldout")
LAST_DEV_STEM = 6  # stems 01–06 are dev (rules may be tuned on them); 07 and above are held out
_STEM = re.compile(r"^(\d{2})-")


class DevsetError(ValueError):
    """The development set cannot be read as it stands; the message is one line."""


@dataclass(frozen=True)
class GoldItem:
    """One annotated occurrence: what it says (``key``) and where it stands."""

    kind: str
    key: Any  # EDTF string; (value, qualifier, upper or None); folded name
    start: int
    end: int
    quote: str
    shown: str  # how the item is listed in error reports


@dataclass(frozen=True)
class DevDocument:
    language: str
    stem: str
    split: str
    text: str
    document_date: str | None
    gold: dict[str, tuple[GoldItem, ...]]
    path: Path  # the .json file

    @property
    def name(self) -> str:
        return f"{self.language}/{self.stem}"


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) where *quote* occurs in *text*, overlapping ones included."""
    found, position = [], text.find(quote)
    while position != -1 and quote:
        found.append((position, position + len(quote)))
        position = text.find(quote, position + 1)
    return found


def name_key(name: str) -> str:
    """A name's folded words in sorted order: "Белова Ирина" (a speaker label, surname
    first) and "Ирина Белова" are one person."""
    from db.folding import fold_name

    return " ".join(sorted(fold_name(name).split()))


def _figure_key(entry: dict[str, Any]) -> tuple[float, str, float | None]:
    upper = entry.get("upper")
    return (
        float(entry["value"]),
        str(entry.get("qualifier", "exact")),
        None if upper is None else float(upper),
    )


def _gold_key(kind: str, entry: dict[str, Any]) -> Any:
    if kind == "dates":
        return str(entry["edtf"])
    if kind == "figures":
        return _figure_key(entry)
    return name_key(str(entry["name"]))


def _shown(kind: str, entry: dict[str, Any]) -> str:
    if kind == "dates":
        return f"{entry['quote']!r} = {entry['edtf']}"
    if kind == "figures":
        upper = f"–{entry['upper']}" if entry.get("upper") is not None else ""
        return f"{entry['quote']!r} = {entry.get('qualifier', 'exact')} {entry['value']}{upper}"
    return f"{entry['quote']!r} = {entry['name']}"


def _whole_words(text: str, start: int, end: int) -> bool:
    """The span neither begins nor ends inside a word ("8 August" in "28 August")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (
        (before.isalnum() and text[start].isalnum())
        or (after.isalnum() and text[end - 1].isalnum())
    )


def gold_items(text: str, kind: str, entries: list[Any], where: str) -> tuple[GoldItem, ...]:
    """Tie each entry to an occurrence of its quote, in the order listed.

    The k-th entry with a quote takes the k-th occurrence, skipping occurrences that
    sit inside a longer quote of the same kind already placed (a surname "Okafor" after
    "Helen Okafor"; a year inside a full date) and, while whole-word occurrences remain,
    those that begin or end inside a word ("8 August" in "28 August").
    """
    used: set[tuple[int, int]] = set()
    placed: list[tuple[int, int]] = []
    items = []
    for index, entry in enumerate(entries):
        label = f"{where}: {kind}[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("quote"), str):
            raise DevsetError(f"{label}: an item needs a text 'quote'")
        quote = entry["quote"]
        spans = [
            (s, e)
            for s, e in occurrences(text, quote)
            if (s, e) not in used
            and not any(lo <= s and e <= hi and hi - lo > e - s for lo, hi in placed)
        ]
        whole = [(s, e) for s, e in spans if _whole_words(text, s, e)]
        spans = whole or spans
        if not spans:
            listed = sum(
                1 for e in entries[: index + 1] if isinstance(e, dict) and e.get("quote") == quote
            )
            raise DevsetError(
                f"{label}: quote {quote!r} is listed {listed} times but occurs "
                f"{len(occurrences(text, quote))} times in the text (outside longer quotes)"
            )
        try:
            key = _gold_key(kind, entry)
        except (KeyError, TypeError, ValueError) as exc:
            raise DevsetError(f"{label}: missing or malformed field ({exc})") from None
        start, end = spans[0]
        used.add((start, end))
        placed.append((start, end))
        items.append(GoldItem(kind, key, start, end, quote, _shown(kind, entry)))
    return tuple(items)


def _split_of(stem: str, declared: object, where: str) -> str:
    match = _STEM.match(stem)
    if match is None:
        raise DevsetError(f"{where}: the file name must start with a two-digit number")
    split = "dev" if int(match.group(1)) <= LAST_DEV_STEM else "heldout"
    if declared is not None and declared != split:
        raise DevsetError(f"{where}: 'split' says {declared!r} but the number makes it {split!r}")
    return split


def load_document(json_path: Path) -> DevDocument:
    """One document and its gold, checked (quotes present, fields readable)."""
    where = str(json_path)
    text_path = json_path.with_suffix(".txt")
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DevsetError(f"{text_path}: cannot read the text ({exc})") from None
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DevsetError(f"{where}: not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise DevsetError(f"{where}: the top level must be an object")
    language = str(data.get("language") or json_path.parent.name)
    split = _split_of(json_path.stem, data.get("split"), where)
    gold = {}
    for kind in KINDS:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise DevsetError(f"{where}: {kind!r} must be a list")
        gold[kind] = gold_items(text, kind, entries, where)
    document_date = data.get("document_date")
    return DevDocument(
        language=language,
        stem=json_path.stem,
        split=split,
        text=text,
        document_date=str(document_date) if document_date else None,
        gold=gold,
        path=json_path,
    )


def load_devset(
    root: Path, *, language: str | None = None, split: str | None = None
) -> list[DevDocument]:
    """Every document under *root* (``<lang>/NN-slug.json``), in a stable order."""
    if not root.is_dir():
        raise DevsetError(f"{root}: no such folder")
    documents = []
    for json_path in sorted(root.glob("*/*.json")):
        if language is not None and json_path.parent.name != language:
            continue
        if not json_path.with_suffix(".txt").is_file():
            continue  # the text is still being written; its gold alone scores nothing
        document = load_document(json_path)
        if split is None or document.split == split:
            documents.append(document)
    return documents
