"""The warm command server (desktop.launch.warm_*): a command answered through it says
and exits exactly what it does in a fresh process, and every way it can fail ends in
the command running once, in-process, or in one line.

Each test has its own private folder (XDG_RUNTIME_DIR) and kills every server it
started in teardown (tests.launch.warm_fixtures).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.launch import warm_client
from tests.launch.warm_fixtures import ROOT, Warm, wait_until, warm_folder


@pytest.fixture
def warm() -> Iterator[Warm]:
    with warm_folder() as folder:
        yield folder


@pytest.fixture
def samples(samples_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "Samples.catena"
    shutil.copytree(samples_template, target)
    return target


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_answers_are_those_of_a_fresh_process(warm: Warm, samples: Path) -> None:
    commands = [
        ["list"],
        ["list", "--json"],
        ["show", "CAT-000001"],
        ["search", "Halvern"],
        ["show", "CAT-999999"],  # a bad reference: one line, exit 2
    ]
    catalogue = ["--catalogue", str(samples)]
    fresh = [warm.run([*catalogue, *c], CATENA_NO_SERVER="1") for c in commands]
    assert fresh[-1].code == 2 and len(fresh[-1].err.splitlines()) == 1
    assert all(outcome.imported_sqlalchemy for outcome in fresh)

    first = warm.run([*catalogue, "list"])  # no server yet: in-process, and starts one
    assert (first.code, first.out, first.err) == (fresh[0].code, fresh[0].out, fresh[0].err)
    assert first.imported_sqlalchemy
    wait_until(lambda: warm.answering() and bool(warm.live_servers()), "the started server")

    for command, expected in zip(commands, fresh, strict=True):
        served = warm.run([*catalogue, *command])
        assert not served.imported_sqlalchemy, command
        assert (served.code, served.out, served.err) == (expected.code, expected.out, expected.err)


def test_private_folder_is_0700_and_tightened(warm: Warm) -> None:
    warm.folder.mkdir(mode=0o755)
    os.chmod(warm.folder, 0o755)
    warm.start()
    assert stat.S_IMODE(warm.folder.stat().st_mode) == 0o700
    for path in warm.sockets():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_stdin_folder_environment_and_encodings_reach_the_command(warm: Warm) -> None:
    warm.start("tests.launch.warm_runners:echo")
    served = warm.run(
        ["search", "x"],
        stdin="héllo ə\n",
        CATENA_TEST_MARKER="m1",
        PYTHONIOENCODING="latin-1",
        TZ="ABC+3",
        umask="027",
    )
    assert not served.imported_sqlalchemy
    assert served.code == 3
    first, _, rest = served.out.partition("\n")
    said = json.loads(first)
    assert said["argv"] == ["search", "x"]
    assert said["cwd"] == str(ROOT)  # the server's own folder is /
    assert said["marker"] == "m1"
    assert said["tzname"][0] == "ABC"
    assert said["umask"] == 0o027
    fresh = subprocess.run(
        [sys.executable, "-c", "import sys; print(sys.stdout.encoding, sys.stdin.encoding)"],
        capture_output=True,
        text=True,
        env={**warm.env, "PYTHONIOENCODING": "latin-1"},
        check=True,
    )
    assert [said["stdout_encoding"], said["stdin_encoding"]] == fresh.stdout.split()
    assert said["stderr_errors"] == "backslashreplace"
    assert rest == "héllo ə\n"


def test_another_user_is_not_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    """SO_PEERCRED: the server answers only its own user, whatever the folder's mode.
    The peer's uid is the kernel's; here the server is made to believe it runs as
    someone else, which is the same comparison a stranger's connection fails."""
    from types import SimpleNamespace

    from desktop.launch import warm_server

    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with ours, theirs:
        assert warm_server._peer_is_us(ours)
        real = os.getuid()
        monkeypatch.setattr(warm_server.os, "getuid", lambda: real + 1)
        assert not warm_server._peer_is_us(ours)

        def never(*_args: object) -> None:
            raise AssertionError("a stranger's hello is never read or forked")

        monkeypatch.setattr(warm_server.os, "fork", never)
        monkeypatch.setattr(warm_server.warm_wire, "receive", never)
        server = SimpleNamespace(identity="ours")
        assert warm_server.Server.answer(server, ours) is True  # type: ignore[arg-type]


def test_stale_socket_runs_in_process_and_starts_a_server(warm: Warm, samples: Path) -> None:
    warm.folder.mkdir(mode=0o700)
    warm.start("tests.launch.warm_runners:old")
    (pid,) = warm.live_servers()
    os.kill(pid, signal.SIGKILL)  # its socket file stays behind, nobody listening
    wait_until(lambda: _gone(pid) or not warm.live_servers(), "the killed server")
    assert warm.sockets() and not warm.answering()
    stale = warm.run(["--catalogue", str(samples), "list"])
    assert stale.code == 0 and "4 documents" in stale.out and stale.imported_sqlalchemy
    wait_until(lambda: warm.answering() and bool(warm.live_servers()), "a new server")
    assert warm.live_servers() != [pid]


