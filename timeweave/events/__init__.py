"""Events of every kind: what happened, who took part, whether it is asserted, and when.

Two finders meet here. :mod:`.reporting` finds the reporting units (who said, warned or agreed
what, with speaker resolution and the quotation); a language's trigger finder
(``timeweave.lang.<code>.events.find_triggers``, registered in :mod:`timeweave.lang`) finds every
event mention and what its grammar shows (:class:`.base.Trigger`). This layer, the same for
every language, turns triggers into :class:`~timeweave.model.Event`\\ s: character spans, entity
ids for the role fillers, modality and the reporting link, time (:mod:`.anchor`). A reporting
unit whose cue is a trigger becomes one event with both finders' fields; a language without a
trigger finder keeps its reporting events only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from timeweave.events import anchor, clause, reporting
from timeweave.events.base import Trigger, TriggerFinder
from timeweave.model import (
    Document,
    Entity,
    Event,
    EventTime,
    Modality,
    Participant,
    ParticipantRole,
    Timex,
)

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A role filler's head that is no name ("mercenaries") is named by its modifier ("ISIS").
_NAMING_DEPS = frozenset({"compound", "poss", "nmod", "appos"})
_PLANNING_CLASSES = frozenset({"I_ACTION", "I_STATE"})

quotations = reporting.quotations


def _finder(language: str) -> TriggerFinder | None:
    # Imported here: the language packages import this package's contract (events.base), and
    # they load through timeweave.temporal (which registers their time rules) first.
    from timeweave import temporal  # noqa: F401
    from timeweave.lang import EVENT_FINDERS

    return EVENT_FINDERS.get(language)


class _Builder:
    """Turns one document's triggers and reporting units into events."""

    def __init__(
        self, parsed: Doc, document: Document, timexes: list[Timex], entities: list[Entity]
    ) -> None:
        self.doc = parsed
        self.document = document
        self.timexes = timexes
        self.by_token: dict[int, Entity] = {}
        for entity in entities:
            span = parsed.char_span(entity.start, entity.end, alignment_mode="expand")
            for token in span or ():
                self.by_token[token.i] = entity

    def entity(self, token: Token) -> Entity | None:
        """The entity written at ``token``, else one naming it ("ISIS mercenaries")."""
        found = self.by_token.get(token.i)
        if found is None:
            named = (c for c in token.children if c.dep_ in _NAMING_DEPS)
            found = next((e for c in named if (e := self.by_token.get(c.i))), None)
        return found

    def participants(self, trigger: Trigger) -> tuple[Participant, ...]:
        out: list[Participant] = []
        for role, index in trigger.roles:
            entity = self.entity(self.doc[index])
            if entity is None or (role == "place" and entity.label not in _PLACE_LABELS):
                continue
            participant = Participant(role, entity.id)
            if participant not in out:
                out.append(participant)
        return tuple(out)

    def trigger_span(self, trigger: Trigger) -> tuple[int, int]:
        first, last = self.doc[trigger.tokens[0]], self.doc[trigger.tokens[-1]]
        return first.idx, last.idx + len(last)

    def event(self, trigger: Trigger, unit: Event | None) -> Event:
        """The event of a trigger; ``unit`` is the reporting unit it is the cue of, if any."""
        participants = self.participants(trigger)
        start, end = self.trigger_span(trigger)
        fields = {
            "trigger": (start, end),
            "event_class": trigger.event_class,
            "category": trigger.category,
            "polarity": "NEG" if trigger.negated else "POS",
            "participants": participants,
        }
        if unit is not None:
            # The reporting finder found a speech act here: a statement, whatever TimeML calls
            # "warned" or "agreed", so that statements stay one filter; agreement stays agreement.
            fields["event_class"] = "REPORTING"
            if trigger.category != "agreement_meeting":
                fields["category"] = "statement"
            roles = _role_ids(participants, "agent")
            actors = unit.actors + tuple(a for a in roles if a not in unit.actors)
            return dataclasses.replace(unit, actors=actors, **fields)  # type: ignore[arg-type]
        text = self.document.text
        p0, p1 = clause.passage(self.doc[trigger.head])
        places = _role_ids(participants, "place")
        return Event(
            id="",
            start=p0,
            end=p1,
            text=text[p0:p1],
            cue=text[start:end],
            actors=_role_ids(participants, "agent"),
            place=places[0] if places else None,
            **fields,  # type: ignore[arg-type]
        )


def _role_ids(participants: Sequence[Participant], role: ParticipantRole) -> tuple[str, ...]:
    return tuple(p.entity for p in participants if p.role == role)


def _reporting_only(units: list[tuple[Event, Token]]) -> list[Event]:
    """Reporting units as events of their own (a language without a trigger finder)."""
    return [
        dataclasses.replace(
            event,
            id=f"v{n}",
            trigger=(cue.idx, cue.idx + len(cue)),
            event_class="REPORTING",
            category="statement",
        )
        for n, (event, cue) in enumerate(units, 1)
    ]


