"""Run one timeline widget on its own with synthetic analyses (``python -m gui.timeline.x``)."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QWidget

from timeweave.layout.synthetic import synthetic_analyses
from timeweave.model import ExtractionResult
from timeweave.workspace import Workspace


def immortal_none() -> None:
    """Work around PySide6 6.12 on Python 3.11: each call of a Qt method returning void drops a
    reference to ``None`` (as if ``None`` were immortal, which it is only from Python 3.12), so
    after some thousands of paint calls the interpreter aborts with "deallocating None".
    Give ``None`` the effectively endless reference count that Python 3.12 gives it.
    """
    if sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48


def preview(make: Callable[[Workspace], QWidget], events: int = 3000, documents: int = 6) -> None:
    """Show ``make(workspace)`` on a workspace of synthetic documents; ``events`` from argv[1]."""
    immortal_none()
    app = QApplication.instance() or QApplication(sys.argv)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else events
    workspace = Workspace()
    widget = make(workspace)
    workspace.set_result(ExtractionResult(synthetic_analyses(count, documents)))
    widget.resize(1200, 560)
    widget.show()
    app.exec()
