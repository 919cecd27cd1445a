"""Estonian temporal rules: the inflected time vocabulary, its grammar, and a tense guesser.

Registered explicitly by :mod:`timeweave.temporal` as ``et.LANGUAGE``.
"""

from __future__ import annotations

from timeweave.lang.et.patterns import find
from timeweave.lang.et.tense import guess
from timeweave.temporal.base import TemporalLanguage

LANGUAGE = TemporalLanguage(code="et", find=find, tense=guess, undated_times=True)

__all__ = ["LANGUAGE"]
