"""Events against the TE3 gold (TimeBank, AQUAINT): mentions, classes, time anchoring, cost.

Run: ``.venv/bin/python -m benchmarks.events [--limit N]``. Each document goes through the whole
analysis (time expressions against its gold creation date, parse, entities, events).

- **Mentions** (TempEval-3 Task B): a system trigger and a gold ``EVENT`` match *relaxed* when
  their character spans overlap, *strict* when identical; one-to-one (each gold and each system
  event used once, nearest first); precision, recall, F1 overall and per TimeML class (a class's
  precision counts system events of that class, its recall gold events of that class, both over
  relaxed matches of either class).
- **Class accuracy**: share of relaxed matches whose class is the gold class.
- **Anchoring**: for each gold ``TLINK`` between an event and a ``DATE`` time expression with a
  day, month or year value, or the creation date, with relation ``IS_INCLUDED``, ``INCLUDES``,
  ``SIMULTANEOUS``, ``BEFORE`` or ``AFTER`` (either direction), whose event we found (relaxed):
  the gold relation gives the days the event may fall on (IS_INCLUDED/SIMULTANEOUS: within the
  time's days; INCLUDES: overlapping them; BEFORE: ending before its first day; AFTER: starting
  after its last). *Placed*: our event has at least one time bound. *Consistent*: our interval
  (an open bound reaching to infinity) meets those days. *Tight*: both bounds known and the
  interval inside those days (for INCLUDES: both known and overlapping).
- **Cost**: parse + entities + events per 1,000 words on the texts of ``benchmarks/extraction.py``
  (the seeds and the first 40 TimeBank documents), against the same with the reporting events only
  (what ``main`` did before event triggers), so the two figures come from one machine state.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpora import _ATTR, CORPORA, _strip_tags, dct_from_value  # noqa: E402

from timeweave import entities, events, nlp, pipeline  # noqa: E402
from timeweave.events import reporting  # noqa: E402
from timeweave.loaders import load_document  # noqa: E402
from timeweave.model import Document, DocumentDate, Event  # noqa: E402

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").iterdir())
CLASSES = ("OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION")
_INVERSE = {
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "SIMULTANEOUS": "SIMULTANEOUS",
}
_TAG_ATTRS = re.compile(r"<(MAKEINSTANCE|TLINK)\b([^>]*)/?>")


@dataclass(frozen=True)
class GoldEvent:
    eid: str
    start: int
    end: int
    event_class: str


@dataclass(frozen=True)
class Anchor:
    eid: str
    relation: str  # of the event to the time
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class GoldDoc:
    corpus: str
    name: str
    text: str
    dct: DocumentDate
    events: tuple[GoldEvent, ...]
    anchors: tuple[Anchor, ...]


def _days(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        return DocumentDate.parse(value, "gold").bounds()
    except ValueError:
        return None


def read(corpus: str, limit: int | None) -> list[GoldDoc]:
    """The gold events and their time anchors of one TE3 corpus."""
    paths = sorted(CORPORA[corpus].folder.glob("*.tml"))
    docs = []
    for path in paths[:limit] if limit else paths:
        raw = path.read_text(encoding="utf-8")
        body_match = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        body = body_match.group(1) if body_match else raw
        text, event_spans = _strip_tags(body, "EVENT")
        _, timex_spans = _strip_tags(body, "TIMEX3")
        dct_tag = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
        dct_attrs = dict(_ATTR.findall(dct_tag.group(0))) if dct_tag else {}
        times: dict[str, tuple[dt.date, dt.date]] = {}
        for _, _, attrs in timex_spans:
            days = _days(attrs.get("value", "")) if attrs.get("type") == "DATE" else None
            if days:
                times[attrs["tid"]] = days
        dct_days = _days(dct_attrs.get("value", "")[:10])
        if dct_days:
            times[dct_attrs.get("tid", "t0")] = dct_days
        gold = []
        for start, end, attrs in event_spans:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            gold.append(GoldEvent(attrs["eid"], start, end, attrs.get("class", "")))
        instance: dict[str, str] = {}
        anchors = []
        for kind, attr_text in _TAG_ATTRS.findall(raw):
            attrs = dict(_ATTR.findall(attr_text))
            if kind == "MAKEINSTANCE":
                instance[attrs["eiid"]] = attrs["eventID"]
                continue
            relation = attrs.get("relType", "")
            if "eventInstanceID" in attrs and "relatedToTime" in attrs:
                eiid, tid = attrs["eventInstanceID"], attrs["relatedToTime"]
            elif "timeID" in attrs and "relatedToEventInstance" in attrs:
                eiid, tid = attrs["relatedToEventInstance"], attrs["timeID"]
                relation = _INVERSE.get(relation, "")
            else:
                continue
            if relation in _INVERSE and tid in times and eiid in instance:
                anchors.append(Anchor(instance[eiid], relation, *times[tid]))
        docs.append(
            GoldDoc(
                corpus,
                path.stem,
                text,
                dct_from_value(dct_attrs.get("value")),
                tuple(gold),
                tuple(anchors),
            )
        )
    return docs


def match(gold: tuple[GoldEvent, ...], found: list[Event]) -> dict[str, Event]:
    """One-to-one relaxed matching, identical spans first, then the largest overlap."""
    pairs = []
    for g in gold:
        for e in found:
            if e.trigger and e.trigger[0] < g.end and g.start < e.trigger[1]:
                overlap = min(g.end, e.trigger[1]) - max(g.start, e.trigger[0])
                pairs.append(((g.start, g.end) != e.trigger, -overlap, g.eid, e.id))
    pairs.sort()
    used_gold: set[str] = set()
    used_found: set[str] = set()
    by_id = {e.id: e for e in found}
    out: dict[str, Event] = {}
    for _, _, eid, found_id in pairs:
        if eid not in used_gold and found_id not in used_found:
            used_gold.add(eid)
            used_found.add(found_id)
            out[eid] = by_id[found_id]
    return out


def _prf(tp: int, system: int, gold: int) -> str:
    p = tp / system if system else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}"


def _anchor_verdict(event: Event, anchor: Anchor) -> tuple[bool, bool, bool]:
    """(placed, consistent, tight) of our event's time against one gold relation."""
    lo, hi = event.time.earliest, event.time.latest
    if lo is None and hi is None:
        return False, False, False
    low = lo or dt.date.min
    high = hi or dt.date.max
    if anchor.relation == "BEFORE":
        region = (dt.date.min, anchor.first - dt.timedelta(days=1))
    elif anchor.relation == "AFTER":
        region = (anchor.last + dt.timedelta(days=1), dt.date.max)
    else:
        region = (anchor.first, anchor.last)
    consistent = low <= region[1] and region[0] <= high
    if anchor.relation == "INCLUDES":
        tight = consistent and lo is not None and hi is not None
    else:
        tight = lo is not None and hi is not None and region[0] <= lo and hi <= region[1]
    return True, consistent, tight


