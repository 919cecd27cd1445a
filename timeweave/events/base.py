"""The contract between per-language event finders (``timeweave.lang.<code>.events``) and the
language-independent event layer (:mod:`timeweave.events`).

A language package only *finds* event triggers in a parse and says what its grammar shows about
each: TimeML class, analyst category, negation, tense and mood, the words that fill its roles, and
which other trigger embeds it ("said" embeds "fled"). Everything that does not depend on the
language - character spans, entity ids for the role fillers, modality, time anchoring, JSON - is
done once, in :mod:`timeweave.events`, so an English and an Estonian event compare field by field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from timeweave.model import EventClass, ParticipantRole

# The analyst's kinds, the same in every language. Chosen from what news comparison turns on
# (the coarse ACE/ERE event types analysts already know: conflict, movement, life, contact,
# justice, transaction, personnel) merged to a set one can filter by at a glance; "statement"
# is the reporting and communication events, "other" the rest, so every event has exactly one.
Category = Literal[
    "conflict",  # attack, fight, offensive, bomb, rünnak, pommitama
    "movement",  # flee, withdraw, travel, return, deploy, põgenema, lahkuma
    "death_injury",  # kill, die, wound, hukkuma, haavata
    "agreement_meeting",  # agree, sign, meet, talks, ceasefire, leppima, läbirääkimised
    "statement",  # say, warn, announce, ütlema, hoiatama
    "legal",  # arrest, charge, sentence, vahistama, kohus
    "economy",  # buy, sell, pay, trade, invest, müüma, maksma
    "politics",  # elect, vote, appoint, resign, sanction, valima
    "other",
]
CATEGORIES: tuple[Category, ...] = (
    "conflict",
    "movement",
    "death_injury",
    "agreement_meeting",
    "statement",
    "legal",
    "economy",
    "politics",
    "other",
)
Tense = Literal["past", "present", "future", "none"]  # "none": no finite verb (nouns, infinitives)
Mood = Literal["indicative", "conditional", "imperative", "quotative", "none"]


@dataclass(frozen=True)
class Trigger:
    """One event mention as a language's grammar sees it, in token indices of the parse.

    ``tokens`` are ascending token indices; a multi-word trigger may be discontinuous
    ("leppisid ... kokku", "took advantage"); ``head`` is the token whose sentence and clause the
    event belongs to. ``roles`` map a role to the head token of the word filling it (the event
    layer turns that into the entity whose span covers it). ``embedded_by`` is the index, in the
    finder's returned list, of the trigger that governs this one (a reporting verb and its
    content, "wants" and "to leave"), or ``None``.
    """

    tokens: tuple[int, ...]
    head: int
    lemma: str
    event_class: EventClass
    category: Category
    negated: bool = False
    tense: Tense = "none"
    mood: Mood = "none"
    roles: tuple[tuple[ParticipantRole, int], ...] = ()
    embedded_by: int | None = None


TriggerFinder = Callable[[Doc], list[Trigger]]
