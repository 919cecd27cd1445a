"""A read-only source text that marks passages, the words that name each event (its trigger,
in a stronger shade within the passage), time expressions and entities, and reports clicks.

Shared by the document view and the side-by-side comparison. It paints what it is told to
(``show`` an analysis, ``mark`` a selection) and turns clicks into ``event_clicked`` /
``entity_clicked``, and its context menu into requests (add an event, merge or split an entity);
who selects or edits what is decided by its owner, through the workspace and the undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from gui import palette
from timeweave.model import DocumentAnalysis, Entity, Event


def _format(background: QColor | None = None, foreground: QColor | None = None,
            underline: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if background is not None:
        fmt.setBackground(background)
    if foreground is not None:
        fmt.setForeground(foreground)
    if underline:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    return fmt


class SourceText(QPlainTextEdit):
    """The text of one analysis with its marks. Signals carry ids, never views."""

    event_clicked = Signal(str, str)  # document id, event id
    entity_clicked = Signal(str)  # entity key
    add_event_requested = Signal(str, int, int)  # document id, span of the selected text
    merge_requested = Signal(str, str)  # entity key, the key it names the same thing as
    split_requested = Signal(str, str, str)  # document id, entity id, the mention's own key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document().setDocumentMargin(12)
        self.analysis: DocumentAnalysis | None = None
        self.selected: list[Event] = []
        self.selected_entity: str | None = None
        self.shared_keys: frozenset[str] = frozenset()  # entities the other source names too
        self.known_entities: dict[str, str] = {}  # every open entity key -> label: merge targets
        self._press_pos: int | None = None

    def show_analysis(self, analysis: DocumentAnalysis | None) -> None:
        """Load a text (only when it changed, so the reader keeps his scroll position)."""
        text = analysis.document.text if analysis else ""
        changed = self.analysis is None or analysis is None or (
            self.analysis.document.id != analysis.document.id or self.toPlainText() != text
        )
        self.analysis = analysis
        if changed:
            self.setPlainText(text)
        self.mark([e for e in self.selected if analysis and e in analysis.events],
                  self.selected_entity)

    def mark(self, events: list[Event], entity_key: str | None) -> None:
        """Highlight ``events``' passages, and every mention of ``entity_key``."""
        self.selected = sorted(events, key=lambda e: e.start)
        self.selected_entity = entity_key
        self.setExtraSelections(self._selections())

    def set_shared_entities(self, keys: frozenset[str]) -> None:
        """Mark entities also found in the compared source (the side-by-side view)."""
        self.shared_keys = keys
        self.setExtraSelections(self._selections())

    def scroll_to_selection(self) -> None:
        """Centre the first selected passage (the view follows the selection)."""
        if self.selected:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.selected[0].end)
            self.setTextCursor(cursor)
            cursor.setPosition(self.selected[0].start)
            self.setTextCursor(cursor)
            self.centerCursor()

    def span_rect(self, start: int, end: int) -> QRect:
        """Where a span is drawn, in viewport coordinates (its first line's band)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(start, len(self.toPlainText())))
        first = self.cursorRect(cursor)
        cursor.setPosition(min(end, len(self.toPlainText())))
        last = self.cursorRect(cursor)
        return first.united(last)

    def event_at(self, position: int) -> Event | None:
        """The shortest event passage around ``position`` (the most specific one)."""
        if self.analysis is None:
            return None
        hits = [e for e in self.analysis.events if e.start <= position < e.end]
        return min(hits, key=lambda e: e.end - e.start) if hits else None

    def entity_at(self, position: int) -> Entity | None:
        if self.analysis is None:
            return None
        return next(
            (e for e in self.analysis.entities if e.start <= position < e.end), None
        )

    def _selections(self) -> list[QTextEdit.ExtraSelection]:
        if self.analysis is None:
            return []
        marks: list[tuple[int, int, QTextCharFormat]] = []
        selected_spans = [(e.start, e.end) for e in self.selected]

        def inside(start: int, end: int) -> bool:
            return any(s <= start and end <= e for s, e in selected_spans)

        for event in self.analysis.events:
            marks.append((event.start, event.end, _format(palette.PASSAGE)))
        for event in self.selected:
            marks.append((event.start, event.end, _format(palette.SELECTED_PASSAGE)))
        selected_ids = {e.id for e in self.selected}
        for event in [*self.analysis.events, *self.selected]:  # the words naming the event
            if event.trigger is not None:
                colour = palette.TRIGGER if event.id in selected_ids else palette.TRIGGER_QUIET
                marks.append((*event.trigger, _format(colour, palette.TRIGGER_TEXT)))
        for timex in self.analysis.timexes:
            fmt = (_format(palette.TIMEX, palette.TIMEX_TEXT) if inside(timex.start, timex.end)
                   else _format(None, palette.TIMEX_TEXT))
            marks.append((timex.start, timex.end, fmt))
        for entity in self.analysis.entities:
            if entity.key == self.selected_entity:
                fmt = _format(palette.SELECTED_ENTITY, palette.ENTITY_TEXT, underline=True)
            elif inside(entity.start, entity.end) or entity.key in self.shared_keys:
                fmt = _format(palette.ENTITY, palette.ENTITY_TEXT)
            else:
                fmt = _format(None, palette.ENTITY_TEXT, underline=True)
            marks.append((entity.start, entity.end, fmt))
        selections = []
        for start, end, fmt in marks:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[attr-defined]
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        return selections

    def build_context_menu(self, position: QPoint) -> QMenu:
        """The standard menu plus: add an event from the selected text; merge or split the
        entity under ``position`` (viewport coordinates)."""
        menu = self.createStandardContextMenu(self.viewport().mapToGlobal(position))
        if self.analysis is None:
            return menu
        doc_id = self.analysis.document.id
        cursor = self.textCursor()
        if cursor.hasSelection():
            start, end = sorted((cursor.selectionStart(), cursor.selectionEnd()))
            menu.addSeparator()
            menu.addAction("Add event from selected text").triggered.connect(
                lambda: self.add_event_requested.emit(doc_id, start, end))
        entity = self.entity_at(self.cursorForPosition(position).position())
        if entity is not None:
            menu.addSeparator()
            same = menu.addMenu(f"“{entity.text}” is the same as")
            others = sorted((label != entity.label, key) for key, label
                            in self.known_entities.items() if key != entity.key)
            for _, key in others:
                same.addAction(key).triggered.connect(
                    lambda _=False, k=key: self.merge_requested.emit(entity.key, k))
            same.setEnabled(bool(others))
            own = entity.text if entity.text != entity.key else f"{entity.text} ({doc_id})"
            menu.addAction(f"“{entity.text}” is not {entity.key}").triggered.connect(
                lambda: self.split_requested.emit(doc_id, entity.id, own))
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.build_context_menu(event.pos()).exec(event.globalPos())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = self.cursorForPosition(event.position().toPoint()).position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click (not a drag that selects text) on an entity or a passage selects events."""
        super().mouseReleaseEvent(event)
        position = self.cursorForPosition(event.position().toPoint()).position()
        if (event.button() != Qt.MouseButton.LeftButton or self.analysis is None
                or position != self._press_pos or self.textCursor().hasSelection()):
            return
        entity = self.entity_at(position)
        if entity is not None:
            self.entity_clicked.emit(entity.key)
            return
        hit = self.event_at(position)
        if hit is not None:
            self.event_clicked.emit(self.analysis.document.id, hit.id)
