"""Entity identity across sources: one key for one person, organisation or place in every source.

Inside a document :mod:`timeweave.entities` already keys "Putin" as "Vladimir Putin". Across
documents two more things join keys: a person spelt through another transliteration
(Rogatšjov = Rogachev) and an abbreviation that another source spells out (USAF = United States
Air Force). Both compare *keys*, never mentions, and only keys that share a block (the surname's
sound shape, an acronym's letters), so the cost grows with the number of distinct names, not
with the square of the mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from timeweave.entities import EntityOverrides, names
from timeweave.model import DocumentAnalysis, Entity

_PERSON_MATCH = 0.85
_SHAPE_PREFIX = 3  # surnames are compared only within the same first sounds


def keyed(
    analyses: Sequence[DocumentAnalysis], overrides: EntityOverrides | None = None
) -> dict[str, list[Entity]]:
    """Each document's entities with the analyst's merges/splits applied, people of different
    sources joined when their transliterated names match, and acronyms joined to the one name
    they abbreviate. The analyst's decisions come first and stay on top."""
    overrides = overrides or EntityOverrides()
    out = {a.document.id: overrides.apply(a.entities, a.document.id) for a in analyses}
    canonical = _person_keys(out.values()) | _variant_keys(out.values())
    return {
        doc: [e if canonical.get(e.key, e.key) == e.key else _rekey(e, canonical[e.key])
              for e in ents]
        for doc, ents in out.items()
    }


def _rekey(entity: Entity, key: str) -> Entity:
    return Entity(entity.id, entity.start, entity.end, entity.text, entity.label, key)


def _person_keys(documents: Iterable[list[Entity]]) -> dict[str, str]:
    """Person keys joined across sources: each distinct key compared once per shape block."""
    seen_in: dict[str, set[int]] = defaultdict(set)
    for index, entities in enumerate(documents):
        for entity in entities:
            if entity.label == "PERSON" and entity.key.split():
                seen_in[entity.key].add(index)
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in sorted(seen_in):
        blocks[names.skeleton(key.split()[-1])[:_SHAPE_PREFIX]].append(key)
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for block in blocks.values():
        for i, key_a in enumerate(block):
            for key_b in block[i + 1 :]:
                if seen_in[key_a] == seen_in[key_b] and len(seen_in[key_a]) == 1:
                    continue  # one source told them apart already
                if names.similarity(key_a, key_b) >= _PERSON_MATCH:
                    a, b = root(key_a), root(key_b)
                    if a != b:
                        # the longest spelling names the group ("Igor Konashenkov")
                        keep, drop = sorted((a, b), key=lambda k: (-len(k), k))
                        parent[drop] = keep
    return {key: root(key) for key in parent}


def _variant_keys(documents: Iterable[list[Entity]]) -> dict[str, str]:
    """A key that abbreviates, pluralises or adds a legal form to another source's key joins it."""
    return names.variants(
        {entity.key for entities in documents for entity in entities if entity.label != "PERSON"}
    )
