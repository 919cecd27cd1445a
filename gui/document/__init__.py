"""The document view: a source text with the selected events' passages highlighted."""

from gui.document.pane import SourceText
from gui.document.view import DocumentView

__all__ = ["DocumentView", "SourceText"]
