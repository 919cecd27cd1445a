"""Fifty generated documents (Estonian and English) through the window's own open path."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.sources import STATUS
from tests.gui.generated import write_documents
from tests.gui.seeds import wait_idle
from timeweave.workspace import EventRef

COUNT = 50
LIMIT_S = 120  # measured about 10 s on 2 cores; the limit catches a blow-up, not noise


@pytest.mark.slow
def test_fifty_documents_fill_the_sources_panel_and_the_timeline(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = write_documents(tmp_path / "docs", COUNT)
    window = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(window)
    window.show()
    started = time.perf_counter()
    window.open_files([str(p) for p in paths])
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not window.timeline.view.layout_pending, timeout=60_000)
    elapsed = time.perf_counter() - started
    ws = window.workspace
    assert ws.errors == []
    assert len(ws.analyses) == COUNT
    assert [a.document.language for a in ws.analyses] == ["et", "en"] * (COUNT // 2)
    assert all(a.document.date.value for a in ws.analyses)
    table = window.sources.table
    assert table.rowCount() == COUNT
    assert all(table.item(row, STATUS).text().startswith("ready") for row in range(COUNT))
    layout = window.timeline.view.timeline_layout
    assert {r.document for r in layout.refs} == {a.document.id for a in ws.analyses}
    assert len(layout.refs) == len(list(ws.visible_events()))  # the default filter applies
    undated = set(layout.undated)  # events of no known time (an undated noun) are in the tray
    dated = {layout.refs[i].document for i in range(len(layout.refs)) if i not in undated}
    assert len(dated) == COUNT  # every document has events on the axis, not only in the tray
    assert window.events_table.model.rowCount() == len(layout.refs)
    last = ws.analyses[-1]
    ws.select([EventRef(last.document.id, last.events[0].id)])
    assert window.document_view.document_id == last.document.id
    assert elapsed < LIMIT_S, f"{COUNT} documents took {elapsed:.1f} s"
