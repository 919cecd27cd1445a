"""The analyst's corrections, kept apart from the machine output and applied over it.

Extraction can be re-run (a new publication date, a new language) without losing the analyst's
work: corrections are keyed by ``(document id, event id)`` and re-applied to whatever the machine
produces next. Events the analyst adds live here too, so the machine output stays untouched and
both can be exported or compared. Everything is immutable: an undo stack only swaps objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from timeweave.jsonfields import FieldError, Fields
from timeweave.model import (
    DocumentAnalysis,
    DocumentDate,
    Event,
    EventClass,
    EventTime,
    Modality,
    Participant,
    ParticipantRole,
    Polarity,
    TimeBasis,
)

ReviewStatus = Literal["pending", "accepted", "rejected"]
EventKey = tuple[str, str]
"""``(document id, event id)``; plain strings so the core needs nothing from the workspace."""

ADDED_PREFIX = "u"
"""Ids of analyst-added events start with this, machine ids never do (they are ``e1``...)."""


@dataclass(frozen=True)
class Correction:
    """What the analyst changed about one event; ``None`` fields keep the machine's value."""

    status: ReviewStatus = "pending"
    time: EventTime | None = None
    actors: tuple[str, ...] | None = None
    span: tuple[int, int] | None = None

    def apply(self, event: Event, text: str) -> Event:
        """The event as the analyst wants it, with its text re-cut when the span moved."""
        changed = event
        if self.span is not None:
            start, end = self.span
            changed = replace(changed, start=start, end=end, text=text[start:end])
        if self.time is not None:
            changed = replace(changed, time=self.time)
        if self.actors is not None:
            changed = replace(changed, actors=self.actors)
        return changed

    @property
    def edited(self) -> bool:
        return self.time is not None or self.actors is not None or self.span is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "time": self.time.to_json() if self.time else None,
            "actors": list(self.actors) if self.actors is not None else None,
            "span": list(self.span) if self.span else None,
        }

    @classmethod
    def from_json(cls, data: object, where: str = "correction") -> Correction:
        """Read what :meth:`to_json` wrote; :class:`FieldError` says which field is wrong."""
        fields = Fields(data, where)
        time = fields.raw("time", None)
        actors = fields.raw("actors", None)
        return cls(
            status=fields.choice("status", get_args(ReviewStatus), "pending"),
            time=event_time_from_json(time, fields.at("time")) if time is not None else None,
            actors=fields.strings("actors") if actors is not None else None,
            span=fields.pair("span"),
        )


def analyst_time(date: DocumentDate) -> EventTime:
    """An event time the analyst typed (a year, a month or a day), marked as such."""
    bounds = date.bounds()
    if bounds is None:
        return EventTime(basis="unknown")
    return EventTime(bounds[0], bounds[1], date.value, "analyst")


