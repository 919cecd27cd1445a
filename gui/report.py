"""A printable PDF report: the timeline picture, then every event with its source passage.

Built as a QTextDocument (so text wraps and paginates by itself) and printed through QPdfWriter;
the timeline is painted by the timeline widget into an image, so the report shows what the
analyst sees.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from gui import palette
from timeweave.workspace import Workspace

PaintTimeline = Callable[[QPainter, QRect], None]
CONTEXT_CHARS = 160


def _passage(text: str, start: int, end: int) -> str:
    """The event's passage in bold amid some context, as HTML."""
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    return (
        f"…{html.escape(before)}<span style='background:{palette.SELECTED_PASSAGE.name()}'>"
        f"<b>{html.escape(text[start:end])}</b></span>{html.escape(after)}…"
    )


def report_html(workspace: Workspace, with_timeline: bool) -> str:
    """The report's content; the timeline image is referenced as ``timeline.png``."""
    parts = ["<h1>Timeweave report</h1>"]
    sources = "".join(
        f"<li><b>{html.escape(a.document.label)}</b> "
        f"({a.document.language or '?'}, published {a.document.date.value or 'date unknown'}, "
        f"{len(a.events)} events)</li>"
        for a in workspace.analyses
    )
    parts.append(f"<ul>{sources}</ul>")
    if with_timeline:
        parts.append("<p><img src='timeline.png' width='640'></p>")
    for analysis in workspace.analyses:
        doc = analysis.document
        parts.append(f"<h2>{html.escape(doc.label)}</h2>")
        rows = []
        for event in analysis.events:
            if not workspace.filter.accepts(analysis, event):
                continue
            when = event.time.value or "undated"
            status = workspace.review.status((doc.id, event.id))
            rows.append(
                f"<tr><td width='18%'><b>{html.escape(when)}</b><br><small>{event.time.basis}"
                f"<br>{status}</small></td><td>{_passage(doc.text, event.start, event.end)}"
                "</td></tr>"
            )
        parts.append("<table cellpadding='4' border='0' width='100%'>" + "".join(rows)
                     + "</table>" if rows else "<p><i>No events.</i></p>")
    return "".join(parts)


def write_pdf(workspace: Workspace, path: str | Path,
              paint_timeline: PaintTimeline | None = None) -> None:
    """Write the report to ``path`` (A4, portrait); ``OSError`` if the file cannot be written.

    Rendered into memory first: QPdfWriter on a path fails silently when it cannot open it.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter,
    ))
    writer.setTitle("Timeweave report")
    writer.setCreator("Timeweave")
    document = QTextDocument()
    document.setDefaultStyleSheet("h1 { color: #1d2b3a } h2 { color: #2c6fbb } td { color: #222 }")
    if paint_timeline is not None:
        image = QImage(1600, 700, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_timeline(painter, QRect(0, 0, image.width(), image.height()))
        painter.end()
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("timeline.png"), image)
    document.setHtml(report_html(workspace, paint_timeline is not None))
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    Path(path).write_bytes(bytes(buffer.data()))
