"""The first seconds of ``timeweave-gui``: no display, a plain C locale, a small screen.

The start-up cases run the real app in a fresh process (as a user starts it), with an environment
built here, so the test machine's own display, locale or screen cannot hide a problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize

from gui.app import (
    NO_DISPLAY_STATUS,
    PREFERRED_SIZE,
    display_problem,
    first_window_size,
    use_utf8_locale,
)

REPO = Path(__file__).resolve().parents[2]


def start_app(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m gui ARGS`` with only PATH, a fresh HOME and ``env``: no display, no locale."""
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PYTHONPATH": str(REPO),
    }
    return subprocess.run(
        [sys.executable, "-m", "gui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=base | env,
        cwd=tmp_path,
    )


def test_no_display_says_so_in_one_line_and_exits_cleanly(tmp_path: Path) -> None:
    result = start_app(tmp_path, str(REPO / "seeds"))

    assert result.returncode == NO_DISPLAY_STATUS  # not 134, Qt's abort with a core dump
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0]
    assert "xvfb-run" in lines[0]
    assert "timeweave extract" in lines[0]


@pytest.mark.parametrize(
    ("environ", "argv", "platform", "can_show"),
    [
        ({}, [], "linux", False),
        ({"DISPLAY": ":0"}, [], "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, [], "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, [], "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen:configfile=/tmp/s.json"}, [], "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, [], "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, [], "linux", True),
        ({"QT_QPA_PLATFORM": "wayland-egl"}, [], "linux", False),
        ({}, ["timeweave-gui", "-platform", "offscreen"], "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, ["timeweave-gui", "-platform", "xcb"], "linux", False),
        ({}, [], "darwin", True),
        ({}, [], "win32", True),
    ],
)
def test_display_problem_follows_qts_choice_of_platform(
    environ: dict[str, str], argv: list[str], platform: str, can_show: bool
) -> None:
    assert (display_problem(environ, argv, platform) is None) is can_show


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, {"LC_CTYPE": "C.UTF-8"}),
        ({"LANG": "C"}, {"LANG": "C", "LC_CTYPE": "C.UTF-8"}),
        ({"LC_ALL": "POSIX", "LANG": "et_EE.UTF-8"}, {"LC_ALL": "C.UTF-8", "LANG": "et_EE.UTF-8"}),
        ({"LANG": "et_EE.UTF-8"}, {"LANG": "et_EE.UTF-8"}),
        ({"LANG": "C", "LC_CTYPE": "en_GB.UTF-8"}, {"LANG": "C", "LC_CTYPE": "en_GB.UTF-8"}),
    ],
)
def test_only_a_plain_c_locale_becomes_utf8(
    environ: dict[str, str], expected: dict[str, str]
) -> None:
    use_utf8_locale(environ)

    assert environ == expected


def test_a_c_locale_start_prints_no_locale_warning(tmp_path: Path) -> None:
    result = start_app(tmp_path, "--report-startup", QT_QPA_PLATFORM="offscreen", LC_ALL="C")

    assert result.returncode == 0, result.stderr
    assert "Detected locale" not in result.stderr
    assert "UTF-8" not in result.stderr


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QSize(1280, 800), QSize(1152, 720)),
        (QSize(1366, 768), QSize(1229, 691)),
        (QSize(1920, 1080), QSize(1500, 920)),
        (QSize(3840, 2160), PREFERRED_SIZE),
    ],
)
def test_first_window_size_is_the_preferred_size_shrunk_to_the_screen(
    available: QSize, expected: QSize
) -> None:
    assert first_window_size(available) == expected


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1366, 768), (1920, 1080)])
def test_the_first_window_fits_the_screen_frame_included(
    tmp_path: Path, width: int, height: int
) -> None:
    # Qt's offscreen platform takes its screens from a JSON file; frame margins make it honest.
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "test",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )

    result = start_app(
        tmp_path, "--report-startup", QT_QPA_PLATFORM=f"offscreen:configfile={config}"
    )

    assert result.returncode == 0, result.stderr
    report = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    x, y, w, h = report["window"]
    assert report["screen"] == [0, 0, width, height]
    assert x >= 0
    assert y >= 0
    assert x + w <= width
    assert y + h <= height
    assert w >= min(PREFERRED_SIZE.width(), width * 0.8)  # fitted, not merely small
