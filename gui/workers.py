"""Run one core function at a time off the GUI thread, as Qt signals (Orange3/Dangerzone pattern).

Core functions take ``progress`` and ``cancel`` keywords and know nothing about Qt; the runner
turns their callbacks into queued signals, so slots always run on the GUI thread. Starting a new
task cancels the running one; results of a cancelled task are dropped, never delivered late.
A streaming task also gets a ``deliver`` callback: each partial result (one document analysed)
reaches the window as a ``partial`` signal while the task still runs.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from timeweave.errors import TimeweaveError
from timeweave.progress import Cancelled, CancelToken


class _Task(QRunnable):
    """The part that runs on the pool thread; reports through the runner's signals."""

    def __init__(self, runner: TaskRunner, generation: int, function: Callable[..., Any],
                 args: tuple[Any, ...], cancel: CancelToken, streaming: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._runner = runner
        self._generation = generation
        self._function = function
        self._args = args
        self._cancel = cancel
        self._streaming = streaming

    def run(self) -> None:
        runner, generation = self._runner, self._generation

        def progress(fraction: float, message: str) -> None:
            self._cancel.check()
            runner._progress.emit(generation, fraction, message)

        def deliver(part: object) -> None:
            self._cancel.check()
            runner._partial.emit(generation, part)

        keywords: dict[str, Any] = {"progress": progress, "cancel": self._cancel}
        if self._streaming:
            keywords["deliver"] = deliver
        try:
            result = self._function(*self._args, **keywords)
        except Cancelled:
            runner._done.emit(generation, "cancelled", None)
        except TimeweaveError as exc:
            runner._done.emit(generation, "failed", str(exc))
        except Exception as exc:  # a bug in a stage must not kill the window
            detail = "".join(traceback.format_exception_only(exc)).strip()
            runner._done.emit(generation, "failed", f"Unexpected error: {detail}")
        else:
            runner._done.emit(generation, "finished", result)


class TaskRunner(QObject):
    """One background task at a time, with ``progress``, ``partial``, ``finished``, ``failed``,
    ``cancelled``."""

    progress = Signal(float, str)
    partial = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    busy_changed = Signal(bool)

    _progress = Signal(int, float, str)
    _partial = Signal(int, object)
    _done = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._cancel: CancelToken | None = None
        self._progress.connect(self._on_progress)
        self._partial.connect(self._on_partial)
        self._done.connect(self._on_done)

    @property
    def busy(self) -> bool:
        return self._cancel is not None

    def start(self, function: Callable[..., Any], *args: Any, streaming: bool = False) -> None:
        """Run ``function(*args, progress=..., cancel=...)``; cancels a task still running.

        With ``streaming``, ``function`` also gets ``deliver=...``: each value it delivers is
        emitted as ``partial`` (in order, before ``finished``; never after a cancel)."""
        if self._cancel is not None:
            self._cancel.cancel()
        self._generation += 1
        self._cancel = CancelToken()
        self._pool.start(
            _Task(self, self._generation, function, args, self._cancel, streaming)
        )
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        """Ask the running task to stop at its next progress report."""
        if self._cancel is not None:
            self._cancel.cancel()

    def forget(self) -> None:
        """Cancel the running task and drop whatever it still reports, even a result it has
        already computed (the caller did the work itself in the meantime)."""
        if self._cancel is not None:
            self._cancel.cancel()
            self._cancel = None
            self._generation += 1
            self.busy_changed.emit(False)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used on close, so no thread outlives the window)."""
        return self._pool.waitForDone(msecs)

    def _on_progress(self, generation: int, fraction: float, message: str) -> None:
        if generation == self._generation:
            self.progress.emit(fraction, message)

    def _on_partial(self, generation: int, part: object) -> None:
        cancel = self._cancel
        if generation == self._generation and cancel is not None and not cancel.cancelled:
            self.partial.emit(part)

    def _on_done(self, generation: int, outcome: str, payload: object) -> None:
        if generation != self._generation:
            return
        self._cancel = None
        self.busy_changed.emit(False)
        if outcome == "finished":
            self.finished.emit(payload)
        elif outcome == "failed":
            self.failed.emit(str(payload))
        else:
            self.cancelled.emit()
