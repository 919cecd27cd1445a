"""Toolbar icons drawn with QPainter, so the bundle ships no image files and they stay crisp
at any device pixel ratio."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

INK = QColor("#33414E")
SIZE = 16


def _icon(draw: Callable[[QPainter], None]) -> QIcon:
    """An icon from ``draw``, which paints on a 16x16 canvas, rendered at 1x and 2x."""
    icon = QIcon()
    for ratio in (1, 2):
        pixmap = QPixmap(SIZE * ratio, SIZE * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(INK, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        draw(painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _magnifier(painter: QPainter, plus: bool) -> None:
    painter.drawEllipse(QRectF(2, 2, 9, 9))
    painter.drawLine(QPointF(10, 10), QPointF(14.5, 14.5))
    painter.drawLine(QPointF(4.5, 6.5), QPointF(8.5, 6.5))
    if plus:
        painter.drawLine(QPointF(6.5, 4.5), QPointF(6.5, 8.5))


def _fit(painter: QPainter) -> None:
    """Two edges with arrows reaching them: the whole span, edge to edge."""
    painter.drawLine(QPointF(1.5, 3), QPointF(1.5, 13))
    painter.drawLine(QPointF(14.5, 3), QPointF(14.5, 13))
    painter.drawLine(QPointF(4, 8), QPointF(12, 8))
    for tip, back in ((4.0, 6.5), (12.0, 9.5)):
        painter.drawLine(QPointF(tip, 8), QPointF(back, 5.5))
        painter.drawLine(QPointF(tip, 8), QPointF(back, 10.5))


def zoom_in() -> QIcon:
    return _icon(lambda painter: _magnifier(painter, plus=True))


def zoom_out() -> QIcon:
    return _icon(lambda painter: _magnifier(painter, plus=False))


def fit_all() -> QIcon:
    return _icon(_fit)


def lanes() -> QIcon:
    """Three horizontal bands, as the timeline's lanes."""
    def draw(painter: QPainter) -> None:
        for y, (start, end) in zip((3.5, 8, 12.5), ((2, 9), (5, 14), (3, 11)), strict=True):
            painter.drawLine(QPointF(start, y), QPointF(end, y))
    return _icon(draw)
