"""Every analyst edit is one undoable command on one stack.

Reviews and workspace snapshots are immutable, so a command just holds the state before and
after the edit; undo and redo swap them in the workspace and every view follows
``documents_changed``. Work done in the background (re-dating, relinking after a merge) is
pushed as a command when its result arrives, so undo never re-runs the pipeline. Labels are
short and stable ("Accept event", "Set time"): they sit on the Undo and Redo buttons, which
must not change width or show internal ids.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QUndoCommand, QUndoStack

from timeweave.model import DocumentDate
from timeweave.review import Review, ReviewStatus, analyst_time, event_from_span
from timeweave.workspace import EventRef, Snapshot, Workspace


class ReviewCommand(QUndoCommand):
    """Swap the workspace's review between two states."""

    def __init__(self, workspace: Workspace, before: Review, after: Review, text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.workspace.set_review(self.after)

    def undo(self) -> None:
        self.workspace.set_review(self.before)


class SnapshotCommand(QUndoCommand):
    """Swap the workspace's machine side (documents, links, entity decisions) between two
    snapshots: opening files, changing a publication date, merging or splitting entities."""

    def __init__(self, workspace: Workspace, before: Snapshot, after: Snapshot,
                 text: str) -> None:
        super().__init__(text)
        self.workspace = workspace
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.workspace.restore(self.after)

    def undo(self) -> None:
        self.workspace.restore(self.before)


class Reviewer:
    """The review operations the menus, the table and the document view offer."""

    def __init__(self, workspace: Workspace, stack: QUndoStack) -> None:
        self.workspace = workspace
        self.stack = stack

    def _push(self, after: Review, text: str) -> None:
        if after != self.workspace.review:
            command = ReviewCommand(self.workspace, self.workspace.review, after, text)
            self.stack.push(command)

    def change(self, after: Snapshot, text: str, before: Snapshot | None = None) -> None:
        """Install ``after`` as one undoable step; undo goes back to ``before`` (default: the
        workspace now; files streamed in during a run are not a state to go back to)."""
        before = before or self.workspace.snapshot()
        if after != before:
            self.stack.push(SnapshotCommand(self.workspace, before, after, text))

    def set_status(self, refs: Iterable[EventRef], status: ReviewStatus) -> None:
        review = self.workspace.review
        refs = sorted(refs)
        for ref in refs:
            review = review.changed((ref.document, ref.event), status=status)
        verb = {"accepted": "Accept", "rejected": "Reject", "pending": "Reset"}[status]
        self._push(review, f"{verb} event" if len(refs) == 1 else f"{verb} events")

    def set_time(self, ref: EventRef, date: DocumentDate) -> None:
        key = (ref.document, ref.event)
        self._push(self.workspace.review.changed(key, time=analyst_time(date)), "Set time")

    def set_actors(self, ref: EventRef, actors: tuple[str, ...]) -> None:
        self._push(self.workspace.review.changed((ref.document, ref.event), actors=actors),
                   "Set actors")

    def set_span(self, ref: EventRef, start: int, end: int) -> None:
        self._push(self.workspace.review.changed((ref.document, ref.event), span=(start, end)),
                   "Set passage")

    def add_event(self, document_id: str, start: int, end: int) -> EventRef:
        """Add an event from selected text; returns its reference so it can be selected."""
        review = self.workspace.review
        event_id = review.next_added_id(document_id)
        event = event_from_span(self.workspace.analysis(document_id), event_id, start, end)
        self._push(review.with_added(document_id, event), "Add event")
        return EventRef(document_id, event_id)
