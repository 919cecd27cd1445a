"""The task runner: work happens off the GUI thread, reports progress, can be cancelled."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from gui.workers import TaskRunner
from timeweave.errors import DocumentError
from timeweave.progress import CancelToken, ProgressCallback


def count_slowly(steps: int, *, progress: ProgressCallback, cancel: CancelToken) -> str:
    """Real work in small steps, reporting each: the shape of every pipeline stage."""
    for step in range(steps):
        time.sleep(0.02)
        progress(step / steps, f"step {step}")
    return threading.current_thread().name


def fail(*, progress: ProgressCallback, cancel: CancelToken) -> None:
    raise DocumentError("x.pdf", "the file is damaged")


def test_runs_off_the_gui_thread_and_reports_progress(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[float] = []
    runner.progress.connect(lambda fraction, _message: seen.append(fraction))
    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.start(count_slowly, 5)
        assert runner.busy
    assert blocker.args[0] != threading.current_thread().name
    assert QThread.currentThread() is runner.thread()
    assert seen == [0.0, 0.2, 0.4, 0.6, 0.8]
    assert not runner.busy


def test_cancel_stops_the_task_and_drops_its_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[object] = []
    runner.finished.connect(results.append)
    runner.start(count_slowly, 500)
    with qtbot.waitSignal(runner.cancelled, timeout=5000):
        qtbot.wait(60)
        runner.cancel()
    qtbot.wait(100)
    assert results == []
    assert runner.wait(2000)


def test_new_task_replaces_the_running_one(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[object] = []
    runner.finished.connect(results.append)
    runner.start(count_slowly, 500)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.start(count_slowly, 2)
    qtbot.wait(100)
    assert len(results) == 1


def test_errors_become_a_message(qtbot: QtBot) -> None:
    runner = TaskRunner()
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(fail)
    assert blocker.args == ["x.pdf: the file is damaged"]
