"""The state every view shares: the analysed documents, the selection and the filters.

Views receive the workspace, listen to its signals and write to it; they never call each other
(glue's hub-and-subset idea). The timeline selects an event -> ``selection_changed`` -> the
document view scrolls to the passage. The workspace knows nothing about Qt.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from timeweave.filters import KindFilter
from timeweave.model import DocumentAnalysis, Event, ExtractionResult, Link, LoadError
from timeweave.review import Review, ReviewStatus

if TYPE_CHECKING:  # the entities package imports spaCy: only a project with decisions needs it
    from timeweave.entities.overrides import EntityOverrides


class Signal:
    """A minimal observer list: ``connect`` a callable, ``emit`` calls each one in order."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def connect(self, slot: Callable[..., Any]) -> None:
        if slot not in self._slots:
            self._slots.append(slot)

    def disconnect(self, slot: Callable[..., Any]) -> None:
        if slot in self._slots:
            self._slots.remove(slot)

    def emit(self, *args: Any) -> None:
        for slot in list(self._slots):
            slot(*args)


@dataclass(frozen=True, order=True)
class EventRef:
    """Identifies one event across documents."""

    document: str
    event: str


@dataclass(frozen=True)
class EventFilter:
    """Which events the views show. Empty fields do not filter; ``kinds`` hides the flood of
    minor events by default (:mod:`timeweave.filters`); rejected events show only with
    ``show_rejected``."""

    documents: frozenset[str] = frozenset()
    entity_keys: frozenset[str] = frozenset()
    bases: frozenset[str] = frozenset()
    start: dt.date | None = None
    end: dt.date | None = None
    text: str = ""
    kinds: KindFilter = KindFilter()
    show_rejected: bool = False

    def accepts(self, analysis: DocumentAnalysis, event: Event,
                status: ReviewStatus = "pending") -> bool:
        """True when ``event`` of ``analysis``, in review ``status``, passes every criterion."""
        if status == "rejected" and not self.show_rejected:
            return False
        if self.documents and analysis.document.id not in self.documents:
            return False
        if not self.kinds.accepts(event, reviewed=status == "accepted"):
            return False
        if self.bases and event.time.basis not in self.bases:
            return False
        if self.entity_keys:
            keys = {e.key for e in analysis.entities if e.id in event.actors or e.id == event.place}
            keys |= {
                e.key for e in analysis.entities if event.start <= e.start and e.end <= event.end
            }
            if not keys & self.entity_keys:
                return False
        if self.start and (event.time.latest is None or event.time.latest < self.start):
            return False
        if self.end and (event.time.earliest is None or event.time.earliest > self.end):
            return False
        return not self.text or self.text.casefold() in event.text.casefold()


@dataclass(frozen=True)
class Snapshot:
    """The machine side of a workspace at one moment: documents, links, errors and the entity
    decisions the links were made with. Undoing a re-dating or a merge swaps two of these."""

    machine: tuple[DocumentAnalysis, ...]
    links: tuple[Link, ...]
    errors: tuple[LoadError, ...]
    entity_overrides: EntityOverrides | None


