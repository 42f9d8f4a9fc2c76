"""Before Qt starts: can its X11 (xcb) platform plugin load its system libraries here?

Qt's xcb plugin links against a dozen small X libraries that a fresh Ubuntu or Debian
desktop does not always have (``libxcb-cursor0`` most often: Qt needs it since 6.5).
When one is missing, Qt cannot load the plugin and aborts the process (SIGABRT, exit
134) with a message that names no package. This module asks the dynamic linker for
each library first, without importing Qt, so ``catena`` can say in one line which
packages to install instead.

The check runs only when Qt would pick xcb: on Linux, with an X display, and with no
other platform requested (``QT_QPA_PLATFORM``) or preferred (a Wayland session, where
Qt uses its Wayland plugin). The installed .deb depends on all of these packages, so
the check matters for source checkouts (``make run``) and other packages.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# Every X library Qt 6's xcb plugin (libqxcb.so and libQt6XcbQpa.so.6) links against,
# found with `ldd`, and the Debian/Ubuntu package that provides it.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}

#: Answers whether the shared library with this soname can be loaded.
Loader = Callable[[str], bool]


def can_load(soname: str) -> bool:
    """Whether the dynamic linker loads *soname* (and what it needs) as Qt would."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def qt_will_use_xcb(platform: str | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Whether Qt would choose its xcb plugin for a window in this environment."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        # "xcb", "xcb:option=…", or a fallback list such as "wayland;xcb": the first counts.
        return requested.split(";")[0].split(":")[0].strip() == "xcb"
    if environ.get("WAYLAND_DISPLAY"):
        return False
    return bool(environ.get("DISPLAY"))


def missing_xcb_libraries(loader: Loader | None = None) -> list[str]:
    """The sonames of ``XCB_LIBRARIES`` that *loader* (default ``can_load``) cannot load,
    in table order."""
    load = loader or can_load
    return [soname for soname in XCB_LIBRARIES if not load(soname)]


def xcb_problem(
    *,
    loader: Loader | None = None,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str | None:
    """One line saying which packages the window needs and how to install them, or
    None when Qt will not use xcb here or every library loads."""
    if not qt_will_use_xcb(platform, environ):
        return None
    missing = missing_xcb_libraries(loader)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[soname] for soname in missing))
    return (
        f"the window cannot open: Qt's X11 (xcb) plugin needs {', '.join(missing)}, "
        f"which this system lacks. On Debian or Ubuntu: sudo apt install {packages} "
        "(nothing was opened or changed)"
    )
