"""Write the user guide's screenshots: ``python tools/guide_screenshots.py [DIR]``.

The PNGs in docs/guide/images/ are this script's output and are never edited by hand;
run it again (``make guide-screenshots``) after a change to the window. It runs offscreen
on a throw-away catalogue made from Catena's four sample documents, so it needs no
display, no network and none of your catalogues.

Two passes: ``desktop.ui.screenshots`` takes the views the README also shows (import
report, review queue, reading pane, tag editor, people, figures, chronology, search,
image viewer, dossier dialog, events); this script adds the pictures only the guide
needs (a new, empty catalogue, the corroboration matrix, the export dialog, a scanned
letter read with OCR beside its page, and the guide window itself). The OCR picture
needs the Tesseract program with English data (as `catena ocr --check` reports).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core.resources import guide_dir, resources_dir, sample_paths  # noqa: E402
from desktop.ui import screenshots  # noqa: E402
from desktop.ui.app import make_application  # noqa: E402
from desktop.ui.guide_dialog import GuideDialog  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402

DEFAULT_OUT = ROOT / "docs" / "guide" / "images"


SCAN_LINES = (
    "District Office of Halvern",
    "Halvern, 2 March 1987",
    "",
    "To the Ministry of Public Works",
    "",
    "Sir,",
    "On 28 February 1987 our engineer found three new cracks",
    "in the embankment below the spillway. We ask that 40 men",
    "and the ministry's inspector be sent before the spring rains.",
    "",
    "Yours faithfully,",
    "P. Wandel, District Engineer",
)


def scanned_letter(folder: Path) -> Path:
    """An image-only PDF of a typed letter (no text layer), for the OCR chapter."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(resources_dir() / "fonts" / "DejaVuSerif.ttf"), 40)
    image = Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(SCAN_LINES):
        draw.text((220, 320 + number * 64), line, font=font, fill=0)
    target = folder / "district_office_letter_scan.pdf"
    image.save(target, "PDF", resolution=300)
    return target


def _window(folder: Path) -> MainWindow:
    return screenshots.demo_window(folder)


def guide_only_shots(out: Path, app: QApplication) -> None:
    """The pictures the README does not need: empty catalogue, matrix, export, guide."""
    from desktop.core.suggestions import accept_open_suggestions, live_references

    with tempfile.TemporaryDirectory() as tmp:
        window = _window(Path(tmp))
        screenshots.save_shot(window, out / "new-catalogue.png", app)

        window.import_files(sample_paths())
        screenshots.wait_until(
            app, lambda: window.last_report_dialog is not None, what="the import"
        )
        window.last_report_dialog.close()
        accept_open_suggestions(window.catalogue, refs=live_references(window.catalogue))
        window._catalogue_changed()

        window.sidebar.choose("figures")
        window.figures_page.setCurrentWidget(window.matrix_view)
        screenshots.save_shot(window, out / "corroboration.png", app)

        window.sidebar.choose("library")
        window.select_ref("CAT-000001")
        export = window.open_export_dialog()
        export.resize(640, 260)
        screenshots.save_shot(export, out / "export-dialog.png", app)
        export.close()

        _ocr_shot(window, Path(tmp), out, app)

        guide = GuideDialog(guide_dir(), window)
        guide.resize(900, 640)
        guide.show()
        screenshots.save_shot(guide, out / "user-guide.png", app)
        guide.close()

        window.close()
        for _ in range(3):
            app.processEvents()
        window.catalogue.close()


def _ocr_shot(window: MainWindow, folder: Path, out: Path, app: QApplication) -> None:
    """A scan imported (and read with OCR on the way), its suggestions accepted, shown
    with its page beside the text."""
    from desktop.core.suggestions import accept_open_suggestions, live_references

    before = set(live_references(window.catalogue))
    window.import_files([scanned_letter(folder)])
    screenshots.wait_until(
        app, lambda: bool(set(live_references(window.catalogue)) - before), what="the scan's import"
    )
    for _ in range(5):  # let the import report open, then close it
        app.processEvents()
    if window.last_report_dialog is not None:
        window.last_report_dialog.close()
    [ref] = set(live_references(window.catalogue)) - before
    accept_open_suggestions(window.catalogue, refs=[ref])
    window._catalogue_changed()
    window.sidebar.choose("library")
    window.select_ref(ref)
    if not window.reader.tags:
        raise SystemExit("guide_screenshots: the scan was not read; is Tesseract installed?")
    screenshots.save_shot(window, out / "ocr-scan.png", app)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(argv[:1])
    screenshots.main([argv[0], str(out)])
    guide_only_shots(out, app)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
