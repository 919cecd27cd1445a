"""Estonian event triggers, per the Estonian TimeML conventions, from the morphology alone.

Every verb of a clause is an event (:mod:`timeweave.lang.et.verbs` finds them from their
endings and a stem lexicon); "olema" is a STATE, "võima", "pidama", "tohtima" and "saama"/"tulema"
with a da-infinitive are MODAL; a compound verb is one event with several words: the particle
("leppisid kokku", "tagasi minema"), the negation ("ei tulnud", "pole olnud") and a light verb with
its event noun ("kandnud ... kaotusi"); the "on" of "on kandnud" belongs to the main verb. Nouns
that name a situation are events too: the -mine/-us/-ng nouns of a known verb ("kohtumine",
"läbirääkimisi", "kaotusi") and a lexicon of others with their compounds ("sõda", "kodusõja",
"rünnak"). Roles come from case endings and word order (Estonian puts the finite verb second):
the nominative name before the verb or right after it is the agent, a partitive or genitive name
the patient, a place name in a locative case the place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import get_args

from spacy.tokens import Doc, Span

from timeweave.events.base import CATEGORIES, Category, Mood, Tense, Trigger
from timeweave.lang.et import verbs
from timeweave.lang.et.morphology import paradigm, stems
from timeweave.lang.et.verbs import FINITE, VerbReading
from timeweave.lang.et.vocab import words
from timeweave.model import EventClass, ParticipantRole

# Separable verb particles; the ones that are also postpositions ("läbi", "vastu", "üle",
# "alla", "juurde", "peale") join a verb only when they stand right beside it.
_PARTICLES = words(
    "kokku välja ära üles tagasi edasi sisse maha kinni lahti kaasa ette esile ringi "
    "kätte korda pihta vabaks omaks teoks osaks"
)
_POSTPOSITION_PARTICLES = words("läbi vastu üle alla juurde peale järele ümber taha")
# Words that are particles only in set phrases ("kiitis heaks", "leidis aset", "võttis osa",
# "viis ellu", "sai surma"); elsewhere they are nouns or adjectives ("osa inimesi").
_LEXICAL_PARTICLES = words("heaks aset osa ellu selgeks teatavaks surma viga süüdi õigeks ametisse")
_PREFIXES = _PARTICLES | _POSTPOSITION_PARTICLES  # written together in nouns: "läbirääkimised"
_MODALS = frozenset({"võima", "pidama", "tohtima", "pruukima"})
_MODAL_WITH_INFINITIVE = frozenset({"saama", "tulema"})  # "saab teha", "tuleb teha"
_LIGHT_VERBS = frozenset({"kandma", "pidama", "tegema", "andma", "viima", "korraldama"})
_REPORTING_NOUNS = {"sõnul": "ütlema", "teatel": "teatama", "andmetel": "teatama"}
# Words that open a new clause (besides punctuation): roles and particles stay inside one.
_CLAUSE_WORDS = words("et kui sest kuid aga kuna kuigi nagu kes mis mida mille kus")
_CLAUSE_MARKS = frozenset(',;:()[]"“”„«»–—')
_QUOTES = frozenset('"“”„«»')
_FUTURE_WORDS = words(
    "homme ülehomme tulevikus edaspidi järgmisel järgmise järgmiseks tuleval tuleva peagi varsti"
)
_CONJUNCTIONS = frozenset({"ja", "ning", "ega", "ehk", "või"})
_ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP", "MISC"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset({"Ine", "Ela", "Ill", "Ade", "Abl", "All"})
# Verbs that take the -ma supine: "hakkab tegema", "läks vaatama", "pidi minema".
_SUPINE_GOVERNORS = words(
    "hakkama minema tulema jääma pidama sundima kutsuma õppima asuma panema saatma kippuma"
)
_EMBEDDING_CLASSES = frozenset({"REPORTING", "I_STATE", "I_ACTION"})
_GOVERNING_CLASSES = frozenset({"I_ACTION", "I_STATE", "MODAL", "ASPECTUAL", "REPORTING"})
# Deverbal nouns of a known verb: stem + "ma" (-mine, -ng) or stem + vowel + "ma" (-us).
_MINE = re.compile(r"^(?P<stem>[a-zõäöüšž]{2,}?)(?:mine|mis(?:e|te)[a-zõäöü]{0,4}|mist|misi)$")
_US = re.compile(r"^(?P<stem>[a-zõäöüšž]{3,}?)(?:us|use[a-zõäöü]{0,4}|ust|usi|uste[a-zõäöü]{0,3})$")
_NG = re.compile(r"^(?P<stem>[a-zõäöüšž]{3,}?)ng(?:|u|ut|ud|uid|ute|u[ls]t?|ule|uks|uga)$")
# Adjectives in -mine/-mise that are no nouns of action: keskmine, järgmine, eelmine, ...
_MINE_ADJECTIVES = words("kesk järg eel alu üle tagu ees sise väli äär kõrval")
# -us nouns that name a point or a part, not a happening: "aasta alguses", "raja alguses".
_NOT_DEVERBAL = words("alg")
_MIN_COMPOUND_HEAD = 4  # "sõja" in "kodusõja"; shorter heads would match inside other words


@dataclass(frozen=True)
class _Entry:
    event_class: EventClass
    category: Category


@dataclass(frozen=True)
class _NounEntry:
    lemma: str
    entry: _Entry
    tense: Tense = "none"


def _entry(event_class: str, category: str, where: str) -> _Entry:
    """A lexicon line's class ("-": OCCURRENCE) and category, checked against the contract."""
    if category not in CATEGORIES or event_class not in ("-", *get_args(EventClass)):
        raise ValueError(f"{where}: unknown class or category")
    return _Entry("OCCURRENCE" if event_class == "-" else event_class, category)  # type: ignore[arg-type]