def analyse(docs: list[GoldDoc]) -> dict[str, list[Event]]:
    """Our events of each document, by corpus and name."""
    found = {}
    for doc in docs:
        document = Document("g", f"{doc.name}.tml", doc.text, language="en", date=doc.dct)
        found[f"{doc.corpus}/{doc.name}"] = pipeline.analyse(document).events
    return found


def evaluate(docs: list[GoldDoc], events_of: dict[str, list[Event]], label: str) -> None:
    strict = relaxed = system = gold_count = same_class = 0
    per_class = Counter[tuple[str, str]]()
    anchoring = Counter[str]()
    for doc in docs:
        found = events_of[f"{doc.corpus}/{doc.name}"]
        matched = match(doc.events, found)
        system += len(found)
        gold_count += len(doc.events)
        relaxed += len(matched)
        gold_by_id = {g.eid: g for g in doc.events}
        for g in doc.events:
            per_class["gold", g.event_class] += 1
        for e in found:
            per_class["system", e.event_class] += 1
        for eid, e in matched.items():
            g = gold_by_id[eid]
            strict += (g.start, g.end) == e.trigger
            same_class += g.event_class == e.event_class
            if g.event_class == e.event_class:
                per_class["tp", g.event_class] += 1
        for anchor in doc.anchors:
            anchoring["links"] += 1
            if anchor.eid not in matched:
                continue
            anchoring["found"] += 1
            placed, consistent, tight = _anchor_verdict(matched[anchor.eid], anchor)
            anchoring["placed"] += placed
            anchoring["consistent"] += consistent
            anchoring["tight"] += tight
    print(f"\n{label}: {len(docs)} documents, {gold_count} gold events, {system} found")
    print(f"  relaxed  {_prf(relaxed, system, gold_count)}")
    print(f"  strict   {_prf(strict, system, gold_count)}")
    print(f"  class accuracy {100 * same_class / max(relaxed, 1):.1f} % of relaxed matches")
    for cls in CLASSES:
        tp = per_class["tp", cls]
        print(
            f"  {cls:<11} gold {per_class['gold', cls]:5}  found {per_class['system', cls]:5}"
            f"  {_prf(tp, per_class['system', cls], per_class['gold', cls])}"
        )
    found_links = max(anchoring["found"], 1)
    print(
        f"  anchoring: {anchoring['links']} gold event-date links, {anchoring['found']} with "
        f"the event found; placed {100 * anchoring['placed'] / found_links:.1f} %, consistent "
        f"{100 * anchoring['consistent'] / found_links:.1f} %, tight "
        f"{100 * anchoring['tight'] / found_links:.1f} %"
    )


def _cost(texts: list[str], full: bool) -> float:
    nlp.clear_cache()
    started = time.process_time()
    for text in texts:
        document = Document("b", "b.txt", text, language="en")
        parsed = nlp.parse(text, "en")
        found = entities.find(parsed, document)
        if full:
            events.find(parsed, document, [], found)
        else:
            reporting.find(parsed, document, [], found)
    return time.process_time() - started


def cost(rounds: int = 3) -> None:
    texts = [d.text for s in SEEDS if (d := load_document(str(s), "s")).language == "en"]
    texts += [d.text for d in read("timebank", 40)]
    words = sum(len(t.split()) for t in texts)
    nlp.pipeline("en")
    _cost(texts[:2], full=True)  # warm the lexicons
    before, after = [], []
    for _ in range(rounds):  # interleaved, the least of each: other work on the machine is noise
        before.append(_cost(texts, full=False))
        after.append(_cost(texts, full=True))
    print(
        f"\ncost ({len(texts)} English texts, {words} words, CPU time, least of {rounds}): "
        f"reporting events only {min(before) / words * 1000:.3f} s per 1,000 words; all events "
        f"{min(after) / words * 1000:.3f} s per 1,000 words; ratio {min(after) / min(before):.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--no-cost", action="store_true")
    args = parser.parse_args()
    corpora = {name: read(name, args.limit) for name in ("timebank", "aquaint")}
    everything = [d for docs in corpora.values() for d in docs]
    events_of = analyse(everything)
    for name, docs in corpora.items():
        evaluate(docs, events_of, name)
    evaluate(everything, events_of, "te3-train (both)")
    if not args.no_cost:
        cost()


if __name__ == "__main__":
    main()
