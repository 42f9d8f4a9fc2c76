"""PyInstaller's entry script: the built program runs exactly what `catena` runs.

With no arguments that is the window (`catena gui`); `--smoke` runs the self-test.
Large imports parse in worker processes (desktop/ingest/prepare.py); in a frozen
program each worker is this same executable, and ``freeze_support`` turns it into the
worker instead of a second window.
"""

import multiprocessing
import sys

from desktop.launch.entry import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
