"""`catena smoke` (also `catena --smoke`): check that this copy of Catena works.

Installer builds run it on the program they just built, and it is useful on a user's
machine when something looks wrong after an installation. In a fresh catalogue in a
temporary folder (never the user's own catalogue) it:

1. reports the version and where the resources and migrations were found;
2. creates a catalogue (the bundled Alembic migrations bring it to the head schema);
3. imports the sample documents;
4. accepts the suggested tags;
5. prints a dossier PDF (bundled fonts, ReportLab) and reads it back;
6. verifies fixity (every stored original re-hashed) and the audit trail's hash chain;
7. opens the main window and closes it. Without a display (no ``DISPLAY`` or
   ``WAYLAND_DISPLAY`` on Linux) it sets ``QT_QPA_PLATFORM=offscreen`` first.

Each step prints one line. The first failure stops the run with the step's name and
the error on stderr (and the traceback above it) and exit status 1; a usage error
exits 2, like the rest of ``catena``. The temporary folder is removed unless ``--keep``.

This module belongs to the Qt-free core: PySide6 and ``desktop.ui`` are imported
only inside the window step, so the other steps run (and are tested) without Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SAMPLE_COUNT_MIN = 1
ICON_NAME = "catena.png"


class SmokeFailure(Exception):
    """A check did not hold; the message says which, for the person reading the log."""


@dataclass
class SmokeContext:
    """What the steps share: the working folder and what earlier steps found."""

    workdir: Path
    catalogue_path: Path
    samples: list[Path] = field(default_factory=list)
    head: str = ""
    documents: int = 0


Step = Callable[[SmokeContext], str]


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def frozen_bundle() -> Path | None:
    """The PyInstaller bundle folder when running from an installer build, else None."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if getattr(sys, "frozen", False) and bundle else None


# --- the steps -----------------------------------------------------------------------


def step_version(ctx: SmokeContext) -> str:
    from desktop import __version__

    bundle = frozen_bundle()
    if bundle is not None:
        # The version comes from the bundled package metadata (catena.dist-info); a
        # build that forgot it would show "0+unknown" in Help ▸ About and --version.
        _check(__version__ != "0+unknown", "the bundle has no catena package metadata")
    where = f"installer build in {bundle}" if bundle else "source tree"
    utf8 = "on" if sys.flags.utf8_mode else "off"
    return (
        f"Catena {__version__}, Python {sys.version.split()[0]}, {sys.platform}, "
        f"UTF-8 mode {utf8}; running from the {where}"
    )


def step_resources(ctx: SmokeContext) -> str:
    from db.migrate import MIGRATIONS_DIR, head_revision
    from desktop.core.resources import GUIDE_INDEX, guide_dir, resources_dir, sample_paths

    folder = resources_dir()
    _check(folder.is_dir(), f"resources folder not found: {folder}")
    samples = sample_paths()
    _check(len(samples) >= SAMPLE_COUNT_MIN, f"no sample documents in {folder / 'samples'}")
    fonts = sorted((folder / "fonts").glob("*.ttf"))
    _check(bool(fonts), f"no bundled fonts in {folder / 'fonts'}")
    icon = folder / "icons" / ICON_NAME
    _check(icon.is_file(), f"application icon missing: {icon}")
    guide = guide_dir() / GUIDE_INDEX
    _check(guide.is_file(), f"user guide missing: {guide}")
    # Alembic reads the migration scripts from disk, so they must be real files.
    for needed in ("env.py", "script.py.mako"):
        _check((MIGRATIONS_DIR / needed).is_file(), f"{needed} missing from {MIGRATIONS_DIR}")
    revisions = [p for p in (MIGRATIONS_DIR / "versions").glob("*.py") if p.name != "__init__.py"]
    _check(bool(revisions), f"no migration scripts in {MIGRATIONS_DIR / 'versions'}")
    ctx.samples = samples
    ctx.head = head_revision()
    return (
        f"{len(samples)} samples, {len(fonts)} fonts, icon, user guide, "
        f"{len(revisions)} migrations (head {ctx.head}) in {folder} and {MIGRATIONS_DIR}"
    )


def step_catalogue(ctx: SmokeContext) -> str:
    from db.catalogue import Catalogue

    _check(not ctx.catalogue_path.exists(), f"{ctx.catalogue_path} already exists")
    with Catalogue.open(ctx.catalogue_path, create=True, actor="smoke test") as catalogue:
        report = catalogue.report
    _check(report.created, "the catalogue was not created")
    _check(
        report.schema == ctx.head,
        f"schema is {report.schema}, expected the head migration {ctx.head}",
    )
    return f"created {ctx.catalogue_path} (schema {report.schema})"


