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
    """Group ``refs`` into stories (every ref in exactly one, singletons included), those told
    by most sources first, then in the order of ``refs``; members keep the order of ``refs``."""
    position = {ref: index for index, ref in enumerate(refs)}
    story_of = list(range(len(refs)))
    for link in links:
        if link.kind != "event":
            continue
        members = sorted(position[ref] for m in link.members
                         if (ref := EventRef(m.document, m.id)) in position)
        for member in members[1:]:
            story_of[member] = members[0] if story_of[member] == member else story_of[member]
    groups: dict[int, list[EventRef]] = {}
    for index, ref in enumerate(refs):
        groups.setdefault(story_of[index], []).append(ref)
    return sorted((tuple(group) for group in groups.values()),
                  key=lambda group: (-reporters(group), position[group[0]]))


def reporters(story: Sequence[EventRef]) -> int:
    """How many sources tell a story."""
    return len({ref.document for ref in story})
