"""Story events for the views: which of the shown events tell one real-world event.

The core decides identity (:mod:`timeweave.compare.stories`) and records each story as an event
link whose members are its mentions. The views only need the grouping of the events they
show: a mention the analyst rejected leaves its story, and a story left with one mention is
told once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from timeweave.model import Link
from timeweave.workspace import EventRef


def stories(refs: Sequence[EventRef], links: Iterable[Link]) -> list[tuple[EventRef, ...]]:
    """Group ``refs`` into stories (every ref in exactly one): the stories with several shown
    mentions, those told by most sources first, then each event told once, in the order of
    ``refs``; members keep the order of ``refs``."""
    event_links = [link for link in links if link.kind == "event"]
    if not event_links:  # nothing to look up: 100,000 events stay cheap
        return [(ref,) for ref in refs]
    position = {ref: index for index, ref in enumerate(refs)}
    told: list[list[int]] = []
    taken: set[int] = set()
    for link in event_links:
        members = sorted({index for m in link.members
                          if (index := position.get(EventRef(m.document, m.id))) is not None
                          and index not in taken})
        if len(members) > 1:
            told.append(members)
            taken.update(members)
    grouped = [tuple(refs[i] for i in members) for members in told]
    grouped.sort(key=lambda story: (-reporters(story), position[story[0]]))
    return grouped + [(ref,) for index, ref in enumerate(refs) if index not in taken]


def reporters(story: Sequence[EventRef]) -> int:
    """How many sources tell a story."""
    return len({ref.document for ref in story})
