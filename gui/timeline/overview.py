"""The overview strip: how events spread over the whole span, and where the view is in it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from gui.palette import MUTED, PANEL, SEPARATOR, source_colour
from gui.timeline.render import GUTTER
from gui.timeline.view import TimelineView
from timeweave.layout import TimeScale, date_of

BIN_PX = 3
DIM_ALPHA = 190  # how much the parts outside the view are veiled


class OverviewStrip(QWidget):
    """A density histogram of all dated events with the visible window outlined.

    Click or drag to move the view there. Heights use a square root so a stretch with a few
    events still shows next to a burst of thousands.
    """

    def __init__(self, view: TimelineView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._density: tuple[tuple[int, float], np.ndarray] | None = None
        view.scale_changed.connect(self.update)
        view.layout_changed.connect(self._forget)
        self.setMinimumHeight(40)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(600, 44)

    def whole(self) -> TimeScale | None:
        """The scale that shows every dated event across the strip's time area."""
        span = self._view.timeline_layout.span()
        if span is None:
            return None
        return TimeScale.fit(span[0], span[1], max(self.width() - GUTTER, 10.0), margin=0.01)

    def _forget(self) -> None:
        self._density = None
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), PANEL)
        painter.setPen(QPen(SEPARATOR, 1))
        painter.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        whole = self.whole()
        painter.setPen(MUTED)
        font = painter.font()
        font.setPointSizeF(8)
        painter.setFont(font)
        if whole is None:
            painter.drawText(self.rect().adjusted(12, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                             "No dated events")
            return
        first, last = date_of(whole.start).year, date_of(whole.end).year
        years = f"{first}–{last}" if last > first else str(first)
        painter.drawText(QRectF(12, 0, GUTTER - 12, self.height()), Qt.AlignmentFlag.AlignVCenter,
                         f"OVERVIEW · {years}")
        painter.translate(GUTTER, 0)
        self._histogram(painter, whole)
        view = self._view.scale
        left, right = max(whole.x(view.start), -2.0), min(whole.x(view.end), whole.width + 2)
        height = self.height()
        dim = QColor(PANEL)
        dim.setAlpha(DIM_ALPHA)
        painter.fillRect(QRectF(0, 1, max(left, 0), height), dim)
        painter.fillRect(QRectF(right, 1, whole.width - right, height), dim)
        painter.setPen(QPen(source_colour(0), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(left, 2, max(right - left, 2.0), height - 4))

    def _histogram(self, painter: QPainter, whole: TimeScale) -> None:
        bins = max(int(whole.width // BIN_PX), 1)
        key = (bins, whole.start)
        if self._density is None or self._density[0] != key:
            self._density = key, self._view.timeline_layout.density(bins, whole.start, whole.end)
        counts = self._density[1]
        if not counts.max():
            return
        heights = np.sqrt(counts / counts.max()) * (self.height() - 10)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MUTED)
        for index in np.flatnonzero(counts).tolist():
            h = float(heights[index])
            painter.drawRect(QRectF(index * BIN_PX, self.height() - 4 - h, BIN_PX - 0.5, h))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._centre(event.position().x())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre(event.position().x())

    def _centre(self, x: float) -> None:
        whole = self.whole()
        if whole is not None and x >= GUTTER:
            self._view.set_scale(self._view.scale.centred_on(whole.day(x - GUTTER)))


if __name__ == "__main__":
    from PySide6.QtWidgets import QVBoxLayout

    from gui.timeline.preview import preview
    from gui.timeline.render import TimelineRenderer
    from timeweave.workspace import Workspace

    def make(workspace: Workspace) -> QWidget:
        box = QWidget()
        view = TimelineView(workspace, TimelineRenderer(box.font()))
        column = QVBoxLayout(box)
        column.addWidget(view)
        column.addWidget(OverviewStrip(view))
        return box

    preview(make)
