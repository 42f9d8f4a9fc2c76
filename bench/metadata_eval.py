"""Score metadata sniffing against the gold annotations of the sample documents.

Usage: ``.venv/bin/python bench/metadata_eval.py`` (or set CATENA_SHARED to the
folder holding ``seeds/`` and ``gold/seeds.json``). Prints one row per document and
a per-field accuracy table; exits 1 when the shared folder is absent.

Scoring: values are compared after folding (case, quotes, diacritics). A gold title of
null means the document states none, so a devised title (``title_devised``) is
correct; a gold publisher/published of null means not stated, so only None is correct.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.folding import fold  # noqa: E402
from desktop.ingest.parsed import ParsedDocument  # noqa: E402
from desktop.ingest.readers import parse  # noqa: E402

FIELDS = ("title", "publisher", "authors", "published", "dateline", "type")
_QUOTES = "\"'‘’“”«»"


def shared_dir() -> Path:
    """``../shared`` next to the repository, unless CATENA_SHARED says otherwise."""
    return Path(os.environ.get("CATENA_SHARED", ROOT.parent / "shared"))


def _norm(value: str | None) -> str | None:
    if value is None:
        return None
    return fold("".join(ch for ch in value if ch not in _QUOTES))


def field_correct(name: str, gold: dict[str, Any], doc: ParsedDocument) -> bool:
    """Whether the parsed value for *name* matches the gold value."""
    expected = gold.get(name)
    if name == "title":
        if expected is None:
            return doc.title_devised and bool(doc.title)
        return not doc.title_devised and _norm(doc.title) == _norm(expected)
    if name == "authors":
        return sorted(map(_norm, doc.authors)) == sorted(map(_norm, expected or []))
    if name == "type":
        return doc.doc_type == expected
    actual = getattr(doc, name)
    return _norm(actual) == _norm(expected)


def evaluate(shared: Path) -> dict[str, list[bool]]:
    """Parse every gold document and return per-field correctness lists."""
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    results: dict[str, list[bool]] = {name: [] for name in FIELDS}
    for entry in gold["documents"]:
        path = shared / "seeds" / entry["file"]
        doc = parse(path.read_bytes(), path.name)
        marks = []
        for name in FIELDS:
            ok = field_correct(name, entry["metadata"], doc)
            results[name].append(ok)
            marks.append("ok" if ok else "--")
        print(f"{entry['file']:<28} " + " ".join(f"{m:>10}" for m in marks))
        for name, ok in zip(FIELDS, marks, strict=True):
            if ok == "--":
                got = getattr(doc, "doc_type" if name == "type" else name)
                print(f"    {name}: expected {entry['metadata'].get(name)!r}, got {got!r}")
    return results


def main() -> int:
    shared = shared_dir()
    if not (shared / "gold" / "seeds.json").is_file() or not (shared / "seeds").is_dir():
        print(
            f"No sample documents at {shared} (expected seeds/ and gold/seeds.json). "
            "Set CATENA_SHARED to their folder.",
            file=sys.stderr,
        )
        return 1
    print(f"{'document':<28} " + " ".join(f"{name:>10}" for name in FIELDS))
    results = evaluate(shared)
    print()
    print(f"{'field':<12} {'correct':>8} {'total':>6} {'accuracy':>9}")
    for name in FIELDS:
        marks = results[name]
        print(f"{name:<12} {sum(marks):>8} {len(marks):>6} {sum(marks) / len(marks):>9.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
