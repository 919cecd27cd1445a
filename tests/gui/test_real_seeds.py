"""The window on the real pipeline and the real seeds: open, link both ways, re-date, undo,
save and reopen, merge entities, exports, closing with unsaved work.

The pipeline runs once for the module (``seed_result``); tests that exercise the window's own
open path run it again through the worker, as the analyst does.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui import palette
from gui.main_window import MainWindow
from gui.sources import DATE
from tests.gui.seeds import (
    SELECTED,
    analyse_seeds,
    click_at,
    fresh,
    highlighted,
    point_at,
    reopen_and_compare,
    wait_idle,
)
from timeweave import compare
from timeweave.model import ExtractionResult
from timeweave.resources import seed_paths
from timeweave.workspace import EventRef

ESTONIAN, ENGLISH = "d1", "d2"


@pytest.fixture(scope="module")
def seed_result() -> ExtractionResult:
    return analyse_seeds()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, seed_result: ExtractionResult) -> MainWindow:
    win = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.resize(1500, 920)
    win.show()
    win.workspace.set_result(fresh(seed_result))
    return win


def _ref_with_timex(window: MainWindow, document_id: str) -> EventRef:
    """An event whose time comes from a time expression inside its passage."""
    analysis = window.workspace.analysis(document_id)
    timexes = {t.id: t for t in analysis.timexes}
    event = next(e for e in analysis.events if e.time.timex in timexes
                 and e.start <= timexes[e.time.timex].start < e.end)
    return EventRef(document_id, event.id)


def _set_date(qtbot: QtBot, window: MainWindow, document_id: str, text: str) -> None:
    """Type a publication date into the sources panel and wait for the re-dating."""
    row = window.sources.row_of(document_id)
    window.sources.table.item(row, DATE).setText(text)
    assert window.runner.busy
    wait_idle(qtbot, window)


def _times(window: MainWindow, document_id: str) -> dict[str, tuple[dt.date | None, ...]]:
    return {e.id: (e.time.earliest, e.time.latest)
            for e in window.workspace.analysis(document_id).events}


def test_open_seeds_with_bad_files_through_the_worker(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    window.show()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    missing = tmp_path / "missing.txt"
    progress: list[float] = []
    window.runner.progress.connect(lambda fraction, _text: progress.append(fraction))
    paths = [*(str(p) for p in seed_paths()), str(empty), str(binary), str(missing)]
    window.open_files(paths)
    assert window.progress_bar.isVisible()
    assert window.cancel_button.isVisible()
    assert window.sources.table.rowCount() == 5  # every file is listed while it waits
    wait_idle(qtbot, window)
    assert progress
    assert progress == sorted(progress)
    assert not window.progress_bar.isVisible()
    ws = window.workspace
    assert [a.document.language for a in ws.analyses] == ["et", "en"]
    assert {Path(e.path).name for e in ws.errors} == {"empty.txt", "image.txt", "missing.txt"}
    problem = window.messages[-1]
    assert problem.startswith("Some files could not be opened")
    for name in ("empty.txt", "image.txt", "missing.txt"):
        assert name in problem
    statuses = [window.sources.table.item(row, 5).text()
                for row in range(window.sources.table.rowCount())]
    assert len(statuses) == 5
    assert sum(s.startswith("not loaded:") for s in statuses) == 3
    visible = {EventRef(a.document.id, e.id) for a, e in ws.visible_events()}  # default filter
    assert set(window.timeline.view.timeline_layout.refs) == visible
    assert window.events_table.model.rowCount() == len(visible)
    assert window.compare_view.document_ids == (ESTONIAN, ENGLISH)
    # The 2017 and the 2019 report tell no event in common: sharing names is not sharing events.
    assert window.compare_view.linked_pairs() == []
    assert window.document_view.text.toPlainText() == ws.analysis(ESTONIAN).document.text
    assert window.undo_stack.count() == 1  # opening is one undoable step
    window.undo_action.trigger()
    assert ws.analyses == []
    window.redo_action.trigger()
    assert len(ws.analyses) == 2


def test_cancel_leaves_open_documents_unchanged(qtbot: QtBot, window: MainWindow) -> None:
    before = list(window.workspace.analyses)
    window.open_samples()
    with qtbot.waitSignal(window.runner.cancelled, timeout=60_000):
        window.cancel_button.click()
    assert window.workspace.analyses == before
    assert "Cancelled" in window.status_label.text()
    assert window.sources.table.rowCount() == 2


def test_clicking_a_table_row_highlights_the_passage_with_its_marks(
    qtbot: QtBot, window: MainWindow
) -> None:
    ref = _ref_with_timex(window, ESTONIAN)
    table = window.events_table
    row = table.model.row_of(ref)
    assert row is not None
    table.view.scrollTo(table.model.index(row, 0))
    rect = table.view.visualRect(table.model.index(row, 1))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.selection == {ref}
    event = window.workspace.event(ref)
    pane = window.document_view.text
    assert window.document_view.document_id == ESTONIAN
    assert highlighted(pane, SELECTED) == [(event.start, event.end)]
    analysis = window.workspace.analysis(ESTONIAN)
    timex = next(t for t in analysis.timexes if t.id == event.time.timex)
    assert (timex.start, timex.end) in highlighted(pane, palette.TIMEX.name())
    inside = [(e.start, e.end) for e in analysis.entities
              if event.start <= e.start and e.end <= event.end]
    assert inside
    entity_marks = highlighted(pane, palette.ENTITY.name())
    assert all(span in entity_marks for span in inside)
    assert pane.textCursor().position() == event.start  # scrolled to the passage


def test_clicking_on_the_timeline_highlights_the_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.document_view.show_document(ESTONIAN)
    view = window.timeline.view
    view.fit_all()
    ref = _ref_with_timex(window, ESTONIAN)
    rect = view.event_rect(ref)
    assert rect is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    for _ in range(4):  # a cluster zooms in on the first clicks, then selects
        if window.workspace.selection:
            break
        rect = view.event_rect(ref)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center().toPoint())
    selection = window.workspace.selection
    assert ref in selection
    spans = sorted((window.workspace.event(r).start, window.workspace.event(r).end)
                   for r in selection if r.document == ESTONIAN)
    assert highlighted(window.document_view.text, SELECTED) == spans
    assert window.events_table.view.selectionModel().selectedRows()


def test_clicking_a_passage_or_an_entity_selects_events(qtbot: QtBot, window: MainWindow) -> None:
    window.document_view.show_document(ENGLISH)
    pane = window.document_view.text
    analysis = window.workspace.analysis(ENGLISH)
    entity_spans = [(e.start, e.end) for e in analysis.entities]
    # A point of one event's passage only (clauses nest in statements), outside any name.
    event, plain = next(
        (e, p) for e in analysis.events[1:] for p in range(e.start, e.end)
        if not any(s <= p < x for s, x in entity_spans)
        and not any(o.start <= p < o.end for o in analysis.events if o is not e))
    click_at(qtbot, pane, plain)
    assert window.workspace.selection == {EventRef(ENGLISH, event.id)}
    isis = next(e for e in analysis.entities if e.key == "Islamic State")
    click_at(qtbot, pane, isis.start + 1)
    expected = set(window.workspace.events_with_entity("Islamic State"))
    assert window.workspace.selected_entity == "Islamic State"
    assert window.workspace.selection == expected
    assert {r.document for r in expected} == {ESTONIAN, ENGLISH}  # Islamiriik is the same
    marked = highlighted(pane, palette.SELECTED_ENTITY.name())
    assert (isis.start, isis.end) in marked


def test_changing_dates_moves_events_and_is_undoable(qtbot: QtBot, window: MainWindow) -> None:
    before = _times(window, ESTONIAN)
    _set_date(qtbot, window, ESTONIAN, "2019-11-20")
    after = _times(window, ESTONIAN)
    assert after != before
    assert all((latest is None or latest <= dt.date(2019, 11, 24))  # open: before publication
               and (earliest is None or earliest >= dt.date(2019, 8, 1))
               for earliest, latest in after.values())
    analysis = window.workspace.analysis(ESTONIAN)
    assert analysis.document.date.value == "2019-11-20"
    thursday = next(t for t in analysis.timexes if t.text == "neljapäeval")
    assert thursday.value == "2019-11-14"

    layout = window.timeline.view.timeline_layout
    undated_before = {layout.refs[i] for i in layout.undated}
    english_refs = {EventRef(ENGLISH, e.id) for a, e in window.workspace.visible_events()
                    if a.document.id == ENGLISH}
    assert english_refs <= undated_before  # no date, no time
    _set_date(qtbot, window, ENGLISH, "2019-11-20")
    english = window.workspace.analysis(ENGLISH)
    october = next(t for t in english.timexes if t.text == "22 October")
    assert (october.value, october.earliest) == ("2019-10-22", dt.date(2019, 10, 22))
    layout = window.timeline.view.timeline_layout
    timed = {r for r in english_refs if window.workspace.event(r).time.basis != "unknown"}
    assert len(timed) > len(english_refs) // 2  # only events with no time evidence stay undated
    assert not timed & {layout.refs[i] for i in layout.undated}
    assert "2019-11-20" in window.sources.table.item(window.sources.row_of(ENGLISH), DATE).text()

    assert window.undo_stack.count() == 2
    window.undo_action.trigger()
    assert window.workspace.analysis(ENGLISH).document.date.value is None
    window.undo_action.trigger()
    assert _times(window, ESTONIAN) == before
    assert window.workspace.analysis(ESTONIAN).document.date.value == "2017-10"
    window.redo_action.trigger()
    assert _times(window, ESTONIAN) == after


def test_edit_undo_redo_save_reopen_identical(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ws = window.workspace
    first, second = (EventRef(ESTONIAN, e.id) for e in ws.analysis(ESTONIAN).events[:2])
    ws.select([first])
    window.reject_action.trigger()
    assert first not in {EventRef(ESTONIAN, e.id) for e in ws.analysis(ESTONIAN).events}
    assert window.set_time(second, "2017-10-19")
    window.undo_action.trigger()
    assert ws.event(second).time.value == "2017-10"
    window.redo_action.trigger()
    assert ws.event(second).time == ws.review.correction((second.document, second.event)).time
    _set_date(qtbot, window, ENGLISH, "2019-11")
    ws.select([second])
    window.compare_view.set_documents(ENGLISH, ESTONIAN)
    reopen_and_compare(qtbot, window, tmp_path / "seeds.timeweave")


def test_exports_are_written_and_readable(window: MainWindow, tmp_path: Path) -> None:
    events = sum(len(a.events) for a in window.workspace.analyses)
    for fmt in ("csv", "xlsx", "json", "png", "svg", "pdf"):
        assert window.export(tmp_path / f"out.{fmt}"), window.messages
    frame = pd.read_csv(tmp_path / "out.csv", encoding="utf-8-sig")
    assert len(frame) == events
    assert {"document", "event", "earliest", "basis", "text"} <= set(frame.columns)
    assert "Rogatšjov" in " ".join(frame["text"])
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert sheet.max_row == events + 1
    data = json.loads((tmp_path / "out.json").read_text("utf-8"))
    assert [len(d["events"]) for d in data["documents"]] == [
        len(a.events) for a in window.workspace.analyses]
    image = QImage(str(tmp_path / "out.png"))
    assert not image.isNull()
    assert image.width() >= 1000
    assert ET.parse(tmp_path / "out.svg").getroot().tag.endswith("svg")
    pdf = (tmp_path / "out.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/Type /Page" in pdf
    assert not window.export(tmp_path / "out.doc")
    assert "no export to .doc" in window.messages[-1]


def test_comparison_lists_come_from_the_core_summary(window: MainWindow) -> None:
    view = window.compare_view
    ws = window.workspace
    expected = compare.summary(ws.analyses, ws.links).pairs[0]
    assert view.linked_pairs() == [(p.a, p.b) for p in expected.linked_events] == []
    assert view.shared_entities() == {s.key for s in expected.shared_entities}
    assert {"Islamic State", "Syria", "Russia", "Turkey"} <= view.shared_entities()
    assert view.only_left.count() == len(expected.only_a) == len(ws.analyses[0].events)
    assert view.only_right.count() == len(expected.only_b) == len(ws.analyses[1].events)
    assert view.linked.count() == 0


def test_merge_and_split_entities_from_the_context_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ws = window.workspace
    window.document_view.show_document(ENGLISH)
    pane = window.document_view.text
    pentagon = next(e for e in ws.analysis(ENGLISH).entities if e.key == "Pentagon")
    menu = pane.build_context_menu(point_at(pane, pentagon.start + 1))
    same = next(a.menu() for a in menu.actions() if a.menu() and "is the same as" in a.text())
    next(a for a in same.actions() if a.text() == "Foreign Ministry (Russia)").trigger()
    wait_idle(qtbot, window)
    assert {e.key for e in ws.analysis(ENGLISH).entities if e.text == "Pentagon"} == {
        "Foreign Ministry (Russia)"}
    link = next(x for x in ws.links if x.key == "Foreign Ministry (Russia)")
    assert any(m.document == ENGLISH and m.id == pentagon.id for m in link.members)
    window.undo_action.trigger()
    assert ws.entity_overrides is None
    assert next(e for e in ws.analysis(ENGLISH).entities if e.id == pentagon.id).key == "Pentagon"
    window.redo_action.trigger()

    window.document_view.show_document(ESTONIAN)
    pane = window.document_view.text
    turkey = next(e for e in ws.analysis(ESTONIAN).entities if e.key == "Turkey")
    menu = pane.build_context_menu(point_at(pane, turkey.start + 1))
    next(a for a in menu.actions() if a.text().endswith("is not Turkey")).trigger()
    wait_idle(qtbot, window)
    assert next(e for e in ws.analysis(ESTONIAN).entities if e.id == turkey.id).key == "Türgi"
    assert "Turkey" not in window.compare_view.shared_entities()

    path = tmp_path / "decisions.timeweave"
    assert window.write_project(path)
    other = MainWindow(recovery_dir=tmp_path / "other")
    qtbot.addWidget(other)
    assert other.open_project(path)
    assert other.workspace.entity_overrides == ws.entity_overrides
    assert other.workspace.analyses == ws.analyses
    assert "Turkey" not in other.compare_view.shared_entities()


def _answer(window: MainWindow, button: QMessageBox.StandardButton) -> None:
    box = window.unsaved_box
    assert box is not None
    assert box.isVisible()
    box.button(button).click()


def test_closing_with_unsaved_work_asks(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    buttons = QMessageBox.StandardButton
    assert window.dirty
    window.close()
    _answer(window, buttons.Cancel)
    assert window.isVisible()
    window.project_path = tmp_path / "kept.timeweave"
    window.close()
    _answer(window, buttons.Save)
    assert not window.isVisible()
    assert (tmp_path / "kept.timeweave").is_file()


def test_discarding_unsaved_work_closes_and_leaves_no_recovery(
    window: MainWindow, tmp_path: Path
) -> None:
    window.workspace.select([EventRef(ESTONIAN, window.workspace.analyses[0].events[0].id)])
    window.accept_action.trigger()
    assert window.autosave() is not None
    window.close()
    _answer(window, QMessageBox.StandardButton.Discard)
    assert not window.isVisible()
    assert not (tmp_path / "recovery").exists() or not any((tmp_path / "recovery").iterdir())


def test_the_events_table_filters_drive_the_timeline(window: MainWindow) -> None:
    table = window.events_table
    view = window.timeline.view
    total = len(list(window.workspace.visible_events()))  # what the default filter shows
    table.source.setCurrentIndex(table.source.findData(ENGLISH))
    assert table.model.rowCount() == len(
        [e for a, e in window.workspace.visible_events() if a.document.id == ENGLISH])
    assert {r.document for r in view.timeline_layout.refs} == {ENGLISH}
    table.source.setCurrentIndex(0)
    table.entity.setCurrentIndex(table.entity.findData("Vladimir Putin"))
    putin = set(window.workspace.events_with_entity("Vladimir Putin"))
    assert set(view.timeline_layout.refs) == putin
    assert table.model.rowCount() == len(putin) < total
    table.entity.setCurrentIndex(0)
    table.basis.setCurrentIndex(table.basis.findData("document_date"))
    assert all(window.workspace.event(r).time.basis == "document_date"
               for r in view.timeline_layout.refs)
    table.basis.setCurrentIndex(0)
    table.start.setText("2017-10-27")
    table.apply_filters()
    assert all(window.workspace.event(r).time.latest >= dt.date(2017, 10, 27)
               for r in view.timeline_layout.refs)
    table.start.setText("")
    table.search.setText("rogatšjov")
    statements = [e for e in window.workspace.analysis(ESTONIAN).events
                  if "Rogatšjov" in e.text and e.event_class == "REPORTING"]
    assert [e.cue for e in statements] == ["hoiatas", "sõnul", "lisas"]
    shown = [e for _, e in window.workspace.visible_events() if "rogatšjov" in e.text.casefold()]
    assert set(statements) <= set(shown)
    assert table.model.rowCount() == len(view.timeline_layout.refs) == len(shown)
    table.search.setText("")
    assert table.model.rowCount() == total
    table.view.sortByColumn(table.model.columns.index("earliest"), Qt.SortOrder.DescendingOrder)
    firsts = [table.model.frame.at[0, "earliest"], table.model.frame.at[1, "earliest"]]
    assert firsts[0] >= firsts[1]
    assert table.model.data(table.model.index(0, table.model.columns.index("earliest")))[:4] \
        == "2017"


def test_rejected_event_leaves_table_timeline_and_document(window: MainWindow) -> None:
    ref = EventRef(ESTONIAN, window.workspace.analysis(ESTONIAN).events[0].id)
    window.workspace.select([ref])
    window.reject_action.trigger()
    assert window.events_table.model.row_of(ref) is None
    assert ref not in window.timeline.view.timeline_layout.refs
    assert highlighted(window.document_view.text, SELECTED) == []


@pytest.mark.parametrize("typed", ["2019-02-30", "99999", "yesterday", "2017-13"])
def test_an_absurd_date_is_explained_and_changes_nothing(window: MainWindow, typed: str) -> None:
    before = window.workspace.analysis(ESTONIAN).document.date
    times = _times(window, ESTONIAN)
    row = window.sources.row_of(ESTONIAN)
    window.sources.table.item(row, DATE).setText(typed)
    assert not window.runner.busy
    assert window.sources.message.isVisible()
    assert window.sources.message.text().startswith("Date not changed:")
    assert window.workspace.analysis(ESTONIAN).document.date == before
    assert _times(window, ESTONIAN) == times
    assert window.sources.table.item(row, DATE).text() == before.value
