"""Write screenshots of the main views for the README: ``python -m desktop.ui.screenshots DIR``.

``--languages-only`` writes just the main window in English, Azerbaijani and Russian
(``main-window-en.png``, ``-az``, ``-ru``; the .qm catalogues must be built: ``make``).

The sample documents are imported into a throw-away catalogue through the real window
(so the import report is the real one), suggestions are run at import, and three of
the four documents have their suggestions accepted, leaving the open letter with a
mix of accepted tags and open suggestions to show both styles. A photograph with
EXIF is drawn with Pillow and attached. Runs offscreen (``make screenshots``).
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from db.catalogue import Catalogue
from desktop.core import event_records
from desktop.core.resources import sample_paths
from desktop.ui.app import make_application
from desktop.ui.language import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import ImmediateRunner

WIDTH, HEIGHT = 1440, 900


def sample_photo(folder: Path) -> Path:
    """A drawn "photograph" of a dam with camera EXIF, so the viewer has facts to show."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 800), (150, 180, 205))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 520, 1200, 800), fill=(88, 110, 72))
    draw.polygon([(0, 520), (260, 300), (520, 520)], fill=(110, 120, 125))
    draw.polygon([(700, 520), (980, 260), (1200, 420), (1200, 520)], fill=(100, 108, 118))
    draw.rectangle((430, 380, 800, 540), fill=(185, 180, 170))
    draw.polygon([(560, 380), (610, 380), (640, 540), (540, 540)], fill=(70, 90, 120))
    draw.rectangle((0, 600, 1200, 660), fill=(60, 95, 140))
    exif = Image.Exif()
    exif[0x010F] = "Halvern Survey Camera Co."  # Make
    exif[0x0110] = "HS-2"  # Model
    exif[0x013B] = "District Office photographer"  # Artist
    exif[0x0132] = "1987:03:14 09:12:00"  # DateTime
    target = folder / "halvern_breach_photo.jpg"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88, exif=exif.tobytes())
    target.write_bytes(buffer.getvalue())
    return target


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def save_shot(widget: QWidget, path: Path, app: QApplication) -> None:
    """Let the window settle, then write *widget* as it is drawn to the PNG at *path*."""
    _settle(app)
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")


def wait_until(
    app: QApplication, done: Callable[[], bool], *, what: str, seconds: float = 600
) -> None:
    """Run the event loop until *done()* (an import's report opened, an OCR import
    finished); a screenshot script gives up after *seconds* rather than hang. It polls a
    worker thread, so it rests 50 ms between turns instead of spinning a core."""
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"screenshots: {what} did not happen within {seconds:g} s")
        app.processEvents()
        time.sleep(0.05)


def _prepare(catalogue: Catalogue) -> None:
    """Accept suggestions on all but the open letter; accept a few of its tags."""
    from desktop.core import tagging
    from desktop.core.suggestions import accept_open_suggestions, live_references
    from desktop.core.views import document_view

    others = [ref for ref in live_references(catalogue) if ref != "CAT-000002"]
    accept_open_suggestions(catalogue, refs=others)
    letter = document_view(catalogue, "CAT-000002")
    for tag in letter.tags[::2]:
        tagging.accept(catalogue, kind=tag.kind, tag_id=tag.id)


def _review_queue_shot(window: MainWindow, out: Path, app: QApplication) -> None:
    """The review queue over the whole catalogue, right after import: two suggestions
    accepted with A (as ``_prepare`` would accept them anyway), three rows selected."""
    window.sidebar.choose("library")
    window.open_review_queue()
    view = window.review_view
    window.review_decide("accept")
    window.review_decide("accept")
    view.select_row(2)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (3, 4):
        view.table.selectionModel().select(view.model.index(row, 0), flags)
    save_shot(window, out / "review-queue.png", app)


def demo_window(folder: Path) -> MainWindow:
    """The window on a new, empty catalogue in *folder* with its own settings file,
    at the screenshots' size, shown (one place for every screenshot script)."""
    catalogue = Catalogue.open(folder / "Halvern.catena", create=True, actor="archivist")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(
        catalogue,
        runner=ImmediateRunner(),
        settings=settings,
        open_catalogue=lambda p: Catalogue.open(p),
    )
    window.resize(WIDTH, HEIGHT)
    window.show()
    return window


