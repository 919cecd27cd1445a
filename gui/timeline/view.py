"""The lanes-and-axis view: a QGraphicsView that paints the layout's marks for what is visible.

No QGraphicsItem per event: 100,000 items would make every pan crawl. The view paints, in
``drawBackground``, only the marks :meth:`TimelineLayout.marks` computes for the visible days
and lanes, and hit-tests clicks against those same marks. The scene is empty; it only gives the
view its height so the vertical scroll bar scrolls the lanes under a fixed axis.

A large layout (``OFF_THREAD_EVENTS`` and more) is built on a background thread from a detached
copy of the workspace: the view keeps painting the last finished layout meanwhile
(``layout_pending``), and a newer request (a document streamed in, a filter) replaces an older one.
"""

from __future__ import annotations

import datetime as dt
import html
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QToolTip, QWidget

from gui.plain import plain_tooltip
from gui.timeline.render import (
    ACCEPTED,
    AXIS_HEIGHT,
    CHIP_HEIGHT,
    GUTTER,
    PENDING,
    REJECTED,
    Frame,
    TimelineRenderer,
    expander_rect,
    expander_text,
    frame_marks,
)
from gui.workers import TaskRunner
from timeweave.layout import (
    LaneGeometry,
    LaneMode,
    Marks,
    TimelineLayout,
    TimeScale,
    build_layout,
    date_of,
    day_number,
    describe_time,
)
from timeweave.layout.scale import MAX_PX_PER_DAY
from timeweave.progress import CancelToken, ProgressCallback, no_progress
from timeweave.workspace import EventRef, Workspace
from timeweave.workspace import Signal as WorkspaceSignal

DRAG_THRESHOLD = 4
FIT_MARGIN = 0.06  # of the width on each side, so labels by the edge events have room
EMPTY_TEXT = "Open documents (File ▸ Open) or try the samples (File ▸ Open samples)."
NOTCH_ZOOM = 2 ** 0.5  # one wheel notch
TOOLTIP_MEMBERS = 8
ROW_MARGIN = 12  # a revealed row stays at least this far inside the viewport
OFF_THREAD_EVENTS = 1_000
"""From this many events the layout is built off the GUI thread (~20 ms of work and more, up to
ten times that on a loaded machine); below, it is built at once."""
_STATUS_CODES = {"pending": PENDING, "accepted": ACCEPTED, "rejected": REJECTED}


def lay_out(workspace: Workspace, mode: LaneMode, *, progress: ProgressCallback,
            cancel: CancelToken) -> tuple[TimelineLayout, np.ndarray]:
    """The layout of the events the filter lets through and their review status codes; runs on
    any thread (``workspace`` detached), returns at once when a newer request cancelled it."""
    cancel.check()
    layout = build_layout(workspace.analyses, workspace.visible_events(), mode, workspace.links)
    cancel.check()
    status = np.array([_STATUS_CODES[workspace.status(ref)] for ref in layout.refs],
                      dtype=np.int8)
    return layout, status


