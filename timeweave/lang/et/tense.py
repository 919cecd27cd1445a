"""A deliberately small guess at the tense of the clause around a time expression.

Estonian has no future tense: the present form serves ("Putin kohtub neljapäeval" - will
meet), so a clause either tells of the past or speaks of what is or comes. No parser, on
purpose (it has to be cheap): the clause around a mention is cut into words, each word that
marks tense votes, and the *nearest* vote decides, because a time adverbial belongs to the
verb of its own clause, which Estonian puts right beside it ("Veebruaris kinkis",
"viibis laupäeval", "maalid müüakse sügisel") while other verbs of a long sentence stand
further off ("nad jõudsid kokkuleppele ja maalid müüakse sügisel"). The cues:

* past: a closed list of frequent past verbs, past participles in ``-nud``, 1st/3rd person
  plural past (``-sime``, ``-sid``), the impersonal past (``kuulutati``, ``toodi``), a passive
  participle after a form of "olema" ("on suletud", "oli avatud"), and the 3rd person singular
  past in ``-s`` only in the finite verb's place, right after a clause-initial mention
  ("Veebruaris kinkis"): elsewhere an ``-s`` word is as likely an inessive ("majas",
  "kliinikumis") or an ordinal ("kolmas");
* present, which speaks of what comes: present forms (``algab``, ``algavad``, ``müüakse``),
  "on" and "pole", a negated present ("ei saa"), the conditional ("algaks"), and present
  participles ("reedel 60-aastaseks saava", "sügisel saabuvaid");
* future: auxiliaries of intention ("hakkab", "kavatseb");
* any other finite form the verb lexicon (:mod:`timeweave.lang.et.verbs`) knows, when all its
  readings agree: "külastas", "kinnitati" past, "süvendavad" present, wherever they stand.

Returns ``None`` when the clause has no cue.
"""

from __future__ import annotations

import re
from functools import cache

from timeweave.lang.et import verbs
from timeweave.lang.et.vocab import LEXICON, words
from timeweave.temporal.base import Tense

# A clause ends at sentence punctuation, a line break before a line that does not go on in
# lower case (a time expression on a line of its own: "Kella 19 ajal\n\noli ..."), or a comma
# before a conjunction or a relative pronoun in any case ("millega", "kelle", "kus").
_CLAUSE_BREAK = re.compile(
    r"[.!?;:«»\"“”]|\n(?!\s*[a-zõäöüšž])"
    r"|,\s+(?:et|kui|kuid|aga|sest|ning|nagu|kuna|kuigi|mis\w*|mill\w+|kes|kell\w+|kus|kuhu|kust)"
    r"\b")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WINDOW = 120  # characters each side: a clause, rarely more

_PAST_WORDS = words(
    """oli olid olin olime olite polnud olnud ütles teatas lisas kinnitas märkis hoiatas sõnas
    rääkis selgitas tõi läks tuli sai jäi pidi võis käis tegi andis võttis hakkas algas lõppes
    toimus juhtus suri sündis alustas lõpetas otsustas kirjutas leidis nägi kuulutas valiti
    tunnistas avaldas esitas kohtus külastas nimetas"""
)
_FUTURE_WORDS = words(
    "hakkab hakkavad hakkan hakkame hakkate kavatseb kavatsevad plaanib plaanivad tuleb "
    "saab peaks toimub algab"
)
_OLEMA = words("on oli olid olnud pole polnud ei")
# Words in -b, -ti/-di or -va that are no verbs or verb forms: nouns, adverbs of place.
_NOT_VERBS = words(
    "kõrb kohati paiguti osati eriti õieti interneti kabineti paketi arvuti minuti kolmas "
    "neljas viies kuues seitsmes kaheksas üheksas kümnes")
# Time words vote on nothing ("päevad" is no verb in -vad), but the participles that modify
# a time word are verbs elsewhere ("algavad", "möödunud").
_TIME_WORDS = frozenset(form for form, readings in LEXICON.items()
                        if all(reading.kind != "rel" for reading in readings))
