"""PyInstaller's entry script: the built program runs exactly what `catena` runs.

With no arguments that is the window (`catena gui`); `--smoke` runs the self-test.
"""

import sys

from desktop.entry import main

if __name__ == "__main__":
    sys.exit(main())
