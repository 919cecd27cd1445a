"""Readers for the gold temporal corpora in ``../shared/eval`` (TE3 and Estonian TimeML, ERY2012).

Every reader returns :class:`GoldDoc` objects whose ``text`` is what the tagger sees and whose gold
spans are character offsets into exactly that text, so scoring never depends on tag positions.
Empty (implicit) timexes are not extraction targets and are dropped; a gold timex nested inside
another one (ERY2012 has a few) is dropped too, so one stretch of text is one target.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from timeweave.model import NO_DATE, DocumentDate

EVAL_ROOT = Path(__file__).resolve().parents[2] / "shared" / "eval"

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>")
_ATTR = re.compile(r"([\w:-]+)\s*=\s*\"([^\"]*)\"")
_DCT_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class GoldDoc:
    corpus: str
    name: str
    language: str
    text: str
    dct: DocumentDate
    timexes: tuple[GoldTimex, ...]


@dataclass(frozen=True)
class Corpus:
    name: str
    language: str
    folder: Path
    pattern: str
    reader: str  # "tml" or "ery"


CORPORA: dict[str, Corpus] = {
    "timebank": Corpus("timebank", "en", EVAL_ROOT / "te3-train" / "TimeBank", "*.tml", "tml"),
    "aquaint": Corpus("aquaint", "en", EVAL_ROOT / "te3-train" / "AQUAINT", "*.tml", "tml"),
    "mthesis": Corpus("mthesis", "et", EVAL_ROOT / "et-timeml" / "MThesis2010_tml" / "tml", "*.tml",
                      "tml"),
    "ery": Corpus("ery", "et", EVAL_ROOT / "et-timeml" / "ERY2012" / "t3-olp-ajav",
                  "*.t3-olp-ajav", "ery"),
}


def dct_from_value(value: str | None) -> DocumentDate:
    """Keep the DCT's known precision: ``1998-XX-XXTXX:XX`` is the year 1998, not 1 January."""
    match = _DCT_VALUE.match(value or "")
    if not match:
        return NO_DATE
    text = "-".join(part for part in match.groups() if part)
    try:
        return DocumentDate.parse(text, "gold")
    except ValueError:
        return NO_DATE


def read_corpus(corpus: Corpus, limit: int | None = None) -> Iterator[GoldDoc]:
    """Yield the corpus documents in file-name order (so ``--limit`` is reproducible)."""
    files = sorted(corpus.folder.glob(corpus.pattern))
    for path in files[:limit] if limit else files:
        raw = path.read_text(encoding="utf-8", errors="replace")
        if corpus.reader == "tml":
            yield read_tml(raw, corpus, path.stem)
        else:
            yield read_ery(raw, corpus, path.stem)


def read_tml(raw: str, corpus: Corpus, name: str) -> GoldDoc:
    """TimeML: the text is the ``<TEXT>`` element if present (TE3), else the ``<TimeML>`` body."""
    body_match = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if body_match is None:
        body_match = re.search(r"<TimeML[^>]*>(.*)</TimeML>", raw, re.S)
    body = body_match.group(1) if body_match else raw
    dct_match = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
    dct_attrs = dict(_ATTR.findall(dct_match.group(0))) if dct_match else {}
    text, spans = _strip_tags(body, "TIMEX3")
    timexes = [
        GoldTimex(start, end, attrs.get("type", ""), attrs.get("value", ""))
        for start, end, attrs in spans
        if attrs.get("functionInDocument") != "CREATION_TIME"
    ]
    return GoldDoc(corpus.name, name, corpus.language, text, dct_from_value(dct_attrs.get("value")),
                   _targets(text, timexes))


def _strip_tags(body: str, timex_tag: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Remove every tag, unescape entities, and return the text plus each timex's span."""
    pieces: list[str] = []
    length = 0
    open_stack: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    position = 0
    for match in _TAG.finditer(body):
        chunk = html.unescape(body[position : match.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name, attr_text, self_closing = match.groups()
        if name != timex_tag:
            continue
        if self_closing:
            continue  # empty timex: not an extraction target
        if closing:
            if open_stack:
                start, attrs = open_stack.pop()
                spans.append((start, length, attrs))
        else:
            open_stack.append((length, dict(_ATTR.findall(attr_text))))
    pieces.append(html.unescape(body[position:]))
    return "".join(pieces), spans


_NO_SPACE_BEFORE = set(".,;:!?)]}»”%")
_NO_SPACE_AFTER = set("([{«„“")


def read_ery(raw: str, corpus: Corpus, name: str) -> GoldDoc:
    """ERY2012: one token per line (token, then morphology after 4 spaces), inline ``<TIMEX>`` tags.

    Tokens are joined with single spaces except before closing and after opening punctuation;
    sentences (``<s>``) go on their own lines; ``<ignoreeri>`` blocks (bylines) are skipped.
    """
    pieces: list[str] = []
    length = 0
    open_stack: list[tuple[int, dict[str, str]]] = []
    pending: list[dict[str, str]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    dct = NO_DATE
    ignoring = False
    previous = "\n"
    for line in raw.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        tag = _TAG.fullmatch(stripped)
        if tag:
            closing, tag_name, attr_text, self_closing = tag.groups()
            if tag_name == "ignoreeri":
                ignoring = not closing
            elif tag_name == "s" and not closing and pieces:
                pieces.append("\n")
                length += 1
                previous = "\n"
            elif tag_name == "TIMEX":
                attrs = dict(_ATTR.findall(attr_text))
                if attrs.get("functionInDocument") == "CREATION_TIME":
                    dct = dct_from_value(attrs.get("value"))
                elif closing and pending:
                    pending.pop()  # opened and closed with no token: implicit timex
                elif closing and open_stack:
                    start, open_attrs = open_stack.pop()
                    spans.append((start, length, open_attrs))
                elif not closing and not self_closing:
                    pending.append(attrs)
            continue
        if ignoring:
            continue
        token = line.split("    ")[0].strip()
        if not token:
            continue
        glue = previous in _NO_SPACE_AFTER or previous == "\n" or token in _NO_SPACE_BEFORE
        if not glue:
            pieces.append(" ")
            length += 1
        open_stack.extend((length, attrs) for attrs in pending)  # opened timexes start here
        pending.clear()
        pieces.append(token)
        length += len(token)
        previous = token[-1] if token in _NO_SPACE_AFTER else token
    text = "".join(pieces)
    timexes = [GoldTimex(s, e, a.get("type", ""), a.get("value", "")) for s, e, a in spans]
    return GoldDoc(corpus.name, name, corpus.language, text, dct, _targets(text, timexes))


def _targets(text: str, timexes: list[GoldTimex]) -> tuple[GoldTimex, ...]:
    """Trim whitespace inside gold spans, drop empty and nested ones, sort by position."""
    trimmed: list[GoldTimex] = []
    for timex in timexes:
        start, end = timex.start, timex.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append(GoldTimex(start, end, timex.type, timex.value))
    trimmed.sort(key=lambda t: (t.start, -t.end))
    outer: list[GoldTimex] = []
    for timex in trimmed:
        if outer and timex.start >= outer[-1].start and timex.end <= outer[-1].end:
            continue
        outer.append(timex)
    return tuple(outer)
