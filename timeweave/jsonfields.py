"""Reading JSON objects with checks, so a damaged file gives one message that says where.

A project file can be edited by hand, truncated or written by a newer or buggy program. Every
field is read through :class:`Fields`: a wrong type, a missing field, a string too long or with
a character UTF-8 cannot store is reported as a :class:`FieldError` naming the field
(``result.documents[1].events[4].start``), never as an ``AttributeError`` from deep inside.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

MAX_STRING_CHARS = 2_000_000
"""The longest string any field may hold: the longest text Timeweave has ever accepted."""


class FieldError(ValueError):
    """A JSON value that is missing, of the wrong type or out of range; the message says where."""


_REQUIRED: Any = object()
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def kind(value: object) -> str:
    """What a JSON value is, in words (for messages)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def check_string(value: object, where: str, *, file_name: bool = False) -> str:
    """``value`` if it is a string that fits and that UTF-8 can store.

    A lone surrogate (``"\\ud800"`` in the JSON) would make every later save fail; a file name
    may hold the ones Python uses for undecodable bytes of the name (``surrogateescape``).
    """
    if not isinstance(value, str):
        raise FieldError(f"{where}: expected text, found {kind(value)}")
    if len(value) > MAX_STRING_CHARS:
        raise FieldError(f"{where}: {len(value):,} characters; the limit is {MAX_STRING_CHARS:,}")
    if not value.isascii():
        try:
            value.encode("utf-8", "surrogateescape" if file_name else "strict")
        except UnicodeEncodeError as exc:
            raise FieldError(
                f"{where}: contains a character that is not valid text "
                f"(U+{ord(value[exc.start]):04X})"
            ) from None
    return value


def check_int(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"{where}: expected a whole number, found {kind(value)}")
    return value


def check_span(start: int, end: int, length: int, where: str) -> tuple[int, int]:
    """``(start, end)`` if it is a span of a text of ``length`` characters."""
    if not 0 <= start <= end <= length:
        shown = ", ".join(_short(n) for n in (start, end))
        raise FieldError(
            f"{where}: the span ({shown}) is not inside the text (0 to {length:,} characters)"
        )
    return start, end


def _short(number: int) -> str:
    """A number for a message: a 400-digit number is not printed in full."""
    text = str(number)
    return text if len(text) <= 15 else f"a {len(text)}-digit number"


class Fields:
    """One JSON object, read field by field with checks; ``where`` names it in messages."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise FieldError(f"{where}: expected an object, found {kind(data)}")
        self.data: dict[str, Any] = data
        self.where = where

    def at(self, key: str) -> str:
        """The name of a field, for messages."""
        return f"{self.where}.{key}"

    def raw(self, key: str, default: Any = _REQUIRED) -> Any:
        """The value of ``key`` unchecked; ``default`` when absent or null."""
        value = self.data.get(key)
        if value is None:
            if default is _REQUIRED:
                raise FieldError(f"{self.at(key)}: missing")
            return default
        return value

    def string(self, key: str, default: Any = _REQUIRED, *, file_name: bool = False) -> str:
        value = self.raw(key, default)
        return value if value is default else check_string(value, self.at(key), file_name=file_name)

    def optional_string(self, key: str) -> str | None:
        return self.string(key, None)

    def integer(self, key: str) -> int:
        return check_int(self.raw(key), self.at(key))

    def number(self, key: str) -> float:
        """A finite number (``NaN`` and infinities are not scores or offsets)."""
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(f"{self.at(key)}: expected a number, found {kind(value)}")
        number = float(value) if abs(value) < 1e300 else math.inf  # float(10**400) overflows
        if not math.isfinite(number):
            raise FieldError(f"{self.at(key)}: expected a finite number")
        return number

    def choice(self, key: str, choices: tuple[str, ...], default: Any = _REQUIRED) -> Any:
        """One of ``choices`` (the values of a ``Literal`` type)."""
        value = self.raw(key, default)
        if value not in choices or not isinstance(value, str):
            allowed = ", ".join(choices)
            raise FieldError(f"{self.at(key)}: {_quote(value)} is not one of {allowed}")
        return value

    def items(self, key: str) -> list[Any]:
        """A list (absent or null is empty)."""
        value = self.raw(key, [])
        if not isinstance(value, list):
            raise FieldError(f"{self.at(key)}: expected a list, found {kind(value)}")
        return value

    def objects(self, key: str) -> list[Fields]:
        return [Fields(item, f"{self.at(key)}[{i}]") for i, item in enumerate(self.items(key))]

    def strings(self, key: str) -> tuple[str, ...]:
        return tuple(
            check_string(item, f"{self.at(key)}[{i}]") for i, item in enumerate(self.items(key))
        )

    def object(self, key: str) -> Fields:
        """A nested object (absent or null is empty)."""
        return Fields(self.raw(key, {}), self.at(key))

    def pair(self, key: str) -> tuple[int, int] | None:
        """Two whole numbers (a span), or ``None``."""
        value = self.raw(key, None)
        if value is None:
            return None
        if not isinstance(value, list) or len(value) != 2:
            raise FieldError(f"{self.at(key)}: expected two numbers, found {kind(value)}")
        return check_int(value[0], self.at(key)), check_int(value[1], self.at(key))

    def date(self, key: str) -> dt.date | None:
        """An ISO day (``YYYY-MM-DD``) or ``None``."""
        value = self.optional_string(key)
        if value is None:
            return None
        try:
            if _DAY.fullmatch(value):
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise FieldError(f"{self.at(key)}: {_quote(value)} is not a day (YYYY-MM-DD)")


def _quote(value: object) -> str:
    """A value for a message, cut short: the message must stay readable."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"
