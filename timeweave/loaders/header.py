"""What surrounds an article's text: a date header, a headline, and trailing site boilerplate.

News files saved by scrapers often start with a header such as ``date 2017-10`` (on the same
line as the text), ``Date: 12 March 2019`` or ``Published: 2019-11-20``. The date keeps its
precision; the header is removed so nothing downstream mistakes it for article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeweave.model import DocumentDate

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "jan january jaan jaanuar",
            "feb february veebr veebruar",
            "mar march märts",
            "apr april aprill",
            "may mai",
            "jun june juuni",
            "jul july juuli",
            "aug august",
            "sep sept september",
            "oct october okt oktoober",
            "nov november",
            "dec december dets detsember",
        ],
        start=1,
    )
    for name in names.split()
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_LABEL = (
    r"(?:date|dated|published(?:\s+on)?|publication\s+date|posted(?:\s+on)?|updated"
    r"|kuupäev|avaldatud)"
)
_DATE_FORMS = (
    r"(?P<iso>\d{4}-\d{1,2}(?:-\d{1,2})?|\d{4})(?![\d-])",
    rf"(?P<d1>\d{{1,2}})\.?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>\d{{4}})",
    rf"(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})",
    rf"(?P<m3>{_MONTH})\.?\s+(?P<y3>\d{{4}})",
    r"(?P<d4>\d{1,2})[./](?P<m4>\d{1,2})[./](?P<y4>\d{4})",
)
_HEADER = re.compile(
    rf"\A\s*{_LABEL}\s*[:\-–]?\s*(?:{'|'.join(_DATE_FORMS)})(?:[T ][\d:.+Z-]+)?\s*",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(?:other news|more news|related(?: news| articles| stories)?|read more|read also|"
    r"see also|share(?: this)?|advertisement|comments?|most read|loe ka|vaata ka|"
    r"teised uudised|veel uudiseid|kommentaarid|reklaam)\s*[:.]?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Header:
    """The date found in a header and how many characters of text it took."""

    date: DocumentDate
    length: int


def find_header(text: str) -> Header | None:
    """Recognise a date header at the start of ``text``; ``None`` when there is none."""
    match = _HEADER.match(text)
    if not match:
        return None
    groups = {k: v for k, v in match.groupdict().items() if v}
    try:
        if "iso" in groups:
            parts = groups["iso"].split("-")
            value = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
        else:
            suffix = next(k[-1] for k in groups)
            year = groups[f"y{suffix}"]
            month_text = groups[f"m{suffix}"]
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
            day = groups.get(f"d{suffix}")
            value = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        date = DocumentDate.parse(value, "header")
    except ValueError:
        return None
    return Header(date, match.end())


def strip_trailing_boilerplate(text: str) -> str:
    """Drop short site-navigation lines ("Other news", "Loe ka") that end a scraped article."""
    lines = text.rstrip().split("\n")
    while lines and (not lines[-1].strip() or _BOILERPLATE.match(lines[-1].strip())):
        lines.pop()
    return "\n".join(lines)


def find_title(text: str) -> str | None:
    """The headline: a short first paragraph that is not a sentence of the article.

    A headline has no sentence-final full stop and is followed by a blank line.
    """
    first, sep, _rest = text.lstrip().partition("\n\n")
    first = first.strip()
    if not sep or "\n" in first or not 3 <= len(first) <= 200:
        return None
    if first.endswith((".", '"', "»", "”")) and not first.endswith("..."):
        return None
    return first
