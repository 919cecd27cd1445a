"""A timeline per entity: every event it takes part in, across all sources, in time order.

Each story event appears once, with the sources that report it and where they disagree; an
event no other mention tells is an entry of its own. An event belongs to an entity when the
entity fills one of its roles (agent, patient, place, actor) or is named in its passage (the
clause or sentence that tells it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from timeweave.model import Disagreement, DocumentAnalysis, Entity, Event, Story


@dataclass(frozen=True)
class Entry:
    """One line of an entity's timeline: a story event, or an event only one mention tells."""

    story: str | None
    category: str
    earliest: dt.date | None
    latest: dt.date | None
    value: str | None
    label: str
    mentions: tuple[tuple[str, str], ...]  # (document id, event id)
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(doc for doc, _ in self.mentions))

    def to_json(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "category": self.category,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "value": self.value,
            "label": self.label,
            "documents": list(self.documents),
            "mentions": [{"document": d, "event": e} for d, e in self.mentions],
            "disagreements": [d.to_json() for d in self.disagreements],
        }


def entity_keys(keyed_entities: Mapping[str, list[Entity]], name: str) -> set[str]:
    """The keys a name the analyst typed stands for: an entity whose key or text is that name
    (any case), else the keys that contain it as whole words ("Jobs" -> "Steve Jobs").
    ``keyed_entities``: each document's entities as :func:`timeweave.compare.keyed` keys them."""
    wanted = " ".join(name.split()).casefold()
    entities = [e for ents in keyed_entities.values() for e in ents]
    exact = {
        e.key for e in entities
        if wanted in (e.key.casefold(), " ".join(e.text.split()).casefold())
    }
    if exact:
        return exact
    words = wanted.split()
    return {
        e.key for e in entities
        if any(e.key.casefold().split()[i : i + len(words)] == words
               for i in range(len(e.key.split())))
    }


def timeline(
    analyses: Sequence[DocumentAnalysis],
    stories: Sequence[Story],
    keys: set[str],
    entities: Mapping[str, list[Entity]],
) -> list[Entry]:
    """The entity's events in time order, each story once; undated entries come last.

    ``entities``: each document's entities as :func:`timeweave.compare.keyed` keys them.
    """
    story_of = {(c.document, c.event): s for s in stories for c in s.claims}
    events = {(a.document.id, e.id): (a, e) for a in analyses for e in a.events}
    entries: dict[str, Entry] = {}
    for analysis in analyses:
        doc = analysis.document
        own = entities[doc.id]
        for event in analysis.events:
            if not keys & _involved(event, own):
                continue
            story = story_of.get((doc.id, event.id))
            if story is not None:
                entries.setdefault(story.id, _story_entry(story, events))
                continue
            label = doc.text[slice(*event.trigger)] if event.trigger else event.cue
            entries[f"{doc.id}/{event.id}"] = Entry(
                None, event.category, event.time.earliest, event.time.latest, event.time.value,
                label, ((doc.id, event.id),),
            )
    return sorted(
        entries.values(),
        key=lambda e: (e.earliest or e.latest or dt.date.max, e.latest or dt.date.max, e.label),
    )


def _involved(event: Event, entities: list[Entity]) -> set[str]:
    """The keys of the event's role fillers and of everything its passage names ("Russia's
    foreign ministry said" involves Russia too)."""
    ids = {*event.actors, *(p.entity for p in event.participants)}
    if event.place:
        ids.add(event.place)
    return {e.key for e in entities if e.id in ids or event.start <= e.start and e.end <= event.end}


def _story_entry(
    story: Story, events: dict[tuple[str, str], tuple[DocumentAnalysis, Event]]
) -> Entry:
    """A story's line: the narrowest time its sources agree on (the latest start, the earliest
    end), else the first source's; its label the first mention's words."""
    starts = [c.time.earliest for c in story.claims if c.time.earliest]
    ends = [c.time.latest for c in story.claims if c.time.latest]
    earliest, latest = (max(starts) if starts else None), (min(ends) if ends else None)
    if earliest and latest and latest < earliest:  # the sources disagree: keep the first
        earliest, latest = story.claims[0].time.earliest, story.claims[0].time.latest
    values = [c.time.value for c in story.claims if c.time.value]
    analysis, event = events[story.claims[0].document, story.claims[0].event]
    label = analysis.document.text[slice(*event.trigger)] if event.trigger else event.cue
    return Entry(
        story.id, story.category, earliest, latest, values[0] if values else None, label,
        tuple((c.document, c.event) for c in story.claims), story.disagreements,
    )
