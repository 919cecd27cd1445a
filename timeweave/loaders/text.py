"""Plain text in any common encoding: BOMs, UTF-8/16, legacy code pages, CRLF line ends."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from timeweave.errors import DocumentError
from timeweave.loaders.meta import Meta
from timeweave.model import TextEncoding

# The code pages a news archive in the languages Timeweave reads is likely to use, Baltic first
# (Estonian, Latvian, Lithuanian), then Western, Central European, Cyrillic and Turkish, each
# with the languages it was made for. A candidate that decodes the bytes is scored by how well
# its letters fit one of its own languages' alphabets: French read as cp1257 gives "trčs",
# which Czech would allow, but cp1257 is not a Czech code page.
_ALPHABETS = {
    "et": "äöüõšž", "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž", "fi": "äöåšž", "sv": "äöå",
    "da": "æøå", "de": "äöüß", "fr": "éèêëàâçîïôûùœÿæ", "es": "áéíóúñü",
    "pt": "áâãàçéêíóôõú", "it": "àèéìíòóù", "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž", "hu": "áéíóöőúüű", "tr": "çğıöşüâî",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
}
_WESTERN = ("et", "fi", "sv", "da", "de", "fr", "es", "pt", "it")
_LEGACY = {
    "cp1257": ("et", "lv", "lt", "fi", "sv", "da", "de"),
    "iso8859_13": ("et", "lv", "lt", "fi", "sv", "da", "de", "pl"),
    "iso8859_4": ("et", "lv", "lt", "fi", "sv", "da", "de"),
    "cp1252": _WESTERN,
    "iso8859_15": _WESTERN,
    "cp1250": ("pl", "cs", "sk", "hu", "de"),
    "iso8859_2": ("pl", "cs", "sk", "hu", "de"),
    "cp1251": ("ru", "uk"),
    "koi8_r": ("ru",),
    "iso8859_5": ("ru", "uk"),
    "cp1254": ("tr", "de", "fr", "es", "pt", "it", "fi", "sv", "da"),
}
_TYPOGRAPHY = frozenset("“”‘’‚„«»‹›–—…€£°§©®™•·×±½¼¾\u00a0\u00ad")
_NON_ASCII = re.compile(r"(.?)([^\x00-\x7f])", re.DOTALL)
_FIT_SAMPLE = 1_000_000  # characters scored per candidate: enough to tell, bounded in time
_NEARLY_ALL = 0.8
"""A file is read as UTF-8 with replacement when this share of its non-ASCII text is UTF-8
(legacy code pages almost never form valid UTF-8 sequences by accident)."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """True when the bytes are not text in any encoding we read (NULs or many control bytes).

    UTF-16/32 text has NULs too, so a BOM, or the NUL pattern of UTF-16 without one, exempts it.
    """
    if any(data.startswith(bom) for bom, _ in _BOMS) or _utf16_order(data):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def _utf16_order(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 without a BOM, else ``None``.

    Text in Latin script is mostly ASCII, so in UTF-16 every other byte is NUL: the high bytes
    (odd positions in little-endian) are nearly all NUL and the low bytes nearly never are.
    """
    sample = data[:65536]
    pairs = len(sample) // 2
    if len(data) % 2 or pairs < 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2], sample[1 : 2 * pairs : 2]
    for order, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high.count(0) >= 0.6 * pairs and low.count(0) <= 0.02 * pairs:
            try:
                text = data.decode(order)
            except UnicodeDecodeError:
                return None
            # Binary data (16-bit numbers) has the same zero pattern but decodes to controls.
            controls = sum(1 for ch in text[:32768] if ch < " " and ch not in "\t\n\f\r\x1b")
            return order if controls <= max(8, min(len(text), 32768) // 100) else None
    return None


def decode(data: bytes, path: str) -> tuple[str, TextEncoding]:
    """Decode bytes to text and say how: the encoding, whether it was a guess, bytes replaced.

    Order: a BOM; UTF-16 without a BOM; UTF-8; UTF-8 with replacement when nearly all the
    non-ASCII text is UTF-8 (a few damaged bytes must not turn a whole article into mojibake);
    the legacy code page whose letters best fit one alphabet; charset detection for the rest.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), TextEncoding(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"broken {encoding} text: {exc.reason}") from exc
    # Before UTF-8: English in UTF-16 is ASCII and NUL bytes, which is valid UTF-8 too.
    if order := _utf16_order(data):
        return data.decode(order), TextEncoding(order, guessed=True)
    try:
        return data.decode("utf-8"), TextEncoding("utf-8")
    except UnicodeDecodeError:
        pass
    if (mostly := _mostly_utf8(data)) is not None:
        return mostly
    if legacy := _best_legacy(data):
        return legacy[0], TextEncoding(legacy[1], guessed=True)
    matches = list(from_bytes(data))
    if not matches:
        raise DocumentError(path, "the text encoding could not be recognised")
    best = min(matches, key=lambda m: m.chaos)
    return str(best), TextEncoding(best.encoding, guessed=True)


def _mostly_utf8(data: bytes) -> tuple[str, TextEncoding] | None:
    """UTF-8 with U+FFFD for the bad bytes, when nearly all non-ASCII text is valid UTF-8."""
    text = data.decode("utf-8", "replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127) - replaced
    if valid < _NEARLY_ALL * (valid + replaced):
        return None
    return text, TextEncoding("utf-8", guessed=False, replaced=replaced)


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """The text and name of the best-fitting legacy code page; ``None`` if none fits."""
    best: tuple[float, str, str] | None = None
    for encoding, languages in _LEGACY.items():
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _fit(text, languages)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] <= 0:
        return None
    return best[1], best[2]


def _is_latin(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN")


def _fit(text: str, languages: tuple[str, ...]) -> float:
    """How well the non-ASCII characters read as one of ``languages``: its letters count for;
    others, and words of mixed case or script ("KuupÄev", "daЯ": a wrong code page), against."""
    letters: list[str] = []
    penalty = 0
    for match in _NON_ASCII.finditer(text, 0, _FIT_SAMPLE):
        previous, ch = match[1], match[2]
        if ch.isalpha():
            letters.append(ch.lower())
            penalty += ch.isupper() and previous.islower()
            # A Cyrillic or Greek letter inside a Latin word ("daЯ") is a wrong code page.
            penalty += previous.isascii() and previous.isalpha() and not _is_latin(ch)
        elif ch not in _TYPOGRAPHY:
            penalty += 1
    if not letters:
        return 1 - penalty
    fits = max(sum(1 for ch in letters if ch in _ALPHABETS[code]) for code in languages)
    return fits - 2 * (len(letters) - fits) - penalty


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_text(data: bytes, path: str) -> tuple[str, Meta]:
    """Return the text and metadata (``encoding``) of a plain-text file."""
    if looks_binary(data):
        raise DocumentError(path, "this is a binary file, not text")
    text, encoding = decode(data, path)
    return normalise_newlines(text), {"encoding": encoding}
