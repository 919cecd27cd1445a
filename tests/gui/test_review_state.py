"""Review state in plain sight: marks and a status column, rejected events on request, kind
filters that the table and the timeline both follow, triggers highlighted, short undo labels,
Set time that starts valid and keeps the input, recovery that keeps the command-line files."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from gui import palette
from gui.events_table import SHOWN
from gui.main_window import MainWindow
from gui.timeline.render import ACCEPTED, PENDING, REJECTED
from tests.gui.analyses import english, estonian, two_sources
from tests.gui.seeds import highlighted, wait_idle
from timeweave.model import ExtractionResult, Participant
from timeweave.project import find_recovery
from timeweave.workspace import EventRef

INTERNAL_ID = re.compile(r"\b[dveutn]\d+\b")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.workspace.set_result(two_sources())
    return win


def _rows(window: MainWindow) -> list[tuple[str, str]]:
    model = window.events_table.model
    return [(model.ref(row).document, model.ref(row).event) for row in range(model.rowCount())]


def _cell(window: MainWindow, ref: tuple[str, str], column: str,
          role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
    model = window.events_table.model
    row = model.row_of(EventRef(*ref))
    assert row is not None
    return model.data(model.index(row, SHOWN.index(column)), role)


def test_accept_and_reject_show_in_the_table_and_rejected_come_back(window: MainWindow) -> None:
    ws = window.workspace
    ws.select([EventRef("d1", "e1")])
    window.accept_action.trigger()
    assert _cell(window, ("d1", "e1"), "status") == "✓"
    assert ws.status(EventRef("d1", "e1")) == "accepted"
    ws.select([EventRef("d1", "e2")])
    window.reject_action.trigger()
    assert ("d1", "e2") not in _rows(window)
    window.events_table.show_rejected.setChecked(True)
    assert ("d1", "e2") in _rows(window)
    assert _cell(window, ("d1", "e2"), "status") == "✗"
    grey = _cell(window, ("d1", "e2"), "text", Qt.ItemDataRole.ForegroundRole)
    assert grey.color() == palette.REJECTED
    assert EventRef("d1", "e2") in window.timeline.view.timeline_layout.ref_index
    ws.select([EventRef("d1", "e2")])  # a rejected event can be accepted again
    window.accept_action.trigger()
    assert _cell(window, ("d1", "e2"), "status") == "✓"
    window.events_table.show_rejected.setChecked(False)
    assert ("d1", "e2") in _rows(window)


def test_times_are_words_with_the_value_for_experts(window: MainWindow) -> None:
    when = _cell(window, ("d2", "e2"), "when")
    assert when == "22 October, year unknown"
    tip = QTextDocument()  # tooltips are rich text that shows the words as written
    tip.setHtml(_cell(window, ("d2", "e2"), "when", Qt.ItemDataRole.ToolTipRole))
    assert tip.toPlainText().splitlines() == ["22 October, year unknown",
                                              "from a time expression",
                                              "TIMEX3 value: XXXX-10-22"]
    model = window.events_table.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Review", "When", "Passage"]
    assert "TIMEX3" in headers


def _kinds() -> ExtractionResult:
    """The seeds with the fields the event finder fills: a state, an unanchored occurrence."""
    est, eng = estonian(), english()
    e1, e2, e3 = est.events
    trigger = est.document.text.index("hoiatas")
    est = dataclasses.replace(est, events=[
        dataclasses.replace(e1, event_class="STATE"),
        dataclasses.replace(e2, event_class="REPORTING", category="statement",
                            trigger=(trigger, trigger + len("hoiatas")),
                            participants=(Participant("agent", "n2"),), polarity="NEG"),
        dataclasses.replace(e3, event_class="OCCURRENCE", category="conflict", actors=(),
                            modality="reported", reported_by="e2"),
    ])
    eng = dataclasses.replace(eng, events=[
        eng.events[0], dataclasses.replace(eng.events[1], category="agreement_meeting")])
    bare = dataclasses.replace(eng.events[1], id="e3", time=dataclasses.replace(
        eng.events[1].time, earliest=None, latest=None, value=None, basis="unknown"))
    eng = dataclasses.replace(eng, events=[*eng.events, bare])
    return ExtractionResult([est, eng], two_sources().links)


def test_kind_filters_drive_the_table_and_the_timeline(window: MainWindow) -> None:
    window.workspace.set_result(_kinds())
    table = window.events_table
    timeline = window.timeline.view

    def timeline_refs() -> set[tuple[str, str]]:
        return {(r.document, r.event) for r in timeline.timeline_layout.refs}

    default = {("d1", "e2"), ("d1", "e3"), ("d2", "e1"), ("d2", "e2")}
    assert set(_rows(window)) == default == timeline_refs()  # no state, no bare event
    assert _cell(window, ("d1", "e2"), "participants") == "Ilja Rogatšjov (agent)"
    assert _cell(window, ("d1", "e2"), "trigger") == "hoiatas"
    assert _cell(window, ("d1", "e2"), "polarity") == "negated"
    assert _cell(window, ("d1", "e3"), "modality") == "reported"
    table.quiet.setChecked(True)
    assert ("d1", "e1") in _rows(window)
    assert ("d1", "e1") in timeline_refs()
    table.show_all.setChecked(True)
    assert ("d2", "e3") in _rows(window)
    table.category.setCurrentIndex(table.category.findData("conflict"))
    assert _rows(window) == [("d1", "e3")]
    assert timeline_refs() == {("d1", "e3")}
    assert table.category.currentText() == "conflict"
    table.category.setCurrentIndex(0)
    table.event_class.setCurrentIndex(table.event_class.findData("REPORTING"))
    assert _rows(window) == [("d1", "e2")]
    table.event_class.setCurrentIndex(0)
    table.modality.setCurrentIndex(table.modality.findData("reported"))
    assert _rows(window) == [("d1", "e3")]


def test_document_view_marks_the_trigger_stronger_in_the_passage(window: MainWindow) -> None:
    window.workspace.set_result(_kinds())
    text = window.workspace.analysis("d1").document.text
    start = text.index("hoiatas")
    window.workspace.select([EventRef("d1", "e2")])
    pane = window.document_view.text
    assert (start, start + len("hoiatas")) in highlighted(pane, palette.TRIGGER.name())
    window.workspace.select([EventRef("d1", "e3")])
    assert (start, start + len("hoiatas")) in highlighted(pane, palette.TRIGGER_QUIET.name())


def test_undo_labels_are_short_and_carry_no_ids(window: MainWindow) -> None:
    ws = window.workspace
    ws.select([EventRef("d1", "e3")])
    window.accept_action.trigger()
    assert window.undo_stack.undoText() == "Accept event"
    assert window.set_time(EventRef("d1", "e3"), "2017-10-19")
    assert window.undo_stack.undoText() == "Set time"
    ws.select([EventRef("d1", "e1"), EventRef("d1", "e2")])
    window.reject_action.trigger()
    assert window.undo_stack.undoText() == "Reject events"
    text = ws.analysis("d2").document.text
    start = text.index("announced a dialogue")
    window.add_event("d2", start, start + 20)
    labels = [window.undo_stack.text(i) for i in range(window.undo_stack.count())]
    assert labels == ["Accept event", "Set time", "Reject events", "Add event"]
    assert not any(INTERNAL_ID.search(label) for label in labels)


def test_set_time_starts_valid_and_keeps_the_input_on_an_error(window: MainWindow) -> None:
    ref = EventRef("d1", "e2")
    window.workspace.select([ref])
    window.edit_time()
    dialog = window.text_dialog
    assert dialog is not None
    assert dialog.textValue() == "2017-10"  # the event's month: a value the dialog accepts
    assert "TIMEX3" not in dialog.labelText()
    assert "October 2017" in dialog.labelText()
    dialog.setTextValue("12.10.2017")
    dialog.accept()
    again = window.text_dialog
    assert again is not dialog
    assert again.isVisible()
    assert again.textValue() == "12.10.2017"
    assert "YYYY-MM-DD" in again.labelText().split("⚠")[1]
    assert window.undo_stack.count() == 0
    again.setTextValue("2017-10-12")
    again.accept()
    assert window.workspace.event(ref).time.value == "2017-10-12"
    assert window.undo_stack.undoText() == "Set time"


def test_set_actors_by_name_not_id(window: MainWindow) -> None:
    ref = EventRef("d1", "e3")
    window.workspace.select([ref])
    window.edit_actors()
    dialog = window.text_dialog
    assert dialog.textValue() == "Vladimir Putin"
    assert not INTERNAL_ID.search(dialog.labelText())
    dialog.setTextValue("Vladimir Putin, Türgi, Nobody")
    dialog.accept()
    again = window.text_dialog
    assert "Nobody" in again.labelText()
    again.setTextValue("Vladimir Putin, türgi")
    again.accept()
    assert window.workspace.event(ref).actors == ("n3", "n5")


def test_review_status_is_in_every_export(window: MainWindow, tmp_path: Path) -> None:
    ws = window.workspace
    ws.select([EventRef("d1", "e1")])
    window.accept_action.trigger()
    ws.select([EventRef("d1", "e2")])
    window.reject_action.trigger()
    window.events_table.show_rejected.setChecked(True)
    for suffix in ("csv", "xlsx", "json"):
        assert window.export(tmp_path / f"events.{suffix}")
    csv = pd.read_csv(tmp_path / "events.csv", encoding="utf-8-sig")
    xlsx = pd.read_excel(tmp_path / "events.xlsx")
    data = json.loads((tmp_path / "events.json").read_text("utf-8"))
    reviews = {(d["id"], e["id"]): e["review"] for d in data["documents"] for e in d["events"]}
    for frame in (csv, xlsx):
        statuses = dict(zip(zip(frame["document"], frame["event"], strict=True),
                            frame["status"], strict=True))
        assert statuses == reviews
    assert reviews[("d1", "e1")] == "accepted"
    assert reviews[("d1", "e2")] == "rejected"
    assert reviews[("d2", "e1")] == "pending"
    window.events_table.show_rejected.setChecked(False)
    assert window.export(tmp_path / "shown.json")
    shown = json.loads((tmp_path / "shown.json").read_text("utf-8"))
    assert "e2" not in [e["id"] for e in shown["documents"][0]["events"]]


def test_recovery_keeps_the_files_named_on_the_command_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.workspace.select([EventRef("d1", "e1")])
    window.accept_action.trigger()
    window.autosave()
    window.close()
    assert find_recovery(tmp_path / "recovery") is not None
    named = tmp_path / "named.txt"
    named.write_text("date 2019-11-20\nThe minister said on Tuesday that the talks in Ankara "
                     "had ended.\n", encoding="utf-8")
    again = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(again)
    assert again.offer_recovery([str(named)])
    box = again.recovery_box
    assert "opened either way" in box.text()
    box.button(box.StandardButton.Yes).click()
    wait_idle(qtbot, again)
    paths = [Path(a.document.path).name for a in again.workspace.analyses]
    assert len(paths) == 3
    assert paths[-1] == "named.txt"
    assert again.workspace.review.status(("d1", "e1")) == "accepted"


def test_the_timeline_marks_review_status(window: MainWindow) -> None:
    ws = window.workspace
    view = window.timeline.view
    window.resize(1400, 900)
    window.show()
    accepted, rejected = EventRef("d1", "e3"), EventRef("d1", "e2")
    ws.select([accepted])
    window.accept_action.trigger()
    ws.select([rejected])
    window.reject_action.trigger()
    window.events_table.show_rejected.setChecked(True)
    layout = view.timeline_layout

    def status(ref: EventRef) -> int:
        return int(view.event_status[layout.ref_index[ref]])

    assert status(accepted) == ACCEPTED
    assert status(rejected) == REJECTED
    assert status(EventRef("d1", "e1")) == PENDING
    view.fit_all()
    rect = view.event_rect(accepted)
    assert rect is not None
    tip = view.tooltip_at(rect.center())
    assert "<b>accepted</b> in review" in tip
