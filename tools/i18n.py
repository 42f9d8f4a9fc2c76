"""Translations of the window and the dossier: refresh, fill, check and build them.

    python -m tools.i18n update            # lupdate → desktop/ui/i18n/*.ts; Babel → dossier .po
    python -m tools.i18n fill FILE.tsv...  # translations from a TSV (context, source, az, ru)
    python -m tools.i18n missing [FILE]    # unfinished messages as such a TSV (stdout or FILE)
    python -m tools.i18n build             # .ts → .qm (pyside6-lrelease), .po → .mo (Babel)

The .ts (window) and .po (dossier) files are the sources, kept in git; the .qm and .mo are
built by ``make`` before running, testing or packaging and never committed. The TSV is the
hand-over format between engineers and translators: one message a line, tab-separated,
the first line ``context  source  az  ru`` optional; the context ``dossier`` names the
dossier's messages (they go to its .po, the others to the window's .ts); inside a cell
``\\n`` is a line break,
``\\t`` a tab, ``\\\\`` a backslash; a message with plural forms (``%n``) has its forms
separated by `` || `` (Russian has three, Azerbaijani two).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from defusedxml import ElementTree as SafeET

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop" / "ui"
TS_DIR = UI / "i18n"
LANGUAGES = ("az", "ru")
# English needs a catalogue only for its plurals ("1 document" / "2 documents").
PLURAL_ONLY = ("en",)
DOSSIER_LOCALES = ROOT / "desktop" / "dossier" / "locales"
FORM_SEPARATOR = " || "


def ts_path(language: str) -> Path:
    return TS_DIR / f"catena_{language}.ts"


def ui_sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the interpreter's own environment first."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships with it)")
    return found


def lupdate(target: Path, language: str) -> None:
    """Merge the strings found in desktop/ui into *target*, keeping its translations."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in ui_sources()) + "\n", encoding="utf-8")
        command = [qt_tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete"]
        command += ["-target-language", language, f"@{listing}", "-ts", str(target)]
        subprocess.run(command, check=True, capture_output=True, text=True)


@dataclass
class Message:
    """One message of a .ts file, its translation and whether it is finished."""

    context: str
    source: str
    plural: bool
    forms: list[str]
    finished: bool


def read_ts(path: Path) -> list[Message]:
    tree = SafeET.parse(path)
    messages: list[Message] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            plural = message.get("numerus") == "yes"
            if translation is None:
                forms: list[str] = []
                kind = "unfinished"
            else:
                kind = translation.get("type") or ""
                if plural:
                    forms = [f.text or "" for f in translation.iter("numerusform")]
                else:
                    forms = [translation.text or ""]
            finished = kind not in ("unfinished", "obsolete", "vanished") and all(forms)
            messages.append(
                Message(name, message.findtext("source") or "", plural, forms, finished)
            )
    return messages


def fill_ts(path: Path, translations: dict[tuple[str, str], str]) -> int:
    """Write *translations* ((context, source) → text) into the .ts; return how many."""
    tree = ET.ElementTree(SafeET.parse(path).getroot())
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = translations.get((name, message.findtext("source") or ""))
            if not text:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for old in list(translation):
                    translation.remove(old)
                translation.text = None
                for form in text.split(FORM_SEPARATOR):
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            filled += 1
    write_ts(tree, path)
    return filled


def _unescape(cell: str) -> str:
    out: list[str] = []
    chars = iter(cell)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(following, "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def read_tsv(path: Path) -> Iterator[tuple[str, str, dict[str, str]]]:
    """(context, source, {language: text}) for each line; a bad line names its number.

    A first line starting ``context`` names the language columns (``context source en``);
    without it the columns are ``context source az ru``.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    languages: tuple[str, ...] = LANGUAGES
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [_unescape(cell) for cell in line.split("\t")]
        if number == 1 and cells[0].strip().lower() == "context":
            languages = tuple(cell.strip() for cell in cells[2:])
            continue
        if len(cells) != 2 + len(languages):
            raise SystemExit(
                f"{path}:{number}: expected {2 + len(languages)} tab-separated cells "
                f"(context, source, {', '.join(languages)}), found {len(cells)}"
            )
        yield cells[0], cells[1], dict(zip(languages, cells[2:], strict=True))


def fill(tsv_files: Iterable[Path]) -> None:
    rows = [row for tsv in tsv_files for row in read_tsv(tsv)]
    for language in sorted({language for _c, _s, texts in rows for language in texts}):
        if not ts_path(language).exists():
            raise SystemExit(f"no catalogue for language {language!r}: {ts_path(language)}")
        table = {
            (context, source): texts[language]
            for context, source, texts in rows
            if texts.get(language) and context != DOSSIER
        }
        count = fill_ts(ts_path(language), table)
        print(f"{ts_path(language).relative_to(ROOT)}: {count} translations filled")
        if po_path(language).exists():
            dossier = {s: t[language] for c, s, t in rows if c == DOSSIER and t.get(language)}
            count = fill_po(po_path(language), dossier)
            print(f"{po_path(language).relative_to(ROOT)}: {count} translations filled")


def missing(out: Path | None) -> int:
    """Write the messages unfinished in any language as a TSV; return how many."""
    by_language = {
        language: read_ts(ts_path(language)) + read_po_messages(po_path(language))
        for language in LANGUAGES
    }
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for language, messages in by_language.items():
        for message in messages:
            texts = rows.setdefault((message.context, message.source), {})
            texts[language] = FORM_SEPARATOR.join(message.forms) if message.finished else ""
    lines = ["context\tsource\t" + "\t".join(LANGUAGES)]
    count = 0
    for (context, source), texts in rows.items():
        if all(texts.get(language) for language in LANGUAGES):
            continue
        count += 1
        cells = [context, source, *(texts.get(language, "") for language in LANGUAGES)]
        lines.append("\t".join(_escape(cell) for cell in cells))
    text = "\n".join(lines) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
    return count


def build() -> None:
    """Compile every .ts to .qm beside it and every dossier .po to .mo beside it."""
    for ts in sorted(TS_DIR.glob("catena_*.ts")):
        subprocess.run(
            [qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(DOSSIER_LOCALES.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle)
        with po.with_suffix(".mo").open("wb") as handle:
            write_mo(handle, catalog)


def mark_plurals(path: Path, *, plural_only: bool = False) -> None:
    """Make every message whose source counts with ``%n``/``%Ln`` a plural message.

    pyside6-lupdate recognises ``QCoreApplication.translate(ctx, text, None, n)`` as a
    plural only when ``n`` is a literal number, so messages counted with a variable
    arrive as plain ones; Qt chooses the form by ``n`` at run time either way.
    """
    tree = ET.ElementTree(SafeET.parse(path).getroot())
    for context in list(tree.getroot().iter("context")):
        for message in list(context.iter("message")):
            counted = "%n" in (message.findtext("source") or "")
            counted = counted or "%Ln" in (message.findtext("source") or "")
            if plural_only and not counted:
                context.remove(message)
        if plural_only and context.find("message") is None:
            tree.getroot().remove(context)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        if message.get("numerus") == "yes" or not ("%n" in source or "%Ln" in source):
            continue
        message.set("numerus", "yes")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation", {"type": "unfinished"})
        forms = (translation.text or "").split(FORM_SEPARATOR)
        translation.text = None
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    write_ts(tree, path)


def write_ts(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def refresh(target: Path, language: str, *, plural_only: bool = False) -> None:
    """lupdate into *target*, then the plural fix-up: the committed form of a .ts."""
    before = read_ts(target) if target.exists() else []
    lupdate(target, language)
    mark_plurals(target, plural_only=plural_only)
    # lupdate keeps one form of a plural it took for a plain message; put the forms back.
    after = {(m.context, m.source): m for m in read_ts(target)}
    kept = {
        (m.context, m.source): FORM_SEPARATOR.join(m.forms)
        for m in before
        if m.finished and m.plural and not after.get((m.context, m.source), m).finished
    }
    if kept:
        fill_ts(target, kept)


DOSSIER = "dossier"  # the TSV's context for the dossier's messages (gettext, no contexts)


def po_path(language: str) -> Path:
    return DOSSIER_LOCALES / language / "LC_MESSAGES" / f"{DOSSIER}.po"


def extract_dossier() -> Catalog:
    """The dossier's messages as found in its code (Babel's Python extractor)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(project="Catena", domain=DOSSIER)
    folder = ROOT / "desktop" / "dossier"
    for filename, line, message, comments, context in extract_from_dir(
        str(folder), method_map=[("**.py", "python")]
    ):
        template.add(message, locations=[(filename, line)], auto_comments=comments, context=context)
    return template


def refresh_po(target: Path, language: str, template: Catalog) -> None:
    """Merge *template* into the language's .po, keeping its translations (no fuzzy guesses)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    if target.exists():
        with target.open("rb") as handle:
            catalog = read_po(handle, locale=language)
    else:
        catalog = Catalog(locale=language, project="Catena", domain=DOSSIER)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, no_location=True, width=100)


def read_po_messages(path: Path) -> list[Message]:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    out = []
    for message in catalog:
        if not message.id:
            continue
        plural = isinstance(message.id, tuple | list)
        source = message.id[0] if plural else message.id
        forms = list(message.string) if plural else [message.string or ""]
        finished = all(forms) and not message.fuzzy
        out.append(Message(DOSSIER, source, plural, forms, finished))
    return out


def fill_po(path: Path, translations: dict[str, str]) -> int:
    from babel.messages.pofile import read_po, write_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        plural = isinstance(message.id, tuple | list)
        text = translations.get(message.id[0] if plural else message.id)
        if not text:
            continue
        message.string = tuple(text.split(FORM_SEPARATOR)) if plural else text
        message.flags.discard("fuzzy")
        filled += 1
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, no_location=True, width=100)
    return filled


def update() -> None:
    template = extract_dossier()
    for language in LANGUAGES:
        refresh_po(po_path(language), language, template)
    for language in LANGUAGES:
        refresh(ts_path(language), language)
    for language in PLURAL_ONLY:
        refresh(ts_path(language), language, plural_only=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.i18n", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="refresh the .ts from the code (pyside6-lupdate)")
    fill_command = commands.add_parser("fill", help="translations from TSV files into the .ts")
    fill_command.add_argument("tsv", nargs="+", type=Path)
    missing_command = commands.add_parser("missing", help="unfinished messages as a TSV")
    missing_command.add_argument("out", nargs="?", type=Path)
    commands.add_parser("build", help="compile .qm and .mo")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.command == "update":
        update()
    elif args.command == "fill":
        for tsv in args.tsv:
            if not tsv.is_file():
                raise SystemExit(f"{tsv}: no such file")
        fill(args.tsv)
    elif args.command == "missing":
        count = missing(args.out)
        print(f"{count} messages unfinished", file=sys.stderr)
    else:
        build()
    return 0


if __name__ == "__main__":
    sys.exit(main())
