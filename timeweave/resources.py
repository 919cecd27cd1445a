"""Where Timeweave's bundled files are, the same way from source and from a PyInstaller build.

From source they sit at the repository root (``resources/``, ``seeds/``); a frozen build
unpacks them under ``sys._MEIPASS`` with the same names.
"""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder holding ``resources/`` and ``seeds/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``."""
    return root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    """The sample documents (an Estonian and an English report)."""
    return root() / "seeds"


def seed_paths() -> list[Path]:
    """The sample documents, in a stable order."""
    return sorted(p for p in seeds_dir().iterdir() if p.is_file())