@dataclass
class Workspace:
    """Documents, links, the current selection and filter, with change signals.

    Signals: ``documents_changed()`` after analyses are replaced or removed;
    ``documents_added(analyses)`` after :meth:`add_analyses` appended some while a run streams
    (links not redone yet: views that can grow do, the others wait for the run's
    ``documents_changed``); ``selection_changed()`` after :meth:`select`; ``filter_changed()``
    after :meth:`set_filter`.

    ``analyses`` is what the views show: the machine output (``machine``) with the analyst's
    ``review`` applied. Both are kept, so a re-analysis keeps the corrections and an export
    can give either. ``entity_overrides`` (the analyst's merges and splits) re-key the shown
    entities, so every view and filter sees a merged entity as one.
    """

    analyses: list[DocumentAnalysis] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    selection: frozenset[EventRef] = frozenset()
    selected_entity: str | None = None  # an entity key, when the analyst picked an entity
    filter: EventFilter = field(default_factory=EventFilter)
    documents_changed: Signal = field(default_factory=Signal, repr=False, compare=False)
    documents_added: Signal = field(default_factory=Signal, repr=False, compare=False)
    selection_changed: Signal = field(default_factory=Signal, repr=False, compare=False)
    filter_changed: Signal = field(default_factory=Signal, repr=False, compare=False)
    machine: list[DocumentAnalysis] = field(default_factory=list)
    review: Review = field(default_factory=Review)
    errors: list[LoadError] = field(default_factory=list)
    entity_overrides: EntityOverrides | None = None
    rejected: dict[str, list[Event]] = field(default_factory=dict)  # per document, corrected

    def __post_init__(self) -> None:
        if not self.machine:
            self.machine = list(self.analyses)

    def set_result(self, result: ExtractionResult, review: Review | None = None,
                   entity_overrides: EntityOverrides | None = None) -> None:
        """Replace all documents with a pipeline result (and, from a project, its review and
        entity decisions)."""
        if review is not None:
            self.review = review
        self.restore(Snapshot(tuple(result.documents), tuple(result.links),
                              tuple(result.errors), entity_overrides))

    def snapshot(self) -> Snapshot:
        return Snapshot(tuple(self.machine), tuple(self.links), tuple(self.errors),
                        self.entity_overrides)

    def with_document(self, analysis: DocumentAnalysis, links: Iterable[Link]) -> Snapshot:
        """The current snapshot with one document re-analysed (same id) and the links redone."""
        machine = tuple(analysis if a.document.id == analysis.document.id else a
                        for a in self.machine)
        return dataclasses.replace(self.snapshot(), machine=machine, links=tuple(links))

    def restore(self, snapshot: Snapshot) -> None:
        """Put back a :meth:`snapshot` (or install a new one): one ``documents_changed``."""
        self.machine = list(snapshot.machine)
        self.links = list(snapshot.links)
        self.errors = list(snapshot.errors)
        self.entity_overrides = snapshot.entity_overrides
        self._apply_review()

    def add_analyses(self, analyses: Sequence[DocumentAnalysis],
                     errors: Sequence[LoadError] = ()) -> None:
        """Append documents as a run streams them in: cost in the added documents only, one
        ``documents_added`` with what the views show of them (links come with the run's end)."""
        shown = [self._shown(analysis) for analysis in analyses]
        self.machine.extend(analyses)
        self.analyses.extend(shown)
        self.errors.extend(errors)
        for analysis in analyses:
            doc_id = analysis.document.id
            self.rejected[doc_id] = self.review.apply(analysis, rejected=True).events
        self.documents_added.emit(shown)

    def detached(self) -> Workspace:
        """A copy that reads the same documents and decisions and that later changes to this
        one do not touch: what a background thread lays out while the window goes on."""
        return Workspace(analyses=list(self.analyses), links=list(self.links),
                         filter=self.filter, machine=list(self.machine), review=self.review,
                         errors=list(self.errors), entity_overrides=self.entity_overrides,
                         rejected=dict(self.rejected))

    def set_review(self, review: Review) -> None:
        """Apply a changed review (an edit or its undo) and tell the views."""
        self.review = review
        self._apply_review()

    def machine_analysis(self, document_id: str) -> DocumentAnalysis:
        """The machine output of one document, before the analyst's corrections."""
        for analysis in self.machine:
            if analysis.document.id == document_id:
                return analysis
        raise KeyError(document_id)

    def result(self) -> ExtractionResult:
        """The machine output as one result: what a project file stores next to the review."""
        return ExtractionResult(list(self.machine), list(self.links), list(self.errors))

    def _apply_review(self) -> None:
        self.analyses = [self._shown(analysis) for analysis in self.machine]
        self.rejected = {a.document.id: self.review.apply(a, rejected=True).events
                         for a in self.machine}
        self._drop_stale_selection()
        self.documents_changed.emit()

    def _shown(self, analysis: DocumentAnalysis) -> DocumentAnalysis:
        shown = self.review.apply(analysis)
        overrides = self.entity_overrides
        if overrides is None:
            return shown
        entities = overrides.apply(shown.entities, shown.document.id)
        return dataclasses.replace(shown, entities=entities)

    def analysis(self, document_id: str) -> DocumentAnalysis:
        """The analysis of one document; ``KeyError`` if it is not open."""
        for analysis in self.analyses:
            if analysis.document.id == document_id:
                return analysis
        raise KeyError(document_id)

    def event(self, ref: EventRef) -> Event:
        """The event a reference points at, rejected ones included; ``KeyError`` if gone."""
        events = self.analysis(ref.document).events
        for event in [*events, *self.rejected.get(ref.document, ())]:
            if event.id == ref.event:
                return event
        raise KeyError(ref)

    def status(self, ref: EventRef) -> ReviewStatus:
        """The analyst's decision on an event: what the table and the timeline mark."""
        return self.review.status((ref.document, ref.event))

    def shown_analyses(self) -> list[DocumentAnalysis]:
        """The analyses with the rejected events put back when the analyst shows them: what
        the table lists and the exports write (each with its review status)."""
        if not self.filter.show_rejected:
            return list(self.analyses)
        shown = []
        for analysis in self.analyses:
            events = sorted([*analysis.events, *self.rejected.get(analysis.document.id, ())],
                            key=lambda e: (e.start, e.end, e.id))
            shown.append(dataclasses.replace(analysis, events=events))
        return shown

    def visible_events(self) -> Iterator[tuple[DocumentAnalysis, Event]]:
        """Every event that passes the current filter, document by document."""
        for analysis in self.shown_analyses():
            doc_id = analysis.document.id
            for event in analysis.events:
                if self.filter.accepts(analysis, event, self.review.status((doc_id, event.id))):
                    yield analysis, event

    def select(self, refs: Iterable[EventRef], entity_key: str | None = None) -> None:
        """Make ``refs`` the selection; emits only when something changed."""
        selection = frozenset(refs)
        if selection == self.selection and entity_key == self.selected_entity:
            return
        self.selection = selection
        self.selected_entity = entity_key
        self.selection_changed.emit()

    def events_with_entity(self, key: str) -> list[EventRef]:
        """Every event whose actors, place or passage mention the entity ``key``."""
        wanted = EventFilter(entity_keys=frozenset({key}),
                             kinds=KindFilter(show_quiet=True, show_all=True))
        return [
            EventRef(a.document.id, e.id)
            for a in self.analyses for e in a.events if wanted.accepts(a, e)
        ]

    def set_filter(self, event_filter: EventFilter) -> None:
        if event_filter != self.filter:
            self.filter = event_filter
            self._drop_stale_selection()
            self.filter_changed.emit()

    def _drop_stale_selection(self) -> None:
        alive = {
            EventRef(a.document.id, e.id) for a in self.shown_analyses() for e in a.events
        }
        if not self.selection <= alive:
            self.selection = self.selection & alive
            self.selection_changed.emit()
