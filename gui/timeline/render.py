"""Painting the timeline with a QPainter: axis, lanes, marks, selection and legend.

One renderer serves the screen, PNG/SVG export and the PDF report, so all three look the same.
It only paints what :mod:`timeweave.layout` computed; it decides nothing about geometry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGradient,
    QLinearGradient,
    QPainter,
    QPen,
    QPixmap,
)

from gui import palette
from gui.palette import (
    BACKGROUND,
    CONNECTOR,
    GRID_MAJOR,
    GRID_MINOR,
    INK,
    LANE_ODD,
    MIXED,
    MUTED,
    PANEL,
    SELECTED_PASSAGE,
    SELECTION,
    SEPARATOR,
    source_colour,
)
from timeweave.layout import Axis, LaneGeometry, Marks, TimelineLayout, TimeScale, axis_ticks
from timeweave.layout.timeline import BASES, OPEN_END, OPEN_START, POINT_RADIUS, ROW_CAP

GUTTER = 150.0  # lane labels: compact, elided; the full title is in the lane's tooltip
AXIS_HEIGHT = 44.0
PENDING, ACCEPTED, REJECTED = 0, 1, 2  # review status codes in ``Frame.status``
LEGEND_HEIGHT = 26.0
BAR_HEIGHT = 13.0
CHIP_HEIGHT = 15.0
LABEL_MIN, LABEL_MAX = 40.0, 260.0  # room needed for, and used by, an event's label
CHIP_CACHE = 2000
CONNECTOR_ALPHA = 110

_TIMEX, _DOCUMENT_DATE = BASES.index("timex"), BASES.index("document_date")


def mark_colour(index: int) -> QColor:
    """The colour of source ``index``, or the neutral one for a cluster mixing sources (-1)."""
    return source_colour(index) if index >= 0 else QColor(MIXED)


@dataclass(frozen=True)
class Frame:
    """Everything one picture depends on; ``scroll`` is how far the lanes are scrolled up."""

    layout: TimelineLayout
    scale: TimeScale
    geometry: LaneGeometry
    marks: Marks
    selected: np.ndarray  # boolean mask over the layout's items
    scroll: float = 0.0
    raster: bool = False  # painting pixels for the screen: cached chip images may be used
    status: np.ndarray | None = None  # per layout event: PENDING, ACCEPTED or REJECTED


def frame_marks(layout: TimelineLayout, scale: TimeScale, geometry: LaneGeometry,
                scroll: float, height: float) -> Marks:
    """The marks of the lanes inside ``height`` pixels below the axis, scrolled by ``scroll``."""
    return layout.marks(scale, geometry.lanes_between(scroll, scroll + height - AXIS_HEIGHT),
                        geometry.shown)


def _room_around(marks: Marks, visible: np.ndarray, width: float
                 ) -> tuple[np.ndarray, np.ndarray]:
    """For each visible mark, the pixels free to its right and to its left before the next mark
    of its row or the edge of the time area, so a label never runs past either edge."""
    order = visible[np.lexsort((marks.x0[visible], marks.row[visible], marks.lane[visible]))]
    after = np.full(len(order), width)
    before = np.zeros(len(order))
    same = ((marks.lane[order][1:] == marks.lane[order][:-1])
            & (marks.row[order][1:] == marks.row[order][:-1]))
    after[:-1] = np.where(same, np.minimum(marks.x0[order][1:], width), width)
    before[1:] = np.where(same, np.maximum(marks.x1[order][:-1], 0.0), 0.0)
    place = np.searchsorted(visible, order)
    room_after, room_before = np.empty(len(order)), np.empty(len(order))
    room_after[place] = after - marks.xc[order]
    room_before[place] = marks.xc[order] - before
    return room_after, room_before


def lane_note(layout: TimelineLayout, lane_index: int) -> str:
    """The line under a lane's title: its events and publication date, or the entity's key."""
    lane = layout.lanes[lane_index]
    events = f"{lane.count} event{'s' if lane.count != 1 else ''}"
    if lane.source is None:
        return f"{events} · key: {lane.key}" if lane.key != lane.label else events
    date = layout.documents[lane.source].date
    undated = f" · {lane.undated} undated" if lane.undated else ""
    return f"{events}{undated} · {date.value or 'no publication date'}"


def expander_text(layout: TimelineLayout, geometry: LaneGeometry, lane_index: int) -> str:
    """The lane's "N more" (or "show fewer") toggle; empty when all its rows fit anyway."""
    shown = int(geometry.shown[lane_index])
    if geometry.overflowing[lane_index]:
        hidden = layout.items_below(lane_index, shown - 1)
        rows = layout.lanes[lane_index].rows - shown + 1
        return f"▾ {hidden} more in {rows} rows"
    if layout.lanes[lane_index].rows > ROW_CAP:
        return "▴ show fewer rows"
    return ""


