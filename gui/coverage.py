"""Coverage: story events × sources — who reports what, and what only one source has.

One row per story (the mentions of one occasion in several sources, grouped from the core's
event links by :func:`timeweave.layout.stories`), one column per open document. It works for
any number of documents, where the side-by-side view shows two. Clicking a row selects the
story's mentions, clicking a source's mark selects that mention; the rows follow the shared
selection made in any other view.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import palette
from gui.deferred import WhenShown
from gui.timeline.view import follow
from timeweave.layout import describe_time, reporters, stories
from timeweave.workspace import EventRef, Workspace

FIXED = ("Event", "When", "Sources")
EVENT, WHEN, COUNT = range(len(FIXED))
SHOWN = (("All story events", 0), ("Reported by 2+ sources", 2), ("Only one source", 1))
MARK = "●"  # one per mention: a source may tell a story twice
REFS_ROLE = Qt.ItemDataRole.UserRole + 1
STRETCH_UP_TO, EVENT_WIDTH = 12, 320  # sources before the event column stops stretching


class CoverageView(QWidget):
    """A table of story events against sources, with a filter and a one-line summary."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.stories: list[tuple[EventRef, ...]] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.shown = QComboBox()
        for text, _ in SHOWN:
            self.shown.addItem(text)
        self.shown.setToolTip("Show every story event, those several sources report, or those "
                              "only one source has")
        self.table = QTableWidget()
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.shown)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 0)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        self._following = False
        self.shown.currentIndexChanged.connect(self._apply_filter)
        self.table.cellClicked.connect(self._on_cell)
        self.when_shown = WhenShown(self, self.refresh)
        follow(self, [(workspace.documents_changed, self.when_shown.request),
                      (workspace.selection_changed, self._on_selection)])
        self.refresh()

    def refresh(self) -> None:
        """Regroup the stories and refill the table (documents, links or review changed)."""
        analyses = self.workspace.analyses
        refs = [EventRef(a.document.id, e.id) for a in analyses for e in a.events]
        self.stories = stories(refs, self.workspace.links)
        columns = {a.document.id: index for index, a in enumerate(analyses)}
        table = self.table
        self._following = True
        table.clear()
        table.setColumnCount(len(FIXED) + len(analyses))
        table.setRowCount(len(self.stories))
        table.setHorizontalHeaderLabels([*FIXED, *(str(i + 1) for i in range(len(analyses)))])
        only = [0] * len(analyses)
        for index, analysis in enumerate(analyses):
            header = table.horizontalHeaderItem(len(FIXED) + index)
            header.setForeground(QBrush(palette.source_colour(index)))
            header.setData(REFS_ROLE, analysis.document.id)
        for row, story in enumerate(self.stories):
            first = self.workspace.event(story[0])
            items = [QTableWidgetItem(first.text), QTableWidgetItem(describe_time(first)
                                                                    .split(" · ")[0]),
                     QTableWidgetItem(str(reporters(story)))]
            items[EVENT].setToolTip(first.text)
            items[COUNT].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for column, item in enumerate(items):
                item.setData(REFS_ROLE, list(story))
                table.setItem(row, column, item)
            told: dict[str, list[EventRef]] = {}
            for ref in story:
                told.setdefault(ref.document, []).append(ref)
            for document, refs in told.items():
                source = columns[document]
                only[source] += len(told) == 1
                mark = QTableWidgetItem(MARK * len(refs))
                mark.setForeground(QBrush(palette.source_colour(source)))
                mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                mark.setToolTip("\n".join(self.workspace.event(r).text for r in refs))
                mark.setData(REFS_ROLE, refs)
                table.setItem(row, len(FIXED) + source, mark)
        for index, analysis in enumerate(analyses):
            table.horizontalHeaderItem(len(FIXED) + index).setToolTip(
                f"{analysis.document.label}\n{len(analysis.events)} events, {only[index]} "
                "reported by no other source")
        header = table.horizontalHeader()
        if len(analyses) > STRETCH_UP_TO:  # many sources: the event keeps readable width
            header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(EVENT, EVENT_WIDTH)
        else:
            header.setSectionResizeMode(EVENT, QHeaderView.ResizeMode.Stretch)
        for column in range(WHEN, table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        shared = sum(reporters(s) > 1 for s in self.stories)
        single = len(self.stories) - shared
        self.summary.setText(
            f"<b>{len(self.stories)}</b> story events in <b>{len(analyses)}</b> sources · "
            f"<b>{shared}</b> reported by 2 or more · <b>{single}</b> only in one source. "
            "Columns are the sources in timeline order (hover a number for its title).")
        self._following = False
        self._apply_filter()
        self._on_selection()

    def _apply_filter(self) -> None:
        wanted = SHOWN[self.shown.currentIndex()][1]
        for row, story in enumerate(self.stories):
            told = reporters(story)
            hidden = (wanted == 1 and told > 1) or (wanted == 2 and told < 2)
            self.table.setRowHidden(row, hidden)

    def visible_stories(self) -> list[tuple[EventRef, ...]]:
        """The stories the filter shows, in table order."""
        return [s for row, s in enumerate(self.stories) if not self.table.isRowHidden(row)]

    def _on_cell(self, row: int, column: int) -> None:
        item = self.table.item(row, column) or self.table.item(row, EVENT)
        if item is not None and not self._following:
            self.workspace.select(item.data(REFS_ROLE))

    def _on_selection(self) -> None:
        """Highlight the rows of the selected events without writing the selection back."""
        selected = self.workspace.selection
        rows = [row for row, story in enumerate(self.stories) if selected & set(story)]
        model = self.table.model()
        last = self.table.columnCount() - 1
        chosen = QItemSelection()
        for row in rows:
            chosen.select(model.index(row, 0), model.index(row, last))
        self._following = True
        self.table.selectionModel().select(chosen,
                                           QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            self.table.scrollToItem(self.table.item(rows[0], EVENT))
        self._following = False
