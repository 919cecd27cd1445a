"""The Sources panel says when a file's text encoding was a guess or bytes were replaced."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from gui.sources import SourcesPanel
from timeweave.loaders import load_document
from timeweave.model import DocumentAnalysis, ExtractionResult
from timeweave.workspace import Workspace

STATUS = 5
ESTONIAN = "Õhtul šokeeris Žürii kõiki: Tallinnas jõuti neljapäeval kokkuleppele.\n"


def test_a_guessed_or_repaired_encoding_is_marked(qtbot: QtBot, tmp_path: Path) -> None:
    files = {
        "clean.txt": ESTONIAN.encode("utf-8"),
        "legacy.txt": ESTONIAN.encode("cp1257"),
        "damaged.txt": ESTONIAN.encode("utf-8").replace(b" ", b"\xff ", 1),
    }
    analyses = []
    for number, (name, data) in enumerate(files.items(), start=1):
        (tmp_path / name).write_bytes(data)
        analyses.append(DocumentAnalysis(load_document(tmp_path / name, f"d{number}")))
    workspace = Workspace()
    workspace.set_result(ExtractionResult(analyses))
    panel = SourcesPanel(workspace)
    qtbot.addWidget(panel)
    panel.refresh()
    clean, legacy, damaged = (panel.table.item(panel.row_of(f"d{n}"), STATUS) for n in (1, 2, 3))
    assert "encoding" not in clean.text()
    assert legacy.text().endswith("check encoding")
    assert "guessed as cp1257" in legacy.toolTip()
    assert damaged.text().endswith("check encoding")
    assert "1 unreadable byte became" in damaged.toolTip()
