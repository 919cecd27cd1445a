"""The Sources panel: each document with its language, publication date, counts and status.

The date and the language are editable in place. A date may be a year, a month or a day (the
precision the analyst knows); a document without one says so in red and invites a double-click,
because every relative date in it ("on Thursday", "last week") depends on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import palette
from gui.plain import plain_tooltip
from timeweave.model import DocumentAnalysis, DocumentDate, LoadError
from timeweave.workspace import Workspace

COLUMNS = ("Source", "Lang", "Published", "Events", "Entities", "Status")
LANG, DATE, STATUS = 1, 2, 5
NO_DATE_TEXT = "no date: double-click"

_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable


class SourcesPanel(QWidget):
    """Rows for open documents, files still being processed and files that failed."""

    date_changed = Signal(str, object)  # document id, DocumentDate
    language_changed = Signal(str, str)  # document id, language code
    document_activated = Signal(str)  # document id

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # file names: both ends
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {palette.MISSING.name()}")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._pending: list[str] = []  # paths of files not analysed yet, in input order
        self._error_rows = 0  # the workspace's errors listed, the last rows
        self._filling = False
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemClicked.connect(self._on_clicked)
        workspace.documents_changed.connect(self.refresh)
        workspace.documents_added.connect(self._on_added)
        self.refresh()

    def set_pending(self, paths: list[str]) -> None:
        """Show files that are about to be processed, before any result exists."""
        self._pending = list(paths)
        self.refresh()

    def clear_pending(self) -> None:
        self._pending = []
        self.refresh()

    def row_of(self, document_id: str) -> int:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == document_id:
                return row
        raise KeyError(document_id)

    @contextmanager
    def _filling_rows(self) -> Iterator[None]:
        """Change rows with the columns' fit to their contents measured once at the end: while
        it is on, every cell set makes Qt measure the whole column (10 ms a cell at 300 rows)."""
        header = self.table.horizontalHeader()
        self._filling = True
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        try:
            yield
        finally:
            for column in range(1, len(COLUMNS)):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self._filling = False

    def refresh(self) -> None:
        with self._filling_rows():
            self._refill()

    def _refill(self) -> None:
        self.table.setRowCount(0)
        for index, analysis in enumerate(self.workspace.analyses):
            self._append(_document_cells(index, analysis))
        for path in self._pending:
            self._append([(QTableWidgetItem(Path(path).name), _READ_ONLY), *_blank(4),
                          (QTableWidgetItem("queued"), _READ_ONLY)])
        for error in self.workspace.errors:
            self._append(_error_cells(error))
        self._error_rows = len(self.workspace.errors)

    def _on_added(self, shown: list[DocumentAnalysis]) -> None:
        """Documents streamed in: each takes over its file's pending row (the run delivers in
        input order, so it is the first one) and a failed file's row moves to the errors;
        nothing else is redrawn, so a document costs one row, not the whole table."""
        workspace = self.workspace
        documents = {a.document.path: (len(workspace.analyses) - len(shown) + i, a)
                     for i, a in enumerate(shown)}
        errors = {e.path: e for e in workspace.errors[self._error_rows:]}
        if len(documents) < len(shown):  # one file opened twice: rows by path are ambiguous
            self.refresh()
            return
        with self._filling_rows():
            self._take_rows(documents, errors)
        if documents or errors:  # not in the order the rows are: lay the table out again
            done = documents.keys() | errors.keys()
            self._pending = [path for path in self._pending if path not in done]
            self.refresh()

    def _take_rows(self, documents: dict[str, tuple[int, DocumentAnalysis]],
                   errors: dict[str, LoadError]) -> None:
        """Give pending rows, first to last, to the documents and errors that are theirs
        (taking them out of ``documents`` and ``errors``) until one is not there yet."""
        workspace = self.workspace
        while self._pending and (documents or errors):
            path = self._pending[0]
            if path in documents:
                index, analysis = documents.pop(path)
                self._fill(index, _document_cells(index, analysis))
            elif path in errors:
                self.table.removeRow(len(workspace.analyses) - len(documents))
                self._append(_error_cells(errors.pop(path)))
                self._error_rows += 1
            else:
                break
            del self._pending[0]

    def _append(self, cells: list[tuple[QTableWidgetItem, Qt.ItemFlag]]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill(row, cells)

    def _fill(self, row: int, cells: list[tuple[QTableWidgetItem, Qt.ItemFlag]]) -> None:
        for column, (item, flags) in enumerate(cells):
            item.setFlags(flags)
            self.table.setItem(row, column, item)

    def _document_id(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_clicked(self, item: QTableWidgetItem) -> None:
        """A click on a source shows its text (the date and language cells stay editable by
        double-click, and show it too)."""
        doc_id = self._document_id(item.row())
        if doc_id is not None:
            self.document_activated.emit(doc_id)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        doc_id = self._document_id(item.row())
        if doc_id is None:
            return
        text = item.text().strip()
        if item.column() == DATE:
            self.edit_date(doc_id, text)
        elif item.column() == LANG:
            self.edit_language(doc_id, text)

    def edit_date(self, document_id: str, text: str) -> bool:
        """Parse what the analyst typed; a bad date is explained, never half-applied."""
        current = self.workspace.analysis(document_id).document.date
        if text in (NO_DATE_TEXT, current.value or ""):
            return False
        try:
            date = DocumentDate.parse(text, "user")
        except ValueError as exc:
            self.show_message(f"Date not changed: {exc}.")
            self.refresh()
            return False
        self.message.hide()
        self.set_row_status(document_id, "re-dating…")
        self.date_changed.emit(document_id, date)
        return True

    def edit_language(self, document_id: str, text: str) -> bool:
        code = text.lower()
        if code == (self.workspace.analysis(document_id).document.language or ""):
            return False
        if not (code.isascii() and code.isalpha() and len(code) in (2, 3)):
            self.show_message(f"Language not changed: {text!r} is not a language code such as "
                              "'et' or 'en'.")
            self.refresh()
            return False
        self.message.hide()
        self.set_row_status(document_id, "re-analysing…")
        self.language_changed.emit(document_id, code)
        return True

    def set_row_status(self, document_id: str, status: str) -> None:
        self._filling = True
        self.table.item(self.row_of(document_id), STATUS).setText(status)
        self._filling = False

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()




def _document_cells(index: int,
                    analysis: DocumentAnalysis) -> list[tuple[QTableWidgetItem, Qt.ItemFlag]]:
    """One open document's row: its lane colour, language, date (an invitation when missing)."""
    doc = analysis.document
    date_item = QTableWidgetItem()
    if doc.date.value:
        date_item.setText(doc.date.value)
        date_item.setToolTip(plain_tooltip(
            f"{doc.date.granularity} precision, from {doc.date.source}. "
            "Double-click to change: YYYY, YYYY-MM or YYYY-MM-DD."))
    else:
        date_item.setText(NO_DATE_TEXT)
        date_item.setForeground(QBrush(palette.MISSING))
        italic = QFont(date_item.font())
        italic.setItalic(True)
        date_item.setFont(italic)
        date_item.setToolTip("Relative dates in this document cannot be placed in "
                             "time until you give its publication date.")
    title = QTableWidgetItem(doc.label)
    title.setData(Qt.ItemDataRole.UserRole, doc.id)
    title.setForeground(QBrush(palette.source_colour(index)))
    title.setToolTip(plain_tooltip(doc.path))
    lang = QTableWidgetItem(doc.language or "?")
    lang.setToolTip(plain_tooltip(f"Language ({doc.language_source}). "
                                  "Double-click to change."))
    status = "ready" if doc.date.value else "needs a date"
    if doc.date.value and doc.date.source not in ("none", "user"):
        status = f"ready · date from {doc.date.source}"
    status_item = QTableWidgetItem(status)
    if doc.encoding is not None and (note := doc.encoding.note):
        status_item.setText(f"{status} · check encoding")
        status_item.setToolTip(plain_tooltip(note))
    return [
        (title, _READ_ONLY), (lang, _EDITABLE), (date_item, _EDITABLE),
        (QTableWidgetItem(str(len(analysis.events))), _READ_ONLY),
        (QTableWidgetItem(str(len(analysis.entities))), _READ_ONLY),
        (status_item, _READ_ONLY),
    ]


def _error_cells(error: LoadError) -> list[tuple[QTableWidgetItem, Qt.ItemFlag]]:
    """A file that could not be opened: its name and why, in red."""
    name = QTableWidgetItem(Path(error.path).name)
    name.setToolTip(plain_tooltip(error.path))
    problem = QTableWidgetItem(f"not loaded: {error.message}")
    problem.setToolTip(plain_tooltip(error.message))
    for item in (name, problem):
        item.setForeground(QBrush(palette.MISSING))
    return [(name, _READ_ONLY), *_blank(4), (problem, _READ_ONLY)]


def _blank(count: int) -> list[tuple[QTableWidgetItem, Qt.ItemFlag]]:
    return [(QTableWidgetItem(""), _READ_ONLY) for _ in range(count)]
