"""Maintenance commands: verify, backup, restore, log.

``restore`` works on the catalogue's folder, not on an opened catalogue: it is the way
back from a database too damaged to open (see ``db.restore``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from db import audit
from db.backup import all_backups, verify_backup
from db.catalogue import Catalogue
from db.sanitize import for_terminal
from db.text_fixity import TextRepair, TextReport
from desktop.cli.errors import UsageError
from desktop.cli.output import ProgressBar, counted, print_json, print_table
from desktop.core.maintenance import (
    Stage,
    audit_log,
    back_up,
    plan_restore,
    restore_catalogue,
    verify_catalogue,
)

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
        help="write the backup to this file instead of the catalogue's rotating backups "
        "(a PostgreSQL catalogue: pg_dump into this folder, rotated there)",
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
    bars = {"originals": ProgressBar("Verifying"), "texts": ProgressBar("Checking texts")}

    def show(stage: Stage, done: int, total: int) -> None:
        if stage == "texts":
            bars["originals"].finish()  # one bar at a time, as the stages run
        bars[stage](done, total)

    try:
        found = verify_catalogue(catalogue, repair=args.repair, progress=show).value
    finally:
        for bar in bars.values():
            bar.finish()
    report, texts, chain = found.objects, found.texts, found.chain
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
                    {"reference": r.ref, "outcome": r.outcome, "reason": r.reason}
                    for r in found.repairs
                ],
                "database": list(found.database) or ["ok"],
                "audit_trail": {
                    "events": chain.events,
                    "ok": chain.ok,
                    "broken_at": chain.broken_at,
                    "head": _head_json(chain),
                },
                "recorded": found.recorded,
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
        checked = counted(report.checked, "object")
        print(f"{checked} checked: {counted(len(report.problems), 'problem')}.")
        _print_texts(texts, list(found.repairs), repair_asked=args.repair)
        print("Database check: " + ("; ".join(found.database) or "ok"))
        print(f"Audit trail: {chain.describe()}")
        if not found.recorded:
            print("Not recorded in the audit trail: the catalogue is read-only.")
    return EXIT_OK if found.ok else EXIT_PROBLEMS


def _print_texts(texts: TextReport, repairs: list[TextRepair], *, repair_asked: bool) -> None:
    for repair in repairs:
        print(for_terminal(f"{repair.outcome.upper():17} {repair.ref}  {repair.reason}"))
    for problem in texts.problems:
        kind = "TEXT" if problem.concerns_text else "INDEX"
        print(f"{kind:8} {problem.ref}  {problem.description}")
    for finding in texts.index_findings():
        print(f"INDEX    {finding}")
    count = len(texts.problems) + len(texts.index_findings())
    rows = counted(texts.checked, "text and search index row", "texts and search index rows")
    print(f"{rows} checked: {counted(count, 'problem')}.")
    if count and not repair_asked:
        print(
            "`catena verify --repair` puts back texts that can be read again from their "
            "originals exactly as recorded, and rebuilds outdated search index rows."
        )


def cmd_backup(catalogue: Catalogue, args: argparse.Namespace) -> int:
    if args.list and not catalogue.on_server:
        rows = [
            (b.path.name, b.created.isoformat(timespec="seconds"), verify_backup(b.path) or "ok")
            for b in all_backups(catalogue.backups)
        ]
        print_table(("Backup", "Made (UTC)", "Check"), rows, widths=(40, 26, 40))
        return EXIT_OK
    if args.list and catalogue.on_server:
        raise UsageError("a PostgreSQL catalogue's backups are the .dump files in its --to folder")
    target = back_up(catalogue, to=args.to)
    where = (
        f"the object store ({catalogue.objects_location})"
        if catalogue.on_server
        else "the catalogue's objects/ folder"
    )
    print(
        f"Backed up the catalogue database to {target} (verified). Originals are not in "
        f"this file: they stay in {where}, which never changes; "
        "copy that too when you move a backup to another disk."
    )
    return EXIT_OK


def cmd_restore(folder: Path | str, args: argparse.Namespace) -> int:
    """Restore *folder*'s database; it need not open (that may be why we are here)."""
    if isinstance(folder, str):
        raise UsageError(
            "restore puts back a catalogue folder; a PostgreSQL catalogue is restored "
            "with the server's pg_restore (see docs/team.md)"
        )
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
    log = audit_log(catalogue, limit=args.limit, verify=args.verify)
    events, chain = log.events, log.chain
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