def main_window_in(language: str, out: Path, app: QApplication) -> None:
    """``main-window-<language>.png``: the library with the open letter, in that language.

    A fresh catalogue per language, so every picture shows the same state; the language
    is installed before the window is built, as ``run_app`` does at start.
    """
    install_language(language, app)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        window = demo_window(folder)
        window.import_files(sample_paths())
        wait_until(app, lambda: window.last_report_dialog is not None, what="the import")
        window.last_report_dialog.close()
        _prepare(window.catalogue)
        window._catalogue_changed()
        window.sidebar.choose("library")
        window.select_ref("CAT-000002")
        window.table.setFocus()
        window.reader.place_cursor(0)
        window.inspector.setCurrentWidget(window.metadata)
        _settle(app)
        window.main_splitter.setSizes([240, WIDTH - 240])  # the sidebar's words in full
        save_shot(window, out / f"main-window-{language}.png", app)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.close()
        _settle(app)
        window.catalogue.close()
    install_language("en", app)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(argv[:1])
    for language in ("en", "az", "ru"):
        main_window_in(language, out, app)
    if "--languages-only" in argv:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        window = demo_window(folder)
        photo = sample_photo(folder)
        shots: list[tuple[str, Callable[[], QWidget]]] = []

        extra = folder / "incoming"
        extra.mkdir()
        (extra / "scan_of_fax.bin").write_bytes(b"\x00\x01\x02 not a document \xff\xfe")
        duplicate = extra / "gazette_copy.txt"
        duplicate.write_bytes(sample_paths()[0].read_bytes())
        window.import_files([*sample_paths(), photo, extra])
        wait_until(app, lambda: window.last_report_dialog is not None, what="the import")
        dialog = window.last_report_dialog
        assert dialog is not None
        dialog.resize(900, 400)
        save_shot(dialog, out / "import-report.png", app)
        dialog.close()

        _review_queue_shot(window, out, app)
        _prepare(window.catalogue)
        window._catalogue_changed()
        window.attach_images("CAT-000001", [photo])

        # 1. Library with the open letter: accepted tags filled, suggestions underlined.
        window.sidebar.choose("library")
        window.select_ref("CAT-000002")
        window.table.setFocus()
        window.reader.place_cursor(0)
        window.inspector.setCurrentWidget(window.metadata)
        save_shot(window, out / "library.png", app)

        # 2. The tag editor on a figure suggestion.
        target = next(t for t in window.reader.tags if t.kind == "figure")
        window.reader.place_cursor(target.start + 1)
        window.reader.focus_text()
        save_shot(window, out / "tag-editor.png", app)

        # 2b. The letter's people still suggested: bracketed and tinted, not filled.
        person = [t for t in window.reader.tags if t.kind == "mention" and t.status == "suggested"][
            -1
        ]  # the caret on the last, so the ones before show as they look at rest
        window.reader.place_cursor(person.start + 1)
        save_shot(window, out / "suggested-people.png", app)

        # 3. People, with a person selected to show their passages.
        window.sidebar.choose("people")
        people = window.people_view
        best = max(range(people.model.rowCount()), key=lambda r: people.model.record(r).mentions)
        people.table.selectRow(best)
        save_shot(window, out / "people.png", app)

        # 4. Figures compared across sources.
        window.sidebar.choose("figures")
        save_shot(window, out / "figures.png", app)

        # 5. Chronology with its timeline.
        window.sidebar.choose("chronology")
        window.chronology_view.table.selectRow(3)
        save_shot(window, out / "chronology.png", app)

        # 6. A search: relevance order, the Match column, the Refine counts.
        window.sidebar.choose("library")
        window.filter_edit.setText("dam commission")
        window.apply_filter()
        window.refine_button.count()
        window.select_ref(window.model.ref_at(0))
        save_shot(window, out / "search.png", app)
        window.filter_edit.setText("")
        window.apply_filter()

        # 7. An attached image in the viewer.
        window.sidebar.choose("library")
        window.select_ref("CAT-000001")
        image = window.image_model.image(0)
        viewer = window.open_image(image)
        viewer.resize(1000, 600)
        viewer.caption.setText("The breached spillway, morning of 14 March 1987")
        save_shot(viewer, out / "image-viewer.png", app)
        viewer.close()

        # 8. The dossier dialog over two selected documents.
        window.table.clearSelection()
        mode = window.table.selectionMode()
        window.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        window.table.selectRow(0)  # in this mode each row is added to the selection
        window.table.selectRow(3)
        window.table.setSelectionMode(mode)
        dossier = window.open_dossier_dialog()
        dossier.title.setText("The Halvern dam failure: sources compared")
        save_shot(dossier, out / "dossier-dialog.png", app)
        dossier.close()

        # 9. Events: the dam failure and the inquiry within it, links suggested and one
        # confirmed, a date selected (last, so the records change no other picture).
        dam = event_records.create_event_record(
            window.catalogue,
            name="Halvern dam failure",
            place="Halvern",
            edtf="1987-03-13",
            kind="disaster",
            variants=["Halvern Dam Failure", "Halvern embankment collapse"],
        ).value.ref
        event_records.create_event_record(
            window.catalogue,
            name="Commission of Inquiry into the Halvern Dam Failure",
            edtf="1987-04/1987-06",
            kind="inquiry",
            parent_ref=dam,
        )
        window.sidebar.choose("events")
        window.suggest_event_links()
        events = window.events_view
        events.select_ref(dam)
        events.select_claim(0)  # a person confirms one link, to show both styles
        window.confirm_event_link(events.claims.record(0))
        events.select_claim(
            next(n for n, c in enumerate(events.claims.records) if c.kind == "date")
        )
        save_shot(window, out / "events.png", app)

        del shots
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.close()
        _settle(app)
        window.catalogue.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
