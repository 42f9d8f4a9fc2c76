"""What an import did: one outcome per file, and the report over all of them.

Kept apart from the pipeline so the worker side (``prepare``) and the adapters can name
outcomes without importing the pipeline that drives them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from db.sanitize import for_terminal

Status = Literal["imported", "duplicate", "possible duplicate", "failed", "skipped"]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file; ``reason`` is a one-line message for the user."""

    path: str
    status: Status
    ref: str | None = None
    duplicate_of: str | None = None
    reason: str | None = None
    sha256: str | None = None
    title: str | None = None
    note: str | None = None  # e.g. "OCR text" or why a scan has no text

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        """One line for a terminal; control characters and line breaks in file names are
        shown escaped, so a name cannot forge report lines or send terminal commands."""
        return for_terminal(self._describe(), one_line=True)

    def _describe(self) -> str:
        line = self._status_line()
        return f"{line}  [{self.note}]" if self.note else line

    def _status_line(self) -> str:
        if self.status == "imported":
            return f"imported      {self.ref}  {self.path}"
        if self.status == "duplicate":
            return f"duplicate     of {self.duplicate_of}  {self.path}"
        if self.status == "possible duplicate":
            note = f"(possible duplicate of {self.duplicate_of})"
            return f"imported      {self.ref}  {self.path}  {note}"
        if self.status == "skipped":
            return f"skipped       {self.path}: {self.reason}"
        return f"failed        {self.path}: {self.reason}"


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, *statuses: Status) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status in statuses)

    @property
    def imported(self) -> int:
        return self.count("imported", "possible duplicate")

    @property
    def duplicates(self) -> int:
        return self.count("duplicate")

    @property
    def failed(self) -> int:
        return self.count("failed")

    def summary(self) -> str:
        parts = [f"{self.imported} imported", f"{self.duplicates} duplicates"]
        possible = self.count("possible duplicate")
        if possible:
            parts.append(f"{possible} possible duplicates (imported, flagged)")
        parts.append(f"{self.failed} failed")
        skipped = self.count("skipped")
        if skipped:
            parts.append(f"{skipped} skipped")
        text = ", ".join(parts)
        return text + (" — cancelled before the end" if self.cancelled else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "duplicates": self.duplicates,
            "possible_duplicates": self.count("possible duplicate"),
            "failed": self.failed,
            "skipped": self.count("skipped"),
            "cancelled": self.cancelled,
            "files": [outcome.to_json() for outcome in self.outcomes],
        }
