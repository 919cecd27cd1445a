"""Help: the keyboard shortcuts (read from the window's own actions, so the list cannot go
stale) and About with the version."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from timeweave import __version__

HELP_TEXT = "helpText"  # an action property: what the shortcut list calls it
TIMELINE_KEYS = (
    ("Left / Right", "previous / next event in time"),
    ("Up / Down", "nearest event in the lane above / below"),
    ("Home", "frame where the events are"),
    ("Shift+Home", "show every event, outliers included"),
    ("+ / −, mouse wheel", "zoom in / out"),
    ("Shift+wheel, drag", "scroll the lanes, pan"),
    ("Ctrl+click", "add to the selection"),
    ("Esc", "clear the selection"),
)


def shortcuts_html(actions: Iterable[QAction]) -> str:
    """A two-column table: each action with a shortcut, then the timeline's own keys."""
    rows = []
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            label = action.property(HELP_TEXT) or action.text()  # undo's text changes
            rows.append((keys, str(label).replace("&", "").rstrip("…")))
    rows += [(f"{keys} (timeline)", what) for keys, what in TIMELINE_KEYS]
    body = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(w)}</td>"
                   "</tr>" for k, w in rows)
    return f"<table cellspacing='2'>{body}</table>"


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> QMessageBox:
    """The shortcuts in a window that does not block the work behind it."""
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", shortcuts_html(actions),
                      QMessageBox.StandardButton.Close, parent)
    box.setModal(False)
    box.open()
    return box


def about_html() -> str:
    return (f"<h3>Timeweave {html.escape(__version__)}</h3>"
            "<p>News sources side by side on one timeline: time expressions normalised against "
            "each document's publication date, entities and events, and what the sources "
            "share across languages.</p><p>Everything runs offline on this computer.</p>"
            "<p>MIT licence.</p>")


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, "About Timeweave", about_html(),
                      QMessageBox.StandardButton.Close, parent)
    box.setModal(False)
    box.open()
    return box
