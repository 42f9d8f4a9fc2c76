"""``catena ocr``: read a scanned document's pages with OCR, and ``catena ocr-status``.

The reading itself is ``desktop.core.ocr.ocr_document``, the same operation the
window's Document ▸ Read Text (OCR) runs.
"""

from __future__ import annotations

import argparse

from db.catalogue import Catalogue
from desktop.cli.errors import UsageError
from desktop.cli.output import ProgressBar, print_json
from desktop.ingest.ocr_engine import LANGUAGES, OcrUnavailable, engine, parse_languages

EXIT_OK = 0


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ocr",
        parents=[common],
        help="read a scan's pages with OCR (the original stays the evidence)",
    )
    p.add_argument("ref", nargs="?", help="document reference, e.g. CAT-000012")
    p.add_argument(
        "--lang",
        default="eng",
        metavar="CODES",
        help="languages, joined by + (e.g. eng+rus); known: " + ", ".join(LANGUAGES),
    )
    p.add_argument("--check", action="store_true", help="only say whether OCR can run here")
    p.add_argument("--json", action="store_true")


def languages_argument(spec: str) -> tuple[str, ...]:
    """The --lang/--ocr-lang value as Tesseract codes; a usage error names a bad one."""
    try:
        return parse_languages(spec)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def cmd_ocr(catalogue: Catalogue, args: argparse.Namespace) -> int:
    languages = languages_argument(args.lang)
    if args.check:
        try:
            found = engine()
            found.check_languages(languages)
        except OcrUnavailable as exc:
            raise UsageError(str(exc)) from exc
        print(f"OCR available: {found.name} {found.version} ({found.path})")
        return EXIT_OK
    if not args.ref:
        raise UsageError("name a document (CAT-…), or use --check")
    from desktop.core.ocr import ocr_document

    bar = ProgressBar("Reading pages")
    try:
        done = ocr_document(catalogue, ref=args.ref, languages=languages, progress=bar).value
    finally:
        bar.finish()
    if args.json:
        print_json(
            {
                "reference": done.reference,
                "pages": done.pages,
                "words": done.words,
                "low_confidence_words": done.low_confidence_words,
                "languages": list(done.languages),
                "version": done.version,
                "suggested": done.suggested,
            }
        )
        return EXIT_OK
    print(
        f"{done.reference}: OCR text ({'+'.join(done.languages)}), {done.pages} pages, "
        f"{done.words} words ({done.low_confidence_words} low-confidence), "
        f"text version {done.version}, {done.suggested} tags suggested"
    )
    if done.tags_lost:
        print(f"{done.tags_lost} suggested tags no longer in the text were dropped")
    return EXIT_OK


COMMANDS = {"ocr": cmd_ocr}
