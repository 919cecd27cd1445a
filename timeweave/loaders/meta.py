"""What a format loader reports about a file besides its text."""

from __future__ import annotations

from typing import TypedDict

from timeweave.model import TextEncoding


class Meta(TypedDict, total=False):
    """``title`` and ``date`` as the file states them; ``encoding`` for formats read as text."""

    title: str
    date: str
    encoding: TextEncoding
