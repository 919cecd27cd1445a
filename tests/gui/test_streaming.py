"""Many documents in the window: lanes appear as files finish, progress touches one row,
Cancel is quick, a large timeline is laid out off the GUI thread."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.sources import STATUS, SourcesPanel
from gui.timeline.render import TimelineRenderer
from gui.timeline.view import OFF_THREAD_EVENTS, TimelineView
from tests.gui.generated import write_documents
from tests.gui.seeds import WORKER_TIMEOUT_MS, wait_idle
from timeweave.layout.synthetic import synthetic_analyses
from timeweave.model import ExtractionResult, LoadError
from timeweave.workspace import Workspace


@pytest.fixture(autouse=True)
def _cold_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run analyses for real: a cached file would arrive with all the others at once."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_lanes_appear_before_the_run_ends(qtbot: QtBot, tmp_path: Path) -> None:
    paths = [str(p) for p in write_documents(tmp_path / "docs", 20)]
    window = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    view = window.timeline.view
    drawn: list[tuple[int, int, bool]] = []  # documents, lanes, still running

    def layout_changed() -> None:
        drawn.append((len(window.workspace.analyses), len(view.timeline_layout.lanes),
                      window.runner.busy))

    view.layout_changed.connect(layout_changed)
    window.open_files(paths)
    wait_idle(qtbot, window)
    during = [(docs, lanes) for docs, lanes, busy in drawn if busy and lanes]
    assert len(during) >= 2, drawn  # lanes drawn more than once while the run still went on
    assert during[0][1] < len(paths)
    assert [lanes for _, lanes in during] == sorted({lanes for _, lanes in during})
    assert all(lanes == docs for docs, lanes in during)  # one lane per document shown
    ws = window.workspace
    assert [a.document.path for a in ws.analyses] == paths  # input order, ids d1, d2, ...
    assert [a.document.id for a in ws.analyses] == [f"d{n}" for n in range(1, 21)]
    assert ws.links  # linked at the end
    assert window.sources.table.rowCount() == len(paths)
    assert all(window.sources.table.item(row, STATUS).text().startswith("ready")
               for row in range(len(paths)))
    window.undo_stack.undo()  # one step takes every streamed document out again
    assert ws.analyses == []
    assert window.sources.table.rowCount() == 0


@pytest.mark.slow
def test_cancel_stops_the_worker_processes_within_a_second(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = [str(p) for p in write_documents(tmp_path / "docs", 40)]
    window = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    window.open_files(paths)
    qtbot.waitUntil(lambda: len(window.workspace.analyses) > 0, timeout=WORKER_TIMEOUT_MS)
    assert window.runner.busy
    started = time.perf_counter()
    with qtbot.waitSignal(window.runner.cancelled, timeout=5000):
        window.cancel_button.click()
    assert time.perf_counter() - started < 1.0
    assert window.workspace.analyses == []  # what was open before, here nothing
    assert window.sources.table.rowCount() == 0
    assert window.status_label.text().startswith("Cancelled")


def test_a_streamed_document_changes_only_its_own_row(qtbot: QtBot) -> None:
    analyses = synthetic_analyses(60, 6)
    paths = [a.document.path for a in analyses]
    workspace = Workspace()
    panel = SourcesPanel(workspace)
    qtbot.addWidget(panel)
    panel.set_pending([*paths, "/broken.pdf"])
    model = panel.table.model()
    touched: list[int] = []
    structure: list[str] = []
    model.dataChanged.connect(lambda first, last, _roles: touched.extend(
        range(first.row(), last.row() + 1)))
    model.modelReset.connect(lambda: structure.append("reset"))
    model.rowsInserted.connect(lambda _p, first, _last: structure.append(f"insert {first}"))
    model.rowsRemoved.connect(lambda _p, first, _last: structure.append(f"remove {first}"))

    workspace.add_analyses(analyses[:1])
    assert set(touched) == {0}
    assert structure == []
    assert panel.table.item(0, 0).text() == analyses[0].document.label
    assert panel.table.item(1, STATUS).text() == "queued"

    touched.clear()
    workspace.add_analyses(analyses[1:3])
    assert set(touched) == {1, 2}
    assert structure == []

    touched.clear()
    workspace.add_analyses(analyses[3:], [LoadError("/broken.pdf", "the file is damaged")])
    assert set(touched) <= {3, 4, 5, 6}
    assert structure == ["remove 6", "insert 6"]
    assert panel.table.rowCount() == 7
    assert panel.table.item(6, STATUS).text() == "not loaded: the file is damaged"
    assert [panel.table.item(r, 0).text() for r in range(6)] == [
        a.document.label for a in analyses]


def test_rows_out_of_input_order_are_laid_out_again(qtbot: QtBot) -> None:
    analyses = synthetic_analyses(30, 3)
    workspace = Workspace()
    panel = SourcesPanel(workspace)
    qtbot.addWidget(panel)
    panel.set_pending([a.document.path for a in analyses])
    workspace.add_analyses([analyses[1]])  # not the first pending file
    table = panel.table
    assert table.rowCount() == 3
    assert table.item(0, 0).text() == analyses[1].document.label
    assert [table.item(r, STATUS).text() for r in (1, 2)] == ["queued", "queued"]


def test_a_large_timeline_is_laid_out_off_the_gui_thread(qtbot: QtBot) -> None:
    workspace = Workspace()
    view = TimelineView(workspace, TimelineRenderer(QWidget().font()))
    qtbot.addWidget(view)
    view.resize(900, 500)
    small = synthetic_analyses(40, 2)
    workspace.set_result(ExtractionResult(small))
    assert not view.layout_pending  # small: laid out at once
    shown = len(list(workspace.visible_events()))
    assert len(view.timeline_layout.refs) == shown

    large = synthetic_analyses(OFF_THREAD_EVENTS + 1000, 12, seed=1)
    with qtbot.waitSignal(view.layout_changed, timeout=60_000):
        workspace.set_result(ExtractionResult(large))
        assert view.layout_pending  # still painting the finished small layout
        assert len(view.timeline_layout.refs) == shown
        view.viewport().repaint()
    assert not view.layout_pending
    assert len(view.timeline_layout.refs) == len(list(workspace.visible_events())) > shown
    span = view.timeline_layout.span()
    assert span is not None  # fitted to the new layout when it came
    assert view.scale.start <= span[0]
    assert view.scale.end >= span[1]


def test_a_newer_layout_request_replaces_the_running_one(qtbot: QtBot) -> None:
    workspace = Workspace()
    view = TimelineView(workspace, TimelineRenderer(QWidget().font()))
    qtbot.addWidget(view)
    first = synthetic_analyses(OFF_THREAD_EVENTS + 500, 10, seed=2)
    second = synthetic_analyses(OFF_THREAD_EVENTS + 900, 10, seed=3)
    layouts: list[int] = []
    view.layout_changed.connect(lambda: layouts.append(len(view.timeline_layout.refs)))
    workspace.set_result(ExtractionResult(first))
    workspace.set_result(ExtractionResult(second))
    qtbot.waitUntil(lambda: not view.layout_pending, timeout=60_000)
    qtbot.wait(200)
    assert layouts == [len(list(workspace.visible_events()))]  # the stale one never showed


def test_documents_added_during_a_build_show_after_it(qtbot: QtBot) -> None:
    workspace = Workspace()
    view = TimelineView(workspace, TimelineRenderer(QWidget().font()))
    qtbot.addWidget(view)
    analyses = synthetic_analyses(10 * OFF_THREAD_EVENTS, 20, seed=4)
    lanes: list[int] = []
    view.layout_changed.connect(lambda: lanes.append(len(view.timeline_layout.lanes)))
    workspace.add_analyses(analyses[:12])
    qtbot.waitUntil(lambda: view.layout_pending, timeout=5000)  # at the loop's next turn
    workspace.add_analyses(analyses[12:16])  # while the first is built: it is not thrown away
    workspace.add_analyses(analyses[16:])
    qtbot.waitUntil(lambda: len(lanes) == 2 and not view.layout_pending, timeout=60_000)
    assert lanes == [12, 20]
