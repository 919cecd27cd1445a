"""The timeline widget driven like an analyst would: clicks, wheel, drags, keys, exports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QWheelEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from gui.palette import SELECTED_PASSAGE
from gui.timeline import TimelineWidget
from gui.timeline.render import AXIS_HEIGHT, GUTTER
from timeweave.layout import TimeScale, day_number
from timeweave.layout.synthetic import synthetic_analyses
from timeweave.layout.timeline import ROW_CAP
from timeweave.model import (
    Document,
    DocumentAnalysis,
    Entity,
    Event,
    EventTime,
    ExtractionResult,
)
from timeweave.workspace import EventFilter, EventRef, Workspace

D = dt.date


def _event(ident: str, text: str, first: D | None, last: D | None, basis: str = "timex",
           actors: tuple[str, ...] = (), value: str | None = None) -> Event:
    return Event(ident, 0, len(text), text, text.split()[1], actors,
                 EventTime(first, last, first.isoformat() if first else value, basis))


def _points() -> ExtractionResult:
    """Two sources: days, a week, a publication-date event and undated ones."""
    a = Document("a", "a.txt", "x", title="Postimees")
    b = Document("b", "b.txt", "x", title="Reuters")
    entities = [Entity("n1", 0, 1, "Russia", "GPE", "russia"),
                Entity("n2", 0, 1, "Syria", "GPE", "syria")]
    return ExtractionResult([
        DocumentAnalysis(a, [], entities, [
            _event("a1", "Russia struck targets", D(2015, 10, 5), D(2015, 10, 5),
                   actors=("n1", "n2")),
            dataclasses.replace(_event("a2", "Ministry said something", D(2015, 10, 22),
                                       D(2015, 10, 22), "document_date"),
                                event_class="REPORTING"),
            _event("a3", "Talks began this week", D(2015, 10, 12), D(2015, 10, 18)),
            _event("a4", "Signed on 22 October", None, None, value="XXXX-10-22"),
        ]),
        DocumentAnalysis(b, [], [Entity("n1", 0, 1, "Turkish", "NORP", "turkey")], [
            _event("b1", "Turkey warned Moscow", D(2015, 10, 15), D(2015, 10, 15)),
            _event("b2", "Jets crossed border", D(2015, 11, 24), D(2015, 11, 24)),
            _event("b3", "Turkish officials met", None, None, "unknown", actors=("n1",)),
        ]),
    ])


@pytest.fixture
def points() -> Workspace:
    workspace = Workspace()
    workspace.set_result(_points())
    return workspace


@pytest.fixture
def widget(qtbot: QtBot, points: Workspace) -> TimelineWidget:
    widget = TimelineWidget(points)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.fit_all()
    return widget


def _centre(widget: TimelineWidget, ref: EventRef) -> QPoint:
    rect = widget.view.event_rect(ref)
    assert rect is not None, ref
    return rect.center().toPoint()


def _wheel(widget: TimelineWidget, pos: QPointF, notches: float) -> None:
    viewport = widget.view.viewport()
    event = QWheelEvent(pos, QPointF(viewport.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, int(120 * notches)), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)


def test_click_selects_ctrl_click_extends_empty_click_clears(
        qtbot: QtBot, widget: TimelineWidget, points: Workspace) -> None:
    viewport = widget.view.viewport()
    first, second = EventRef("a", "a1"), EventRef("b", "b2")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_centre(widget, first))
    assert points.selection == {first}
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     _centre(widget, second))
    assert points.selection == {first, second}
    empty = QPoint(int(GUTTER) + 5, viewport.height() - 5)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=empty)
    assert points.selection == frozenset()


def test_bars_are_clickable(qtbot: QtBot, widget: TimelineWidget, points: Workspace) -> None:
    rect = widget.view.event_rect(EventRef("a", "a3"))
    assert rect is not None
    assert rect.width() > 30
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center().toPoint())
    assert points.selection == {EventRef("a", "a3")}


def _has_colour(image: QImage, rect_centre: QPoint, colour: QColor, radius: int = 12) -> bool:
    for x in range(rect_centre.x() - radius, rect_centre.x() + radius):
        for y in range(rect_centre.y() - radius, rect_centre.y() + radius):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green())
                    + abs(pixel.blue() - colour.blue())) < 12:
                return True
    return False


def test_selection_from_workspace_is_shown_and_scrolled_into_view(
        widget: TimelineWidget, points: Workspace) -> None:
    view = widget.view
    view.set_scale(view.scale.zoomed(40, 0).centred_on(day_number(D(2014, 1, 1))))
    target = EventRef("b", "b2")
    assert view.event_rect(target) is None  # far off screen
    points.select({target})
    day = day_number(D(2015, 11, 24))
    assert view.scale.start < day < view.scale.end
    centre = _centre(widget, target)
    assert view.viewport().rect().contains(centre)
    image = view.viewport().grab().toImage()
    assert _has_colour(image, centre, SELECTED_PASSAGE)
    points.select(())
    image = view.viewport().grab().toImage()
    assert not _has_colour(image, centre, SELECTED_PASSAGE)


def test_filter_hides_events(widget: TimelineWidget, points: Workspace) -> None:
    assert widget.view.event_rect(EventRef("a", "a1")) is not None
    points.set_filter(EventFilter(documents=frozenset({"b"})))
    assert widget.view.event_rect(EventRef("a", "a1")) is None
    assert widget.view.event_rect(EventRef("b", "b1")) is not None
    assert widget.tray.model.refs() == [EventRef("b", "b3")]


def _tray_click(qtbot: QtBot, widget: TimelineWidget, ref: EventRef,
                modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    index = widget.tray.model.index_of(ref)
    assert index is not None, ref
    tree = widget.tray.list
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier,
                     tree.visualRect(index).center())


def test_undated_events_sit_in_the_tray_under_their_source(
        qtbot: QtBot, widget: TimelineWidget, points: Workspace) -> None:
    model = widget.tray.model
    assert model.refs() == [EventRef("a", "a4"), EventRef("b", "b3")]
    groups = [model.item(row).text() for row in range(model.rowCount())]
    assert groups == ["Postimees\n1 undated · no publication date",
                      "Reuters\n1 undated · no publication date"]
    signed = model.index_of(EventRef("a", "a4"))
    assert signed is not None
    assert "Signed on 22 October" in signed.data()
    assert "year unknown" in signed.data()
    assert signed.parent().data().startswith("Postimees")
    assert widget.view.event_rect(EventRef("a", "a4")) is None
    _tray_click(qtbot, widget, EventRef("b", "b3"))
    assert points.selection == {EventRef("b", "b3")}
    points.select({EventRef("a", "a4")})
    selected = widget.tray.list.selectionModel().selectedRows()
    assert [model.ref(index) for index in selected] == [EventRef("a", "a4")]


def test_ctrl_click_in_the_tray_extends_the_timeline_selection(
        qtbot: QtBot, widget: TimelineWidget, points: Workspace) -> None:
    dated = EventRef("a", "a1")
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_centre(widget, dated))
    ctrl = Qt.KeyboardModifier.ControlModifier
    _tray_click(qtbot, widget, EventRef("a", "a4"), ctrl)
    assert points.selection == {dated, EventRef("a", "a4")}
    _tray_click(qtbot, widget, EventRef("b", "b3"), ctrl)
    assert points.selection == {dated, EventRef("a", "a4"), EventRef("b", "b3")}
    _tray_click(qtbot, widget, EventRef("a", "a4"), ctrl)  # ctrl-click again removes it
    assert points.selection == {dated, EventRef("b", "b3")}
    _tray_click(qtbot, widget, EventRef("a", "a4"))  # a plain click replaces
    assert points.selection == {EventRef("a", "a4")}


def test_wheel_zooms_around_the_cursor(widget: TimelineWidget) -> None:
    view = widget.view
    pos = QPointF(GUTTER + 300, 100)
    before = view.scale
    day = before.day(300)
    _wheel(widget, pos, 2)
    assert view.scale.px_per_day == pytest.approx(before.px_per_day * 2)
    assert view.scale.day(300) == pytest.approx(day)
    _wheel(widget, pos, -4)
    assert view.scale.px_per_day == pytest.approx(before.px_per_day / 2)
    assert view.scale.day(300) == pytest.approx(day)


def test_drag_pans_without_selecting(qtbot: QtBot, widget: TimelineWidget,
                                     points: Workspace) -> None:
    view, viewport = widget.view, widget.view.viewport()
    before = view.scale
    start = _centre(widget, EventRef("b", "b1"))  # a drag starting on an event still pans
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + QPoint(20 * step, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 0))
    assert view.scale.px_per_day == before.px_per_day
    assert view.scale.start == pytest.approx(before.start - 100 / before.px_per_day)
    assert points.selection == frozenset()


def test_tick_unit_changes_as_you_zoom(widget: TimelineWidget) -> None:
    view = widget.view
    units = [widget.renderer.axis(view.scale).unit]
    for _ in range(12):
        view.zoom(2.0, view.scale.x(day_number(D(2015, 10, 15))))
        units.append(widget.renderer.axis(view.scale).unit)
    seen = list(dict.fromkeys(units))
    assert seen[:1] == ["week"]
    assert {"day", "6 hours", "hour"} <= set(seen)
    view.set_scale(TimeScale.fit(day_number(D(1900, 1, 1)), day_number(D(2100, 1, 1)),
                                 view.scale.width))
    assert widget.renderer.axis(view.scale).unit in {"decade", "50 years", "century"}


def test_clusters_expand_on_zoom_and_on_click(qtbot: QtBot, points: Workspace) -> None:
    workspace = Workspace()
    workspace.set_result(ExtractionResult(synthetic_analyses(600, 2, seed=5)))
    widget = TimelineWidget(workspace)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    view = widget.view
    marks = view.marks()
    biggest = int(np.argmax(np.where(marks.overflow, 0, marks.count)))
    count = int(marks.count[biggest])
    assert count > 3
    member = view.timeline_layout.item_event[marks.item(biggest)]
    ref = view.timeline_layout.refs[member]
    centre = _centre_of_mark(widget, biggest)
    before = view.scale.px_per_day
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert view.scale.px_per_day > before  # zoomed into the cluster
    assert workspace.selection == frozenset()
    marks = view.marks()
    holding = [i for i in range(len(marks))
               if member in view.timeline_layout.item_event[marks.members_of(i)]]
    assert marks.count[holding[0]] < count
    assert view.event_rect(ref) is not None


def _centre_of_mark(widget: TimelineWidget, mark: int) -> QPoint:
    view, marks = widget.view, widget.view.marks()
    ref = view.timeline_layout.refs[view.timeline_layout.item_event[marks.item(mark)]]
    return _centre(widget, ref)


def test_keyboard_walks_events_in_time_order(qtbot: QtBot, widget: TimelineWidget,
                                             points: Workspace) -> None:
    view = widget.view
    view.setFocus()
    walk = []
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right)
        walk.append(next(iter(points.selection)).event)
    assert walk == ["a1", "a3", "b1", "a2", "b2"]
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert points.selection == {EventRef("a", "a2")}
    view.zoom(50)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    span = view.timeline_layout.span()
    assert span
    assert view.scale.start < span[0]
    assert view.scale.end > span[1]


def test_hover_shows_the_event(widget: TimelineWidget) -> None:
    view = widget.view
    pos = _centre(widget, EventRef("a", "a2"))
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    text = QToolTip.text()
    assert "Ministry said something" in text
    assert "from the publication date only" in text
    assert "2015-10-22" in text


def test_entity_lanes_on_request(widget: TimelineWidget) -> None:
    widget.lanes_box.setCurrentIndex(1)
    layout = widget.view.timeline_layout
    assert layout.mode == "entity"
    assert [lane.label for lane in layout.lanes][:2] == ["Russia", "Syria"]
    items = layout.items_of([layout.ref_index[EventRef("a", "a1")]])
    assert sorted(layout.item_lane[items].tolist()) == [0, 1]


def test_export_png_and_svg(tmp_path: Path, widget: TimelineWidget, points: Workspace) -> None:
    points.select({EventRef("a", "a1")})
    png, svg = tmp_path / "timeline.png", tmp_path / "timeline.svg"
    widget.export_image(png)
    widget.export_image(svg)
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() >= 2000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Postimees" in svg.read_text()
    assert "Reuters" in svg.read_text()
    assert QSvgRenderer(str(svg)).isValid()
    with pytest.raises(ValueError, match="png or .svg"):
        widget.export_image(tmp_path / "timeline.gif")


def test_a_full_lane_expands_from_its_plus_chip_and_its_toggle(qtbot: QtBot) -> None:
    document = Document("m", "m.txt", "x", title="Many")
    events = [_event(f"m{i}", f"Month event {i}", D(2015, 10, 1), D(2015, 10, 31))
              for i in range(ROW_CAP + 3)]
    workspace = Workspace()
    workspace.set_result(ExtractionResult([DocumentAnalysis(document, [], [], events)]))
    widget = TimelineWidget(workspace)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    view = widget.view
    marks = view.marks()
    hidden = int(np.flatnonzero(marks.overflow)[0])
    assert marks.count[hidden] == 4
    rect = view.event_rect(view.timeline_layout.refs[
        view.timeline_layout.item_event[marks.item(hidden)]])
    assert rect is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert workspace.selection == frozenset()  # expanded, not selected
    assert not view.marks().chip.any()
    assert view.lane_geometry.shown.tolist() == [ROW_CAP + 3]
    for ref in (EventRef("m", e.id) for e in events):  # each has its own clickable bar now
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_centre(widget, ref))
        assert workspace.selection == {ref}
    top = AXIS_HEIGHT + view.lane_geometry.height - 12  # the "show fewer" toggle
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, int(top)))
    assert view.lane_geometry.shown.tolist() == [ROW_CAP]
    workspace.select(())
    workspace.select({EventRef("m", events[-1].id)})  # selecting a hidden one expands again
    assert view.lane_geometry.shown.tolist() == [ROW_CAP + 3]
