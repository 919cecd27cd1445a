"""The main window: sources on the left, timeline in the middle, the document on the right,
events and the side-by-side comparison below; menus, toolbar, status bar with progress + Cancel.

The window owns the workspace, the undo stack and the background runner; the views only talk
to the workspace. Long work (extraction, re-dating) runs on the runner, so the window never
freezes; messages about bad files are shown without blocking and never lose open work.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QWidget,
)

from gui import help as help_window
from gui import palette, tasks
from gui.commands import Reviewer
from gui.compare import CompareView
from gui.coverage import CoverageView
from gui.document import DocumentView
from gui.entity_story import EntityStoryView
from gui.plain import plain_tooltip
from gui.search import SearchPanel
from gui.sources import SourcesPanel
from gui.workers import TaskRunner
from timeweave import project as projects
from timeweave.humanize import editable_date, time_words
from timeweave.model import DocumentAnalysis, DocumentDate, Entity, ExtractionResult, Link
from timeweave.resources import resource_path, seed_paths
from timeweave.workspace import EventRef, Snapshot, Workspace

if TYPE_CHECKING:
    from timeweave.entities.overrides import EntityOverrides
    from timeweave.parallel import Outcome

MAX_RECENT = 10
AUTOSAVE_MINUTES = 3
STREAM_MS = 150  # streamed documents are shown together at most this often (their lanes, rows)
DOCUMENT_FILTER = (
    "Documents (*.txt *.text *.html *.htm *.md *.markdown *.pdf *.docx);;All files (*)"
)
PROJECT_FILTER = f"Timeweave projects (*{projects.SUFFIX});;Extraction JSON (*.json)"
DOCUMENT_SHARE, DOCUMENT_MIN = 0.26, 300  # of the window's width: the document dock
TABLES_SHARE, TABLES_MIN = 0.24, 150  # of its height: the tables below the timeline
LAYOUT_VERSION = 2  # saved dock layouts of another arrangement are not restored


def _short(text: str, limit: int = 60) -> str:
    """A quoted passage cut to fit one line of a dialog."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def default_recovery_dir() -> Path:
    """Where autosaves go: the per-user application data folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".timeweave") / "recovery"


class MainWindow(QMainWindow):
    """Timeweave's window. ``recovery_dir`` and ``autosave_minutes`` are set by tests."""

    def __init__(self, recovery_dir: Path | None = None,
                 autosave_minutes: float = AUTOSAVE_MINUTES) -> None:
        super().__init__()
        self.setWindowTitle("Timeweave")
        icon = resource_path("icons", "timeweave.svg")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(True)
        self.workspace = Workspace()
        self.undo_stack = QUndoStack(self)
        self.reviewer = Reviewer(self.workspace, self.undo_stack)
        self.runner = TaskRunner(self)
        self.settings = QSettings("Timeweave", "Timeweave")
        self.recovery_dir = recovery_dir or default_recovery_dir()
        self.project_path: Path | None = None
        self.messages: list[str] = []  # every message shown, newest last (for the log and tests)
        self.recovery_box: QMessageBox | None = None
        self.text_dialog: QInputDialog | None = None  # Set time / Set actors, while open
        self._closing = False  # the analyst answered the unsaved-work question with closing
        self._saved_review = self.workspace.review
        self._saved = self.workspace.snapshot()
        self.unsaved_box: QMessageBox | None = None  # the unsaved-work question, while open
        self._on_task_done: Callable[[Any], None] | None = None  # what the running task feeds
        # While files stream in: the workspace before them (restored on cancel, the undo step's
        # "before") and the outcomes not shown yet, shown together every STREAM_MS.
        self._before_open: Snapshot | None = None
        self._streamed: list[Outcome] = []
        self._stream_timer = QTimer(self)
        self._stream_timer.setSingleShot(True)
        self._stream_timer.setInterval(STREAM_MS)
        self._stream_timer.timeout.connect(self._show_streamed)

        self.sources = SourcesPanel(self.workspace)
        self.document_view = DocumentView(self.workspace)
        self.compare_view = CompareView(self.workspace)
        self.coverage_view = CoverageView(self.workspace)
        self.entity_story = EntityStoryView(self.workspace)
        self.search_panel = SearchPanel(self.workspace)
        self.timeline = self._make_timeline()
        self.events_table = self._make_events_table()
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self._connect()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(int(autosave_minutes * 60_000))
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._update_title()
        self.resize(1500, 920)
        self.apply_theme(self.theme)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: self.apply_theme(self.theme))

    # --- construction -------------------------------------------------------------------

    def _make_timeline(self) -> QWidget | None:
        """The timeline widget from ``gui.timeline``, when that package provides it."""
        try:
            from gui.timeline import TimelineWidget
        except ImportError:
            return None
        return TimelineWidget(self.workspace)

    def _make_events_table(self) -> QWidget | None:
        """The events table, when the core's ``timeweave.table`` (its DataFrame) is present."""
        try:
            import timeweave.table  # noqa: F401 - pandas is imported by it only when used
        except ImportError:
            return None
        from gui.events_table import EventsTable

        return EventsTable(self.workspace)

    def _build_layout(self) -> None:
        """The timeline is the central surface; everything else is a dock that can be closed
        (View menu) or resized: the document on the right at full height, the tables below
        the timeline as tabs."""
        if self.timeline is not None:
            self.setCentralWidget(self.timeline)
        else:
            self.setCentralWidget(QLabel("The timeline is not available in this build."))
        area = Qt.DockWidgetArea
        self.setCorner(Qt.Corner.BottomRightCorner, area.RightDockWidgetArea)
        self.setCorner(Qt.Corner.TopRightCorner, area.RightDockWidgetArea)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self.document_dock = self._dock("Document", self.document_view, area.RightDockWidgetArea)
        self.sources_dock = self._dock("Sources", self.sources, area.BottomDockWidgetArea)
        below = [self.sources_dock]
        if self.events_table is not None:
            self.events_dock = self._dock("Events", self.events_table, area.BottomDockWidgetArea)
            below.append(self.events_dock)
        self.compare_dock = self._dock("Side by side", self.compare_view,
                                       area.BottomDockWidgetArea)
        self.coverage_dock = self._dock("Coverage", self.coverage_view, area.BottomDockWidgetArea)
        self.entity_story_dock = self._dock("Entity story", self.entity_story,
                                            area.BottomDockWidgetArea)
        self.search_dock = self._dock("Search", self.search_panel, area.BottomDockWidgetArea)
        below += [self.compare_dock, self.coverage_dock, self.entity_story_dock,
                  self.search_dock]
        for dock in below[1:]:
            self.tabifyDockWidget(below[0], dock)
        self.setTabPosition(area.BottomDockWidgetArea, QTabWidget.TabPosition.North)
        self.sources_dock.raise_()
        self._docks_sized = False

    def size_docks(self) -> None:
        """Give the docks their default share of the window: the document about a quarter of
        the width, the tables below about a quarter of the height; the timeline keeps the rest."""
        width, height = self.width(), self.height()
        self.resizeDocks([self.document_dock], [max(DOCUMENT_MIN, int(width * DOCUMENT_SHARE))],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.sources_dock], [max(TABLES_MIN, int(height * TABLES_SHARE))],
                         Qt.Orientation.Vertical)

    def showEvent(self, event: QShowEvent) -> None:
        """On first show: the layout the analyst left last time, else the default shares."""
        super().showEvent(event)
        if not self._docks_sized:
            self._docks_sized = True
            if not self.restore_layout():
                self.size_docks()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower().replace(' ', '')}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.open_action = self._action("&Open documents…", self.open_dialog, keys.Open,
                                        "Open news documents (text, HTML, PDF, DOCX, Markdown)")
        self.samples_action = self._action("Open &samples", self.open_samples, None,
                                           "Open the Estonian and English sample reports")
        self.open_project_action = self._action("Open &project…", self.open_project_dialog,
                                                "Ctrl+Shift+O")
        self.save_action = self._action("&Save project", self.save_project, keys.Save,
                                        "Save documents, extraction and your review")
        self.save_as_action = self._action("Save project &as…", self.save_project_as, keys.SaveAs)
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(keys.Redo)
        self.accept_action = self._action("&Accept event", lambda: self.set_status("accepted"),
                                          "A", "Mark the selected events as checked")
        self.reject_action = self._action("&Reject event", lambda: self.set_status("rejected"),
                                          "R", "Remove the selected events (kept in the project)")
        self.time_action = self._action("Set &time…", self.edit_time, "T",
                                        "Correct when the selected event happened")
        self.actors_action = self._action("Set a&ctors…", self.edit_actors)
        self.span_action = self._action("Set &passage to selected text", self.edit_span)
        self.add_action = self._action("A&dd event from selected text", self.add_event_from_text,
                                       "Ctrl+E")
        self.fit_action = self._action("&Fit all", self.fit_all, "F",
                                       "Frame where most events are (outliers: Show all)")
        self.show_all_action = self._action("Show &all", self.show_all, "Shift+F",
                                            "Show every dated event, the outliers included")
        self.search_action = self._action("&Search…", self.show_search, keys.Find,
                                          "Search the text, entities and events")
        self.shortcuts_action = self._action("&Keyboard shortcuts", self.show_shortcuts,
                                             keys.HelpContents)
        self.about_action = self._action("&About Timeweave", self.show_about)
        self.reset_layout_action = self._action("&Reset layout", self.reset_layout, None,
                                                "Put the panels back where they start")
        for action, short in ((self.open_action, "Open"), (self.samples_action, "Samples"),
                              (self.save_action, "Save"), (self.undo_action, "Undo"),
                              (self.redo_action, "Redo"), (self.accept_action, "Accept"),
                              (self.reject_action, "Reject"), (self.time_action, "Set time"),
                              (self.add_action, "Add event"), (self.search_action, "Search")):
            action.setIconText(short)  # the toolbar's fixed words; menus keep the full text
        self.undo_action.setProperty(help_window.HELP_TEXT, "Undo the last change")
        self.redo_action.setProperty(help_window.HELP_TEXT, "Redo what was undone")
        self.cancel_action = self._action("Cancel", self.runner.cancel, "Esc")
        self.quit_action = self._action("&Quit", self.close, keys.Quit)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions([self.open_action, self.samples_action])
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        file_menu.addActions([self.open_project_action, self.save_action, self.save_as_action])
        export = file_menu.addMenu("&Export")
        for label, fmt in (("Events as CSV…", "csv"), ("Events as Excel…", "xlsx"),
                           ("Events as JSON…", "json")):
            export.addAction(self._action(label, lambda _=False, f=fmt: self.export_dialog(f)))
        export.addSeparator()
        for label, fmt in (("Timeline as PNG…", "png"), ("Timeline as SVG…", "svg")):
            action = self._action(label, lambda _=False, f=fmt: self.export_dialog(f))
            action.setEnabled(self.timeline is not None)
            export.addAction(action)
        export.addAction(self._action("Report as PDF…", lambda: self.export_dialog("pdf")))
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        review_menu = menu.addMenu("&Review")
        review_menu.addActions([self.accept_action, self.reject_action])
        review_menu.addSeparator()
        review_menu.addActions([self.time_action, self.actors_action, self.span_action,
                                self.add_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        view_menu = menu.addMenu("&View")
        view_menu.addActions([self.fit_action, self.show_all_action])
        view_menu.addSeparator()
        view_menu.addActions([dock.toggleViewAction() for dock in self.docks()])
        view_menu.addAction(self.reset_layout_action)
        view_menu.addSeparator()
        self.theme_menu = view_menu.addMenu("&Theme")
        themes = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for label, name in palette.THEMES:
            action = self._action(label, lambda _=False, n=name: self.set_theme(n))
            action.setCheckable(True)
            action.setChecked(name == self.theme)
            themes.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[name] = action
        help_menu = menu.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.about_action])

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        toolbar.addActions([self.open_action, self.samples_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.accept_action, self.reject_action, self.time_action,
                            self.add_action])
        toolbar.addSeparator()
        toolbar.addAction(self.search_action)
        self._refresh_recent_menu()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_label = QLabel("Open documents, or try the samples (File ▸ Open samples).")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # messages name files, titles
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.runner.cancel)
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        self._set_busy(False)

    def _connect(self) -> None:
        self.runner.progress.connect(self._on_progress)
        self.runner.partial.connect(self._on_document)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.busy_changed.connect(self._set_busy)
        self.sources.date_changed.connect(self.change_date)
        self.sources.language_changed.connect(self.change_language)
        self.sources.document_activated.connect(self.show_document)
        self.search_panel.text_found.connect(self.show_text)
        for view in (self.document_view, self.compare_view):
            view.add_event_requested.connect(self.add_event)
            view.merge_requested.connect(self.merge_entities)
            view.split_requested.connect(self.split_entity)
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.workspace.documents_changed.connect(self._update_title)
        self.workspace.selection_changed.connect(self._update_actions)
        self._update_actions()

    # --- opening documents --------------------------------------------------------------

    def open_dialog(self) -> None:
        start = self.settings.value("lastFolder", str(Path.home()))
        paths, _ = QFileDialog.getOpenFileNames(self, "Open documents", str(start), DOCUMENT_FILTER)
        if paths:
            self.settings.setValue("lastFolder", str(Path(paths[0]).parent))
            self.open_files(paths)

    def open_samples(self) -> None:
        self.open_files([str(p) for p in seed_paths()])

    def open_files(self, paths: list[str]) -> None:
        """Analyse files in the background and add them to what is open.

        A project among them (a drop, a recent file) replaces the open work first, after the
        unsaved-work question; the documents are then added to the project.
        """
        project_files = [p for p in paths if p.endswith((projects.SUFFIX, ".json"))]
        documents = [p for p in paths if p not in project_files]
        if project_files:
            if len(project_files) > 1:
                self.show_status(f"Opening {Path(project_files[0]).name}: one project at a "
                                 "time.")
            self.open_project(project_files[0],
                              then=(lambda: self._extract(documents)) if documents else None)
        elif documents:
            self._extract(documents)

    def _extract(self, documents: list[str]) -> None:
        for path in documents[-MAX_RECENT:]:  # only the last ones stay in the list
            self._remember_recent(path)
        self.sources.set_pending(documents)
        self._run(self._on_extracted, tasks.extract, documents, list(self.workspace.machine),
                  self.workspace.entity_overrides, streaming=True)
        self._before_open = self.workspace.snapshot()

    def _on_document(self, outcome: Outcome) -> None:
        """One file done: shown with the others of the next STREAM_MS, so a fast run (the cache)
        costs one view update per interval, not one per file."""
        self._streamed.append(outcome)
        if not self._stream_timer.isActive():
            self._stream_timer.start()

    def _show_streamed(self) -> None:
        """Add the files done so far: their lanes and rows appear; links come at the end."""
        outcomes, self._streamed = self._streamed, []
        self.workspace.add_analyses([o.analysis for o in outcomes if o.analysis is not None],
                                    [o.error for o in outcomes if o.error is not None])

    def _end_stream(self, keep: bool) -> Snapshot | None:
        """Stop showing streamed files; unless ``keep``, put back what was open before them."""
        before, self._before_open = self._before_open, None
        self._stream_timer.stop()
        self._streamed = []
        if before is not None:
            self.sources.clear_pending()
            if not keep:
                self.workspace.restore(before)
        return before

    def _on_extracted(self, result: ExtractionResult) -> None:
        """Install the new documents as one undoable step; failed files are listed, not lost."""
        before = self._end_stream(keep=True) or self.workspace.snapshot()
        errors = (*before.errors, *result.errors)
        after = Snapshot(tuple(result.documents), tuple(result.links), errors,
                         self.workspace.entity_overrides)
        self.reviewer.change(after, "Open documents", before)
        events = sum(len(a.events) for a in self.workspace.analyses)
        self.show_status(f"{len(self.workspace.analyses)} documents, {events} events.")
        if result.errors:
            self.report_problem(
                "Some files could not be opened",
                "\n".join(f"{Path(e.path).name}: {e.message}" for e in result.errors)
                + "\n\nThe other files were opened.",
            )
        self.fit_all()

    def change_date(self, document_id: str, date: DocumentDate) -> None:
        """The analyst set a publication date: re-normalise that document in the background."""
        self._run(self._on_reanalysed, tasks.reanchor, list(self.workspace.machine), document_id,
                  date, self.workspace.entity_overrides)

    def change_language(self, document_id: str, language: str) -> None:
        self._run(self._on_reanalysed, tasks.reanalyse, list(self.workspace.machine),
                  document_id, language, self.workspace.entity_overrides)

    def merge_entities(self, key: str, into: str) -> None:
        """The analyst says ``key`` names the same thing as ``into``: relink, undoably."""
        overrides = self._copied_overrides()
        overrides.merge([key], into)
        self._relink(overrides, "Merge entities", f"“{key}” is now “{into}”")

    def split_entity(self, document_id: str, entity_id: str, key: str) -> None:
        """The analyst says one mention is not what the others with its key are."""
        overrides = self._copied_overrides()
        overrides.split(document_id, entity_id, key)
        self._relink(overrides, "Split entity", f"One “{key}” split off")

    def _copied_overrides(self) -> EntityOverrides:
        """A fresh copy: the one in the workspace belongs to an undo snapshot."""
        from timeweave.entities.overrides import EntityOverrides

        current = self.workspace.entity_overrides or EntityOverrides()
        return EntityOverrides.from_json(current.to_json())

    def _relink(self, overrides: EntityOverrides, text: str, done_text: str) -> None:
        def done(links: list[Link]) -> None:
            after = dataclasses.replace(self.workspace.snapshot(), links=tuple(links),
                                        entity_overrides=overrides)
            self.reviewer.change(after, text)
            self.show_status(f"{done_text}: sources relinked.")

        self._run(done, tasks.relink, list(self.workspace.machine), overrides)

    def _run(self, on_done: Callable[[Any], None], function: Callable[..., Any],
             *args: Any, streaming: bool = False) -> None:
        """Start background work whose result goes to ``on_done`` (a newer task replaces it,
        and files still streaming in are taken out again)."""
        self._end_stream(keep=False)
        self._on_task_done = on_done
        self.runner.start(function, *args, streaming=streaming)

    def _on_finished(self, result: object) -> None:
        handler, self._on_task_done = self._on_task_done, None
        if handler is not None:
            handler(result)

    def _on_reanalysed(self, redone: tuple[DocumentAnalysis, list[Link]]) -> None:
        analysis, links = redone
        doc = analysis.document
        what = "Set publication date" if doc.date.source == "user" else "Set language"
        self.reviewer.change(self.workspace.with_document(analysis, links), what)
        self.show_status(f"{analysis.document.label}: "
                         f"{len(analysis.events)} events placed again.")

    # --- review -------------------------------------------------------------------------

    def _one_selected(self) -> EventRef | None:
        refs = sorted(self.workspace.selection)
        if len(refs) != 1:
            self.show_status("Select one event first.")
            return None
        return refs[0]

    def set_status(self, status: str) -> None:
        if self.workspace.selection:
            self.reviewer.set_status(self.workspace.selection, status)  # type: ignore[arg-type]

    def edit_time(self) -> None:
        """Ask when the selected event happened, starting from a value the dialog accepts."""
        ref = self._one_selected()
        if ref is None:
            return
        event = self.workspace.event(ref)
        prompt = (f"When did “{_short(event.cue or event.text)}” happen?\n"
                  f"Now: {time_words(event.time)}.\n\nA year, a month or a day "
                  "(YYYY, YYYY-MM or YYYY-MM-DD):")
        date = self.workspace.analysis(ref.document).document.date
        self._ask_text("Set time", prompt, editable_date(event.time, date),
                       lambda text: self._apply_time(ref, text))

    def _ask_text(self, title: str, prompt: str, text: str,
                  apply: Callable[[str], str | None]) -> None:
        """A non-blocking text dialog; when ``apply`` explains an error, the dialog comes back
        with the analyst's input and the explanation, so nothing typed is lost."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(prompt)
        dialog.setTextValue(text)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def entered(value: str) -> None:
            error = apply(value)
            if error is not None:
                self._ask_text(title, f"{prompt}\n\n⚠ {error}", value, apply)

        dialog.textValueSelected.connect(entered)
        self.text_dialog = dialog
        dialog.open()

    def set_time(self, ref: EventRef, text: str) -> bool:
        """Set the analyst's time; a text that is not a date is explained in a message."""
        error = self._apply_time(ref, text)
        if error is not None:
            self.report_problem("Time not changed", error)
        return error is None

    def _apply_time(self, ref: EventRef, text: str) -> str | None:
        """Set the time, or say why ``text`` is not a year, a month or a day."""
        try:
            date = DocumentDate.parse(text, "user")
        except ValueError as exc:
            if "range" in str(exc):
                return f"“{text}” is out of range: {str(exc).split(':')[0]}."
            return f"“{text}” is not a year, a month or a day: use YYYY, YYYY-MM or YYYY-MM-DD."
        self.reviewer.set_time(ref, date)
        return None

    def edit_actors(self) -> None:
        """Ask for the actors by name (entity ids are internal), among the document's names."""
        ref = self._one_selected()
        if ref is None:
            return
        analysis = self.workspace.analysis(ref.document)
        by_id = {e.id: e.text for e in analysis.entities}
        names = sorted(set(by_id.values()), key=str.casefold)
        current = ", ".join(by_id[a] for a in self.workspace.event(ref).actors if a in by_id)
        prompt = "Actors, comma separated, from the names in this document:\n" + _short(
            ", ".join(names), 400)
        self._ask_text("Set actors", prompt, current,
                       lambda text: self._set_actors(ref, text, analysis.entities))

    def _set_actors(self, ref: EventRef, text: str, entities: list[Entity]) -> str | None:
        ids: dict[str, str] = {}
        for entity in entities:
            ids.setdefault(entity.text.casefold(), entity.id)
        wanted = [name.strip() for name in text.split(",") if name.strip()]
        unknown = [name for name in wanted if name.casefold() not in ids]
        if unknown:
            return f"Not a name in this document: {', '.join(unknown)}."
        self.reviewer.set_actors(ref, tuple(dict.fromkeys(ids[n.casefold()] for n in wanted)))
        return None

    def edit_span(self) -> None:
        ref = self._one_selected()
        cursor = self.document_view.text.textCursor()
        shown = self.document_view.document_id
        if ref is None or not cursor.hasSelection() or ref.document != shown:
            self.show_status("Select the event, then the new passage in its document.")
            return
        # Qt counts UTF-16 units: past an emoji its positions run ahead of the text's, and a
        # span past the end would make the project unsavable. Kept inside, as add_event does.
        length = len(self.workspace.analysis(shown).document.text)
        self.reviewer.set_span(ref, min(cursor.selectionStart(), length),
                               min(cursor.selectionEnd(), length))

    def add_event_from_text(self) -> None:
        cursor = self.document_view.text.textCursor()
        doc_id = self.document_view.document_id
        if doc_id is None or not cursor.hasSelection():
            self.show_status("Select the passage of the new event in the document first.")
            return
        self.add_event(doc_id, cursor.selectionStart(), cursor.selectionEnd())

    def add_event(self, document_id: str, start: int, end: int) -> None:
        ref = self.reviewer.add_event(document_id, start, end)
        self.workspace.select([ref])

    def _update_actions(self) -> None:
        selected = bool(self.workspace.selection)
        for action in (self.accept_action, self.reject_action, self.time_action,
                       self.actors_action, self.span_action):
            action.setEnabled(selected)

    # --- projects -----------------------------------------------------------------------

    def current_project(self) -> projects.Project:
        view = {
            "selection": [[r.document, r.event] for r in sorted(self.workspace.selection)],
            "selected_entity": self.workspace.selected_entity,
            "document": self.document_view.document_id,
            "compare": list(self.compare_view.document_ids),
            "layout": self.layout_state(docks=False),
        }
        return projects.Project(self.workspace.result(), self.workspace.review,
                                self.workspace.entity_overrides, view)

    def save_project(self) -> bool:
        if self.project_path is None:
            return self.save_project_as()
        return self.write_project(self.project_path)

    def save_project_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, "Save project", str(Path.home()),
                                              PROJECT_FILTER)
        if not path:
            return False
        if not path.endswith(projects.SUFFIX):
            path += projects.SUFFIX
        return self.write_project(Path(path))

    def write_project(self, path: Path) -> bool:
        try:
            projects.save(self.current_project(), path)
        except OSError as exc:
            self.report_problem("Project not saved", f"{path}: {exc.strerror or exc}")
            return False
        except projects.ProjectError as exc:
            self.report_problem("Project not saved", f"{path}: {exc}")
            return False
        self.project_path = path
        self._mark_saved()
        self._remember_recent(str(path))
        projects.discard_recovery(self.recovery_dir)
        self.show_status(f"Saved {path.name}.")
        return True

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", str(Path.home()),
                                              PROJECT_FILTER)
        if path:
            self.open_project(path)

    def open_project(self, path: str | Path, recovered: bool = False,
                     then: Callable[[], None] | None = None) -> bool:
        """Open a project: read and check all of it, ask about unsaved work, then replace the
        open work in one step (and run ``then``). A bad or newer file is explained and the
        open work stays. True when the project is open now; False when it was refused or
        waits for the answer to the unsaved-work question."""
        try:
            loaded = projects.load(path)
        except projects.ProjectError as exc:
            self.report_problem("Project not opened", str(exc))
            return False

        def apply() -> None:
            self._apply_project(loaded, Path(path), recovered)
            if then is not None:
                then()

        if not self.has_unsaved_work:
            apply()
            return True
        self._ask_about_unsaved(f"Save your documents and review before opening "
                                f"{Path(path).name}?", apply)
        return False

    def _apply_project(self, loaded: projects.Project, path: Path, recovered: bool) -> None:
        """Replace the open work with a project that passed every check: nothing here fails."""
        self._on_task_done = None  # a task still running worked for the old documents
        self.runner.cancel()
        self._end_stream(keep=True)  # the project replaces whatever streamed in
        self.undo_stack.clear()
        self.workspace.set_result(loaded.result, loaded.review, loaded.entity_overrides)
        self.project_path = None if recovered else path
        self._restore_view(loaded.view)
        if recovered:
            self._saved = Snapshot((), (), (), None)
        else:
            self._mark_saved()
            self._remember_recent(str(path))
        self._update_title()
        self.fit_all()

    def _restore_view(self, view: dict[str, Any]) -> None:
        if view.get("document"):
            self.document_view.show_document(view["document"])
        compare = view.get("compare") or []
        if len(compare) == 2 and all(compare):
            self.compare_view.set_documents(*compare)
        if isinstance(view.get("layout"), dict):
            self.apply_layout_state(view["layout"])
        refs = [EventRef(doc, event) for doc, event in view.get("selection", [])]
        self.workspace.select(refs, view.get("selected_entity"))

    def _mark_saved(self) -> None:
        self.undo_stack.setClean()
        self._saved_review = self.workspace.review
        self._saved = self.workspace.snapshot()

    @property
    def dirty(self) -> bool:
        """Unsaved work: documents, dates, entity decisions or edits not in the project file."""
        return (self.workspace.snapshot() != self._saved
                or self.workspace.review != self._saved_review)

    @property
    def has_unsaved_work(self) -> bool:
        """Something open that closing or opening a project would lose."""
        return self.dirty and bool(self.workspace.machine)

    # --- autosave and recovery ----------------------------------------------------------

    def autosave(self) -> Path | None:
        if not self.dirty or not self.workspace.machine:
            return None
        try:
            return projects.write_recovery(self.current_project(), self.recovery_dir)
        except OSError as exc:
            self.show_status(f"Autosave failed: {exc.strerror or exc}")
        except projects.ProjectError as exc:
            self.show_status(f"Autosave failed: {exc}")
        return None

    def offer_recovery(self, files: Sequence[str] = ()) -> bool:
        """After a crash, offer the autosaved work (non-blocking); ``files`` (named on the
        command line) are opened whatever the answer, next to the recovered work. True if
        there was work to recover."""
        found = projects.find_recovery(self.recovery_dir)
        if found is None:
            if files:
                self.open_files(list(files))
            return False
        text = ("Timeweave did not close normally last time. Recover the work that was "
                "autosaved?")
        if files:
            text += f"\n\nThe {len(files)} file(s) you named are opened either way."
        box = QMessageBox(QMessageBox.Icon.Question, "Recover unsaved work?", text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
                          self)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda result: self._on_recovery_answer(found, result, files))
        self.recovery_box = box
        box.open()
        return True

    def _on_recovery_answer(self, path: Path, result: int, files: Sequence[str] = ()) -> None:
        self.recovery_box = None
        if result == QMessageBox.StandardButton.Yes:
            if self.open_project(path, recovered=True):
                self.show_status("Recovered the autosaved work; save it as a project.")
        else:
            projects.discard_recovery(self.recovery_dir)
        if files:
            self.open_files(list(files))

    # --- export -------------------------------------------------------------------------

    def export_dialog(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, f"Export {fmt.upper()}",
                                              str(Path.home() / f"timeweave.{fmt}"),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> bool:
        """Write events (CSV/XLSX/JSON), the timeline (PNG/SVG) or the report (PDF) by suffix."""
        fmt = path.suffix.lower().lstrip(".")
        try:
            if fmt == "pdf":
                from gui.report import write_pdf

                timeline = self.timeline
                paint = (None if timeline is None else  # every dated event, whatever the zoom
                         lambda painter, rect: timeline.paint_into(painter, rect, whole=True))
                write_pdf(self.workspace, path, paint)
            elif fmt in ("png", "svg"):
                if self.timeline is None:
                    raise OSError("the timeline is not available in this build")
                self.timeline.export_image(path)  # type: ignore[attr-defined]
            elif fmt in ("csv", "xlsx"):
                from timeweave import table

                write = table.export_csv if fmt == "csv" else table.export_xlsx
                write(path, self.workspace.shown_analyses(), self.workspace.review)
            elif fmt == "json":
                from timeweave import table

                ws = self.workspace
                table.export_json(path, ExtractionResult(ws.shown_analyses(), ws.links,
                                                         ws.errors), ws.review)
            else:
                raise ValueError(f"no export to .{fmt}: choose csv, xlsx, json, png, svg or pdf")
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            self.report_problem("Export failed", f"{path.name}: {reason}")
            return False
        self.show_status(f"Exported {path.name}.")
        return True

    # --- feedback -----------------------------------------------------------------------

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def report_problem(self, title: str, text: str) -> None:
        """Explain a problem without blocking: the window stays usable behind the message."""
        self.messages.append(f"{title}: {text}")
        self.show_status(f"{title}.")
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are not markup
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_progress(self, fraction: float, message: str) -> None:
        """O(1): the bar and the message; the Sources rows change as documents arrive."""
        self.progress_bar.setValue(int(fraction * 1000))
        self.status_label.setText(message)
        if self.timeline is not None:
            self.timeline.set_placeholder(  # type: ignore[attr-defined]
                f"{message} ({fraction:.0%})\nThe timeline appears when the documents are read.")

    def _on_failed(self, message: str) -> None:
        self._on_task_done = None
        self._end_stream(keep=False)
        self.sources.clear_pending()
        self.report_problem("Processing failed", message)

    def _on_cancelled(self) -> None:
        self._on_task_done = None
        self._end_stream(keep=False)
        self.sources.clear_pending()
        self.show_status("Cancelled. Open documents are unchanged.")

    def _set_busy(self, busy: bool) -> None:
        if self.timeline is not None:
            text = "Reading and analysing the documents…" if busy else None
            self.timeline.set_placeholder(text)  # type: ignore[attr-defined]
        if busy:  # reset while hidden: a visible bar repaints the window at once
            self.progress_bar.setValue(0)
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_action.setEnabled(busy)

    def _update_title(self) -> None:
        name = self.project_path.name if self.project_path else "Untitled"
        self.setWindowModified(self.dirty)
        self.setWindowTitle(f"{name}[*] — Timeweave")

    def fit_all(self) -> None:
        if self.timeline is not None:
            self.timeline.fit_all()  # type: ignore[attr-defined]

    # --- recent files, drag and drop, closing --------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember_recent(self, path: str) -> None:
        absolute = str(Path(path).resolve())
        recent = [absolute, *(p for p in self.recent_files() if p != absolute)][:MAX_RECENT]
        self.settings.setValue("recentFiles", recent)
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(Path(path).name.replace("&", "&&"))
            action.setToolTip(plain_tooltip(path))
            action.triggered.connect(lambda _=False, p=path: self.open_files([p]))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    # --- layout, search, help, theme ------------------------------------------------------

    def docks(self) -> list[QDockWidget]:
        return [self.document_dock, self.sources_dock,
                *([self.events_dock] if self.events_table is not None else []),
                self.compare_dock, self.coverage_dock, self.entity_story_dock, self.search_dock]

    def layout_state(self, docks: bool = True) -> dict[str, Any]:
        """The arrangement worth keeping: the timeline's lane mode and, with ``docks``, the
        panels and their sizes (per user only: they depend on the screen, not the project)."""
        state: dict[str, Any] = {}
        if docks:
            state["docks"] = bytes(self.saveState(LAYOUT_VERSION).toBase64()).decode("ascii")
        if self.timeline is not None:
            state["lanes"] = self.timeline.view.lane_mode  # type: ignore[attr-defined]
        return state

    def apply_layout_state(self, state: Mapping[str, Any]) -> bool:
        """Put back a :meth:`layout_state`; False when there was nothing usable."""
        restored = False
        docks = state.get("docks")
        if isinstance(docks, str) and docks:
            restored = self.restoreState(QByteArray.fromBase64(docks.encode("ascii")),
                                         LAYOUT_VERSION)
        lanes = state.get("lanes")
        if self.timeline is not None and lanes in ("source", "entity"):
            box = self.timeline.lanes_box  # type: ignore[attr-defined]
            box.setCurrentIndex(box.findData(lanes))
        return restored

    def save_layout(self) -> None:
        """Remember the arrangement for this user (per project: in the project's view); a
        window never shown has no arrangement of its own to remember."""
        if self._docks_sized:
            self.settings.setValue("layout", self.layout_state())

    def restore_layout(self) -> bool:
        value = self.settings.value("layout")
        return isinstance(value, dict) and self.apply_layout_state(value)

    def reset_layout(self) -> None:
        """Every panel back in its starting place and size."""
        area = Qt.DockWidgetArea
        for dock in self.docks():
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(area.RightDockWidgetArea, self.document_dock)
        below = self.docks()[1:]
        for dock in below:
            self.addDockWidget(area.BottomDockWidgetArea, dock)
        for dock in below[1:]:
            self.tabifyDockWidget(below[0], dock)
        self.sources_dock.raise_()
        self.size_docks()

    def show_document(self, document_id: str) -> None:
        """A source was clicked: its text in the document dock."""
        self.document_dock.show()
        self.document_view.show_document(document_id)

    def show_text(self, document_id: str, start: int, end: int) -> None:
        """A text match outside any event: show it selected in its document."""
        self.show_document(document_id)
        text = self.document_view.text
        cursor = text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
        text.setTextCursor(cursor)
        text.ensureCursorVisible()

    def show_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_panel.focus()

    def show_all(self) -> None:
        if self.timeline is not None:
            self.timeline.show_all()  # type: ignore[attr-defined]

    def show_shortcuts(self) -> QMessageBox:
        actions = [a for menu in self.menuBar().findChildren(QMenu) for a in menu.actions()]
        return help_window.show_shortcuts(self, list(dict.fromkeys(actions)))

    def show_about(self) -> QMessageBox:
        return help_window.show_about(self)

    @property
    def theme(self) -> str:
        value = self.settings.value("theme", "system")
        return value if value in {name for _, name in palette.THEMES} else "system"

    def set_theme(self, name: str) -> None:
        """The analyst's choice: follow the system, or always light or dark (remembered)."""
        self.settings.setValue("theme", name)
        self.theme_actions[name].setChecked(True)
        self.apply_theme(name)

    def apply_theme(self, name: str) -> None:
        palette.apply(name)
        self.sources.refresh()
        self.workspace.selection_changed.emit()  # the text views mark again, in new colours
        for widget in self.findChildren(QWidget):
            widget.update()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved work: ask (without blocking) whether to save, discard or stay. A closed
        window leaves no recovery file; one that never closed (a crash) leaves its autosave."""
        if self.has_unsaved_work and not self._closing:
            event.ignore()
            self._ask_about_unsaved("Save your documents and review before closing?",
                                    self._close_now)
            return
        self.save_layout()
        self.runner.cancel()
        self.runner.wait(5000)
        self.autosave_timer.stop()
        projects.discard_recovery(self.recovery_dir)
        super().closeEvent(event)

    def _close_now(self) -> None:
        self._closing = True
        self.close()

    def _ask_about_unsaved(self, question: str, then: Callable[[], None]) -> None:
        """Ask Save / Discard / Cancel about unsaved work, without blocking. ``then`` runs
        after Discard, or after Save once the project is saved; Cancel changes nothing."""
        if self.unsaved_box is not None:
            self.show_status("Answer the question about unsaved work first.")
            return
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, "Unsaved work", question,
                          buttons.Save | buttons.Discard | buttons.Cancel, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the question names a file
        box.setInformativeText("Discarded work cannot be recovered.")
        box.setDefaultButton(buttons.Save)
        box.finished.connect(lambda answer: self._on_unsaved_answer(answer, then))
        self.unsaved_box = box
        box.open()

    def _on_unsaved_answer(self, answer: int, then: Callable[[], None]) -> None:
        self.unsaved_box = None
        buttons = QMessageBox.StandardButton
        if answer == buttons.Discard or (answer == buttons.Save and self.save_project()):
            then()
