"""`catena --version`, `list`, `show` and `search` start without the heavy libraries.

Each command runs in a fresh interpreter (through the real entry point) and the test
reads ``sys.modules`` afterwards: ReportLab, Alembic, PySide6, Babel, the language and
morphology models (and numpy under them), dateparser, the edtf grammar, the dossier
builder and the ingest pipeline must not be there. Importing them cost about 1.2 s
before every command (issue 23); a module-level import added anywhere on these
commands' path makes this test fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.command_words import VALUE_OPTIONS, command_word
from desktop.cli.main import (
    COMMAND_MODULE_NAMES,
    COMMAND_OWNERS,
    COMMANDS,
    build_parser,
    command_module,
)

HEAVY = (
    "reportlab",
    "alembic",
    "PySide6",
    "babel",
    "py3langid",
    "pymorphy3",
    "dateparser",
    "edtf",  # its pyparsing grammar: only uncommon date values need it (db.dates)
    "numpy",  # with the language model: only commands that detect languages need it
    "ctypes",  # the X11 library check: only the window needs it
    "platformdirs",  # the default catalogue's folder: these commands name theirs
    "desktop.dossier",
    "desktop.ingest.pipeline",
    "desktop.extract",
)

# Runs one command through desktop.launch.entry (what `catena` runs), then prints the
# heavy modules that ended up imported, as JSON on the last line of stdout.
_PROBE = """
import json, sys
from desktop.launch.entry import main
heavy_names = sys.argv[1].split(",")
try:
    code = main(sys.argv[2:])
except SystemExit as exit:
    code = exit.code
heavy = sorted({h for h in heavy_names for m in sys.modules if m == h or m.startswith(h + ".")})
print(json.dumps({"code": code, "heavy": heavy}))
"""


def _probe(args: list[str]) -> dict[str, object]:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "CATENA_CATALOGUE": ""}
    env.pop("CATENA_CATALOGUE")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(HEAVY), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.fixture
def samples_path(samples_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "Samples.catena"
    shutil.copytree(samples_template, target)
    return target


def test_version_imports_nothing_heavy() -> None:
    assert _probe(["--version"]) == {"code": 0, "heavy": []}


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["list", "--json"],
        ["show", "CAT-000001"],
        ["search", "Halvern"],
        ["search", "Halvern", "--json"],
    ],
)
def test_reading_commands_import_nothing_heavy(samples_path: Path, command: list[str]) -> None:
    assert _probe(["--catalogue", str(samples_path), *command]) == {"code": 0, "heavy": []}


def test_the_probe_sees_heavy_imports(samples_path: Path) -> None:
    """The probe itself can fail: `catena dossier --help` does load the dossier builder."""
    result = _probe(["--catalogue", str(samples_path), "dossier", "--help"])
    assert "desktop.dossier" in result["heavy"]  # type: ignore[operator]


def test_command_owners_match_the_command_modules() -> None:
    """Every command a module dispatches is in COMMAND_OWNERS under that module, and
    nothing else is: a command missing there would only parse with all modules loaded."""
    defined: dict[str, str] = {}
    for name in COMMAND_MODULE_NAMES:
        module = command_module(name)
        for command in (*module.COMMANDS, *getattr(module, "FOLDER_COMMANDS", {})):
            defined[command] = name
    assert defined == COMMAND_OWNERS
    assert not set(defined) & set(COMMANDS)


def test_each_command_parses_with_only_its_own_module() -> None:
    full = build_parser()
    names = set(full._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert names == {*COMMANDS, "gui", *COMMAND_OWNERS}


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["search", "x"], "search"),
        (["--catalogue", "list", "show", "CAT-1"], "show"),
        (["-c", "/tmp/c", "--locale", "ru", "list"], "list"),
        (["--catalogue=/tmp/c", "search", "q"], "search"),
        (["--", "list"], None),
        (["--version"], None),
        ([], None),
    ],
)
def test_command_word_skips_options_and_their_values(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


def test_the_word_reader_knows_every_top_level_option_that_takes_a_value() -> None:
    """The warm client and the command line read the command word without argparse;
    an option added to the parser with a value must be added there too."""
    parser = build_parser()
    with_value = {
        flag for action in parser._actions if action.nargs != 0 for flag in action.option_strings
    }
    assert with_value == VALUE_OPTIONS


def test_version_answer_is_the_parsers(capsys: pytest.CaptureFixture[str]) -> None:
    """entry.py answers --version itself; it must say what argparse would."""
    from desktop.cli.main import main as cli_main
    from desktop.launch.entry import main as entry_main

    with pytest.raises(SystemExit) as quick_exit:
        entry_main(["--version"])
    assert quick_exit.value.code == 0
    quick = capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli_main(["--version"])
    assert quick == capsys.readouterr().out
    assert quick.startswith("catena ")


def test_the_warm_client_path_imports_only_the_standard_library(tmp_path: Path) -> None:
    """Up to the moment a warm server takes the command, `catena list` imports nothing
    of SQLAlchemy, the catalogue or the command line (desktop.launch.warm_client) but
    the standard-library word reader (desktop.cli.command_words; the package's
    __init__ imports nothing), nor importlib.metadata (the version: 20 ms), nor
    dataclasses, inspect or typing (10 ms more; pathlib comes with an editable install's
    finder, so it is not counted here)."""
    code = (
        "import sys; from desktop.launch import entry, warm_client, warm_identity; "
        "warm_client.wanted(['list']); warm_identity.place(); warm_identity.identity(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'db', 'wcwidth', 'platformdirs') or m.startswith('desktop.cli') "
        "or m in ('importlib.metadata', 'dataclasses', 'inspect', 'typing')))"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "XDG_RUNTIME_DIR": str(tmp_path)}  # its private folder goes there
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env, check=True
    )
    assert done.stdout.strip() == "['desktop.cli', 'desktop.cli.command_words']"


@pytest.mark.parametrize("command", [["list"], ["show", "CAT-000001"], ["search", "Halvern"]])
def test_answered_by_a_warm_server_the_client_imports_no_sqlalchemy(
    samples_path: Path, command: list[str]
) -> None:
    from tests.launch.warm_fixtures import warm_folder

    with warm_folder() as warm:
        warm.start()
        served = warm.run(["--catalogue", str(samples_path), *command])
    assert served.code == 0 and served.out
    assert not served.imported_sqlalchemy


def test_importing_the_package_reads_no_distribution_metadata() -> None:
    """``desktop.__version__`` is looked up when asked for (importlib.metadata costs
    tens of milliseconds at every start), and then it is the installed version."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, desktop; print('importlib.metadata' in sys.modules);"
            " print(desktop.__version__); print('importlib.metadata' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=root,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    before, shown, after = done.stdout.split()
    from importlib.metadata import version

    assert (before, shown, after) == ("False", version("catena"), "True")
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        import desktop

        desktop.nothing  # noqa: B018
