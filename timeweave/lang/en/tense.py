"""Which side of the DCT an English clause looks to: cues from auxiliaries and verb forms.

No parser, on purpose (it has to be cheap): the sentence around a mention is cut into words and
each word that marks tense votes with its distance to the mention; the nearest vote decides.
Words before a mention weigh more than words after it, because the verb an English time
adverbial modifies usually precedes it ("said Friday", "will meet Bush on Thursday"); words
after a following comma count only when nothing before the mention spoke ("On Tuesday, the
ministers met"). Context
turns some words into cues or out of them:

* future: modals ("will", "would", "'ll"), "be to"/"be set to"/"be due to" + verb, "going to",
  plans ("planned to", "planning a rally"), expectations, a progressive ("is leaving
  Tuesday"), "as soon as"/"as early as" right before the mention, and "until" after a
  present or a rescheduling verb ("has until Friday", "postponed until Tuesday");
* past: past forms, ``-ed`` verbs (not adjectives after a determiner or passives after "be"),
  and a past perfect over a plan ("had been scheduled to expire Friday");
* none: a possessive or attributive mention ("Wednesday's ruling", "a June agreement") is a
  noun's modifier, not the clause's adverbial, so the clause's tense says nothing about it.
"""

from __future__ import annotations

import re

from timeweave.lang.en import vocab
from timeweave.temporal.base import Tense

_SENTENCE_END = re.compile(r"[.!?;\n]\s")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_REACH = 300
_AFTER_WEIGHT = 3
_EARLY = re.compile(r"\b(?:as\s+(?:soon|early)\s+as|effective)\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?['’]s\b")

_UNTIL = re.compile(r"\b(?:until|till)\s+$", re.IGNORECASE)
_RESCHEDULED = re.compile(r"\b(?:postpon|delay|extend|adjourn|defer|put\s+off)\w*\b",
                          re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the|its|their|his|her|our)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")

Token = tuple[int, int, str]


def guess_tense(text: str, start: int, end: int) -> Tense | None:
    """Past (-1), present (0) or future (+1) of the clause around ``text[start:end]``."""
    left = text.rfind("\n", 0, start)
    for match in _SENTENCE_END.finditer(text, max(left, 0, start - _REACH), start):
        left = match.end()
    left = max(left, 0)
    if _EARLY.search(text, max(left, start - 20), start):
        return 1
    if _POSSESSIVE.match(text, end) or (_DETERMINER_BEFORE.search(text, max(left, start - 8), start)
                                        and _NOUN_AFTER.match(text, end)):
        return None
    right_match = _SENTENCE_END.search(text, end, end + _REACH)
    right = right_match.start() if right_match else min(len(text), end + _REACH)
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, left, right)]
    best: tuple[int, Tense] | None = None
    comma = text.find(",", end, right)
    for index, (token_start, token_end, _) in enumerate(tokens):
        if start <= token_start < end:
            continue
        if best is not None and token_start >= end and 0 <= comma < token_start:
            break  # past a comma after the mention: another clause ("by May, invited")
        tense = _token_tense(text, tokens, index)
        if tense is None:
            continue
        distance = start - token_end if token_end <= start \
            else _AFTER_WEIGHT * (token_start - end)
        if best is None or distance < best[0]:
            best = (distance, tense)
    tense = best[1] if best else None
    # "has given them until Tuesday", "postponed until Tuesday": a state that lasts from now,
    # or a date moved later, ends ahead of the DCT.
    if _UNTIL.search(text, max(left, start - 8), start) \
            and (tense in {None, 0} or _RESCHEDULED.search(text, left, start)):
        return 1
    return tense


def _token_tense(text: str, tokens: list[Token], index: int) -> Tense | None:
    """The tense one word marks, given its neighbours."""
    word = tokens[index][2]
    before = tokens[index - 1][2] if index else ""
    after = tokens[index + 1][2] if index + 1 < len(tokens) else ""
    if word in vocab.PLAN_WORDS:
        if before == "had" or (before == "been" and index > 1 and tokens[index - 2][2] == "had"):
            return -1  # "had been scheduled to expire Friday": the plan was overtaken
        if word.startswith("plan") and after not in vocab.PLAN_OBJECTS:
            return None if word in {"plan", "plans"} else -1  # a noun, or a past verb
        if word == "due" and after == "to" and before not in vocab.BE_FORMS:
            return None  # "fell due to the strike": a cause, not a schedule
        if word == "set" and after != "to":
            return None  # "set aside": a past or present verb, not "set to resume"
        return 1
    if word in vocab.FUTURE_MARKERS or word.endswith("'ll"):
        return 1
    if word == "to" and before in vocab.BE_FORMS and after and after not in vocab.MODIFIERS:
        return 1  # "is to resume trading"
    if word == "going":
        return 1 if after == "to" else None
    if word.endswith("ing") and before in vocab.PRESENT_BE:
        return 1  # a progressive with a date is a plan: "is leaving Tuesday"
    if word in vocab.BE_FORMS and after in vocab.PLAN_WORDS:
        return None  # "were planning to": the plan decides, not its auxiliary
    if before in {"be", "being"}:
        return None  # a passive after a modal: "will be named", "would be held"
    if word in vocab.PAST_MARKERS:
        return -1
    if word.endswith("ed") and len(word) > 4 and word not in vocab.NOT_PAST \
            and text[tokens[index][0]].islower() and before not in vocab.MODIFIERS \
            and not word.startswith("un"):
        return -1  # not an adjective: "the revised plan", "still unspecified"
    if word in vocab.PRESENT_MARKERS:
        return 0
    return None
