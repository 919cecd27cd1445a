"""Two sources side by side: linked events joined by connectors, shared entities marked in both.

What the pair shares, what only one reports and where linked events disagree come from the
core's :func:`timeweave.compare.summary`. The connectors are drawn in a strip between the texts
from the passages' on-screen positions, so they follow scrolling in either text. Clicking a
passage, an entity or a list row selects through the workspace, like the document view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, Signal
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
from gui.plain import escaped, plain_tooltip
from timeweave.workspace import EventRef, Workspace

if TYPE_CHECKING:
    from timeweave.compare import PairSummary


CHOOSER_CHARS = 24


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

    add_event_requested = Signal(str, int, int)
    merge_requested = Signal(str, str)
    split_requested = Signal(str, str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.summary: PairSummary | None = None
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
        self.titles = (QLabel(), QLabel("<b>Linked · disagreements</b>"), QLabel())
        self.only_left, self.linked, self.only_right = QListWidget(), QListWidget(), QListWidget()
        self.lists = QWidget()
        list_layout = QGridLayout(self.lists)
        list_layout.setContentsMargins(0, 0, 0, 0)
        for column, (title, items) in enumerate(
            zip(self.titles, (self.only_left, self.linked, self.only_right), strict=True)
        ):
            list_layout.addWidget(title, 0, column)
            list_layout.addWidget(items, 1, column)
            items.itemClicked.connect(self._on_item_activated)
            items.itemActivated.connect(self._on_item_activated)
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
            # Long titles must not make the dock (and so the timeline above it) wider.
            chooser.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            chooser.setMinimumContentsLength(CHOOSER_CHARS)
        for pane in self.panes:
            pane.event_clicked.connect(
                lambda doc, event: workspace.select([EventRef(doc, event)])
            )
            pane.entity_clicked.connect(
                lambda key: workspace.select(workspace.events_with_entity(key), entity_key=key)
            )
            pane.add_event_requested.connect(self.add_event_requested)
            pane.merge_requested.connect(self.merge_requested)
            pane.split_requested.connect(self.split_requested)
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
        known = {e.key: e.label for a in self.workspace.analyses for e in a.entities}
        for side, (chooser, pane) in enumerate(zip(self.choosers, self.panes, strict=True)):
            pane.known_entities = known
            chooser.blockSignals(True)
            chooser.clear()
            for analysis in self.workspace.analyses:
                doc = analysis.document
                name = doc.label
                chooser.addItem(f"{name} [{doc.language or '?'}]", doc.id)
            index = chooser.findData(previous[side])
            chooser.setCurrentIndex(index if index >= 0 else min(side, chooser.count() - 1))
            chooser.blockSignals(False)
        self.refresh()

    def linked_pairs(self) -> list[tuple[str, str]]:
        """Event links between the two chosen documents, as (left id, right id), best first."""
        if self.summary is None:
            return []
        return [(pair.a, pair.b) for pair in self.summary.linked_events]

    def shared_entities(self) -> frozenset[str]:
        """Entity keys both chosen documents mention."""
        if self.summary is None:
            return frozenset()
        return frozenset(s.key for s in self.summary.shared_entities)

    def _summarise(self) -> PairSummary | None:
        left, right = self.document_ids
        if left is None or right is None or left == right:
            return None
        from timeweave import compare

        pair = [self.workspace.analysis(left), self.workspace.analysis(right)]
        # The summary keeps, of each link, the members in this pair (a story told by a third
        # source, a rejected event), so every link goes in as it is.
        return compare.summary(pair, self.workspace.links).pairs[0]

    def refresh(self) -> None:
        self.summary = self._summarise()
        shared = self.shared_entities()
        for pane, doc_id in zip(self.panes, self.document_ids, strict=True):
            pane.show_analysis(self.workspace.analysis(doc_id) if doc_id else None)
            pane.set_shared_entities(shared)
        names = sorted(shared)
        disagreements = len(self.summary.disagreements) if self.summary else 0
        self.shared.setText(
            f"<b>{len(self.linked_pairs())}</b> linked events · <b>{disagreements}</b> "
            f"disagreements · <b>{len(names)}</b> shared entities: "
            f"{escaped(', '.join(names)) if names else '—'}"
        )
        self._fill_lists()
        self._on_selection_changed()

    def _fill_lists(self) -> None:
        for items in (self.only_left, self.linked, self.only_right):
            items.clear()
        summary = self.summary
        left, right = self.document_ids
        if summary is None or left is None or right is None:
            self.titles[0].setText("")
            self.titles[2].setText("")
            return
        self.titles[0].setText(f"<b>Only in {escaped(self._name(left))}</b> "
                               f"({len(summary.only_a)})")
        self.titles[2].setText(f"<b>Only in {escaped(self._name(right))}</b> "
                               f"({len(summary.only_b)})")
        for items, doc_id, ids in ((self.only_left, left, summary.only_a),
                                   (self.only_right, right, summary.only_b)):
            for event_id in ids:
                event = self.workspace.event(EventRef(doc_id, event_id))
                self._add_item(items, event.text, event.text, [EventRef(doc_id, event_id)])
        for problem in summary.disagreements:
            refs = [EventRef(left, problem.a), EventRef(right, problem.b)]
            self._add_item(self.linked, f"⚠ {problem.kind} differs: {problem.detail}",
                           f"{problem.a} ↔ {problem.b}", refs)
        for pair in summary.linked_events:
            text_a = self.workspace.event(EventRef(left, pair.a)).text
            text_b = self.workspace.event(EventRef(right, pair.b)).text
            self._add_item(self.linked, f"{text_a[:50]} ↔ {text_b[:50]}",
                           f"{pair.reason} (score {pair.score:.2f})",
                           [EventRef(left, pair.a), EventRef(right, pair.b)])

    @staticmethod
    def _add_item(items: QListWidget, text: str, tip: str, refs: list[EventRef]) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(plain_tooltip(tip))
        item.setData(Qt.ItemDataRole.UserRole, refs)
        items.addItem(item)

    def _name(self, document_id: str) -> str:
        doc = self.workspace.analysis(document_id).document
        return (doc.label)[:40]

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.workspace.select(item.data(Qt.ItemDataRole.UserRole))

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
