"""A two-person trial of a team catalogue: two real Catena windows, in two processes,
on one PostgreSQL catalogue; one imports while the other tags and prints a dossier
(and a third, a reader, searches and prints in a read-only window).

    CATENA_TEST_POSTGRES=postgresql+psycopg://root@/postgres?host=/var/run/postgresql \\
        python -m bench.team_trial [--out bench/results/team_trial] [--batches 3]

What it does:

1. makes a scratch database ``catena_test_pgwindow_trial_<hex>`` on the server named by
   ``CATENA_TEST_POSTGRES``, makes it a catalogue (originals in a shared folder) and
   imports the four sample documents;
2. makes three login roles with passwords, Ana and Ben (all rights) and Cai (SELECT
   only), each their own server role as docs/team.md has it, who connect over TCP;
   each window process gets its password in ``PGPASSWORD`` (libpq's own way: nothing
   is stored) and its person's login name (the actor Catena records);
3. starts three window processes (``QT_QPA_PLATFORM=offscreen``, or under ``xvfb-run``
   when installed): Ana imports *batches* batches of four letters through the window's
   import; Ben, meanwhile, tags a date in each sample document by selecting its words
   and using Tag ▸ Date, then prints a dossier from the dossier dialog; Cai, whose role
   may only SELECT, searches, tries an edit (refused) and prints a dossier. Each then
   waits, idle, until its window shows the others' last change (the audit-trail poll);
4. each process records what its window showed (document counts before/after, when
   the other's changes appeared and how many reloads the poll made) and screenshots
   (``desktop.ui.screenshots.save_shot``); the trial then counts the rows on the server,
   runs ``catena log --verify`` on the catalogue, and drops the database and roles.

Results: ``<out>/team_trial.json`` and ``<out>/*.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ADMIN_ENV = "CATENA_TEST_POSTGRES"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "bench" / "results" / "team_trial"
PERSON_TIMEOUT_S = 600
SAMPLE_REFS = ("CAT-000001", "CAT-000002", "CAT-000003", "CAT-000004")
SEE_OTHERS_TIMEOUT_S = 60
RIGHT_OF_JOB = {"importer": "editor", "tagger": "tagger", "reader": "reader"}
"""The team right (docs/team.md) each person of the trial is given for their job."""
DATE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
    r"November|December) \d{4}\b"
)


# --- the coordinator ----------------------------------------------------------------------
def _admin_url() -> str:
    url = os.environ.get(ADMIN_ENV, "").strip()
    if not url:
        raise SystemExit(f"team_trial: set {ADMIN_ENV} to a PostgreSQL admin URL")
    return url


def _engine(url: str, database: str) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    target = make_url(url).set(drivername="postgresql+psycopg", database=database)
    return create_engine(target, isolation_level="AUTOCOMMIT")


def _execute(url: str, database: str, *statements: str) -> list[Any]:
    engine = _engine(url, database)
    try:
        rows: list[Any] = []
        with engine.connect() as conn:
            for statement in statements:
                result = conn.exec_driver_sql(statement)
                rows.append(result.fetchall() if result.returns_rows else None)
        return rows
    finally:
        engine.dispose()


def _database_url(admin: str, database: str) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(admin).set(drivername="postgresql+psycopg", database=database)
    return url.render_as_string(hide_password=False)


def _launcher() -> list[str]:
    xvfb = shutil.which("xvfb-run")
    return [xvfb, "-a"] if xvfb else []


def _counts(admin: str, database: str) -> dict[str, Any]:
    rows = _execute(
        admin,
        database,
        "SELECT count(*) FROM documents",
        "SELECT count(*) FROM date_tags",
        "SELECT actor, action, count(*) FROM events GROUP BY actor, action ORDER BY 1, 2",
    )
    return {
        "documents": rows[0][0][0],
        "date_tags": rows[1][0][0],
        "events": [{"actor": a, "action": b, "count": c} for a, b, c in rows[2]],
    }


def coordinate(out: Path, batches: int) -> dict[str, Any]:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from db.catalogue import Catalogue
    from db.pg_roles import add_person, team_roles
    from desktop.core.resources import sample_paths
    from desktop.ingest.pipeline import import_paths

    admin = _admin_url()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    work = Path(tempfile.mkdtemp(prefix="catena_team_trial_"))
    database = f"catena_test_pgwindow_trial_{uuid.uuid4().hex[:8]}"
    tag = uuid.uuid4().hex[:6]
    people = {
        "ana": (f"catena_test_pgwindow_ana_{tag}", uuid.uuid4().hex, "importer"),
        "ben": (f"catena_test_pgwindow_ben_{tag}", uuid.uuid4().hex, "tagger"),
        "cai": (f"catena_test_pgwindow_cai_{tag}", uuid.uuid4().hex, "reader"),
    }
    _execute(admin, "postgres", f'CREATE DATABASE "{database}"')
    try:
        url = _database_url(admin, database)
        objects = work / "shared-objects"
        # As docs/team.md has it: `catena init` sets up the team's rights (its group
        # roles, the server-set actor, the insert-only events), then each person gets a
        # login role in one of them.
        with Catalogue.open(
            url, create=True, objects=str(objects), daily_backup=False, team_rights=True
        ) as cat:
            import_paths(cat, sample_paths())
        engine = create_engine(make_url(url))  # in a transaction: add_person nests savepoints
        try:
            with engine.begin() as conn:
                for role, password, job in people.values():
                    add_person(conn, login=role, right=RIGHT_OF_JOB[job], password=password)
        finally:
            engine.dispose()
        before = _counts(admin, database)
        processes = {}
        started = time.monotonic()
        for name, (role, password, job) in people.items():
            # Each person as on their own computer, with their own login name; the actor
            # Catena records is the server role they connect as, set by the server.
            env = dict(os.environ, PGPASSWORD=password, PYTHONPATH=str(ROOT))
            env.update(USER=name, LOGNAME=name)
            if not _launcher():
                env["QT_QPA_PLATFORM"] = "offscreen"
            env.pop(ADMIN_ENV, None)  # a person knows their own login only
            login = f"postgresql+psycopg://{role}@127.0.0.1:5432/{database}"
            command = [
                *_launcher(),
                sys.executable,
                "-m",
                "bench.team_trial",
                "person",
                "--name",
                name,
                "--job",
                job,
                "--url",
                login,
                "--work",
                str(work),
                "--out",
                str(out),
                "--batches",
                str(batches),
                "--people",
                ",".join(people),
            ]
            log = (work / f"{name}.log").open("w")
            processes[name] = (subprocess.Popen(command, env=env, stdout=log, stderr=log), log)
        codes = {}
        for name, (process, log) in processes.items():
            codes[name] = process.wait(timeout=PERSON_TIMEOUT_S)
            log.close()
        elapsed = time.monotonic() - started
        after = _counts(admin, database)
        verify = subprocess.run(
            [sys.executable, "-m", "desktop", "--catalogue", url, "log", "--verify"],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        )
        seen = {}
        for name in people:
            record = work / f"{name}.json"
            seen[name] = json.loads(record.read_text()) if record.is_file() else None
            if codes[name] != 0:
                tail = (work / f"{name}.log").read_text(errors="replace").splitlines()[-15:]
                seen[name] = {"exit": codes[name], "log_tail": tail, **(seen[name] or {})}
        result = {
            "database": database,
            "display": "xvfb-run" if _launcher() else "offscreen",
            "people": {n: {"role": r, "job": j} for n, (r, _p, j) in people.items()},
            "server_before": before,
            "server_after": after,
            "seconds": round(elapsed, 1),
            "log_verify": {
                "exit": verify.returncode,
                "output": (verify.stdout + verify.stderr).strip().splitlines()[-3:],
            },
            "windows": seen,
        }
        (out / "team_trial.json").write_text(json.dumps(result, indent=2) + "\n")
        return result
    finally:
        _execute(admin, "postgres", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        groups = team_roles(database).all()
        logins = [role for role, _p, _j in people.values()]
        _execute(admin, "postgres", *(f'DROP ROLE IF EXISTS "{r}"' for r in [*logins, *groups]))
        shutil.rmtree(work, ignore_errors=True)


# --- one person's window -----------------------------------------------------------------
def _letters(folder: Path, batch: int, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(count):
        path = folder / f"letter_{batch}_{n}.txt"
        path.write_text(
            f"Letter {batch}.{n} to the Halvern commission, {n + 1} May 19{21 + batch}.\n"
            f"The reservoir keeper reports {10 * n + batch} cubic metres lost in the night "
            "and asks for the engineer's visit before the spring rains.\n",
            encoding="utf-8",
        )
        made.append(path)
    return made


def _confirmed_dates(window: Any) -> int:
    """Date tags a person made or accepted in the four samples, as this window reads them."""
    from desktop.core.views import document_view

    total = 0
    for ref in SAMPLE_REFS:
        for tag in document_view(window.catalogue, ref).tags:
            if tag.kind == "date" and (tag.origin == "manual" or tag.status == "accepted"):
                total += 1
    return total


def _print_dossier(window: Any, app: Any, pdf: Path) -> dict[str, Any]:
    """Print a dossier of the whole library from the window's dossier dialog."""
    from desktop.ui.screenshots import wait_until

    dialog = window.open_dossier_dialog()
    dialog._save_path = lambda _title: pdf
    printed: list[Any] = []
    dialog.built.connect(printed.append)
    dialog.build_failed.connect(lambda text: printed.append(f"failed: {text}"))
    dialog.build()
    wait_until(app, lambda: bool(printed), what="dossier", seconds=300)
    dialog.close()
    if pdf.is_file():
        return {"written": True, "bytes": pdf.stat().st_size}
    return {"written": False, "message": str(printed[0])}


