"""Nothing `catena` prints can drive the terminal: control characters are shown escaped.

Catalogues written before control characters were kept out of stored metadata may
still hold them, and file names or typed values quoted in messages can hold anything.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from db.catalogue import Catalogue
from db.models import Document
from desktop.cli.output import ProgressBar, TerminalText, print_json, terminal_safe_output
from desktop.launch.entry import main

HOSTILE_TITLE = "Flood\x1b[2J\x1b]0;owned\x07 report"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hostile_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A catalogue whose one document got an escape-laden title and publisher by SQL."""
    folder = tmp_path / "Old.catena"
    source = tmp_path / "note.txt"
    source.write_text("The river rose in the night over the lower town.\n", encoding="utf-8")
    assert main(["init", str(folder)]) == 0
    assert main(["import", str(source), "-c", str(folder), "--no-suggest"]) == 0
    with Catalogue.open(folder, actor="tester") as catalogue, catalogue.writing() as session:
        session.execute(
            update(Document).values(
                title=HOSTILE_TITLE, publisher="Press\x9b31m", authors=["Anna\x1b[8m"]
            )
        )
    capsys.readouterr()
    return str(folder)


def test_list_shows_escapes_instead_of_writing_them(
    hostile_catalogue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list", "-c", hostile_catalogue)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "Flood\\x1b[2J" in out


def test_show_shows_escapes_instead_of_writing_them(
    hostile_catalogue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", "CAT-000001", "-c", hostile_catalogue)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    first_line = out.split("\n", 1)[0]
    assert first_line.startswith("CAT-000001  ")
    assert "Flood\\x1b[2J\\x1b]0;owned\\x07 report" in first_line
    assert "Publisher    Press\\x9b31m" in out
    assert "The river rose" in out  # the text itself is printed with its line breaks


def test_search_shows_escapes_instead_of_writing_them(
    hostile_catalogue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "river", "-c", hostile_catalogue)
    assert code == 0 and "CAT-000001" in out
    assert "\x1b" not in out and "Flood\\x1b[2J" in out


def test_json_output_keeps_the_value_and_no_raw_escape(
    hostile_catalogue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list", "--json", "-c", hostile_catalogue)
    assert code == 0
    assert "\x1b" not in out
    assert json.loads(out)[0]["title"] == HOSTILE_TITLE  # the data, not a display form


def test_error_quoting_a_file_name_is_one_escaped_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone\x1b[2J\nforged line.txt"
    code, out, err = run(capsys, "import", str(missing), "-c", str(tmp_path / "New.catena"))
    assert code == 2 and out == ""
    assert "\x1b" not in err
    assert err.count("\n") == 1 and "gone\\x1b[2J\\x0aforged line.txt" in err


def test_streams_are_restored_after_a_command(
    hostile_catalogue: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sys.stdout, sys.stderr
    run(capsys, "list", "-c", hostile_catalogue)
    assert (sys.stdout, sys.stderr) == before


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_keeps_its_carriage_return_but_escapes_the_name() -> None:
    terminal = _Terminal()
    bar = ProgressBar("Importing", stream=TerminalText(terminal))  # type: ignore[arg-type]
    bar(1, 2, "/in/\x1b[2Jname\n.txt")
    bar.finish()
    shown = terminal.getvalue()
    assert shown.startswith("\rImporting [") and "\x1b" not in shown
    assert "\\x1b[2Jname\\x0a.txt" in shown


def test_terminal_safe_output_leaves_json_valid() -> None:
    terminal = _Terminal()
    saved = sys.stdout
    sys.stdout = terminal
    try:
        with terminal_safe_output():
            print("plain \x1b[31m")
            print_json({"title": "C1 \x9b and ESC \x1b"})
    finally:
        sys.stdout = saved
    first, rest = terminal.getvalue().split("\n", 1)
    assert first == "plain \\x1b[31m"
    assert json.loads(rest) == {"title": "C1 \x9b and ESC \x1b"}
