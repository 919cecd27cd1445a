"""Project files: one JSON file with the documents, the extraction, the review and the view state.

The file carries the full text of each document, so a project opens on another machine without
the original files. ``schema_version`` is checked on open: older layouts are migrated step by
step, a newer one is refused with a message that says which version of Timeweave is needed.
Writes are atomic (temporary file + ``os.replace`` + a sync of the folder): a crash while saving
leaves the old file. Saving keeps what the file was: its permissions, and the file a symbolic
link points to.

Opening reads, checks and builds the whole project here, before anything is shown: the types,
the offsets (every span inside its text), the ids things refer to, the sizes (the file and each
field) and the text itself (no character UTF-8 cannot store). A file that fails gives one
:class:`ProjectError` naming the field, so the window never replaces open work with half a
project. What is saved is checked the same way, so a saved project always opens again.

Version history:

1. The JSON that ``timeweave extract --json`` writes (an :class:`ExtractionResult`, no
   ``schema_version``): opening it gives a project without review or view state.
2. The project layout: ``{"format": "timeweave-project", "schema_version": 2, "result": ...,
   "review": ..., "entity_overrides": ..., "view": ...}``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from timeweave import __version__
from timeweave.atomic import write_atomic
from timeweave.errors import TimeweaveError
from timeweave.jsonfields import FieldError, Fields, check_span, check_string, kind
from timeweave.model import (
    Document,
    DocumentAnalysis,
    DocumentDate,
    Entity,
    Event,
    ExtractionResult,
    Granularity,
    Link,
    LinkMember,
    LoadError,
    TextEncoding,
    Timex,
    TimexType,
)
from timeweave.review import ADDED_PREFIX, Review, event_from_json

if TYPE_CHECKING:  # the entities package imports spaCy: only a project with decisions needs it
    from timeweave.entities.overrides import EntityOverrides

FORMAT = "timeweave-project"
SCHEMA_VERSION = 2
SUFFIX = ".timeweave"
RECOVERY_NAME = "recovery" + SUFFIX
MAX_PROJECT_BYTES = 200 * 1024 * 1024
"""The largest project file opened; checked on disk before reading (stated in the README)."""
_MAX_SCHEMA_VERSION = 999  # beyond this a "version" is noise, not a newer format
"""A temporary file of a save untouched this long was left by a killed save: removed."""


class ProjectError(TimeweaveError):
    """A project file that cannot be opened or saved, with the reason in plain words."""


@dataclass
class Project:
    """Everything the analyst would lose if the app closed."""

    result: ExtractionResult = field(default_factory=ExtractionResult)
    review: Review = field(default_factory=Review)
    entity_overrides: EntityOverrides | None = None
    view: dict[str, Any] = field(default_factory=dict)  # GUI state: selection, document, compare

    def to_json(self) -> dict[str, Any]:
        overrides = self.entity_overrides
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "app_version": __version__,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "result": _result_to_json(self.result),
            "review": self.review.to_json(),
            "entity_overrides": overrides.to_json() if overrides is not None else {},
            "view": self.view,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Project:
        """Build and check a project from any known version of the layout.

        :class:`ProjectError` for anything that is not a complete, consistent project.
        """
        data = migrate(data)
        try:
            return _read_project(Fields(data, "project"))
        except FieldError as exc:
            raise ProjectError(f"the project file is damaged ({exc})") from None


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
    if isinstance(version, bool) or not isinstance(version, int) or not (
        1 <= version <= _MAX_SCHEMA_VERSION
    ):
        shown = repr(version) if len(repr(version)) <= 20 else kind(version)
        raise ProjectError(f"the project's schema version is not valid: {shown}")
    return version


def migrate(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """Bring ``data`` to :data:`SCHEMA_VERSION`; refuse layouts from a newer Timeweave."""
    version = schema_version(data)
    if version > SCHEMA_VERSION:
        made_by = data.get("app_version")
        if not isinstance(made_by, str) or len(made_by) > 20:
            made_by = "a newer version"
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
    """Write ``project`` atomically: readers see the old file or the new one, never half.

    The project is checked first, exactly as :func:`load` will check it: a project that could
    not be opened again is not written (:class:`ProjectError`) and the old file stays.
    """
    data = project.to_json()
    try:
        _read_project(Fields(data, "project"))
    except FieldError as exc:
        raise ProjectError(f"it would not open again ({exc})") from None
    # A file name may hold the surrogates Python uses for undecodable bytes of a name; the
    # backslash form of those is exactly JSON's ``\udcXX`` escape, so the name round-trips.
    text = json.dumps(data, ensure_ascii=False, indent=1)
    write_atomic(path, text.encode("utf-8", "backslashreplace"))


def load(path: str | Path) -> Project:
    """Read and check a project (or a CLI JSON export); :class:`ProjectError` says why not.

    The size on disk is checked before anything is read, so a huge file costs no memory.
    """
    source = Path(path)
    name = source.name
    try:
        if not stat.S_ISREG(source.stat().st_mode):  # a FIFO or a device would block or never end
            raise ProjectError(f"{name}: this is not a regular file")
        with source.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(MAX_PROJECT_BYTES + 1) if size <= MAX_PROJECT_BYTES else b""
    except OSError as exc:
        raise ProjectError(f"{name}: the file could not be read ({exc.strerror})") from exc
    if size > MAX_PROJECT_BYTES or len(raw) > MAX_PROJECT_BYTES:
        raise ProjectError(
            f"{name}: the file is {math.ceil(max(size, len(raw)) / 2**20):,} MB; Timeweave opens "
            f"projects up to {MAX_PROJECT_BYTES // 2**20} MB"
        )
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProjectError(f"{name}: not a Timeweave project (not JSON text)") from exc
    except RecursionError:
        raise ProjectError(f"{name}: not a Timeweave project (nested too deeply)") from None
    except ValueError as exc:  # NaN/Infinity, or a number with thousands of digits
        raise ProjectError(f"{name}: the project file is damaged ({exc})") from None
    if not isinstance(data, dict):
        raise ProjectError(f"{name}: not a Timeweave project")
    try:
        return Project.from_json(data)
    except ProjectError as exc:
        raise ProjectError(f"{name}: {exc}") from exc


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a project holds")


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


# --- reading and checking ----------------------------------------------------------------


@dataclass(frozen=True)
class _Ids:
    """The ids inside one document that events and links may refer to."""

    timexes: frozenset[str]
    entities: frozenset[str]
    events: frozenset[str]


def _unique(ids: list[str], where: str, what: str) -> frozenset[str]:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise FieldError(f"{where}: two {what}s have the id {ident!r}")
        seen.add(ident)
    return frozenset(seen)


def _refers(ident: str | None, known: frozenset[str], where: str, what: str) -> None:
    if ident is not None and ident not in known:
        raise FieldError(f"{where}: refers to {what} {ident!r}, which the document does not have")


def _read_project(fields: Fields) -> Project:
    result = _read_result(Fields(fields.raw("result"), fields.at("result")))
    documents = {a.document.id: a for a in result.documents}
    review = Review.from_json(fields.raw("review", {}), fields.at("review"))
    _check_review(review, documents, fields.at("review"))
    return Project(
        result,
        review,
        _read_overrides(fields.raw("entity_overrides", {}), fields.at("entity_overrides")),
        _read_view(fields.object("view"), documents, review),
    )


def _read_result(fields: Fields) -> ExtractionResult:
    documents = [_read_analysis(item) for item in fields.objects("documents")]
    _unique([a.document.id for a in documents], fields.at("documents"), "document")
    by_id = {a.document.id: a for a in documents}
    links = [_read_link(item, by_id) for item in fields.objects("links")]
    errors = [
        LoadError(_read_path(item), item.string("message")) for item in fields.objects("errors")
    ]
    return ExtractionResult(documents, links, errors)


def _read_analysis(fields: Fields) -> DocumentAnalysis:
    text = fields.string("text")
    document = Document(
        id=fields.string("id"),
        path=_read_path(fields),
        text=text,
        title=fields.optional_string("title"),
        language=fields.optional_string("language"),
        language_source=fields.string("language_source", "none"),
        date=_read_date(fields.object("document_date")),
        format=fields.string("format", "text"),
        encoding=_read_encoding(fields),
    )
    timexes = [_read_timex(item, len(text)) for item in fields.objects("timexes")]
    entities = []
    for item in fields.objects("entities"):
        start, end = check_span(item.integer("start"), item.integer("end"), len(text), item.where)
        entities.append(Entity(item.string("id"), start, end, item.string("text"),
                               item.string("label"), item.string("key")))
    items = fields.objects("events")
    events = [event_from_json(item.data, item.where) for item in items]
    ids = _Ids(
        _unique([t.id for t in timexes], fields.at("timexes"), "time expression"),
        _unique([e.id for e in entities], fields.at("entities"), "entity"),
        _unique([e.id for e in events], fields.at("events"), "event"),
    )
    for event, item in zip(events, items, strict=True):
        _check_event(event, len(text), item.where, ids)
    return DocumentAnalysis(document, timexes, entities, events)


def _read_path(fields: Fields) -> str:
    """The exact file name: ``path_bytes`` (base64) holds a name that is not UTF-8, whose
    ``path`` shows U+FFFD for the undecodable bytes (:func:`~timeweave.model.path_to_json`)."""
    encoded = fields.optional_string("path_bytes")
    if encoded is None:
        return fields.string("path", file_name=True)
    try:
        raw = base64.b64decode(encoded, validate=True)
    except ValueError:
        raise FieldError(f"{fields.at('path_bytes')}: not base64") from None
    return check_string(os.fsdecode(raw), fields.at("path_bytes"), file_name=True)


def _read_encoding(fields: Fields) -> TextEncoding | None:
    """How the file's bytes were decoded (``null`` for PDF and DOCX, and in older files)."""
    if fields.raw("encoding", None) is None:
        return None
    item = fields.object("encoding")
    guessed = item.raw("guessed", False)
    if not isinstance(guessed, bool):
        raise FieldError(f"{item.at('guessed')}: expected true or false, found {kind(guessed)}")
    replaced = item.integer("replaced") if "replaced" in item.data else 0
    if replaced < 0:
        raise FieldError(f"{item.at('replaced')}: a count cannot be negative")
    return TextEncoding(item.string("name"), guessed, replaced)


