"""English event triggers from the spaCy parse: verbs, event nouns and predicative states.

TimeML marks an event on its head word. Every verb that names a situation is one (auxiliaries,
copulas, participles used as adjectives and prepositions such as "including" aside); a noun is
one when it is in the event lexicon (``events.tsv``: "attack", "talks", "war") or is the
nominalisation of a verb ("withdrawal" <- withdraw, "decision" <- decide, "bombing" <- bomb,
checked against the lemmatizer's own verb list); an adjective is one when it is a predicate of
state in the lexicon ("is ready", "remain responsible"). Class and category come from the
lexicon, a nominalisation inherits its verb's; the grammar gives negation, tense, mood, the
role fillers and which trigger embeds which ("said" embeds "fled", "plans" embeds "attack").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

from spacy.tokens import Doc, Token

from timeweave.events.base import CATEGORIES, Category, Mood, Tense, Trigger
from timeweave.model import EventClass, ParticipantRole

_LEXICON = Path(__file__).with_name("events.tsv")
_CLASSES = frozenset(get_args(EventClass)) - {"MODAL"}  # English has no MODAL verb class
# Dependencies under which a verb form is a modifier, not a predication: "a Bombay-based
# consultant", "the proposed merger", "including Marines", "compared with".
_MODIFIER_DEPS = frozenset({"amod", "compound", "prep", "nmod", "npadvmod", "det"})
# A governed clause: "said [that they fled]", "plans [to attack]", "saw [them leave]".
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "acl", "pcomp"})
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "conj", "appos", "attr", "agent", "npadvmod"}
)
_OBJECT_EMBEDDING_CLASSES = frozenset({"ASPECTUAL", "I_ACTION", "I_STATE"})
# Edges along which a word without a tense of its own takes its happening's.
_INHERITING_DEPS = _ARGUMENT_DEPS | {"advcl", "acl", "pcomp", "conj"}
_EMBEDDING_CLASSES = frozenset({"REPORTING", "I_ACTION", "I_STATE", "PERCEPTION", "ASPECTUAL"})
_CONDITIONAL = frozenset({"would", "could", "might", "may", "can", "should"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_HEDGES = frozenset({"perhaps", "possibly", "maybe", "reportedly"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "outside", "across", "into"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_TIME_PREPOSITIONS = frozenset(
    {"after", "before", "during", "since", "following", "amid", "until", "despite"}
)
_NOUN_COMPLEMENTS = frozenset(
    {"of", "on", "against", "by", "to", "with", "in", "for", "between", "from", "into"}
)
# Nominalising suffixes and the verb endings they replace: decision <- decide,
# withdrawal <- withdraw, investigation <- investigate, organization <- organize.
_NOMINAL_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ization", ("ize",)),
    ("isation", ("ise",)),
    ("ation", ("ate", "", "e")),
    ("ition", ("ite", "", "e")),
    ("ution", ("ute", "ve")),
    ("ption", ("pt", "be", "ve")),
    ("ssion", ("ss", "t", "de")),
    ("sion", ("de", "d", "se", "t")),
    ("tion", ("te", "t", "")),
    ("ment", ("",)),
    ("al", ("", "e")),
    ("ure", ("", "e")),
    ("ance", ("", "e")),
    ("ence", ("", "e")),
    ("ery", ("er",)),
    ("age", ("",)),
)


@dataclass(frozen=True)
class _Entry:
    event_class: EventClass | None  # None: not an event in this part of speech
    category: Category


@cache
def _lexicon() -> dict[tuple[str, str], _Entry]:
    """``(lemma, pos)`` -> entry; pos is "verb", "noun", "adj" or "any"."""
    entries: dict[tuple[str, str], _Entry] = {}
    for number, line in enumerate(_LEXICON.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, event_class, category = line.split("\t")
        cls = None if event_class == "NONE" else "OCCURRENCE" if event_class == "-" else event_class
        cat = "other" if category == "-" else category
        if (cls is not None and cls not in _CLASSES) or cat not in CATEGORIES:
            raise ValueError(f"{_LEXICON.name}:{number}: unknown class or category: {line!r}")
        if (lemma, pos) in entries:
            raise ValueError(f"{_LEXICON.name}:{number}: {lemma} {pos} listed twice")
        entries[lemma, pos] = _Entry(cls, cat)  # type: ignore[arg-type]
    return entries


def _lookup(lemma: str, pos: str) -> _Entry | None:
    lexicon = _lexicon()
    return lexicon.get((lemma, pos)) or lexicon.get((lemma, "any"))


@cache
def _known_verbs() -> frozenset[str]:
    """The English verbs the pipeline's lemmatizer knows (WordNet's verb index, shipped with it)."""
    from timeweave import nlp  # lazy: the registry imports this module before any pipeline

    lemmatizer = nlp.pipeline("en").get_pipe("lemmatizer")
    return frozenset(lemmatizer.lookups.get_table("lemma_index")["verb"])  # type: ignore[attr-defined]


def _base_verb(noun: str) -> str | None:
    """The verb a noun is formed from ("withdrawal" -> "withdraw"), if it is a nominalisation."""
    verbs = _known_verbs()
    if noun.endswith("ing") and len(noun) > 5:
        stem = noun[:-3]
        for verb in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
            if verb in verbs:
                return verb
        return None
    for suffix, endings in _NOMINAL_SUFFIXES:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            stem = noun[: -len(suffix)]
            for ending in endings:
                if stem + ending in verbs:
                    return stem + ending
            return None
    return None


def _classify(token: Token) -> _Entry | None:
    """Class and category of the event ``token`` names, or ``None`` when it names none."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            return _lookup("according", "verb") if token.nbor().lower_ == "to" else None
        if token.dep_ in _MODIFIER_DEPS or _going_to(token):
            return None
        entry = _lookup(lemma, "verb")
        if entry is None:
            return _Entry("OCCURRENCE", "other")
        return entry if entry.event_class else None
    if token.pos_ == "NOUN":
        if token.dep_ in {"compound", "nmod"}:
            return None  # "abortion clinic", "trading volume": a modifier names no event
        entry = _lookup(lemma, "noun")
        if entry is not None:
            if not (entry.event_class and _eventive(token, lexical=True)):
                return None
            if entry.event_class == "I_ACTION" and not _introduces(token):
                return _Entry("OCCURRENCE", entry.category)  # "the offer" without "to buy"
            return entry
        verb = _base_verb(lemma)
        if verb is None or not _eventive(token, lexical=False):
            return None
        base = _lookup(verb, "verb")
        if base is None:
            return _Entry("OCCURRENCE", "other")
        return base if base.event_class else None
    if token.pos_ == "ADJ" and token.dep_ in {"acomp", "oprd"}:
        entry = _lookup(lemma, "adj")
        return entry if entry and entry.event_class else None
    return None


