"""The PDF report an analyst hands on: every dated source on its timeline picture, dates in words,
a comparison of the sources, the day it was made; no ids and no raw TIMEX3 codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import numpy as np
import pypdf
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.timeline.render import LEGEND_HEIGHT, mark_colour
from tests.gui.analyses import english, estonian, two_sources
from timeweave.humanize import day_words
from timeweave.layout import TimeScale, day_number
from timeweave.model import EventTime, ExtractionResult, Link, LinkMember

D = dt.date


def _english_dated_2019() -> ExtractionResult:
    """The seeds after the analyst dated the English report: its events move two years on."""
    eng = english()
    day = EventTime(D(2019, 10, 22), D(2019, 10, 22), "XXXX-10-22", "timex", "t1")
    month = EventTime(D(2019, 11, 1), D(2019, 11, 30), "2019-11", "document_date")
    eng = dataclasses.replace(eng, events=[dataclasses.replace(eng.events[0], time=month),
                                           dataclasses.replace(eng.events[1], time=day)])
    return ExtractionResult([estonian(), eng], two_sources().links)


def _pictures(path: Path) -> list[np.ndarray]:
    """Every image in the PDF as an RGB array (Qt writes them as JPEG)."""
    found = []
    for page in pypdf.PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject")
        for item in (objects.get_object().values() if objects else ()):
            stream = item.get_object()
            if stream.get("/Subtype") != "/Image":
                continue
            image = QImage.fromData(stream.get_data()).convertToFormat(
                QImage.Format.Format_RGB888)
            assert not image.isNull()
            pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
                image.height(), image.bytesPerLine())[:, :image.width() * 3]
            found.append(pixels.reshape(image.height(), image.width(), 3).copy())
    return found


def _colour_rows(picture: np.ndarray, index: int) -> np.ndarray:
    """Rows of the picture holding marks in source ``index``'s colour."""
    colour = mark_colour(index)
    target = np.array([colour.red(), colour.green(), colour.blue()], dtype=np.int16)
    close = np.abs(picture.astype(np.int16) - target).sum(axis=2) < 60
    close[:, :220] = False  # lane labels are not marks
    close[-int(LEGEND_HEIGHT) - 4:, :] = False  # nor the legend's samples
    return np.flatnonzero(close.sum(axis=1) >= 3)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = MainWindow(recovery_dir=tmp_path / "recovery")
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.workspace.set_result(_english_dated_2019())
    return win


def test_pdf_timeline_shows_every_dated_source_whatever_the_zoom(window: MainWindow,
                                                                  tmp_path: Path) -> None:
    view = window.timeline.view
    # the screen is zoomed on the Estonian month only: the English events are off screen
    view.set_scale(TimeScale.fit(day_number(D(2017, 9, 20)), day_number(D(2017, 11, 10)),
                                 view.scale.width))
    path = tmp_path / "report.pdf"
    assert window.export(path)
    pictures = _pictures(path)
    assert len(pictures) == 1
    estonian_rows, english_rows = _colour_rows(pictures[0], 0), _colour_rows(pictures[0], 1)
    assert len(estonian_rows)
    assert len(english_rows)
    assert english_rows.min() > estonian_rows.max()  # the English lane is below, and not empty


def test_pdf_reads_in_words_with_a_comparison_and_its_date(window: MainWindow,
                                                           tmp_path: Path) -> None:
    result = two_sources()
    told_twice = Link("event", "s9", (LinkMember("d1", "e1"), LinkMember("d1", "e3")), 0.6,
                      "2 mentions in 1 source")
    window.workspace.set_result(ExtractionResult(result.documents, [*result.links, told_twice]))
    path = tmp_path / "report.pdf"
    assert window.export(path)
    text = " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(path).pages)
    assert f"Made on {day_words(dt.date.today())}" in text
    assert "Events several sources report (1)" in text  # not the story told twice in one
    assert "Reported by 1 sources" not in text
    assert "How the sources compare" in text
    assert re.search(r"islamic state \(Islamiriik, ISIS\) ?: 2 sources", text)
    assert "Reported by 2 sources" in text
    assert "Reported by one source only" in text
    assert "Disagreements in dates" in text
    assert "22 October, year unknown" in text
    assert "published October 2017" in text
    assert not re.search(r"XXXX|PRESENT_REF|PAST_REF|\b[dveu]\d+\b", text)


def test_pdf_names_a_date_disagreement(window: MainWindow, tmp_path: Path) -> None:
    """The linked warning placed in October 2017 by one source and 2019 by the other."""
    result = _english_dated_2019()
    eng = result.documents[1]
    day = EventTime(D(2019, 10, 22), D(2019, 10, 22), "XXXX-10-22", "timex", "t1")
    result.documents[1] = dataclasses.replace(eng, events=[
        dataclasses.replace(eng.events[0], time=day), eng.events[1]])
    window.workspace.set_result(result)
    path = tmp_path / "report.pdf"
    assert window.export(path)
    text = " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(path).pages)
    assert "Disagreements in dates (1)" in text
    assert "October 2017; " in text
    assert "22 Oct 2019" in text


def test_png_export_has_its_legend_and_the_words_of_events_at_the_right_edge(
        window: MainWindow, tmp_path: Path) -> None:
    result = _english_dated_2019()
    eng = result.documents[1]
    day = EventTime(D(2019, 10, 22), D(2019, 10, 22), "XXXX-10-22", "timex", "t1")
    result.documents[1] = dataclasses.replace(eng, events=[
        dataclasses.replace(eng.events[0], time=day), eng.events[1]])
    window.workspace.set_result(result)  # English: two points on 22 Oct 2019, the last day
    view = window.timeline.view
    layout = view.timeline_layout
    last = float(layout.event_end[layout.order].max())
    view.set_scale(TimeScale.fit(last - 40, last, view.scale.width, margin=0.0))
    path = tmp_path / "timeline.png"
    assert window.export(path)
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine())[:, :image.width() * 3].reshape(
        image.height(), image.width(), 3)
    ratio = 2  # exported at twice the pixels
    footer = pixels[-int(LEGEND_HEIGHT * ratio) + 4:-4]
    legend_blue = np.abs(footer.astype(np.int16) - [44, 111, 187]).sum(axis=2) < 60
    assert legend_blue.sum() > 20  # the legend's samples are drawn
    english = _colour_rows(pixels, 1)
    band = pixels[english.min():english.max() + 1]
    marks = np.flatnonzero((np.abs(band.astype(np.int16) - [196, 81, 43]).sum(axis=2) < 60)
                           .any(axis=0))
    ink = np.flatnonzero((band.sum(axis=2) < 300).any(axis=0))  # dark label text
    assert ink.max() - marks.max() > 60 * ratio  # words follow the last mark, not cut off
