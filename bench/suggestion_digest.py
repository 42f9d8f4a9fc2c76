"""Write the ``repr`` of every suggestion ``suggest()`` makes, to prove a speed change
changed nothing.

Run: ``PYTHONPATH=. .venv/bin/python bench/suggestion_digest.py OUT`` before and after a
change, then ``diff`` the two files (or ``--compare BEFORE AFTER``). Every document of the
development set (dev and held-out parts, ``tests/data/extraction``, called with its
document date as the import calls it) and every seed (``$CATENA_SHARED/seeds``, default
``../shared/seeds``) is listed, in a fixed order, one suggestion a line under a header
naming the document. Speed work must leave this file byte for byte the same; any
difference has to be explained.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = Path(__file__).resolve().parent
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from devset_data import load_devset  # noqa: E402

from desktop.extract import suggest  # noqa: E402

DEVSET = REPO_ROOT / "tests" / "data" / "extraction"


def _seeds_dir() -> Path:
    return Path(os.environ.get("CATENA_SHARED", REPO_ROOT.parent / "shared")) / "seeds"


def documents() -> Iterator[tuple[str, str, str | None]]:
    """(name, text, document date) of every dev, held-out and seed document."""
    for split in ("dev", "heldout"):
        for doc in sorted(load_devset(DEVSET, split=split), key=lambda d: d.name):
            yield f"{split} {doc.name}", doc.text, doc.document_date
    seeds = _seeds_dir()
    if not seeds.is_dir():
        print(f"suggestion_digest: no seeds at {seeds}; set CATENA_SHARED", file=sys.stderr)
        return
    for path in sorted(seeds.glob("*.txt")):
        yield f"seed {path.name}", path.read_text(encoding="utf-8"), None


def digest_lines() -> Iterator[str]:
    for name, text, document_date in documents():
        found = suggest(text, document_date=document_date)
        yield f"## {name}"
        for kind in ("dates", "figures", "people"):
            for item in getattr(found, kind):
                yield repr(item)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", help="file to write (default: stdout)")
    parser.add_argument("--compare", type=Path, metavar="BEFORE", help="diff with this digest")
    args = parser.parse_args(argv)
    lines = list(digest_lines())
    text = "\n".join(lines) + "\n"
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    elif args.compare is None:
        sys.stdout.write(text)
    if args.compare is not None:
        before = args.compare.read_text(encoding="utf-8").splitlines()
        changed = [(i, a, b) for i, (a, b) in enumerate(zip(before, lines, strict=False)) if a != b]
        if len(before) != len(lines) or changed:
            print(f"DIFFERENT: {len(before)} lines before, {len(lines)} now", file=sys.stderr)
            for i, a, b in changed[:20]:
                print(f"  line {i + 1}:\n    - {a}\n    + {b}", file=sys.stderr)
            return 1
        print(f"identical: {len(lines)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