def step_import(ctx: SmokeContext) -> str:
    from db.catalogue import Catalogue
    from desktop.core.imports import import_files

    samples = ctx.samples
    with Catalogue.open(ctx.catalogue_path, actor="smoke test") as catalogue:
        report = import_files(catalogue, paths=samples).value
    _check(
        report.failed == 0,
        "import failed: " + "; ".join(o.describe() for o in report.outcomes),
    )
    _check(
        report.imported == len(samples),
        f"imported {report.imported} of {len(samples)} samples: {report.summary()}",
    )
    return report.summary()


def step_workers(ctx: SmokeContext) -> str:
    """Large imports parse in spawned worker processes; in a frozen build each worker
    is the program itself, which only works with ``freeze_support`` in its launcher."""
    from db.objects import FolderObjectStore, sha256_bytes
    from desktop.core.resources import sample_paths
    from desktop.ingest.prepare import POOL_THRESHOLD, Job, Prepared, Preparer

    sample = sample_paths()[0]
    data = sample.read_bytes()
    store = FolderObjectStore(ctx.catalogue_path.with_name("worker objects"))
    jobs = [
        Job(sample, f"copy {i}", sample.name, data, sha256_bytes(data), len(data), True, store)
        for i in range(POOL_THRESHOLD)
    ]
    with Preparer(2, len(jobs)) as preparer:
        for job in jobs:
            preparer.submit(job)
        results = [preparer.next_result()[1] for _ in jobs]
        _check(preparer.parallel, "worker processes could not start")
    _check(
        all(isinstance(result, Prepared) for result in results),
        "a worker could not prepare the sample",
    )
    return f"{len(jobs)} copies of {sample.name} prepared by 2 worker processes"


def step_suggestions(ctx: SmokeContext) -> str:
    from db.catalogue import Catalogue
    from desktop.core.suggestions import accept_open_suggestions, live_references

    with Catalogue.open(ctx.catalogue_path, actor="smoke test") as catalogue:
        documents = live_references(catalogue)
        accepted = accept_open_suggestions(catalogue, refs=documents).value
    _check(accepted > 0, "no suggested tags to accept in the sample documents")
    ctx.documents = len(documents)
    return f"accepted {accepted} suggested tags in {len(documents)} documents"


def step_dossier(ctx: SmokeContext) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    from db.catalogue import Catalogue
    from desktop.dossier.build import DossierSpec, build_dossier

    with Catalogue.open(ctx.catalogue_path, actor="smoke test") as catalogue:
        pdf = build_dossier(catalogue, DossierSpec(title="Catena smoke test", reproducible=True))
    _check(pdf.startswith(b"%PDF-"), "the dossier is not a PDF")
    _check(b"%%EOF" in pdf[-1024:], "the dossier PDF is truncated")
    pages = len(PdfReader(BytesIO(pdf)).pages)
    _check(pages > 0, "the dossier PDF has no pages")
    target = ctx.workdir / "Smoke dossier.pdf"
    target.write_bytes(pdf)
    return f"{pages} pages, {len(pdf) // 1024} KB: {target}"


def step_fixity(ctx: SmokeContext) -> str:
    from db.catalogue import Catalogue
    from desktop.core.maintenance import verify_catalogue

    with Catalogue.open(ctx.catalogue_path, actor="smoke test") as catalogue:
        found = verify_catalogue(catalogue).value
    report, texts, chain = found.objects, found.texts, found.chain
    _check(report.ok, f"fixity problems: {report.problems}")
    _check(report.checked >= ctx.documents, f"only {report.checked} objects re-hashed")
    _check(texts.ok, f"text fixity problems: {texts.problems} {texts.index_findings()}")
    _check(not found.database, f"database integrity check: {list(found.database)}")
    _check(chain.ok, f"audit trail: {chain.describe()}")
    return (
        f"{report.checked} stored objects and {texts.checked} texts re-hashed, all match; "
        "database ok; "
        f"audit trail of {chain.events} events intact"
    )