_IMPERSONAL_DI = words("toodi viidi loodi müüdi saadi joodi söödi öeldi tuldi mindi pandi oldi")
_IMPERSONAL_PAST = re.compile(r"[aeih]ti$")  # "kuulutati", "saadeti", "valiti", "tehti"
_PRESENT_PARTICIPLE = re.compile(r"[aeiouõäöü]va(?:d|t|id)?$")  # "saabuva", "saabuvaid"
# Finite forms only: a participle's tense depends on its auxiliary, handled above.
_FORM_TENSE: dict[str, Tense] = {"past": -1, "pass_past": -1, "pres": 1, "pass_pres": 1, "cond": 1}
_SIMPLE_PAST = re.compile(r"[^aeiouõäöü][aei]s$")  # "kinkis", "langes", "teatas"


def guess(text: str, start: int, end: int) -> Tense | None:
    """-1 past, +1 present or future, ``None`` when the clause around ``[start, end)`` gives no
    cue; the cue nearest the mention decides, and cues that disagree at one distance cancel."""
    low = max(0, start - _WINDOW)
    breaks = list(_CLAUSE_BREAK.finditer(text, low, start))
    if breaks:
        low = breaks[-1].end()
    high = min(len(text), end + _WINDOW)
    following = _CLAUSE_BREAK.search(text, end, high)
    if following:
        high = following.start()
    before = [match.group() for match in _WORD.finditer(text, low, start)][::-1]
    after = [match.group() for match in _WORD.finditer(text, end, high)]
    for distance in range(max(len(before), len(after))):
        votes = {tense for tense in (
            _word_tense(before, distance, first_verb=False),
            _word_tense(after, distance, first_verb=not before and distance == 0))
            if tense is not None}
        if votes:
            return votes.pop() if len(votes) == 1 else None
    return None


def _word_tense(outward: list[str], index: int, first_verb: bool) -> Tense | None:
    """The tense the word ``outward[index]`` marks; ``outward`` runs away from the mention on
    one side. ``first_verb``: the word right after a clause-initial mention, the place of the
    finite verb (Estonian puts it second: "Veebruaris kinkis Siff ...")."""
    if index >= len(outward):
        return None
    word = outward[index]
    if not word.islower() or word in _TIME_WORDS:
        return None
    if word in _PAST_WORDS:
        return -1
    if word in _FUTURE_WORDS:
        return 1
    neighbours = outward[index - 1] if index else "", \
        outward[index + 1] if index + 1 < len(outward) else ""
    if word in {"on", "ei", "pole"}:
        # The participle after the auxiliary, on whichever side it stands in the text.
        if any(n.endswith("nud") or (word == "on" and n.endswith(("tud", "dud")))
               for n in neighbours):
            return -1  # "on teatanud", "ei olnud", "on suletud": told as done
        return 1
    if word in _NOT_VERBS or len(word) < 4:
        return None
    if len(word) > 4 and word.endswith(("nud", "sid", "sime", "site")):
        return -1
    if word.endswith(("tud", "dud")):
        return -1 if any(n in _OLEMA for n in neighbours) else None  # else "suletud tee"
    if word in _IMPERSONAL_DI or (len(word) > 4 and _IMPERSONAL_PAST.search(word)):
        return -1
    if word.endswith(("takse", "dakse", "akse", "vad", "ks", "ksid", "b")):
        return 1
    if len(word) > 5 and _PRESENT_PARTICIPLE.search(word):
        return 1
    if first_verb and len(word) > 4 and _SIMPLE_PAST.search(word):
        return -1
    return _lexicon_tense(word)


def _lexicon_tense(word: str) -> Tense | None:
    """A verb form the verb lexicon knows, when all its readings agree: "külastas" is past
    anywhere in the clause, "kohtus" too (no noun reading is listed, so "in court" is not)."""
    return _lexicon_tenses().get(word)


@cache
def _lexicon_tenses() -> dict[str, Tense]:
    out: dict[str, Tense] = {}
    for word, readings in verbs.table().items():
        tenses = {_FORM_TENSE.get(r.form) for r in readings}
        if len(tenses) == 1 and None not in tenses:
            out[word] = tenses.pop()  # type: ignore[assignment]
    return out
