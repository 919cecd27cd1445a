"""The main window: review with undo, projects, recovery, exports and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.gui.analyses import two_sources
from tests.gui.seeds import reopen_and_compare
from timeweave.project import SCHEMA_VERSION, find_recovery
from timeweave.workspace import EventRef


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.workspace.set_result(two_sources())
    return win


def test_reject_edit_undo_redo(window: MainWindow) -> None:
    ws = window.workspace
    ws.select([EventRef("d1", "e2")])
    window.reject_action.trigger()
    assert [e.id for e in ws.analysis("d1").events] == ["e1", "e3"]
    ws.select([EventRef("d1", "e3")])
    assert window.set_time(EventRef("d1", "e3"), "2017-10-19")
    assert ws.event(EventRef("d1", "e3")).time.value == "2017-10-19"
    assert window.undo_stack.count() == 2
    window.undo_action.trigger()
    assert ws.event(EventRef("d1", "e3")).time.value == "2017-10"
    window.undo_action.trigger()
    assert [e.id for e in ws.analysis("d1").events] == ["e1", "e2", "e3"]
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert ws.event(EventRef("d1", "e3")).time.value == "2017-10-19"
    assert not window.set_time(EventRef("d1", "e3"), "2017-13")
    assert window.undo_stack.count() == 2
    assert "Time not changed" in window.messages[-1]


def test_add_event_from_selected_text_is_undoable(window: MainWindow) -> None:
    text = window.workspace.analysis("d2").document.text
    start = text.index("announced a dialogue")
    window.add_event("d2", start, start + len("announced a dialogue"))
    ref = EventRef("d2", "u1")
    assert window.workspace.selection == {ref}
    assert window.workspace.event(ref).text == "announced a dialogue"
    assert window.document_view.document_id == "d2"
    window.undo_action.trigger()
    assert window.workspace.selection == frozenset()


def test_save_and_reopen_is_identical(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.workspace.select([EventRef("d1", "e1")])
    window.reject_action.trigger()
    window.workspace.select([EventRef("d2", "e2")])
    window.compare_view.set_documents("d2", "d1")
    reopen_and_compare(qtbot, window, tmp_path / "case.timeweave")


def test_newer_project_is_refused_and_open_work_stays(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "future.timeweave"
    data = window.current_project().to_json() | {"schema_version": SCHEMA_VERSION + 1}
    path.write_text(json.dumps(data), encoding="utf-8")
    analyses = list(window.workspace.analyses)
    assert not window.open_project(path)
    assert "newer Timeweave" in window.messages[-1]
    assert window.workspace.analyses == analyses


def test_autosave_writes_recovery_and_next_start_offers_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.workspace.select([EventRef("d1", "e1")])
    window.accept_action.trigger()
    written = window.autosave()
    assert written == find_recovery(tmp_path / "recovery")
    window.close()  # unsaved work: the recovery file stays for the next start
    assert find_recovery(tmp_path / "recovery") is not None
    again = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(again)
    assert again.offer_recovery()
    box = again.recovery_box
    assert box is not None
    box.button(box.StandardButton.Yes).click()
    assert [a.document.id for a in again.workspace.analyses] == ["d1", "d2"]
    assert again.workspace.review.status(("d1", "e1")) == "accepted"
    assert again.dirty  # recovered work is not saved anywhere yet
    assert again.project_path is None


def test_saved_work_leaves_no_recovery_file(window: MainWindow, tmp_path: Path) -> None:
    window.workspace.select([EventRef("d1", "e1")])
    window.accept_action.trigger()
    window.autosave()
    window.write_project(tmp_path / "saved.timeweave")
    window.close()
    assert find_recovery(tmp_path / "recovery") is None


def test_pdf_report_is_written(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    assert window.export(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.rstrip().endswith(b"%%EOF")
    assert len(data) > 5000


def test_export_to_an_unwritable_place_explains(window: MainWindow, tmp_path: Path) -> None:
    assert not window.export(tmp_path / "missing-folder" / "report.pdf")
    assert window.messages[-1].startswith("Export failed")
