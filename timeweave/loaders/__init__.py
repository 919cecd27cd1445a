"""Turn files into :class:`~timeweave.model.Document` objects, whatever their format.

One module per format; the format is chosen by content first (magic bytes), then extension,
so a misnamed file still loads. Every failure becomes a :class:`DocumentError` that names the
file and the reason in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from timeweave.errors import DocumentError
from timeweave.loaders.header import find_header, find_title, strip_trailing_boilerplate
from timeweave.loaders.meta import Meta
from timeweave.model import NO_DATE, Document, DocumentDate

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: a news article is kilobytes; 20 MB is a book-length PDF."""

MAX_TEXT_CHARS = 2_000_000
"""Extracted text beyond this is refused rather than freezing the tagger and the viewer."""

Loader = Callable[[bytes, str], tuple[str, Meta]]


def loader(fmt: str) -> Loader:
    """A format's loading function, imported on first use (explicit imports, so PyInstaller sees
    them): pypdf and trafilatura cost ~0.3 CPU-s to import, paid only for a PDF or an HTML page."""
    if fmt == "html":
        from timeweave.loaders.html import load_html

        return load_html
    if fmt == "pdf":
        from timeweave.loaders.pdf import load_pdf

        return load_pdf
    if fmt == "docx":
        from timeweave.loaders.docx import load_docx

        return load_docx
    if fmt == "markdown":
        from timeweave.loaders.markdown import load_markdown

        return load_markdown
    from timeweave.loaders.text import load_text

    return load_text

_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf", ".docx": "docx", ".md": "markdown", ".markdown": "markdown",
}

SUFFIXES = frozenset(_EXTENSIONS)
"""File name endings of the known formats: what a folder given to the command line contributes."""


def detect_format(path: Path, data: bytes) -> str:
    """The format of a file, by its first bytes when they are telling, else by extension."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and path.suffix.lower() != ".txt":
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return _EXTENSIONS.get(path.suffix.lower(), "text")


def read_bytes(path: Path) -> bytes:
    """Read a file with checks that turn OS errors and absurd sizes into clear messages."""
    name = str(path)
    if not path.exists():
        raise DocumentError(name, "no such file")
    if path.is_dir():
        raise DocumentError(name, "this is a folder, not a document")
    if not path.is_file():
        # A FIFO or device would block or never end: refuse it before opening.
        raise DocumentError(name, "this is not a regular file")
    limit = f"Timeweave opens files up to {MAX_FILE_BYTES // (1024 * 1024)} MB"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(name, f"the file is {size / 1e6:.0f} MB; {limit}")
        with path.open("rb") as handle:
            # Read what stat promised, then whatever the file grew by, up to the limit: a read of
            # the limit itself would reserve 20 MB for every small file.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(MAX_FILE_BYTES + 1 - len(data))
        if len(data) > MAX_FILE_BYTES:
            raise DocumentError(name, f"the file is larger than the limit; {limit}")
        return data
    except PermissionError as exc:
        raise DocumentError(name, "permission denied") from exc
    except OSError as exc:
        raise DocumentError(name, f"the file could not be read ({exc.strerror or exc})") from exc


def load_document(
    path: str | Path,
    doc_id: str,
    *,
    language: str | None = None,
    date: DocumentDate | None = None,
) -> Document:
    """Load one file; ``language`` and ``date`` override what the file says about itself."""
    path = Path(path)
    data = read_bytes(path)
    if not data.strip():
        raise DocumentError(str(path), "the file is empty")
    fmt = detect_format(path, data)
    text, meta = loader(fmt)(data, str(path))
    if len(text) > MAX_TEXT_CHARS:
        raise DocumentError(
            str(path), f"the text has {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}"
        )
    found_date = NO_DATE
    if header := find_header(text):
        found_date = header.date
        text = text[header.length:]
    elif "date" in meta:
        try:
            found_date = DocumentDate.parse(meta["date"], "meta" if fmt == "html" else fmt)
        except ValueError:
            found_date = NO_DATE
    text = strip_trailing_boilerplate(text.strip("\n")).rstrip()
    if not text.strip():
        raise DocumentError(str(path), "the file contains no readable text")
    if language:
        lang, lang_source = language, "user"
    else:
        from timeweave import langid  # py3langid and numpy: only when a language is detected

        detected = langid.detect(text)
        lang, lang_source = detected, "detected" if detected else "none"
    return Document(
        id=doc_id,
        path=str(path),
        text=text,
        title=meta.get("title") or find_title(text),
        language=lang,
        language_source=lang_source,
        date=date if date is not None else found_date,
        format=fmt,
        encoding=meta.get("encoding"),
    )
