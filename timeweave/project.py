"""Project files: one JSON file with the documents, the extraction, the review and the view state.

The file carries the full text of each document, so a project opens on another machine without
the original files. ``schema_version`` is checked on open: older layouts are migrated step by
step, a newer one is refused with a message that says which version of Timeweave is needed.
Writes are atomic (temporary file + ``os.replace``): a crash while saving leaves the old file.

Version history:

1. The JSON that ``timeweave extract --json`` writes (an :class:`ExtractionResult`, no
   ``schema_version``): opening it gives a project without review or view state.
2. The project layout: ``{"format": "timeweave-project", "schema_version": 2, "result": ...,
   "review": ..., "entity_overrides": ..., "view": ...}``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeweave import __version__
from timeweave.errors import TimeweaveError
from timeweave.model import (
    Document,
    DocumentAnalysis,
    DocumentDate,
    Entity,
    ExtractionResult,
    Link,
    LinkMember,
    LoadError,
    Timex,
)
from timeweave.review import Review, event_from_json

FORMAT = "timeweave-project"
SCHEMA_VERSION = 2
SUFFIX = ".timeweave"
RECOVERY_NAME = "recovery" + SUFFIX


class ProjectError(TimeweaveError):
    """A project file that cannot be opened, with the reason in plain words."""


@dataclass
class Project:
    """Everything the analyst would lose if the app closed."""

    result: ExtractionResult = field(default_factory=ExtractionResult)
    review: Review = field(default_factory=Review)
    entity_overrides: dict[str, Any] = field(default_factory=dict)
    view: dict[str, Any] = field(default_factory=dict)  # GUI state: selection, filter, zoom

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "app_version": __version__,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "result": _result_to_json(self.result),
            "review": self.review.to_json(),
            "entity_overrides": self.entity_overrides,
            "view": self.view,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Project:
        """Build from any known version of the layout; :class:`ProjectError` otherwise."""
        data = migrate(data)
        try:
            return cls(
                result=_result_from_json(data["result"]),
                review=Review.from_json(data.get("review") or {}),
                entity_overrides=dict(data.get("entity_overrides") or {}),
                view=dict(data.get("view") or {}),
            )
        except (KeyError, TypeError, ValueError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
            raise ProjectError(f"the project file is damaged ({problem})") from exc


def _from_v1(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "schema_version": 2, "result": dict(data)}


MIGRATIONS: dict[int, Callable[[Mapping[str, Any]], dict[str, Any]]] = {1: _from_v1}
"""``MIGRATIONS[n]`` turns a version-``n`` layout into version ``n + 1``."""


def schema_version(data: Mapping[str, Any]) -> int:
    """The layout version of parsed JSON; a bare extraction result counts as version 1."""
    if "schema_version" not in data:
        if "documents" in data:
            return 1
        raise ProjectError("this is not a Timeweave project (no schema version, no documents)")
    version = data["schema_version"]
    if not isinstance(version, int) or version < 1:
        raise ProjectError(f"the project's schema version is not valid: {version!r}")
    return version


def migrate(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Bring ``data`` to :data:`SCHEMA_VERSION`; refuse layouts from a newer Timeweave."""
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        made_by = data.get("app_version", "a newer version")
        raise ProjectError(
            f"this project was saved by Timeweave {made_by} in file format {version}; this "
            f"Timeweave ({__version__}) reads formats up to {SCHEMA_VERSION}. "
            "Open it with a newer Timeweave."
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


def save(project: Project, path: str | Path) -> None:
    """Write ``project`` atomically: readers see the old file or the new one, never half."""
    target = Path(path)
    payload = json.dumps(project.to_json(), ensure_ascii=False, indent=1)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def load(path: str | Path) -> Project:
    """Read a project (or a CLI JSON export); :class:`ProjectError` says why it cannot."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ProjectError(f"{source.name}: the file could not be read ({exc.strerror})") from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProjectError(f"{source.name}: not a Timeweave project (not JSON text)") from exc
    if not isinstance(data, dict):
        raise ProjectError(f"{source.name}: not a Timeweave project")
    try:
        return Project.from_json(data)
    except ProjectError as exc:
        raise ProjectError(f"{source.name}: {exc}") from exc


def write_recovery(project: Project, directory: str | Path) -> Path:
    """Autosave to the recovery file in ``directory`` (created if needed)."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / RECOVERY_NAME
    save(project, target)
    return target


def find_recovery(directory: str | Path) -> Path | None:
    """The recovery file left by a session that did not close cleanly, if any."""
    candidate = Path(directory) / RECOVERY_NAME
    return candidate if candidate.is_file() else None


def discard_recovery(directory: str | Path) -> None:
    """Called on a clean exit (or after recovering) so the offer is not made twice."""
    (Path(directory) / RECOVERY_NAME).unlink(missing_ok=True)


def _result_to_json(result: ExtractionResult) -> dict[str, Any]:
    """The CLI contract plus what it rounds or leaves out, so a reopened project is identical."""
    data = result.to_json()
    for doc_json, analysis in zip(data["documents"], result.documents, strict=True):
        for timex_json, timex in zip(doc_json["timexes"], analysis.timexes, strict=True):
            timex_json["mod"] = timex.mod
    for link_json, link in zip(data["links"], result.links, strict=True):
        link_json["score"] = link.score
    return data


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def analysis_from_json(data: Mapping[str, Any]) -> DocumentAnalysis:
    """One document's analysis from its JSON (with timex ``mod``); also read by the cache."""
    date = data.get("document_date") or {}
    document = Document(
        id=data["id"],
        path=data["path"],
        text=data["text"],
        title=data.get("title"),
        language=data.get("language"),
        language_source=data.get("language_source", "none"),
        date=DocumentDate(date.get("value"), date.get("granularity"), date.get("source", "none")),
        format=data.get("format", "text"),
    )
    timexes = [
        Timex(
            t["id"], int(t["start"]), int(t["end"]), t["text"], t["type"], t["value"],
            _date(t.get("earliest")), _date(t.get("latest")), t.get("mod"),
        )
        for t in data.get("timexes", [])
    ]
    entities = [
        Entity(e["id"], int(e["start"]), int(e["end"]), e["text"], e["label"], e["key"])
        for e in data.get("entities", [])
    ]
    events = [event_from_json(e) for e in data.get("events", [])]
    return DocumentAnalysis(document, timexes, entities, events)


def _result_from_json(data: Mapping[str, Any]) -> ExtractionResult:
    links = [
        Link(
            link["kind"],
            link["key"],
            tuple(LinkMember(m["document"], m["id"]) for m in link["members"]),
            float(link["score"]),
            link.get("reason", ""),
        )
        for link in data.get("links", [])
    ]
    errors = [LoadError(e["path"], e["message"]) for e in data.get("errors", [])]
    documents = [analysis_from_json(d) for d in data.get("documents", [])]
    return ExtractionResult(documents, links, errors)
