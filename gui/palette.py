"""The colours every view uses for the same meaning, so marks read the same everywhere.

Backgrounds, not bold: bold set in a QTextEdit ExtraSelection does not render (platform facts).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

SELECTED_PASSAGE = QColor("#ffe08a")
PASSAGE = QColor("#eef2f7")
TIMEX = QColor("#a9cdfb")
TIMEX_TEXT = QColor("#1a56a0")
ENTITY = QColor("#bfe3b4")
ENTITY_TEXT = QColor("#2f6b2a")
SELECTED_ENTITY = QColor("#f7b267")
CONNECTOR = QColor("#c07a1d")
MISSING = QColor("#b3261e")
ACCEPTED = QColor("#2e7d32")  # the analyst checked it
REJECTED = QColor("#8a939c")  # the analyst rejected it (shown only on request, greyed)
TRIGGER = QColor("#f5b945")  # the words that name the event, within its selected passage
TRIGGER_QUIET = QColor("#d3deec")  # ... within a passage that is not selected
TRIGGER_TEXT = QColor("#3b2a00")

SOURCE_COLOURS = ("#2c6fbb", "#c4512b", "#3a8f4e", "#8a4fb5", "#b8860b", "#1f8a8a", "#a63d6b")


def source_colour(index: int) -> QColor:
    """A document's colour, by its position among the open documents."""
    return QColor(SOURCE_COLOURS[index % len(SOURCE_COLOURS)])
