"""The events table: a Qt model over the events DataFrame, with the filters that drive every view.

The filter widgets write ``workspace.set_filter``; the table (like the timeline) shows the
events that pass it, so one set of filters drives both. Clicking a row selects its event;
selecting elsewhere selects the row. Times are in words (the TIMEX3 value has its own column),
the review status is a mark in the first column, rejected events (when shown) are greyed.
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
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
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
from timeweave.filters import KindFilter, kind_words
from timeweave.humanize import basis_words
from timeweave.model import DocumentDate, TimeBasis
from timeweave.workspace import EventFilter, EventRef, Workspace

if TYPE_CHECKING:
    import pandas as pd

ModelIndex = QModelIndex | QPersistentModelIndex
DOCUMENT, EVENT = "document", "event"
"""The frame's columns that identify a row's event."""
SHOWN = ("status", "when", "text", "trigger", "category", "modality", "title", "participants",
         "class", "polarity", "actors", "place", "basis", "value", "earliest", "latest")
"""The frame's columns the table shows, in this order; the rest (ids, keys, offsets) are for
finding rows and for exports."""
HEADERS = {"status": "Review", "when": "When", "text": "Passage", "title": "Source",
           "value": "TIMEX3", "basis": "Time from"}
SORT_BY = {"when": "earliest"}  # words sort by the days they stand for
STATUS_MARKS = {"accepted": "✓", "rejected": "✗", "pending": ""}
WIDTHS = {"status": 54, "when": 215, "text": 330, "title": 160, "participants": 200,
          "class": 96, "category": 110, "modality": 84, "polarity": 70, "trigger": 110}
"""Starting widths: the mark is narrow, the time in words and the passage are read."""
KIND_COLUMNS = ("class", "category", "modality", "polarity")
BASES: tuple[str, ...] = get_args(TimeBasis)


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
        row = index.row()
        value = self.frame.at[row, column]
        status = self.frame.at[row, "status"]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(column, value)
        if role == Qt.ItemDataRole.ToolTipRole:  # the passage as written, never as markup
            tip = self._tooltip(row, column, value)
            return plain_tooltip(tip) if tip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if status == "rejected":
                return QBrush(palette.REJECTED)
            if column == "status" and status == "accepted":
                return QBrush(palette.ACCEPTED)
            if column == "basis" and value == "unknown":
                return QBrush(palette.MISSING)
        if role == Qt.ItemDataRole.FontRole and status == "rejected":
            font = QFont()
            font.setStrikeOut(column == "text")
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "status":
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _tooltip(self, row: int, column: str, value: Any) -> str:
        """The words, and for times where they come from and the TIMEX3 value."""
        assert self.frame is not None
        if column == "status":
            return f"Review: {self.frame.at[row, 'status']}"
        if column in ("when", "basis", "value"):
            basis = self.frame.at[row, "basis"]
            lines = [str(self.frame.at[row, "when"]), basis_words(basis)]
            timex = self.frame.at[row, "value"]
            if isinstance(timex, str) and timex:
                lines.append(f"TIMEX3 value: {timex}")
            return "\n".join(lines)
        return _display(column, value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(column, column.replace("_", " ").capitalize())
        if role == Qt.ItemDataRole.ToolTipRole and column == "value":
            return "The normalised TIMEX3 value, for experts"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.frame is None:
            return
        self.layoutAboutToBeChanged.emit()
        name = self.columns[column]
        self.frame = self.frame.sort_values(
            SORT_BY.get(name, name), ascending=order == Qt.SortOrder.AscendingOrder,
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


def _display(column: str, value: Any) -> str:
    """A cell as people read it: marks for review, words for kinds, days for dates."""
    if value is None or value != value:  # None or NaN
        return ""
    if column == "status":
        return STATUS_MARKS.get(value, "")
    if column in KIND_COLUMNS or column == "basis":
        return kind_words(str(value)) if column != "basis" else str(value).replace("_", " ")
    if isinstance(value, dt.datetime):  # pandas Timestamps: the day, not midnight
        return value.date().isoformat()
    return str(value)


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
        self.view.sortByColumn(SHOWN.index("when"), Qt.SortOrder.AscendingOrder)  # by time
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
        self.search.setMinimumWidth(160)
        self.count = QLabel()
        self.event_class = QComboBox()
        self.category = QComboBox()
        self.modality = QComboBox()
        self.quiet = QCheckBox("States && modal verbs")
        self.quiet.setToolTip("Also show states (is, remain) and modal and aspectual verbs "
                              "(may, must, began)")
        self.show_all = QCheckBox("Events without actor or time")
        self.show_all.setToolTip("By default only statements and the events with a participant "
                                 "or a time are shown")
        self.show_rejected = QCheckBox("Show rejected")
        self.show_rejected.setToolTip("Show the events you rejected, greyed, so they can be "
                                      "accepted again")
        filters = QHBoxLayout()
        for widget in (self.source, self.entity, self.basis, self.start, self.end):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        kinds = QHBoxLayout()
        for widget in (self.event_class, self.category, self.modality, self.quiet,
                       self.show_all, self.show_rejected):
            kinds.addWidget(widget)
        kinds.addStretch(1)
        kinds.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(filters)
        layout.addLayout(kinds)
        layout.addWidget(self.view, 1)

        for combo in (self.source, self.entity, self.basis, self.event_class, self.category,
                      self.modality):
            combo.currentIndexChanged.connect(self.apply_filters)
        for box in (self.quiet, self.show_all, self.show_rejected):
            box.toggled.connect(self.apply_filters)
        for edit in (self.start, self.end, self.search):
            edit.editingFinished.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)
        self.view.selectionModel().selectionChanged.connect(self._on_rows_selected)
        workspace.documents_changed.connect(self._on_documents_changed)
        workspace.filter_changed.connect(self.refresh)
        workspace.selection_changed.connect(self._on_selection_changed)
        self._sized = False  # starting widths are set once there are rows (a reset drops them)
        self._on_documents_changed()

    def _on_documents_changed(self) -> None:
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        workspace = self.workspace
        events = [e for a in workspace.machine for e in a.events]
        events += [e for rejected in workspace.rejected.values() for e in rejected]

        def kinds(name: str) -> list[tuple[str, str]]:
            return sorted({(kind_words(getattr(e, name)), getattr(e, name)) for e in events})

        for combo, label, items in (
            (self.source, "all sources",
             [(a.document.label, a.document.id) for a in workspace.analyses]),
            (self.entity, "any entity",
             sorted({(e.key, e.key) for a in workspace.analyses for e in a.entities})),
            (self.event_class, "any class", kinds("event_class")),
            (self.category, "any category", kinds("category")),
            (self.modality, "any modality", kinds("modality")),
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
        source, entity, basis, event_class, category, modality = (
            frozenset({c.currentData()}) if c.currentData() else frozenset()
            for c in (self.source, self.entity, self.basis, self.event_class, self.category,
                      self.modality))
        self.workspace.set_filter(EventFilter(
            documents=source, entity_keys=entity, bases=basis,
            start=start, end=end, text=self.search.text().strip(),
            kinds=KindFilter(event_class, category, modality, self.quiet.isChecked(),
                             self.show_all.isChecked()),
            show_rejected=self.show_rejected.isChecked(),
        ))
        self.refresh()

    def refresh(self) -> None:
        from timeweave.table import events_frame

        workspace = self.workspace
        frame = events_frame(workspace.shown_analyses(), workspace.review)
        visible = {(a.document.id, e.id) for a, e in workspace.visible_events()}
        keep = [(d, e) in visible for d, e in zip(frame[DOCUMENT], frame[EVENT], strict=True)]
        header = self.view.horizontalHeader()
        widths = [header.sectionSize(c) for c in range(self.model.columnCount())]
        self.model.set_frame(frame[keep])
        if not self._sized and self.model.rowCount():
            self._sized = True
            widths = [WIDTHS.get(c, header.defaultSectionSize()) for c in self.model.columns]
        if self._sized:  # a model reset drops the widths the analyst (or we) set
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
        if header.sortIndicatorSection() < self.model.columnCount():
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.count.setText(f"{self.model.rowCount()} of {len(frame)} events")
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
