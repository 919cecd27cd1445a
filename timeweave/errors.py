"""Errors an analyst may see. Messages name the file and the reason in plain words."""

from __future__ import annotations


class TimeweaveError(Exception):
    """Base class for errors that are reported to the user rather than crashing."""


class DocumentError(TimeweaveError):
    """A file could not be loaded as a document."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