def _read_date(fields: Fields) -> DocumentDate:
    """A publication date whose value has the form its granularity says and is a real date."""
    source = fields.string("source", "none")
    value = fields.optional_string("value")
    if value is None:
        return DocumentDate(None, None, source)
    granularity: Granularity = fields.choice("granularity", get_args(Granularity))
    date = DocumentDate(value, granularity, source)
    parts = ("year", "month", "day").index(granularity)
    try:
        if not re.fullmatch(r"\d{4}" + r"-\d{2}" * parts, value, re.ASCII):
            raise ValueError(value)
        date.bounds()
    except ValueError:
        raise FieldError(
            f"{fields.at('value')}: {value[:20]!r} is not a {granularity} (YYYY-MM-DD, to the "
            f"{granularity})"
        ) from None
    return date


def _read_timex(fields: Fields, length: int) -> Timex:
    start, end = check_span(fields.integer("start"), fields.integer("end"), length, fields.where)
    timex = Timex(
        fields.string("id"), start, end, fields.string("text"),
        fields.choice("type", get_args(TimexType)), fields.string("value"),
        fields.date("earliest"), fields.date("latest"), fields.optional_string("mod"),
    )
    if timex.earliest and timex.latest and timex.earliest > timex.latest:
        raise FieldError(f"{fields.where}: earliest {timex.earliest} is after latest "
                         f"{timex.latest}")
    return timex


