"""The data every layer of Timeweave shares: documents and what is extracted from them.

All spans are ``[start, end)`` character offsets into ``Document.text`` - the text the analyst
reads, after loaders removed headers and boilerplate. Every later layer refers to those offsets,
so the timeline, the document view and exports agree on where a thing is written.

The JSON shape produced by :meth:`ExtractionResult.to_json` is the one contract shared by the
CLI, exports and tests (documented in the README).
"""

from __future__ import annotations

import base64
import calendar
import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal

Granularity = Literal["year", "month", "day"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# timex: a time expression of the event's clause; document_date: only the publication date;
# unknown; analyst: set in review; tense: the verb's tense against the publication date (a past
# event ends by it); reporting: the time of the event that reports it.
TimeBasis = Literal["timex", "document_date", "unknown", "analyst", "tense", "reporting"]

_LABEL_WORDS = 7
_DATE_RE = re.compile(r"^(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?$")


@dataclass(frozen=True)
class DocumentDate:
    """A publication date that keeps its precision: a month is a month, not its first day.

    ``source`` says where the date came from (``header``, ``meta``, ``pdf``, ``docx``, ``user``,
    ``cli`` or ``none``) so the analyst can judge how far to trust relative dates built on it.
    """

    value: str | None = None
    granularity: Granularity | None = None
    source: str = "none"

    @classmethod
    def parse(cls, text: str, source: str) -> DocumentDate:
        """Build from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``ValueError`` otherwise.

        Full-width digits ("２０１９-１１", typed with an East Asian input method) are read as the
        ASCII digits they stand for, so the value always keeps the ``YYYY-MM-DD`` contract.
        """
        match = _DATE_RE.match(unicodedata.normalize("NFKC", text).strip())
        if not match:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        year, month, day = match["y"], match["m"], match["d"]
        if not 1000 <= int(year) <= 2999:
            raise ValueError(f"year out of range (1000-2999): {text!r}")
        if day is not None:
            dt.date(int(year), int(month), int(day))  # raises ValueError on 2019-02-30
            return cls(f"{year}-{month}-{day}", "day", source)
        if month is not None:
            if not 1 <= int(month) <= 12:
                raise ValueError(f"month out of range: {text!r}")
            return cls(f"{year}-{month}", "month", source)
        return cls(year, "year", source)

    @classmethod
    def from_date(cls, value: dt.date, granularity: Granularity, source: str) -> DocumentDate:
        """Truncate a full date to ``granularity``."""
        text = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}[granularity]
        return cls(value.strftime(text), granularity, source)

    @property
    def earliest(self) -> dt.date | None:
        """First day the date can mean."""
        bounds = self.bounds()
        return bounds[0] if bounds else None

    @property
    def latest(self) -> dt.date | None:
        """Last day the date can mean."""
        bounds = self.bounds()
        return bounds[1] if bounds else None

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the date can mean, or ``None`` when there is no date."""
        if self.value is None:
            return None
        year, *rest = (int(part) for part in self.value.split("-"))
        if not rest:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = rest[0]
        if len(rest) == 1:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day = dt.date(year, month, rest[1])
        return day, day

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "granularity": self.granularity, "source": self.source}


NO_DATE = DocumentDate()


@dataclass(frozen=True)
class TextEncoding:
    """How a text file's bytes became its text, so the analyst can judge a doubtful decoding.

    ``guessed``: no BOM or declaration named the encoding and the bytes were not all UTF-8, so
    it was inferred from the byte statistics. ``replaced``: how many undecodable bytes became
    U+FFFD (a file that is nearly all UTF-8 is read as UTF-8 rather than as a legacy code page).
    """

    name: str
    guessed: bool = False
    replaced: int = 0

    @property
    def note(self) -> str | None:
        """What the analyst should know about the decoding; ``None`` when it was certain."""
        parts = []
        if self.guessed:
            parts.append(f"the text encoding was guessed as {self.name}")
        if self.replaced:
            parts.append(f"{self.replaced:,} unreadable byte{'s' * (self.replaced > 1)} "
                         "became \ufffd")
        return ("; ".join(parts) + ": check accented letters") if parts else None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "guessed": self.guessed, "replaced": self.replaced}


@dataclass
class Document:
    """One loaded source: its readable text and what is known about it."""

    id: str
    path: str
    text: str
    title: str | None = None
    language: str | None = None
    language_source: str = "none"  # "detected", "user", "cli" or "none"
    date: DocumentDate = NO_DATE
    format: str = "text"
    encoding: TextEncoding | None = None  # None for formats that carry their own (PDF, DOCX)

    @property
    def label(self) -> str:
        """What views call the document: its title, else its opening words, else its file name.

        A scraped file name ("000_9f77b97cff9770ad.txt") tells an analyst nothing; the first
        words of the article do.
        """
        if self.title:
            return self.title
        words = self.text.split(maxsplit=_LABEL_WORDS)  # the rest of the text stays one piece
        if words:
            more = len(words) > _LABEL_WORDS
            return " ".join(words[:_LABEL_WORDS]) + ("…" if more else "")
        return PurePath(self.path).name or self.id


@dataclass(frozen=True)
class Timex:
    """A time expression with its TIMEX3 type and value, and the days it can mean.

    ``earliest``/``latest`` are ``None`` when the expression cannot be placed in time (a date
    without a year, a bare duration); the timeline never invents a time for those.
    """

    id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    mod: str | None = None  # TIMEX3 mod: "APPROX", "START", "END", ...

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "earliest": _iso(self.earliest),
            "latest": _iso(self.latest),
        }


@dataclass(frozen=True)
class Entity:
    """A mention of a person, organisation or place, with a language-independent ``key``.

    The key is what makes "Venemaa" and "Russia" the same thing across sources.
    """

    id: str
    start: int
    end: int
    text: str
    label: str
    key: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "key": self.key,
        }


@dataclass(frozen=True)
class EventTime:
    """When an event happened, and on what basis that was decided."""

    earliest: dt.date | None = None
    latest: dt.date | None = None
    value: str | None = None
    basis: TimeBasis = "unknown"
    timex: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "earliest": _iso(self.earliest),
            "latest": _iso(self.latest),
            "value": self.value,
            "basis": self.basis,
            "timex": self.timex,
        }


EventClass = Literal[
    "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION", "MODAL"
]
Polarity = Literal["POS", "NEG"]
# asserted: the source says it happened; reported: the source attributes it to someone (the
# reporting event is ``reported_by``); planned: intended or future; conditional: possible, hedged.
Modality = Literal["asserted", "reported", "planned", "conditional"]
ParticipantRole = Literal["agent", "patient", "place"]


@dataclass(frozen=True)
class Participant:
    """An entity that takes part in an event, in a role the grammar shows."""

    role: ParticipantRole
    entity: str  # entity id

    def to_json(self) -> dict[str, Any]:
        return {"role": self.role, "entity": self.entity}


@dataclass(frozen=True)
class Event:
    """Something a source reports as happening, being the case or being said, at its passage.

    ``start``/``end`` span the passage (the clause or sentence shown to the analyst); ``trigger``
    the word or words that name the event ("attack", "leppisid kokku"), from the first trigger
    word to the last. ``category`` is the language-independent kind that makes "rünnak" and
    "attack" compare; ``event_class`` the TimeML class.
    """

    id: str
    start: int
    end: int
    text: str
    cue: str
    actors: tuple[str, ...] = ()
    time: EventTime = field(default_factory=EventTime)
    place: str | None = None  # entity id
    content: tuple[int, int] | None = None  # span of the quoted claim, for reported speech
    trigger: tuple[int, int] | None = None
    event_class: EventClass = "OCCURRENCE"
    category: str = "other"
    polarity: Polarity = "POS"
    modality: Modality = "asserted"
    participants: tuple[Participant, ...] = ()
    reported_by: str | None = None  # the id of the reporting event that carries this one
    reports: tuple[str, ...] = ()  # for a reporting event: the ids of the events it reports

    @property
    def text_order(self) -> tuple[int, int, int]:
        """Where the event is in its text: passage, then trigger (events of one clause share a
        passage), the order of the JSON and of every list of events."""
        return self.start, self.end, self.trigger[0] if self.trigger else self.start

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "cue": self.cue,
            "actors": list(self.actors),
            "place": self.place,
            "content": list(self.content) if self.content else None,
            "time": self.time.to_json(),
            "trigger": list(self.trigger) if self.trigger else None,
            "class": self.event_class,
            "category": self.category,
            "polarity": self.polarity,
            "modality": self.modality,
            "participants": [p.to_json() for p in self.participants],
            "reported_by": self.reported_by,
            "reports": list(self.reports),
        }


@dataclass
class DocumentAnalysis:
    """A document with everything extracted from it."""

    document: Document
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "id": doc.id,
            **path_to_json(doc.path),
            "title": doc.title,
            "language": doc.language,
            "language_source": doc.language_source,
            "format": doc.format,
            "encoding": doc.encoding.to_json() if doc.encoding else None,
            "text": doc.text,
            "document_date": doc.date.to_json(),
            "timexes": [t.to_json() for t in self.timexes],
            "entities": [e.to_json() for e in self.entities],
            "events": [e.to_json() for e in self.events],
        }


@dataclass(frozen=True)
class LinkMember:
    document: str
    id: str


@dataclass(frozen=True)
class Link:
    """The same entity, or the same or a related event, in several documents."""

    kind: Literal["entity", "event"]
    key: str
    members: tuple[LinkMember, ...]
    score: float
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "key": self.key,
            "members": [{"document": m.document, "id": m.id} for m in self.members],
            "score": round(self.score, 4),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Claim:
    """What one source says about a story event: one mention, with its date, place, numbers and
    actors as that source gives them (entity keys, so sources in different languages compare)."""

    document: str
    event: str
    modality: Modality
    time: EventTime
    place: str | None = None
    actors: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "event": self.event,
            "modality": self.modality,
            "time": self.time.to_json(),
            "place": self.place,
            "actors": list(self.actors),
            "numbers": list(self.numbers),
        }


@dataclass(frozen=True)
class Disagreement:
    """Sources that tell one story event differently: ``kind`` is date, number, actor or place;
    ``values`` maps each document to what it says."""

    kind: Literal["date", "number", "actor", "place"]
    values: tuple[tuple[str, str], ...]  # (document id, what it says)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "values": {doc: value for doc, value in self.values}}


@dataclass(frozen=True)
class Story:
    """One real-world event as several mentions tell it (in one or many sources and languages).

    A story's mentions share the modality side: a claim that something happened (reported) is
    kept apart from the source's own statement that it did (asserted).
    """

    id: str
    category: str
    claims: tuple[Claim, ...]
    disagreements: tuple[Disagreement, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        """The sources that report it, in first-mention order."""
        return tuple(dict.fromkeys(c.document for c in self.claims))

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "documents": list(self.documents),
            "claims": [c.to_json() for c in self.claims],
            "disagreements": [d.to_json() for d in self.disagreements],
        }


@dataclass(frozen=True)
class LoadError:
    """A file that could not be processed, and why, in words an analyst understands."""

    path: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {**path_to_json(self.path), "message": self.message}


@dataclass
class ExtractionResult:
    """What a pipeline run produced: analyses, cross-document links and per-file errors."""

    documents: list[DocumentAnalysis] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": [d.to_json() for d in self.documents],
            "links": [link.to_json() for link in self.links],
            "stories": [s.to_json() for s in self.stories],
            "errors": [e.to_json() for e in self.errors],
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def path_to_json(path: str) -> dict[str, str]:
    """``{"path": ...}``, plus ``path_bytes`` (base64 of the raw name) when it is not UTF-8.

    A file name from an old archive ("caf\\xe9.txt") reaches Python with its undecodable bytes
    as lone surrogates, which no UTF-8 JSON can hold: ``path`` shows each as U+FFFD and
    ``path_bytes`` keeps the exact name, so the file can still be found.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(path)
        return {
            "path": raw.decode("utf-8", "replace"),
            "path_bytes": base64.b64encode(raw).decode("ascii"),
        }
    return {"path": path}

