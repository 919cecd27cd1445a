"""Language identification: right on short news texts, honest on text with no language."""

from __future__ import annotations

import pytest

from timeweave.langid import detect


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Putin teatas sel nädalal, et koostöö süveneb.", "et"),
        ("Seromolotov said the talks had failed.", "en"),
        ("Der Minister sagte am Donnerstag, dass die Gespräche gescheitert seien.", "de"),
        ("Министр заявил в четверг, что переговоры провалились.", "ru"),
        ("Ministeri sanoi torstaina, että neuvottelut epäonnistuivat.", "fi"),
    ],
)
def test_short_news_sentences(text: str, code: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize("text", ["", "   ", "2019-10-22 12:00", "!!! ??? 42"])
def test_no_language_without_letters(text: str) -> None:
    assert detect(text) is None
