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


def load_docx(data: bytes, path: str) -> tuple[str, Meta]:
    """Return the text and metadata (``title``, ``date``) of a .docx file."""
    try:
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
