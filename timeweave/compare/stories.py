"""Story events: the mentions, in one source or many, that tell the same real-world event.

Identity is decided from what is language independent: the event's category ("rünnak" and
"attack" are both conflict), its participants' entity keys (Süüria = Syria), its time and, in
one language, its trigger word. A claim that something happened (reported) and a source's own
statement that it did (asserted) never join, nor does a negated or a planned event join one
that happened.

Linking is blocked: two mentions are compared only when they share a block, a (side, category,
participant key) triple, so the work grows with the mentions, not with their square. A block
too large to compare whole (a key such as "Syria" in a thousand articles) is walked in time
order, each mention compared with its next neighbours only. Each mention keeps its best partner
per other source (and per own source, for repeats), and the kept pairs are joined into stories.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeweave.model import (
    Claim,
    Disagreement,
    DocumentAnalysis,
    Entity,
    Event,
    EventTime,
    Story,
)

SAME_EVENT = 0.5
_WHOLE_BLOCK = 48  # a block this small is compared pair by pair
_NEIGHBOURS = 12  # in a larger block, each mention meets this many next in time
_PRECISE_DAYS = 31  # a time no wider than this can disagree with another
_NEAR_DAYS = 7  # precise times this close may be one event told with different dates
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Mention:
    """One event as linking sees it: everything identity needs, computed once."""

    index: int
    document: str
    language: str
    event: Event
    side: str
    keys: frozenset[str]
    word: str
    earliest: dt.date | None
    latest: dt.date | None

    @property
    def precise(self) -> bool:
        return (
            self.earliest is not None
            and self.latest is not None
            and (self.latest - self.earliest).days <= _PRECISE_DAYS
        )


def mentions(
    analyses: Sequence[DocumentAnalysis], entities: Mapping[str, list[Entity]]
) -> list[Mention]:
    """Every event of every document, with its participants' keys and the side it is on."""
    found: list[Mention] = []
    for analysis in analyses:
        doc = analysis.document
        keys = {e.id: e.key for e in entities[doc.id]}
        for event in analysis.events:
            ids = {*event.actors, *(p.entity for p in event.participants)}
            if event.place:
                ids.add(event.place)
            start, end = event.trigger or (event.start, event.end)
            word = (doc.text[start:end] if event.trigger else event.cue).casefold()
            found.append(
                Mention(
                    len(found),
                    doc.id,
                    doc.language or "",
                    event,
                    _side(event),
                    frozenset(keys[i] for i in ids if i in keys),
                    word,
                    event.time.earliest,
                    event.time.latest,
                )
            )
    return found


def _side(event: Event) -> str:
    """Mentions that can be the same happening: asserted, reported, or not (yet) real."""
    if event.polarity == "NEG":
        return "negated"
    return {"asserted": "asserted", "reported": "reported"}.get(event.modality, "irrealis")


def _time_score(a: Mention, b: Mention) -> float | None:
    """How well two mentions' times agree (0..1), or ``None`` when they cannot be one event."""
    undated = (a.earliest is None and a.latest is None) + (b.earliest is None and b.latest is None)
    if undated:
        return 0.25 if undated == 2 else 0.1
    low_a, high_a = a.earliest or dt.date.min, a.latest or dt.date.max
    low_b, high_b = b.earliest or dt.date.min, b.latest or dt.date.max
    if low_a <= high_b and low_b <= high_a:
        return 1.0 if a.precise and b.precise else 0.5
    if a.precise and b.precise:
        gap = (low_b - high_a).days if high_a < low_b else (low_a - high_b).days
        if gap <= _NEAR_DAYS:
            return 0.3  # one event, two dates: kept, and shown as a disagreement
    return None


def score(a: Mention, b: Mention) -> float:
    """How likely two mentions are the same real-world event (0..1).

    Without precise times on both sides, more is asked: two shared names and the same word (a
    time known on one side only), or two shared names or the same word (vague on both).
    """
    shared = a.keys & b.keys
    if not shared or a.side != b.side or a.event.category != b.event.category:
        return 0.0
    time = _time_score(a, b)
    if time is None:
        return 0.0
    overlap = len(shared) / len(a.keys | b.keys)
    if a.language == b.language:
        word = 1.0 if a.word == b.word else 0.6 if a.word[:4] == b.word[:4] else 0.2
    else:
        word = 0.5  # another language: the category already agrees
    if time == 0.1 and (word < 1.0 or len(shared) < 2):
        return 0.0
    if not (a.precise and b.precise) and word < 1.0 and len(shared) < 2:
        return 0.0
    return 0.4 * overlap + 0.35 * time + 0.25 * word


def _blocks(found: Sequence[Mention]) -> Iterable[list[Mention]]:
    blocks: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for mention in found:
        for key in mention.keys:
            blocks[mention.side, mention.event.category, key].append(mention)
    return (block for block in blocks.values() if len(block) > 1)