def display_available() -> bool:
    """Whether a window can be shown on a real screen (Windows and macOS always can)."""
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM"):
        return True  # the person chose a platform plugin; respect it
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_and_close_window(catalogue_path: Path, settings_file: Path) -> str:
    """Open the main window on *catalogue_path*, let it paint, and close it.

    The only part of the smoke test that imports Qt. Settings go to *settings_file*
    (an INI file in the temporary folder), never to the person's own settings.
    """
    from desktop.cli.x11_libraries import xcb_problem

    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = xcb_problem()  # Qt would abort the whole smoke test without a word
    _check(problem is None, problem or "")
    from PySide6.QtCore import QSettings

    from db.catalogue import Catalogue
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import ImmediateRunner

    app = make_application()
    catalogue = Catalogue.open(catalogue_path, actor="smoke test")
    try:
        window = MainWindow(
            catalogue,
            runner=ImmediateRunner(),
            settings=QSettings(str(settings_file), QSettings.Format.IniFormat),
            open_catalogue=Catalogue.open,
        )
        window.show()
        app.processEvents()
        shown = window.isVisible()
        title = window.windowTitle()
        window.close()
        app.processEvents()
        _check(shown, "the main window did not become visible")
        _check(not window.isVisible(), "the main window did not close")
        window.deleteLater()
        app.processEvents()
    finally:
        catalogue.close()
    return f"main window shown and closed on the '{app.platformName()}' platform ({title!r})"


def step_window(ctx: SmokeContext) -> str:
    return open_and_close_window(ctx.catalogue_path, ctx.workdir / "settings.ini")


STEPS: tuple[tuple[str, Step], ...] = (
    ("version", step_version),
    ("resources", step_resources),
    ("catalogue", step_catalogue),
    ("import", step_import),
    ("workers", step_workers),
    ("suggestions", step_suggestions),
    ("dossier", step_dossier),
    ("fixity", step_fixity),
    ("window", step_window),
)


# --- running -------------------------------------------------------------------------


def run_steps(
    ctx: SmokeContext,
    steps: Sequence[tuple[str, Step]],
    *,
    out: TextIO,
    err: TextIO,
) -> int:
    """Run *steps* in order, one line each; stop at the first failure."""
    started = time.perf_counter()
    for name, step in steps:
        begun = time.perf_counter()
        try:
            detail = step(ctx)
        except Exception as exc:
            out.write(f"  FAIL {name:<12}\n")
            out.flush()
            traceback.print_exc(file=err)
            reason = str(exc) if isinstance(exc, SmokeFailure) else f"{type(exc).__name__}: {exc}"
            err.write(f'catena smoke: FAILED at step "{name}": {reason}\n')
            err.flush()
            return EXIT_FAILED
        out.write(f"  ok   {name:<12} {detail} [{time.perf_counter() - begun:.1f} s]\n")
        out.flush()
    out.write(f"Smoke test passed: {len(steps)} steps in {time.perf_counter() - started:.1f} s.\n")
    return EXIT_OK


def run_smoke(
    workdir: Path | None = None,
    *,
    window: bool = True,
    keep: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the smoke test in *workdir* (default: a new temporary folder)."""
    out = out or sys.stdout
    err = err or sys.stderr
    steps = STEPS if window else tuple(s for s in STEPS if s[0] != "window")
    if workdir is not None:
        workdir = Path(workdir).expanduser()
        workdir.mkdir(parents=True, exist_ok=True)
        return _run_in(workdir, steps, keep=True, out=out, err=err)
    holder = tempfile.TemporaryDirectory(prefix="catena-smoke-", ignore_cleanup_errors=True)
    try:
        return _run_in(Path(holder.name), steps, keep=keep, out=out, err=err)
    finally:
        if not keep:
            holder.cleanup()


def _run_in(
    workdir: Path, steps: Sequence[tuple[str, Step]], *, keep: bool, out: TextIO, err: TextIO
) -> int:
    ctx = SmokeContext(workdir=workdir, catalogue_path=workdir / "Smoke.catena")
    out.write(f"Catena smoke test in {workdir}\n")
    out.flush()
    status = run_steps(ctx, steps, out=out, err=err)
    if keep:
        out.write(f"Kept {workdir}\n")
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catena smoke",
        description=(
            "Check this copy of Catena: a fresh catalogue in a temporary folder, the "
            "sample documents, suggestions, a dossier, fixity, and the window. "
            "Your own catalogue is never opened."
        ),
    )
    parser.add_argument(
        "--no-window", action="store_true", help="skip the window step (no Qt needed)"
    )
    parser.add_argument(
        "--offscreen",
        action="store_true",
        help="open the window on Qt's offscreen platform even when a display is available",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        metavar="DIR",
        help="work in DIR (created if needed, kept afterwards) instead of a temporary folder",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return run_smoke(args.workdir, window=not args.no_window, keep=args.keep)
