"""Output helpers: stable JSON, aligned tables and a progress bar for terminals."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from db.models import Document


def document_summary(document: Document) -> dict[str, Any]:
    """The stable JSON form of a document in listings (documented in docs/cli-json.md)."""
    return {
        "reference": document.ref,
        "uid": document.uid,
        "title": document.title,
        "title_devised": document.title_devised,
        "type": document.doc_type,
        "publisher": document.publisher,
        "authors": list(document.authors),
        "published": document.published,
        "sha256": document.original_sha256,
        "filename": document.original_filename,
        "media_type": document.media_type,
        "imported_at": document.imported_at,
        "guessed": list(document.guessed),
        "flags": list(document.flags),
        "deleted": document.deleted_at is not None,
    }


def document_detail(document: Document) -> dict[str, Any]:
    detail = document_summary(document)
    detail.update(
        {
            "recipients": list(document.recipients),
            "published_time": document.published_time,
            "published_tz": document.published_tz,
            "dateline": document.dateline,
            "section": document.section,
            "language": document.language,
            "url": document.url,
            "notes": document.notes,
            "encoding": document.encoding,
            "encoding_confidence": document.encoding_confidence,
            "page_starts": list(document.page_starts),
            "set_aside": list(document.set_aside),
            "text": document.text,
        }
    )
    return detail


def display_title(title: str | None, devised: bool) -> str:
    """Devised titles in square brackets, as archival description writes them."""
    if not title:
        return "[untitled]"
    return f"[{title}]" if devised else title


def print_json(value: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    json.dump(value, out, ensure_ascii=False, indent=2, sort_keys=False)
    out.write("\n")


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[int] | None = None,
    stream: TextIO | None = None,
) -> None:
    out = stream or sys.stdout
    limits = list(widths) if widths else [60] * len(headers)
    cells = [[_clip(str(c), limits[i]) for i, c in enumerate(row)] for row in rows]
    sizes = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    out.write("  ".join(h.ljust(sizes[i]) for i, h in enumerate(headers)).rstrip() + "\n")
    out.write("  ".join("-" * sizes[i] for i in range(len(headers))) + "\n")
    for row in cells:
        out.write("  ".join(c.ljust(sizes[i]) for i, c in enumerate(row)).rstrip() + "\n")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class ProgressBar:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._shown = False

    def __call__(self, done: int, total: int, item: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        name = item.rsplit("/", 1)[-1][:40]
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}"
        )
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
