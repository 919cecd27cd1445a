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
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from timeweave.events import anchor, reporting
from timeweave.events.base import Trigger, TriggerFinder
from timeweave.events.clause import Clauses
from timeweave.events.cues import cue_class
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


def _finder(language: str) -> TriggerFinder | None:
    # Imported here: the language packages import this package's contract (events.base), and
    # they load through timeweave.temporal (which registers their time rules) first.
    from timeweave import temporal  # noqa: F401
    from timeweave.lang import EVENT_FINDERS

    return EVENT_FINDERS.get(language)


class _Builder:
    """Turns one document's triggers and reporting units into events."""

    def __init__(
        self, parsed: Doc, document: Document, entities: list[Entity], clauses: Clauses
    ) -> None:
        self.doc = parsed
        self.document = document
        self.by_token = reporting.entities_by_token(parsed, entities)
        self.clauses = clauses

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
            out.append(Participant(role, entity.id))
        return _unique(tuple(out))

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
            speaker = tuple(Participant("agent", a) for a in unit.actors[:1])
            fields["participants"] = _unique(speaker + participants)
            roles = _role_ids(participants, "agent")
            actors = unit.actors + tuple(a for a in roles if a not in unit.actors)
            return dataclasses.replace(unit, actors=actors, **fields)  # type: ignore[arg-type]
        text = self.document.text
        p0, p1 = self.clauses.passage(self.doc[trigger.head])
        places = _role_ids(participants, "place")
        return Event(
            id="",
            start=p0,
            end=p1,
            text=text[p0:p1],
            cue=" ".join(self.doc[i].text for i in trigger.tokens),  # "leppisid kokku"
            actors=_role_ids(participants, "agent"),
            place=places[0] if places else None,
            **fields,  # type: ignore[arg-type]
        )


def _unique(participants: tuple[Participant, ...]) -> tuple[Participant, ...]:
    return tuple(dict.fromkeys(participants))


def _role_ids(participants: Sequence[Participant], role: ParticipantRole) -> tuple[str, ...]:
    return tuple(p.entity for p in participants if p.role == role)


def _reporting_only(units: list[tuple[Event, Token]]) -> list[Event]:
    """Reporting units as events of their own (a language without a trigger finder, or a cue
    no trigger covers), their speaker the agent; "agreed" is an agreement."""
    return [
        dataclasses.replace(
            event,
            id=f"v{n}",
            trigger=(cue.idx, cue.idx + len(cue)),
            event_class="REPORTING",
            category="agreement_meeting"
            if cue_class(cue, cue.doc.lang_) == "agree"
            else "statement",
            participants=tuple(Participant("agent", a) for a in event.actors[:1]),
        )
        for n, (event, cue) in enumerate(units, 1)
    ]


@dataclass
class _Draft:
    """An event before ids, links and time: ``trigger`` is its index in the finder's list."""

    event: Event
    trigger: int | None
    unit: bool  # a reporting unit (speaker, quotation, own time)


def find(
    parsed: Doc, document: Document, timexes: list[Timex], entities: list[Entity]
) -> list[Event]:
    """Every event of a document, ids "v1", "v2", ... in text order (:attr:`Event.text_order`).

    Cheap to call again with new ``timexes`` (re-anchoring): it reuses the cached parse.
    """
    units = reporting.find(parsed, document, timexes, entities)
    finder = _finder(parsed.lang_)
    if finder is None:
        return _reporting_only(units)
    triggers = finder(parsed)
    clauses = Clauses(parsed)
    builder = _Builder(parsed, document, entities, clauses)
    unit_of_cue = {cue.i: event for event, cue in units}
    drafts: list[_Draft] = []
    for index, trigger in enumerate(triggers):
        cue = next((i for i in trigger.tokens if i in unit_of_cue), None)
        unit = unit_of_cue.pop(cue) if cue is not None else None
        drafts.append(_Draft(builder.event(trigger, unit), index, unit is not None))
    loose = [(event, cue) for event, cue in units if cue.i in unit_of_cue]
    drafts += [_Draft(event, None, True) for event in _reporting_only(loose)]
    drafts.sort(key=lambda draft: draft.event.text_order)
    return _Linker(parsed, document, timexes, triggers, drafts, clauses).events()


