"""Reporting cues by language, each with a language-independent class for comparison.

A class ("say", "warn", "announce", "agree", ...) lets an Estonian "hoiatas" and an English
"warned" count as the same kind of act when sources are compared.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

_ENGLISH = {
    "say": "say",
    "tell": "say",
    "add": "say",
    "continue": "say",
    "conclude": "say",
    "comment": "say",
    "reply": "say",
    "respond": "say",
    "write": "say",
    "explain": "say",
    "note": "say",
    "stress": "say",
    "emphasize": "say",
    "emphasise": "say",
    "insist": "say",
    "argue": "say",
    "state": "say",
    "claim": "say",
    "assert": "say",
    "affirm": "confirm",
    "confirm": "confirm",
    "acknowledge": "confirm",
    "admit": "confirm",
    "deny": "deny",
    "warn": "warn",
    "threaten": "warn",
    "caution": "warn",
    "announce": "announce",
    "declare": "announce",
    "report": "announce",
    "reveal": "announce",
    "agree": "agree",
    "accuse": "accuse",
    "blame": "accuse",
    "urge": "urge",
    "demand": "urge",
    "promise": "promise",
    "predict": "say",
    "suggest": "say",
}
# Estonian verb stems and the finite endings a news report uses (3rd person, passive,
# participle): "ütle" + s/sid/b/vad/ti/takse/nud.
_ESTONIAN = {
    "ütle": "say",
    "lisa": "say",
    "märki": "say",
    "nenti": "say",
    "tõde": "say",
    "rõhuta": "say",
    "rääki": "say",
    "selgita": "say",
    "kommenteeri": "say",
    "jätka": "say",
    "väiti": "say",
    "kinnita": "confirm",
    "eita": "deny",
    "hoiata": "warn",
    "ähvarda": "warn",
    "teata": "announce",
    "kuuluta": "announce",
    "süüdista": "accuse",
    "nõudi": "urge",
    "kutsu": "urge",
    "luba": "promise",
    "leppi": "agree",
}
_ESTONIAN_RE = re.compile(
    "^(" + "|".join(sorted(_ESTONIAN, key=len, reverse=True)) + ")(s|sid|b|vad|ti|takse|nud)$"
)


def cue_class(token: Token, language: str) -> str | None:
    """The class of the reporting act ``token`` expresses, or ``None`` if it reports nothing.

    "leppis kokku" (agreed) needs its particle in the same sentence; "according to" and
    "sõnul" (according to) are cues without a verb.
    """
    word = token.lower_
    if language == "et":
        if word == "sõnul":
            return "say"
        match = _ESTONIAN_RE.match(word)
        if not match:
            return None
        if match[1] == "leppi" and "kokku" not in {t.lower_ for t in token.sent}:
            return None
        return _ESTONIAN[match[1]]
    if word == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return "say"
    if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
        return _ENGLISH.get(token.lemma_.lower())
    return None


def cue_text(token: Token) -> str:
    """The cue as written, with its separated particle: "leppisid kokku", "according to"."""
    if token.lower_.startswith("lepp"):
        return f"{token.text} kokku"
    if token.lower_ == "according":
        return "according to"
    return token.text
