"""PDF files: the text layer of every page, the document title and creation date."""

from __future__ import annotations

import io
import zlib

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from timeweave.errors import DocumentError
from timeweave.loaders.meta import Meta
from timeweave.loaders.text import normalise_newlines


def load_pdf(data: bytes, path: str) -> tuple[str, Meta]:
    """Return the text and metadata (``title``, ``date``) of a PDF."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        # Press releases are often encrypted only to restrict printing or copying: their user
        # password is empty, and any reader opens them.
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise DocumentError(path, "the PDF is protected by a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except DocumentError:
        raise
    except DependencyError as exc:
        reason = f"the PDF is encrypted in a way Timeweave cannot read ({exc})"
        raise DocumentError(path, reason) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, EOFError,
            zlib.error, RecursionError) as exc:
        raise DocumentError(path, f"the PDF is damaged or truncated ({exc})") from exc
    text = normalise_newlines("\n\n".join(p.strip() for p in pages if p.strip()))
    if not text.strip():
        raise DocumentError(path, "the PDF has no text layer (scanned pages need OCR first)")
    meta: Meta = {}
    if info is not None:
        if info.title and info.title.strip():
            meta["title"] = info.title.strip()
        try:
            created = info.creation_date
        except (ValueError, TypeError):
            created = None
        if created is not None:
            meta["date"] = created.date().isoformat()
    return text, meta
