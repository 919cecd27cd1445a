"""Size and speed of the installers: what an analyst downloads, unpacks and waits for.

Reads the artefacts ``build/build.py`` left in ``dist/`` (and its timings in
``dist/build-info.json``), then launches the frozen app: the self-test, and the window with the
samples under Xvfb (a real X window; offscreen when no Xvfb is installed). Start-up times come
from the app's own ``--report-startup`` line, measured from just before the process is spawned.

    .venv/bin/python build/build.py && .venv/bin/python -m benchmarks.bundle [--runs N]

Targets (issue 6): unpacked bundle <= 300 MB, .deb <= 120 MB, start to window shown <= 3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "timeweave"
APP = BUNDLE / "timeweave"
MB = 1_000_000
TARGETS = {"bundle": 300 * MB, "deb": 120 * MB, "shown": 3.0}


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def verdict(value: float, target: float) -> str:
    return "within target" if value <= target else "OVER target"


def self_test(env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the self-test's first line (start-up) and to its end (the whole pipeline)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(APP), "--self-test"], stdout=subprocess.PIPE, text=True, env=env, cwd="/"
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    first_at = time.perf_counter() - started
    rest = process.stdout.read()
    if process.wait() != 0:
        raise SystemExit(f"bundle: the frozen self-test failed:\n{first}{rest}")
    return first_at, time.perf_counter() - started


def launch(env: dict[str, str], samples: list[Path]) -> dict[str, float]:
    """One launch of the window on the samples: seconds to shown and to the timeline drawn."""
    with tempfile.TemporaryDirectory() as home:
        run_env = env | {"HOME": home, "XDG_CONFIG_HOME": f"{home}/config",
                         "XDG_DATA_HOME": f"{home}/data"}
        started = time.time()
        done = subprocess.run(
            [str(APP), "--report-startup", *map(str, samples)], env=run_env, cwd="/",
            capture_output=True, text=True, timeout=600,
        )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"bundle: the frozen window did not report:\n{done.stderr[-2000:]}")
    report = json.loads(lines[-1])
    if report.get("errors"):
        raise SystemExit(f"bundle: the window reported problems: {report['errors']}")
    return {"shown": report["shown"] - started, "drawn": report["drawn"] - started,
            "documents": report["documents"], "events": report["events"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="launches of the window (median)")
    args = parser.parse_args()
    if not APP.exists():
        raise SystemExit("bundle: no dist/timeweave/ - run build/build.py first")
    if "DISPLAY" not in os.environ and shutil.which("xvfb-run") and not os.environ.get(
        "QT_QPA_PLATFORM"
    ):
        # A real X server, as on a desktop: re-run this benchmark inside Xvfb.
        command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, "-m",
                   "benchmarks.bundle", "--runs", str(args.runs)]
        return subprocess.run(command, cwd=ROOT).returncode

    info_path = DIST / "build-info.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    version = info.get("version", "?")
    bundle = tree_size(BUNDLE)
    print(f"bundle unpacked      {bundle / MB:7.1f} MB   ({verdict(bundle, TARGETS['bundle'])}"
          f" <= {TARGETS['bundle'] // MB} MB)")
    parts = [p for p in (BUNDLE / "_internal").iterdir() if not p.is_symlink()]
    largest = sorted(((tree_size(p) if p.is_dir() else p.stat().st_size, p.name)
                      for p in parts), reverse=True)[:5]
    print("  largest parts      " + ", ".join(f"{name} {size / MB:.0f}" for size, name in largest))
    deb = DIST / f"timeweave_{version}_amd64.deb"
    if deb.exists():
        size = deb.stat().st_size
        print(f".deb                 {size / MB:7.1f} MB   ({verdict(size, TARGETS['deb'])} <= "
              f"{TARGETS['deb'] // MB} MB; {info.get('deb_compression')}, "
              f"{info.get('deb_seconds')} s to pack)")
    tarball = DIST / f"timeweave-{version}-linux-x86_64.tar.gz"
    if tarball.exists():
        print(f".tar.gz              {tarball.stat().st_size / MB:7.1f} MB   "
              f"({info.get('tar_seconds')} s to pack)")
    if info:
        print(f"build time           {info.get('total_seconds'):7.1f} s    (PyInstaller "
              f"{info.get('pyinstaller_seconds')} s, strip {info.get('strip_seconds')} s, "
              f"tar {info.get('tar_seconds')} s, deb {info.get('deb_seconds')} s)")

    env = dict(os.environ)
    platform_name = env.setdefault("QT_QPA_PLATFORM", "xcb" if "DISPLAY" in env else "offscreen")
    first, total = self_test(env | {"QT_QPA_PLATFORM": "offscreen"})
    print(f"self-test            {total:7.2f} s    (first line after {first:.2f} s)")
    samples = sorted((BUNDLE / "_internal" / "seeds").iterdir())
    runs = [launch(env, samples) for _ in range(args.runs)]
    shown = statistics.median(r["shown"] for r in runs)
    drawn = statistics.median(r["drawn"] for r in runs)
    print(f"start to window      {shown:7.2f} s    ({verdict(shown, TARGETS['shown'])} <= "
          f"{TARGETS['shown']:.0f} s; {platform_name}, median of {args.runs})")
    print(f"start to timeline    {drawn:7.2f} s    ({runs[0]['documents']} samples analysed, "
          f"{runs[0]['events']} events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
