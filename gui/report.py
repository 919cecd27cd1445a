"""A printable PDF report an analyst hands to a reader.

It says when it was made and from which sources, shows the timeline over every dated event of
every source (whatever the zoom on screen), compares the sources (the entities they share, the
events several of them report, what only one reports, where linked events disagree on the date)
and then lists every event with its time in words, review status and the passage in context.
No internal ids and no raw TIMEX3 codes: those stay in the exports.

Built as a QTextDocument (so text wraps and paginates by itself) and printed through QPdfWriter;
the timeline is painted by the timeline widget, so the picture uses the same marks as the screen.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRect, QRectF, QUrl
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
from timeweave.filters import kind_words
from timeweave.humanize import basis_words, day_words, time_words, value_words
from timeweave.model import DocumentAnalysis, Event, Link
from timeweave.workspace import Workspace

PaintTimeline = Callable[[QPainter, QRectF], float]
"""Paints the whole timeline into a rectangle and returns the height it used."""
CONTEXT_CHARS = 160
PICTURE_WIDTH, PICTURE_MAX_HEIGHT = 1450, 2200  # px: its labels stay legible on A4
LIST_LIMIT = 25  # entities, stories and one-source events listed before "and N more"
SNIPPET_CHARS = 110

_STYLE = """
h1 { color: #1d2b3a } h2 { color: #2c6fbb } h3 { color: #1d2b3a }
td { color: #222 } .muted { color: #6b7785 } .status { color: #2e7d32 }
"""


def _passage(text: str, start: int, end: int) -> str:
    """The event's passage in bold amid some context, as HTML."""
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    return (
        f"…{html.escape(before)}<span style='background:{palette.SELECTED_PASSAGE.name()}'>"
        f"<b>{html.escape(text[start:end])}</b></span>{html.escape(after)}…"
    )


def _snippet(event: Event) -> str:
    text = " ".join(event.text.split())
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS - 1].rstrip() + "…"
    return html.escape(text)


def _more(shown: int, total: int) -> str:
    return f"<p class='muted'>… and {total - shown} more.</p>" if total > shown else ""


class _Sources:
    """Documents and events by id, so links can be read back as sources and passages."""

    def __init__(self, analyses: Sequence[DocumentAnalysis]) -> None:
        self.analyses = {a.document.id: a for a in analyses}
        self.events = {(a.document.id, e.id): e for a in analyses for e in a.events}
        self.entities = {(a.document.id, e.id): e for a in analyses for e in a.entities}

    def label(self, document_id: str) -> str:
        return html.escape(self.analyses[document_id].document.label)

    def alive(self, link: Link) -> bool:
        """All members still shown (a rejected event leaves its links out)."""
        found = self.events if link.kind == "event" else self.entities
        return all((m.document, m.id) in found for m in link.members)

    def shared(self, link: Link, kind: str) -> bool:
        """A link of ``kind`` between two or more sources (a story told twice in one source is
        not something the sources share), all of whose members are still shown."""
        return (link.kind == kind and len({m.document for m in link.members}) > 1
                and self.alive(link))


def _published(analysis: DocumentAnalysis) -> str:
    date = analysis.document.date
    return f"published {value_words(date.value)}" if date.value else "publication date unknown"


def _sources_section(analyses: Sequence[DocumentAnalysis]) -> str:
    items = "".join(
        f"<li><b>{html.escape(a.document.label)}</b> "
        f"({(a.document.language or '?').upper()}, {_published(a)}, {len(a.events)} events)</li>"
        for a in analyses
    )
    return f"<h2>Sources</h2><ul>{items}</ul>"


def _shared_entities(sources: _Sources, links: Sequence[Link]) -> str:
    rows = []
    entity_links = sorted((x for x in links if sources.shared(x, "entity")),
                          key=lambda x: (-len({m.document for m in x.members}), x.key))
    for link in entity_links[:LIST_LIMIT]:
        names = dict.fromkeys(sources.entities[(m.document, m.id)].text for m in link.members)
        documents = dict.fromkeys(m.document for m in link.members)
        rows.append(f"<li><b>{html.escape(link.key)}</b> "
                    f"<span class='muted'>({html.escape(', '.join(names))})</span>: "
                    f"{len(documents)} sources</li>")
    if not rows:
        return "<h3>Shared entities</h3><p><i>No entity is named by more than one source.</i></p>"
    return (f"<h3>Shared entities ({len(entity_links)})</h3><ul>{''.join(rows)}</ul>"
            + _more(len(rows), len(entity_links)))


def _stories(sources: _Sources, links: Sequence[Link]) -> str:
    event_links = sorted((x for x in links if sources.shared(x, "event")),
                         key=lambda x: (-len({m.document for m in x.members}), -x.score))
    parts = []
    for link in event_links[:LIST_LIMIT]:
        members = "".join(
            f"<li>{sources.label(m.document)}: "
            f"<b>{html.escape(time_words(sources.events[(m.document, m.id)].time))}</b> · "
            f"{_snippet(sources.events[(m.document, m.id)])}</li>"
            for m in link.members
        )
        reason = f" <span class='muted'>({html.escape(link.reason)})</span>" if link.reason else ""
        count = len({m.document for m in link.members})
        parts.append(f"<p><b>Reported by {count} sources</b>{reason}</p><ul>{members}</ul>")
    if not parts:
        return "<h3>Events several sources report</h3><p><i>None found.</i></p>"
    return (f"<h3>Events several sources report ({len(event_links)})</h3>" + "".join(parts)
            + _more(len(parts), len(event_links)))


def _only_one(sources: _Sources, links: Sequence[Link]) -> str:
    linked = {(m.document, m.id) for x in links if sources.shared(x, "event") for m in x.members}
    parts = []
    for doc_id, analysis in sources.analyses.items():
        alone = [e for e in analysis.events if (doc_id, e.id) not in linked]
        if not alone:
            continue
        items = "".join(f"<li><b>{html.escape(time_words(e.time))}</b> · {_snippet(e)}</li>"
                        for e in alone[:LIST_LIMIT // 3 or 1])
        parts.append(f"<p><b>{sources.label(doc_id)}</b> ({len(alone)})</p><ul>{items}</ul>"
                     + _more(min(len(alone), LIST_LIMIT // 3 or 1), len(alone)))
    if not parts:
        return "<h3>Reported by one source only</h3><p><i>Every event is linked.</i></p>"
    return "<h3>Reported by one source only</h3>" + "".join(parts)


def _date_disagreements(sources: _Sources, links: Sequence[Link]) -> str:
    """Linked events whose possible days do not overlap: the sources place them differently."""
    rows = []
    for link in (x for x in links if sources.shared(x, "event")):
        bounds = defaultdict(list)
        for member in link.members:
            event = sources.events[(member.document, member.id)]
            if event.time.earliest and event.time.latest:
                bounds[(event.time.earliest, event.time.latest)].append(member)
        spans = sorted(bounds)
        if len(spans) < 2 or all(a[1] >= b[0] for a, b in zip(spans, spans[1:], strict=False)):
            continue
        said = "; ".join(
            f"{sources.label(m.document)}: "
            f"{html.escape(time_words(sources.events[(m.document, m.id)].time))}"
            for span in spans for m in bounds[span]
        )
        first = link.members[0]
        rows.append(f"<li>{_snippet(sources.events[(first.document, first.id)])}<br>{said}</li>")
    if not rows:
        return ("<h3>Disagreements in dates</h3><p><i>Linked events that can be placed agree "
                "on when they happened.</i></p>")
    return f"<h3>Disagreements in dates ({len(rows)})</h3><ul>{''.join(rows)}</ul>"


def _comparison_section(analyses: Sequence[DocumentAnalysis], links: Sequence[Link]) -> str:
    if len(analyses) < 2:
        return ""
    sources = _Sources(analyses)
    return ("<h2>How the sources compare</h2>" + _shared_entities(sources, links)
            + _stories(sources, links) + _only_one(sources, links)
            + _date_disagreements(sources, links))


def _events_section(workspace: Workspace) -> str:
    parts = []
    for analysis in workspace.shown_analyses():
        doc = analysis.document
        rows = []
        for event in analysis.events:
            status = workspace.review.status((doc.id, event.id))
            if not workspace.filter.accepts(analysis, event, status):
                continue
            kind = " · ".join(kind_words(k) for k in (event.category, event.modality)
                              if k not in ("other", "asserted"))
            rows.append(
                f"<tr><td width='24%'><b>{html.escape(time_words(event.time))}</b><br><small>"
                f"{basis_words(event.time.basis)}<br><span class='status'>{status}</span>"
                f"{'<br>' + html.escape(kind) if kind else ''}</small></td>"
                f"<td>{_passage(doc.text, event.start, event.end)}</td></tr>"
            )
        parts.append(f"<h2>{html.escape(doc.label)}</h2>"
                     f"<p class='muted'>{_published(analysis)}</p>")
        parts.append("<table cellpadding='4' border='0' width='100%'>" + "".join(rows)
                     + "</table>" if rows else "<p><i>No events.</i></p>")
    return "".join(parts)


def report_html(workspace: Workspace, picture_width: int | None = None,
                made: dt.date | None = None) -> str:
    """The report's content; the timeline image, ``picture_width`` wide, is referenced as
    ``timeline.png`` (no picture when ``None``)."""
    made = made or dt.date.today()
    analyses = workspace.analyses
    events = sum(len(a.events) for a in analyses)
    parts = [
        "<h1>Timeweave report</h1>",
        f"<p class='muted'>Made on {day_words(made)} · {len(analyses)} sources · "
        f"{events} events</p>",
        _sources_section(analyses),
    ]
    if picture_width is not None:
        parts.append(f"<h2>Timeline</h2><p><img src='timeline.png' width='{picture_width}'></p>")
    parts.append(_comparison_section(analyses, workspace.links))
    parts.append(_events_section(workspace))
    return "".join(parts)


def timeline_image(paint_timeline: PaintTimeline) -> QImage:
    """The timeline picture, as tall as its lanes need (no blank band under few lanes)."""
    image = QImage(PICTURE_WIDTH, PICTURE_MAX_HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    height = paint_timeline(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image.copy(QRect(0, 0, image.width(), max(int(height + 1), 1)))


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
    document.setDefaultStyleSheet(_STYLE)
    page = writer.pageLayout().paintRect(QPageLayout.Unit.Point).size()
    document.setPageSize(page)  # the layout's own units: a picture wider than this is cut off
    picture_width = None
    if paint_timeline is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl("timeline.png"),
                             timeline_image(paint_timeline))
        picture_width = int(page.width() - 2 * document.documentMargin() - 8)
    document.setHtml(report_html(workspace, picture_width))
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    Path(path).write_bytes(bytes(buffer.data()))
