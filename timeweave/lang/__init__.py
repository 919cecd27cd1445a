"""Per-language packages, as in spaCy (``lang/en``, ``lang/et``): each holds that language's rules.

Registered explicitly (no plugin discovery: PyInstaller), imported when first asked for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from timeweave.temporal.base import TemporalLanguage


class _Languages(Mapping[str, TemporalLanguage]):
    """Each language's rules, imported on first use: the Estonian tables cost ~0.5 CPU-s to
    build, not paid for an English-only run."""

    def __getitem__(self, code: str) -> TemporalLanguage:
        if code == "en":
            from timeweave.lang import en

            return en.LANGUAGE
        if code == "et":
            from timeweave.lang import et

            return et.LANGUAGE
        raise KeyError(code)

    def __iter__(self) -> Iterator[str]:
        return iter(("en", "et"))

    def __len__(self) -> int:
        return 2


LANGUAGES: Mapping[str, TemporalLanguage] = _Languages()
