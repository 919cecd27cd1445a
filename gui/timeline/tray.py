"""The undated tray: events the timeline cannot place in time, listed beside it.

An event whose date has no year, or that has no time at all, is never drawn at an invented
time; it waits here, selectable like any other event.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from gui.palette import source_colour
from gui.timeline.render import MUTED
from gui.timeline.view import TimelineView, follow
from timeweave.layout import TimelineLayout, describe_time, undated_reason
from timeweave.workspace import EventRef, Workspace

Index = QModelIndex | QPersistentModelIndex


class UndatedModel(QAbstractListModel):
    """The undated events of a layout, one row each, coloured by source."""

    def __init__(self, layout: TimelineLayout) -> None:
        super().__init__()
        self._layout = layout

    def set_layout(self, layout: TimelineLayout) -> None:
        self.beginResetModel()
        self._layout = layout
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._layout.undated)

    def ref(self, row: int) -> EventRef:
        return self._layout.refs[int(self._layout.undated[row])]

    def rows_of(self, refs: frozenset[EventRef]) -> list[int]:
        rows = {int(e): row for row, e in enumerate(self._layout.undated)}
        index = self._layout.ref_index
        return sorted(rows[index[r]] for r in refs if r in index and index[r] in rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        event_index = int(self._layout.undated[index.row()])
        _, event = self._layout.events[event_index]
        source = int(self._layout.event_source[event_index])
        document = self._layout.documents[source]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{event.text}\n{document.title or document.id} · {undated_reason(event)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.text}\ncue: {event.cue}\n{describe_time(event)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return _dot(source)
        return None


@cache
def _dot(source: int) -> QPixmap:
    """A small disc in the source's colour, like the timeline's marks."""
    pixmap = QPixmap(10, 10)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(source_colour(source))
    painter.drawEllipse(1, 1, 8, 8)
    painter.end()
    return pixmap


class UndatedTray(QWidget):
    """A header with the count and a list; selecting rows selects the events in the workspace."""

    def __init__(self, workspace: Workspace, view: TimelineView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view = view
        self.model = UndatedModel(view.timeline_layout)
        self.header = QLabel()
        note = QLabel("No year, or no time found: never placed at an invented time.")
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED.name()}; font-size: 8pt;")
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListView::item { padding: 3px 2px; }")
        self.setMinimumWidth(220)
        self.list.selectionModel().selectionChanged.connect(self._on_rows)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.header)
        column.addWidget(note)
        column.addWidget(self.list)
        self._following = False
        view.layout_changed.connect(self._on_layout)
        follow(self, [(workspace.selection_changed, self._on_selection)])
        self._on_layout()

    def _on_layout(self) -> None:
        self.model.set_layout(self._view.timeline_layout)
        self.header.setText(f"<b>Undated</b> &nbsp;{self.model.rowCount()}")
        self._on_selection()

    def _on_selection(self) -> None:
        """Mirror the workspace selection without writing it back."""
        self._following = True
        selection = QItemSelection()
        for row in self.model.rows_of(self._workspace.selection):
            index = self.model.index(row)
            selection.select(index, index)
        self.list.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not selection.isEmpty():
            self.list.scrollTo(selection.indexes()[0])
        self._following = False

    def _on_rows(self) -> None:
        if self._following:
            return
        rows = self.list.selectionModel().selectedRows()
        self._workspace.select({self.model.ref(index.row()) for index in rows})


if __name__ == "__main__":
    from gui.timeline.preview import preview
    from gui.timeline.render import TimelineRenderer

    preview(lambda workspace: UndatedTray(workspace, TimelineView(
        workspace, TimelineRenderer(QWidget().font()))))
