"""The pipeline as a plain function: progress reported in order, cancellable, re-anchorable."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeweave.model import DocumentDate
from timeweave.pipeline import Overrides, reanchor, run
from timeweave.progress import Cancelled, CancelToken


def test_progress_rises_to_one(seed_paths: list[Path]) -> None:
    reports: list[tuple[float, str]] = []
    result = run(seed_paths, progress=lambda f, m: reports.append((f, m)))
    fractions = [f for f, _ in reports]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert any("Comparing" in m for _, m in reports)
    assert len(result.documents) == 2


def test_cancel_between_documents(seed_paths: list[Path]) -> None:
    token = CancelToken()

    def cancel_after_first(fraction: float, message: str) -> None:
        if message.startswith("Analysed"):
            token.cancel()

    with pytest.raises(Cancelled):
        run(seed_paths, progress=cancel_after_first, cancel=token)


def test_reanchor_moves_relative_dates(seed_paths: list[Path]) -> None:
    english = run([seed_paths[1]]).documents[0]
    october = next(t for t in english.timexes if t.text == "22 October")
    assert october.earliest is None
    moved = reanchor(english, DocumentDate.parse("2019-11-20", "user"))
    october = next(t for t in moved.timexes if t.text == "22 October")
    assert october.value == "2019-10-22"
    assert moved.document.date.source == "user"
    assert [e.id for e in moved.entities] == [e.id for e in english.entities]
    dated = [e for e in moved.events if e.time.earliest is not None]
    assert dated, "with a publication date, events get times"


def test_per_file_date_override_wins_over_the_header(seed_paths: list[Path]) -> None:
    estonian = str(seed_paths[0])
    result = run(
        [estonian],
        Overrides(dates={estonian: DocumentDate.parse("2017-10-12", "cli")}),
    )
    document = result.documents[0].document
    assert (document.date.value, document.date.source) == ("2017-10-12", "cli")
    assert document.text.startswith("Hukkunute")
