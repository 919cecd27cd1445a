"""The undated tray: events the timeline cannot place in time, grouped by source beside it.

An event whose date has no year, or that has no time at all, is never drawn at an invented
time; it waits here, under its source, selectable like any other event. Ctrl- or shift-click
adds to the selection made on the timeline instead of replacing it.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from gui.palette import MUTED, source_colour
from gui.plain import plain_tooltip
from gui.timeline.view import TimelineView, follow
from timeweave.layout import TimelineLayout, describe_time, undated_reason
from timeweave.workspace import EventRef, Workspace

REF_ROLE = Qt.ItemDataRole.UserRole + 1
EXTENDING = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class UndatedModel(QStandardItemModel):
    """One group row per source with undated events, the events as its children."""

    def __init__(self, layout: TimelineLayout) -> None:
        super().__init__()
        self.set_layout(layout)

    def set_layout(self, layout: TimelineLayout) -> None:
        self.clear()
        self._rows: dict[EventRef, QModelIndex] = {}
        groups: dict[int, list[int]] = {}
        for event_index in layout.undated.tolist():
            groups.setdefault(int(layout.event_source[event_index]), []).append(event_index)
        bold = QFont()
        bold.setWeight(QFont.Weight.DemiBold)
        for source, events in groups.items():
            document = layout.documents[source]
            date = document.date.value or "no publication date"
            title = document.label
            group = QStandardItem(f"{title}\n{len(events)} undated · {date}")
            group.setFont(bold)
            group.setIcon(_dot(source))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setToolTip(plain_tooltip(f"{document.label}\n{document.path}"))
            for event_index in events:
                _, event = layout.events[event_index]
                row = QStandardItem(f"{event.text}\n{undated_reason(event)} · cue “{event.cue}”")
                row.setData(layout.refs[event_index], REF_ROLE)
                row.setToolTip(plain_tooltip(f"{event.text}\ncue: {event.cue}\n"
                                             f"{describe_time(event)}"))
                row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                group.appendRow(row)
            self.appendRow(group)
        for group_row in range(self.rowCount()):
            parent = self.index(group_row, 0)
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                self._rows[self.ref(index)] = index

    def ref(self, index: QModelIndex) -> EventRef:
        return index.data(REF_ROLE)

    def refs(self) -> list[EventRef]:
        """Every event listed, in display order."""
        return list(self._rows)

    def index_of(self, ref: EventRef) -> QModelIndex | None:
        return self._rows.get(ref)


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


class UndatedList(QTreeView):
    """A tree that remembers whether the last click or key asked to extend the selection."""

    def __init__(self) -> None:
        super().__init__()
        self.extending = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.extending = bool(event.modifiers() & EXTENDING)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.extending = bool(event.modifiers() & EXTENDING)
        super().keyPressEvent(event)


class UndatedTray(QWidget):
    """A header with the count and the grouped list; selecting rows selects the events."""

    def __init__(self, workspace: Workspace, view: TimelineView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view = view
        self.model = UndatedModel(view.timeline_layout)
        self.header = QLabel()
        note = QLabel("No year, or no time found: never placed at an invented time. "
                      "Ctrl-click adds to the selection.")
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED.name()}; font-size: 8pt;")
        self.list = UndatedList()
        self.list.setModel(self.model)
        self.list.setHeaderHidden(True)
        self.list.setIndentation(12)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
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
        self._following = True
        self.model.set_layout(self._view.timeline_layout)
        self.list.expandAll()
        self._following = False
        count = len(self.model.refs())
        self.header.setText(f"<b>Undated</b> &nbsp;{count}")
        self.setHidden(not count)  # the room goes to the timeline while nothing is undated
        self._on_selection()

    def _on_selection(self) -> None:
        """Mirror the workspace selection without writing it back."""
        self._following = True
        selection = QItemSelection()
        for ref in self._workspace.selection:
            index = self.model.index_of(ref)
            if index is not None:
                selection.select(index, index)
        self.list.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if not selection.isEmpty():
            self.list.scrollTo(selection.indexes()[0])
        self._following = False

    def _on_rows(self) -> None:
        if self._following:
            return
        rows = {self.model.ref(index) for index in self.list.selectionModel().selectedRows()}
        if self.list.extending:
            listed = set(self.model.refs())
            rows |= {ref for ref in self._workspace.selection if ref not in listed}
        self._workspace.select(rows)


if __name__ == "__main__":
    from gui.timeline.preview import preview
    from gui.timeline.render import TimelineRenderer

    preview(lambda workspace: UndatedTray(workspace, TimelineView(
        workspace, TimelineRenderer(QWidget().font()))))
