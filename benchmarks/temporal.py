"""Score Timeweave's temporal tagger against the gold corpora, side by side with dateparser.

Usage: ``.venv/bin/python benchmarks/temporal.py [--corpus timebank] [--limit N] [--errors N]``

Scoring follows the TempEval-3 definitions in ``../shared/eval/README.md``: a system timex
matches a gold one *relaxed* when the character spans overlap, *strict* when they are identical;
precision/recall/F1 for both; type and value accuracy over the relaxed matches (each gold timex
paired with its best-overlapping system timex); value F1 = relaxed F1 x value accuracy. The
baseline is ``dateparser.search.search_dates`` with the corpus language and the DCT as
``RELATIVE_BASE``; it reports substrings, which are located in the text left to right, and full
datetimes, scored as ``YYYY-MM-DD`` DATE values. Throughput is words (whitespace tokens) per
second of process CPU time (``time.process_time``, so load from other processes on a shared
machine does not count), measured the same way for tagger and baseline over the same texts: the
first pass (cold caches, as an analyst's first document) and the best of ``--passes`` passes
(warm caches, least disturbed); scores come from the first pass. In the per-type rows, precision
counts system timexes of that type (strict: with a gold span identical to theirs, of any type)
and recall gold timexes of that type (matched by any system timex), so a system that never says
DURATION still shows DURATION recall, and P, R stay within 0-100 when system and gold disagree
on a type. Type errors show in "type acc".
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dateparser.search import search_dates  # imported here, like timeweave, not in a timed pass

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _corpora import CORPORA, GoldDoc, GoldTimex, read_corpus  # noqa: E402

from timeweave import temporal  # noqa: E402
from timeweave.model import DocumentDate  # noqa: E402

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class SysTimex:
    start: int
    end: int
    type: str
    value: str


Tagger = Callable[[GoldDoc], list[SysTimex]]


@dataclass
class Counts:
    """Raw counts; every figure printed is derived from these."""

    gold: int = 0
    system: int = 0
    gold_relaxed: int = 0  # gold timexes overlapped by some system timex
    system_relaxed: int = 0  # system timexes overlapping some gold timex
    strict: int = 0  # gold timexes with an identical system span
    system_strict: int = 0  # system timexes with an identical gold span (per type: theirs)
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Report:
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    words: int = 0
    first_seconds: float = 0.0  # CPU time of the first (scored) pass
    best_seconds: float = 0.0  # CPU time of the fastest pass
    errors: list[tuple[str, str]] = field(default_factory=list)  # (kind, description)


def _overlap(a: GoldTimex | SysTimex, b: GoldTimex | SysTimex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_doc(doc: GoldDoc, system: list[SysTimex], report: Report) -> None:
    """Add one document's counts to ``report`` (total and per gold/system type)."""
    counts = {t: Counts() for t in TYPES}
    total = Counts()
    for sys_timex in system:
        hit = any(_overlap(sys_timex, g) > 0 for g in doc.timexes)
        exact = any(g.start == sys_timex.start and g.end == sys_timex.end for g in doc.timexes)
        for bucket in (total, counts.get(sys_timex.type)):
            if bucket is not None:
                bucket.system += 1
                bucket.system_relaxed += hit
                bucket.system_strict += exact
        if not hit:
            report.errors.append(("false positive", _describe(doc, sys_timex, None)))
    for gold in doc.timexes:
        overlapping = [s for s in system if _overlap(s, gold) > 0]
        best = max(overlapping, key=lambda s: (s.start == gold.start and s.end == gold.end,
                                               _overlap(s, gold)), default=None)
        for bucket in (total, counts.get(gold.type)):
            if bucket is None:
                continue
            bucket.gold += 1
            if best is None:
                continue
            bucket.gold_relaxed += 1
            bucket.strict += best.start == gold.start and best.end == gold.end
            bucket.type_ok += best.type == gold.type
            bucket.value_ok += best.value == gold.value
        if best is None:
            report.errors.append(("miss", _describe(doc, gold, None)))
        elif best.value != gold.value:
            report.errors.append(("wrong value", _describe(doc, gold, best)))
        elif best.start != gold.start or best.end != gold.end:
            report.errors.append(("span", _describe(doc, gold, best)))
    report.total.add(total)
    for name in TYPES:
        report.by_type[name].add(counts[name])


def _describe(doc: GoldDoc, timex: GoldTimex | SysTimex, other: SysTimex | None) -> str:
    left = doc.text[max(0, timex.start - 40) : timex.start].replace("\n", " ")
    right = doc.text[timex.end : timex.end + 40].replace("\n", " ")
    span = doc.text[timex.start : timex.end]
    line = (f"{doc.corpus}/{doc.name} DCT={doc.dct.value}: …{left}[[{span}]]{right}… "
            f"{timex.type} {timex.value}")
    if other is not None:
        line += f"  ← system [{doc.text[other.start:other.end]}] {other.type} {other.value}"
    return line


def timeweave_tagger(doc: GoldDoc) -> list[SysTimex]:
    return [SysTimex(t.start, t.end, t.type, t.value)
            for t in temporal.tag(doc.text, doc.language, doc.dct)]


def _relative_base(dct: DocumentDate) -> dt.datetime | None:
    return dt.datetime.combine(dct.earliest, dt.time()) if dct.earliest else None


def dateparser_tagger(doc: GoldDoc) -> list[SysTimex]:
    """``search_dates`` as the analyst would use it; substrings are located left to right."""
    settings: dict[str, object] = {}
    base = _relative_base(doc.dct)
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(doc.text, languages=[doc.language], settings=settings) or []
    except Exception:  # noqa: BLE001 - the baseline's own failures count as finding nothing
        return []
    result: list[SysTimex] = []
    cursor = 0
    for substring, when in found:
        start = doc.text.find(substring, cursor)
        if start < 0:
            start = doc.text.find(substring)
        if start < 0:
            continue
        cursor = start + len(substring)
        result.append(SysTimex(start, cursor, "DATE", when.date().isoformat()))
    return result


def run(tagger: Tagger, docs: Sequence[GoldDoc], passes: int) -> Report:
    """Score the first pass; time every pass in CPU seconds, since wall time on a shared machine
    measures the neighbours as much as the tagger."""
    report = Report()
    for doc in docs:
        began = time.process_time()
        system = tagger(doc)
        report.first_seconds += time.process_time() - began
        report.words += len(doc.text.split())
        score_doc(doc, system, report)
    report.best_seconds = report.first_seconds
    for _ in range(passes - 1):
        began = time.process_time()
        for doc in docs:
            tagger(doc)
        report.best_seconds = min(report.best_seconds, time.process_time() - began)
    return report


def _prf(correct_p: int, system: int, correct_r: int, gold: int) -> tuple[float, float, float]:
    precision = correct_p / system if system else 0.0
    recall = correct_r / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


def figures(counts: Counts) -> dict[str, float]:
    """The TE3 figures for one set of counts, in percent."""
    sp, sr, sf = _prf(counts.system_strict, counts.system, counts.strict, counts.gold)
    rp, rr, rf = _prf(counts.system_relaxed, counts.system, counts.gold_relaxed, counts.gold)
    matched = counts.gold_relaxed
    type_acc = 100 * counts.type_ok / matched if matched else 0.0
    value_acc = 100 * counts.value_ok / matched if matched else 0.0
    return {"strict P": sp, "strict R": sr, "strict F1": sf, "relaxed P": rp, "relaxed R": rr,
            "relaxed F1": rf, "type acc": type_acc, "value acc": value_acc,
            "value F1": rf * value_acc / 100}


COLUMNS = ("strict P", "strict R", "strict F1", "relaxed P", "relaxed R", "relaxed F1",
           "type acc", "value acc", "value F1")


def print_table(title: str, reports: dict[str, Report], passes: int) -> None:
    print(f"\n{title}")
    print(f"{'':<20}{'gold':>6}{'sys':>6}" + "".join(f"{c:>11}" for c in COLUMNS))
    for system, report in reports.items():
        rows = [(system, report.total)] + [(f"  {t}", c) for t, c in report.by_type.items()
                                           if c.gold or c.system]
        for label, counts in rows:
            values = figures(counts)
            print(f"{label:<20}{counts.gold:>6}{counts.system:>6}"
                  + "".join(f"{values[c]:>11.2f}" for c in COLUMNS))
    for system, report in reports.items():
        first, best = (report.words / s if s else float("inf")
                       for s in (report.first_seconds, report.best_seconds))
        print(f"throughput {system} (CPU): {report.words} words; first pass "
              f"{report.first_seconds:.2f} s = {first:,.0f} words/s; best of {passes} "
              f"{report.best_seconds:.2f} s = {best:,.0f} words/s")


def print_errors(report: Report, count: int) -> None:
    kinds = ("miss", "false positive", "wrong value", "span")
    chooser = random.Random(0)
    for kind in kinds:
        examples = [text for k, text in report.errors if k == kind]
        print(f"\n-- {kind}: {len(examples)} in all, {min(count, len(examples))} shown")
        for text in chooser.sample(examples, min(count, len(examples))):
            print("  " + text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=sorted(CORPORA),
                        help="corpus to score (repeatable; default: all)")
    parser.add_argument("--limit", type=int, help="score only the first N documents of each")
    parser.add_argument("--errors", type=int, default=0,
                        help="print N sampled examples of each error kind (timeweave only)")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip dateparser (faster development runs)")
    parser.add_argument("--passes", type=int, default=3,
                        help="timed passes per tagger; the best is reported with the first")
    args = parser.parse_args(argv)
    names = args.corpus or list(CORPORA)
    grand: dict[str, Report] = {}
    for name in names:
        docs = list(read_corpus(CORPORA[name], args.limit))
        reports = {"timeweave": run(timeweave_tagger, docs, args.passes)}
        if not args.no_baseline:
            reports["dateparser"] = run(dateparser_tagger, docs, args.passes)
        print_table(f"== {name} ({len(docs)} docs, language {CORPORA[name].language})", reports,
                    args.passes)
        if args.errors:
            print_errors(reports["timeweave"], args.errors)
        for system, report in reports.items():
            total = grand.setdefault(system, Report())
            total.total.add(report.total)
            for t in TYPES:
                total.by_type[t].add(report.by_type[t])
            total.words += report.words
            total.first_seconds += report.first_seconds
            total.best_seconds += report.best_seconds
    if len(names) > 1:
        print_table("== all corpora", grand, args.passes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
