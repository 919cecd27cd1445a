"""Estonian temporal rules: the inflected time vocabulary, its grammar, and a tense guesser.

Registered explicitly by :mod:`timeweave.temporal` as ``et.LANGUAGE``.
"""

from __future__ import annotations

from timeweave.temporal.base import TemporalLanguage
from timeweave.temporal.lang.et.patterns import find
from timeweave.temporal.lang.et.tense import guess

LANGUAGE = TemporalLanguage(code="et", find=find, tense=guess, undated_times=True)

__all__ = ["LANGUAGE"]
