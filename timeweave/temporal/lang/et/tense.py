"""A deliberately small guess at the tense of the clause around a time expression.

Estonian has no future tense: the present form serves ("Putin kohtub neljapäeval" - will
meet), so only the past is marked by verb morphology. The guesser looks at the words of the
clause for past markers (``oli``, participles in ``-nud``/``-tud``, impersonal ``-ti``, 3rd
person ``-sid``, frequent past verbs) and future auxiliaries (``hakkab``, ``kavatseb``), and
says ``None`` when the clause has neither.
"""

from __future__ import annotations

import re

from timeweave.temporal.base import Tense
from timeweave.temporal.lang.et.vocab import words

# A line break ends a clause unless the next line goes on in lower case (text wrapped or
# laid out with a time expression on a line of its own: "Kella 19 ajal\n\noli ...").
_CLAUSE_BREAK = re.compile(
    r"[.!?;:«»\"“”]|\n(?!\s*[a-zõäöüšž])|,\s+(?:et|kui|kuid|aga|sest|mis|kes)\b")
_WORD = re.compile(r"[^\W\d_]+")
_PAST_WORDS = words(
    """oli olid olin olime olite polnud olnud ütles teatas lisas kinnitas märkis hoiatas sõnas
    rääkis selgitas tõi läks tuli sai jäi pidi võis käis tegi andis võttis hakkas algas lõppes
    toimus juhtus suri sündis alustas lõpetas otsustas kirjutas leidis nägi kuulutas valiti
    tunnistas avaldas esitas kohtus külastas"""
)
_FUTURE_WORDS = words(
    "hakkab hakkavad hakkan hakkame hakkate kavatseb kavatsevad plaanib plaanivad tuleb "
    "saab peaks toimub algab"
)
_NOT_VERBS = words("kõrb")  # the few nouns in -b
_WINDOW = 120  # characters each side: a clause, rarely more


def guess(text: str, start: int, end: int) -> Tense | None:
    """-1 past, +1 future, ``None`` when the clause around ``[start, end)`` gives no cue."""
    left = text[max(0, start - _WINDOW):start]
    right = text[end:end + _WINDOW]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    following = _CLAUSE_BREAK.search(right)
    if following:
        right = right[:following.start()]
    words = [word.lower() for word in _WORD.findall(left + " " + right) if word.islower()]
    past = sum(1 for word in words if _is_past(word))
    future = sum(1 for word in words if word in _FUTURE_WORDS)
    if past > future:
        return -1
    if future > past:
        return 1
    if past == 0 and any(_is_present(word) for word in words):
        return 1  # "Pühapäeval algavad pidustused": the present form speaks of what comes
    return None


def _is_present(word: str) -> bool:
    """3rd person and impersonal present forms: "algab", "kohtuvad", "avatakse"."""
    return len(word) > 3 and (word.endswith(("takse", "dakse", "vad")) or (
        word.endswith("b") and word not in _NOT_VERBS))


def _is_past(word: str) -> bool:
    """Past forms that are rarely anything else: a closed list and participle endings."""
    if word in _PAST_WORDS:
        return True
    return len(word) > 5 and word.endswith(("nud", "tud", "dud", "sid", "sime", "site"))
