"""Run one timeline widget on its own with synthetic analyses (``python -m gui.timeline.x``)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from timeweave.layout.synthetic import synthetic_analyses
from timeweave.model import ExtractionResult
from timeweave.workspace import Workspace


def preview(make: Callable[[Workspace], QWidget], events: int = 3000, documents: int = 6) -> None:
    """Show ``make(workspace)`` on a workspace of synthetic documents; ``events`` from argv[1]."""
    app = QApplication.instance() or QApplication(sys.argv)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else events
    workspace = Workspace()
    widget = make(workspace)
    workspace.set_result(ExtractionResult(synthetic_analyses(count, documents)))
    widget.resize(1200, 560)
    widget.show()
    app.exec()
