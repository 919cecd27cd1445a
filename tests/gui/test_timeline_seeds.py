"""The timeline widget on the real seeds: every dated event can be seen, clicked and revealed;
the undated tray lists exactly the events without bounds."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from gui.timeline import TimelineWidget
from gui.timeline.render import AXIS_HEIGHT, GUTTER
from timeweave.layout import TimeScale, day_number
from timeweave.model import ExtractionResult
from timeweave.pipeline import run
from timeweave.resources import seed_paths
from timeweave.workspace import EventRef, Workspace


@pytest.fixture(scope="module")
def seeds() -> ExtractionResult:
    """The seeds' statements (the Estonian report's 11 are dated, the English ones are not):
    the timeline's geometry is the same for events of every kind, only denser."""
    result = run(seed_paths())
    documents = [
        dataclasses.replace(a, events=[e for e in a.events if e.event_class == "REPORTING"])
        for a in result.documents]
    return dataclasses.replace(result, documents=documents, links=[], stories=[])


def _widget(qtbot: QtBot, seeds: ExtractionResult, width: int, height: int
            ) -> tuple[TimelineWidget, Workspace]:
    workspace = Workspace()
    widget = TimelineWidget(workspace)
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    workspace.set_result(seeds)
    widget.fit_all()
    return widget, workspace


def _bounded(seeds: ExtractionResult) -> list[EventRef]:
    return [EventRef(a.document.id, e.id) for a in seeds.documents for e in a.events
            if e.time.earliest is not None or e.time.latest is not None]


def _visible_point(widget: TimelineWidget, ref: EventRef) -> QPoint:
    """The middle of the on-screen part of the event's mark, which must be on screen."""
    view = widget.view
    rect = view.event_rect(ref)
    assert rect is not None, ref
    left, right = max(rect.left(), GUTTER), min(rect.right(), view.viewport().width())
    assert right - left > 4, ref
    y = rect.center().y()
    assert AXIS_HEIGHT <= y <= view.viewport().height(), ref
    return QPoint(int((left + right) / 2), int(y))


@pytest.mark.parametrize("mode", [0, 1])
def test_every_dated_seed_event_is_shown_and_clicking_it_selects_exactly_it(
        qtbot: QtBot, seeds: ExtractionResult, mode: int) -> None:
    widget, workspace = _widget(qtbot, seeds, 1300, 760)
    widget.lanes_box.setCurrentIndex(mode)
    widget.fit_all()
    view = widget.view
    refs = _bounded(seeds)
    assert len(refs) == 11
    assert not view.marks().chip.any()  # nothing hidden in a cluster at fit-all
    for ref in refs:
        rect = view.event_rect(ref)
        assert rect is not None, ref
        if rect.center().y() > view.viewport().height() - 10:  # entity lanes scroll
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + int(rect.center().y() - view.viewport().height() / 2))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=_visible_point(widget, ref))
        assert workspace.selection == {ref}


def test_selecting_each_seed_event_scrolls_and_pans_it_into_view(
        qtbot: QtBot, seeds: ExtractionResult) -> None:
    widget, workspace = _widget(qtbot, seeds, 900, 300)
    widget.lanes_box.setCurrentIndex(1)  # entity lanes: taller than the view
    view = widget.view
    for ref in _bounded(seeds):
        workspace.select(())
        view.set_scale(TimeScale(day_number(seeds.documents[0].document.date.earliest
                                            or view.scale.start) - 4000, 3.0,
                                 view.scale.width))
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        assert view.event_rect(ref) is None  # years away from the seeds
        workspace.select({ref})
        point = _visible_point(widget, ref)
        mark = view.mark_at(point.toPointF())
        assert mark is not None, ref
        layout = view.timeline_layout
        members = {layout.refs[e] for e in layout.item_event[view.marks().members_of(mark)]}
        assert members == {ref}
        assert view.selected_items[view.marks().members_of(mark)].all()


def test_the_tray_lists_exactly_the_events_without_bounds_under_their_source(
        qtbot: QtBot, seeds: ExtractionResult) -> None:
    widget, workspace = _widget(qtbot, seeds, 1300, 500)
    model = widget.tray.model
    unbounded = [EventRef(a.document.id, e.id) for a, e in workspace.visible_events()
                 if e.time.earliest is None and e.time.latest is None]
    assert model.refs() == unbounded
    english = next(a.document for a in seeds.documents if a.document.date.value is None)
    undated_english = [r for r in unbounded if r.document == english.id]
    assert model.rowCount() == len({r.document for r in unbounded})  # one group per source
    texts = {model.item(row).text() for row in range(model.rowCount())}
    assert f"{english.title}\n{len(undated_english)} undated · no publication date" in texts
    lane = next(lane for lane in widget.view.timeline_layout.lanes if lane.key == english.id)
    assert (lane.count, lane.undated) == (0, len(undated_english))