def find(
    parsed: Doc, document: Document, timexes: list[Timex], entities: list[Entity]
) -> list[Event]:
    """Every event of a document, ids "v1", "v2", ... in the order of their triggers.

    Cheap to call again with new ``timexes`` (re-anchoring): it reuses the cached parse.
    """
    units = reporting.find(parsed, document, timexes, entities)
    finder = _finder(parsed.lang_)
    if finder is None:
        return _reporting_only(units)
    triggers = finder(parsed)
    builder = _Builder(parsed, document, timexes, entities)
    unit_of_cue = {cue.i: event for event, cue in units}
    built: list[Event] = []
    used: set[int] = set()
    for trigger in triggers:
        cue = next((i for i in trigger.tokens if i in unit_of_cue and i not in used), None)
        if cue is not None:
            used.add(cue)
        built.append(builder.event(trigger, unit_of_cue.get(cue) if cue is not None else None))
    loose = [(event, cue) for event, cue in units if cue.i not in used]
    return _link(parsed, document, timexes, triggers, built, loose)


def _link(
    parsed: Doc,
    document: Document,
    timexes: list[Timex],
    triggers: list[Trigger],
    built: list[Event],
    loose: list[tuple[Event, Token]],
) -> list[Event]:
    """Ids in text order, the reporting links, modality and time."""
    extra = _reporting_only(loose)
    everything: list[tuple[Event, Trigger | None]] = [
        *zip(built, triggers, strict=True),
        *((event, None) for event in extra),
    ]
    everything.sort(key=lambda pair: (pair[0].trigger or (pair[0].start, 0))[0])
    order = {id(event): n for n, (event, _) in enumerate(everything, 1)}
    ids = [f"v{n}" for n in range(1, len(everything) + 1)]
    id_of_trigger = {n: ids[order[id(event)] - 1] for n, event in enumerate(built)}
    # Reporting units still carry the reporting finder's id; new events have none yet.
    units = [(ids[order[id(e)] - 1], e) for e, _ in everything if e.id]
    class_of = {ids[order[id(e)] - 1]: (t.event_class if t else "REPORTING") for e, t in everything}
    reporters = {i for i, e in units} | {i for i, c in class_of.items() if c == "REPORTING"}

    events: dict[str, Event] = {}
    modality_of: dict[str, Modality] = {}
    reported_by: dict[str, str | None] = {}
    for event, trigger in everything:
        event_id = ids[order[id(event)] - 1]
        by, planned = None, False
        if trigger is not None:
            embedder = trigger.embedded_by
            while embedder is not None and by is None:
                embedder_id = id_of_trigger[embedder]
                if embedder_id in reporters:
                    by = embedder_id
                elif triggers[embedder].event_class in _PLANNING_CLASSES:
                    planned = True
                embedder = triggers[embedder].embedded_by
        if by is None and event.trigger:
            by = next(
                (
                    i
                    for i, unit in units
                    if i != event_id
                    and unit.content
                    and unit.content[0] <= event.trigger[0] < unit.content[1]
                ),
                None,
            )
        reported_by[event_id] = by
        modality_of[event_id] = _modality(trigger, by, planned)
        events[event_id] = event

    reports: dict[str, list[str]] = {}
    for event_id, by in reported_by.items():
        if by is not None:
            reports.setdefault(by, []).append(event_id)
    result: list[Event] = []
    times: dict[str, EventTime] = {}
    unit_ids = {i for i, _ in units}
    for event, trigger in everything:
        event_id = ids[order[id(event)] - 1]
        times[event_id] = (
            event.time
            if event_id in unit_ids or trigger is None
            else _time(parsed, document, timexes, trigger, modality_of[event_id])
        )
    for event_id in ids:  # reporters come first in a chain: resolve the "reporting" basis
        event = events[event_id]
        time = times[event_id]
        by = reported_by[event_id]
        if time.basis == "unknown" and by is not None:
            time = anchor.reporter_time(times[by], modality_of[event_id]) or time
        result.append(
            dataclasses.replace(
                event,
                id=event_id,
                time=time,
                modality=modality_of[event_id],
                reported_by=by,
                reports=tuple(reports.get(event_id, ())),
            )
        )
    return result


def _modality(trigger: Trigger | None, reported_by: str | None, planned: bool) -> Modality:
    if reported_by is not None:
        return "reported"
    if trigger is None:
        return "asserted"
    if trigger.mood == "conditional":
        return "conditional"
    if planned or trigger.tense == "future":
        return "planned"
    return "asserted"


def _time(
    parsed: Doc, document: Document, timexes: list[Timex], trigger: Trigger, modality: Modality
) -> EventTime:
    head = parsed[trigger.head]
    return (
        anchor.clause_time(head, timexes)
        or (anchor.tense_time(trigger.tense, document.date) if modality != "conditional" else None)
        or EventTime()
    )
