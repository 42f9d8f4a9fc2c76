"""`catena smoke` / `catena --smoke`: the self-test installer builds run (Qt-free part).

The window step is exercised in tests/ui/test_smoke_window.py; the built program is
smoke-tested by packaging/linux/test_deb.sh and the installers workflow.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.launch import entry, smoke

QT_FREE_STEPS = [name for name, _ in smoke.STEPS if name != "window"]


def run(workdir: Path | None = None, **kwargs) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    out, err = io.StringIO(), io.StringIO()
    status = smoke.run_smoke(workdir, window=False, out=out, err=err, **kwargs)
    return status, out.getvalue(), err.getvalue()


def test_every_step_but_the_window_passes_on_the_source_tree(tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    status, out, err = run(workdir)
    assert status == smoke.EXIT_OK, err
    for name in QT_FREE_STEPS:
        assert f"  ok   {name:<12}" in out
    assert "FAIL" not in out
    assert f"Smoke test passed: {len(QT_FREE_STEPS)} steps" in out
    assert "4 imported, 0 duplicates, 0 failed" in out
    # --workdir keeps what it made: the catalogue and the dossier can be inspected.
    assert (workdir / "Smoke.catena" / "catalogue.sqlite").is_file()
    assert (workdir / "Smoke dossier.pdf").read_bytes().startswith(b"%PDF-")
    assert f"Kept {workdir}" in out


def test_the_default_run_is_qt_free_and_leaves_no_temporary_folder(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from desktop.launch.smoke import main\n"
        "status = main(['--no-window'])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'desktop.ui'))]\n"
        "sys.exit(status)\n"
    )
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=240
    )
    assert result.returncode == 0, result.stderr
    assert f"Catena smoke test in {tmp_path}" in result.stdout
    assert list(tmp_path.iterdir()) == []  # the temporary folder was removed


def test_a_failure_names_the_step_and_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "resources"
    (empty / "samples").mkdir(parents=True)
    monkeypatch.setenv("CATENA_RESOURCES", str(empty))
    status, out, err = run(tmp_path / "work")
    assert status == smoke.EXIT_FAILED
    assert "  ok   version" in out
    assert "  FAIL resources" in out
    assert "catalogue" not in out.split("FAIL resources")[1]  # later steps did not run
    last = err.strip().splitlines()[-1]
    assert (
        last
        == f'catena smoke: FAILED at step "resources": no sample documents in {empty / "samples"}'
    )


def test_unexpected_errors_are_reported_with_their_type() -> None:
    calls: list[str] = []

    def fine(ctx: smoke.SmokeContext) -> str:
        calls.append("fine")
        return "all good"

    def broken(ctx: smoke.SmokeContext) -> str:
        raise OSError("disk on fire")

    def never(ctx: smoke.SmokeContext) -> str:
        calls.append("never")
        return ""

    out, err = io.StringIO(), io.StringIO()
    ctx = smoke.SmokeContext(workdir=Path("."), catalogue_path=Path("x.catena"))
    status = smoke.run_steps(
        ctx, [("fine", fine), ("broken", broken), ("never", never)], out=out, err=err
    )
    assert status == smoke.EXIT_FAILED
    assert calls == ["fine"]
    assert "  ok   fine         all good" in out.getvalue()
    assert "Traceback" in err.getvalue()
    assert err.getvalue().endswith('catena smoke: FAILED at step "broken": OSError: disk on fire\n')


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert smoke.main(["--no-such-option"]) == smoke.EXIT_USAGE
    assert "catena smoke" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "forwarded"),
    [(["--smoke"], []), (["smoke", "--no-window", "--keep"], ["--no-window", "--keep"])],
)
def test_entry_runs_the_smoke_test_for_both_spellings(
    argv: list[str], forwarded: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(smoke, "main", lambda args: seen.append(list(args)) or 0)
    assert entry.main(argv) == 0
    assert seen == [forwarded]


def test_entry_still_runs_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop import __version__

    with pytest.raises(SystemExit) as stopped:
        entry.main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"catena {__version__}"


def test_offscreen_is_chosen_only_without_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert not smoke.display_available()
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert smoke.display_available()
    monkeypatch.delenv("WAYLAND_DISPLAY")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # an explicit choice is respected
    assert smoke.display_available()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert smoke.display_available()
