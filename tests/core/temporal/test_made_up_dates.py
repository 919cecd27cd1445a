"""No invented dates: an era the timeline cannot hold, a date that does not exist, a year that
did not parse are left untagged rather than read as some other date."""

from __future__ import annotations

import pytest

from timeweave import temporal
from timeweave.model import DocumentDate

DCT = DocumentDate.parse("2019-11-20", "cli")


@pytest.mark.parametrize(
    "text",
    [
        "It was built in the 10th century BC.",  # was 0900-0999 AD
        "The city fell in 1200 BC, the tablets say.",  # was the year 1200
        "Settlers arrived in the 1100s BCE.",
        "On 29 February 2100 the treaty expires.",  # was "February" = 2020-02
        "It counts from 1 January 1 AD onwards.",  # was "January 1" = 2020-01-01
        "In the year 0001 nothing happened.",  # was "the year" = 2019
        "The year 99999 is far away.",
    ],
)
def test_nothing_is_made_up(text: str) -> None:
    assert temporal.tag(text, "en", DCT) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In the 10th century the town grew.", "the 10th century", "09"),
        ("On 29 February 2020 it rained.", "29 February 2020", "2020-02-29"),
        ("30 February 2019 was no day.", "February 2019", "2019-02"),
        ("They met in the year 1999.", "the year 1999", "1999"),
        ("Sales rose during the year.", "the year", "2019"),
        ("Talks resume in February.", "February", "2020-02"),
    ],
)
def test_the_neighbours_still_read(text: str, span: str, value: str) -> None:
    found = {t.text: t.value for t in temporal.tag(text, "en", DCT)}
    assert found.get(span) == value


@pytest.mark.parametrize(("text", "value"), [("２０１９-１１", "2019-11"), ("２０１９", "2019")])
def test_full_width_digits_in_a_date_become_ascii(text: str, value: str) -> None:
    assert DocumentDate.parse(text, "cli").value == value


@pytest.mark.parametrize("text", ["٢٠١٩", "2019-1１-1"])
def test_other_digits_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a date of the form"):
        DocumentDate.parse(text, "cli")
