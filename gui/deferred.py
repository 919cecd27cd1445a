"""Views hidden behind a tab rebuild when they come into sight, not on every change.

At the end of a long analysis every view is told that the documents changed; a coverage table
or an entity's story that nobody is looking at would rebuild on the GUI thread for seconds. A
view out of sight only notes that it is out of date and rebuilds once it is painted again. A
dock behind another dock's tab stays "visible" to Qt, with nothing of it on screen: its visible
region is what tells.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    """Runs ``rebuild`` at once while ``widget`` is on screen, else when it is next shown."""

    def __init__(self, widget: QWidget, rebuild: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._rebuild = rebuild
        self.stale = False
        widget.installEventFilter(self)

    def request(self) -> None:
        if self._widget.isVisible() and not self._widget.visibleRegion().isEmpty():
            self.stale = False
            self._rebuild()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._widget
            and self.stale
            and event.type() in (QEvent.Type.Show, QEvent.Type.Paint)
        ):
            self.stale = False
            QTimer.singleShot(0, self._rebuild)  # not inside the paint: it changes the widgets
        return False