def _newest_event(window: Any) -> int:
    from desktop.core import team

    return team.trail_moves(window.catalogue, after=0, mine=()).newest


def person(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings

    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.opening import open_catalogue
    from desktop.ui.screenshots import save_shot, wait_until
    from desktop.ui.tasks import ThreadPoolRunner

    work, out, name = Path(args.work), Path(args.out), args.name
    others = [n for n in args.people.split(",") if n != name]
    app = make_application(["catena"])
    settings = QSettings(str(work / f"{name}.ini"), QSettings.Format.IniFormat)
    runner = ThreadPoolRunner()
    catalogue = open_catalogue(args.url, runner=runner)
    window = MainWindow(
        catalogue,
        runner=runner,
        settings=settings,
        open_catalogue=lambda p: open_catalogue(p, runner=runner),
    )
    window.resize(1400, 860)
    window.show()
    seen: dict[str, Any] = {
        "job": args.job,
        "title": window.windowTitle(),
        "server_label": window.server_label.text(),
        "read_only": window.catalogue.read_only,
        "documents_at_start": window.model.rowCount(),
        "confirmed_sample_dates_at_start": _confirmed_dates(window),
    }
    save_shot(window, out / f"{name}-1-opened.png", app)
    (work / f"{name}.ready").touch()
    wait_until(
        app, lambda: all((work / f"{n}.ready").exists() for n in others), what="ready", seconds=120
    )
    started = time.monotonic()
    if args.job == "importer":
        reports: list[Any] = []
        window.import_finished.connect(reports.append)
        for batch in range(args.batches):
            window.import_files(_letters(work / "letters", batch, 4), suggest=False)
            wait_until(app, lambda b=batch: len(reports) > b, what="import", seconds=300)
            wait_until(app, lambda: window.import_action.isEnabled(), what="import end", seconds=60)
        seen["imported"] = sum(len(r.outcomes) for r in reports)
        seen["documents_after_own_imports"] = window.model.rowCount()
        save_shot(window, out / f"{name}-2-imported.png", app)
    elif args.job == "reader":
        seen["import_enabled"] = window.import_action.isEnabled()
        seen["read_only_label"] = window.read_only_label.text()
        window.filter_edit.setText("Halvern")
        window.apply_filter()
        wait_until(app, lambda: window.model.rowCount() > 0, what="search", seconds=60)
        seen["search_halvern_found"] = window.model.rowCount()
        from PySide6.QtWidgets import QMessageBox

        refused: list[str] = []
        window.bench.error.connect(refused.append)
        # The refusal's message box, recorded instead of waiting for a click.
        QMessageBox.warning = staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Ok)
        window.bench.edit_metadata(window.model.ref_at(0), {"title": "Changed by a reader"})
        seen["edit_refused_with"] = refused[:1]
        window.filter_edit.clear()
        window.apply_filter()
        seen["dossier"] = _print_dossier(window, app, work / f"{name}-dossier.pdf")
        save_shot(window, out / f"{name}-2-reader.png", app)
    else:
        tagged = []
        for ref in [window.model.ref_at(row) for row in range(window.model.rowCount())][:4]:
            window.select_ref(ref)
            app.processEvents()
            found = DATE.search(window.reader.document.text) if window.reader.document else None
            if found is None:
                continue
            window.reader.select_span(found.start(), found.end())
            window.reader.tag_selection("date")
            app.processEvents()
            tagged.append(f"{ref}: {found.group()}")
        seen["tagged"] = tagged
        save_shot(window, out / f"{name}-2-tagged.png", app)
        seen["dossier"] = _print_dossier(window, app, work / f"{name}-dossier.pdf")
        save_shot(window, out / f"{name}-3-printed.png", app)
    seen["own_work_seconds"] = round(time.monotonic() - started, 1)
    seen["documents_when_own_work_done"] = window.model.rowCount()
    seen["reloads_by_poll_during_own_work"] = window.refreshes_from_others
    own_last = _newest_event(window)
    (work / f"{name}.done").write_text(f"{window.model.rowCount()} {own_last}")
    wait_until(
        app, lambda: all((work / f"{n}.done").exists() for n in others), what="done", seconds=600
    )
    # Idle now: the poll (every few seconds) must bring in the others' last changes:
    # the window has looked past their last event and lists what they made.
    done = [[int(v) for v in (work / f"{n}.done").read_text().split()] for n in others]
    rows, last = max(d[0] for d in done), max(d[1] for d in done)
    waited_from = time.monotonic()
    wait_until(
        app,
        lambda: (
            (window._seen_event or 0) >= max(last, own_last) and window.model.rowCount() >= rows
        ),
        what="the others' changes",
        seconds=SEE_OTHERS_TIMEOUT_S,
    )
    seen["seconds_until_others_last_change_shown"] = round(time.monotonic() - waited_from, 1)
    seen["reloads_by_poll"] = window.refreshes_from_others
    seen["documents_at_end"] = window.model.rowCount()
    seen["confirmed_sample_dates_at_end"] = _confirmed_dates(window)
    seen["count_label_at_end"] = window.count_label.text()
    save_shot(window, out / f"{name}-4-end.png", app)
    (work / f"{name}.json").write_text(json.dumps(seen, indent=2))
    window.close()
    window.catalogue.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", nargs="?", default="trial", choices=("trial", "person"))
    parser.add_argument("--out", default=str(DEFAULT_OUT))
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--name")
    parser.add_argument("--job")
    parser.add_argument("--url")
    parser.add_argument("--work")
    parser.add_argument("--people", default="ana,ben")
    args = parser.parse_args(argv)
    if args.mode == "person":
        return person(args)
    result = coordinate(Path(args.out), args.batches)
    print(json.dumps(result, indent=2))
    ok = result["log_verify"]["exit"] == 0 and all(
        w is not None and "exit" not in w for w in result["windows"].values()
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
