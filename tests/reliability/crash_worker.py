"""The process the SIGKILL drill kills: a fork server plus a catalogue workload.

Run as ``python crash_worker.py serve``. The server imports Catena once, then for each
JSON command on stdin forks a child that opens the catalogue and works on it until it
is killed: imports in batches (text, e-mail with an attachment, images), manual tags,
accepting suggestions (which links people), creating and merging people, metadata
edits, the trash, dossiers through the real ``catena dossier`` command, and WAL
checkpoints. Forking keeps an iteration cheap (no interpreter start-up), so the kill
lands in the work rather than in imports; the child opens its own connections after
the fork, so nothing SQLite holds crosses it.

Protocol (one JSON object per line on fd 1, written with ``os.write`` so nothing is
buffered and no command's own output can interleave):

* ``{"child": pid, "digest": D}`` — the child is up; D is the catalogue's content digest.
* ``{"begin": op_id, "op": kind}`` — an operation starts.
* ``{"prepared": op_id, "digest": D}`` — emitted from ``before_commit`` of every
  outermost transaction, *before* COMMIT is issued: D is what the catalogue will hold
  if this commit completes. Any later line proves it completed.
* ``{"ack": op_id, ...}`` — the operation committed; what it contains (refs, sha256s,
  tag uids) follows.
* ``{"error": traceback}`` — the workload itself failed (the drill fails).

The server writes ``\\n{"exited": pid, ...}`` when the child is gone (the leading newline
ends any line the kill cut short; a cut line is never valid JSON, so it is ignored).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

FIRST = ("Anna", "Ivan", "Leyla", "Tomas", "Maria", "Oskar", "Elif", "Jonas")
LAST = ("Petrova", "Sokolov", "Mammadova", "Berg", "Lindqvist", "Nilsson", "Aydin", "Weber")
PLACES = ("KALMAR", "TARTU", "GANJA", "BERGEN", "LUBLIN", "AARHUS")
MONTHS = ("January", "March", "May", "June", "September", "November")
WEIGHTS = {
    "import": 34,
    "tag": 14,
    "accept": 14,
    "merge": 9,
    "person": 5,
    "edit": 9,
    "trash": 3,
    "dossier": 8,
    "checkpoint": 4,
}


# --- the content digest (shared with the parent, which imports this module) -----------


def content_digest(query: Callable[[str], Iterable[tuple[Any, ...]]]) -> str:
    """SHA-256 over every row of every table except the FTS index and SQLite's own.

    *query* runs one SQL statement and returns its rows. Two databases with the same
    digest hold the same records, byte for byte: nothing lost, nothing changed.
    """
    master = list(query("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"))
    virtual = [name for name, sql in master if (sql or "").upper().startswith("CREATE VIRTUAL")]
    digest = hashlib.sha256()
    for name, _sql in master:
        if name.startswith("sqlite_") or any(
            name == v or name.startswith(v + "_") for v in virtual
        ):
            continue
        rows = sorted(repr(tuple(row)) for row in query(f'SELECT * FROM "{name}"'))
        digest.update(f"{name}:{len(rows)}\n".encode())
        for row in rows:
            digest.update(row.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def file_digest(database: Path) -> str:
    """The content digest of a database file, read through a read-only connection."""
    import sqlite3

    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        return content_digest(lambda sql: conn.execute(sql).fetchall())
    finally:
        conn.close()


# --- protocol ------------------------------------------------------------------------


def emit(message: dict[str, Any]) -> None:
    data = (json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n").encode()
    while data:
        written = os.write(1, data)
        data = data[written:]


# --- the workload --------------------------------------------------------------------


class Workload:
    def __init__(
        self,
        catalogue_path: Path,
        work: Path,
        seed: int,
        iteration: int,
        self_kill: tuple[int, float] | None = None,
    ) -> None:
        from db.catalogue import Catalogue

        self.self_kill = self_kill
        self.commits = 0
        self.path = catalogue_path
        self.work = work
        self.rng = random.Random(seed)
        self.iteration = iteration
        self.op_id = f"{iteration}.start"
        self.catalogue = Catalogue.open(catalogue_path, actor="crash-drill")

    # Every outermost commit announces the digest it is about to make durable. With
    # *self_kill* = (n, seconds), the n-th commit arms a timer that SIGKILLs this process
    # that long after the announcement: a kill inside COMMIT and its fsyncs, which a
    # parent reading a pipe is often too slow to hit.
    def install_hook(self) -> None:
        from sqlalchemy import event
        from sqlalchemy.orm import Session

        def before_commit(session: Session) -> None:
            if session.in_nested_transaction():
                return
            session.flush()
            conn = session.connection()
            digest = content_digest(lambda sql: conn.exec_driver_sql(sql).fetchall())
            emit({"prepared": self.op_id, "digest": digest})
            self.commits += 1
            if self.self_kill is not None and self.commits == self.self_kill[0]:
                timer = threading.Timer(self.self_kill[1], os.kill, (os.getpid(), signal.SIGKILL))
                timer.daemon = True
                timer.start()

        event.listen(Session, "before_commit", before_commit)

    def run(self, max_ops: int) -> None:
        emit({"child": os.getpid(), "digest": file_digest(self.catalogue.database)})
        self.install_hook()
        kinds = list(WEIGHTS)
        weights = [WEIGHTS[k] for k in kinds]
        for number in range(max_ops):
            self.op_id = f"{self.iteration}.{number}"
            kind = self.rng.choices(kinds, weights)[0]
            emit({"begin": self.op_id, "op": kind})
            result = getattr(self, f"op_{kind}")()
            if result is None:  # nothing to do yet (e.g. no people to merge): import
                emit({"begin": self.op_id, "op": "import"})
                kind, result = "import", self.op_import()
            emit({"ack": self.op_id, "op": kind, **result})
        emit({"done": self.iteration})

    # --- helpers ---------------------------------------------------------------------

    def _text(self, j: int) -> str:
        rng = self.rng
        first, second = rng.sample(range(len(FIRST)), 2)
        name1 = f"{FIRST[first]} {rng.choice(LAST)}"
        name2 = f"{FIRST[second]} {rng.choice(LAST)}"
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1990, 2024)
        count = rng.randint(5, 900)
        return (
            f"{rng.choice(PLACES)}, {day} {month} {year} — About {count} people gathered "
            f"outside the town hall, said {name1}, a teacher. Record {self.op_id}/{j}.\n\n"
            f'"We were {count * 2} at least," {name2} told reporters. '
            f"Reference {rng.getrandbits(64):016x}.\n"
        )

    def _eml(self, j: int) -> bytes:
        message = EmailMessage()
        message["From"] = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} <a@example.org>"
        message["To"] = "Archive <archive@example.org>"
        message["Subject"] = f"Letter {self.op_id}/{j}"
        message["Date"] = "Tue, 02 Mar 2021 10:00:00 +0000"
        message.set_content(self._text(j))
        attachment = f"Attachment of letter {self.op_id}/{j}: {self.rng.getrandbits(64):x}\n"
        message.add_attachment(
            attachment.encode(), maintype="text", subtype="plain", filename=f"att-{j}.txt"
        )
        return message.as_bytes()

    def _png(self) -> bytes:
        from PIL import Image

        image = Image.new("RGB", (24, 16), tuple(self.rng.randrange(256) for _ in range(3)))
        image.putpixel((0, 0), tuple(self.rng.randrange(256) for _ in range(3)))
        image.putpixel((1, 0), tuple(self.rng.randrange(256) for _ in range(3)))
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()

    def _documents(self, session: Any, *, with_text: bool = True) -> list[Any]:
        from sqlalchemy import select

        from db.models import Document

        query = select(Document).where(Document.deleted_at.is_(None)).order_by(Document.id)
        documents = list(session.execute(query).scalars())
        return [d for d in documents if len(d.text) > 20] if with_text else documents

    # --- operations: each returns what its ack line says, or None (nothing to do) --------

    def op_import(self) -> dict[str, Any]:
        from db.suggested_tags import accept_suggestions
        from db.tags import tags_of
        from desktop.ingest.pipeline import ImportOptions, import_paths

        folder = self.work / "incoming" / self.op_id
        folder.mkdir(parents=True, exist_ok=True)
        count = self.rng.randint(1, 4)
        for j in range(count):
            roll = self.rng.random()
            if roll < 0.15:
                (folder / f"letter-{j}.eml").write_bytes(self._eml(j))
            elif roll < 0.27:
                (folder / f"photo-{j}.png").write_bytes(self._png())
            else:
                (folder / f"doc-{j}.txt").write_text(self._text(j), encoding="utf-8")
        tags: dict[str, list[list[Any]]] = {}
        children: dict[str, list[list[str]]] = {}
        accept_some = self.rng.random() < 0.5

        def after_add(session: Any, document: Any) -> None:
            from sqlalchemy import select

            from db.models import Document

            if accept_some:
                accept_suggestions(session, document=document, actor="crash-drill")
            tags[document.ref] = [[t.uid, k, t.status] for k, t in tags_of(session, document.id)]
            children[document.ref] = [
                [c.ref, c.original_sha256]
                for c in session.execute(
                    select(Document).where(Document.parent_id == document.id)
                ).scalars()
            ]

        report = import_paths(
            self.catalogue,
            [folder],
            options=ImportOptions(batch_size=100, after_add=after_add),
        )
        bad = [o.describe() for o in report.outcomes if o.status not in ("imported",)]
        bad = [line for line in bad if "possible duplicate" not in line]
        if bad:
            raise RuntimeError(f"import in the drill did not import: {bad}")
        return {
            "records": [
                {
                    "ref": o.ref,
                    "sha256": o.sha256,
                    "tags": tags.get(o.ref or "", []),
                    "children": children.get(o.ref or "", []),
                }
                for o in report.outcomes
            ]
        }

    def op_tag(self) -> dict[str, Any] | None:
        from db.tags import add_tag

        with self.catalogue.writing() as session:
            documents = self._documents(session)
            if not documents:
                return None
            document = self.rng.choice(documents)
            start = self.rng.randrange(0, len(document.text) - 10)
            tag, _ = add_tag(
                session,
                kind="date",
                document=document,
                start=start,
                end=start + self.rng.randint(1, 9),
                values={"edtf": "2021-03-03", "what": f"op-{self.op_id}"},
                actor="crash-drill",
            )
            return {"ref": document.ref, "uid": tag.uid}

    def op_accept(self) -> dict[str, Any] | None:
        from sqlalchemy import select

        from db.models import Mention
        from db.suggested_tags import accept_suggestions

        with self.catalogue.writing() as session:
            pending = [
                d
                for d in self._documents(session)
                if session.execute(
                    select(Mention.id).where(
                        Mention.document_id == d.id, Mention.status == "suggested"
                    )
                ).first()
            ]
            if not pending:
                return None
            document = self.rng.choice(pending)
            accepted = accept_suggestions(session, document=document, actor="crash-drill")
            return {"ref": document.ref, "accepted": accepted}

    def op_person(self) -> dict[str, Any]:
        from db.people import create_agent

        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"
        with self.catalogue.writing() as session:
            agent = create_agent(session, name=name, variants=[name.upper()], actor="crash-drill")
            return {"agent": agent.ref}

    def op_merge(self) -> dict[str, Any] | None:
        from sqlalchemy import select

        from db.models import Agent
        from db.people import merge_agents

        with self.catalogue.writing() as session:
            people = list(
                session.execute(
                    select(Agent.ref).where(Agent.kind == "person").order_by(Agent.id)
                ).scalars()
            )
            if len(people) < 2:
                return None
            keep, gone = self.rng.sample(people, 2)
            result = merge_agents(session, keep_ref=keep, merge_ref=gone, actor="crash-drill")
            return {"keep": keep, "gone": gone, "mentions": len(result.moved_mentions)}

    def op_edit(self) -> dict[str, Any] | None:
        from db.documents import update_metadata

        with self.catalogue.writing() as session:
            documents = self._documents(session, with_text=False)
            if not documents:
                return None
            document = self.rng.choice(documents)
            notes = f"Checked in {self.op_id} <b>&amp; kept</b>"
            update_metadata(
                session,
                ref=document.ref,
                changes={"notes": notes, "publisher": f"Drill Press {self.op_id}"},
                actor="crash-drill",
            )
            return {"ref": document.ref, "notes": notes}

    def op_trash(self) -> dict[str, Any] | None:
        from sqlalchemy import select

        from db.documents import restore_document, trash_document
        from db.models import Document

        with self.catalogue.writing() as session:
            documents = list(session.execute(select(Document).order_by(Document.id)).scalars())
            if len(documents) < 3:
                return None
            document = self.rng.choice(documents)
            if document.deleted_at is None:
                trash_document(session, ref=document.ref, actor="crash-drill")
            else:
                restore_document(session, ref=document.ref, actor="crash-drill")
            return {"ref": document.ref, "trashed": document.deleted_at is not None}

    def op_dossier(self) -> dict[str, Any] | None:
        from desktop.cli.main import main

        with self.catalogue.reading() as session:
            refs = [d.ref for d in self._documents(session)]
        if not refs:
            return None
        chosen = self.rng.sample(refs, min(len(refs), self.rng.randint(1, 3)))
        output = self.work / "dossiers" / f"dossier-{self.op_id}.pdf"
        output.parent.mkdir(parents=True, exist_ok=True)
        title = f"Drill dossier {self.op_id}"
        argv = ["dossier", "--refs", *chosen, "--title", title, "--reproducible"]
        argv += ["--suggested", "-o", str(output), "-c", str(self.path)]
        sink = io.StringIO()
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            code = main(argv)
        if code != 0:
            raise RuntimeError(f"catena dossier failed ({code}): {sink.getvalue()}")
        return {"output": str(output), "title": title, "refs": chosen}

    def op_checkpoint(self) -> dict[str, Any]:
        with self.catalogue.engine.connect() as conn:
            row = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return {"checkpoint": list(row) if row else None}


def warm_up() -> None:
    """Import everything a child uses, once, in the server (not per child)."""
    import PIL.Image  # noqa: F401

    import db.catalogue
    import db.people
    import db.tags  # noqa: F401


def serve() -> None:
    warm_up()
    emit({"server": os.getpid()})
    for line in sys.stdin:
        command = json.loads(line)
        if command.get("quit"):
            break
        pid = os.fork()
        if pid == 0:  # the child: work until killed
            code = 0
            try:
                Workload(
                    Path(command["catalogue"]),
                    Path(command["work"]),
                    int(command["seed"]),
                    int(command["iteration"]),
                    tuple(command["self_kill"]) if command.get("self_kill") else None,
                ).run(int(command.get("max_ops", 400)))
            except BaseException:
                emit({"error": traceback.format_exc()})
                code = 3
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        signal = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
        os.write(
            1, ("\n" + json.dumps({"exited": pid, "signal": signal, "code": code}) + "\n").encode()
        )


if __name__ == "__main__":
    if sys.argv[1:] != ["serve"]:
        raise SystemExit("usage: crash_worker.py serve")
    serve()
