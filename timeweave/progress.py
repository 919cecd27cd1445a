"""Progress reporting and cancellation for long work, with no GUI in sight.

Core functions take a ``progress`` callback and a ``cancel`` token (Orange3's pattern); the GUI
wraps them in a thin Qt worker that turns callbacks into signals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[float, str], None]
"""Called with a fraction in ``[0, 1]`` and a short status message."""


class Cancelled(Exception):
    """Raised inside long work when its :class:`CancelToken` was set."""


class CancelToken:
    """A thread-safe flag that a worker checks between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled


def no_progress(fraction: float, message: str) -> None:
    """The default callback: report nothing."""


def sub_progress(progress: ProgressCallback, start: float, end: float) -> ProgressCallback:
    """Map a stage's own ``[0, 1]`` progress onto ``[start, end]`` of the whole run."""

    def report(fraction: float, message: str) -> None:
        progress(start + (end - start) * min(max(fraction, 0.0), 1.0), message)

    return report
