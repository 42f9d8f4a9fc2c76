"""What language identification costs an import, per document, and what it answers.

    .venv/bin/python bench/language_cost.py [--corpus DIR] [--count N] [--dump FILE]
    .venv/bin/python bench/language_cost.py --compare OLD.json NEW.json

An imported text pays language identification twice in the worker: the cleaner asks
for the document's language (to tell menu words from the page's own) and
``map_languages`` classifies every paragraph of the cleaned text. This times both, in
CPU time of this process (steadier than wall time on a shared machine), over the
synthetic clippings of ``bench/make_corpus.py`` (1,000 with seed 3 unless *--corpus*),
and the model's first load in a fresh process.

``--dump`` also writes what was answered for every text (the clippings, the extraction
development set, ``bench/devsets`` and the seeds): the cleaner's language, the
document's language after ``map_languages`` and the paragraph spans. ``--compare``
counts how often two such dumps (old code and new) agree and lists every disagreement.
``--root`` runs another checkout of Catena (the old code) with this script, e.g.
``git archive 715a263 | tar -x -C /tmp/old`` then ``--root /tmp/old``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
_LOAD = (
    "import time; t = time.process_time(); import db.languages as l; l._model(); "
    "print(time.process_time() - t)"
)


def _texts(root: Path, corpus: Path) -> list[tuple[str, Path]]:
    """(name, path) of every text answered: clippings first, then the development sets."""
    found = [(f"clip/{p.name}", p) for p in sorted(corpus.rglob("*.txt"))]
    for part in ("tests/data/extraction", "bench/devsets", "../shared/seeds"):
        folder = root / part
        found += [(f"dev/{p.relative_to(folder.parent)}", p) for p in sorted(folder.rglob("*.txt"))]
    return found


def measure(root: Path, corpus: Path, dump: Path | None) -> dict[str, float]:
    sys.path.insert(0, str(root))
    import desktop.ingest.cleaning as cleaning
    from desktop.ingest.language import map_languages
    from desktop.ingest.readers import parse

    spent = {"cleaner": 0.0}

    def timed(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent["cleaner"] += time.process_time() - start

        return wrapper

    cleaner_language: dict[str, str | None] = {}
    cleaning.guess_language = timed(cleaning.guess_language)  # the cleaner's question
    original_clean = cleaning.clean_text

    def clean_text(text: str, **kwargs: Any) -> Any:
        result = original_clean(text, **kwargs)
        cleaner_language["last"] = result.language
        return result

    cleaning.clean_text = clean_text
    import desktop.ingest.assemble as assemble

    assemble.clean_text = clean_text
    parse(b"Warm the model up with a sentence long enough to be read by it.", "warm.txt")
    spent["cleaner"] = 0.0
    mapping = 0.0
    answers: dict[str, Any] = {}
    clippings = 0
    for name, path in _texts(HERE, corpus):
        is_clip = name.startswith("clip/")
        before = spent["cleaner"]
        parsed = parse(path.read_bytes(), path.name)
        start = time.process_time()
        found = map_languages(parsed) if parsed.text else None
        if is_clip:
            mapping += time.process_time() - start
            clippings += 1
        else:
            spent["cleaner"] = before  # the development sets are answered, not timed
        answers[name] = {
            "cleaner": cleaner_language.get("last"),
            "document": parsed.language,
            "spans": found.as_json() if found else [],
        }
    if dump is not None:
        dump.write_text(json.dumps(answers, ensure_ascii=False, indent=0))
    loads = [
        float(
            subprocess.run(
                [sys.executable, "-c", _LOAD], cwd=root, check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(3)
    ]
    return {
        "documents": clippings,
        "cleaner_ms": 1000 * spent["cleaner"] / clippings,
        "map_languages_ms": 1000 * mapping / clippings,
        "both_ms": 1000 * (spent["cleaner"] + mapping) / clippings,
        "model_load_s": min(loads),
    }


def compare(old_file: Path, new_file: Path) -> int:
    old, new = json.loads(old_file.read_text()), json.loads(new_file.read_text())
    for part in ("clip/", "dev/"):
        names = [name for name in old if name.startswith(part) and name in new]
        for key in ("cleaner", "document", "spans"):
            differ = [name for name in names if old[name][key] != new[name][key]]
            print(f"{part:6} {key:9} agree {len(names) - len(differ)}/{len(names)}")
            for name in differ:
                print(f"    {name}: {_short(old[name][key])} -> {_short(new[name][key])}")
    return 0


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 120 else text[:117] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--dump", type=Path, default=None)
    parser.add_argument("--root", type=Path, default=HERE, help="the Catena checkout to run")
    parser.add_argument("--compare", type=Path, nargs=2, default=None)
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    corpus = args.corpus
    if corpus is None:
        sys.path.insert(0, str(HERE))
        from bench.make_corpus import make_corpus

        corpus = Path(tempfile.mkdtemp(prefix="catena-lang-")) / "corpus"
        make_corpus(args.count, 3, corpus)
    figures = measure(args.root.resolve(), corpus, args.dump)
    for key, value in figures.items():
        print(f"{key:18} {value:.3f}" if isinstance(value, float) else f"{key:18} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
