"""The headless command line: ``timeweave extract FILE...`` prints the JSON contract.

Exit codes: 0 when every file was processed, 1 when some failed (their errors are in the JSON and
on stderr), 2 for bad arguments, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from timeweave import __version__
from timeweave.atomic import write_atomic
from timeweave.model import DocumentDate, ExtractionResult

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
        description="Load each FILE (text, HTML, PDF, DOCX, Markdown), find time expressions, "
        "entities and events, link them across files, and print one JSON object.",
    )
    timeline = commands.add_parser(
        "timeline",
        help="print one entity's events across FILE... in time order",
        description="Analyse FILE... like extract, then list every event the entity NAME takes "
        "part in, in time order: each story event once, with the sources that report it and "
        "where they disagree.",
    )
    timeline.add_argument("--entity", required=True, metavar="NAME",
                          help="the entity, as written or as its key (any case)")
    timeline.add_argument("--format", choices=("table", "csv", "json"), default="table",
                          help="table (default), CSV or JSON on standard output")
    for command in (extract, timeline):
        command.add_argument("files", nargs="+", metavar="FILE")
        command.add_argument(
            "--lang", type=_lang_option, metavar="CODE",
            help="language of every file (ISO 639-1, e.g. en, et), instead of detecting it",
        )
        command.add_argument(
            "--date", type=_date_option, action="append", default=[], metavar="[PATH=]DATE",
            help="publication date (YYYY, YYYY-MM or YYYY-MM-DD) of every file, or of PATH "
            "only; repeatable",
        )
        command.add_argument(
            "--progress", action="store_true", help="report progress on standard error"
        )
    extract.add_argument("--out", type=Path, metavar="FILE", help="write the JSON to FILE")
    return parser


def _run(args: argparse.Namespace) -> ExtractionResult | None:
    """The pipeline on the files and options of ``extract`` or ``timeline`` (``None``: bad
    arguments, already reported)."""
    # Imported here so that --help and argument errors answer instantly.
    from timeweave.pipeline import Overrides, run

    default_date = None
    per_file: dict[str, DocumentDate] = {}
    for path, date in args.date:
        if path is None:
            default_date = date
        else:
            per_file[path] = date
    unknown = sorted(set(per_file) - set(args.files))
    if unknown:
        print(f"timeweave: --date names files not given: {', '.join(unknown)}", file=sys.stderr)
        return None

    def report(fraction: float, message: str) -> None:
        print(f"[{fraction * 100:5.1f}%] {message}", file=sys.stderr)

    return run(
        args.files,
        Overrides(language=args.lang, date=default_date, dates=per_file),
        progress=report if args.progress else lambda _f, _m: None,
    )


def _report_errors(result: ExtractionResult) -> int:
    for error in result.errors:
        print(f"timeweave: {error.path}: {error.message}", file=sys.stderr)
    return 1 if result.errors else 0


def _extract(args: argparse.Namespace) -> int:
    result = _run(args)
    if result is None:
        return 2
    output = json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        try:
            write_atomic(args.out, output.encode("utf-8"))  # a failed run keeps the old file
        except OSError as exc:
            print(f"timeweave: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    else:
        sys.stdout.buffer.write(output.encode("utf-8"))
        sys.stdout.flush()
    return _report_errors(result)


def _timeline(args: argparse.Namespace) -> int:
    from timeweave.compare.timeline import entity_keys, timeline

    result = _run(args)
    if result is None:
        return 2
    keys = entity_keys(result.documents, args.entity)
    if not keys:
        print(f"timeweave: no entity named {args.entity!r} in these files", file=sys.stderr)
        _report_errors(result)
        return 1
    entries = timeline(result.documents, result.stories, keys)
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
    return _report_errors(result)


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
    except KeyboardInterrupt:
        print("timeweave: interrupted", file=sys.stderr)
        return 130
    parser.print_help(sys.stderr)
    return 2
