"""The PyInstaller bundle works as shipped, not only the source tree.

Run after ``build/build.py``; skipped when ``dist/timeweave/`` is absent. The frozen executable
is started as a user would start it, with a clean environment apart from the offscreen platform.
"""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dist" / "timeweave" / "timeweave"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not APP.exists(), reason="no frozen bundle: run build/build.py"),
]


def frozen(*args: str, timeout: float = 300, **changes: str) -> subprocess.CompletedProcess[str]:
    """Run the bundled executable offscreen, outside the repository, so nothing leaks in.

    ``changes`` replace variables; an empty value removes one.
    """
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env = {name: value for name, value in (env | changes).items() if value}
    return subprocess.run(
        [str(APP), *args], capture_output=True, text=True, timeout=timeout, env=env, cwd="/"
    )


def test_self_test_passes() -> None:
    result = frozen("--self-test")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "FAIL" not in result.stdout
    assert "checks passed" in result.stdout


def test_version_matches_pyproject() -> None:
    expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    result = frozen("--version", timeout=60)

    assert result.stdout.strip() == f"timeweave {expected['version']}"


def test_extract_dispatches_to_the_command_line() -> None:
    sample = sorted((APP.parent / "_internal" / "seeds").iterdir())[-1]

    result = frozen("extract", str(sample))

    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert [d["path"] for d in output["documents"]] == [str(sample)]
    assert output["documents"][0]["timexes"]


def test_the_window_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    result = frozen(timeout=60, QT_QPA_PLATFORM="", HOME=str(tmp_path))

    assert result.returncode == 3, result.stderr  # not 134, Qt's abort with a core dump
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "no display" in result.stderr
    assert "xvfb-run -a timeweave" in result.stderr


def test_the_window_starts_without_a_locale_warning(tmp_path: Path) -> None:
    # The bootloader, unlike python, does not turn the C locale into C.UTF-8 by itself.
    result = frozen("--report-startup", timeout=120, LANG="", HOME=str(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "Detected locale" not in result.stderr
