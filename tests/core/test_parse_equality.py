"""bench/parse_equality.py, which backs the claim that a faster import reads files as
before: a checkout compared with itself reads every file the same, and one that reads
a field differently is named, file by file and field by field (issue 23)."""

from __future__ import annotations

from pathlib import Path

from bench.parse_equality import ROOT, differences, dump_with, files_of, main

SAMPLES = ROOT / "tests" / "data" / "extraction" / "en"

_STUB_READER = """
from types import SimpleNamespace


def parse(data, filename):
    return SimpleNamespace(
        text=data.decode("utf-8"), set_aside=[], guessed={"title"}, language="en",
        language_spans=None, title="Not the title", doc_type=None, published=None,
        dateline=None, publisher=None, authors=[], recipients=[], flags=[],
    )
"""


def _stub_tree(root: Path) -> Path:
    """A checkout whose reader gives every file the same made-up title."""
    modules = {
        "db/__init__.py": "",
        "db/languages.py": "",
        "desktop/__init__.py": "",
        "desktop/ingest/__init__.py": "",
        "desktop/ingest/parsed.py": "class IngestError(Exception):\n    pass\n",
        "desktop/ingest/language.py": "def map_languages(parsed):\n    return None\n",
        "desktop/ingest/readers.py": _STUB_READER,
    }
    for name, source in modules.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(source, encoding="utf-8")
    return root


def test_a_checkout_reads_its_files_as_itself(tmp_path: Path) -> None:
    files = files_of([SAMPLES])[:3]
    assert len(files) == 3
    first = dump_with(ROOT, files, tmp_path / "first.json")
    second = dump_with(ROOT, files, tmp_path / "second.json")
    assert set(first) == {str(path) for path in files}
    assert all(isinstance(read, dict) and read["text_sha256"] for read in first.values())
    assert differences(first, second) == []


def test_a_field_read_differently_is_named_for_each_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(2):
        (corpus / f"note-{number}.txt").write_text(f"A note, number {number}.\n")
    stub = _stub_tree(tmp_path / "other")
    lines = differences(
        dump_with(stub, files_of([corpus]), tmp_path / "other.json"),
        dump_with(ROOT, files_of([corpus]), tmp_path / "this.json"),
    )
    titled = [line for line in lines if ": title: 'Not the title' → " in line]
    assert len(titled) == 2
    assert main(["--before", str(stub), "--corpus", str(corpus)]) == 1
    assert capsys.readouterr().out.startswith("2 files; read differently: 2")