def expander_rect(left: float, top: float, height: float) -> QRectF:
    """Where a lane's expander sits in the gutter: painted there, clicked there."""
    return QRectF(left + 12, top + height - 20, GUTTER - 22, 16)


class TimelineRenderer:
    """Paints frames; holds fonts and metrics so that each paint does no set-up."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.font.setPointSizeF(9)
        self.bold = QFont(self.font)
        self.bold.setWeight(QFont.Weight.DemiBold)
        self.small = QFont(self.font)
        self.small.setPointSizeF(8)
        self.chip = QFont(self.small)
        self.chip.setWeight(QFont.Weight.Bold)
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small)
        self.char_px = self.metrics.horizontalAdvance("0123456789") / 10 + 0.5
        self._chips: dict[tuple[int, int, int, bool, float, float], QPixmap] = {}
        self._bar_brushes: dict[tuple[int, int, int], QBrush] = {}
        self._whiskers: dict[int, QPen] = {}

    def axis(self, scale: TimeScale) -> Axis:
        return axis_ticks(scale, self.char_px)

    def paint(self, painter: QPainter, rect: QRectF, frame: Frame, footer: str = "") -> None:
        """Paint ``frame`` into ``rect``: axis on top, lanes below, ``footer`` at the bottom."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(rect, BACKGROUND)
        axis = self.axis(frame.scale)
        bottom = rect.bottom() - (LEGEND_HEIGHT if footer else 0)
        lanes_rect = QRectF(rect.left(), rect.top() + AXIS_HEIGHT, rect.width(),
                            bottom - rect.top() - AXIS_HEIGHT)
        time_rect = QRectF(rect.left() + GUTTER, lanes_rect.top(), rect.width() - GUTTER,
                           lanes_rect.height())
        painter.setClipRect(lanes_rect)
        self._lanes(painter, lanes_rect, frame)
        painter.setClipRect(time_rect)
        self._grid(painter, time_rect, frame.scale, axis)
        if frame.layout.mode == "source":
            self._connectors(painter, time_rect, frame)
        self._marks(painter, time_rect, frame)
        self._beyond(painter, time_rect, frame)
        painter.setClipRect(lanes_rect)
        self._labels(painter, lanes_rect, frame)
        painter.setClipRect(rect)
        self._axis(painter, QRectF(rect.left(), rect.top(), rect.width(), AXIS_HEIGHT), frame,
                   axis)
        if footer:
            painter.setClipRect(rect)  # the axis clipped to itself: the legend was left out
            footer_rect = QRectF(rect.left(), bottom, rect.width(), LEGEND_HEIGHT)
            painter.fillRect(footer_rect, PANEL)
            after_text = self.small_metrics.horizontalAdvance(footer) + 24
            self.paint_legend(painter, footer_rect.adjusted(max(GUTTER, after_text), 0, 0, 0))
            painter.setFont(self.small)
            painter.setPen(MUTED)
            painter.drawText(footer_rect.adjusted(10, 0, -10, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, footer)
        painter.restore()

    # -- parts ------------------------------------------------------------------------------

    def _lane_top(self, rect: QRectF, frame: Frame, lane: int) -> float:
        return rect.top() + float(frame.geometry.tops[lane]) - frame.scroll

    def _visible_lanes(self, rect: QRectF, frame: Frame) -> range:
        return frame.geometry.lanes_between(frame.scroll, frame.scroll + rect.height())

    def _lanes(self, painter: QPainter, rect: QRectF, frame: Frame) -> None:
        painter.setPen(QPen(SEPARATOR, 1))
        for lane in self._visible_lanes(rect, frame):
            top = self._lane_top(rect, frame, lane)
            bottom = rect.top() + float(frame.geometry.tops[lane + 1]) - frame.scroll
            if lane % 2:
                painter.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top), LANE_ODD)
            line = bottom - 0.5
            painter.drawLine(QPointF(rect.left(), line), QPointF(rect.right(), line))

    def _grid(self, painter: QPainter, rect: QRectF, scale: TimeScale, axis: Axis) -> None:
        for ticks, colour in ((axis.minor, GRID_MINOR), (axis.major, GRID_MAJOR)):
            painter.setPen(QPen(colour, 1))
            for tick in ticks:
                x = rect.left() + round(scale.x(tick.day)) + 0.5
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def _labels(self, painter: QPainter, rect: QRectF, frame: Frame) -> None:
        gutter = QRectF(rect.left(), rect.top(), GUTTER, rect.height())
        painter.fillRect(gutter, PANEL)
        painter.setPen(QPen(SEPARATOR, 1))
        painter.drawLine(QPointF(gutter.right() - 0.5, rect.top()),
                         QPointF(gutter.right() - 0.5, rect.bottom()))
        layout, geometry = frame.layout, frame.geometry
        for lane_index in self._visible_lanes(rect, frame):
            lane = layout.lanes[lane_index]
            top = self._lane_top(rect, frame, lane_index)
            height = float(geometry.tops[lane_index + 1] - geometry.tops[lane_index])
            painter.setPen(QPen(SEPARATOR, 1))
            painter.drawLine(QPointF(gutter.left(), top + height - 0.5),
                             QPointF(gutter.right(), top + height - 0.5))
            if lane.source is not None:
                painter.fillRect(QRectF(gutter.left(), top + 1, 4, height - 2),
                                 source_colour(lane.source))
            text_width = GUTTER - 22
            painter.setFont(self.bold)
            painter.setPen(INK)
            title = QFontMetricsF(self.bold).elidedText(lane.label, Qt.TextElideMode.ElideRight,
                                                        text_width)
            painter.drawText(QRectF(gutter.left() + 12, top + 5, text_width, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
            painter.setFont(self.small)
            painter.setPen(MUTED)
            note = self.small_metrics.elidedText(lane_note(layout, lane_index),
                                                 Qt.TextElideMode.ElideRight, text_width)
            painter.drawText(QRectF(gutter.left() + 12, top + 20, text_width, 13),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, note)
            toggle = expander_text(layout, geometry, lane_index)
            if toggle:
                painter.setPen(source_colour(lane.source) if lane.source is not None else INK)
                painter.drawText(expander_rect(gutter.left(), top, height),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 toggle)
            if not lane.count and lane.undated and lane.source is not None:
                anchor = ("" if layout.documents[lane.source].date.value
                          else "; set its publication date to anchor relative times")
                painter.setPen(MUTED)
                painter.drawText(QRectF(gutter.right() + 14, top, rect.width() - GUTTER - 20,
                                        height),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 f"No event placed in time: {lane.undated} undated, listed in "
                                 f"the tray{anchor}")

    def _axis(self, painter: QPainter, rect: QRectF, frame: Frame, axis: Axis) -> None:
        painter.fillRect(rect, PANEL)
        painter.setPen(QPen(GRID_MAJOR, 1))
        painter.drawLine(QPointF(rect.left(), rect.bottom() - 0.5),
                         QPointF(rect.right(), rect.bottom() - 0.5))
        painter.setFont(self.small)
        painter.setPen(MUTED)
        heading = "SOURCES" if frame.layout.mode == "source" else "ENTITIES"
        painter.drawText(QRectF(rect.left() + 12, rect.top(), GUTTER - 12, rect.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"{heading}   ·   {axis.unit}s")
        left = rect.left() + GUTTER
        painter.setClipRect(QRectF(left, rect.top(), rect.width() - GUTTER, rect.height()))
        scale = frame.scale
        # Major row: context names; the one scrolled off to the left sticks to the edge.
        painter.setFont(self.bold)
        painter.setPen(INK)
        majors = [(left + scale.x(t.day), t.label) for t in axis.major]
        for index, (x, label) in enumerate(majors):
            following = majors[index + 1][0] if index + 1 < len(majors) else rect.right() + 4
            x = max(x, left)
            needed = QFontMetricsF(self.bold).horizontalAdvance(label) + 10
            if following - x - 4 >= needed:
                painter.drawText(QRectF(x + 5, rect.top() + 4, needed, 18),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 label)
        painter.setPen(QPen(GRID_MAJOR, 1))
        for x, _ in majors:
            painter.drawLine(QPointF(round(x) + 0.5, rect.top() + 4),
                             QPointF(round(x) + 0.5, rect.bottom()))
        # Minor row: the unit's own ticks, labelled just right of the tick.
        painter.setFont(self.small)
        for tick in axis.minor:
            x = round(left + scale.x(tick.day)) + 0.5
            if x < left:
                continue
            painter.setPen(QPen(GRID_MAJOR, 1))
            painter.drawLine(QPointF(x, rect.bottom() - 6), QPointF(x, rect.bottom()))
            if x + 3 + self.small_metrics.horizontalAdvance(tick.label) > rect.right():
                continue  # a label the edge would cut is left out, its tick kept
            painter.setPen(MUTED)
            painter.drawText(QRectF(x + 3, rect.top() + 24, 80, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             tick.label)

    def _marks(self, painter: QPainter, rect: QRectF, frame: Frame) -> None:
        marks, layout = frame.marks, frame.layout
        if not len(marks):
            return
        heads = marks.members[marks.offsets[:-1]]
        events = layout.item_event[heads]
        member_sources = layout.event_source[layout.item_event[marks.members]]
        uniform = (np.minimum.reduceat(member_sources, marks.offsets[:-1])
                   == np.maximum.reduceat(member_sources, marks.offsets[:-1]))
        colour_index = np.where(uniform, layout.event_source[events], -1)
        geometry = frame.geometry
        ys = (rect.top() + geometry.tops[marks.lane] + geometry.padding
              + (marks.row + 0.5) * geometry.row_height - frame.scroll)
        selected = marks.selected_counts(frame.selected) > 0
        visible = np.flatnonzero((marks.x1 >= -20) & (marks.x0 <= rect.width() + 20)
                                 & (ys >= rect.top() - 20) & (ys <= rect.bottom() + 20))
        room, room_left = (side.tolist() for side in _room_around(marks, visible, rect.width()))
        scale, left = frame.scale, rect.left()
        # Plain lists and one colour per source: a frame draws ~1,000 marks, and numpy scalar
        # reads and new QColors per mark were a third of its time.
        colours = {int(i): mark_colour(int(i)) for i in np.unique(colour_index[visible])}
        ratio = painter.device().devicePixelRatioF()
        mark_events = events[visible]
        mark_heads = heads[visible]
        status = (frame.status[mark_events] if frame.status is not None
                  else np.full(len(visible), PENDING)).tolist()
        rows = zip(visible.tolist(), colour_index[visible].tolist(), ys[visible].tolist(),
                   marks.chip[visible].tolist(), selected[visible].tolist(),
                   mark_events.tolist(), layout.event_basis[mark_events].tolist(),
                   layout.event_open[mark_events].tolist(),
                   layout.item_point[mark_heads].tolist(), marks.xc[visible].tolist(),
                   marks.x0[visible].tolist(), marks.x1[visible].tolist(), status, room,
                   room_left, layout.event_reporters[mark_events].tolist(), strict=True)
        chips = visible[marks.chip[visible]]
        clusters = dict(zip(chips.tolist(), zip((left + scale.x(marks.start[chips])).tolist(),
                                                (left + scale.x(marks.end[chips])).tolist(),
                                                strict=True), strict=True))
        counts = dict(zip(chips.tolist(), zip(marks.count[chips].tolist(),
                                              marks.overflow[chips].tolist(), strict=True),
                          strict=True))
        for (mark, colour_at, y, chip, chosen, event, basis, open_sides, point, xc, x0, x1,
             state, space_after, space_before, reported) in rows:
            colour = colours[colour_at]
            if chip:
                self._cluster(painter, y, (left + x0, left + x1, *clusters[mark]), colour,
                              *counts[mark], chosen, ratio if frame.raster else None)
                continue
            text = layout.events[event][1].text
            if state == REJECTED:
                colour = QColor(palette.REJECTED)
            elif state == ACCEPTED:  # the analyst checked it: a mark before its words
                text = f"✓ {text}"
            if point:
                x = left + xc
                self._point(painter, QPointF(x, y), colour, basis, chosen)
                self._point_label(painter, x, y, space_after, space_before, text, reported,
                                  state)
            else:
                bar = QRectF(left + x0, y - BAR_HEIGHT / 2, x1 - x0, BAR_HEIGHT)
                self._bar(painter, bar, colour, basis, open_sides, chosen)
                first, last = max(bar.left(), rect.left()), min(bar.right(), rect.right())
                if last - first >= LABEL_MIN:
                    label = f"{reported} sources · {text}" if reported > 1 else text
                    self._label(painter, QRectF(first + 6, y - 8, last - first - 12, 16), label,
                                state)

    def _point_label(self, painter: QPainter, x: float, y: float, right: float, left: float,
                     text: str, reported: int, status: int) -> None:
        """A point's label on its right, or on its left when the right edge or the next mark
        leaves too little room there (a label is never cut at the edge)."""
        if reported > 1:
            text = f"{reported} sources · {text}"
        space = min(right - POINT_RADIUS - 8, LABEL_MAX)
        if space >= LABEL_MIN or space >= left - POINT_RADIUS - 8:
            if space >= LABEL_MIN:
                self._label(painter, QRectF(x + POINT_RADIUS + 4, y - 8, space, 16), text,
                            status)
            return
        space = min(left - POINT_RADIUS - 8, LABEL_MAX)
        if space >= LABEL_MIN:
            self._label(painter, QRectF(x - POINT_RADIUS - 4 - space, y - 8, space, 16), text,
                        status, Qt.AlignmentFlag.AlignRight)

    def _connectors(self, painter: QPainter, rect: QRectF, frame: Frame) -> None:
        """Lines join the mentions of one story across the sources' lanes: dashed and faint,
        solid for the story of a selected event."""
        layout = frame.layout
        pairs = layout.story_pairs
        if not len(pairs):
            return
        selected_events = np.zeros(len(layout.events), dtype=bool)
        selected_events[layout.item_event[frame.selected]] = True
        story = selected_events[pairs].any(axis=1)
        faint = QColor(CONNECTOR)
        faint.setAlpha(CONNECTOR_ALPHA)
        x, y = self._ends(rect, frame, pairs)
        inside = ((np.maximum(x[:, 0], x[:, 1]) >= rect.left())
                  & (np.minimum(x[:, 0], x[:, 1]) <= rect.right()))
        for chosen, pen in ((~story, QPen(faint, 1.2, Qt.PenStyle.DashLine)),
                            (story, QPen(CONNECTOR, 2.2))):
            painter.setPen(pen)
            for index in np.flatnonzero(inside & chosen).tolist():
                painter.drawLine(QPointF(x[index, 0], y[index, 0]),
                                 QPointF(x[index, 1], y[index, 1]))

    @staticmethod
    def _ends(rect: QRectF, frame: Frame, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Screen positions (x, y: shape (n, 2)) of the marks of each pair of events."""
        layout, geometry = frame.layout, frame.geometry
        items = layout.first_items(pairs.ravel()).reshape(-1, 2)
        x = rect.left() + frame.scale.x((layout.item_start[items] + layout.item_end[items]) / 2)
        lanes = layout.item_lane[items]
        rows = np.minimum(layout.item_row[items], geometry.shown[lanes] - 1)
        y = (rect.top() + geometry.tops[lanes] + geometry.padding
             + (rows + 0.5) * geometry.row_height - frame.scroll)
        return x, y

    def _beyond(self, painter: QPainter, rect: QRectF, frame: Frame) -> None:
        """How many events lie left and right of the view, so outliers are never lost."""
        before, after = frame.layout.outside(frame.scale.start, frame.scale.end)
        painter.setFont(self.small)
        for count, align, text in ((before, Qt.AlignmentFlag.AlignLeft, f"◂ {before} earlier"),
                                   (after, Qt.AlignmentFlag.AlignRight, f"{after} later ▸")):
            if not count:
                continue
            width = self.small_metrics.horizontalAdvance(text) + 10
            x = rect.left() + 2 if align == Qt.AlignmentFlag.AlignLeft else rect.right() - width - 2
            box = QRectF(x, rect.top() + 2, width, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PANEL)
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(MUTED)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def paint_placeholder(self, painter: QPainter, rect: QRectF, text: str) -> None:
        """The empty timeline: what to do, or what is happening, instead of an empty axis."""
        painter.fillRect(rect, BACKGROUND)
        painter.setFont(self.font)
        painter.setPen(MUTED)
        painter.drawText(rect.adjusted(20, 20, -20, -20),
                         Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _label(self, painter: QPainter, box: QRectF, text: str, status: int = PENDING,
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
        """An event's words beside its point or inside its bar, cut to the room there is;
        greyed when the analyst rejected it (shown only on request)."""
        painter.setFont(self.small)
        painter.setPen(palette.REJECTED if status == REJECTED else INK)
        painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter,
                         self.small_metrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                                       box.width()))

    def _point(self, painter: QPainter, centre: QPointF, colour: QColor, basis: int,
               selected: bool) -> None:
        if selected:
            painter.setPen(QPen(SELECTION, 1.5))
            painter.setBrush(SELECTED_PASSAGE)
            painter.drawEllipse(centre, POINT_RADIUS + 4, POINT_RADIUS + 4)
        if basis == _TIMEX:
            painter.setPen(QPen(BACKGROUND, 1))
            painter.setBrush(colour)
            painter.drawEllipse(centre, POINT_RADIUS, POINT_RADIUS)
        else:
            pen = QPen(colour, 2)
            if basis != _DOCUMENT_DATE:
                pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(BACKGROUND)
            painter.drawEllipse(centre, POINT_RADIUS - 0.5, POINT_RADIUS - 0.5)

    def _bar(self, painter: QPainter, bar: QRectF, colour: QColor, basis: int, open_sides: int,
             selected: bool) -> None:
        """A time known only within bounds: strongest mid-way, fading towards each bound and
        out to nothing on a side without a bound; caps mark the bounds that are known."""
        if selected:
            painter.setPen(QPen(SELECTION, 1.5))
            painter.setBrush(SELECTED_PASSAGE)
            painter.drawRoundedRect(bar.adjusted(-3, -4, 3, 4), 3, 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._bar_brush(colour, basis, open_sides))
        painter.drawRect(bar)
        if basis != _TIMEX:
            outline = QPen(colour, 1, Qt.PenStyle.DashLine)
            painter.setPen(outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setPen(QPen(colour, 2))
        for side, x in ((OPEN_START, bar.left() + 1), (OPEN_END, bar.right() - 1)):
            if not open_sides & side:
                painter.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2))

    def _bar_brush(self, colour: QColor, basis: int, open_sides: int) -> QBrush:
        """The fill of a bar, strongest mid-way: a gradient across whatever box it fills, so one
        brush per colour, basis and open sides serves every bar (made once, not per frame)."""
        key = (colour.rgba(), basis, open_sides)
        brush = self._bar_brushes.get(key)
        if brush is None:
            strength = 1.0 if basis == _TIMEX else 0.45
            gradient = QLinearGradient(0, 0, 1, 0)
            gradient.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)
            edge = [70.0, 70.0]
            for side, flag in enumerate((OPEN_START, OPEN_END)):
                if open_sides & flag:
                    edge[side] = 0.0
            for position, alpha in ((0.0, edge[0]), (0.5, 130.0), (1.0, edge[1])):
                shade = QColor(colour)
                shade.setAlpha(int(alpha * strength))
                gradient.setColorAt(position, shade)
            brush = self._bar_brushes[key] = QBrush(gradient)
        return brush

    def _cluster(self, painter: QPainter, y: float, span: tuple[float, float, float, float],
                 colour: QColor, count: int, hidden: bool, selected: bool, ratio: float | None
                 ) -> None:
        """A chip with its member count over the whisker of the members' extent; ``span`` is
        the chip's left and right and the members' first and last, in viewport pixels;
        ``ratio`` (the device's pixel ratio) when painting to the screen, whose chips come from
        a cache of pixmaps."""
        x0, x1, first, last = span
        chip = QRectF(x0, y - CHIP_HEIGHT / 2, x1 - x0, CHIP_HEIGHT)
        if last - first > chip.width():  # the members' whole extent, as a whisker
            painter.setPen(self._whisker_pen(colour))
            painter.drawLine(QPointF(first, y), QPointF(last, y))
            painter.drawLine(QPointF(first, y - 3), QPointF(first, y + 3))
            painter.drawLine(QPointF(last, y - 3), QPointF(last, y + 3))
        if selected:
            painter.setPen(QPen(SELECTION, 1.5))
            painter.setBrush(SELECTED_PASSAGE)
            painter.drawRoundedRect(chip.adjusted(-4, -4, 4, 4), 12, 12)
        if ratio is not None:
            painter.drawPixmap(chip.topLeft() - QPointF(1, 1), self._chip_pixmap(
                colour, count, hidden, chip.width(), ratio))
        else:
            self._chip(painter, chip, colour, count, hidden)

    def _whisker_pen(self, colour: QColor) -> QPen:
        """The see-through pen of a cluster's whisker, one per colour (made once)."""
        pen = self._whiskers.get(colour.rgba())
        if pen is None:
            whisker = QColor(colour)
            whisker.setAlpha(150)
            pen = self._whiskers[colour.rgba()] = QPen(whisker, 1.5)
        return pen

    def _chip(self, painter: QPainter, chip: QRectF, colour: QColor, count: int,
              hidden: bool) -> None:
        """A filled chip with the count; outlined with "+count" for events in hidden rows."""
        if hidden:
            painter.setPen(QPen(colour, 1.2))
            painter.setBrush(BACKGROUND)
        else:
            painter.setPen(QPen(Qt.GlobalColor.white, 1))
            painter.setBrush(colour)
        painter.drawRoundedRect(chip, CHIP_HEIGHT / 2, CHIP_HEIGHT / 2)
        painter.setFont(self.chip)
        painter.setPen(colour if hidden else Qt.GlobalColor.white)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, f"+{count}" if hidden else str(count))

    def _chip_pixmap(self, colour: QColor, count: int, hidden: bool, width: float,
                     ratio: float) -> QPixmap:
        """A cluster chip drawn once and reused: antialiased rounded rects and text are the
        bulk of a frame's cost when thousands of events are clustered on screen."""
        key = (colour.rgba(), BACKGROUND.rgba(), count, hidden, width, ratio)
        pixmap = self._chips.get(key)
        if pixmap is None:
            if len(self._chips) > CHIP_CACHE:
                self._chips.clear()
            pixmap = QPixmap(int((width + 2) * ratio + 1), int((CHIP_HEIGHT + 2) * ratio + 1))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            chip_painter = QPainter(pixmap)
            chip_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._chip(chip_painter, QRectF(1, 1, width, CHIP_HEIGHT), colour, count, hidden)
            chip_painter.end()
            self._chips[key] = pixmap
        return pixmap

    def paint_legend(self, painter: QPainter, rect: QRectF) -> int:
        """Samples of every mark with what it means, in one row: as many whole entries as fit
        (never one cut in the middle). Returns how many were drawn."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.small)
        sample = source_colour(0)
        x, y = rect.left() + 8, rect.center().y()
        fm = QFontMetricsF(self.small)

        def point(basis: int) -> None:
            self._point(painter, QPointF(x + 5, y), sample, basis, selected=False)

        def bar(open_sides: int) -> None:
            self._bar(painter, QRectF(x, y - BAR_HEIGHT / 2, 34, BAR_HEIGHT), sample, _TIMEX,
                      open_sides, selected=False)

        def chip(count: int, hidden: bool) -> None:
            self._chip(painter, QRectF(x, y - CHIP_HEIGHT / 2, 22, CHIP_HEIGHT), MIXED, count,
                       hidden)

        def connector() -> None:
            pen = QPen(CONNECTOR, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y + 6), QPointF(x + 24, y - 6))

        drawn = 0
        for width, draw, text in _legend_entries(point, bar, chip, connector):
            needed = width + fm.horizontalAdvance(text)
            if x + needed > rect.right():
                break
            draw()
            x += width
            painter.setFont(self.small)
            painter.setPen(MUTED)
            painter.drawText(QPointF(x, y + fm.ascent() / 2 - 1), text)
            x += fm.horizontalAdvance(text) + 18
            drawn += 1
        painter.restore()
        return drawn


def _legend_entries(point: Callable[[int], None], bar: Callable[[int], None],
                    chip: Callable[[int, bool], None], connector: Callable[[], None]
                    ) -> list[tuple[float, Callable[[], None], str]]:
    """The legend's entries in order: sample width, how to draw the sample, what it means."""
    return [(16, lambda: point(_TIMEX), "time expression"),
            (16, lambda: point(_DOCUMENT_DATE), "publication date only"),
            (40, lambda: bar(0), "somewhere within bounds"),
            (40, lambda: bar(OPEN_START), "no earlier bound"),
            (28, lambda: chip(12, False), "close together (click: zoom in)"),
            (28, lambda: chip(3, True), "in hidden rows (click: expand)"),
            (30, connector, "same story in several sources")]
