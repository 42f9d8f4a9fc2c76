"""Maintenance commands: verify, backup, restore, log.

``restore`` works on the catalogue's folder, not on an opened catalogue: it is the way
back from a database too damaged to open (see ``db.restore``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.backup import BackupError, all_backups, backup_database, rotate_backup, verify_backup
from db.catalogue import Catalogue
from db.integrity import integrity_check, verify_fixity
from db.models import Event
from db.restore import plan_restore, restore_catalogue
from db.sanitize import for_terminal
from db.text_fixity import TextRepair, TextReport, repair_texts, verify_texts
from desktop.cli.output import ProgressBar, print_json, print_table
from desktop.ingest.rederive import rederive_text

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "verify",
        parents=[common],
        help="re-hash every stored original and working text, check the search index "
        "and the database",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--repair",
        action="store_true",
        help="put back texts read again from their originals when they match the recorded "
        "SHA-256 (tags never move), and rebuild outdated search index rows",
    )
    p = sub.add_parser("backup", parents=[common], help="back up the catalogue database")
    p.add_argument(
        "--to",
        type=Path,
        help="write the backup to this file instead of the catalogue's rotating backups",
    )
    p.add_argument("--list", action="store_true", help="list the rotating backups")
    p = sub.add_parser(
        "restore",
        parents=[common],
        help="restore the database from a backup (also when it is too damaged to open)",
    )
    p.add_argument(
        "backup",
        type=Path,
        nargs="?",
        help="a backup file (see `catena backup --list`); default: the newest verified one",
    )
    p.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    p = sub.add_parser("log", parents=[common], help="show the audit trail")
    p.add_argument("--verify", action="store_true", help="check the hash chain")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")


def _head_json(chain: audit.ChainReport) -> dict[str, Any]:
    """Where the trail ends, where the head file says it ended, and what is wrong."""
    return {
        "current": chain.head.to_json(),
        "recorded": None if chain.recorded is None else chain.recorded.to_json(),
        "problem": chain.head_problem,
    }


def cmd_verify(catalogue: Catalogue, args: argparse.Namespace) -> int:
    bar = ProgressBar("Verifying")
    repairs: list[TextRepair] = []
    # A read-only catalogue is checked all the same; the check just cannot be logged.
    # --repair writes, so on read-only media it is refused like any writing command.
    unit = catalogue.reading if catalogue.read_only and not args.repair else catalogue.writing
    with unit() as session:
        # The trail is checked as found, before this check adds its own events to it.
        chain = audit.verify_chain(session)
        try:
            report = verify_fixity(
                session,
                catalogue.objects,
                actor=catalogue.actor,
                progress=lambda done, total: bar(done, total),
                record=not catalogue.read_only,
            )
        finally:
            bar.finish()
        texts = _verify_texts(session, catalogue)
        if args.repair and not texts.ok:
            repairs = repair_texts(
                session,
                catalogue.objects,
                texts,
                rederive=rederive_text,
                actor=catalogue.actor,
            )
            texts = _verify_texts(session, catalogue)  # what is left, logged as such
        findings = integrity_check(session)
    if args.json:
        print_json(
            {
                "checked": report.checked,
                "problems": [
                    {
                        "sha256": p.sha256,
                        "problem": p.problem,
                        "used_by": p.used_by,
                        "files": p.file_names,
                    }
                    for p in report.problems
                ],
                "texts": {
                    "checked": texts.checked,
                    "problems": [
                        {"reference": p.ref, "problem": p.problem, "detail": p.description}
                        for p in texts.problems
                    ],
                    "index": texts.index_findings(),
                },
                "repairs": [
                    {"reference": r.ref, "outcome": r.outcome, "reason": r.reason} for r in repairs
                ],
                "database": findings or ["ok"],
                "audit_trail": {
                    "events": chain.events,
                    "ok": chain.ok,
                    "broken_at": chain.broken_at,
                    "head": _head_json(chain),
                },
                "recorded": not catalogue.read_only,
            }
        )
    else:
        for problem in report.problems:
            users = ", ".join(
                f"{ref} ({name})"
                for ref, name in zip(problem.used_by, problem.file_names, strict=True)
            )
            print(
                for_terminal(
                    f"{problem.problem.upper():8} {problem.sha256}  {users or 'no record'}"
                )
            )
        print(f"{report.checked} objects checked: {len(report.problems)} problems.")
        _print_texts(texts, repairs, repair_asked=args.repair)
        print("Database check: " + ("ok" if not findings else "; ".join(findings)))
        print(f"Audit trail: {chain.describe()}")
        if catalogue.read_only:
            print("Not recorded in the audit trail: the catalogue is read-only.")
    return EXIT_OK if report.ok and texts.ok and not findings and chain.ok else EXIT_PROBLEMS


def _verify_texts(session: Session, catalogue: Catalogue) -> TextReport:
    bar = ProgressBar("Checking texts")
    try:
        return verify_texts(
            session,
            actor=catalogue.actor,
            progress=lambda done, total: bar(done, total),
            record=not catalogue.read_only,
        )
    finally:
        bar.finish()


def _print_texts(texts: TextReport, repairs: list[TextRepair], *, repair_asked: bool) -> None:
    for repair in repairs:
        print(for_terminal(f"{repair.outcome.upper():17} {repair.ref}  {repair.reason}"))
    for problem in texts.problems:
        kind = "TEXT" if problem.concerns_text else "INDEX"
        print(f"{kind:8} {problem.ref}  {problem.description}")
    for finding in texts.index_findings():
        print(f"INDEX    {finding}")
    count = len(texts.problems) + len(texts.index_findings())
    print(f"{texts.checked} texts and search index rows checked: {count} problems.")
    if count and not repair_asked:
        print(
            "`catena verify --repair` puts back texts that can be read again from their "
            "originals exactly as recorded, and rebuilds outdated search index rows."
        )


def cmd_backup(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if args.list:
        rows = [
            (b.path.name, b.created.isoformat(timespec="seconds"), verify_backup(b.path) or "ok")
            for b in all_backups(catalogue.backups)
        ]
        print_table(("Backup", "Made (UTC)", "Check"), rows, widths=(40, 26, 40))
        return EXIT_OK
    if args.to:
        target = backup_database(catalogue.database, Path(args.to))
        problem = verify_backup(target)
        if problem:
            raise BackupError(f"the backup at {target} failed its check: {problem}")
    else:
        target = rotate_backup(catalogue.database, catalogue.backups)
    if not catalogue.read_only:  # a copy of read-only media is taken, but not logged
        with catalogue.writing() as session:
            audit.record(
                session, action="backup", actor=catalogue.actor, detail={"file": str(target)}
            )
    print(
        f"Backed up the catalogue database to {target} (verified). Originals are not in "
        "this file: they stay in the catalogue's objects/ folder, which never changes; "
        "copy that folder too when you move a backup to another disk."
    )
    return EXIT_OK


def cmd_restore(folder: Path, args: argparse.Namespace) -> int:
    """Restore *folder*'s database; it need not open (that may be why we are here)."""
    plan = plan_restore(folder, args.backup)
    if plan.state != "ok":
        found = f" ({plan.finding})" if plan.finding else ""
        print(
            f"The catalogue database is {plan.state}{found}. Restoring keeps it, with its "
            "log files, in a damaged-… folder under backups/."
        )
    changes = plan.changes()
    if not changes:
        print("The backup holds the same number of records as the catalogue.")
    else:
        print_table(("Table", "Now", "After restore"), changes, widths=(24, 10, 14))
    print(f"Restoring {plan.backup}: all {plan.originals} originals it refers to are present.")
    if plan.state != "ok" and plan.counters is None:
        print(
            "Warning: the damaged database's reference counters cannot be read, so codes "
            "handed out after this backup was made may be handed out again; check the "
            "newest codes in dossiers and exports made since."
        )
    if args.dry_run:
        print("Dry run: nothing was changed.")
        return EXIT_OK
    outcome = restore_catalogue(plan, actor=audit.default_actor())
    print(
        f"Restored from {plan.backup}. The previous state is kept in {outcome.kept} "
        "(never rotated away)."
    )
    print(f"Audit trail: {outcome.head.describe()}, the last one recording this restore.")
    return EXIT_OK


