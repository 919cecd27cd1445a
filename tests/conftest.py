"""Fixtures shared by core and GUI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").iterdir())


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The Estonian (first) and English (second) sample documents."""
    return SEEDS
