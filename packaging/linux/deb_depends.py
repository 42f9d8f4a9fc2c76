"""Derive the .deb's Depends from what the one-folder build links against.

    python3 packaging/linux/deb_depends.py dist/catena [--log build/deb/shlibdeps.log]

The spec leaves system libraries out of the Linux build (see packaging/catena.spec),
so the package must depend on them. This script:

1. finds every ELF file in the build (the program, Qt and its plugins, Python
   extension modules, the libraries the wheels carry);
2. runs ``ldd`` on each with the bundle's library folders first, as the PyInstaller
   bootloader arranges at run time, and fails naming every library that does not
   resolve (usually: run ``packaging/linux/install-build-deps.sh``);
3. runs ``dpkg-shlibdeps`` (dpkg-dev) with the bundle's folders as private library
   folders, which maps the system libraries to their packages and the lowest versions
   the symbols used need, e.g. ``libxcb-cursor0 (>= 0.0.99)``;
4. checks that the packages Qt's xcb platform plugin is known to need are among them,
   and prints the Depends value on stdout.

The result is for the distribution it was built on (e.g. ``libssl3`` on Debian 12,
``libssl3t64`` on Ubuntu 24.04), like any .deb.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# Packages Qt's xcb plugin (and Qt GUI) need on every Debian/Ubuntu; t64 renames
# (libglib2.0-0t64) are matched by prefix. A missing one means the derivation broke.
# The xcb ones are the packages of desktop/cli/x11_libraries.py's XCB_LIBRARIES, which
# `catena gui` checks before Qt starts (a test keeps the two lists in step).
EXPECTED_PREFIXES = (
    "libxkbcommon-x11-0",
    "libxkbcommon0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxcb1",
    "libx11-6",
    "libx11-xcb1",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libdbus-1-3",
    "libc6",
)


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def library_dirs(files: list[Path]) -> list[Path]:
    return sorted({p.parent for p in files if ".so" in p.name})


def unresolved(files: list[Path], dirs: list[Path]) -> dict[str, list[str]]:
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = os.pathsep.join(
        [*map(str, dirs), *filter(None, [env.get("LD_LIBRARY_PATH")])]
    )
    missing: dict[str, list[str]] = {}
    for path in files:
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        for line in result.stdout.splitlines():
            match = re.match(r"\s*(\S+) => not found", line)
            if match:
                missing.setdefault(match.group(1), []).append(str(path))
    return missing


def shlibdeps(root: Path, files: list[Path], dirs: list[Path], log: Path | None) -> str:
    with tempfile.TemporaryDirectory(prefix="catena-shlibdeps-") as work:
        # dpkg-shlibdeps wants to run in a source tree: a minimal debian/control will do.
        (Path(work) / "debian").mkdir()
        (Path(work) / "debian" / "control").write_text(
            "Source: catena\n\nPackage: catena\nArchitecture: any\n", encoding="utf-8"
        )
        command = [
            "dpkg-shlibdeps",
            "-O",
            "--ignore-missing-info",
            *(f"-l{d}" for d in dirs),
            *(f"-e{f}" for f in files),
        ]
        result = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(result.stderr, encoding="utf-8")
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"deb_depends: dpkg-shlibdeps failed ({result.returncode})")
    match = re.search(r"^shlibs:Depends=(.*)$", result.stdout, re.MULTILINE)
    if not match:
        raise SystemExit(f"deb_depends: no shlibs:Depends in dpkg-shlibdeps output for {root}")
    return match.group(1).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path, help="the PyInstaller one-folder build")
    parser.add_argument("--log", type=Path, help="write dpkg-shlibdeps warnings here")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()  # dpkg-shlibdeps runs in a temporary folder
    files = elf_files(bundle)
    if not files:
        raise SystemExit(f"deb_depends: no ELF files in {args.bundle}")
    dirs = library_dirs(files)
    missing = unresolved(files, dirs)
    if missing:
        for soname, users in sorted(missing.items()):
            print(
                f"deb_depends: {soname} not found (needed by {users[0]}"
                f"{f' and {len(users) - 1} more' if len(users) > 1 else ''})",
                file=sys.stderr,
            )
        print(
            "Install the build dependencies: sudo packaging/linux/install-build-deps.sh",
            file=sys.stderr,
        )
        return 1
    depends = shlibdeps(bundle, files, dirs, args.log)
    names = [part.strip().split()[0] for part in depends.split(",")]
    absent = [p for p in EXPECTED_PREFIXES if not any(n.startswith(p) for n in names)]
    if absent:
        raise SystemExit(
            f"deb_depends: expected dependencies missing: {', '.join(absent)}\nderived: {depends}"
        )
    print(depends)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
