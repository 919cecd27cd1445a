"""Document content is shown as written: a title, a path, an entity name or a passage that
contains markup is never rendered as rich text (it could load a local image, P8)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from tests.gui.analyses import two_sources
from timeweave.model import ExtractionResult
from timeweave.workspace import EventRef


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    """A local red image that a rendered ``<img>`` would show."""
    path = tmp_path / "red.png"
    image = QImage(60, 60, QImage.Format.Format_RGB32)
    image.fill(QColor(255, 0, 0))
    assert image.save(str(path))
    return path


def hostile(picture: Path) -> str:
    return f'<img src="{picture}"> <b>bold</b>'


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, picture: Path) -> MainWindow:
    """Every document-derived string carries markup: titles, paths, languages, entity keys,
    passages, cues and a load error."""
    markup = hostile(picture)
    result = two_sources()
    for analysis in result.documents:
        doc = analysis.document
        doc.title, doc.path, doc.language = markup, f"/news/{markup}.txt", markup
        analysis.entities = [
            dataclasses.replace(e, key=markup) if e.key == "islamic state" else e
            for e in analysis.entities
        ]
        analysis.events = [dataclasses.replace(e, text=markup + e.text, cue=markup)
                           for e in analysis.events]
    links = [dataclasses.replace(link, key=markup) if link.key == "islamic state" else link
             for link in result.links]
    result = ExtractionResult(result.documents, links,
                              [dataclasses.replace(e, message=markup) for e in result.errors])
    win = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.workspace.set_result(result)
    win.compare_view.set_documents("d1", "d2")
    win.compare_dock.raise_()  # the side-by-side tab in front
    return win


def red_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return sum(
        1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) == QColor(255, 0, 0)
    )


def shown_text(label: QLabel) -> str:
    """The text a label shows, after Qt's own decision between plain and rich text."""
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.mightBeRichText(label.text())
    )
    return as_displayed(label.text(), rich)


def tooltip_text(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as rich text when it looks like rich text."""
    return as_displayed(tooltip, QtGui.mightBeRichText(tooltip))


def as_displayed(text: str, rich: bool) -> str:
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def same_words(shown: str, written: str) -> bool:
    """Rich-text display folds runs of spaces and line breaks; the words stay."""
    return re.sub(r"\s+", " ", shown).strip() == re.sub(r"\s+", " ", written).strip()


def test_side_by_side_titles_and_shared_names_are_plain(window: MainWindow,
                                                         picture: Path) -> None:
    view = window.compare_view
    markup = hostile(picture)
    for label in (view.titles[0], view.titles[2], view.shared):
        assert markup[:30] in shown_text(label)
        assert red_pixels(label) == 0
    assert red_pixels(view) == 0


def test_document_view_and_status_bar_are_plain(window: MainWindow, picture: Path) -> None:
    markup = hostile(picture)
    info = window.document_view.info
    assert shown_text(info).startswith(markup.upper()[:20])
    assert red_pixels(info) == 0
    window.show_status(f"{markup}: 3 events placed again.")
    assert shown_text(window.status_label).startswith(markup)
    assert red_pixels(window.status_label) == 0


def test_a_message_naming_a_file_is_plain(window: MainWindow, picture: Path) -> None:
    window.report_problem("Project not opened", f"{hostile(picture)}.timeweave: damaged")
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert red_pixels(box) == 0


def test_tooltips_show_document_content_as_written(window: MainWindow, picture: Path) -> None:
    markup = hostile(picture)
    tips = []
    table = window.sources.table
    tips += [table.item(row, 0).toolTip() for row in range(table.rowCount())]
    compare = window.compare_view
    tips += [items.item(row).toolTip() for items in (compare.only_left, compare.only_right)
             for row in range(items.count())]
    tray = window.timeline.tray.model  # type: ignore[union-attr]
    group = tray.item(0)
    tips += [group.toolTip(), group.child(0).toolTip()]
    model = window.events_table.model  # type: ignore[union-attr]
    column = model.columns.index("text")
    tips.append(model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole))
    assert len(tips) == 2 + 3 + 2 + 1
    for tip in tips:
        shown = tooltip_text(tip)
        assert markup in shown, tip
    written = window.workspace.event(EventRef("d2", "e2")).text
    tip = next(compare.only_right.item(row).toolTip()
               for row in range(compare.only_right.count()))
    assert same_words(tooltip_text(tip), written)
