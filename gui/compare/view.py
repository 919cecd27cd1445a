"""Two sources side by side: linked events joined by connectors, shared entities marked in both.

The connectors are drawn in a strip between the texts from the passages' on-screen positions,
so they follow scrolling in either text. Clicking a passage or an entity selects through the
workspace, like the document view.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui import palette
from gui.document.pane import SourceText
from timeweave.workspace import EventRef, Workspace


class ConnectorStrip(QWidget):
    """Curves from each linked passage on the left to its partner on the right."""

    def __init__(self, left: SourceText, right: SourceText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.right = right
        self.pairs: list[tuple[str, str, bool]] = []  # left event id, right event id, selected
        self.setMinimumWidth(48)
        self.setMaximumWidth(72)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for left_id, right_id, selected in self.pairs:
            ends = self._ends(left_id, right_id)
            if ends is None:
                continue
            start, end = ends
            path = QPainterPath(start)
            middle = (start.x() + end.x()) / 2
            path.cubicTo(QPointF(middle, start.y()), QPointF(middle, end.y()), end)
            colour = palette.CONNECTOR if selected else palette.CONNECTOR.lighter(150)
            painter.setPen(QPen(colour, 3 if selected else 1.5))
            painter.drawPath(path)
            painter.setBrush(colour)
            painter.drawEllipse(start, 3, 3)
            painter.drawEllipse(end, 3, 3)
        painter.end()

    def _ends(self, left_id: str, right_id: str) -> tuple[QPointF, QPointF] | None:
        points = []
        for pane, event_id, x in ((self.left, left_id, 0.0), (self.right, right_id, self.width())):
            if pane.analysis is None:
                return None
            found = next((e for e in pane.analysis.events if e.id == event_id), None)
            if found is None:
                return None
            rect = pane.span_rect(found.start, found.end)
            on_window = pane.viewport().mapTo(self.window(), rect.center())
            y = max(0, min(self.height(), self.mapFrom(self.window(), on_window).y()))
            points.append(QPointF(x, y))
        return points[0], points[1]


class CompareView(QWidget):
    """Choose two documents; see where they report the same thing and what they share."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.choosers = (QComboBox(), QComboBox())
        self.panes = (SourceText(), SourceText())
        self.strip = ConnectorStrip(*self.panes)
        self.shared = QLabel()
        self.shared.setWordWrap(True)
        texts = QWidget()
        grid = QGridLayout(texts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.addWidget(self.choosers[0], 0, 0)
        grid.addWidget(self.choosers[1], 0, 2)
        grid.addWidget(self.panes[0], 1, 0)
        grid.addWidget(self.strip, 1, 1)
        grid.addWidget(self.panes[1], 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.lists = QWidget()
        self.list_layout = QGridLayout(self.lists)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(texts)
        splitter.addWidget(self.lists)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.shared)
        layout.addWidget(splitter, 1)
        for chooser in self.choosers:
            chooser.currentIndexChanged.connect(self.refresh)
        for pane in self.panes:
            pane.event_clicked.connect(
                lambda doc, event: workspace.select([EventRef(doc, event)])
            )
            pane.entity_clicked.connect(
                lambda key: workspace.select(workspace.events_with_entity(key), entity_key=key)
            )
            pane.verticalScrollBar().valueChanged.connect(self.strip.update)
        workspace.documents_changed.connect(self._on_documents_changed)
        workspace.selection_changed.connect(self._on_selection_changed)
        self._on_documents_changed()

    @property
    def document_ids(self) -> tuple[str | None, str | None]:
        return self.choosers[0].currentData(), self.choosers[1].currentData()

    def set_documents(self, left: str, right: str) -> None:
        for chooser, doc_id in zip(self.choosers, (left, right), strict=True):
            chooser.setCurrentIndex(chooser.findData(doc_id))

    def _on_documents_changed(self) -> None:
        previous = self.document_ids
        for side, chooser in enumerate(self.choosers):
            chooser.blockSignals(True)
            chooser.clear()
            for analysis in self.workspace.analyses:
                doc = analysis.document
                name = doc.title or doc.path.rsplit("/", 1)[-1]
                chooser.addItem(f"{name} [{doc.language or '?'}]", doc.id)
            index = chooser.findData(previous[side])
            chooser.setCurrentIndex(index if index >= 0 else min(side, chooser.count() - 1))
            chooser.blockSignals(False)
        self.refresh()

    def linked_pairs(self) -> list[tuple[str, str]]:
        """Event links between the two chosen documents, as (left id, right id)."""
        left, right = self.document_ids
        pairs = []
        for link in self.workspace.links:
            if link.kind != "event":
                continue
            lefts = [m.id for m in link.members if m.document == left]
            rights = [m.id for m in link.members if m.document == right]
            pairs += [(a, b) for a in lefts for b in rights]
        return pairs

    def shared_entities(self) -> frozenset[str]:
        """Entity keys both chosen documents mention."""
        left, right = self.document_ids
        if left is None or right is None:
            return frozenset()
        keys = [{e.key for e in self.workspace.analysis(d).entities} for d in (left, right)]
        return frozenset(keys[0] & keys[1])

    def refresh(self) -> None:
        shared = self.shared_entities()
        for pane, doc_id in zip(self.panes, self.document_ids, strict=True):
            pane.show_analysis(self.workspace.analysis(doc_id) if doc_id else None)
            pane.set_shared_entities(shared)
        names = sorted(shared)
        self.shared.setText(
            f"<b>{len(self.linked_pairs())}</b> linked events · <b>{len(names)}</b> shared "
            f"entities: {', '.join(names) if names else '—'}"
        )
        self._on_selection_changed()
        self._fill_lists()

    def _fill_lists(self) -> None:
        while self.list_layout.count():
            widget = self.list_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        left, right = self.document_ids
        if left is None or right is None or left == right:
            return
        linked = self.linked_pairs()
        columns = (
            (f"Only in {self._name(left)}", left, {a for a, _ in linked}),
            (f"Only in {self._name(right)}", right, {b for _, b in linked}),
        )
        for column, (title, doc_id, linked_ids) in enumerate(columns):
            self.list_layout.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
            items = QListWidget()
            for event in self.workspace.analysis(doc_id).events:
                if event.id not in linked_ids:
                    item = QListWidgetItem(event.text)
                    item.setData(Qt.ItemDataRole.UserRole, EventRef(doc_id, event.id))
                    item.setToolTip(event.text)
                    items.addItem(item)
            items.itemActivated.connect(self._on_item_activated)
            items.itemClicked.connect(self._on_item_activated)
            self.list_layout.addWidget(items, 1, column)

    def _name(self, document_id: str) -> str:
        doc = self.workspace.analysis(document_id).document
        return (doc.title or doc.path.rsplit("/", 1)[-1])[:40]

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.workspace.select([item.data(Qt.ItemDataRole.UserRole)])

    def _on_selection_changed(self) -> None:
        selected = self.workspace.selection
        for pane, doc_id in zip(self.panes, self.document_ids, strict=True):
            if pane.analysis is None:
                continue
            events = [e for e in pane.analysis.events if EventRef(doc_id, e.id) in selected]
            pane.mark(events, self.workspace.selected_entity)
            pane.scroll_to_selection()
        left, right = self.document_ids
        self.strip.pairs = [
            (a, b, EventRef(left, a) in selected or EventRef(right, b) in selected)
            for a, b in self.linked_pairs()
        ]
        self.strip.update()
