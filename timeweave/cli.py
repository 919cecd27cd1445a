"""The headless command line: ``timeweave extract FILE...`` prints the JSON contract.

Exit codes: 0 when every file was processed, 1 when some failed (their errors are in the JSON and
on stderr), 2 for bad arguments, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from timeweave import __version__
from timeweave.atomic import write_atomic
from timeweave.model import DocumentDate

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
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument(
        "--lang", type=_lang_option, metavar="CODE",
        help="language of every file (ISO 639-1, e.g. en, et), instead of detecting it",
    )
    extract.add_argument(
        "--date", type=_date_option, action="append", default=[], metavar="[PATH=]DATE",
        help="publication date (YYYY, YYYY-MM or YYYY-MM-DD) of every file, or of PATH only; "
        "repeatable",
    )
    extract.add_argument("--out", type=Path, metavar="FILE", help="write the JSON to FILE")
    extract.add_argument(
        "--progress", action="store_true", help="report progress on standard error"
    )
    return parser


def _extract(args: argparse.Namespace) -> int:
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
        return 2

    def report(fraction: float, message: str) -> None:
        print(f"[{fraction * 100:5.1f}%] {message}", file=sys.stderr)

    result = run(
        args.files,
        Overrides(language=args.lang, date=default_date, dates=per_file),
        progress=report if args.progress else lambda _f, _m: None,
    )
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
    for error in result.errors:
        print(f"timeweave: {error.path}: {error.message}", file=sys.stderr)
    return 1 if result.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            from timeweave.selftest import main as self_test

            return self_test()
        if args.command == "extract":
            return _extract(args)
    except KeyboardInterrupt:
        print("timeweave: interrupted", file=sys.stderr)
        return 130
    parser.print_help(sys.stderr)
    return 2
