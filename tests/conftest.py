"""Fixtures shared by core and GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").iterdir())


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The Estonian (first) and English (second) sample documents."""
    return SEEDS


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Analyses cached by the tests (and the processes they start) never reach the user's
    cache folder: ``XDG_CACHE_HOME`` points at a folder of this session."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        yield


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty analysis cache, so no test is answered from another's
    analyses (opening the samples would be instant, and cancelling it could not be tested)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
