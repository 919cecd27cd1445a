"""Plain text in any common encoding: BOMs, UTF-8/16, legacy code pages, CRLF line ends."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from timeweave.errors import DocumentError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text in any encoding we read (NULs or many control bytes).

    UTF-16/32 text has NULs too, so a BOM exempts the data.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode bytes to text and report the encoding used; raise if no encoding fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"broken {encoding} text: {exc.reason}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DocumentError(path, "the text encoding could not be recognised")
    return str(best), best.encoding


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes, path: str) -> tuple[str, dict[str, str]]:
    """Return the text and metadata (``encoding``) of a plain-text file."""
    if looks_binary(data):
        raise DocumentError(path, "this is a binary file, not text")
    text, encoding = decode(data, path)
    return normalise_newlines(text), {"encoding": encoding}
