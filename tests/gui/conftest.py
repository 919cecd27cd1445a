"""GUI test set-up: Qt runs offscreen, settings and recovery files go to a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402 - the platform must be chosen before Qt is imported

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from tests.gui.analyses import two_sources  # noqa: E402
from timeweave.workspace import Workspace  # noqa: E402


@pytest.fixture
def workspace() -> Workspace:
    """A workspace holding the hand-built analyses of both seeds."""
    ws = Workspace()
    ws.set_result(two_sources())
    return ws


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and the recovery folder must not touch the analyst's real files."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # Qt reads XDG_CONFIG_HOME once per process: point every later QSettings here as well.
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "config"))
