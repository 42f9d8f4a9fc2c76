"""Originals in a shared store (a team catalogue's S3 bucket, say) as the window
reaches them: thumbnails and originals fetched on the task runner, never on the UI
thread, and a store that fails said in one line, never as a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.core.views import ImageView

UNREACHABLE = "object store s3://evidence/halvern: endpoint http://10.0.0.9:9000 unreachable"


class StoreDown(OSError):
    """What ``db.objects.ObjectStoreError`` is: an OSError whose text is one line."""

    def __str__(self) -> str:
        return str(self.args[0])


class HeldRunner:
    """A task runner that holds work until ``finish`` (as a worker thread would)."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, work: Callable[[], Any], *, on_done: Any, on_error: Any) -> None:
        self.held.append((work, on_done, on_error))

    def finish(self) -> None:
        held, self.held = self.held, []
        for work, on_done, on_error in held:
            try:
                result = work()
            except Exception as exc:
                on_error(exc)
            else:
                on_done(result)


def _image(ref: str = "IMG-0001", sha: str = "a" * 64) -> ImageView:
    return ImageView(ref, sha, None, "dam.png", 4, 4, "PNG", {}, None, None, None, None)


def _png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (4, 4), (200, 30, 30)).save(path)
    return path


def test_thumbnails_are_fetched_on_the_runner_not_while_painting(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.image_views import ImageListModel

    thumbnail = _png(tmp_path / "thumb.png")
    asked: list[str] = []

    def path_of(sha256: str) -> Path:
        asked.append(sha256)
        return thumbnail

    runner = HeldRunner()
    model = ImageListModel(path_of, runner=runner)
    model.set_images([_image()])
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))

    icon = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert icon.isNull() and asked == []  # painting did not touch the store
    model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert len(runner.held) == 1  # asked once, however often it is painted

    runner.finish()
    assert asked == ["a" * 64] and changed == [0]
    assert not model.data(model.index(0), Qt.ItemDataRole.DecorationRole).isNull()


def test_a_failing_store_is_one_line_in_the_status_and_tooltip(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.image_views import ImageListModel

    def path_of(_sha256: str) -> Path:
        raise StoreDown(UNREACHABLE)

    runner = HeldRunner()
    model = ImageListModel(path_of, runner=runner)
    model.set_images([_image()])
    problems: list[str] = []
    model.problem.connect(problems.append)
    model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    runner.finish()

    assert problems == [UNREACHABLE]
    assert model.data(model.index(0), Qt.ItemDataRole.DecorationRole).isNull()
    assert UNREACHABLE in model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert runner.held == []  # a failed thumbnail is not asked for at every paint
    model.forget_icons()  # (Refresh: the store may be back)
    model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert len(runner.held) == 1


class FailingStore:
    """An object store whose ``local_file`` fails as an unreachable S3 store does."""

    def __init__(self) -> None:
        self.calls = 0

    def local_file(self, _sha256: str) -> Path:
        self.calls += 1
        raise StoreDown(UNREACHABLE)


def test_opening_an_original_from_a_failing_store_says_so_in_one_line(
    make_window, catalogue, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window = make_window(catalogue)
    runner = HeldRunner()
    window.runner = runner
    store = FailingStore()
    monkeypatch.setattr(window.catalogue, "objects", store)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))

    assert window.open_image(_image()) is None
    assert store.calls == 0  # nothing fetched on the UI thread
    runner.finish()
    assert store.calls == 1
    assert shown == [f"IMG-0001: {UNREACHABLE}"]


def test_an_original_opens_once_fetched(make_window, catalogue, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(catalogue)
    original = _png(tmp_path / "original.png")

    class Store:
        def local_file(self, _sha256: str) -> Path:
            return original

    monkeypatch.setattr(window.catalogue, "objects", Store())
    viewer = window.open_image(_image())  # an immediate runner: opens at once
    assert viewer is not None and viewer.area.label.pixmap().width() == 4
    viewer.close()


def test_a_scan_is_read_on_the_runner_and_a_failing_store_is_one_line(
    qtbot, catalogue, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.core import scans
    from desktop.ui.scan_pane import ScanPane

    asked: list[str] = []

    def scan_view(_catalogue: object, ref: str) -> None:
        asked.append(ref)
        raise StoreDown(UNREACHABLE)

    monkeypatch.setattr(scans, "scan_view", scan_view)
    runner = HeldRunner()
    pane = ScanPane(lambda: (catalogue, runner))
    qtbot.addWidget(pane)

    pane.show_document("CAT-000001", [])
    assert asked == []  # not while the document is being shown
    runner.finish()
    assert asked == ["CAT-000001"]
    assert pane.scan is None and not pane.isHidden()
    assert pane.caption.text() == f"The scan could not be read: {UNREACHABLE}"