def _eventive(token: Token, *, lexical: bool) -> bool:
    """Whether a noun that can name an event does so here.

    After "after", "during", "since" it always does. Otherwise a lexicon event noun needs a
    determiner, a possessor, a complement or the plural ("the attack", "Turkey's offensive",
    "talks"; a bare singular is mostly a kind or a quantity: "abortion", "trading"); a
    nominalisation outside the lexicon needs both a determiner and a complement ("the
    restoration of order"), as most of them name a result or a thing ("the statement").
    """
    if token.dep_ == "pobj" and token.head.lower_ in _TIME_PREPOSITIONS:
        return True
    determined = any(c.dep_ in {"det", "poss"} for c in token.children)
    complemented = any(c.dep_ == "prep" and c.lower_ in _NOUN_COMPLEMENTS for c in token.children)
    if lexical:
        return determined or complemented or token.tag_ == "NNS"
    return determined and complemented


def _introduces(token: Token) -> bool:
    """Whether a noun introduces another event: "an attempt to flee", "a call for talks"."""
    return any(
        c.dep_ in {"acl", "xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ in {"to", "for"})
        for c in token.children
    )


def _going_to(token: Token) -> bool:
    """The "going" of "is going to leave": a future auxiliary, not a movement."""
    return token.lower_ == "going" and any(
        c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in token.children
    )


def _predicate(token: Token) -> Token:
    """The word that carries the auxiliaries: the copula of "is ready", else the token itself."""
    if token.pos_ == "ADJ" and token.head.lemma_ in {"be", "become", "remain", "seem"}:
        return token.head
    return token


def _auxiliaries(token: Token) -> list[Token]:
    """Auxiliaries of the verb group, including those of "going to" and of the copula."""
    predicate = _predicate(token)
    auxes = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
    if predicate is not token:
        auxes.append(predicate)
    if token.dep_ == "xcomp" and _going_to(token.head):
        auxes += [token.head, *(c for c in token.head.children if c.dep_ == "aux")]
    return auxes


def _tense(token: Token, auxes: list[Token]) -> Tense:
    if token.pos_ == "NOUN":
        return "none"
    words = {a.lower_ for a in auxes}
    if words & _FUTURE or any(_going_to(a) for a in auxes):
        return "future"
    finite = [a for a in auxes if a.tag_ in {"VBD", "VBZ", "VBP", "MD"}] or (
        [token] if token.tag_ in {"VBD", "VBZ", "VBP"} else []
    )
    if not finite:
        return "past" if token.tag_ == "VBN" and token.dep_ in {"ROOT", "conj"} else "none"
    first = finite[0]
    if first.tag_ == "VBD":
        return "past"
    if first.lemma_ == "have" and token.tag_ == "VBN":
        return "past"  # present perfect: "has fled" is over by the time of writing
    if first.tag_ == "MD":
        return "none"
    return "present"


def _inherited_tense(token: Token, tenses: dict[int, Tense], classes: dict[int, str]) -> Tense:
    """The tense of a word with none of its own (a noun, a participle, a gerund) from the
    happening it belongs to: the subject or argument of a past event ("the attack enabled",
    "took advantage of the withdrawal"), a participle clause of it ("fled, leaving ..."); not
    what a report, plan or wish is about ("warned of attacks", "plans to leave"). A word
    before its verb is taken as its subject (English word order), which also survives a
    headline's broken parse."""
    current, subject = token, False
    while current.dep_ in _INHERITING_DEPS and current.head.i != current.i:
        subject = subject or current.dep_ in {"nsubj", "nsubjpass"}
        current = current.head
        if tenses.get(current.i, "none") != "none":
            break
        if classes.get(current.i) in _EMBEDDING_CLASSES:
            return "none"  # "to plan attacks": the attacks are planned, not past
    inherited = tenses.get(current.i, "none")
    if current.i == token.i or inherited not in {"past", "present"}:
        return "none"
    if subject or token.i < current.i or classes[current.i] not in _EMBEDDING_CLASSES:
        return inherited
    return "none"


def _mood(token: Token, auxes: list[Token]) -> Mood:
    words = {a.lower_ for a in auxes}
    hedged = any(c.lower_ in _HEDGES for c in _predicate(token).children)
    if words & _CONDITIONAL or hedged:
        return "conditional"
    if token.pos_ == "NOUN":
        return "none"
    if token.tag_ == "VB" and not auxes and token.dep_ == "ROOT":
        return "imperative"
    return "indicative"


def _negated(token: Token) -> bool:
    """ "did not attack", "is not ready", "no attack", "never returned"."""
    predicate = _predicate(token)
    for child in (*token.children, *predicate.children):
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    return False


def _conjuncts(token: Token) -> list[Token]:
    """ "Moscow and Ankara": both fill the role."""
    return [token, *(c for c in token.conjuncts if c.i > token.i)]


def _roles(token: Token) -> tuple[tuple[ParticipantRole, int], ...]:
    """Agent, patient and place from the dependency parse, as head tokens."""
    roles: list[tuple[ParticipantRole, int]] = []
    subject_of = token
    while subject_of.dep_ in {"xcomp", "conj"} and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in subject_of.children
    ):
        subject_of = subject_of.head  # "wants to leave", "fled and escaped": the shared subject
        if subject_of.head.i == subject_of.i:
            break
    for child in subject_of.children:
        if child.dep_ == "nsubj":
            filler = child.head.head if child.tag_ == "WP" and child.head.dep_ == "relcl" else child
            roles += [("agent", t.i) for t in _conjuncts(filler)]
        elif child.dep_ == "nsubjpass":
            roles += [("patient", t.i) for t in _conjuncts(child)]
    if token.dep_ == "relcl" and not roles:
        roles.append(("agent", token.head.i))  # "mercenaries who fled": the antecedent
    for child in token.children:
        if child.dep_ in {"dobj", "attr"} and token.pos_ != "NOUN":
            roles += [("patient", t.i) for t in _conjuncts(child)]
        elif child.dep_ == "agent":
            roles += [("agent", g.i) for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "poss" and token.pos_ == "NOUN":
            roles.append(("agent", child.i))  # "Turkey's offensive"
        elif child.dep_ in {"amod", "compound"} and token.pos_ == "NOUN" and child.ent_type_:
            roles.append(("agent", child.i))  # "the Turkish incursion", "the US withdrawal"
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            for obj in objects:
                if child.lower_ in _PLACE_PREPOSITIONS and obj.ent_type_ in _PLACE_TYPES:
                    roles.append(("place", obj.i))
                elif token.pos_ == "NOUN" and child.lower_ in {"on", "against", "of"}:
                    roles.append(("patient", obj.i))  # "attack on Syria", "the release of"
                elif token.pos_ == "NOUN" and child.lower_ == "by":
                    roles.append(("agent", obj.i))
    return tuple(dict.fromkeys(roles))


def _embedder(token: Token, found: dict[int, int], classes: dict[int, str]) -> int | None:
    """The trigger whose complement clause holds ``token`` ("said [that they fled]").

    Walks up the parse; a complement edge into a reporting, intensional, perception or aspectual
    trigger ends the walk, any other edge continues it ("mercenaries who fled" inside what was
    said is what was said).
    """
    current = token
    while current.head.i != current.i:
        head = current.head
        complement = current.dep_ in _COMPLEMENT_DEPS or (
            # "began the attack", "plan attacks", "prevent the resumption"
            current.dep_ == "dobj" and classes.get(head.i) in _OBJECT_EMBEDDING_CLASSES
        )
        if complement and head.i in found and classes[head.i] in _EMBEDDING_CLASSES:
            return found[head.i]
        current = head
    return None


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every event mention in an English parse, in text order."""
    chosen: list[tuple[Token, _Entry]] = []
    for token in doc:
        entry = _classify(token)
        if entry is not None:
            chosen.append((token, entry))
    found = {token.i: index for index, (token, _) in enumerate(chosen)}
    classes = {token.i: entry.event_class or "OCCURRENCE" for token, entry in chosen}
    auxiliaries = {token.i: _auxiliaries(token) for token, _ in chosen}
    tenses = {token.i: _tense(token, auxiliaries[token.i]) for token, _ in chosen}
    triggers = []
    for token, entry in chosen:
        auxes = auxiliaries[token.i]
        tense = tenses[token.i]
        if tense == "none" and auxes == [] and token.tag_ != "VB":
            tense = _inherited_tense(token, tenses, classes)
        triggers.append(
            Trigger(
                tokens=(token.i,),
                head=token.i,
                lemma=token.lemma_.lower(),
                event_class=entry.event_class or "OCCURRENCE",
                category=entry.category,
                negated=_negated(token),
                tense=tense,
                mood=_mood(token, auxes),
                roles=_roles(token),
                embedded_by=_embedder(token, found, classes),
            )
        )
    return triggers