@dataclass(frozen=True)
class Review:
    """All corrections and added events of a project. Immutable: edits return a new review."""

    corrections: Mapping[EventKey, Correction] = field(default_factory=dict)
    added: tuple[tuple[str, Event], ...] = ()  # (document id, event), in the order added

    def correction(self, key: EventKey) -> Correction:
        return self.corrections.get(key, Correction())

    def status(self, key: EventKey) -> ReviewStatus:
        """Added events count as accepted: the analyst wrote them."""
        if key in self.corrections:
            return self.corrections[key].status
        return "accepted" if key[1].startswith(ADDED_PREFIX) else "pending"

    def with_correction(self, key: EventKey, correction: Correction | None) -> Review:
        """A review where ``key`` has ``correction`` (``None`` forgets the correction)."""
        corrections = dict(self.corrections)
        if correction is None or correction == Correction():
            corrections.pop(key, None)
        else:
            corrections[key] = correction
        return replace(self, corrections=corrections)

    def changed(self, key: EventKey, **fields: Any) -> Review:
        """A review where the correction of ``key`` has ``fields`` changed (status, time, ...)."""
        return self.with_correction(key, replace(self.correction(key), **fields))

    def with_added(self, document_id: str, event: Event) -> Review:
        return replace(self, added=(*self.added, (document_id, event)))

    def without_added(self, document_id: str, event_id: str) -> Review:
        added = tuple(
            (doc, event) for doc, event in self.added
            if not (doc == document_id and event.id == event_id)
        )
        corrections = {k: v for k, v in self.corrections.items() if k != (document_id, event_id)}
        return Review(corrections, added)

    def next_added_id(self, document_id: str) -> str:
        taken = {event.id for doc, event in self.added if doc == document_id}
        number = len(taken) + 1
        while f"{ADDED_PREFIX}{number}" in taken:
            number += 1
        return f"{ADDED_PREFIX}{number}"

    def added_to(self, document_id: str) -> Iterator[Event]:
        return (event for doc, event in self.added if doc == document_id)

    def apply(self, analysis: DocumentAnalysis, rejected: bool = False) -> DocumentAnalysis:
        """The analysis the views show: corrections applied, rejected events left out (or,
        with ``rejected``, only the rejected events: what "show rejected" brings back)."""
        doc_id = analysis.document.id
        text = analysis.document.text
        events = []
        for event in [*analysis.events, *self.added_to(doc_id)]:
            correction = self.correction((doc_id, event.id))
            if (correction.status == "rejected") == rejected:
                events.append(correction.apply(event, text))
        events.sort(key=lambda e: (*e.text_order, e.id))
        return DocumentAnalysis(analysis.document, analysis.timexes, analysis.entities, events)

    def to_json(self) -> dict[str, Any]:
        return {
            "corrections": [
                {"document": doc, "event": event, **correction.to_json()}
                for (doc, event), correction in sorted(self.corrections.items())
            ],
            "added": [{"document": doc, "event": event.to_json()} for doc, event in self.added],
        }

    @classmethod
    def from_json(cls, data: object, where: str = "review") -> Review:
        """Read what :meth:`to_json` wrote; :class:`FieldError` says which field is wrong.

        Only the shape is checked here: which documents and events exist is known to the
        project that holds the review (:mod:`timeweave.project`).
        """
        fields = Fields(data, where)
        corrections: dict[EventKey, Correction] = {}
        for item in fields.objects("corrections"):
            key = (item.string("document"), item.string("event"))
            if key in corrections:
                raise FieldError(f"{item.where}: {key[1]} of {key[0]} is corrected twice")
            corrections[key] = Correction.from_json(item.data, item.where)
        added = tuple(
            (item.string("document"), event_from_json(item.raw("event"), item.at("event")))
            for item in fields.objects("added")
        )
        return cls(corrections, added)


def event_from_span(analysis: DocumentAnalysis, event_id: str, start: int, end: int) -> Event:
    """An event the analyst marked in the text: actors and time from what the span contains."""
    text = analysis.document.text
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    actors = tuple(
        e.id for e in analysis.entities
        if start <= e.start and e.end <= end and e.label in ("PER", "PERSON", "ORG", "NORP", "GPE")
    )
    timex = next(
        (t for t in analysis.timexes if start <= t.start and t.end <= end and t.earliest), None
    )
    time = (EventTime(timex.earliest, timex.latest, timex.value, "timex", timex.id)
            if timex else EventTime())
    return Event(event_id, start, end, text[start:end], "", actors, time)


def event_time_from_json(data: object, where: str = "time") -> EventTime:
    fields = Fields(data, where)
    time = EventTime(
        fields.date("earliest"),
        fields.date("latest"),
        fields.optional_string("value"),
        fields.choice("basis", get_args(TimeBasis), "unknown"),
        fields.optional_string("timex"),
    )
    if time.earliest and time.latest and time.earliest > time.latest:
        raise FieldError(f"{where}: earliest {time.earliest} is after latest {time.latest}")
    return time


def event_from_json(data: object, where: str = "event") -> Event:
    """The inverse of :meth:`Event.to_json` (the projects and the review share it).

    Types and allowed values are checked (:class:`FieldError` names the field); offsets and
    the ids an event refers to are checked by the project, which knows the document.
    """
    fields = Fields(data, where)
    return Event(
        id=fields.string("id"),
        start=fields.integer("start"),
        end=fields.integer("end"),
        text=fields.string("text"),
        cue=fields.string("cue", ""),
        actors=fields.strings("actors"),
        time=event_time_from_json(fields.raw("time", {}), fields.at("time")),
        place=fields.optional_string("place"),
        content=fields.pair("content"),
        trigger=fields.pair("trigger"),
        event_class=fields.choice("class", get_args(EventClass), "OCCURRENCE"),
        category=fields.string("category", "other"),
        polarity=fields.choice("polarity", get_args(Polarity), "POS"),
        modality=fields.choice("modality", get_args(Modality), "asserted"),
        participants=tuple(
            Participant(p.choice("role", get_args(ParticipantRole)), p.string("entity"))
            for p in fields.objects("participants")
        ),
        reported_by=fields.optional_string("reported_by"),
        reports=fields.strings("reports"),
    )
