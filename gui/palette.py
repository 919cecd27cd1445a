"""The colours every view uses for the same meaning, so marks read the same everywhere, in a
light and a dark scheme that follows the system (or the analyst's choice in View ▸ Theme).

Backgrounds, not bold: bold set in a QTextEdit ExtraSelection does not render (platform facts).
The named colours are changed in place when the scheme changes, so every view that reads them
at paint time follows without knowing about themes; exports paint in the light scheme
(:func:`light`), because paper is white.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

Theme = Literal["system", "light", "dark"]
THEMES: tuple[tuple[str, Theme], ...] = (("Follow the system", "system"), ("Light", "light"),
                                         ("Dark", "dark"))

SELECTED_PASSAGE = QColor()
PASSAGE = QColor()
TIMEX = QColor()
TIMEX_TEXT = QColor()
ENTITY = QColor()
ENTITY_TEXT = QColor()
SELECTED_ENTITY = QColor()
CONNECTOR = QColor()
MISSING = QColor()
ACCEPTED = QColor()  # the analyst checked it
REJECTED = QColor()  # the analyst rejected it (shown only on request, greyed)
TRIGGER = QColor()  # the words that name the event, within its selected passage
TRIGGER_QUIET = QColor()  # ... within a passage that is not selected
TRIGGER_TEXT = QColor()
# The timeline's own surfaces and ink.
BACKGROUND = QColor()
INK = QColor()
MUTED = QColor()
GRID_MINOR = QColor()
GRID_MAJOR = QColor()
LANE_ODD = QColor()
SEPARATOR = QColor()
PANEL = QColor()
SELECTION = QColor()
MIXED = QColor()  # a cluster holding several sources

_NAMES = ("SELECTED_PASSAGE", "PASSAGE", "TIMEX", "TIMEX_TEXT", "ENTITY", "ENTITY_TEXT",
          "SELECTED_ENTITY", "CONNECTOR", "MISSING", "ACCEPTED", "REJECTED", "TRIGGER",
          "TRIGGER_QUIET", "TRIGGER_TEXT", "BACKGROUND", "INK", "MUTED", "GRID_MINOR",
          "GRID_MAJOR", "LANE_ODD", "SEPARATOR", "PANEL", "SELECTION", "MIXED")
_LIGHT = ("#ffe08a", "#eef2f7", "#a9cdfb", "#1a56a0", "#bfe3b4", "#2f6b2a", "#f7b267", "#c07a1d",
          "#b3261e", "#2e7d32", "#8a939c", "#f5b945", "#d3deec", "#3b2a00", "#ffffff", "#1F2933",
          "#6B7785", "#EEF0F3", "#D3D8DE", "#F8F9FB", "#E2E6EA", "#F3F5F7", "#111111", "#5F6B7A")
_DARK = ("#6b5a1e", "#2a3340", "#24486e", "#9cc7ff", "#2d5128", "#a8dba0", "#8a5a1c", "#e0a050",
         "#ff8a80", "#66bb6a", "#6b7785", "#8a6a1a", "#2f3d50", "#ffe9b0", "#1b1f24", "#e4e8ec",
         "#9aa6b2", "#262b31", "#3a424b", "#20252b", "#323940", "#23282e", "#f5f5f5", "#8a96a3")
SCHEMES = {"light": _LIGHT, "dark": _DARK}

SOURCE_COLOURS = ("#2c6fbb", "#c4512b", "#3a8f4e", "#8a4fb5", "#b8860b", "#1f8a8a", "#a63d6b")

_current = "light"


def _set_scheme(name: str) -> None:
    global _current
    _current = name
    for attribute, value in zip(_NAMES, SCHEMES[name], strict=True):
        globals()[attribute].setRgba(QColor(value).rgba())


_set_scheme("light")


def is_dark() -> bool:
    return _current == "dark"


def source_colour(index: int) -> QColor:
    """A document's colour, by its position among the open documents."""
    colour = QColor(SOURCE_COLOURS[index % len(SOURCE_COLOURS)])
    return colour.lighter(135) if _current == "dark" else colour


@contextmanager
def light() -> Iterator[None]:
    """Paint in the light scheme (exports and the PDF report), then restore the current one."""
    previous = _current
    _set_scheme("light")
    try:
        yield
    finally:
        _set_scheme(previous)


def system_is_dark() -> bool:
    """What the desktop asks for (Qt 6.5+); unknown counts as light."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(theme: str) -> bool:
    """Use the light or dark scheme for ``theme`` ("system" follows the desktop) in the colours
    above and in the application's widgets. Returns True when dark."""
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    _set_scheme("dark" if dark else "light")
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        app.setPalette(_dark_widgets() if dark else QPalette())
    return dark


def _dark_widgets() -> QPalette:
    """A dark palette for the widgets, for desktops whose style stays light when asked."""
    roles = QPalette.ColorRole
    colours = {roles.Window: "#23282e", roles.WindowText: "#e4e8ec", roles.Base: "#1b1f24",
               roles.AlternateBase: "#20252b", roles.ToolTipBase: "#2a3038",
               roles.ToolTipText: "#e4e8ec", roles.Text: "#e4e8ec", roles.Button: "#2a3038",
               roles.ButtonText: "#e4e8ec", roles.BrightText: "#ff8a80",
               roles.Highlight: "#3d6ea8", roles.HighlightedText: "#ffffff",
               roles.Link: "#8cb8ff", roles.PlaceholderText: "#8a96a3", roles.Mid: "#3a424b",
               roles.Dark: "#15181c", roles.Light: "#3a424b", roles.Midlight: "#323940",
               roles.Shadow: "#0c0e10"}
    palette = QPalette()
    for role, value in colours.items():
        palette.setColor(role, QColor(value))
    disabled = QColor("#6b7785")
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
