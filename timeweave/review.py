"""The analyst's corrections, kept apart from the machine output and applied over it.

Extraction can be re-run (a new publication date, a new language) without losing the analyst's
work: corrections are keyed by ``(document id, event id)`` and re-applied to whatever the machine
produces next. Events the analyst adds live here too, so the machine output stays untouched and
both can be exported or compared. Everything is immutable: an undo stack only swaps objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from timeweave.model import DocumentAnalysis, DocumentDate, Event, EventTime, Participant

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
    def from_json(cls, data: Mapping[str, Any]) -> Correction:
        time = data.get("time")
        actors = data.get("actors")
        span = data.get("span")
        return cls(
            status=data.get("status", "pending"),
            time=event_time_from_json(time) if time else None,
            actors=tuple(actors) if actors is not None else None,
            span=(int(span[0]), int(span[1])) if span else None,
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
        events.sort(key=lambda e: (e.start, e.end, e.id))
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
    def from_json(cls, data: Mapping[str, Any]) -> Review:
        corrections = {
            (item["document"], item["event"]): Correction.from_json(item)
            for item in data.get("corrections", [])
        }
        added = tuple(
            (item["document"], event_from_json(item["event"])) for item in data.get("added", [])
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


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def event_time_from_json(data: Mapping[str, Any]) -> EventTime:
    return EventTime(
        _date(data.get("earliest")),
        _date(data.get("latest")),
        data.get("value"),
        data.get("basis", "unknown"),
        data.get("timex"),
    )


def event_from_json(data: Mapping[str, Any]) -> Event:
    """The inverse of :meth:`Event.to_json` (the projects and the review share it)."""
    content = data.get("content")
    trigger = data.get("trigger")
    return Event(
        id=data["id"],
        start=int(data["start"]),
        end=int(data["end"]),
        text=data["text"],
        cue=data.get("cue", ""),
        actors=tuple(data.get("actors", ())),
        time=event_time_from_json(data.get("time") or {}),
        place=data.get("place"),
        content=(int(content[0]), int(content[1])) if content else None,
        trigger=(int(trigger[0]), int(trigger[1])) if trigger else None,
        event_class=data.get("class", "OCCURRENCE"),
        category=data.get("category", "other"),
        polarity=data.get("polarity", "POS"),
        modality=data.get("modality", "asserted"),
        participants=tuple(
            Participant(p["role"], p["entity"]) for p in data.get("participants", ())
        ),
        reported_by=data.get("reported_by"),
        reports=tuple(data.get("reports", ())),
    )
