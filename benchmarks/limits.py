"""Time and peak memory for the largest inputs Timeweave accepts, and for the ones it refuses.

Each case is a real ``timeweave extract --out`` run in a fresh process, on a file built here in
a temporary folder: the largest accepted input of each format (2,000,000 characters of English
news prose - English takes the statistical parser, the slowest path - as text, HTML, PDF, DOCX
and Markdown; Markdown with 100,000 links), and the bombs that must be refused before memory
grows (a Word file inflating to 2 GB, one with 300 MB of paragraphs, an oversized text file).

    .venv/bin/python benchmarks/limits.py [--only NAME ...] [--chars N]

Columns: process CPU seconds (user + system, so other load on a shared machine does not count),
wall seconds, peak RSS of the process, and its growth over the run on one ordinary article
(the English seed, ``baseline``): refused cases must not grow (they stop before spaCy loads).
"""

from __future__ import annotations

import argparse
import html
import io
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.core.documents import docx_bomb, make_docx  # noqa: E402
from timeweave.loaders import MAX_TEXT_CHARS  # noqa: E402
from timeweave.resources import seed_paths  # noqa: E402

_RUN = """
import json, resource, sys, time
started = time.time()
from timeweave.cli import main
code = main(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"rc": code, "cpu": usage.ru_utime + usage.ru_stime,
                  "wall": time.time() - started, "rss_mb": usage.ru_maxrss / 1024}),
      file=sys.stderr)
"""


def prose(chars: int) -> list[str]:
    """Paragraphs of English news (the English seed, repeated) totalling ``chars`` characters."""
    paragraphs = [p for p in seed_paths()[1].read_text(encoding="utf-8").split("\n\n") if p]
    out: list[str] = []
    size = 0
    while size < chars:
        paragraph = paragraphs[len(out) % len(paragraphs)]
        out.append(paragraph)
        size += len(paragraph) + 2
    out[-1] = out[-1][: max(1, len(out[-1]) - (size - chars))]
    return out


def make_pdf_pages(pages: list[list[str]]) -> bytes:
    """A plain PDF with one text page per item (lines of Helvetica), as a PDF printer writes."""
    count = len(pages)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids ["
        + " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
        + f"] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, lines in enumerate(pages):
        content = "BT /F1 9 Tf 40 800 Td 11 TL " + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        ) + " ET"
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * index} 0 R >>"
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1", "replace"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _lines(paragraphs: list[str], width: int = 110) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        words = paragraph.split()
        line = ""
        for word in words:
            if len(line) + len(word) >= width:
                lines.append(line)
                line = ""
            line = f"{line} {word}" if line else word
        lines.extend([line, ""])
    return lines


def build_pdf(chars: int) -> bytes:
    lines = _lines(prose(chars))
    return make_pdf_pages([lines[i : i + 70] for i in range(0, len(lines), 70)])


def build_html(chars: int) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in prose(chars))
    return (
        "<!DOCTYPE html><html><head><title>Long report</title></head><body><article>"
        f"{body}</article></body></html>"
    ).encode()


def build_markdown_links(links: int) -> bytes:
    items = "\n".join(f"- [link {i}](http://example.com/{i})" for i in range(links))
    return f"# Links page\n\n{items}\n".encode()


CASES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "text": ("long.txt", lambda n: "\n\n".join(prose(n)).encode()),
    "html": ("long.html", build_html),
    "pdf": ("long.pdf", build_pdf),
    "docx": ("long.docx", lambda n: make_docx(prose(n))),
    "markdown": ("long.md", lambda n: "\n\n".join(prose(n)).encode()),
    "markdown-100k-links": ("links.md", lambda _n: build_markdown_links(100_000)),
    "bomb-docx-2GB-comment": ("bomb.docx", lambda _n: docx_bomb(2 << 30, paragraphs=False)),
    "bomb-docx-300MB-text": ("bomb2.docx", lambda _n: docx_bomb(300 << 20, paragraphs=True)),
    "refused-text-over-limit": ("over.txt", lambda n: b"x" * (MAX_TEXT_CHARS + 100)),
    "refused-file-25MB": ("big.txt", lambda _n: b"x " * (25 << 19)),
}


def run(argv: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, *argv], cwd=REPO, capture_output=True, text=True,
        timeout=3600,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    errors = [line for line in done.stderr.splitlines() if line.startswith("timeweave:")]
    report["message"] = errors[0].split(": ", 2)[-1][:120] if errors else ""
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), help="cases to run")
    parser.add_argument("--chars", type=int, default=MAX_TEXT_CHARS - 1_000,
                        help="characters of the largest accepted inputs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        baseline = run(["extract", "--out", str(Path(folder) / "o.json"), str(seed_paths()[1])])
    print(f"baseline (the English seed, one short article): {baseline['cpu']:.1f} s CPU, "
          f"{baseline['rss_mb']:.0f} MB peak RSS")
    print(f"{'case':26} {'file MB':>8} {'rc':>3} {'CPU s':>7} {'wall s':>7} {'RSS MB':>7} "
          f"{'growth':>7}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only or CASES:
            filename, build = CASES[name]
            path = Path(folder) / filename
            path.write_bytes(build(args.chars))
            report = run(["extract", "--out", str(Path(folder) / "out.json"), str(path)])
            outcome = "ok" if report["rc"] == 0 else f"refused: {report['message']}"
            if report["rc"] == 0:
                data = json.loads((Path(folder) / "out.json").read_text(encoding="utf-8"))
                document = data["documents"][0]
                outcome = (f"ok: {len(document['text']):,} chars, "
                           f"{len(document['timexes']):,} timexes, "
                           f"{len(document['events']):,} events")
            print(f"{name:26} {path.stat().st_size / 1e6:8.2f} {report['rc']:3d} "
                  f"{report['cpu']:7.1f} {report['wall']:7.1f} {report['rss_mb']:7.0f} "
                  f"{report['rss_mb'] - baseline['rss_mb']:7.0f}  {outcome}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