def _check_event(event: Event, length: int, where: str, ids: _Ids | None) -> None:
    """Every span of ``event`` inside its text; with ``ids``, every id it names exists.

    Events the analyst added are checked without ``ids``: they outlive a re-analysis of their
    document, which gives the entities and time expressions new ids.
    """
    check_span(event.start, event.end, length, where)
    for name in ("content", "trigger"):
        span = getattr(event, name)
        if span is not None:
            check_span(*span, length, f"{where}.{name}")
    if ids is None:
        return
    for actor in event.actors:
        _refers(actor, ids.entities, f"{where}.actors", "entity")
    for participant in event.participants:
        _refers(participant.entity, ids.entities, f"{where}.participants", "entity")
    _refers(event.place, ids.entities, f"{where}.place", "entity")
    _refers(event.time.timex, ids.timexes, f"{where}.time.timex", "time expression")
    _refers(event.reported_by, ids.events, f"{where}.reported_by", "event")
    for reported in event.reports:
        _refers(reported, ids.events, f"{where}.reports", "event")


def _read_link(fields: Fields, documents: Mapping[str, DocumentAnalysis]) -> Link:
    link_kind = fields.choice("kind", ("entity", "event"))
    members = []
    for item in fields.objects("members"):
        analysis = _document(item.string("document"), documents, item.at("document"))
        wanted = analysis.entities if link_kind == "entity" else analysis.events
        ident = item.string("id")
        _refers(ident, frozenset(x.id for x in wanted), item.at("id"), link_kind)
        members.append(LinkMember(analysis.document.id, ident))
    return Link(link_kind, fields.string("key"), tuple(members), fields.number("score"),
                fields.string("reason", ""))


