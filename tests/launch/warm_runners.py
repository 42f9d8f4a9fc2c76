"""Stand-ins for the command line in a test's warm server: they show what the child
received (stdin, folder, environment, stream encodings) and wait for a signal."""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path


def echo(argv: list[str]) -> int:
    """Prints what a command would see, then stdin, and exits 3."""
    said = {
        "argv": argv,
        "cwd": os.getcwd(),
        "marker": os.environ.get("CATENA_TEST_MARKER"),
        "stdout_encoding": sys.stdout.encoding,
        "stdin_encoding": sys.stdin.encoding,
        "stderr_errors": sys.stderr.errors,
        "umask": os.umask(0),
        "tzname": list(time.tzname),
    }
    print(json.dumps(said))
    sys.stdout.write(sys.stdin.read())
    return 3


def old(argv: list[str]) -> int:
    print("answered by the old server")
    return 0


def wait(argv: list[str]) -> int:
    """Notes that it ran, says "ready", and waits for an interrupt (then does what the
    command line does: a line on stderr, exit 130)."""
    with Path(os.environ["CATENA_TEST_RAN"]).open("a", encoding="utf-8") as ran:
        ran.write("ran\n")
    try:  # the client interrupts once it reads "ready": maybe before print returns
        print("ready", flush=True)
        while True:
            signal.pause()  # until the interrupt (or the test's teardown kills it)
    except KeyboardInterrupt:
        print("catena: interrupted", file=sys.stderr)
        return 130
    return 0


def frozen(argv: list[str]) -> int:
    """Prints how many objects the command's collector leaves alone (``gc.freeze``)."""
    import gc

    print(gc.get_freeze_count())
    return 0
