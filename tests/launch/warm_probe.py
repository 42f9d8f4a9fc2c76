"""`python -m tests.launch.warm_probe ARGS`: `catena ARGS` as the console script runs
it, then (when $CATENA_TEST_PROBE names a file) writes there whether SQLAlchemy was
imported in this process: not, when a warm server answered.

Run with ``-m`` from the repository root, like ``python -m desktop``, so that every
process of a test has the same ``sys.path`` and so the same server place.
"""

from __future__ import annotations

import json
import os
import sys

from desktop.launch.entry import main

if __name__ == "__main__":
    try:
        code = main(sys.argv[1:])
    finally:
        where = os.environ.get("CATENA_TEST_PROBE")
        if where:
            with open(where, "w", encoding="utf-8") as out:
                json.dump({"sqlalchemy": "sqlalchemy" in sys.modules}, out)
    sys.exit(code)
