"""The X11 library check that runs before Qt, so a missing libxcb-cursor0 gets a sentence
naming the package instead of Qt's SIGABRT. Runs without X: the loader is injected."""

from __future__ import annotations

import ctypes.util
import importlib.util
import sys
from pathlib import Path

import pytest

from desktop.cli import x11_libraries as platform_check
from desktop.cli.main import main as cli_main
from desktop.cli.x11_libraries import (
    XCB_LIBRARIES,
    can_load,
    missing_xcb_libraries,
    qt_will_use_xcb,
    xcb_problem,
)

REPO = Path(__file__).resolve().parents[2]
X11 = {"DISPLAY": ":0"}


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", X11, True),
        ("linux", {}, False),
        ("linux", {**X11, "WAYLAND_DISPLAY": "wayland-0"}, False),  # Qt prefers Wayland
        ("linux", {**X11, "QT_QPA_PLATFORM": "offscreen"}, False),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
        ("linux", {**X11, "QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ("linux", {**X11, "QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ("darwin", X11, False),
        ("win32", X11, False),
    ],
)
def test_qt_will_use_xcb(platform: str, environ: dict[str, str], expected: bool) -> None:
    assert qt_will_use_xcb(platform, environ) is expected


def test_missing_libraries_are_named_with_the_apt_command() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    problem = xcb_problem(loader=lambda soname: soname not in absent, platform="linux", environ=X11)
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in problem
    assert problem.count("sudo apt install libxcb-cursor0 libxcb-icccm4 (") == 1


def test_no_problem_when_everything_loads_or_xcb_is_not_used() -> None:
    asked: list[str] = []

    def loader(soname: str) -> bool:
        asked.append(soname)
        return True

    assert xcb_problem(loader=loader, platform="linux", environ=X11) is None
    assert asked == list(XCB_LIBRARIES)
    asked.clear()
    offscreen = {**X11, "QT_QPA_PLATFORM": "offscreen"}
    assert xcb_problem(loader=lambda s: False, platform="linux", environ=offscreen) is None
    assert xcb_problem(loader=lambda s: False, platform="darwin", environ=X11) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sonames are Linux's")
def test_real_loader_agrees_with_the_linker_cache() -> None:
    """Whatever this machine has installed, the check finds what ldconfig finds."""
    expected = [
        soname
        for soname in XCB_LIBRARIES
        if ctypes.util.find_library(soname.removeprefix("lib").split(".so")[0]) != soname
    ]
    assert missing_xcb_libraries() == expected
    assert all(can_load(soname) is (soname not in expected) for soname in XCB_LIBRARIES)


def _gui(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, absent: set[str]
) -> tuple[int, list[Path]]:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(platform_check, "can_load", lambda soname: soname not in absent)
    launched: list[Path] = []

    def launch(path: Path, create: bool) -> int:
        launched.append(path)
        return 0

    code = cli_main(["gui", "-c", str(tmp_path / "Mine.catena")], launch_gui=launch)
    return code, launched


def test_gui_without_libxcb_cursor_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, launched = _gui(monkeypatch, tmp_path, {"libxcb-cursor.so.0"})
    _out, err = capsys.readouterr()
    assert code == 2 and launched == []
    assert err.count("\n") == 1
    assert err.startswith("catena gui: ") and "sudo apt install libxcb-cursor0 (" in err
    assert not (tmp_path / "Mine.catena").exists()


def test_gui_with_every_library_opens_the_window(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, launched = _gui(monkeypatch, tmp_path, set())
    assert code == 0 and launched == [tmp_path / "Mine.catena"]


def test_packaging_installs_and_depends_on_every_checked_package() -> None:
    spec = importlib.util.spec_from_file_location(
        "deb_depends", REPO / "packaging" / "linux" / "deb_depends.py"
    )
    assert spec is not None and spec.loader is not None
    deb_depends = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(deb_depends)
    build_deps = (REPO / "packaging" / "linux" / "install-build-deps.sh").read_text().split()
    for package in XCB_LIBRARIES.values():
        assert package in deb_depends.EXPECTED_PREFIXES, package
        assert package in build_deps, package
