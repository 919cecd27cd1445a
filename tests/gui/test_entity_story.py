"""The entity story view: pick an entity, see its events across sources, select one story."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from gui.entity_story import EntityStoryView
from timeweave.workspace import EventRef, Workspace


def test_entity_story_lists_a_shared_event_once_with_both_sources(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = EntityStoryView(workspace)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    keys = [view.entity.itemData(i) for i in range(view.entity.count())]
    assert keys[:2] == ["islamic state", "turkey"]  # in both sources, first
    assert view.choose("ilya rogachev")  # the warning d1 and d2 both report
    rows = [[view.rows.topLevelItem(r).text(c) for c in range(5)]
            for r in range(view.rows.topLevelItemCount())]
    shared = [row for row in rows if row[3] == "2"]
    assert len(shared) == 1, rows  # the linked warning, once, with two sources
    assert shared[0][4].startswith("⚠ actor:")
    item = next(view.rows.topLevelItem(r) for r in range(view.rows.topLevelItemCount())
                if view.rows.topLevelItem(r).text(3) == "2")
    assert not item.icon(3).isNull()
    assert "Reported by" in item.toolTip(3)
    item.setSelected(True)
    assert workspace.selection == {EventRef("d1", "e2"), EventRef("d2", "e1")}
    assert not view.choose("atlantis")


def test_entity_story_follows_the_documents(qtbot: QtBot, workspace: Workspace) -> None:
    view = EntityStoryView(workspace)
    qtbot.addWidget(view)
    view.show()
    view.choose("ilya rogachev")
    assert [view.rows.topLevelItem(r).text(3) for r in range(view.rows.topLevelItemCount())] == [
        "2"
    ]
    workspace.restore(dataclasses.replace(
        workspace.snapshot(), machine=tuple(workspace.machine[:1]), links=()
    ))
    # the choice survives while the key is there; the story is now told by one source
    assert view.entity.currentData() == "ilya rogachev"
    assert [view.rows.topLevelItem(r).text(3) for r in range(view.rows.topLevelItemCount())] == [
        "1"
    ]


def test_entity_story_follows_the_workspace_filter(qtbot: QtBot, workspace: Workspace) -> None:
    view = EntityStoryView(workspace)
    qtbot.addWidget(view)
    view.show()
    view.choose("ilya rogachev")
    assert view.rows.topLevelItem(0).text(3) == "2"
    workspace.set_filter(dataclasses.replace(workspace.filter, documents=frozenset({"d1"})))
    assert [view.rows.topLevelItem(r).text(3) for r in range(view.rows.topLevelItemCount())] == [
        "1"
    ]


def test_a_hidden_entity_story_rebuilds_only_when_shown(qtbot: QtBot, workspace: Workspace) -> None:
    view = EntityStoryView(workspace)
    qtbot.addWidget(view)
    view.show()
    view.choose("ilya rogachev")
    view.hide()  # behind another tab: a change only marks it out of date
    workspace.set_filter(dataclasses.replace(workspace.filter, documents=frozenset({"d1"})))
    assert view.when_shown.stale
    assert view.rows.topLevelItem(0).text(3) == "2"
    view.show()
    qtbot.waitUntil(lambda: view.rows.topLevelItem(0).text(3) == "1")
    assert not view.when_shown.stale
