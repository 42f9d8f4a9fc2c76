"""The command line follows its ecosystem's conventions (issue 21, item 4):
``-o -`` is standard output, existing files are kept unless ``--force``, errors are
JSON under ``--json``, ``search --help`` teaches the query language, completion
scripts exist for bash, zsh and fish, tables align by display width, and counts agree
with their nouns."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.cli.main import build_parser
from desktop.cli.output import counted, display_width, print_table
from desktop.cli.search import match_summary
from desktop.launch.entry import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cat(samples_template: Path, tmp_path: Path) -> str:
    """A copy of the samples catalogue (4 documents), not opened."""
    target = tmp_path / "Samples.catena"
    shutil.copytree(samples_template, target)
    return str(target)


class FakeTerminal(io.StringIO):
    """Standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


# --- -o - ------------------------------------------------------------------------


def test_export_dash_writes_to_standard_output_and_no_file(
    cat: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", "-c", cat, "-f", "ris", "-o", "-")
    assert code == 0
    assert out.count("TY  - ") == 4 and out.rstrip().endswith("ER  -")
    assert not (tmp_path / "-").exists()
    assert err.strip() == "Wrote to standard output (ris: 4 documents)"


def test_export_dash_of_a_folder_format_is_refused_in_one_line(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "export", "-c", cat, "-f", "csv", "-o", "-")
    assert code == 2 and out == ""
    assert err.startswith("catena export: --format csv writes a folder") and err.count("\n") == 1


def test_dossier_dash_writes_the_pdf_to_standard_output(
    cat: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code = main(["dossier", "-c", cat, "--reproducible", "-o", "-"])
    out, err = capsysbinary.readouterr()
    assert code == 0
    assert out.startswith(b"%PDF-") and out.rstrip().endswith(b"%%EOF")
    assert err.decode().startswith("Wrote standard output (")


def test_dossier_dash_to_a_terminal_is_refused(
    cat: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stdout", terminal)
    code = main(["dossier", "-c", cat, "-o", "-"])
    _, err = capsys.readouterr()
    assert code == 2 and terminal.getvalue() == ""
    assert err.startswith("catena dossier: -o - writes a PDF to standard output, which is a")
    assert err.count("\n") == 1


# --- no overwrite without --force ------------------------------------------------


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["export", "-f", "bibtex"], "refs.bib"),
        (["dossier", "--reproducible"], "dossier.pdf"),
    ],
)
def test_existing_output_is_kept_without_force_and_replaced_with_it(
    cat: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"keep me")
    code, out, err = run(capsys, *command, "-c", cat, "-o", str(target))
    assert code == 2 and out == ""
    assert err == (
        f"catena {command[0]}: {target} already exists; "
        "use --force to replace it, or choose another name\n"
    )
    assert target.read_bytes() == b"keep me"
    code, _, _ = run(capsys, *command, "-c", cat, "-o", str(target), "--force")
    assert code == 0 and target.read_bytes() != b"keep me" and target.stat().st_size > 100


# --- errors under --json ---------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "code_name", "command"),
    [
        (["search", "year:abc", "--json"], "query", "search"),
        (["search", "x", "--limit", "-1", "--json"], "usage", "search"),
        (["show", "CAT-999999", "--json"], "document", "show"),
        (["list", "--json", "-c", "/nonexistent/Nowhere.catena"], "catalogue", "list"),
    ],
)
def test_errors_under_json_are_one_json_object_on_stderr(
    cat: str,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code_name: str,
    command: str,
) -> None:
    if "-c" not in argv:
        argv = [*argv, "-c", cat]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    shown = json.loads(err)
    assert set(shown) == {"error"}
    assert set(shown["error"]) == {"code", "message", "command"}
    assert shown["error"]["code"] == code_name and shown["error"]["command"] == command
    assert shown["error"]["message"]


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["search", "x", "--json", "--limit", "many"], "search"),
        (["list", "--json", "--bogus"], "catena"),
    ],
)
def test_command_line_mistakes_under_json_are_json_too(
    capsys: pytest.CaptureFixture[str], argv: list[str], command: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    out, err = capsys.readouterr()
    assert exited.value.code == 2 and out == "" and err.count("\n") == 1
    assert json.loads(err)["error"]["code"] == "arguments"
    assert json.loads(err)["error"]["command"] == command


def test_command_line_mistakes_without_json_keep_argparse_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["search", "x", "--limit", "many"])
    err = capsys.readouterr().err
    assert err.startswith("usage: catena search") and "invalid int value: 'many'" in err


