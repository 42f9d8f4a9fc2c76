"""The dossier dialog tells the person, after printing, which characters did not
print exactly and where the list of them is (the fixity appendix, or the dialog
itself when that appendix was left out)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from db.catalogue import Catalogue
from db.models import Document
from db.tags import add_tag
from desktop.dossier.build import print_dossier as render_only
from desktop.ingest.pipeline import import_paths
from desktop.ui.dossier_dialog import DossierDialog
from desktop.ui.tasks import ImmediateRunner

NO_FONT = "\U0001fb00\U0001fb00\u0e01"  # no bundled font has these (see test_dossier_glyphs)


def _tagged_document(catalogue: Catalogue, write_texts, quote: str) -> str:  # type: ignore[no-untyped-def]
    """Import one document and tag ``quote`` in it as a mention; returns its ref."""
    body = f"Witnesses.\n\nThe letter says {quote} in full.\n"
    import_paths(catalogue, [write_texts({"letter.txt": body})])
    with catalogue.writing() as session:
        document = session.scalars(select(Document)).one()
        start = document.text.index(quote)
        add_tag(
            session,
            kind="mention",
            document=document,
            start=start,
            end=start + len(quote),
            values={"name": "Anna", "role": "author"},
            actor="t",
        )
        return document.ref


def _print(dialog: DossierDialog, qtbot) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.built, timeout=60_000):
        qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    return dialog.status.text()


def _dialog(catalogue: Catalogue, ref: str, target: Path, qtbot) -> DossierDialog:  # type: ignore[no-untyped-def]
    dialog = DossierDialog(
        catalogue,
        runner=ImmediateRunner(),
        selected_refs=[ref],
        save_path=lambda _title: target,
        opener=lambda _path: None,
    )
    qtbot.addWidget(dialog)
    return dialog


def test_status_counts_the_characters_that_could_not_be_printed(
    catalogue: Catalogue, write_texts, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = _tagged_document(catalogue, write_texts, f"ok {NO_FONT} ok")
    target = tmp_path / "odd.pdf"
    dialog = _dialog(catalogue, ref, target, qtbot)
    status = _print(dialog, qtbot)
    # The core's report: one line per part of the dossier, each starting with a count
    # (the quote is printed as an excerpt and in the witness index, so more than once).
    report = render_only(catalogue, dialog.spec()).warnings
    total = sum(int(line.split(" ", 1)[0].replace(",", "")) for line in report)
    assert total > len(NO_FONT) and len(report) > 1
    assert status.startswith(f"Saved {target}; ")
    assert f"{total} characters could not be printed exactly" in status
    assert status.endswith("listed in the appendix")
    assert dialog.status.toolTip().splitlines() == list(report)

    # Without the fixity appendix the dialog names the characters itself.
    dialog.sections["fixity"].setChecked(False)
    status = _print(dialog, qtbot)
    assert "listed in the appendix" not in status
    assert "the fixity appendix, which lists them, was not printed" in status
    assert "U+1FB00" in status and "U+0E01" in status


def test_status_is_plain_when_everything_printed(
    catalogue: Catalogue, write_texts, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ref = _tagged_document(catalogue, write_texts, "Şəkibə Ольга مرحبا")
    target = tmp_path / "plain.pdf"
    dialog = _dialog(catalogue, ref, target, qtbot)
    assert _print(dialog, qtbot) == f"Saved {target}"
    assert target.read_bytes().startswith(b"%PDF")
