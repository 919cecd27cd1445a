"""Which kinds of events the views show by default, and the analyst's filters over kinds.

Once every verb and event noun is an event, a timeline of all of them is a flood. By default the
views show statements and the events that say something placeable or attributable: those with a
participant (an actor, a place, a role) or a time of their own (a time expression, or the
analyst's). States and modal or aspectual verbs ("is", "peaks", "began") are one switch away;
the analyst narrows further by TimeML class, category and modality. Qt-free, so the table, the
timeline and the report follow the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeweave.model import Event

QUIET_CLASSES = frozenset({"STATE", "MODAL", "ASPECTUAL"})
"""Classes hidden until the analyst asks for them: they qualify other events more than they
happen themselves."""
STATEMENT_CLASS, STATEMENT_CATEGORY = "REPORTING", "statement"

_KIND_WORDS = {
    "OCCURRENCE": "occurrence",
    "REPORTING": "reporting",
    "STATE": "state",
    "I_ACTION": "intended action",
    "I_STATE": "attitude",
    "ASPECTUAL": "aspectual",
    "PERCEPTION": "perception",
    "MODAL": "modal",
    "death_injury": "death or injury",
    "agreement_meeting": "agreement or meeting",
    "POS": "",
    "NEG": "negated",
}


def kind_words(value: str) -> str:
    """A class, category, modality or polarity as the interface says it."""
    return _KIND_WORDS.get(value, value.replace("_", " "))


def is_statement(event: Event) -> bool:
    return event.event_class == STATEMENT_CLASS or event.category == STATEMENT_CATEGORY


OWN_TIME_BASES = frozenset({"timex", "analyst"})
"""Times an event has of its own. A time inferred from the tense, the publication date or the
reporting event is given to nearly every event, so it tells nothing about what matters."""


def is_anchored(event: Event) -> bool:
    """True when the event has a participant or a time of its own: something to attribute or
    to place."""
    return bool(event.participants or event.actors or event.place
                or event.time.basis in OWN_TIME_BASES)


@dataclass(frozen=True)
class KindFilter:
    """Filters over what kind of event it is. Empty sets do not filter.

    ``show_quiet`` adds states and modal and aspectual verbs; ``show_all`` adds the events with
    neither a participant nor a time. A class chosen in ``classes`` is shown even when quiet.
    """

    classes: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    modalities: frozenset[str] = frozenset()
    show_quiet: bool = False
    show_all: bool = False

    def accepts(self, event: Event, reviewed: bool = False) -> bool:
        """``reviewed``: the analyst accepted or added it, so it is never hidden as noise."""
        if self.classes:
            if event.event_class not in self.classes:
                return False
        elif event.event_class in QUIET_CLASSES and not self.show_quiet and not reviewed:
            return False
        if self.categories and event.category not in self.categories:
            return False
        if self.modalities and event.modality not in self.modalities:
            return False
        return self.show_all or reviewed or is_statement(event) or is_anchored(event)
