"""Story events: the mentions, in one source or many, that tell the same real-world event.

Identity is decided from what is language independent: the event's category ("rünnak" and
"attack" are both conflict), its participants' entity keys (Süüria = Syria), its time and, in
one language, its trigger word. A claim that something happened (reported) and a source's own
statement that it did (asserted) never join, nor does a negated or a planned event join one
that happened.

Linking is blocked: two mentions are compared only when they share a block, a (side, category,
participant key) triple, so the work grows with the mentions, not with their square. A block
too large to compare whole (a key such as "Syria" in a thousand articles) is walked in time
order, each mention compared with its next neighbours only. Each mention keeps its few best
partners, and the kept pairs are joined into stories, best first, as long as the story stays
consistent (:class:`_Clusters`): a source in a story names it with one word, and its precise
times leave a common day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeweave.model import (
    Claim,
    Disagreement,
    DocumentAnalysis,
    Entity,
    Event,
    EventTime,
    Link,
    Story,
)

SAME_EVENT = 0.5
_WHOLE_BLOCK = 16  # a block this small is compared pair by pair
_NEIGHBOURS = 8  # in a larger block, each mention meets this many next in time
_PARTNERS = 4  # the best partners a mention keeps for the joining
_PRECISE_DAYS = 31  # a time no wider than this can disagree with another
_NEAR_DAYS = 7  # precise times this close may be one event told with different dates
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_OPEN_LOW, _OPEN_HIGH = dt.date.min.toordinal(), dt.date.max.toordinal()


@dataclass(frozen=True, slots=True)
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
    low: int  # the earliest day as an ordinal, or far in the past when open
    high: int  # the latest day as an ordinal, or far in the future when open
    dated: bool
    precise: bool


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
            # the cue is the trigger's words; a document kept without its text still has it
            trigger = doc.text[slice(*event.trigger)] if event.trigger else ""
            word = (event.cue or trigger).casefold()
            earliest, latest = event.time.earliest, event.time.latest
            low = earliest.toordinal() if earliest else _OPEN_LOW
            high = latest.toordinal() if latest else _OPEN_HIGH
            found.append(
                Mention(
                    len(found),
                    doc.id,
                    doc.language or "",
                    event,
                    _side(event),
                    frozenset(keys[i] for i in ids if i in keys),
                    word,
                    earliest,
                    latest,
                    low,
                    high,
                    earliest is not None or latest is not None,
                    _precise(event.time),
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
    if not (a.dated and b.dated):
        return 0.1 if a.dated or b.dated else 0.25
    if a.low <= b.high and b.low <= a.high:
        return 1.0 if a.precise and b.precise else 0.5
    if a.precise and b.precise and max(b.low - a.high, a.low - b.high) <= _NEAR_DAYS:
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


def _candidates(block: list[Mention]) -> Iterable[tuple[Mention, Mention]]:
    if len(block) <= _WHOLE_BLOCK:
        for i, a in enumerate(block):
            yield from ((a, b) for b in block[i + 1 :])
        return
    ordered = sorted(block, key=lambda m: (m.low if m.dated else _OPEN_HIGH, m.index))
    for i, a in enumerate(ordered):
        reach = a.high + _NEAR_DAYS if a.dated else _OPEN_HIGH
        for b in ordered[i + 1 : i + 1 + _NEIGHBOURS]:
            if b.dated and b.low > reach:
                break  # sorted by start: no later mention can overlap
            yield a, b


def blocks(found: Sequence[Mention]) -> list[list[Mention]]:
    """The mentions that share a (side, category, participant key), in groups of two or more."""
    grouped: dict[tuple[str, str, str], list[Mention]] = defaultdict(list)
    for mention in found:
        for key in mention.keys:
            grouped[mention.side, mention.event.category, key].append(mention)
    return [block for block in grouped.values() if len(block) > 1]


def pairs(some_blocks: Iterable[list[Mention]]) -> Pairs:
    """``(score, mention, mention)`` for the candidate pairs of these blocks that may be one
    event. Blocks are independent: a cluster scores them in parallel and joins the results."""
    found = []
    for block in some_blocks:
        for a, b in _candidates(block):
            if a.document == b.document and a.word != b.word:
                continue  # a repeat inside one source names the event the same way
            value = score(a, b)
            if value >= SAME_EVENT:
                found.append((value, a.index, b.index))
    return found


Pairs = list[tuple[float, int, int]]
BlockMap = Callable[[Callable[[list[list[Mention]]], Pairs], list[list[list[Mention]]]],
                    Iterable[Pairs]]
_CHUNK = 20_000  # mentions per chunk of blocks handed to one scoring call


def chunks(some_blocks: Sequence[list[Mention]]) -> list[list[list[Mention]]]:
    """Blocks grouped into calls of about :data:`_CHUNK` mentions (a second or so of work)."""
    grouped: list[list[list[Mention]]] = [[]]
    size = 0
    for block in some_blocks:
        if size >= _CHUNK:
            grouped.append([])
            size = 0
        grouped[-1].append(block)
        size += len(block)
    return [group for group in grouped if group]


def map_locally(
    score_blocks: Callable[[list[list[Mention]]], Pairs], groups: list[list[list[Mention]]]
) -> Iterable[Pairs]:
    """Score the chunks one after another, in this process."""
    return map(score_blocks, groups)


def join(
    found: Sequence[Mention],
    scored: Iterable[tuple[float, int, int]],
    analyses: Sequence[DocumentAnalysis],
    entities: Mapping[str, list[Entity]],
) -> list[Story]:
    """Stories from scored pairs: each mention's few best partners, joined best first."""
    best: list[list[tuple[float, int]]] = [[] for _ in found]
    for value, i, j in scored:
        _keep(best[i], value, j)
        _keep(best[j], value, i)
    edges = sorted(
        {(-value, min(i, j), max(i, j)) for i, kept in enumerate(best) for value, j in kept}
    )
    clusters = _Clusters(found)
    for _, i, j in edges:
        clusters.join(i, j)
    texts = {a.document.id: a for a in analyses}
    built = [_story(members, texts, entities) for members in clusters.groups()]
    built.sort(key=lambda s: (_first_day(s), s.claims[0].document, s.claims[0].event))
    return [
        Story(f"s{n}", s.category, s.claims, s.disagreements) for n, s in enumerate(built, 1)
    ]


