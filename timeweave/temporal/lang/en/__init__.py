"""English temporal rules: the grammar in :mod:`.patterns`, a tense guess from auxiliaries.

Registered explicitly by :mod:`timeweave.temporal.lang` as ``en.LANGUAGE``.
"""

from __future__ import annotations

import re

from timeweave.temporal.base import TemporalLanguage, Tense
from timeweave.temporal.lang.en import vocab
from timeweave.temporal.lang.en.patterns import find

_SENTENCE_END = re.compile(r"[.!?;\n]\s")
_WORD = re.compile(r"[A-Za-z']+")


def guess_tense(text: str, start: int, end: int) -> Tense | None:
    """Past/present/future of the clause around a mention, from its nearest tense marker.

    Cheap on purpose (no parser): auxiliaries ("will", "was", "has"), irregular past forms and
    ``-ed`` verbs in the same sentence; the marker closest to the mention decides.
    """
    left = text.rfind("\n", 0, start)
    for match in _SENTENCE_END.finditer(text, max(left, 0, start - 300), start):
        left = match.end()
    right_match = _SENTENCE_END.search(text, end, end + 300)
    right = right_match.start() if right_match else min(len(text), end + 300)
    best: tuple[int, Tense] | None = None
    for match in _WORD.finditer(text, max(left, 0), right):
        if start <= match.start() < end:
            continue
        word = match.group(0).lower()
        tense = _word_tense(word)
        if tense is None:
            continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


def _word_tense(word: str) -> Tense | None:
    if word in vocab.FUTURE_MARKERS or word.endswith("'ll"):
        return 1
    if word in vocab.PAST_MARKERS or (word.endswith("ed") and len(word) > 4
                                      and word not in vocab.NOT_PAST):
        return -1
    if word in vocab.PRESENT_MARKERS:
        return 0
    return None


LANGUAGE = TemporalLanguage(code="en", find=find, tense=guess_tense)

__all__ = ["LANGUAGE"]