def _lines(name: str) -> list[list[str]]:
    text = resources.files("timeweave.lang.et").joinpath(name).read_text("utf-8")
    return [line.split() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def verb_lexicon() -> dict[str, _Entry]:
    """Verb lemma ("ütlema", or "kokku leppima" for a particle verb) -> class and category."""
    return {" ".join(f[:-2]): _entry(f[-2], f[-1], " ".join(f)) for f in _lines("event_verbs.txt")}


@cache
def noun_lexicon() -> dict[str, _NounEntry]:
    """Every case form of the listed event nouns -> the noun and its class and category."""
    out: dict[str, _NounEntry] = {}
    for fields in _lines("event_nouns.txt"):
        parts = ["" if part == "." else part for part in fields[:5]]
        entry = _NounEntry(fields[0], _entry(fields[5], fields[6], " ".join(fields)))
        for form in paradigm(stems(*parts)):
            out.setdefault(form, entry)
    return out


@lru_cache(maxsize=65536)
def noun(word: str) -> _NounEntry | None:
    """An event noun: listed, a compound of a listed one, or a deverbal noun of a known verb."""
    nouns = noun_lexicon()
    if word in nouns:
        return nouns[word]
    for cut in range(3, len(word) - _MIN_COMPOUND_HEAD + 1):
        head = nouns.get(word[cut:])
        if head:
            return _NounEntry(word[:cut] + head.lemma, head.entry)
    known = verbs.lemmas()
    match = _MINE.match(word)
    if match:
        if match["stem"] in _MINE_ADJECTIVES:
            return None
        verb = _particle_verb(match["stem"] + "ma", known)
        if verb or word.endswith(("mine", "mise", "mised", "misel", "miseks", "misest")):
            return _NounEntry(match["stem"] + "mine", _class_of(verb or ""))
    for pattern, tails in ((_US, ("ama", "ima", "uma", "ema")), (_NG, ("ma",))):
        match = pattern.match(word)
        if match and match["stem"] not in _NOT_DEVERBAL:
            for tail in tails:
                verb = _particle_verb(match["stem"] + tail, known)
                if verb:
                    suffix = "us" if pattern is _US else "ng"
                    return _NounEntry(match["stem"] + suffix, _class_of(verb))
    return None


def _participle_noun(word: str) -> _NounEntry | None:
    """ "hukkunute", "haavatuid": participles as nouns name the event's participants, and
    the event with them, when the verb is a death, fight, flight or arrest."""
    for reading in verbs.analyse(word):
        if reading.form == "part_noun":
            entry = _class_of(reading.lemma)
            if entry.category not in ("other", "statement"):
                return _NounEntry(reading.lemma, entry, "past")  # the dead: they died
    return None


def _particle_verb(lemma: str, known: frozenset[str]) -> str | None:
    """A known verb, or a particle verb written as one word: "läbirääkima" -> "läbi rääkima"."""
    if lemma in known:
        return lemma
    for particle in _PREFIXES:
        if lemma.startswith(particle) and lemma[len(particle) :] in known:
            return f"{particle} {lemma[len(particle) :]}"
    return None


def _class_of(lemma: str) -> _Entry:
    lexicon = verb_lexicon()
    if lemma in lexicon:
        return lexicon[lemma]
    if lemma == "olema":
        return _Entry("STATE", "other")
    last = lemma.rsplit(" ", 1)[-1]
    return lexicon.get(last, _Entry("OCCURRENCE", "other"))


@dataclass(slots=True)
class _Draft:
    """A trigger being assembled; turned into a frozen :class:`Trigger` at the end."""

    head: int
    lemma: str
    reading: VerbReading | None
    tokens: set[int] = field(default_factory=set)
    entry: _Entry = _Entry("OCCURRENCE", "other")
    negated: bool = False
    tense: Tense = "none"
    mood: Mood = "none"
    roles: list[tuple[ParticipantRole, int]] = field(default_factory=list)
    embedded_by: int | None = None  # a head token until the end

    @property
    def finite(self) -> bool:
        return self.reading is not None and self.reading.form in FINITE


@dataclass(frozen=True, slots=True)
class _Name:
    """A name of the parse (``doc.ents``) with the case its last word is in (none: nominative)."""

    start: int
    end: int
    label: str
    cases: frozenset[str]


class _Text:
    """The words of a parse as plain lists, read once: spaCy makes a new ``Token`` object at
    every ``doc[i]``, and the finder looks at each word many times."""

    def __init__(self, doc: Doc, sentences: list[Span]) -> None:
        self.names = [
            _Name(s.start, s.end, s.label_, frozenset(s[-1].morph.get("Case"))) for s in doc.ents
        ]
        self.in_name = {i: name for name in self.names for i in range(name.start, name.end)}
        self.text = [t.text for t in doc]
        self.lower = [word.lower() for word in self.text]
        self.future = [i for i, word in enumerate(self.lower) if word in _FUTURE_WORDS]
        self.particles = [
            i
            for i, word in enumerate(self.lower)
            if word in _PARTICLES or word in _POSTPOSITION_PARTICLES or word in _LEXICAL_PARTICLES
        ]
        self.sent_start = [0] * len(doc)
        self.sent_end = [0] * len(doc)
        for sentence in sentences:
            start, end = sentence.start, sentence.end
            self.sent_start[start:end] = [start] * (end - start)
            self.sent_end[start:end] = [end] * (end - start)
        # clause bounds: a clause runs between punctuation marks and clause-opening words
        self.clause_start = [0] * len(doc)
        self.clause_end = [0] * len(doc)
        breaks = [w in _CLAUSE_MARKS or w in _CLAUSE_WORDS for w in self.lower]
        start = 0
        for i in range(len(doc)):
            if i == self.sent_start[i] or breaks[i - 1]:
                start = i
            self.clause_start[i] = start
        end = len(doc)
        for i in range(len(doc) - 1, -1, -1):
            if i + 1 == self.sent_end[i] or breaks[i + 1]:
                end = i + 1
            self.clause_end[i] = end

    def clause(self, i: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of the clause around token ``i``."""
        return self.clause_start[i], self.clause_end[i]


_FORM_TENSE: dict[str, tuple[Tense, Mood]] = {
    "pres": ("present", "indicative"),
    "pass_pres": ("present", "indicative"),
    "neg": ("present", "indicative"),
    "pass_neg": ("present", "indicative"),
    "past": ("past", "indicative"),
    "pass_past": ("past", "indicative"),
    "cond": ("present", "conditional"),
    "quot": ("present", "quotative"),
    "imp": ("present", "imperative"),
}


def _tense_mood(reading: VerbReading, auxiliary: str | None) -> tuple[Tense, Mood]:
    """What the form (and an "olema" auxiliary before a participle) says about time and mood."""
    form = reading.form
    if form in ("nud", "tud") or auxiliary is not None:
        aux = auxiliary or ""
        if aux.startswith("oleks") or aux == "poleks":
            return "past", "conditional"
        if aux == "olevat":
            return "past", "quotative"
        return "past", "indicative"
    return _FORM_TENSE.get(form, ("none", "none"))


class _Sentence:
    """Finds the triggers of one sentence; ``drafts`` in token order."""

    def __init__(self, sentence: Span, text: _Text) -> None:
        self.sentence = sentence
        self.t = text
        self.words = text.text[sentence.start : sentence.end]
        self.readings = verbs.find_verbs(self.words)
        self.used: set[int] = set()  # tokens already inside some trigger
        self.drafts: dict[int, _Draft] = {}

    def reading(self, i: int) -> VerbReading | None:
        """The verb reading of token ``i`` (a document index)."""
        return self.readings[i - self.sentence.start]

    def run(self) -> list[_Draft]:
        self._verbs()
        self._nouns()
        drafts = sorted(self.drafts.values(), key=lambda d: d.head)
        self._govern(drafts)
        names = self.t.names
        first = bisect_left(names, self.sentence.start, key=lambda n: n.end)
        if first < len(names) and names[first].start < self.sentence.end:  # any name here
            governors = {d.embedded_by for d in drafts}
            for draft in drafts:
                self._roles(draft, governs=draft.head in governors)
        return drafts

    # --- verbs ------------------------------------------------------------------------
    def _verbs(self) -> None:
        negations = []
        for i, reading in enumerate(self.readings, start=self.sentence.start):
            if reading is None:
                continue
            if reading.lemma == "ei":
                negations.append(i)
            else:
                self.drafts[i] = _Draft(i, reading.lemma, reading, {i})
        self._auxiliaries()
        for i in negations:
            self._negate(i)
        for draft in list(self.drafts.values()):
            self._classify(draft)
        self._particles()
        self._light_verbs()

    def _auxiliaries(self) -> None:
        """ "on kandnud", "oli suletud", "on saamas": the "olema" form is no event of its own."""
        for i, draft in sorted(self.drafts.items()):
            reading = draft.reading
            if reading is None or reading.form not in ("nud", "tud", "sup"):
                continue
            if reading.form == "sup" and not self.t.lower[i].endswith("mas"):
                continue
            aux = self._auxiliary_of(i)
            if aux is None:
                continue
            aux_reading = self.drafts.pop(aux).reading
            assert aux_reading is not None
            if reading.form == "sup":  # "on saamas": in progress, now or then
                draft.tense, draft.mood = _tense_mood(aux_reading, None)
            else:
                draft.tense, draft.mood = _tense_mood(reading, self.t.lower[aux])
            if self.t.lower[aux].startswith("pol"):
                draft.negated = True
                draft.tokens.add(aux)  # "pole tulnud": the negation is part of the trigger
            elif abs(aux - i) == 1:
                draft.tokens.add(aux)  # "on kandnud"; not across other words ("on IS hakanud")

    def _auxiliary_of(self, i: int) -> int | None:
        lo, hi = self.t.clause(i)
        for j in list(range(i - 1, lo - 1, -1)) + [i + 1]:
            if lo <= j < hi and j in self.drafts and j != i:
                other = self.drafts[j].reading
                if other and other.lemma == "olema" and other.form not in ("nud", "tud"):
                    return j
        return None

    def _negate(self, i: int) -> None:
        """ "ei" joins the next verb of its clause: "ei tulnud", "ei ole veel teinud"."""
        _, hi = self.t.clause(i)
        for j in range(i + 1, min(hi, i + 4)):
            if j in self.drafts:
                draft = self.drafts[j]
                draft.negated = True
                draft.tokens.add(i)
                if draft.reading and draft.reading.form == "nud" and draft.tense == "none":
                    draft.tense, draft.mood = "past", "indicative"  # "ei tulnud"
                if self.t.lower[i].startswith("är"):
                    draft.tense, draft.mood = "present", "imperative"  # "ära tee", "ärge minge"
                return

    def _classify(self, draft: _Draft) -> None:
        reading = draft.reading
        assert reading is not None
        if draft.tense == "none":
            draft.tense, draft.mood = _tense_mood(reading, None)
            if reading.form in ("nud", "tud"):  # a participle alone: no mood of its own;
                # "Leningradis sündinud" (born) is over, "suletud tee" (a closed road) a state
                draft.tense, draft.mood = ("past" if reading.form == "nud" else "none"), "none"
        if reading.lemma == "olema" and self.t.lower[draft.head].startswith("pol"):
            draft.negated = True
        draft.entry = _class_of(draft.lemma)
        if draft.lemma in _MODALS or (
            draft.lemma in _MODAL_WITH_INFINITIVE and self._infinitive_after(draft.head)
        ):
            draft.entry = _Entry("MODAL", "other")
        if draft.tense == "present" and self._future_in_clause(draft.head):
            draft.tense = "future"

    def _infinitive_after(self, i: int) -> int | None:
        _, hi = self.t.clause(i)
        for j in range(i + 1, min(hi, i + 4)):
            reading = self.reading(j)
            if reading and reading.form == "inf":
                return j
        return None

    def _future_in_clause(self, i: int) -> bool:
        lo, hi = self.t.clause(i)
        return any(lo <= j < hi for j in self.t.future)

    def _particles(self) -> None:
        """Attach each separable particle to its verb: the one it forms a known particle verb
        with, else the non-finite verb right after it ("tagasi minema"), else the verb before."""
        lexicon = verb_lexicon()
        particles = self.t.particles
        found = particles[bisect_left(particles, self.sentence.start) :]
        if not found or found[0] >= self.sentence.end:
            return
        taken = {t for d in self.drafts.values() for t in d.tokens}  # "ära" of "ära tee"
        for i in found:
            if i >= self.sentence.end:
                break
            word = self.t.lower[i]
            pure = word in _PARTICLES
            if i in taken:
                continue
            lo, hi = self.t.clause(i)
            # "levib üle kogu maailma": before its noun "üle" is a preposition, no particle
            ends_clause = i + 1 >= hi
            free = pure or word in _LEXICAL_PARTICLES
            candidates = [j for j in range(lo, hi) if j in self.drafts]
            known = [j for j in candidates if f"{word} {self.drafts[j].lemma}" in lexicon]
            if not free and not known:  # "läbi", "üle" alone: beside the verb, not before a noun
                near = (i - 1, i + 1) if ends_clause else (i + 1,)
                candidates = [j for j in candidates if j in near]
            if not candidates or (word in _LEXICAL_PARTICLES and not known):
                continue
            after = [j for j in candidates if j == i + 1 and not self.drafts[j].finite]
            before = [j for j in candidates if j < i]
            target = (known or after or before[-1:] or candidates)[0]
            draft = self.drafts[target]
            draft.tokens.add(i)
            draft.lemma = f"{word} {draft.lemma}"
            if draft.entry.event_class != "MODAL":
                draft.entry = _class_of(draft.lemma)

    def _light_verbs(self) -> None:
        """ "kandnud ... kaotusi", "pidasid läbirääkimisi": the event is the noun's."""
        for i, draft in list(self.drafts.items()):
            if draft.lemma not in _LIGHT_VERBS:
                continue
            lo, hi = self.t.clause(i)
            for j in range(lo, hi):
                found = None if j in self.drafts else noun(self.t.lower[j])
                if found:
                    draft.tokens.add(j)
                    draft.lemma = f"{found.lemma} {draft.lemma}"
                    draft.entry = found.entry
                    self.used.add(j)
                    break

    # --- nouns -------------------------------------------------------------------------
    def _nouns(self) -> None:
        taken = self.used | {t for d in self.drafts.values() for t in d.tokens}
        lower, text = self.t.lower, self.t.text
        for i in range(self.sentence.start, self.sentence.end):
            word = lower[i]
            if i in taken or len(word) < 3 or not word.isalpha() or text[i].isupper():
                continue
            if word in _REPORTING_NOUNS:
                self.drafts[i] = _Draft(i, word, None, {i}, _class_of(_REPORTING_NOUNS[word]))
                continue
            if i in self.t.in_name and not (i == self.sentence.start and self._lone_name(i)):
                continue  # a capital at the sentence start proves no name: "Hukkunute seas"
            found = noun(word) or _participle_noun(word)
            if found is not None:
                self.drafts[i] = _Draft(i, found.lemma, None, {i}, found.entry, tense=found.tense)

    def _lone_name(self, i: int) -> bool:
        name = self.t.in_name[i]
        return name.end - name.start == 1 and name.label == "MISC"

    # --- roles -------------------------------------------------------------------------
    def _roles(self, draft: _Draft, governs: bool) -> None:
        """Agent, patient and place from the names of the trigger's clause and their cases.

        A verb that governs an infinitive ("hakanud meenutama") leaves the object to it; a
        genitive name is an object only where no noun follows it ("Rogatšjovi sõnul" is a
        possessor).
        """
        lo, hi = self.t.clause(draft.head)
        names = self.t.names
        first = bisect_left(names, lo, key=lambda n: n.end)
        spans = [
            n
            for n in names[first : bisect_left(names, hi, key=lambda n: n.start)]
            if not draft.tokens.intersection(range(n.start, n.end))
        ]
        roles: list[tuple[ParticipantRole, int]] = []
        agent = self._agent(draft, spans)
        for name in agent:
            place = draft.reading is None and name.label in _PLACES
            roles.append(("place" if place else "agent", name.end - 1))
        for name in spans:
            if name in agent:
                continue
            if name.label in _PLACES and name.cases & _LOCATIVE:
                roles.append(("place", name.end - 1))
            elif (
                name.label in _ACTORS
                and draft.reading is not None
                and not governs
                and name.start > draft.head
                and ("Par" in name.cases or ("Gen" in name.cases and self._ends_phrase(name, hi)))
            ):
                roles.append(("patient", name.end - 1))
        draft.roles = roles

    def _ends_phrase(self, name: _Name, clause_end: int) -> bool:
        return name.end >= clause_end or name.end in self.drafts

    def _modifier(self, name: _Name) -> bool:
        """ "Vene president", "Venemaa välisministeerium": a name before a common noun of its
        phrase qualifies it (its genitive looks like a nominative) and is no subject."""
        after = name.end
        if after >= self.sentence.end or after in self.t.in_name:
            return False
        word = self.t.lower[after]
        return (
            word.isalpha()
            and self.t.text[after].islower()
            and word not in _CONJUNCTIONS
            and not any(after in d.tokens for d in self.drafts.values() if d.reading)
        )

    def _agent(self, draft: _Draft, spans: list[_Name]) -> list[_Name]:
        """The nominative names before the finite verb ("Moskva ja Ankara leppisid"), else the
        one right after it ("kinnitas kindralmajor Igor Konašenkov"); a noun's genitive name
        before it ("Venemaa rünnak")."""
        nominative = [
            s for s in spans if s.label in _ACTORS and not s.cases and not self._modifier(s)
        ]
        if draft.reading is None:
            before = [s for s in spans if s.end == draft.head and s.label in _ACTORS]
            return before[:1]
        if not draft.finite and draft.reading.form not in ("nud", "tud", "neg"):
            return []
        before = [s for s in nominative if s.end <= draft.head]
        if before:
            group = [before[-1]]
            for span in reversed(before[:-1]):
                between = self.t.lower[span.end : group[0].start]
                if len(between) == 1 and between[0] in _CONJUNCTIONS:
                    group.insert(0, span)
                else:
                    break
            return group
        after = [s for s in nominative if draft.head < s.start <= draft.head + 3]
        return after[:1]

    # --- embedding ---------------------------------------------------------------------
    def _govern(self, drafts: list[_Draft]) -> None:
        """An infinitive by the verb that governs it: the -ma supine by "hakkama", "minema" and
        the like ("hakanud meenutama"), the -da infinitive by a modal, intending, believing or
        telling verb ("lubas teha", "tuleb teha")."""
        by_head = {d.head: d for d in drafts}
        for draft in drafts:
            reading = draft.reading
            if reading is None or reading.form not in ("inf", "sup"):
                continue
            lo, _ = self.t.clause(draft.head)
            for j in range(draft.head - 1, lo - 1, -1):
                governor = by_head.get(j)
                if governor is None or governor.reading is None:
                    continue
                if reading.form == "sup":
                    fits = governor.lemma in _SUPINE_GOVERNORS
                else:
                    fits = governor.entry.event_class in _GOVERNING_CLASSES
                if fits:
                    draft.embedded_by = j
                    if governor.lemma == "hakkama" and governor.tense in ("present", "future"):
                        draft.tense = "future"  # "hakkab tegema": will do
                    break
        self._objects(drafts)

    def _objects(self, drafts: list[_Draft]) -> None:
        """An event noun after an intending verb in its clause is what is intended: "leppisid
        kokku koordineerimise süvendamises" (agreed on deepening the coordination)."""
        for governor in drafts:
            if governor.reading is None or governor.entry.event_class != "I_ACTION":
                continue
            _, hi = self.t.clause(governor.head)
            for draft in drafts:
                if (
                    governor.head < draft.head < hi
                    and draft.reading is None
                    and draft.embedded_by is None
                ):
                    draft.embedded_by = governor.head


def _embed_reports(drafts: list[_Draft], text: _Text) -> None:
    """Content of a report: the "et" clause after a reporting or believing verb, the rest of a
    sentence with "sõnul", and a quotation before or after its reporting verb."""
    pairs = _quote_pairs(text)
    heads = [d.head for d in drafts]
    for draft in drafts:
        if draft.entry.event_class not in _EMBEDDING_CLASSES:
            continue
        head = draft.head
        if draft.reading is None:  # "sõnul", "teatel": the rest of the sentence
            if draft.lemma not in _REPORTING_NOUNS:
                continue
            content: range | None = range(text.sent_start[head], text.sent_end[head])
        else:
            content = _et_clause(text, head)
            if content is None and draft.entry.event_class == "REPORTING":
                content = _quotation(text, head, pairs) or _said_after(text, head)
        if content is None:
            continue
        for n in range(bisect_left(heads, content.start), bisect_left(heads, content.stop)):
            other = drafts[n]
            if other is not draft and other.embedded_by is None:
                other.embedded_by = draft.head


def _et_clause(text: _Text, i: int) -> range | None:
    """ ", et ..." right after the verb's clause, to the end of the sentence."""
    end = text.sent_end[i]
    for j in range(i + 1, min(end, i + 6)):
        if text.lower[j] == "et" and text.text[j - 1] == ",":
            return range(j + 1, end)
        if text.text[j] in _CLAUSE_MARKS and text.text[j] != ",":
            return None
    return None


def _said_after(text: _Text, i: int) -> range | None:
    """ "Hukkunute seas on ..., lisati avalduses": the sentence before ", <reporting verb>"."""
    if i > text.sent_start[i] + 1 and text.text[i - 1] == ",":
        return range(text.sent_start[i], i - 1)
    return None


def _quote_pairs(text: _Text) -> dict[int, int]:
    """Each quote mark's partner (opening <-> closing), paired in order within a paragraph."""
    pairs: dict[int, int] = {}
    opened: int | None = None
    for i, word in enumerate(text.text):
        if "\n" in word:
            opened = None  # a stray mark never pairs across a paragraph break
        elif word in _QUOTES:
            if opened is None:
                opened = i
            else:
                pairs[opened], pairs[i] = i, opened
                opened = None
    return pairs


def _quotation(text: _Text, i: int, pairs: dict[int, int]) -> range | None:
    """The quotation that ends just before the verb ('"...," kinnitas X') or starts just after
    it ('ütles Putin: "..."'), across sentences."""
    j = i - 1
    while j >= 0 and text.text[j] in {",", "-", "–"}:
        j -= 1
    if j >= 0 and pairs.get(j, j) < j:
        return range(pairs[j] + 1, j)
    for j in range(i + 1, min(text.sent_end[i], i + 5)):
        if pairs.get(j, -1) > j:
            return range(j + 1, pairs[j])
    return None


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every Estonian event mention of a parsed document, in text order (see the module doc)."""
    sentences = list(doc.sents)
    text = _Text(doc, sentences)
    drafts: list[_Draft] = []
    for sentence in sentences:
        drafts += _Sentence(sentence, text).run()
    _embed_reports(drafts, text)
    index = {d.head: n for n, d in enumerate(drafts)}
    return [
        Trigger(
            tokens=tuple(sorted(d.tokens)),
            head=d.head,
            lemma=d.lemma,
            event_class=d.entry.event_class,
            category=d.entry.category,
            negated=d.negated,
            tense=d.tense,
            mood=d.mood,
            roles=tuple(d.roles),
            embedded_by=index.get(d.embedded_by) if d.embedded_by is not None else None,
        )
        for d in drafts
    ]
