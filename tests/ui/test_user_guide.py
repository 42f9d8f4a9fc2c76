"""The user guide: Help ▸ User Guide opens it inside the window, its links and images all
resolve inside the guide folder, and the installers' spec bundles it where the program
looks for it."""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence

from db.catalogue import Catalogue
from desktop.core.resources import GUIDE_INDEX, guide_dir
from desktop.ui.guide_dialog import GuideDialog

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "guide"
SPEC = ROOT / "packaging" / "catena.spec"
# [text](target) and ![alt](target); a target may carry a "title" after a space.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.md"))


def _first_heading(page: Path) -> str:
    line = next(x for x in page.read_text(encoding="utf-8").splitlines() if x.startswith("# "))
    return line[2:].strip()


def _unresolved(folder: Path) -> list[str]:
    """Every local link or image of the guide in *folder* that names no file inside it."""
    problems = []
    root = folder.resolve()
    for page in _pages(folder):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"```.*?```", "", text, flags=re.S)  # code blocks are not links
        for target in LINK.findall(text):
            if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: leave the guide
                problems.append(f"{page.name}: {target} leaves the guide")
                continue
            path = target.split("#", 1)[0]
            if not path:
                continue  # an anchor within the page
            resolved = (page.parent / path).resolve()
            if not resolved.is_file() or not resolved.is_relative_to(root):
                problems.append(f"{page.name}: {target}")
    return problems


def test_the_guide_has_pages_and_screenshots() -> None:
    pages = _pages(GUIDE)
    assert (GUIDE / GUIDE_INDEX) in pages and len(pages) >= 10
    assert len(list((GUIDE / "images").glob("*.png"))) >= 10


def test_every_internal_link_and_image_in_the_guide_resolves() -> None:
    assert _unresolved(GUIDE) == []


def test_the_link_checker_finds_a_broken_link(tmp_path: Path) -> None:
    """The check above can fail: a missing page, a missing image and a path out of the
    guide are each reported."""
    (tmp_path / "index.md").write_text(
        "# Guide\n[next](missing.md) ![shot](images/none.png) [up](../outside.md)\n"
        "```\n[not a link](ignored.md)\n```\n",
        encoding="utf-8",
    )
    (tmp_path.parent / "outside.md").write_text("# Out\n", encoding="utf-8")
    assert _unresolved(tmp_path) == [
        "index.md: missing.md",
        "index.md: images/none.png",
        "index.md: ../outside.md",
    ]


def test_every_screenshot_is_shown_by_a_page() -> None:
    shown = {
        (page.parent / target).resolve()
        for page in _pages(GUIDE)
        for target in LINK.findall(page.read_text(encoding="utf-8"))
    }
    unused = [p.name for p in sorted((GUIDE / "images").glob("*.png")) if p.resolve() not in shown]
    assert unused == []


def test_help_user_guide_opens_the_guide_in_the_window(
    make_window, catalogue: Catalogue, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(catalogue)
    action = window.guide_action
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert action in help_menu.actions()
    action.trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: bool(dialog.browser.toPlainText()))
    shown = dialog.browser.toPlainText().splitlines()[0]
    assert shown == _first_heading(GUIDE / GUIDE_INDEX)
    action.trigger()  # a second F1 raises the same dialog
    assert window.findChildren(GuideDialog) == [dialog]


def test_the_guide_follows_its_own_links_and_loads_its_images(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextDocument

    dialog = GuideDialog(GUIDE)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.follow_link(QUrl("06-search.md"))
    assert Path(dialog.browser.source().toLocalFile()) == (GUIDE / "06-search.md").resolve()
    assert dialog.browser.toPlainText().startswith(_first_heading(GUIDE / "06-search.md"))
    dialog.follow_link(QUrl("index.md"))
    dialog.browser.backward()
    assert Path(dialog.browser.source().toLocalFile()).name == "06-search.md"
    # An image named in a page is loaded from the guide folder, not left blank.
    dialog.follow_link(QUrl("01-catalogue.md"))
    image = dialog.browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("images/new-catalogue.png")
    )
    assert image is not None and not image.isNull()
    # Full-window screenshots are shrunk to the page, so no page scrolls sideways.
    from PySide6.QtGui import QImage

    natural = QImage(str(GUIDE / "images" / "new-catalogue.png")).width()
    assert natural > dialog.browser.viewport().width()
    assert image.width() < dialog.browser.viewport().width()


def test_links_out_of_the_guide_are_named_not_opened(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = GuideDialog(GUIDE)
    qtbot.addWidget(dialog)
    before = dialog.browser.source()
    dialog.follow_link(QUrl("https://example.org/elsewhere"))
    assert dialog.browser.source() == before
    assert "https://example.org/elsewhere" in dialog.status.text()


def test_a_missing_guide_is_one_message(monkeypatch, make_window, catalogue, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setenv("CATENA_GUIDE", str(tmp_path / "nowhere"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: told.append(args[2]))
    window = make_window(catalogue)
    window.guide_action.trigger()
    assert window.findChild(GuideDialog) is None
    assert len(told) == 1 and "nowhere" in told[0] and "\n" not in told[0]


# --- packaging ---------------------------------------------------------------------------


def _bundled_folders() -> list[str]:
    """The BUNDLED_FOLDERS list of packaging/catena.spec (read, not run: running it
    needs PyInstaller)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "BUNDLED_FOLDERS" for t in node.targets
        ):
            folders: list[str] = ast.literal_eval(node.value)
            return folders
    raise AssertionError("BUNDLED_FOLDERS not found in packaging/catena.spec")


def test_the_installers_bundle_the_guide_where_the_program_finds_it(
    monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Every installer (.deb, Windows, macOS) is built from catena.spec; a bundle laid
    out as its data list says has a guide that guide_dir() finds, complete."""
    folders = _bundled_folders()
    assert "docs/guide" in folders
    bundle = tmp_path / "bundle"
    for folder in folders:
        shutil.copytree(ROOT / folder, bundle / folder)
    monkeypatch.delenv("CATENA_GUIDE", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    found = guide_dir()
    assert found == bundle / "docs" / "guide"
    assert (found / GUIDE_INDEX).is_file()
    assert _unresolved(found) == []


@pytest.mark.parametrize("present", [True, False])
def test_catena_guide_prints_where_the_guide_is(
    present: bool, monkeypatch, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    from desktop.launch.entry import main

    if present:
        monkeypatch.delenv("CATENA_GUIDE", raising=False)
    else:
        monkeypatch.setenv("CATENA_GUIDE", str(tmp_path / "nowhere"))
    code = main(["guide"])
    out, err = capsys.readouterr()
    if present:
        assert code == 0 and Path(out.strip()) == GUIDE / GUIDE_INDEX and err == ""
        assert (GUIDE / GUIDE_INDEX).is_file()
    else:
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "user guide is not installed" in err
