"""The document view: follows the workspace selection, and selects through the workspace.

Selecting an event anywhere shows its document, scrolls to the passage and highlights it, with
the time expression and entities inside in their own colours. Clicking a passage selects that
event; clicking an entity selects every event that mentions it. Never imports the timeline.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.document.pane import SourceText
from timeweave.humanize import value_words
from timeweave.workspace import EventRef, Workspace


class DocumentView(QWidget):
    """One document at a time, chosen by the selection or by the analyst."""

    add_event_requested = Signal(str, int, int)  # document id, span: "add event from selection"
    merge_requested = Signal(str, str)  # entity key, into key
    split_requested = Signal(str, str, str)  # document id, entity id, new key

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(24)
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.PlainText)  # the language comes from the file
        self.info.setObjectName("documentInfo")
        self.text = SourceText()
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.info)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)

        self.chooser.currentIndexChanged.connect(self._on_chosen)
        self.text.event_clicked.connect(self._on_event_clicked)
        self.text.entity_clicked.connect(self._on_entity_clicked)
        self.text.add_event_requested.connect(self.add_event_requested)
        self.text.merge_requested.connect(self.merge_requested)
        self.text.split_requested.connect(self.split_requested)
        workspace.documents_changed.connect(self._on_documents_changed)
        workspace.selection_changed.connect(self._on_selection_changed)
        self._on_documents_changed()

    @property
    def document_id(self) -> str | None:
        return self.chooser.currentData()

    def show_document(self, document_id: str) -> None:
        index = self.chooser.findData(document_id)
        if index >= 0:
            self.chooser.setCurrentIndex(index)

    def _on_documents_changed(self) -> None:
        current = self.document_id
        self.text.known_entities = {e.key: e.label for a in self.workspace.analyses
                                    for e in a.entities}
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for analysis in self.workspace.analyses:
            doc = analysis.document
            self.chooser.addItem(doc.label, doc.id)
        self.chooser.blockSignals(False)
        index = self.chooser.findData(current)
        self.chooser.setCurrentIndex(max(index, 0))
        self._on_chosen()

    def _on_chosen(self) -> None:
        doc_id = self.document_id
        analysis = self.workspace.analysis(doc_id) if doc_id else None
        self.text.show_analysis(analysis)
        if analysis is None:
            self.info.setText("")
        else:
            doc = analysis.document
            date = value_words(doc.date.value) if doc.date.value else "no date"
            self.info.setText(f"{(doc.language or '?').upper()} · {date} · "
                              f"{len(analysis.events)} events")
        self._mark()

    def _on_selection_changed(self) -> None:
        refs = sorted(self.workspace.selection)
        if refs and refs[0].document != self.document_id and all(
            r.document != self.document_id for r in refs
        ):
            self.show_document(refs[0].document)
        self._mark()
        self.text.scroll_to_selection()

    def _mark(self) -> None:
        doc_id = self.document_id
        if doc_id is None:
            return
        events = []
        for ref in self.workspace.selection:
            if ref.document == doc_id:
                try:
                    events.append(self.workspace.event(ref))
                except KeyError:
                    continue
        self.text.mark(events, self.workspace.selected_entity)

    def _on_event_clicked(self, document_id: str, event_id: str) -> None:
        self.workspace.select([EventRef(document_id, event_id)])

    def _on_entity_clicked(self, key: str) -> None:
        self.workspace.select(self.workspace.events_with_entity(key), entity_key=key)