def test_the_same_error_without_json_stays_one_plain_line(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "show", "CAT-999999", "-c", cat)
    assert code == 2 and out == ""
    assert err == "catena show: no document 'CAT-999999' in this catalogue\n"


# --- help ------------------------------------------------------------------------


def test_search_help_explains_the_query_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["search", "--help"])
    out, _ = capsys.readouterr()
    assert exited.value.code == 0
    for taught in ('"a phrase"', "-word", " OR ", "year:1992..2021", "publisher:", "has:", "--"):
        assert taught in out, taught


def test_no_help_text_points_to_docs_files(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    texts = [parser.format_help()]
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for sub in action.choices.values():
            texts.append(sub.format_help())
            for nested in sub._subparsers._group_actions if sub._subparsers else ():
                texts.extend(p.format_help() for p in nested.choices.values())
    assert len(texts) > 20
    assert not [t for t in texts if "docs/" in t]


# --- completion ------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_the_commands(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "completion", shell)
    assert code == 0 and err == ""
    for word in ("catena", "export", "dossier", "search", "completion"):
        assert word in out, word
    assert ("-l force" if shell == "fish" else "--force") in out


def test_bash_completion_parses_and_completes_subcommands(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, script, _ = run(capsys, "completion", "bash")
    path = tmp_path / "catena.bash"
    path.write_text(script)
    assert subprocess.run(["bash", "-n", str(path)], check=False).returncode == 0
    probe = (
        f"source {path}; COMP_WORDS=(catena exp); COMP_CWORD=1; COMP_LINE='catena exp'; "
        "COMP_POINT=${#COMP_LINE}; f=$(complete -p catena | awk '{print $(NF-1)}'); "
        '$f catena exp catena; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    completed = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=False)
    assert "export" in completed.stdout.split(), completed.stderr


# --- display width ----------------------------------------------------------------


def test_display_width_counts_wide_and_combining_characters() -> None:
    assert display_width("Xocalı") == 6
    assert display_width("Ходжалы") == 7
    assert display_width("日本語") == 6
    assert display_width("e\u0301te\u0301") == 3  # "été" with combining accents


def test_table_columns_align_on_screen_with_wide_and_combining_characters() -> None:
    out = io.StringIO()
    rows = [("日本語の記録", "a"), ("Xocalı", "b"), ("Ходжалы", "c"), ("Cafe\u0301", "d")]
    print_table(("Title", "Mark"), rows, stream=out)
    lines = out.getvalue().splitlines()
    starts = {display_width(line[: line.rindex(" ") + 1]) for line in lines[2:]}
    assert starts == {display_width("日本語の記録") + 2}
    assert display_width(lines[1].split("  ")[0]) == 12


def test_table_clips_by_display_width() -> None:
    out = io.StringIO()
    print_table(("T", "M"), [("日本語日本語日本語", "x")], widths=(7, 1), stream=out)
    cell = out.getvalue().splitlines()[2].rsplit("  ", 1)[0].rstrip()
    assert cell == "日本語…" and display_width(cell) <= 7


# --- plurals ----------------------------------------------------------------------


def test_counts_agree_with_their_nouns() -> None:
    assert counted(1, "document") == "1 document"
    assert counted(2, "document") == "2 documents"
    assert counted(0, "document") == "0 documents"
    assert counted(1204, "entry", "entries") == "1,204 entries"


def test_search_summary_says_no_documents_instead_of_showing_0_to_0() -> None:
    assert match_summary(0, 0, 0, ranked=True) == "No documents match."
    assert match_summary(1, 0, 1, ranked=True) == "1 document matches (best first)."
    assert match_summary(45, 20, 20, ranked=False) == (
        "45 documents match; showing 21–40 (newest first)."
    )
    assert match_summary(3, 10, 0, ranked=True) == "3 documents match; none shown past result 10."


def test_list_and_search_say_counts_in_words_that_agree(
    cat: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "list", "-c", cat)
    assert out.splitlines()[-1].startswith("4 documents in ")
    _, out, _ = run(capsys, "search", "zzzznothing", "-c", cat)
    assert out.strip() == "No documents match."