def _document(ident: str, documents: Mapping[str, DocumentAnalysis], where: str,
              ) -> DocumentAnalysis:
    if ident not in documents:
        raise FieldError(f"{where}: there is no document {ident[:40]!r} in the project")
    return documents[ident]


def _check_review(review: Review, documents: Mapping[str, DocumentAnalysis], where: str) -> None:
    """Corrections and added events belong to open documents and stay inside their text.

    A correction may name an event the machine no longer finds: it is kept for the next
    extraction of that document (the review outlives re-analysis by design).
    """
    for (doc_id, event_id), correction in review.corrections.items():
        text = _document(doc_id, documents, f"{where}.corrections").document.text
        if correction.span is not None:
            check_span(*correction.span, len(text), f"{where}.corrections ({doc_id}/{event_id})")
    added: set[tuple[str, str]] = set()
    for doc_id, event in review.added:
        analysis = _document(doc_id, documents, f"{where}.added")
        here = f"{where}.added ({doc_id}/{event.id})"
        machine = {e.id for e in analysis.events}
        if not event.id.startswith(ADDED_PREFIX) or event.id in machine or (
            (doc_id, event.id) in added
        ):
            raise FieldError(f"{here}: {event.id!r} is not a free id for an added event")
        added.add((doc_id, event.id))
        _check_event(event, len(analysis.document.text), here, None)


def _read_overrides(data: object, where: str) -> EntityOverrides | None:
    """The analyst's merges and splits: string to string, nothing else."""
    if data == {}:
        return None
    fields = Fields(data, where)
    for name, part in fields.data.items():
        if name not in ("merges", "splits"):
            raise FieldError(f"{where}: unknown entry {name[:40]!r}")
        part_fields = Fields(part, fields.at(name))
        for key, value in part_fields.data.items():
            check_string(key, part_fields.where)
            check_string(value, part_fields.at(key[:40]))
    from timeweave.entities.overrides import EntityOverrides

    return EntityOverrides.from_json(fields.data)


def _read_view(fields: Fields, documents: Mapping[str, DocumentAnalysis],
               review: Review) -> dict[str, Any]:
    """Where the analyst was: every document and event it points at must exist."""
    if not fields.data:
        return {}
    selection = []
    for index, item in enumerate(fields.items("selection")):
        here = f"{fields.at('selection')}[{index}]"
        if not isinstance(item, list) or len(item) != 2:
            raise FieldError(f"{here}: expected [document, event], found {kind(item)}")
        analysis = _document(check_string(item[0], here), documents, here)
        events = {e.id for e in analysis.events} | {e.id for e in review.added_to(item[0])}
        _refers(check_string(item[1], here), frozenset(events), here, "event")
        selection.append([item[0], item[1]])
    shown = fields.optional_string("document")
    if shown is not None:
        _document(shown, documents, fields.at("document"))
    compare = fields.items("compare")
    if len(compare) > 2:
        raise FieldError(f"{fields.at('compare')}: more than two documents")
    for side in compare:
        if side is not None:
            _document(check_string(side, fields.at("compare")), documents, fields.at("compare"))
    return {
        "selection": selection,
        "selected_entity": fields.optional_string("selected_entity"),
        "document": shown,
        "compare": list(compare),
    }
