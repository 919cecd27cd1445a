"""Headlines and trailing boilerplate: what is article text and what is not."""

from __future__ import annotations

import pytest

from timeweave.loaders.header import find_header, find_title, strip_trailing_boilerplate


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Talks fail in Ankara\n\nThe minister said so.", "Talks fail in Ankara"),
        ("The minister said so.\n\nMore text.", None),
        ("One paragraph only, no headline", None),
        ("Line one\nline two\n\nBody.", None),
        ("x" * 250 + "\n\nBody.", None),
    ],
)
def test_find_title(text: str, title: str | None) -> None:
    assert find_title(text) == title


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Body text.\n\n\n\nOther news", "Body text."),
        ("Body text.\n\nLoe ka:\n\nReklaam\n", "Body text."),
        (
            "Body text.\n\nOther news about Syria is grim.",
            "Body text.\n\nOther news about Syria is grim.",
        ),
    ],
)
def test_strip_trailing_boilerplate(text: str, kept: str) -> None:
    assert strip_trailing_boilerplate(text) == kept


def test_header_is_only_at_the_start() -> None:
    assert find_header("Text first. date 2017-10") is None
    header = find_header(" date 2017-10 Hukkunute seas")
    assert header is not None
    assert header.date.value == "2017-10"
    assert " date 2017-10 Hukkunute seas"[header.length :] == "Hukkunute seas"
