"""Plain text in any common encoding: BOMs, UTF-8/16, legacy code pages, CRLF line ends."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from timeweave.errors import DocumentError

# Letters of the languages Timeweave fully supports (Estonian; English is ASCII) and news
# typography count double; letters of the other languages it detects (timeweave.langid) once.
_SUPPORTED_NON_ASCII = frozenset("äöüõšžÄÖÜÕŠŽ“”‘’„«»–—…€°")
_EXPECTED_NON_ASCII = frozenset(
    "ßéèêëàâçîïôûùœÉÈÊÀÂÇÎÔÛáíóúñ¿¡ãÁÍÓÚÑÃåÅæøÆØąćęłńśźżĄĆĘŁŃŚŹŻāēīūķļņģčĀĒĪŪĶĻŅĢČ"
    "ėįųĖĮŲğışİĞŞ№"
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐ"
)

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
    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(path, "the text encoding could not be recognised")
    # Single-byte code pages often decode equally "cleanly"; among the cleanest, prefer the one
    # whose accented letters belong to languages a news analyst reads (Estonian õ, not ő).
    cleanest = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= cleanest + 0.005]
    best = max(tied, key=lambda m: _plausibility(str(m)))
    return str(best), best.encoding


def _plausibility(text: str) -> int:
    """Score non-ASCII characters by how expected they are in the languages we read."""
    return sum(
        2 if ch in _SUPPORTED_NON_ASCII else 1 if ch in _EXPECTED_NON_ASCII else -1
        for ch in text
        if ord(ch) > 127
    )


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes, path: str) -> tuple[str, dict[str, str]]:
    """Return the text and metadata (``encoding``) of a plain-text file."""
    if looks_binary(data):
        raise DocumentError(path, "this is a binary file, not text")
    text, encoding = decode(data, path)
    return normalise_newlines(text), {"encoding": encoding}
