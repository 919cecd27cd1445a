"""Story events: the mentions of one occasion across sources, from the core's event links.

Event links join pairs of events in two sources. Joining them transitively would chain a whole
news cycle into one "event" (A~B, B~C, C~D in the same source...). A story therefore holds at
most one event per source: links are taken strongest first, and two groups merge only when
no source is in both and their times can still be one occasion (the times of all members
overlap; an undated member fits any time). Only links the core calls "likely the same event"
count: a "related" link (shared names only) is not the same story. A story's size is then how
many sources report it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from timeweave.model import Link
from timeweave.workspace import EventRef

SAME_EVENT = 0.45  # the core's score for "likely the same event" (timeweave.compare)
_ANY_TIME = (float("-inf"), float("inf"))


def stories(refs: Sequence[EventRef], links: Iterable[Link],
            bounds: Mapping[EventRef, tuple[float, float]] | None = None
            ) -> list[tuple[EventRef, ...]]:
    """Group ``refs`` into stories (every ref in exactly one, singletons included), largest
    first, then in the order of ``refs``; members keep the order of ``refs``. ``bounds`` gives
    the days (first, exclusive end) a dated event can mean."""
    bounds = bounds or {}
    position = {ref: index for index, ref in enumerate(refs)}
    parent = list(range(len(refs)))
    sources = [{ref.document} for ref in refs]
    times = [bounds.get(ref, _ANY_TIME) for ref in refs]

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    pairs = []
    for link in links:
        if link.kind != "event" or len(link.members) != 2 or link.score < SAME_EVENT:
            continue
        a, b = (EventRef(m.document, m.id) for m in link.members)
        if a in position and b in position and a.document != b.document:
            pairs.append((-link.score, position[a], position[b]))
    for _, a, b in sorted(pairs):
        ra, rb = root(a), root(b)
        first = max(times[ra][0], times[rb][0])
        last = min(times[ra][1], times[rb][1])
        if ra != rb and not sources[ra] & sources[rb] and first < last:
            low, high = sorted((ra, rb))
            parent[high] = low
            sources[low] |= sources[high]
            times[low] = (first, last)
    groups: dict[int, list[EventRef]] = {}
    for index, ref in enumerate(refs):
        groups.setdefault(root(index), []).append(ref)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return [tuple(members) for _, members in ordered]
