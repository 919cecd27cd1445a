"""Many real news files made from the seeds: other people, other dates, other date headers.

Each file is the seed's own text (Estonian or English, alternating) with the people renamed,
the publication date and its header written in one of the forms analysts meet (``date
2019-11``, ``Kuupäev: 12. märts 2019``, ``Published: 20 November 2019``, ``Posted on March 3,
2018``), and the explicit "22 October" moved, so the pipeline sees fifty different documents
in two languages. Used by the 50-document GUI test and ``benchmarks/startup.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeweave.loaders.header import find_header
from timeweave.resources import seed_paths

ESTONIAN_PEOPLE = (  # (full name, surname): the surname is inflected in the text ("Rogatšjovi")
    ("Ilja Rogatšjov", "Rogatšjov"),
    ("Sergei Lavrov", "Lavrov"),
    ("Maria Zahharova", "Zahharova"),
    ("Pavel Smirnov", "Smirnov"),
    ("Anatoli Antonov", "Antonov"),
)
ESTONIAN_OFFICERS = ("Igor Konašenkov", "Valeri Gerassimov", "Sergei Rudskoi", "Juri Jevtušenko")
ENGLISH_PEOPLE = (
    ("Oleg Seromolotov", "Seromolotov"),
    ("Sergey Ryabkov", "Ryabkov"),
    ("Maria Zakharova", "Zakharova"),
    ("Mikhail Bogdanov", "Bogdanov"),
    ("Alexander Lavrentiev", "Lavrentiev"),
)
ESTONIAN_MONTHS = ("jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august",
                   "september", "oktoober", "november", "detsember")


def _date(index: int) -> dt.date:
    """A different publication day for each document, spread over 2015-2020."""
    return dt.date(2015, 1, 5) + dt.timedelta(days=index * 41)


def _estonian(text: str, index: int, day: dt.date) -> str:
    header = find_header(text)
    body = text[header.length:] if header else text  # the seed's own date header goes
    full, surname = ESTONIAN_PEOPLE[index % len(ESTONIAN_PEOPLE)]
    body = body.replace("Ilja Rogatšjov", full).replace("Rogatšjov", surname)
    body = body.replace("Igor Konašenkov", ESTONIAN_OFFICERS[index % len(ESTONIAN_OFFICERS)])
    if index % 4 == 0:
        return f" date {day:%Y-%m} {body}"  # the scraper's header, on the text's first line
    return f"Kuupäev: {day.day}. {ESTONIAN_MONTHS[day.month - 1]} {day.year}\n\n{body}"


def _english(text: str, index: int, day: dt.date) -> str:
    full, surname = ENGLISH_PEOPLE[index % len(ENGLISH_PEOPLE)]
    body = text.replace("Oleg Seromolotov", full).replace("Seromolotov", surname)
    body = body.replace("Russian Foreign Ministry:", f"Russia's {surname}:", 1)  # the headline
    signed = day - dt.timedelta(days=20 + index % 9)
    body = body.replace("22 October", f"{signed.day} {signed:%B}")
    header = (f"Published: {day.day} {day:%B %Y}" if index % 4 == 1
              else f"Posted on {day:%B} {day.day}, {day.year}")
    return f"{header}\n\n{body}"


def write_documents(folder: Path, count: int = 50) -> list[Path]:
    """Write ``count`` UTF-8 text files to ``folder`` (Estonian first, then alternating)."""
    estonian, english = (path.read_text("utf-8") for path in seed_paths())
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        day = _date(index)
        if index % 2 == 0:
            text, language = _estonian(estonian, index, day), "et"
        else:
            text, language = _english(english, index, day), "en"
        path = folder / f"{index:03d}_{language}_{day:%Y%m%d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths
