"""The headless command line: ``timeweave extract PATH...`` prints the JSON contract.

``extract`` takes files, folders and lists of paths, analyses them in worker processes and
streams JSON Lines or Parquet for corpora; ``batch`` runs a corpus on a Dask cluster; ``cache``
shows or clears the analysis cache. Heavy modules are imported by the command that needs them.

Exit codes: 0 when every file was processed, 1 when some failed (their errors are in the JSON and
on stderr), 2 for bad arguments, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from timeweave import __version__
from timeweave.atomic import replacing, write_atomic
from timeweave.model import (
    DocumentAnalysis,
    DocumentDate,
    ExtractionResult,
    Link,
    LoadError,
    Story,
)
from timeweave.progress import ProgressCallback

if TYPE_CHECKING:
    from timeweave.cache import AnalysisCache
    from timeweave.pipeline import Overrides

_LANG_RE = re.compile(r"^[a-z]{2}$")


def _date_option(text: str) -> tuple[str | None, DocumentDate]:
    """Parse ``DATE`` or ``PATH=DATE`` (split at the last ``=``, so paths may contain one)."""
    path, sep, value = text.rpartition("=")
    if sep and not path:
        raise argparse.ArgumentTypeError(f"no file name before '=' in {text!r}")
    try:
        date = DocumentDate.parse(value, "cli")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return (path if sep else None), date


def _lang_option(text: str) -> str:
    code = text.strip().lower()
    if not _LANG_RE.match(code):
        raise argparse.ArgumentTypeError(f"expected a two-letter ISO 639-1 code, got {text!r}")
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeweave",
        description="Find time expressions, events and entities in news documents and "
        "compare the sources.",
    )
    parser.add_argument("--version", action="version", version=f"timeweave {__version__}")
    parser.add_argument(
        "--debug", action="store_true",
        help="print the traceback of any unexpected failure on standard error",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the whole pipeline on the bundled samples and check the results",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="print the extraction of FILE... as one JSON object",
        description="Load each FILE (text, HTML, PDF, DOCX, Markdown; a folder: every file of "
        "those formats in it, recursively), find time expressions, entities and events, link "
        "them across files, and print one JSON object (or JSON Lines, or write Parquet).",
    )
    extract.add_argument("files", nargs="*", metavar="PATH")
    _add_input_options(extract)
    extract.add_argument(
        "--format", choices=("json", "jsonl", "parquet"), default="json",
        help="json: one object (the default); jsonl: one document a line as each is done, then "
        "links, then errors; parquet: datasets under the --out folder",
    )
    extract.add_argument(
        "--out", type=Path, metavar="PATH",
        help="write to this file (a folder for --format parquet) instead of standard output",
    )
    timeline = commands.add_parser(
        "timeline",
        help="print one entity's events across FILE... in time order",
        description="Analyse FILE... like extract, then list every event the entity NAME takes "
        "part in, in time order: each story event once, with the sources that report it and "
        "where they disagree.",
    )
    timeline.add_argument("files", nargs="*", metavar="PATH")
    _add_input_options(timeline)
    timeline.add_argument("--entity", required=True, metavar="NAME",
                          help="the entity, as written or as its key (any case)")
    timeline.add_argument("--format", choices=("table", "csv", "json"), default="table",
                          help="table (default), CSV or JSON on standard output")
    batch = commands.add_parser(
        "batch",
        help="analyse a corpus on a Dask cluster into Parquet datasets",
        description="Analyse every PATH (files, folders, --files-from) on a Dask cluster - a "
        "local one by default, or --scheduler ADDRESS - and write Parquet datasets documents/, "
        "timexes/, entities/, events/, links/ and errors/ under --out FOLDER. Needs the cluster "
        "extra: pip install 'timeweave[cluster]'.",
    )
    batch.add_argument("files", nargs="*", metavar="PATH")
    _add_input_options(batch)
    batch.add_argument("--out", type=Path, metavar="FOLDER", required=True,
                       help="the folder the datasets are written under")
    batch.add_argument("--workers", type=_positive, metavar="N",
                       help="processes of the local cluster (default: one per core)")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="use a running Dask scheduler (tcp://host:8786) instead")
    cache = commands.add_parser(
        "cache",
        help="show or clear the cache of analysed documents",
        description="Analyses are cached per document in $XDG_CACHE_HOME/timeweave "
        "(~/.cache/timeweave), at most 1 GiB, the least recently used removed first.",
    )
    cache.add_argument("action", choices=("info", "clear"))
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    """The options every corpus command shares: where the files are and what the analyst set."""
    command.add_argument(
        "--files-from", type=Path, metavar="FILE",
        help="read paths from FILE, one a line ('-' for standard input)",
    )
    command.add_argument(
        "--lang", type=_lang_option, metavar="CODE",
        help="language of every file (ISO 639-1, e.g. en, et), instead of detecting it",
    )
    command.add_argument(
        "--date", type=_date_option, action="append", default=[], metavar="[PATH=]DATE",
        help="publication date (YYYY, YYYY-MM or YYYY-MM-DD) of every file, or of PATH only; "
        "repeatable",
    )
    command.add_argument(
        "--jobs", type=_positive, metavar="N",
        help="worker processes (default: one per core; few files run in one process)",
    )
    command.add_argument(
        "--no-cache", action="store_true",
        help="analyse every file again, neither reading nor writing the analysis cache",
    )
    command.add_argument(
        "--progress", action="store_true", help="report progress on standard error"
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {value}")
    return value


class _UsageError(Exception):
    """Bad input named by the user (exit 2), reported in one line."""


def _paths(args: argparse.Namespace) -> list[str]:
    """Every file to process, in the order given: folders expanded (sorted), lists read."""
    from timeweave.loaders import SUFFIXES

    given = list(args.files)
    if args.files_from is not None:
        given += _read_list(args.files_from)
    if not given:
        raise _UsageError("no files given (PATH... or --files-from FILE)")
    paths: list[str] = []
    for name in given:
        path = Path(name)
        if path.is_dir():
            paths += sorted(
                str(found)
                for found in path.rglob("*")
                if found.suffix.lower() in SUFFIXES and found.is_file()
            )
        else:
            paths.append(name)
    return paths


def _read_list(source: Path) -> list[str]:
    """Paths one a line; bytes that are not UTF-8 become the same file name (os.fsdecode)."""
    try:
        raw = sys.stdin.buffer.read() if str(source) == "-" else source.read_bytes()
    except OSError as exc:
        raise _UsageError(f"cannot read {source}: {exc.strerror or exc}") from exc
    return [os.fsdecode(line) for line in raw.splitlines() if line.strip()]


def _overrides(args: argparse.Namespace, paths: Sequence[str]) -> Overrides:
    from timeweave.pipeline import Overrides

    default_date = None
    per_file: dict[str, DocumentDate] = {}
    for path, date in args.date:
        if path is None:
            default_date = date
        else:
            per_file[path] = date
    unknown = sorted(set(per_file) - set(paths))
    if unknown:
        raise _UsageError(f"--date names files not given: {', '.join(unknown)}")
    return Overrides(language=args.lang, date=default_date, dates=per_file)


def _cache(args: argparse.Namespace) -> AnalysisCache | None:
    from timeweave.cache import AnalysisCache

    return None if args.no_cache else AnalysisCache()


def _report(fraction: float, message: str) -> None:
    print(f"[{fraction * 100:5.1f}%] {message}", file=sys.stderr)


def _require(*modules: str) -> None:
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        raise _UsageError(
            f"this needs {', '.join(missing)}: pip install 'timeweave[cluster]'"
        )


def _batch(args: argparse.Namespace) -> int:
    try:
        _require("distributed", "pyarrow")
        paths = _paths(args)
        overrides = _overrides(args, paths)
    except _UsageError as exc:
        print(f"timeweave: {exc}", file=sys.stderr)
        return 2
    from timeweave.batch import run_batch

    summary = run_batch(
        paths, args.out, overrides, workers=args.workers, scheduler=args.scheduler,
        progress=_report if args.progress else lambda _f, _m: None,
    )
    print(f"timeweave: {summary.documents} documents, {summary.errors} errors, "
          f"{summary.links} links, {summary.stories} stories in {args.out}", file=sys.stderr)
    return 1 if summary.errors else 0


def _extract(args: argparse.Namespace) -> int:
    try:
        paths = _paths(args)
        overrides = _overrides(args, paths)
        if args.format == "parquet" and args.out is None:
            raise _UsageError("--format parquet writes a folder: give it with --out FOLDER")
        if args.format == "parquet":
            _require("pyarrow")
    except _UsageError as exc:
        print(f"timeweave: {exc}", file=sys.stderr)
        return 2

    progress = _report if args.progress else lambda _f, _m: None
    try:
        if args.format == "json":
            errors = _write_json(args, paths, overrides, progress)
        elif args.format == "jsonl":
            errors = _write_jsonl(args, paths, overrides, progress)
        else:
            errors = _write_parquet(args, paths, overrides, progress)
    except OSError as exc:
        print(f"timeweave: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return _report_errors(errors)


def _run(
    args: argparse.Namespace, paths: list[str], overrides: Overrides, progress: ProgressCallback
) -> ExtractionResult:
    from timeweave.pipeline import run

    return run(paths, overrides, progress=progress, jobs=args.jobs, cache=_cache(args))


def _write_json(
    args: argparse.Namespace, paths: list[str], overrides: Overrides, progress: ProgressCallback
) -> list[LoadError]:
    """The README's contract: one object, built whole (memory grows with the corpus)."""
    result = _run(args, paths, overrides, progress)
    output = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        try:
            write_atomic(args.out, output.encode("utf-8"))  # a failed run keeps the old file
        except OSError as exc:
            reason = f"cannot write {args.out}: {exc.strerror or exc}"
            return [*result.errors, LoadError(str(args.out), reason)]
    else:
        sys.stdout.buffer.write(output.encode("utf-8"))
        sys.stdout.flush()
    return result.errors


def _stream(
    args: argparse.Namespace,
    paths: list[str],
    overrides: Overrides,
    progress: ProgressCallback,
    write: Callable[[DocumentAnalysis], None],
) -> tuple[list[Link], list[Story], list[LoadError]]:
    """Analyse, hand each document to ``write`` in input order as soon as it can go; the links
    and stories of all documents (blocked linking, :mod:`timeweave.compare`) and the errors
    come back at the end. The analyses are kept for linking (no parses, no JSON text)."""
    from timeweave import compare
    from timeweave.parallel import analyse_stream, in_order

    kept: list[DocumentAnalysis] = []
    errors: list[LoadError] = []
    stream = analyse_stream(paths, overrides, jobs=args.jobs, progress=progress, cache=_cache(args))
    for outcome in in_order(stream):
        if outcome.analysis is not None:
            write(outcome.analysis)
            kept.append(outcome.analysis)
        elif outcome.error is not None:
            errors.append(outcome.error)
    progress(1.0, "Comparing sources")
    links, stories = compare.link_stories(kept)
    return links, stories, errors


def _write_jsonl(
    args: argparse.Namespace, paths: list[str], overrides: Overrides, progress: ProgressCallback
) -> list[LoadError]:
    """JSON Lines: ``{"document": ...}`` a line as each is done, then ``{"link": ...}``,
    ``{"story": ...}`` and ``{"error": ...}`` lines."""
    # a file is replaced only once the run is complete (an interrupted run keeps the old one)
    with replacing(args.out) if args.out else contextlib.nullcontext(sys.stdout.buffer) as out:

        def line(kind: str, value: dict[str, object]) -> None:
            out.write(json.dumps({kind: value}, ensure_ascii=False).encode("utf-8") + b"\n")

        links, stories, errors = _stream(
            args, paths, overrides, progress, lambda a: line("document", a.to_json())
        )
        for link in links:
            line("link", link.to_json())
        for story in stories:
            line("story", story.to_json())
        for error in errors:
            line("error", error.to_json())
    return errors


def _write_parquet(
    args: argparse.Namespace, paths: list[str], overrides: Overrides, progress: ProgressCallback
) -> list[LoadError]:
    """Parquet datasets under ``--out`` (see :mod:`timeweave.dataset`), written in parts."""
    from timeweave.dataset import DatasetWriter

    with DatasetWriter(args.out) as writer:
        links, _, errors = _stream(args, paths, overrides, progress, writer.add)
        writer.add_links(links)  # stories are rebuilt from the event links on opening
        for error in errors:
            writer.add_error(error)
    return errors


def _timeline(args: argparse.Namespace) -> int:
    from timeweave.compare import keyed
    from timeweave.compare.timeline import entity_keys, timeline

    try:
        paths = _paths(args)
        overrides = _overrides(args, paths)
    except _UsageError as exc:
        print(f"timeweave: {exc}", file=sys.stderr)
        return 2
    result = _run(args, paths, overrides, _report if args.progress else lambda _f, _m: None)
    entities = keyed(result.documents)
    keys = entity_keys(entities, args.entity)
    if not keys:
        print(f"timeweave: no entity named {args.entity!r} in these files", file=sys.stderr)
        _report_errors(result.errors)
        return 1
    entries = timeline(result.documents, result.stories, keys, entities)
    labels = {a.document.id: a.document.label for a in result.documents}
    if args.format == "json":
        data = {"entity": args.entity, "keys": sorted(keys),
                "timeline": [e.to_json() for e in entries]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        rows = [
            (e.value or (f"{e.earliest}..{e.latest}" if e.earliest or e.latest else "undated"),
             e.label, e.category, str(len(e.documents)),
             "; ".join(labels[d] for d in e.documents),
             "; ".join(d.kind for d in e.disagreements))
            for e in entries
        ]
        header = ("date", "event", "category", "sources", "reported by", "disagree on")
        _write_rows(header, rows, args.format)
    return _report_errors(result.errors)


def _report_errors(errors: Sequence[LoadError]) -> int:
    for error in errors:
        print(f"timeweave: {error.path}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


def _write_rows(header: tuple[str, ...], rows: list[tuple[str, ...]], style: str) -> None:
    """CSV, or a plain table with columns as wide as their widest cell (capped)."""
    if style == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(rows)
        return
    widths = [min(max(len(r[i]) for r in (header, *rows)), 40) for i in range(len(header))]
    for row in (header, *rows):
        cells = (c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths, strict=True))
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())


def _cache_command(args: argparse.Namespace) -> int:
    from timeweave.cache import AnalysisCache

    cache = AnalysisCache()
    if args.action == "clear":
        removed = cache.clear()
        print(f"removed {removed.entries} cached analyses ({removed.size / 1e6:.1f} MB) "
              f"from {removed.folder}")
    else:
        info = cache.info()
        print(f"{info.folder}: {info.entries} cached analyses, {info.size / 1e6:.1f} MB "
              f"of at most {info.max_bytes / 1e6:.0f} MB")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.debug:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
    try:
        if args.self_test:
            from timeweave.selftest import main as self_test

            return self_test()
        if args.command == "extract":
            return _extract(args)
        if args.command == "timeline":
            return _timeline(args)
        if args.command == "batch":
            return _batch(args)
        if args.command == "cache":
            return _cache_command(args)
    except KeyboardInterrupt:
        print("timeweave: interrupted", file=sys.stderr)
        return 130
    parser.print_help(sys.stderr)
    return 2