def test_other_code_is_not_answered_and_the_old_server_exits(warm: Warm, samples: Path) -> None:
    old = warm.start("tests.launch.warm_runners:old")
    assert warm.run(["list"]).out == "answered by the old server\n"
    # A client of other code: its identity covers the mtime of every folder on sys.path.
    before = ROOT.stat()
    os.utime(ROOT, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    try:
        changed = warm.run(["--catalogue", str(samples), "list"])
    finally:
        os.utime(ROOT, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "old server" not in changed.out
    assert changed.code == 0 and "4 documents" in changed.out and changed.imported_sqlalchemy
    wait_until(lambda: _gone(old), "the old server to exit")


def test_idle_server_exits_and_removes_its_socket(warm: Warm) -> None:
    pid = warm.start(CATENA_SERVER_IDLE="0.5")
    wait_until(lambda: not warm.sockets() and _gone(pid), "the idle server to exit")


def test_commands_start_with_what_the_server_loaded_out_of_the_collectors_reach(
    warm: Warm,
) -> None:
    """Each command's child shares the server's pages; frozen (``gc.freeze``), the
    modules and mappers loaded once are neither copied nor walked by its collections."""
    warm.start("tests.launch.warm_runners:frozen")
    served = warm.run(["search", "x"])
    assert served.code == 0
    assert not served.imported_sqlalchemy  # answered by the server's child
    assert int(served.out) > 10_000


def test_ctrl_c_is_forwarded_to_the_command(warm: Warm, tmp_path: Path) -> None:
    warm.start("tests.launch.warm_runners:wait")
    ran = tmp_path / "ran.txt"
    client = warm.popen(["search", "x"], CATENA_TEST_RAN=str(ran))
    try:
        assert client.stdout is not None
        assert client.stdout.readline() == "ready\n"
        client.send_signal(signal.SIGINT)
        _out, err = client.communicate(timeout=120)
    finally:
        client.kill()
    assert client.returncode == 130
    assert err == "catena: interrupted\n"
    assert ran.read_text() == "ran\n"


def test_server_dying_mid_command_is_one_line_and_no_second_run(warm: Warm, tmp_path: Path) -> None:
    server = warm.start("tests.launch.warm_runners:wait")
    ran = tmp_path / "ran.txt"
    client = warm.popen(
        ["search", "x"], CATENA_TEST_RAN=str(ran), CATENA_CATALOGUE=str(tmp_path / "none")
    )
    try:
        assert client.stdout is not None
        assert client.stdout.readline() == "ready\n"
        os.killpg(os.getpgid(server), signal.SIGKILL)  # the server and the command's child
        out, err = client.communicate(timeout=120)
    finally:
        client.kill()
    assert client.returncode == warm_client.EXIT_LOST
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert out == ""
    assert ran.read_text() == "ran\n"
    assert not (tmp_path / "none").exists()  # not run again in-process


def test_no_server_variable_is_honoured(warm: Warm, samples: Path) -> None:
    warm.start("tests.launch.warm_runners:old")
    plain = warm.run(["--catalogue", str(samples), "list"], CATENA_NO_SERVER="1")
    assert "4 documents" in plain.out and plain.imported_sqlalchemy


def test_no_server_started_without_a_routed_command(warm: Warm, samples: Path) -> None:
    warm.run(["--catalogue", str(samples), "verify"])
    assert not warm.sockets()


def test_quick_commands_and_imports_are_routed_the_window_never() -> None:
    assert {"list", "show", "search", "init", "import", "suggest"} <= warm_client.ROUTED
    assert not {"gui", "smoke", "demo"} & warm_client.ROUTED


def test_someone_elses_folder_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.launch import warm_identity

    runtime = tmp_path / "run"
    (runtime / "catena").mkdir(parents=True)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    real_lstat = os.lstat

    class Foreign:
        def __init__(self, found: os.stat_result) -> None:
            self.st_mode, self.st_uid = found.st_mode, found.st_uid + 1

    monkeypatch.setattr(os, "lstat", lambda path: Foreign(real_lstat(path)))
    assert warm_identity.private_folder() is None


def test_windows_frozen_builds_and_the_switch_keep_commands_in_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CATENA_NO_SERVER", raising=False)
    assert warm_client.wanted(["list"])
    assert not warm_client.wanted(["gui"]) and not warm_client.wanted(["--version"])
    monkeypatch.setattr(sys, "platform", "win32")
    assert not warm_client.wanted(["list"])
    monkeypatch.undo()
    monkeypatch.delenv("CATENA_NO_SERVER", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # a PyInstaller build
    assert not warm_client.wanted(["list"])
    monkeypatch.undo()
    monkeypatch.setenv("CATENA_NO_SERVER", "1")
    assert not warm_client.wanted(["list"])