def _keep(best: list[tuple[float, int]], value: float, other: int) -> None:
    """Keep a mention's few best partners (a pair met in two blocks counts once)."""
    if (value, other) in best:
        return
    best.append((value, other))
    if len(best) > _PARTNERS:
        best.remove(min(best))


class _Clusters:
    """Mentions joined greedily, best pairs first, into stories that stay consistent.

    Pairs chain: A~B and B~C do not make A~C. A join is refused when the two stories could not
    be one event: a source in both that names them with different words, or precise times with
    no day (give or take a week) that all of them allow.
    """

    def __init__(self, found: Sequence[Mention]) -> None:
        self.found = found
        self.parent = list(range(len(found)))
        # per story root, made at its first join; a lone mention is its own story
        self.members: dict[int, list[Mention]] = {}
        self.words: dict[int, dict[str, set[str]]] = {}
        self.window: dict[int, tuple[int, int]] = {}

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _state(self, root: int) -> tuple[list[Mention], dict[str, set[str]], tuple[int, int]]:
        if root not in self.members:
            m = self.found[root]
            self.members[root] = [m]
            self.words[root] = {m.document: {m.word}}
            self.window[root] = (
                (m.low - _NEAR_DAYS, m.high + _NEAR_DAYS) if m.precise else (_OPEN_LOW, _OPEN_HIGH)
            )
        return self.members[root], self.words[root], self.window[root]

    def join(self, i: int, j: int) -> None:
        a, b = self.root(i), self.root(j)
        if a == b:
            return
        (members_a, words_a, window_a), (members_b, words_b, window_b) = (
            self._state(a), self._state(b)
        )
        low, high = max(window_a[0], window_b[0]), min(window_a[1], window_b[1])
        if low > high:
            return
        small, large = (words_a, words_b) if len(words_a) <= len(words_b) else (words_b, words_a)
        for document, words in small.items():
            other = large.get(document)
            if other is not None and not words & other:
                return
        if len(members_a) < len(members_b):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        for document, words in self.words.pop(b).items():
            self.words[a].setdefault(document, set()).update(words)
        self.window[a] = (low, high)
        del self.window[b]

    def groups(self) -> list[list[Mention]]:
        """The stories with two or more mentions, each in mention order."""
        return [sorted(m, key=lambda x: x.index) for m in self.members.values() if len(m) > 1]


def _first_day(story: Story) -> dt.date:
    days = [c.time.earliest or c.time.latest for c in story.claims]
    return min((d for d in days if d), default=dt.date.max)


def _story(
    members: list[Mention],
    analyses: Mapping[str, DocumentAnalysis],
    entities: Mapping[str, list[Entity]],
) -> Story:
    keys = {d: {e.id: e.key for e in entities[d]} for d in {m.document for m in members}}
    claims = tuple(claim(m.event, analyses[m.document], keys[m.document]) for m in members)
    return Story("", members[0].event.category, claims, disagreements(claims))


def claim(event: Event, analysis: DocumentAnalysis, keys: Mapping[str, str]) -> Claim:
    """What one source says of an event: its time, place, agents and numbers, keyed
    (``keys``: the document's entity ids to their keys)."""
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


def from_links(
    analyses: Sequence[DocumentAnalysis],
    links: Sequence[Link],
    entities: Mapping[str, list[Entity]],
) -> list[Story]:
    """The stories behind a result's event links, for the events still present (a view of a
    reviewed workspace: a rejected mention leaves its story, a story left with one goes)."""
    texts = {a.document.id: a for a in analyses}
    events = {(a.document.id, e.id): e for a in analyses for e in a.events}
    keys = {d: {e.id: e.key for e in ents} for d, ents in entities.items()}
    found = []
    for link in links:
        members = [m for m in link.members if (m.document, m.id) in events]
        if link.kind != "event" or len(members) < 2:
            continue
        claims = tuple(
            claim(events[m.document, m.id], texts[m.document], keys[m.document]) for m in members
        )
        category = events[members[0].document, members[0].id].category
        found.append(Story(link.key, category, claims, disagreements(claims)))
    return found