def cmd_log(catalogue: Catalogue, args: argparse.Namespace) -> int:
    with catalogue.reading() as session:
        events = list(
            session.execute(
                select(Event).order_by(Event.id.desc()).limit(max(1, args.limit))
            ).scalars()
        )
        chain = audit.verify_chain(session) if args.verify else None
    events.reverse()
    if args.json:
        print_json(
            {
                "events": [
                    {
                        "id": e.id,
                        "at": e.at,
                        "actor": e.actor,
                        "action": e.action,
                        "target": e.target,
                        "outcome": e.outcome,
                        "detail": e.detail,
                        "hash": e.hash,
                    }
                    for e in events
                ],
                "chain": None
                if chain is None
                else {"events": chain.events, "ok": chain.ok, "broken_at": chain.broken_at},
                "head": None if chain is None else _head_json(chain),
            }
        )
    else:
        print_table(
            ("#", "When (UTC)", "Who", "What", "Record", "Outcome"),
            [(str(e.id), e.at[:19], e.actor, e.action, e.target or "", e.outcome) for e in events],
            widths=(7, 19, 16, 20, 12, 8),
        )
        if chain is not None:
            print(chain.describe())
    return EXIT_PROBLEMS if chain is not None and not chain.ok else EXIT_OK


COMMANDS = {"verify": cmd_verify, "backup": cmd_backup, "log": cmd_log}
# Commands given the catalogue's folder instead of an opened catalogue.
FOLDER_COMMANDS = {"restore": cmd_restore}