class TimelineView(QGraphicsView):
    """Shows a :class:`TimelineLayout` at the current :class:`TimeScale`.

    Wheel zooms around the cursor (shift+wheel scrolls lanes), dragging pans, clicks select in
    the workspace (ctrl extends). A click on a cluster zooms into its span, on a "+N" chip of a
    lane's overflow row or on the lane's "more" toggle expands the lane; only a cluster that
    no zoom can separate selects its members. Left/Right step through events in time order,
    Home fits all.
    """

    scale_changed = Signal()
    layout_changed = Signal()

    def __init__(self, workspace: Workspace, renderer: TimelineRenderer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._renderer = renderer
        self.setScene(QGraphicsScene(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(420, 160)
        self.verticalScrollBar().valueChanged.connect(self._invalidate)
        self._layout = TimelineLayout([], [])
        self._geometry = LaneGeometry.of(())
        self._selected = np.zeros(0, dtype=bool)
        self._status = np.zeros(0, dtype=np.int8)
        today = day_number(dt.date.today())
        self._scale = TimeScale.fit(today - 30, today, self._time_width())
        self._mode: LaneMode = "source"
        self._expanded: set[str] = set()  # keys of lanes showing all their rows
        self._marks: Marks | None = None
        self._press: QPointF | None = None
        self._last = QPointF()
        self._dragged = False
        self._placeholder = EMPTY_TEXT
        self._fitted: tuple[float, float] | None = None  # the span the view was fitted to
        self._fit_when_built = False  # streamed documents: fit the view to the next layout
        self._refit_if_moved = False  # new documents: fit when their events left the view
        self._builder = TaskRunner(self)
        self._builder.finished.connect(self._on_built_off_thread)
        self._stale = False  # documents were added since the layout being shown was started
        self._started = self._rest_until = 0.0  # perf_counter: last build started, next may
        self._next_build = QTimer(self)
        self._next_build.setSingleShot(True)
        self._next_build.timeout.connect(self._build_if_stale)
        follow(self, [(workspace.documents_changed, self._on_documents),
                      (workspace.documents_added, self._on_added),
                      (workspace.filter_changed, self._rebuild),
                      (workspace.selection_changed, self._on_selection)])
        self._on_documents()

    # -- state ------------------------------------------------------------------------------

    @property
    def timeline_layout(self) -> TimelineLayout:
        return self._layout

    @property
    def layout_pending(self) -> bool:
        """True while a newer layout is being built off the GUI thread (the old one shows)."""
        return self._builder.busy

    def wait_for_layout(self, msecs: int = -1) -> bool:
        """Block until no layout is being built (closing, exporting the final picture)."""
        return self._builder.wait(msecs)

    @property
    def scale(self) -> TimeScale:
        return self._scale

    @property
    def selected_items(self) -> np.ndarray:
        """Boolean mask over the layout's items: those of the selected events."""
        return self._selected

    @property
    def event_status(self) -> np.ndarray:
        """Per layout event, its review status code (``render.PENDING`` ...): drawn as marks."""
        return self._status

    @property
    def lane_geometry(self) -> LaneGeometry:
        return self._geometry

    @property
    def lane_mode(self) -> LaneMode:
        return self._mode

    def set_lane_mode(self, mode: LaneMode) -> None:
        """One lane per source, or one per entity (an event in the lane of each actor)."""
        if mode != self._mode:
            self._mode = mode
            self._rebuild()

    def _on_documents(self) -> None:
        """Rebuild; refit when the events moved out of view (a new document, a publication
        date set), but keep the analyst's zoom when nothing moved (an accept, a reject)."""
        self._refit_if_moved = True
        self._rebuild()

    def _on_added(self, _shown: object) -> None:
        """Documents streamed in: their lanes join at the next turn of the event loop, or, after
        a layout built off the GUI thread, once twice its build time has passed (that thread
        takes the GIL from this one: at most a third of the time goes to re-laying out). The
        view keeps fitting everything until the analyst zooms or pans."""
        fitted = self._fitted is not None or not len(self._layout.order)
        self._fit_when_built = self._fit_when_built or fitted
        self._stale = True
        if not self._next_build.isActive() and not self.layout_pending:
            wait = self._rest_until - time.perf_counter()
            self._next_build.start(max(int(wait * 1000), 0))

    def _build_if_stale(self) -> None:
        if self._stale and not self.layout_pending:
            self._rebuild()

    def _on_selection(self) -> None:
        self.set_selection(self._workspace.selection)

    def _rebuild(self, fit: bool = False) -> None:
        """Lay out the events the filter lets through, keeping the zoom and the selection:
        here when small, else on the builder thread (the last layout shows until then)."""
        workspace = self._workspace
        self._fit_when_built = self._fit_when_built or fit
        self._stale = False
        if sum(len(a.events) for a in workspace.analyses) < OFF_THREAD_EVENTS:
            self._builder.forget()
            self._on_built(lay_out(workspace, self._mode, progress=no_progress,
                                   cancel=CancelToken()))
        else:
            self._started = time.perf_counter()
            self._builder.start(lay_out, workspace.detached(), self._mode)

    def _on_built_off_thread(self, built: tuple[TimelineLayout, np.ndarray]) -> None:
        """A layout from the builder thread: shown; the next one, if documents came in
        meanwhile, after a rest of twice this one's build time."""
        rest = 2 * (time.perf_counter() - self._started)
        self._rest_until = time.perf_counter() + rest
        self._on_built(built)
        if self._stale:
            self._next_build.start(int(rest * 1000))

    def _on_built(self, built: tuple[TimelineLayout, np.ndarray]) -> None:
        before = self._layout.focus_span()
        self._layout, self._status = built
        self._regeometry()
        self.set_selection(self._workspace.selection, reveal=False)
        after, scale = self._layout.focus_span(), self._scale
        moved = after is not None and after != before and not (
            after[0] >= scale.start and after[1] <= scale.end)
        if self._fit_when_built or (self._refit_if_moved and moved):
            self.fit_all()
        self._fit_when_built = self._refit_if_moved = False
        self.layout_changed.emit()

    def _regeometry(self) -> None:
        self._geometry = LaneGeometry.of(self._layout.lanes, self._expanded)
        self.scene().setSceneRect(0, 0, 1, AXIS_HEIGHT + self._geometry.height)
        self._invalidate()

    def set_expanded(self, lane: int, expanded: bool) -> None:
        """Show all rows of ``lane`` (or only the first ``ROW_CAP``, the rest as "+N" chips)."""
        key = self._layout.lanes[lane].key
        if expanded != (key in self._expanded):
            if expanded:
                self._expanded.add(key)
            else:
                self._expanded.discard(key)
            self._regeometry()

    def set_scale(self, scale: TimeScale) -> None:
        if scale != self._scale:
            self._fitted = None  # a zoom or pan of the analyst's own: resizing keeps it
            self._scale = scale
            self._invalidate()
            self.scale_changed.emit()

    def set_selection(self, refs: frozenset[EventRef], reveal: bool = True) -> None:
        """Highlight ``refs``; with ``reveal``, pan and scroll so the first of them shows."""
        events = [self._layout.ref_index[r] for r in sorted(refs) if r in self._layout.ref_index]
        self._selected = np.zeros(len(self._layout.item_event), dtype=bool)
        items = self._layout.items_of(events)
        self._selected[items] = True
        if reveal and len(items):
            self._reveal(items)
        self.viewport().update()

    def _reveal(self, items: np.ndarray) -> None:
        """Pan to the items' time and scroll to the first one's row, expanding its lane when
        that row is hidden."""
        layout = self._layout
        first, last = layout.item_start[items].min(), layout.item_end[items].max()
        self.set_scale(self._scale.showing(float(first), float(last)))
        item = int(items[np.lexsort((layout.item_row[items], layout.item_lane[items]))[0]])
        lane, row = int(layout.item_lane[item]), int(layout.item_row[item])
        if self._geometry.overflowing[lane] and row >= self._geometry.shown[lane] - 1:
            self.set_expanded(lane, True)
        y = self._geometry.row_centre(lane, row)
        bar = self.verticalScrollBar()
        height = self.viewport().height() - AXIS_HEIGHT
        if not bar.value() + ROW_MARGIN <= y <= bar.value() + height - ROW_MARGIN:
            bar.setValue(int(max(float(self._geometry.tops[lane]), y - height / 2)))

    def fit_all(self) -> None:
        """Frame where the events are (outliers stay reachable: :meth:`show_all`, the
        overview strip, and the counts at the edges)."""
        self._fit(self._layout.focus_span())

    def show_all(self) -> None:
        """Show every dated event, the few far from the rest included."""
        self._fit(self._layout.span())

    def _fit(self, span: tuple[float, float] | None) -> None:
        if span:
            self.set_scale(TimeScale.fit(span[0], span[1], self._time_width(), FIT_MARGIN))
            self._fitted = span  # a resize fits again, so the edges never get cut off

    def set_placeholder(self, text: str) -> None:
        """What the empty timeline says (e.g. while the first documents are analysed)."""
        if text != self._placeholder:
            self._placeholder = text
            self.viewport().update()

    @property
    def placeholder(self) -> str:
        return self._placeholder

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom by ``factor`` around ``anchor_x`` (time-area pixels; default the middle)."""
        anchor = self._scale.width / 2 if anchor_x is None else anchor_x
        self.set_scale(self._scale.zoomed(factor, anchor))

    def marks(self) -> Marks:
        """The marks currently on screen (computed once per scale, layout and scroll)."""
        if self._marks is None:
            self._marks = frame_marks(self._layout, self._scale, self._geometry,
                                      self.verticalScrollBar().value(), self.viewport().height())
        return self._marks

    def event_rect(self, ref: EventRef) -> QRectF | None:
        """Where ``ref`` is drawn (its own mark or its cluster), in viewport coordinates."""
        if ref not in self._layout.ref_index:
            return None
        items = self._layout.items_of([self._layout.ref_index[ref]])
        marks = self.marks()
        found = np.flatnonzero(np.add.reduceat(np.isin(marks.members, items), marks.offsets[:-1])
                               ) if len(marks) else []
        if not len(found):
            return None
        mark = int(found[0])
        y = (AXIS_HEIGHT + self._geometry.row_centre(int(marks.lane[mark]), int(marks.row[mark]))
             - self.verticalScrollBar().value())
        return QRectF(GUTTER + marks.x0[mark], y - CHIP_HEIGHT / 2,
                      marks.x1[mark] - marks.x0[mark], CHIP_HEIGHT)

    def lane_toggle_at(self, pos: QPointF) -> int | None:
        """The lane whose "more"/"fewer" toggle in the gutter is under ``pos``."""
        if pos.x() >= GUTTER or pos.y() < AXIS_HEIGHT:
            return None
        place = self._geometry.locate(pos.y() - AXIS_HEIGHT + self.verticalScrollBar().value())
        if place is None or not expander_text(self._layout, self._geometry, place[0]):
            return None
        lane = place[0]
        top = AXIS_HEIGHT + float(self._geometry.tops[lane]) - self.verticalScrollBar().value()
        height = float(self._geometry.tops[lane + 1] - self._geometry.tops[lane])
        return lane if expander_rect(0, top, height).contains(pos) else None

    def mark_at(self, pos: QPointF) -> int | None:
        """Index into :meth:`marks` of the mark under viewport position ``pos``."""
        if pos.x() < GUTTER or pos.y() < AXIS_HEIGHT:
            return None
        place = self._geometry.locate(pos.y() - AXIS_HEIGHT + self.verticalScrollBar().value())
        if place is None:
            return None
        return self.marks().hit(place[0], place[1], pos.x() - GUTTER)

    def tooltip_at(self, pos: QPointF) -> str:
        """Rich text describing what is under ``pos``: an event, a cluster or a lane."""
        if pos.x() < GUTTER and pos.y() >= AXIS_HEIGHT:
            place = self._geometry.locate(pos.y() - AXIS_HEIGHT
                                          + self.verticalScrollBar().value())
            if place is None:
                return ""
            return plain_tooltip(self._layout.lanes[place[0]].detail)
        mark = self.mark_at(pos)
        if mark is None:
            return ""
        marks, layout = self.marks(), self._layout
        events = list(dict.fromkeys(layout.item_event[marks.members_of(mark)].tolist()))
        if len(events) == 1:
            analysis, event = layout.events[events[0]]
            title = layout.documents[layout.event_source[events[0]]]
            status = self._workspace.status(layout.refs[events[0]])
            review = "" if status == "pending" else f"<br><b>{status}</b> in review"
            return (f"<b>{html.escape(event.text)}</b>{review}"
                    f"<br>cue: <i>{html.escape(event.cue)}</i>"
                    f"<br>{html.escape(describe_time(event))}"
                    f"<br><span style='color:#6B7785'>{html.escape(title.label)}</span>"
                    + self._reporters(events[0]))
        first = date_of(float(marks.start[mark])).date()
        last = date_of(float(marks.end[mark]) - 1).date()
        lines = [html.escape(layout.events[e][1].text) for e in events[:TOOLTIP_MEMBERS]]
        more = len(events) - len(lines)
        return (f"<b>{len(events)} events</b>, {first} – {last}<br>· " + "<br>· ".join(lines)
                + (f"<br>… and {more} more" if more else "")
                + "<br><i>click or zoom in to separate them</i>")

    def _reporters(self, event: int) -> str:
        """Tooltip lines naming the other sources that report the same story."""
        layout = self._layout
        if layout.event_reporters[event] < 2:
            return ""
        ref = layout.refs[event]
        story = next(s for s in layout.stories if ref in s)
        others = dict.fromkeys(layout.documents[int(layout.event_source[layout.ref_index[r]])]
                               .label for r in story if r.document != ref.document)
        return (f"<br><b>Reported by {layout.event_reporters[event]} sources</b>; also: "
                + "; ".join(html.escape(o[:60]) for o in list(others)[:TOOLTIP_MEMBERS]))

    # -- painting ---------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.resetTransform()
        if not self._layout.lanes:
            self._renderer.paint_placeholder(painter, QRectF(self.viewport().rect()),
                                             self._placeholder)
            painter.restore()
            return
        frame = Frame(self._layout, self._scale, self._geometry, self.marks(), self._selected,
                      self.verticalScrollBar().value(), raster=True, status=self._status)
        self._renderer.paint(painter, QRectF(self.viewport().rect()), frame)
        painter.restore()

    def _invalidate(self) -> None:
        self._marks = None
        self.viewport().update()

    def _time_width(self) -> float:
        return max(self.viewport().width() - GUTTER, 50.0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted is not None:
            self._fit(self._fitted)
        else:
            self.set_scale(self._scale.resized(self._time_width()))
        self._invalidate()

    # -- input ------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - (delta.y() or delta.x()))
        elif abs(delta.x()) > abs(delta.y()):
            self.set_scale(self._scale.panned(delta.x()))
        else:
            self.zoom(NOTCH_ZOOM ** (delta.y() / 120), event.position().x() - GUTTER)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        self._press = self._last = event.position()
        self._dragged = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        pos = event.position()
        if not self._dragged and (pos - self._press).manhattanLength() > DRAG_THRESHOLD:
            self._dragged = True
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._dragged:
            delta = pos - self._last
            self.set_scale(self._scale.panned(delta.x()))
            bar = self.verticalScrollBar()
            bar.setValue(int(bar.value() - delta.y()))
        self._last = pos

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        if not self._dragged:
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self._click(event.position(), extend)
        self._press = None
        self._dragged = False
        self.viewport().unsetCursor()

    def _click(self, pos: QPointF, extend: bool) -> None:
        toggle = self.lane_toggle_at(pos)
        if toggle is not None:
            self.set_expanded(toggle, bool(self._geometry.overflowing[toggle]))
            return
        mark = self.mark_at(pos)
        workspace, layout = self._workspace, self._layout
        if mark is None:
            if not extend:
                workspace.select(())
            return
        marks = self.marks()
        members = marks.members_of(mark)
        refs = {layout.refs[e] for e in layout.item_event[members].tolist()}
        if marks.overflow[mark] and not extend:
            self.set_expanded(int(marks.lane[mark]), True)
            return
        separable = (np.ptp(layout.item_start[members]) > 0 or np.ptp(layout.item_end[members]) > 0)
        if len(members) > 1 and separable and not extend \
                and self._scale.px_per_day < MAX_PX_PER_DAY:
            self.set_scale(TimeScale.fit(float(marks.start[mark]), float(marks.end[mark]),
                                         self._scale.width, margin=0.2))
            return
        if extend:
            current = workspace.selection
            refs = current - refs if len(refs) == 1 and refs <= current else current | refs
        workspace.select(refs)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            selected = [self._layout.ref_index[r] for r in self._workspace.selection
                        if r in self._layout.ref_index]
            target = self._layout.neighbour(selected, 1 if key == Qt.Key.Key_Right else -1)
            if target is not None:
                self._workspace.select({self._layout.refs[target]})
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step_lane(1 if key == Qt.Key.Key_Down else -1)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(NOTCH_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / NOTCH_ZOOM)
        elif key == Qt.Key.Key_Escape:
            self._workspace.select(())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def step_lane(self, step: int) -> None:
        """Select the event nearest in time in the next lane down (or up) that has events."""
        layout = self._layout
        selected = sorted(layout.ref_index[r] for r in self._workspace.selection
                          if r in layout.ref_index and not np.isnan(
                              layout.event_start[layout.ref_index[r]]))
        if not selected:
            target = layout.neighbour([], 1)
        else:
            target = layout.lane_neighbour(selected[0], step)
        if target is not None:
            self._workspace.select({layout.refs[target]})

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


def follow(widget: QWidget, connections: list[tuple[WorkspaceSignal, Callable[..., Any]]]
           ) -> None:
    """Connect workspace signals to ``widget``'s slots until the widget is destroyed.

    The workspace outlives views; without this it would call into a deleted C++ object.
    """
    for signal, slot in connections:
        signal.connect(slot)

    def disconnect() -> None:
        for signal, slot in connections:
            signal.disconnect(slot)

    widget.destroyed.connect(disconnect)


if __name__ == "__main__":
    from gui.timeline.preview import preview

    preview(lambda workspace: TimelineView(workspace, TimelineRenderer(QWidget().font())))