def _candidates(block: list[Mention]) -> Iterable[tuple[Mention, Mention]]:
    if len(block) <= _WHOLE_BLOCK:
        for i, a in enumerate(block):
            yield from ((a, b) for b in block[i + 1 :])
        return
    ordered = sorted(block, key=lambda m: (m.earliest or m.latest or dt.date.max, m.index))
    for i, a in enumerate(ordered):
        yield from ((a, b) for b in ordered[i + 1 : i + 1 + _NEIGHBOURS])


def find(
    analyses: Sequence[DocumentAnalysis], entities: Mapping[str, list[Entity]]
) -> list[Story]:
    """The story events with two or more mentions; an event in none is a story of its own."""
    found = mentions(analyses, entities)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    seen: set[tuple[int, int]] = set()
    for block in _blocks(found):
        for a, b in _candidates(block):
            pair = (min(a.index, b.index), max(a.index, b.index))
            if pair in seen:
                continue
            seen.add(pair)
            if a.document == b.document and a.word != b.word:
                continue  # a repeat inside one source names the event the same way
            value = score(a, b)
            if value < SAME_EVENT:
                continue
            for one, other in ((a, b), (b, a)):
                slot = (one.index, other.document)
                if value > best.get(slot, (0.0, -1))[0]:
                    best[slot] = (value, other.index)
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (index, _), (_, other) in sorted(best.items()):
        a, b = root(index), root(other)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for mention in found:
        groups[root(mention.index)].append(mention)
    texts = {a.document.id: a for a in analyses}
    built = [
        _story(members, texts, entities) for members in groups.values() if len(members) > 1
    ]
    built.sort(key=lambda s: (_first_day(s), s.claims[0].document, s.claims[0].event))
    return [
        Story(f"s{n}", s.category, s.claims, s.disagreements) for n, s in enumerate(built, 1)
    ]


def _first_day(story: Story) -> dt.date:
    days = [c.time.earliest or c.time.latest for c in story.claims]
    return min((d for d in days if d), default=dt.date.max)


def _story(
    members: list[Mention],
    analyses: Mapping[str, DocumentAnalysis],
    entities: Mapping[str, list[Entity]],
) -> Story:
    claims = tuple(
        claim(m.event, analyses[m.document], entities[m.document]) for m in members
    )
    return Story("", members[0].event.category, claims, disagreements(claims))


def claim(event: Event, analysis: DocumentAnalysis, entities: list[Entity]) -> Claim:
    """What one source says of an event: its time, place, agents and numbers, keyed."""
    keys = {e.id: e.key for e in entities}
    agents = [p.entity for p in event.participants if p.role == "agent"] or list(event.actors)
    return Claim(
        analysis.document.id,
        event.id,
        event.modality,
        event.time,
        keys.get(event.place) if event.place else None,
        tuple(dict.fromkeys(keys[a] for a in agents if a in keys)),
        numbers(event, analysis),
    )


def numbers(event: Event, analysis: DocumentAnalysis) -> tuple[str, ...]:
    """The numbers a passage gives, leaving out those that are part of a date or time."""
    text = analysis.document.text
    dated = [
        (t.start, t.end) for t in analysis.timexes if event.start < t.end and t.start < event.end
    ]
    return tuple(
        dict.fromkeys(
            m[0]
            for m in _NUMBER.finditer(text, event.start, event.end)
            if not any(s <= m.start() < e for s, e in dated)
        )
    )


def disagreements(claims: Sequence[Claim]) -> tuple[Disagreement, ...]:
    """Where the sources of one story differ: a precise date, the numbers, the actor, the place.

    Only claims of different sources are compared: a source that repeats itself with more
    detail does not disagree with itself.
    """
    first: dict[str, Claim] = {}
    for claim in claims:
        first.setdefault(claim.document, claim)
    if len(first) < 2:
        return ()
    found = []
    dates = {d: _day_text(c.time) for d, c in first.items() if _precise(c.time)}
    bounds = [(c.time.earliest, c.time.latest) for d, c in first.items() if d in dates]
    if any(a[1] < b[0] or b[1] < a[0] for a in bounds for b in bounds):  # type: ignore[operator]
        found.append(Disagreement("date", tuple(sorted(dates.items()))))
    for kind, values in (
        ("number", {d: ", ".join(c.numbers) for d, c in first.items() if c.numbers}),
        ("actor", {d: c.actors[0] for d, c in first.items() if c.actors}),
        ("place", {d: c.place for d, c in first.items() if c.place}),
    ):
        if kind == "number":
            sets = [set(c.numbers) for c in first.values() if c.numbers]
            differ = len(sets) > 1 and not set.intersection(*sets)
        else:
            differ = len(set(values.values())) > 1
        if differ:
            found.append(Disagreement(kind, tuple(sorted(values.items()))))  # type: ignore[arg-type]
    return tuple(found)


def _precise(time: EventTime) -> bool:
    return (
        time.earliest is not None
        and time.latest is not None
        and (time.latest - time.earliest).days <= _PRECISE_DAYS
    )


def _day_text(time: EventTime) -> str:
    return time.value or f"{time.earliest}..{time.latest}"
