"""Search (Ctrl+F) over the open documents' events, entities and text.

Choosing a result sets the shared workspace selection (an event; every event mentioning an
entity), so every view follows; a match in text outside any event asks the window to show
that place in its document (``text_found``), since there is no event to select.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.timeline.view import follow
from timeweave.workspace import EventRef, Workspace

MAX_RESULTS = 300
CONTEXT = 40  # characters shown either side of a text match
TYPING_PAUSE_MS = 200
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Hit:
    """One result: what kind, the line shown, and what choosing it selects or shows."""

    kind: Literal["event", "entity", "text"]
    label: str
    refs: tuple[EventRef, ...] = ()
    entity_key: str | None = None
    document: str | None = None
    start: int = 0
    end: int = 0


def find(workspace: Workspace, query: str, limit: int = MAX_RESULTS) -> list[Hit]:
    """Events whose text matches, then entities by name or key (one hit per key), then
    matches in the text outside every event; case-insensitive, at most ``limit`` hits."""
    needle = query.strip().casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    for analysis in workspace.analyses:
        name = analysis.document.label
        for event in analysis.events:
            if needle in event.text.casefold():
                hits.append(Hit("event", f"Event · {event.text} — {name}",
                                (EventRef(analysis.document.id, event.id),)))
    names: dict[str, set[str]] = {}
    for analysis in workspace.analyses:
        for entity in analysis.entities:
            if needle in entity.text.casefold() or needle in entity.key.casefold():
                names.setdefault(entity.key, set()).add(entity.text)
    for key, spellings in sorted(names.items()):
        refs = tuple(workspace.events_with_entity(key))
        shown = ", ".join(sorted(spellings)[:4])
        hits.append(Hit("entity", f"Entity · {shown} ({len(refs)} events)", refs, key))
    for analysis in workspace.analyses:
        text, folded = analysis.document.text, analysis.document.text.casefold()
        spans = [(e.start, e.end) for e in analysis.events]
        at = folded.find(needle)
        while at >= 0 and len(hits) < limit:
            end = at + len(needle)
            if not any(start <= at and end <= stop for start, stop in spans):
                snippet = " ".join(text[max(0, at - CONTEXT):end + CONTEXT].split())
                hits.append(Hit("text", f"Text · …{snippet}… — {analysis.document.label}",
                                document=analysis.document.id, start=at, end=end))
            at = folded.find(needle, end)
    return hits[:limit]


class SearchPanel(QWidget):
    """A search box and its results; choosing a result selects it everywhere."""

    text_found = Signal(str, int, int)  # document id, span of a match outside any event

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.box = QLineEdit()
        self.box.setPlaceholderText("Search text, entities and events (Ctrl+F)")
        self.box.setClearButtonEnabled(True)
        self.count = QLabel()
        self.results = QListWidget()
        self.results.setUniformItemSizes(True)
        self.hits: list[Hit] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 0)
        column.addWidget(self.box)
        column.addWidget(self.count)
        column.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.box.textChanged.connect(self._timer.start)
        self.box.returnPressed.connect(self._choose_first)
        self.results.itemClicked.connect(self.choose)
        self.results.itemActivated.connect(self.choose)
        follow(self, [(workspace.documents_changed, self.run)])

    def focus(self) -> None:
        """Put the cursor in the box with its text selected, ready to type over."""
        self.box.setFocus()
        self.box.selectAll()

    def search(self, query: str) -> list[Hit]:
        """Search now (as if typed and paused); returns the hits listed."""
        self.box.setText(query)
        self.run()
        return self.hits

    def run(self) -> None:
        self._timer.stop()
        self.hits = find(self.workspace, self.box.text())
        self.results.clear()
        for hit in self.hits:
            item = QListWidgetItem(hit.label)
            item.setToolTip(hit.label)
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        query = self.box.text().strip()
        more = " (the first ones)" if len(self.hits) >= MAX_RESULTS else ""
        self.count.setText(f"{len(self.hits)} results{more}" if query else "")

    def _choose_first(self) -> None:
        self.run()
        if self.results.count():
            self.results.setCurrentRow(0)
            self.choose(self.results.item(0))

    def choose(self, item: QListWidgetItem) -> None:
        hit: Hit = item.data(HIT_ROLE)
        if hit.kind == "text" and hit.document is not None:
            self.text_found.emit(hit.document, hit.start, hit.end)
        else:
            self.workspace.select(hit.refs, hit.entity_key)
