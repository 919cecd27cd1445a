"""The timeline panel: toolbar, lanes view, overview strip and undated tray, plus exports.

It follows the workspace (documents, filter, selection) and writes only the selection; it never
talks to the other views.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter, QPaintEvent
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import palette
from gui.timeline import icons
from gui.timeline.overview import OverviewStrip
from gui.timeline.render import (
    AXIS_HEIGHT,
    GUTTER,
    LABEL_MAX,
    LEGEND_HEIGHT,
    Frame,
    TimelineRenderer,
)
from gui.timeline.tray import UndatedTray
from gui.timeline.view import EMPTY_TEXT, NOTCH_ZOOM, TimelineView
from timeweave.layout import TimeScale
from timeweave.workspace import Workspace

EXPORT_MIN_WIDTH = 1300  # the legend row fits
TRAY_WIDTH = 230
MIN_TIME_WIDTH = 50.0
LANE_MODES = (("Sources", "source"), ("Entities", "entity"))


class LegendStrip(QWidget):
    """What each kind of mark means, painted by the same renderer as the marks."""

    def __init__(self, renderer: TimelineRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setToolTip("Legend: a filled dot is timed by a time expression; an open dot by the "
                        "publication date only; a bar means somewhere within its bounds (fading "
                        "where a bound is missing); a number is events close together (click to "
                        "zoom in), \"+N\" events in hidden rows; a dashed line joins one story "
                        "told by several sources.")

    def sizeHint(self) -> QSize:
        return QSize(720, 24)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._renderer.paint_legend(painter, QRectF(self.rect()))


class TimelineWidget(QWidget):
    """Lanes per source or entity on an adaptive time axis, with overview and undated tray."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.renderer = TimelineRenderer(self.font())
        self.view = TimelineView(workspace, self.renderer)
        self.overview = OverviewStrip(self.view)
        self.tray = UndatedTray(workspace, self.view)
        self.toolbar = self._make_toolbar()
        timeline = QWidget()
        column = QVBoxLayout(timeline)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.overview)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(timeline)
        splitter.addWidget(self.tray)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([1000, TRAY_WIDTH])
        self.splitter = splitter
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.toolbar)
        outer.addWidget(splitter, 1)

    def _make_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Timeline")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(16, 16))
        for icon, text, tip, shortcut, slot in (
            (icons.fit_all(), "Fit all", "Frame where the events are (Home); the few far "
             "from the rest stay reachable with Show all and the overview below",
             QKeySequence(Qt.Key.Key_Home), self.fit_all),
            (icons.fit_all(), "Show all", "Show every dated event, outliers included "
             "(Shift+Home)", QKeySequence("Shift+Home"), self.show_all),
            (icons.zoom_out(), "Zoom out", "Zoom out around the middle (-, or the mouse wheel)",
             QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom(1 / NOTCH_ZOOM)),
            (icons.zoom_in(), "Zoom in", "Zoom in around the middle (+, or the mouse wheel)",
             QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom(NOTCH_ZOOM)),
        ):
            action = QAction(icon, text, self)
            action.setToolTip(tip)
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            toolbar.addAction(action)
            if slot not in (self.fit_all, self.show_all):  # the magnifiers speak for themselves
                button = toolbar.widgetForAction(action)
                if isinstance(button, QToolButton):
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addSeparator()
        lanes_icon = QLabel()
        lanes_icon.setPixmap(icons.lanes().pixmap(16, 16))
        lanes_icon.setToolTip("Lanes")
        toolbar.addWidget(lanes_icon)
        self.lanes_box = QComboBox()
        for text, mode in LANE_MODES:
            self.lanes_box.addItem(text, mode)
        self.lanes_box.setToolTip("One lane per source, or per entity (an event appears in the "
                                  "lane of each of its actors)")
        self.lanes_box.currentIndexChanged.connect(
            lambda index: self.view.set_lane_mode(LANE_MODES[index][1]))
        toolbar.addWidget(self.lanes_box)
        toolbar.addSeparator()
        toolbar.addWidget(LegendStrip(self.renderer))
        return toolbar

    def fit_all(self) -> None:
        self.view.fit_all()

    def show_all(self) -> None:
        self.view.show_all()

    def set_placeholder(self, text: str | None) -> None:
        """What the timeline says while it has nothing to show (``None``: how to start)."""
        self.view.set_placeholder(EMPTY_TEXT if text is None else text)

    def export_image(self, path: Path) -> None:
        """Write the whole timeline (every lane, the current time range) as PNG or SVG, a
        label's width wider than the view so events at its right edge keep their words."""
        suffix = path.suffix.lower()
        width = max(self.view.viewport().width(), EXPORT_MIN_WIDTH) + int(LABEL_MAX)
        height = self._content_height()
        if suffix == ".png":
            image = QImage(width * 2, int(height * 2), QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(2)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            self.paint_into(painter, QRectF(0, 0, width, height))
            painter.end()
            if not image.save(str(path), "PNG"):
                raise OSError(f"could not write {path}")
        elif suffix == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(QSize(width, int(height)))
            generator.setViewBox(QRectF(0, 0, width, height))
            generator.setTitle("Timeweave timeline")
            painter = QPainter(generator)
            self.paint_into(painter, QRectF(0, 0, width, height))
            painter.end()
        else:
            raise ValueError(f"export the timeline as .png or .svg, not {path.suffix or path.name}")

    def paint_into(self, painter: QPainter, rect: QRectF, whole: bool = False) -> float:
        """Paint every lane over the current time range (with ``whole``, over every dated
        event, whatever the zoom: the PDF report) into ``rect`` (shrunk to fit), with the legend
        and the number of undated events; returns the height painted. Used by exports, so the
        range ends a label's width before the right edge: the last events keep their words."""
        height = self._content_height()
        factor = min(1.0, rect.height() / height)
        width = rect.width() / factor
        shown = self.view.scale
        span = self.view.timeline_layout.span() if whole else None
        room = max(width - GUTTER - LABEL_MAX, MIN_TIME_WIDTH)  # a narrow picture still draws
        if span is not None:
            fitted = TimeScale.fit(span[0], span[1], room)
        else:
            fitted = TimeScale(shown.start, shown.px_per_day * room / shown.width, room)
        scale = TimeScale(fitted.start, fitted.px_per_day, width - GUTTER)
        layout = self.view.timeline_layout
        geometry = self.view.lane_geometry
        marks = layout.marks(scale, range(len(layout.lanes)), geometry.shown)
        selected = self.view.selected_items
        frame = Frame(layout, scale, geometry, marks, selected, status=self.view.event_status)
        dated = len(layout.order)
        footer = f"{dated} dated events  ·  {len(layout.undated)} undated (listed, not placed)"
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(factor, factor)
        with palette.light():  # paper is white whatever the screen's theme
            self.renderer.paint(painter, QRectF(0, 0, width, height), frame, footer)
        painter.restore()
        return height * factor

    def _content_height(self) -> float:
        return AXIS_HEIGHT + self.view.lane_geometry.height + LEGEND_HEIGHT


if __name__ == "__main__":
    from gui.timeline.preview import preview

    preview(TimelineWidget)
