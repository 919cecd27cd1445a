"""Word documents: paragraphs in order, with the title and date from the core properties."""

from __future__ import annotations

import io
import zipfile
import zlib

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from timeweave.errors import DocumentError
from timeweave.loaders.meta import Meta

MAX_UNPACKED_BYTES = 100 * 1024 * 1024
"""All parts of a Word file together, inflated; a 2,000,000-character text needs a fraction."""

MAX_RATIO = 100
"""Inflated/compressed size of a large part: Word XML reaches 10-30; zip bombs reach 1,000."""

_SMALL_PART = 1024 * 1024  # below this a high ratio costs nothing (a part of repeated markup)


def check_archive(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse a zip bomb before anything is inflated, from the sizes the directory declares.

    ``zipfile`` never inflates a member beyond its declared size (the CRC check fails first),
    so checking declared sizes bounds the memory the parts can take.
    """
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _SMALL_PART and ratio > MAX_RATIO:
            raise DocumentError(
                path, f"the Word file's part {info.filename} would inflate {ratio:,.0f}-fold "
                f"(to {info.file_size / 1e6:,.0f} MB): refused as a zip bomb"
            )
    if total > MAX_UNPACKED_BYTES:
        raise DocumentError(
            path, f"the Word file unpacks to {total / 1e6:,.0f} MB; Timeweave opens Word files "
            f"that unpack to at most {MAX_UNPACKED_BYTES // (1024 * 1024)} MB"
        )


def load_docx(data: bytes, path: str) -> tuple[str, Meta]:
    """Return the text and metadata (``title``, ``date``) of a .docx file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_archive(archive, path)
        document = docx.Document(io.BytesIO(data))
    # A damaged package fails anywhere below: the zip directory, a deflate stream, the XML.
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError,
            zlib.error, etree.XMLSyntaxError) as exc:
        raise DocumentError(path, f"the Word file is damaged or truncated ({exc})") from exc
    paragraphs = [p.text.strip() for p in document.paragraphs]
    text = "\n\n".join(p for p in paragraphs if p)
    meta: Meta = {}
    props = document.core_properties
    if props.title and props.title.strip():
        meta["title"] = props.title.strip()
    if props.created is not None:
        meta["date"] = props.created.date().isoformat()
    return text, meta