class _Linker:
    """Gives the drafts their ids, reporting links, modality and time."""

    def __init__(
        self,
        parsed: Doc,
        document: Document,
        timexes: list[Timex],
        triggers: list[Trigger],
        drafts: list[_Draft],
        clauses: Clauses,
    ) -> None:
        self.parsed = parsed
        self.clauses = clauses
        self.document = document
        self.timexes = anchor.Timexes(timexes)
        self.triggers = triggers
        self.drafts = drafts
        self.id_of_trigger = {
            d.trigger: f"v{n}" for n, d in enumerate(drafts, 1) if d.trigger is not None
        }
        self.by_id = {f"v{n}": d for n, d in enumerate(drafts, 1)}
        self.reporters = {
            event_id
            for event_id, d in self.by_id.items()
            if d.unit or d.event.event_class == "REPORTING"
        }
        self.reported_by: dict[str, str | None] = {}
        self.modality: dict[str, Modality] = {}
        self.prospective: dict[str, bool] = {}  # planned, future or possible, whoever says it
        # What reporting units quote or report, by start: "..." X said; X said that ...
        self.contents = sorted(
            (d.event.content, event_id)
            for event_id, d in self.by_id.items()
            if d.unit and d.event.content
        )
        self.content_starts = [content[0] for content, _ in self.contents]
        self.times: dict[str, EventTime] = {}

    def _reporter(self, event_id: str, draft: _Draft) -> tuple[str | None, bool]:
        """The statement that carries an event, and whether an intention embeds it on the way.

        Up the embedding chain ("said [that they will help [restore]]"), else the quotation or
        "that" clause of a reporting unit the trigger lies in (a language with no parse).
        """
        planned = False
        embedder = self.triggers[draft.trigger].embedded_by if draft.trigger is not None else None
        while embedder is not None:
            embedder_id = self.id_of_trigger[embedder]
            if embedder_id in self.reporters:
                return embedder_id, planned
            planned = planned or self.triggers[embedder].event_class in _PLANNING_CLASSES
            embedder = self.triggers[embedder].embedded_by
        if draft.event.trigger is None:
            return None, planned
        at = draft.event.trigger[0]
        for content, other_id in reversed(self.contents[: bisect_right(self.content_starts, at)]):
            if at < content[1] and other_id != event_id:
                return other_id, planned
            if at >= content[1]:
                break  # contents end before this one: a quotation does not hold the next one
        return None, planned

    def _time(self, event_id: str) -> EventTime:
        """Own clause, tense, then (recursively) the reporter's time; units keep their own."""
        if event_id in self.times:
            return self.times[event_id]
        self.times[event_id] = EventTime()  # a cycle of reporters ends here
        draft = self.by_id[event_id]
        time = draft.event.time
        if not draft.unit and draft.trigger is not None:
            trigger = self.triggers[draft.trigger]
            modality = self.modality[event_id]
            head = self.parsed[trigger.head]
            time = (
                anchor.clause_time(head, self.clauses, self.timexes)
                or (
                    anchor.tense_time(trigger.tense, self.document.date)
                    if modality != "conditional"
                    else None
                )
                or EventTime()
            )
        by = self.reported_by[event_id]
        if time.basis == "unknown" and by is not None:
            time = anchor.reporter_time(self._time(by), self.prospective[event_id]) or time
        self.times[event_id] = time
        return time

    def events(self) -> list[Event]:
        for event_id, draft in self.by_id.items():
            by, planned = self._reporter(event_id, draft)
            trigger = self.triggers[draft.trigger] if draft.trigger is not None else None
            self.reported_by[event_id] = by
            self.modality[event_id] = _modality(trigger, by, planned)
            self.prospective[event_id] = planned or (
                trigger is not None and (trigger.tense == "future" or trigger.mood == "conditional")
            )
        reports: dict[str, list[str]] = {}
        for event_id, by in self.reported_by.items():
            if by is not None:
                reports.setdefault(by, []).append(event_id)
        return [
            dataclasses.replace(
                draft.event,
                id=event_id,
                time=self._time(event_id),
                modality=self.modality[event_id],
                reported_by=self.reported_by[event_id],
                reports=tuple(reports.get(event_id, ())),
            )
            for event_id, draft in self.by_id.items()
        ]


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
