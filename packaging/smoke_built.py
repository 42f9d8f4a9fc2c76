"""Run the program the installer build made with ``--smoke``, on this OS.

    python packaging/smoke_built.py [SMOKE OPTIONS]

The installers workflow calls this on every OS right after the build, so the step is
the same everywhere; the paths below are the spec's outputs. Only the standard
library is used (any Python 3.11+ runs it). Exits with the smoke test's status.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILT = {
    "linux": ROOT / "dist" / "catena" / "catena",
    "win32": ROOT / "dist" / "Catena" / "catena-cli.exe",  # the console twin of Catena.exe
    "darwin": ROOT / "dist" / "Catena.app" / "Contents" / "MacOS" / "Catena",
}


def built_program() -> Path:
    key = "linux" if sys.platform.startswith("linux") else sys.platform
    if key not in BUILT:
        raise SystemExit(f"smoke_built: no installer build for {sys.platform}")
    return BUILT[key]


def main(argv: list[str] | None = None) -> int:
    program = built_program()
    if not program.is_file():
        print(f"smoke_built: {program} not found; build the installer first", file=sys.stderr)
        return 2
    command = [str(program), "--smoke", *(sys.argv[1:] if argv is None else argv)]
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
