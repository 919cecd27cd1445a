"""Cross-document links for corpora: only documents that share an entity key are compared.

:func:`timeweave.compare.link` compares every pair of documents (quadratic: ~165 CPU-s at 1,000
documents, days at 100,000). Here it is called per block instead: an entity link per key, from
the documents that have that key, and event links for each pair of documents that share a key
(an event link needs a shared actor or two shared names, so no other pair can have one). Each
pair is scored once, whatever the number of keys it shares. A key found in more than
:data:`MAX_BLOCK` documents ("Russia" in a Russia archive) says nothing about which articles
tell the same story: it still gets its entity link, but makes no candidate pairs.

On a corpus where no key is that common, the links are those of one :func:`compare.link` over
everything, except that two people's spellings are joined (Rogatšjov = Rogachev) only within a
pair. The work comes as independent calls (:func:`calls`), which ``timeweave batch`` runs on
Dask and ``timeweave extract`` runs in its own process.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from timeweave import compare
from timeweave.model import DocumentAnalysis, Link

MAX_BLOCK = 200
"""Documents sharing a key beyond which the key is too common to make candidate pairs."""

PAIRS_PER_CALL = 2000
"""Candidate document pairs scored by one call: about a second of work."""

Call = tuple[Callable[..., list[Link]], tuple[Any, ...]]


def calls(analyses: Sequence[DocumentAnalysis]) -> Iterator[Call]:
    """The linking work as independent ``(function, arguments)`` calls, each returning links."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for position, analysis in enumerate(analyses):
        for key in sorted({e.key for e in analysis.entities}):
            by_key[key].append(position)
    pairs: set[tuple[int, int]] = set()
    for key, members in sorted(by_key.items()):
        if len(members) < 2:
            continue
        yield compare.link, ([_only(analyses[i], key) for i in members],)
        if len(members) <= MAX_BLOCK:
            pairs.update(itertools.combinations(members, 2))
    ordered = sorted(pairs)
    for start in range(0, len(ordered), PAIRS_PER_CALL):
        chunk = ordered[start : start + PAIRS_PER_CALL]
        yield pair_links, ({i: analyses[i] for pair in chunk for i in pair}, chunk)


def _only(analysis: DocumentAnalysis, key: str) -> DocumentAnalysis:
    """A document reduced to its mentions of ``key``: linking it gives that key's entity link."""
    return replace(analysis, entities=[e for e in analysis.entities if e.key == key], events=[])


def pair_links(documents: dict[int, DocumentAnalysis], pairs: list[tuple[int, int]]) -> list[Link]:
    """The event links of each pair of documents."""
    return [
        link
        for a, b in pairs
        for link in compare.link([documents[a], documents[b]])
        if link.kind == "event"
    ]


def in_order(links: Sequence[Link], analyses: Sequence[DocumentAnalysis]) -> list[Link]:
    """The calls' links in :func:`compare.link`'s order: entity links by the number of documents
    then key, event links by document pair (input order) then event ids."""
    order = {a.document.id: i for i, a in enumerate(analyses)}
    entities = sorted(
        (x for x in links if x.kind == "entity"),
        key=lambda x: (-len({m.document for m in x.members}), x.key),
    )
    events = sorted(
        (x for x in links if x.kind == "event"),
        key=lambda x: (
            order[x.members[0].document],
            order[x.members[1].document],
            x.members[0].id,
            x.members[1].id,
        ),
    )
    return entities + events


def link(analyses: Sequence[DocumentAnalysis]) -> list[Link]:
    """All the blocked links, computed here."""
    return in_order([x for function, args in calls(analyses) for x in function(*args)], analyses)
