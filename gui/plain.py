"""Document content shown as written, never as markup.

Titles, file names, event passages and entity names come from the documents and the project
files, so they may contain ``<img src=…>`` or ``<b>``. Qt guesses whether a label or a tooltip
is rich text; a guess of "rich" would render that markup (and load a local image). Labels are
set to plain text where they are made; tooltips have no such setting, so their text is turned
into rich text that says exactly the plain text.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally (escaped, line breaks kept, words wrapped)."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


def escaped(text: str) -> str:
    """``text`` for the inside of a rich-text label (one that also uses ``<b>``)."""
    return html.escape(text, quote=False)
