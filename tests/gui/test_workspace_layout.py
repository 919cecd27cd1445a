"""The timeline as the workspace: room, docks, the undated tray, coverage, search, lanes by
keyboard, theme, remembered layout, help."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from gui import palette
from gui.coverage import CoverageView
from gui.main_window import MainWindow
from gui.timeline import TimelineWidget
from gui.timeline.view import EMPTY_TEXT
from tests.gui.analyses import two_sources
from tests.gui.test_compare import three_sources
from timeweave import __version__
from timeweave.model import Document, DocumentAnalysis, Event, EventTime, ExtractionResult
from timeweave.workspace import EventRef, Workspace


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    return win


def _dated_only() -> ExtractionResult:
    events = [Event(f"e{i}", 0, 1, f"event {i}", "said", (),
                    EventTime(dt.date(2020, 1, i + 1), dt.date(2020, 1, i + 1), "2020-01-01",
                              "timex")) for i in range(3)]
    return ExtractionResult([DocumentAnalysis(Document("d1", "a.txt", "x"), [], [], events)])


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_timeline_takes_most_of_the_window(qtbot: QtBot, window: MainWindow,
                                               size: tuple[int, int]) -> None:
    window.settings.remove("layout")  # the first start: no arrangement remembered
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.workspace.set_result(three_sources())
    timeline = window.timeline
    assert isinstance(timeline, TimelineWidget)
    qtbot.waitUntil(lambda: timeline.width() > 0.6 * window.width()
                    and timeline.height() > 0.55 * window.height())
    assert timeline.view.viewport().width() > 0.45 * window.width()  # the plot itself
    assert window.document_dock.width() < 0.32 * window.width()
    for dock in window.docks():
        dock.close()
    window.timeline.view.resize(1, 1)  # geometry settles on the next layout pass
    qtbot.waitUntil(lambda: timeline.width() > 0.95 * window.width())
    window.reset_layout()
    assert all(dock.isVisible() for dock in window.docks()[:2])


def test_long_titles_and_names_never_widen_the_window_past_a_small_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    result = two_sources()
    for analysis in result.documents:
        analysis.document.title = "A very long headline that names everyone involved " * 4
    window.show()
    qtbot.waitExposed(window)
    window.workspace.set_result(result)
    for dock in window.docks():
        dock.raise_()
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 0.9 * 1280  # the first window on 1280x800


def test_the_undated_tray_shows_only_when_something_is_undated(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    tray = window.timeline.tray
    window.workspace.set_result(_dated_only())
    assert tray.isHidden()
    window.workspace.set_result(two_sources())
    assert not tray.isHidden()
    assert tray.model.refs()


def test_toolbar_words_stay_put_and_add_event_is_on_it(window: MainWindow) -> None:
    window.resize(1366, 768)
    window.show()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    undo = toolbar.widgetForAction(window.undo_action)
    width = undo.sizeHint().width()
    window.workspace.set_result(two_sources())
    window.reviewer.set_status({EventRef("d1", "e1")}, "accepted")
    assert window.undo_action.text() != "Undo"  # the menu says what will be undone
    assert undo.text() == "Undo"
    assert undo.sizeHint().width() == width
    add = toolbar.widgetForAction(window.add_action)
    assert add is not None
    assert add.isVisible()
    assert add.geometry().right() <= toolbar.width()


def test_coverage_lists_who_reports_what(qtbot: QtBot) -> None:
    workspace = Workspace()
    workspace.set_result(three_sources())
    view = CoverageView(workspace)
    qtbot.addWidget(view)
    assert [len(s) for s in view.stories] == [3, 2, 1, 1]
    assert view.stories[0] == (EventRef("d1", "e2"), EventRef("d2", "e1"), EventRef("d3", "e1"))
    table = view.table
    assert table.columnCount() == 3 + 3
    marks = [[table.item(row, 3 + c) is not None for c in range(3)] for row in range(4)]
    assert marks == [[True, True, True], [False, True, True], [True, False, False],
                     [True, False, False]]
    assert "2</b> reported by 2 or more" in view.summary.text()
    view.shown.setCurrentIndex(2)  # only one source
    assert view.visible_stories() == [(EventRef("d1", "e1"),), (EventRef("d1", "e3"),)]
    view.shown.setCurrentIndex(0)
    view.table.cellClicked.emit(1, 0)
    assert workspace.selection == {EventRef("d2", "e2"), EventRef("d3", "e2")}
    view.table.cellClicked.emit(0, 4)  # d2's mark of the first story
    assert workspace.selection == {EventRef("d2", "e1")}
    workspace.select([EventRef("d3", "e2")])
    assert [i.row() for i in table.selectionModel().selectedRows()] == [1]


def test_a_story_shows_its_source_count_on_the_timeline(qtbot: QtBot) -> None:
    workspace = Workspace()
    workspace.set_result(three_sources())
    widget = TimelineWidget(workspace)
    qtbot.addWidget(widget)
    layout = widget.view.timeline_layout
    index = layout.ref_index[EventRef("d1", "e2")]
    assert layout.event_reporters[index] == 3
    widget.resize(1000, 400)
    widget.show()
    qtbot.waitExposed(widget)
    rect = widget.view.event_rect(EventRef("d1", "e2"))
    assert rect is not None
    tip = widget.view.tooltip_at(rect.center())
    assert "Reported by 3 sources" in tip


def test_search_selects_events_entities_and_shows_text(qtbot: QtBot, window: MainWindow) -> None:
    window.workspace.set_result(two_sources())
    panel = window.search_panel
    window.search_action.trigger()
    assert window.search_dock.isVisibleTo(window)
    hits = panel.search("Putin")
    kinds = [h.kind for h in hits]
    assert kinds[0] == "event"
    assert "entity" in kinds
    panel.choose(panel.results.item(0))
    assert window.workspace.selection == {EventRef("d1", "e3")}
    entity = kinds.index("entity")
    panel.choose(panel.results.item(entity))
    assert window.workspace.selected_entity == "vladimir putin"
    assert EventRef("d1", "e3") in window.workspace.selection
    hits = panel.search("Seromolotov continued")
    assert [h.kind for h in hits] == ["text"]
    panel.choose(panel.results.item(0))
    assert window.document_view.document_id == "d2"
    cursor = window.document_view.text.textCursor()
    assert cursor.selectedText() == "Seromolotov continued"
    assert panel.search("no such words anywhere") == []


def test_up_and_down_move_between_lanes(qtbot: QtBot) -> None:
    workspace = Workspace()
    workspace.set_result(three_sources())
    widget = TimelineWidget(workspace)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    view = widget.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # nothing selected: the first event in time
    assert workspace.selection == {EventRef("d1", "e1")}
    workspace.select([EventRef("d1", "e1")])
    d1_only = workspace.selection
    qtbot.keyClick(view, Qt.Key.Key_Down)  # d2 and d3 have no dated events: nothing below
    assert workspace.selection == d1_only
    two = Workspace()
    two.set_result(_two_dated_lanes())
    other = TimelineWidget(two)
    qtbot.addWidget(other)
    two.select([EventRef("a", "e1")])
    qtbot.keyClick(other.view, Qt.Key.Key_Down)
    assert two.selection == {EventRef("b", "e0")}
    qtbot.keyClick(other.view, Qt.Key.Key_Up)
    assert two.selection == {EventRef("a", "e1")}
    two.select([EventRef("b", "e1")])
    qtbot.keyClick(other.view, Qt.Key.Key_Up)
    assert two.selection == {EventRef("a", "e0")}


def _two_dated_lanes() -> ExtractionResult:
    def analysis(doc: str, days: list[int]) -> DocumentAnalysis:
        events = [Event(f"e{i}", 0, 1, f"{doc}{i}", "said", (),
                        EventTime(dt.date(2020, 1, d), dt.date(2020, 1, d), None, "timex"))
                  for i, d in enumerate(days)]
        return DocumentAnalysis(Document(doc, f"{doc}.txt", "x"), [], [], events)

    return ExtractionResult([analysis("a", [3, 20]), analysis("b", [18, 2])])


def test_clicking_a_source_shows_its_document(window: MainWindow) -> None:
    window.workspace.set_result(two_sources())
    table = window.sources.table
    table.itemClicked.emit(table.item(window.sources.row_of("d2"), 0))
    assert window.document_view.document_id == "d2"
    table.itemClicked.emit(table.item(window.sources.row_of("d1"), 3))
    assert window.document_view.document_id == "d1"


def test_placeholder_instead_of_an_empty_axis(window: MainWindow) -> None:
    view = window.timeline.view
    assert view.placeholder == EMPTY_TEXT
    window._set_busy(True)
    assert "analysing" in view.placeholder
    window._on_progress(0.5, "Analysing a.txt")
    assert view.placeholder.startswith("Analysing a.txt (50%)")
    window._set_busy(False)
    assert view.placeholder == EMPTY_TEXT


def test_dark_theme_on_screen_light_on_paper(window: MainWindow) -> None:
    window.workspace.set_result(two_sources())
    window.set_theme("dark")
    try:
        assert palette.is_dark()
        assert palette.BACKGROUND.lightness() < 60
        assert window.settings.value("theme") == "dark"
        assert window.theme_actions["dark"].isChecked()
        image = QImage(400, 200, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        window.timeline.paint_into(painter, QRectF(0, 0, 400, 200))
        painter.end()
        assert QColor(image.pixel(399, 60)).lightness() > 200  # exports stay white
        assert palette.is_dark()
    finally:
        window.set_theme("light")
    assert not palette.is_dark()
    assert QColor("#ffffff") == palette.BACKGROUND


def test_layout_is_remembered_per_user_and_lanes_per_project(qtbot: QtBot, window: MainWindow,
                                                             tmp_path: Path) -> None:
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.workspace.set_result(two_sources())
    window.coverage_dock.close()
    window.timeline.lanes_box.setCurrentIndex(1)
    window.save_layout()
    assert window.current_project().view["layout"] == {"lanes": "entity"}
    again = MainWindow(recovery_dir=tmp_path / "again")
    qtbot.addWidget(again)
    again.resize(1366, 768)
    again.show()
    qtbot.waitExposed(again)
    assert not again.coverage_dock.isVisible()
    assert again.sources_dock.isVisible()
    assert again.timeline.view.lane_mode == "entity"


def test_help_lists_shortcuts_and_about_gives_the_version(window: MainWindow) -> None:
    box = window.show_shortcuts()
    text = box.text()
    assert "Ctrl+F" in text
    assert "Up / Down" in text
    assert "Fit all" in text
    assert "Undo the last change" in text
    box.close()
    about = window.show_about()
    assert __version__ in about.text()
    about.close()


def _moved(days: int) -> ExtractionResult:
    result = _dated_only()
    analysis = result.documents[0]
    shift = dt.timedelta(days=days)
    events = [dataclasses.replace(e, time=dataclasses.replace(
        e.time, earliest=e.time.earliest + shift, latest=e.time.latest + shift))
        for e in analysis.events]
    return ExtractionResult([dataclasses.replace(analysis, events=events)])


def test_refit_when_events_move_out_of_view_but_not_otherwise(qtbot: QtBot) -> None:
    workspace = Workspace()
    workspace.set_result(_dated_only())
    widget = TimelineWidget(workspace)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    view = widget.view
    view.zoom(4)
    zoomed = view.scale
    workspace.set_result(_dated_only())  # e.g. an accept: the same times
    assert view.scale == zoomed
    workspace.set_result(_moved(700))  # a publication date set: the events move away
    first, last = view.timeline_layout.span() or (0.0, 0.0)
    assert view.scale.start < first
    assert last < view.scale.end


def test_a_dock_behind_another_tab_rebuilds_when_raised(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.sources_dock.raise_()
    qtbot.wait(50)
    window.workspace.set_result(three_sources())
    coverage = window.coverage_dock.widget()
    assert isinstance(coverage, CoverageView)
    assert coverage.when_shown.stale  # behind the Sources tab: not rebuilt yet
    window.coverage_dock.raise_()
    qtbot.waitUntil(lambda: not coverage.when_shown.stale and len(coverage.stories) == 4)
