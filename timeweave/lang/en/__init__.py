"""English temporal rules: the grammar in :mod:`.patterns`, a tense guess in :mod:`.tense`.

Registered explicitly by :mod:`timeweave.lang` as ``en.LANGUAGE``.
"""

from __future__ import annotations

from timeweave.lang.en.patterns import find
from timeweave.lang.en.tense import guess_tense
from timeweave.temporal.base import TemporalLanguage

LANGUAGE = TemporalLanguage(code="en", find=find, tense=guess_tense)

__all__ = ["LANGUAGE", "guess_tense"]
