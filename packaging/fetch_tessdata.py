"""Fetch Tesseract's language data for an installer build (never at run time).

    python packaging/fetch_tessdata.py --to dist/Catena/_internal/tesseract/tessdata

Downloads ``<code>.traineddata`` for every language Catena offers
(``desktop.ingest.ocr_engine.LANGUAGES``), ``osd`` and the script models some languages
are read with (``SCRIPT_MODELS``, e.g. ``script/Cyrillic``) from the tesseract-ocr project's
``tessdata_fast`` repository at a fixed tag, into the folder next to the bundled
tesseract program, and prints each file's SHA-256 (record them in the release notes).
Used by packaging/windows/build.ps1 and packaging/macos/build.sh; the .deb depends on
the distribution's packages instead. Files already present are kept.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from desktop.ingest.ocr_engine import LANGUAGES, SCRIPT_MODELS

TAG = "4.1.0"
BASE = f"https://github.com/tesseract-ocr/tessdata_fast/raw/{TAG}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, required=True, help="the bundle's tessdata folder")
    args = parser.parse_args()
    args.to.mkdir(parents=True, exist_ok=True)
    sources = {code: f"{code}.traineddata" for code in [*LANGUAGES, "osd"]}
    sources |= {model: f"script/{model}.traineddata" for model in SCRIPT_MODELS.values()}
    for code, source in sources.items():
        target = args.to / f"{code}.traineddata"  # tesseract -l Cyrillic looks at the top
        if not target.is_file():
            url = f"{BASE}/{source}"  # a fixed https address, at build time only
            with urllib.request.urlopen(url, timeout=120) as answer:  # noqa: S310
                data = answer.read()
            partial = target.with_suffix(".part")
            partial.write_bytes(data)
            partial.replace(target)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        print(f"{digest}  {target.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
