"""The events table: a Qt model over the events DataFrame, with the filters that drive every view.

The filter widgets write ``workspace.set_filter``; the table (like the timeline) shows the
events that pass it, so one set of filters drives both. Clicking a row selects its event;
selecting elsewhere selects the row.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, get_args

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import palette
from gui.plain import escaped, plain_tooltip
from timeweave.model import DocumentDate, TimeBasis
from timeweave.workspace import EventFilter, EventRef, Workspace

if TYPE_CHECKING:
    import pandas as pd

ModelIndex = QModelIndex | QPersistentModelIndex
DOCUMENT, EVENT = "document", "event"
"""The frame's columns that identify a row's event."""
SHOWN = ("title", "earliest", "latest", "value", "basis", "actors", "place", "cue", "text")
"""The frame's columns the table shows, in this order; the rest (ids, keys, offsets) are for
finding rows and for exports."""
BASES: tuple[str, ...] = get_args(TimeBasis)



def _cell_text(value: Any) -> str:
    """A table cell: lists joined, days without midnight, nothing for None or NaN."""
    if value is None or value != value:  # None or NaN
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.datetime):  # pandas Timestamps: the day, not midnight
        return value.date().isoformat()
    return str(value)

class FrameModel(QAbstractTableModel):
    """A read-only table over a DataFrame; sorting reorders the frame itself."""

    def __init__(self) -> None:
        super().__init__()
        self.frame: pd.DataFrame | None = None
        self.columns: list[str] = []

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.columns = [c for c in SHOWN if c in frame.columns]
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if self.frame is None or parent.isValid() else len(self.frame)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.frame is None or not index.isValid():
            return None
        column = self.columns[index.column()]
        value = self.frame.at[index.row(), column]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell_text(value)
        if role == Qt.ItemDataRole.ToolTipRole:  # the passage as written, never as markup
            text = _cell_text(value)
            return plain_tooltip(text) if text else None
        if role == Qt.ItemDataRole.ForegroundRole and column == "basis" and value == "unknown":
            return QBrush(palette.MISSING)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].replace("_", " ").capitalize()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.frame is None:
            return
        self.layoutAboutToBeChanged.emit()
        self.frame = self.frame.sort_values(
            self.columns[column], ascending=order == Qt.SortOrder.AscendingOrder,
            na_position="last", kind="stable", key=lambda s: s.astype(str),
        ).reset_index(drop=True)
        self.layoutChanged.emit()

    def ref(self, row: int) -> EventRef:
        assert self.frame is not None
        return EventRef(str(self.frame.at[row, DOCUMENT]), str(self.frame.at[row, EVENT]))

    def row_of(self, ref: EventRef) -> int | None:
        if self.frame is None:
            return None
        hits = self.frame.index[(self.frame[DOCUMENT] == ref.document)
                                & (self.frame[EVENT] == ref.event)]
        return int(hits[0]) if len(hits) else None


def _parse_bound(text: str, latest: bool) -> dt.date | None:
    """A filter bound typed as a year, month or day; ``ValueError`` when it is none of them."""
    if not text.strip():
        return None
    date = DocumentDate.parse(text, "user")
    return date.latest if latest else date.earliest


class EventsTable(QWidget):
    """Filters above, the events that pass them below."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = FrameModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(SHOWN.index("earliest"), Qt.SortOrder.AscendingOrder)  # by time
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.source = QComboBox()
        self.entity = QComboBox()
        self.basis = QComboBox()
        self.basis.addItem("any basis", "")
        for basis in BASES:
            self.basis.addItem(basis.replace("_", " "), basis)
        self.start = QLineEdit()
        self.end = QLineEdit()
        for edit, hint in ((self.start, "from (YYYY[-MM[-DD]])"), (self.end, "to")):
            edit.setPlaceholderText(hint)
            edit.setMaximumWidth(150)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search event text…")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        filters = QHBoxLayout()
        for widget in (self.source, self.entity, self.basis, self.start, self.end):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        for combo in (self.source, self.entity, self.basis):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.start, self.end, self.search):
            edit.editingFinished.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)
        self.view.selectionModel().selectionChanged.connect(self._on_rows_selected)
        workspace.documents_changed.connect(self._on_documents_changed)
        workspace.filter_changed.connect(self.refresh)
        workspace.selection_changed.connect(self._on_selection_changed)
        self._on_documents_changed()

    def _on_documents_changed(self) -> None:
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        for combo, label, items in (
            (self.source, "all sources",
             [(a.document.label, a.document.id) for a in self.workspace.analyses]),
            (self.entity, "any entity",
             sorted({(e.key, e.key) for a in self.workspace.analyses for e in a.entities})),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, "")
            for text, data in items:
                combo.addItem(text[:40], data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def apply_filters(self) -> None:
        """Turn the widgets into one EventFilter for every view; a bad date is pointed out."""
        try:
            start = _parse_bound(self.start.text(), latest=False)
            end = _parse_bound(self.end.text(), latest=True)
        except ValueError as exc:
            self.count.setText(f"<span style='color:{palette.MISSING.name()}'>"
                               f"{escaped(str(exc))}</span>")
            return
        chosen = [c.currentData() for c in (self.source, self.entity, self.basis)]
        self.workspace.set_filter(EventFilter(
            documents=frozenset({chosen[0]}) if chosen[0] else frozenset(),
            entity_keys=frozenset({chosen[1]}) if chosen[1] else frozenset(),
            bases=frozenset({chosen[2]}) if chosen[2] else frozenset(),
            start=start, end=end, text=self.search.text().strip(),
        ))
        self.refresh()

    def refresh(self) -> None:
        from timeweave.table import events_frame

        frame = events_frame(self.workspace.analyses)
        visible = {(a.document.id, e.id) for a, e in self.workspace.visible_events()}
        keep = [(d, e) in visible for d, e in zip(frame[DOCUMENT], frame[EVENT], strict=True)]
        self.model.set_frame(frame[keep])
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() < self.model.columnCount():
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        total = sum(len(a.events) for a in self.workspace.analyses)
        self.count.setText(f"{self.model.rowCount()} of {total} events")
        self._on_selection_changed()

    def _on_rows_selected(self) -> None:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        refs = {self.model.ref(row) for row in rows}
        if refs and refs != self.workspace.selection:
            self.workspace.select(refs)

    def _on_selection_changed(self) -> None:
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        first = None
        for ref in self.workspace.selection:
            row = self.model.row_of(ref)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
                first = row if first is None else min(first, row)
        selection.blockSignals(False)
        self.view.viewport().update()
        if first is not None:
            self.view.scrollTo(self.model.index(first, 0))
