"""Whether another checkout reads files as this one does: every field parsing and the
paragraph map give, file by file (for changes meant to be faster, not different).

    .venv/bin/python bench/parse_equality.py --before /tmp/old-main [--corpus DIR ...]

Each checkout reads the same files in a process of its own (its code first on
``sys.path``): the text, what was set aside, the language and its paragraph map, the
guessed fields, title, type, dates, dateline, publisher, authors, recipients, flags.
By default the files are a generated corpus (``bench/make_corpus.py 1000 --seed 3``),
the development sets and test data under ``tests/data`` and ``bench/devsets``, and the
seeds in ``../shared/seeds`` when present. Exit 0 when every file reads the same, 1
(with the first differences) otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUFFIXES = {".txt", ".md", ".html", ".htm", ".eml", ".pdf", ".docx"}
FIELDS = (
    "language",
    "language_spans",
    "title",
    "doc_type",
    "published",
    "dateline",
    "publisher",
    "authors",
    "recipients",
    "flags",
)


def files_of(corpora: Iterable[Path]) -> list[Path]:
    return [
        path
        for corpus in corpora
        for path in sorted(corpus.rglob("*"))
        if path.is_file() and path.suffix.lower() in SUFFIXES
    ]


def read_all(paths: list[Path]) -> dict[str, Any]:
    """What the code first on ``sys.path`` reads from each file (or its one-line refusal)."""
    import db.languages
    from desktop.ingest.language import map_languages
    from desktop.ingest.parsed import IngestError
    from desktop.ingest.readers import parse

    load_model = getattr(db.languages, "load_model", None)  # older trees load it lazily
    if load_model is not None:
        load_model()
    found: dict[str, Any] = {}
    for path in paths:
        try:
            parsed = parse(path.read_bytes(), path.name)
        except IngestError as exc:
            found[str(path)] = f"refused: {exc}"
            continue
        map_languages(parsed)
        found[str(path)] = {
            "text_sha256": hashlib.sha256(parsed.text.encode("utf-8", "surrogatepass")).hexdigest(),
            "set_aside": [[aside.line, aside.reason] for aside in parsed.set_aside],
            "guessed": sorted(parsed.guessed),
            **{name: getattr(parsed, name) for name in FIELDS},
        }
    return found


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per file read differently (or read by one side only), then per field."""
    lines: list[str] = []
    for path in sorted(before.keys() | after.keys()):
        old, new = before.get(path), after.get(path)
        if old == new:
            continue
        if not isinstance(old, dict) or not isinstance(new, dict):
            lines.append(f"{path}: {old!r} → {new!r}")
            continue
        for name in sorted(old.keys() | new.keys()):
            if old.get(name) != new.get(name):
                lines.append(f"{path}: {name}: {old.get(name)!r} → {new.get(name)!r}")
    return lines


def dump_with(tree: Path, paths: list[Path], out: Path) -> dict[str, Any]:
    """``read_all`` run by *tree*'s code in a process of its own."""
    listing = out.with_suffix(".files")
    listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
    command = [sys.executable, str(Path(__file__).resolve()), "--dump", str(out)]
    done = subprocess.run(
        [*command, "--files", str(listing)],
        env={**os.environ, "PYTHONPATH": str(tree), "CATENA_PARSE_TREE": str(tree)},
        cwd=tree,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"parse_equality: {tree} could not read the files: {last}")
    loaded: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return loaded


def _default_corpora(scratch: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from bench.make_corpus import make_corpus

    corpora = [make_corpus(1000, 3, scratch / "corpus"), ROOT / "tests" / "data"]
    corpora.append(ROOT / "bench" / "devsets")
    seeds = Path(os.environ.get("CATENA_SHARED", ROOT.parent / "shared")) / "seeds"
    return [*corpora, seeds] if seeds.is_dir() else corpora


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, help="the other checkout")
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump is not None:  # the child: this tree's code reads the listed files
        sys.path.insert(0, os.environ["CATENA_PARSE_TREE"])
        listed = [Path(line) for line in args.files.read_text(encoding="utf-8").splitlines()]
        args.dump.write_text(json.dumps(read_all(listed), ensure_ascii=False), encoding="utf-8")
        return 0
    if args.before is None:
        parser.error("--before TREE is required")
    with tempfile.TemporaryDirectory(prefix="catena-parse-") as scratch_name:
        scratch = Path(scratch_name)
        paths = files_of(args.corpus or _default_corpora(scratch))
        before = dump_with(args.before.resolve(), paths, scratch / "before.json")
        after = dump_with(ROOT, paths, scratch / "after.json")
    lines = differences(before, after)
    print(f"{len(paths)} files; read differently: {len({line.split(':')[0] for line in lines})}")
    for line in lines[:20]:
        print(f"  {line}")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
