"""The analyst's entity decisions: merge keys that name one thing, split a wrongly joined mention.

Kept Qt-free and serialisable so the GUI stores it in the project file and re-applies it after
every extraction; :func:`timeweave.compare.link` honours it, so a merge shows up in the links.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from timeweave.model import Entity


def _mention(document: str, entity_id: str) -> str:
    return f"{document}/{entity_id}"


@dataclass
class EntityOverrides:
    """``merges``: key -> the key it was merged into. ``splits``: "doc/e3" -> its own key."""

    merges: dict[str, str] = field(default_factory=dict)
    splits: dict[str, str] = field(default_factory=dict)

    def merge(self, keys: Iterable[str], into: str) -> None:
        """Make every key in ``keys`` the same entity as ``into``."""
        target = self.resolve(into)
        for key in keys:
            if self.resolve(key) != target:
                self.merges[self.resolve(key)] = target
        self.merges.pop(target, None)

    def split(self, document: str, entity_id: str, key: str) -> None:
        """Give one mention its own key (it is not what the others with its key are)."""
        self.splits[_mention(document, entity_id)] = key

    def resolve(self, key: str) -> str:
        """The key a key ends up as after all merges (merge chains are followed, cycles cut)."""
        seen = {key}
        while key in self.merges and self.merges[key] not in seen:
            key = self.merges[key]
            seen.add(key)
        return key

    def apply(self, entities: list[Entity], document: str) -> list[Entity]:
        """The entities of ``document`` with split and merged keys; unchanged ones kept as is."""
        out = []
        for entity in entities:
            key = self.splits.get(_mention(document, entity.id), entity.key)
            key = self.resolve(key)
            out.append(entity if key == entity.key else dataclasses.replace(entity, key=key))
        return out

    def to_json(self) -> dict[str, Any]:
        return {"merges": dict(self.merges), "splits": dict(self.splits)}

    @classmethod
    def from_json(cls, data: Any) -> EntityOverrides:
        """Read what :meth:`to_json` wrote; ``ValueError`` for anything else."""
        if not isinstance(data, dict):
            raise ValueError("entity overrides must be a JSON object")
        parts = []
        for name in ("merges", "splits"):
            part = data.get(name, {})
            if not isinstance(part, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in part.items()
            ):
                raise ValueError(f"entity overrides: {name!r} must map strings to strings")
            parts.append(dict(part))
        return cls(*parts)
