"""A dossier's text layer as poppler's ``pdftotext`` reads it: what a reader gets by
copying from the PDF, page by page, with or without the running header and footer."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.dossier.render import MARGIN_BOTTOM, MARGIN_TOP, PAPER

#: Dates in EDTF or ISO form, as no person should have to read them: "EDTF …",
#: "1992-02-26", "2020-36" (a quarter), "XXXX-02-26", "199X", "1991/..", "1988/1994",
#: "1992?" (uncertain).
RAW_EDTF = re.compile(
    r"\bEDTF\b"
    r"|\b\d{4}-\d{2}(?:-\d{2})?\b"
    r"|\bX{2,4}(?:-[\dX]{2}){1,2}\b"
    r"|\b\d{1,3}X{1,3}\b"
    r"|\d{4}/\.\.|\.\./\d{4}|\b\d{4}/\d{4}\b"
    r"|\b\d{4}[?~%]"
)

#: The headings that open a section (each section starts a new page).
SECTION_TITLES = (
    "Contents",
    "Documents",
    "Witness index",
    "Organisations",
    "Chronology",
    "Figures compared across sources",
    "Corroboration",
    "Plates",
    "Bibliography",
    "Appendix: Sources and fixity",
)


def squash(text: str) -> str:
    """White space (line ends, page breaks, runs of spaces) as one space: the layout's
    line breaks are not part of what a passage says."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: Path, *, body_only: bool = False) -> list[str]:
    """Each page's text from ``pdftotext`` (plain mode), optionally cropped to the text
    frame so the running header and footer are left out."""
    tool = shutil.which("pdftotext")
    if tool is None:  # a missing tool must not pass for a clean text layer
        pytest.fail("pdftotext not found: install poppler-utils to run the dossier text tests")
    crop: list[str] = []
    if body_only:
        width, height = PAPER["A4"]
        top = MARGIN_TOP - 4
        crop = ["-x", "0", "-y", str(int(top)), "-W", str(int(width))]
        crop += ["-H", str(int(height - top - MARGIN_BOTTOM + 4))]
    result = subprocess.run(
        [tool, "-enc", "UTF-8", *crop, str(pdf), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return result.stdout.split("\f")[:-1]  # pdftotext ends every page with a form feed


def sections(pages: list[str]) -> dict[str, str]:
    """Body text of each section, by heading (pages from :func:`pdf_pages` with
    ``body_only``): a section runs from the page its heading opens to the next one."""
    found: dict[str, list[str]] = {}
    current = ""
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines and lines[0] in SECTION_TITLES:
            current = lines[0]
        found.setdefault(current, []).append(page)
    return {title: "\n".join(texts) for title, texts in found.items()}


def without_quotes(text: str) -> str:
    """``text`` with every “quoted passage” left out: a source's own words may contain
    anything, a date code included; only what the dossier says itself is judged."""
    return re.sub(r"“[^”]*”", "“…”", squash(text))


__all__ = ["RAW_EDTF", "SECTION_TITLES", "pdf_pages", "sections", "squash", "without_quotes"]
