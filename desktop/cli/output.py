"""Output helpers: stable JSON, aligned tables and a progress bar for terminals.

Everything the command line prints goes through ``db.sanitize.for_terminal``:
``terminal_safe_output`` puts a ``TerminalText`` in front of stdout and stderr for
the whole command, so a title stored with an escape sequence (catalogues older than
the rule that keeps them out), a file name or a quoted input value cannot drive the
terminal, whichever command prints it. JSON is written to the stream underneath:
``json.dump`` already writes C0 control characters (ESC among them) as ``\\u``
escapes, and escaping it again would change the data.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO, cast

from wcwidth import wcswidth, wcwidth

from db.date_locales import DATE_LOCALES, date_locale
from db.date_words import in_words
from db.models import Document
from db.sanitize import for_terminal
from desktop.cli.errors import UsageError

LOCALE_HELP = (
    f"language of dates in words: {', '.join(sorted(DATE_LOCALES))} "
    "(default: $CATENA_LOCALE, else en); --json keeps EDTF"
)


def cli_locale(args: argparse.Namespace) -> str:
    """The language dates are printed in: --locale, else $CATENA_LOCALE, else English.
    Read once at the edge and passed down; nothing below looks at the environment."""
    return date_locale(getattr(args, "locale", None) or os.environ.get("CATENA_LOCALE"))


def date_shown(value: str | None, locale: str, *, undated: str = "") -> str:
    """A stored EDTF date as a person reads it ("26 February 2022"); *undated* when
    there is none."""
    return in_words(value, locale) if value else undated


class TerminalText(io.TextIOBase):
    """A text stream that writes through to *underlying* with control characters
    shown as visible escapes (``\\x1b``); line breaks and tabs pass unchanged."""

    def __init__(self, underlying: TextIO) -> None:
        super().__init__()
        self.underlying = underlying

    def write(self, text: str) -> int:
        self.underlying.write(for_terminal(text))
        return len(text)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        if not self.underlying.closed:
            self.underlying.flush()

    def isatty(self) -> bool:
        return self.underlying.isatty()

    def fileno(self) -> int:
        return self.underlying.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.underlying.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.underlying.errors


def underlying_stream(stream: TextIO) -> TextIO:
    """The stream a ``TerminalText`` writes to (for JSON and the progress bar's
    carriage returns), or *stream* itself."""
    return stream.underlying if isinstance(stream, TerminalText) else stream


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """Within the block, ``sys.stdout`` and ``sys.stderr`` escape control characters."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, TerminalText(underlying_stream(sys.stdout)))
    sys.stderr = cast(TextIO, TerminalText(underlying_stream(sys.stderr)))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


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
        "url": document.url,
        "accessed": document.accessed,
        "captured_by": document.captured_by,
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
            "language_spans": document.language_spans,
            "notes": document.notes,
            "encoding": document.encoding,
            "encoding_confidence": document.encoding_confidence,
            "page_starts": list(document.page_starts),
            "set_aside": list(document.set_aside),
            "text": document.text,
        }
    )
    return detail


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """ "1 document", "2 documents", "1,204 documents": a count with its noun agreeing.

    English only, as the rest of the command line's wording; *plural* for nouns that
    do not just take an "s" ("1 entry", "2 entries")."""
    noun = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {noun}"


def display_title(title: str | None, devised: bool) -> str:
    """Devised titles in square brackets, as archival description writes them."""
    if not title:
        return "[untitled]"
    return f"[{title}]" if devised else title


def print_json(value: Any, stream: TextIO | None = None) -> None:
    out = underlying_stream(stream or sys.stdout)
    json.dump(value, out, ensure_ascii=False, indent=2, sort_keys=False)
    out.write("\n")


def print_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[int] | None = None,
    stream: TextIO | None = None,
) -> None:
    """Columns aligned by the width each cell takes on screen (``display_width``),
    so Cyrillic, Azerbaijani, CJK and combining accents line up alike."""
    out = stream or sys.stdout
    limits = list(widths) if widths else [60] * len(headers)
    cells = [[_clip(for_terminal(str(c)), limits[i]) for i, c in enumerate(row)] for row in rows]
    sizes = [
        max([display_width(h)] + [display_width(r[i]) for r in cells])
        for i, h in enumerate(headers)
    ]
    out.write("  ".join(pad(h, sizes[i]) for i, h in enumerate(headers)).rstrip() + "\n")
    out.write("  ".join("-" * sizes[i] for i in range(len(headers))) + "\n")
    for row in cells:
        out.write("  ".join(pad(c, sizes[i]) for i, c in enumerate(row)).rstrip() + "\n")


def display_width(text: str) -> int:
    """Terminal columns *text* takes: 2 for wide (CJK) characters, 0 for combining
    marks. Characters wcwidth cannot measure (escaped control characters never reach
    here) count as one column each."""
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(ch), 0) or 1 for ch in text)


def pad(text: str, width: int) -> str:
    """*text* followed by spaces up to *width* display columns."""
    return text + " " * max(width - display_width(text), 0)


def _clip(text: str, width: int) -> str:
    """*text* on one line, cut to *width* display columns with "…" when longer; a
    wide character or a base letter is never split from its combining marks."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    kept: list[str] = []
    used = 0
    for ch in text:
        size = max(wcwidth(ch), 0)
        if used + size > width - 1:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + "…"


class ProgressBar:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        # Its own "\r" must reach the terminal; the file name it shows is escaped below.
        self.stream = underlying_stream(stream or sys.stderr)
        self.enabled = self.stream.isatty()
        self._shown = False

    def __call__(self, done: int, total: int, item: str = "") -> None:
        if not self.enabled or total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        name = for_terminal(item.rsplit("/", 1)[-1], one_line=True)[:40]
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}"
        )
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        """End the bar's line; calling it again does nothing."""
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()
            self._shown = False


STDOUT = Path("-")
"""``-o -``: the conventional name for standard output."""


def check_output(output: Path, *, force: bool, binary: bool = False) -> None:
    """Refuse before any work: an existing file without ``--force``, or ``-o -`` of
    *binary* data (a PDF) to a terminal, where it would only garble the screen."""
    if output == STDOUT:
        if binary and underlying_stream(sys.stdout).isatty():
            raise UsageError(
                "-o - writes a PDF to standard output, which is a terminal here; "
                "redirect it (> file.pdf) or give a file name",
                code="output",
            )
        return
    if output.exists() and not output.is_dir() and not force:
        raise UsageError(
            f"{output} already exists; use --force to replace it, or choose another name",
            code="exists",
        )


def write_stdout_bytes(data: bytes) -> None:
    """*data* to standard output as it is (an export or a PDF after ``-o -``)."""
    out = underlying_stream(sys.stdout)
    out.flush()
    buffer = getattr(out, "buffer", None)
    if buffer is None:  # a text-only stream (tests' StringIO): decode what is text
        out.write(data.decode("utf-8", errors="replace"))
    else:
        buffer.write(data)
        buffer.flush()
