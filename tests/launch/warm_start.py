"""`python -m tests.launch.warm_start [RUNNER]`: start a warm server for the place the
probe (tests.launch.warm_probe) would use, optionally running RUNNER
("module:function") instead of the command line."""

from __future__ import annotations

import sys

from desktop.launch.warm_client import start_server

if __name__ == "__main__":
    start_server(sys.argv[1] if len(sys.argv) > 1 else None)
