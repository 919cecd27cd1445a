"""An entity's story: pick a person, organisation or place, see every event it takes part in.

One row per story event in time order (:func:`timeweave.compare.timeline.timeline`), with a
coloured mark for each source that reports it and what the sources disagree on. Selecting a row
selects all its mentions in the workspace, so the timeline and the document view follow; the view
itself never calls them. It lists the events the workspace's filters let through, like the
timeline and the table.
"""

from __future__ import annotations

import dataclasses
import html
from collections import Counter

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.deferred import WhenShown
from gui.palette import source_colour
from gui.timeline.view import follow
from timeweave.compare.timeline import Entry
from timeweave.humanize import time_words
from timeweave.model import Event, EventTime
from timeweave.workspace import EventRef, Workspace

_COLUMNS = ("When", "Event", "Kind", "Sources", "Sources differ on")


class EntityStoryView(QWidget):
    """The chosen entity's events across every open source, each story event once."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.entity = QComboBox()
        # as wide as 16 characters whatever the names: a long one must not widen the window
        self.entity.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.entity.setMinimumContentsLength(16)
        self.entity.setToolTip("The entity whose events to list (most reported first)")
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.rows = QTreeWidget()
        self.rows.setColumnCount(len(_COLUMNS))
        self.rows.setHeaderLabels(_COLUMNS)
        self.rows.setRootIsDecorated(False)
        self.rows.setUniformRowHeights(True)
        self.rows.setIconSize(QSize(8 * 13, 10))
        header = self.rows.header()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(QLabel("Entity:"))
        top.addWidget(self.entity)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.rows)
        self.entries: list[Entry] = []
        self.entity.currentIndexChanged.connect(self._refresh)
        self.rows.itemSelectionChanged.connect(self._on_rows_selected)
        self.when_shown = WhenShown(self, self._refresh)
        follow(self, [(workspace.documents_changed, self._on_documents_changed),
                      (workspace.filter_changed, self.when_shown.request)])
        self._on_documents_changed()

    # --- model -> view -----------------------------------------------------------------

    def _on_documents_changed(self) -> None:
        """Offer every entity key, those in most sources first; keep the choice if it stays."""
        current = self.entity.currentData()
        sources: Counter[str] = Counter()
        for analysis in self.workspace.analyses:
            for key in {e.key for e in analysis.entities}:
                sources[key] += 1
        self.entity.blockSignals(True)
        self.entity.clear()
        for key, count in sorted(sources.items(), key=lambda kv: (-kv[1], kv[0].casefold())):
            self.entity.addItem(f"{key} ({count} source{'s' if count > 1 else ''})", key)
        index = self.entity.findData(current)
        self.entity.setCurrentIndex(max(index, 0))
        self.entity.blockSignals(False)
        self.when_shown.request()

    def _refresh(self) -> None:
        from timeweave.compare import keyed
        from timeweave.compare.stories import from_links
        from timeweave.compare.timeline import timeline

        key = self.entity.currentData()
        if not key:
            self.entries = []
        else:  # the events the other views show: the workspace's filters apply here too
            visible: dict[str, list[Event]] = {}
            for analysis, event in self.workspace.visible_events():
                visible.setdefault(analysis.document.id, []).append(event)
            analyses = [
                dataclasses.replace(a, events=visible.get(a.document.id, []))
                for a in self.workspace.analyses
            ]
            entities = keyed(analyses)
            stories = from_links(analyses, self.workspace.links, entities)
            self.entries = timeline(analyses, stories, {key}, entities)
        self._fill()

    def _fill(self) -> None:
        order = {a.document.id: i for i, a in enumerate(self.workspace.analyses)}
        names = {a.document.id: a.document.label for a in self.workspace.analyses}
        self.rows.clear()
        for entry in self.entries:
            item = QTreeWidgetItem([
                time_words(EventTime(entry.earliest, entry.latest, entry.value)),
                entry.label,
                entry.category.replace("_", " or "),
                str(len(entry.documents)),
                "; ".join(f"{d.kind}: " + " vs ".join(v for _, v in d.values)
                          for d in entry.disagreements),
            ])
            reporters = "\n".join(html.escape(names[d]) for d in entry.documents)
            item.setToolTip(3, f"<p style='white-space:pre'>Reported by:\n{reporters}</p>")
            item.setIcon(3, _marks([source_colour(order[d]) for d in entry.documents]))
            if entry.disagreements:
                item.setText(4, "⚠ " + item.text(4))
            self.rows.addTopLevelItem(item)
        shared = sum(len(e.documents) > 1 for e in self.entries)
        self.summary.setText(
            f"{len(self.entries)} events, {shared} told by more than one source"
            if self.entries else "No events for this entity"
        )

    # --- view -> model -----------------------------------------------------------------

    def _on_rows_selected(self) -> None:
        rows = {self.rows.indexOfTopLevelItem(item) for item in self.rows.selectedItems()}
        refs = {
            EventRef(document, event)
            for row in rows
            for document, event in self.entries[row].mentions
        }
        if refs:
            self.workspace.select(refs, entity_key=self.entity.currentData())

    def choose(self, key: str) -> bool:
        """Show ``key``'s story (the search and the entity lists call this); False if absent."""
        index = self.entity.findData(key)
        if index >= 0:
            self.entity.setCurrentIndex(index)
        return index >= 0


def _marks(colours: list[QColor]) -> QIcon:
    """One dot per reporting source, in the source's colour (the timeline's lane colour)."""
    size, gap = 10, 3
    shown = colours[:8]
    pixmap = QPixmap(max(len(shown), 1) * (size + gap), size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for index, colour in enumerate(shown):
        painter.setBrush(colour)
        painter.setPen(colour.darker(130))
        painter.drawEllipse(index * (size + gap), 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)
