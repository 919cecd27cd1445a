"""``build/build.py`` hides only PyInstaller lines the spec explains; real problems stay visible.

The lines are PyInstaller 6's own formats, as a fresh Debian 12 build printed them.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
SITE = "/work/timeweave/.venv/lib/python3.11/site-packages"
GTK_THEME = "PySide6/Qt/plugins/platformthemes/libqgtk3.so"


def load_build() -> ModuleType:
    """build/build.py is a script, not a package module: load it from its path."""
    spec = importlib.util.spec_from_file_location("timeweave_build", REPO / "build" / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILD = load_build()


def unresolved(library: str, needed_by: str) -> str:
    return (
        f"93072 WARNING: Library not found: could not resolve '{library}', "
        f"dependency of '{SITE}/{needed_by}'."
    )


@pytest.mark.parametrize(
    "line",
    [
        '61250 WARNING: Hidden import "spacy.tests.lang.et.test_text" not found!',
        '61250 WARNING: Hidden import "thinc.tests" not found!',
        "138 INFO: PyInstaller: 6.22.3, contrib hooks: 2026.9",
        "80512 WARNING: Library user32 required via ctypes not found",
        "80512 WARNING: Library msvcrt required via ctypes not found",
        unresolved("libcairo.so.2", GTK_THEME),  # the spec drops the GTK theme plug-in
    ],
)
def test_lines_the_spec_explains_are_hidden(line: str, tmp_path: Path) -> None:
    assert BUILD.harmless(line, tmp_path, "Linux") is not None


@pytest.mark.parametrize(
    "line",
    [
        "ERROR: Python shared library ('libpython3.11.so.1.0') was not found!",
        '61250 WARNING: Hidden import "spacy.lang.et" not found!',
        '61250 WARNING: Hidden import "contests" not found!',
        "80512 WARNING: Library libGL.so.1 required via ctypes not found",
        "Traceback (most recent call last):",
    ],
)
def test_problems_stay_visible(line: str, tmp_path: Path) -> None:
    assert BUILD.harmless(line, tmp_path, "Linux") is None


def test_an_unresolved_library_of_a_bundled_file_stays_visible(tmp_path: Path) -> None:
    needed_by = "PySide6/Qt/plugins/platforms/libqxcb.so"
    bundled = tmp_path / "_internal" / needed_by
    bundled.parent.mkdir(parents=True)
    bundled.write_bytes(b"\x7fELF")

    assert BUILD.harmless(unresolved("libxcb-cursor.so.0", needed_by), tmp_path, "Linux") is None


def test_windows_libraries_matter_on_windows(tmp_path: Path) -> None:
    line = "80512 WARNING: Library user32 required via ctypes not found"

    assert BUILD.harmless(line, tmp_path, "Windows") is None
