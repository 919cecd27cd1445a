"""Build Timeweave's installers with one command: ``.venv/bin/python build/build.py``.

Linux: the one-folder app in ``dist/timeweave/``, then
``dist/timeweave-<version>-linux-x86_64.tar.gz`` and ``dist/timeweave_<version>_amd64.deb``.
Other systems: the one-folder app (and Timeweave.app on macOS); their installers are built by the
scripts beside this file.

The .deb's Depends are not a hand-kept list: every library the bundle loads from the system is
found with ``ldd`` and mapped to its Debian package with ``dpkg -S``, so a new Qt plug-in that needs
a new system library changes the Depends line instead of failing on the analyst's machine.
Timings and sizes go to ``dist/build-info.json`` for ``benchmarks/bundle.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build" / "timeweave.spec"
WORK = ROOT / "build" / ".work"
DIST = ROOT / "dist"
BUNDLE = DIST / "timeweave"
APP_ID = "org.timeweave.Timeweave"
ICONS = ROOT / "resources" / "icons"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256)

EXTRA_DEPENDS = ("fonts-dejavu-core", "fontconfig-config")
"""Data, not libraries, so ldd cannot see them. Qt ships no fonts (every glyph is a box without
a font package); without /etc/fonts (fontconfig-config) the bundled libfontconfig prints
"Cannot load default config file" on every start (seen in a clean Debian 12 root)."""

DEB_COMPRESSION = ("xz", "6")
"""Measured on this bundle (2 busy cores): xz -6 191 MB in 212 s, zstd -19 197 MB in 262 s,
zstd -3 220 MB in 9 s. xz -6 is the smallest download, no slower than zstd -19, and every dpkg
reads it; ``--deb-compression zstd:3`` is the quick choice for local iterations."""


WINDOWS_LIBRARIES = frozenset({"user32", "kernel32", "msvcrt", "advapi32", "shell32", "ole32"})
"""Windows system DLLs that packages look up through ctypes only on Windows."""
TEST_IMPORT = re.compile(r'WARNING: Hidden import "[\w.]+\.tests(\.[\w.]+)?" not found!')
CTYPES_LIBRARY = re.compile(r"WARNING: Library (\w+) required via ctypes not found")
UNRESOLVED = re.compile(
    r"WARNING: Library not found: could not resolve '[^']+', dependency of '(?P<file>[^']+)'\."
)
SITE_PACKAGES = re.compile(r".*[/\\](site|dist)-packages[/\\]")


def harmless(line: str, bundle: Path, system: str) -> str | None:
    """Why a line of PyInstaller's output needs no attention, or None when a person should see it.

    On a fresh Debian 12 machine PyInstaller prints about 424 warnings, all of three kinds that the
    spec's own choices explain; printing them buried the one error that mattered (a missing
    libpython). A library that cannot be resolved matters only if the file needing it is still in
    the bundle, so that kind is judged after the build. Anything else, and every error, is shown.
    """
    if re.match(r"\d+ INFO: ", line):
        return "information"  # PyInstaller's version banner, printed before --log-level applies
    if TEST_IMPORT.search(line):
        return "test modules the spec excludes"
    library = CTYPES_LIBRARY.search(line)
    if library and system != "Windows" and library[1].lower() in WINDOWS_LIBRARIES:
        return "Windows libraries, asked for on Windows only"
    unresolved = UNRESOLVED.search(line)
    if unresolved:
        needed_by = SITE_PACKAGES.sub("", unresolved["file"])
        if not (bundle / "_internal" / needed_by).exists():
            return "libraries of files the spec drops"
    return None


def run(command: list[str], quiet: bool = False) -> None:
    """Run a command; its failure stops the build with the command's own message."""
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL if quiet else None)


def version() -> str:
    """The version everyone reads from pyproject.toml."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return str(tomllib.loads(text)["project"]["version"])


def pyinstaller(verbose: bool) -> float:
    """Build the one-folder app, showing only the output that needs a person; returns seconds."""
    started = time.perf_counter()
    command = [
        sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--clean",
        "--log-level", "INFO" if verbose else "WARN", "--workpath", str(WORK),
        "--distpath", str(DIST),
    ]
    if verbose:
        run(command)
        return time.perf_counter() - started
    done = subprocess.run(command, capture_output=True, text=True)
    hidden: dict[str, int] = {}
    for line in (done.stdout + done.stderr).splitlines():
        reason = harmless(line, BUNDLE, platform.system()) if done.returncode == 0 else None
        if reason is None:
            print(line, flush=True)
        else:
            hidden[reason] = hidden.get(reason, 0) + 1
    if done.returncode != 0:
        raise SystemExit(f"build: PyInstaller failed (exit {done.returncode}), its output is above")
    if hidden:
        kinds = ", ".join(f"{count} {reason}" for reason, count in hidden.items())
        print(f"build: PyInstaller lines not shown (known harmless; --verbose shows all): {kinds}")
    return time.perf_counter() - started


def elf_files(folder: Path) -> list[Path]:
    """Shared libraries and executables in the bundle (by their ELF magic, not their names)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def strip(folder: Path) -> int:
    """Strip debug symbols; returns bytes saved.

    Wheels repaired by auditwheel keep patched libraries in ``<package>.libs/``; stripping those
    breaks them ("ELF load command address/offset not page-aligned"), so they are skipped.
    """
    before = tree_size(folder)
    targets = [
        str(path) for path in elf_files(folder)
        if not any(part.endswith(".libs") for part in path.relative_to(folder).parts)
    ]
    for start in range(0, len(targets), 200):
        run(["strip", "--strip-unneeded", *targets[start : start + 200]])
    return before - tree_size(folder)


def needed_names(path: Path) -> set[str]:
    """The sonames an ELF file asks the dynamic linker for (its NEEDED entries)."""
    result = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True)
    return set(re.findall(r"NEEDED\s+(\S+)", result.stdout))


def prune_orphans(folder: Path) -> list[str]:
    """Delete bundled shared libraries that nothing in the bundle links any more.

    PyInstaller collects a plug-in's libraries before the spec drops the plug-in (the GTK theme
    plug-in brings GTK, Pango, Cairo and Kerberos: about 11 MB), so they stay behind, unused.
    Only top-level ``lib*.so*`` files are candidates; Python extension modules are loaded by import,
    not linked, and libpython is opened by the bootloader, so neither is ever pruned.
    """
    internal = folder / "_internal"
    needed = {path: needed_names(path) for path in elf_files(folder)}
    candidates = {
        path for path in needed
        if path.parent == internal and path.name.startswith("lib") and ".so" in path.name
        and not path.name.startswith("libpython")
    }
    pruned: set[Path] = set()
    while True:
        linked = set().union(*(names for path, names in needed.items() if path not in pruned))
        orphans = {path for path in candidates - pruned if path.name not in linked}
        if not orphans:
            break
        pruned |= orphans
    for path in pruned:
        path.unlink()
    return sorted(path.name for path in pruned)


def tree_size(folder: Path) -> int:
    """Bytes of all regular files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def system_libraries(folder: Path) -> tuple[set[Path], set[str]]:
    """Libraries outside the bundle that its ELF files load, and names that ldd cannot find."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(folder / "_internal"))
    outside: set[Path] = set()
    missing: set[str] = set()
    for path in elf_files(folder):
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            name, _, target = line.strip().partition(" => ")
            if target.startswith("not found"):
                missing.add(f"{name} (needed by {path.relative_to(folder)})")
            elif target.startswith("/") and not target.startswith(str(folder)):
                outside.add(Path(target.split(" (")[0]).resolve())
    return outside, missing


def glibc_needed(folder: Path) -> str:
    """The highest GLIBC symbol version any bundled file asks for: the oldest libc it runs on."""
    versions: set[tuple[int, ...]] = set()
    for path in elf_files(folder):
        result = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True)
        for match in re.finditer(r"GLIBC_(\d+(?:\.\d+)+)", result.stdout):
            versions.add(tuple(int(part) for part in match[1].split(".")))
    return ".".join(str(part) for part in max(versions))


def debian_depends(folder: Path) -> list[str]:
    """The Depends field: the packages owning the system libraries, plus fonts."""
    libraries, missing = system_libraries(folder)
    if missing:
        raise SystemExit(
            "build: libraries the bundle needs are not installed here (run build/setup.sh):\n  "
            + "\n  ".join(sorted(missing))
        )
    packages: set[str] = set()
    for library in sorted(libraries):
        owner = subprocess.run(["dpkg", "-S", str(library)], capture_output=True, text=True)
        if owner.returncode != 0:  # /lib is a symlink to /usr/lib on Debian 12: ask for both
            alternative = str(library).replace("/usr/lib/", "/lib/", 1)
            owner = subprocess.run(["dpkg", "-S", alternative], capture_output=True, text=True)
        if owner.returncode != 0:
            raise SystemExit(f"build: no Debian package owns {library}")
        packages.add(owner.stdout.split(":")[0].strip())
    packages.discard("libc6")
    depends = [f"libc6 (>= {glibc_needed(folder)})"]
    depends += sorted(packages | set(EXTRA_DEPENDS))
    return depends


def make_tarball(folder: Path, target: Path, top: str) -> float:
    """A .tar.gz of the folder under ``top/``, owned by root; returns seconds taken."""
    started = time.perf_counter()

    def as_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(folder, arcname=top, filter=as_root)
    return time.perf_counter() - started


def stage_deb(folder: Path, stage: Path) -> None:
    """Lay out the .deb's file tree: /opt, the launcher, the desktop entry and the icons."""
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(folder, stage / "opt" / "timeweave", symlinks=True, copy_function=os.link)
    launcher = stage / "usr" / "bin" / "timeweave"
    launcher.parent.mkdir(parents=True)
    # A script, not a symlink: the bundle finds _internal/ next to the real executable.
    launcher.write_text('#!/bin/sh\nexec /opt/timeweave/timeweave "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / f"{APP_ID}.desktop", applications)
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True)
        shutil.copy2(ICONS / f"timeweave-{size}.png", target)
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(ICONS / "timeweave.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    doc = stage / "usr" / "share" / "doc" / "timeweave"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Timeweave is distributed under the MIT license.\n"
        "/opt/timeweave/_internal holds Python, Qt (LGPL-3.0), spaCy and its English pipeline\n"
        "(MIT), py3langid (BSD-3-Clause) and the other packages named in pyproject.toml,\n"
        "each under its own license, as shipped in their wheels.\n",
        encoding="utf-8",
    )
    for path in stage.rglob("*"):  # dpkg-deb refuses group-writable control folders
        if path.is_dir():
            path.chmod(0o755)


def write_control(stage: Path, ver: str, depends: list[str]) -> None:
    """The DEBIAN/control file; Installed-Size is in KiB as dpkg expects."""
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.parent.chmod(0o755)
    size_kib = tree_size(stage) // 1024
    control.write_text(
        f"Package: timeweave\nVersion: {ver}\nArchitecture: amd64\n"
        "Maintainer: Timeweave developers <timeweave@localhost>\n"
        f"Installed-Size: {size_kib}\nDepends: {', '.join(depends)}\n"
        "Section: text\nPriority: optional\n"
        "Description: compare news sources in several languages on one timeline\n"
        " Timeweave finds time expressions, events and entities in news documents\n"
        " (text, HTML, PDF, DOCX, Markdown) in English and Estonian, places them on\n"
        " one timeline and links what several sources say about the same thing.\n",
        encoding="utf-8",
    )


def make_deb(stage: Path, target: Path, compression: tuple[str, str]) -> float:
    """Pack the staged tree; returns seconds taken."""
    started = time.perf_counter()
    kind, level = compression
    run([
        "dpkg-deb", "--root-owner-group", f"-Z{kind}", f"-z{level}", "--build", str(stage),
        str(target),
    ], quiet=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--skip-pyinstaller", action="store_true",
        help="package the existing dist/timeweave/ again (installer work only)",
    )
    parser.add_argument(
        "--deb-compression", default=":".join(DEB_COMPRESSION), metavar="KIND:LEVEL",
        help="dpkg-deb compression, e.g. xz:6 or zstd:19 (default %(default)s)",
    )
    parser.add_argument(
        "--verbose", action="store_true",
        help="show all of PyInstaller's output, including the warnings known to be harmless",
    )
    args = parser.parse_args(argv)
    ver = version()
    build_started = time.perf_counter()
    info: dict[str, object] = {"version": ver}
    if not args.skip_pyinstaller:
        info["pyinstaller_seconds"] = round(pyinstaller(args.verbose), 1)
        print(f"build: PyInstaller {info['pyinstaller_seconds']} s")
    if platform.system() != "Linux":
        print(f"build: {BUNDLE} is ready; installers for {platform.system()}: see build/README.md")
        return 0
    started = time.perf_counter()
    if not args.skip_pyinstaller:
        pruned = prune_orphans(BUNDLE)
        print(f"build: pruned {len(pruned)} unlinked libraries: {', '.join(pruned)}")
        saved = strip(BUNDLE)
        print(f"build: stripped {saved / 1e6:.0f} MB")
    info["strip_seconds"] = round(time.perf_counter() - started, 1)
    dangling = [str(p.relative_to(BUNDLE)) for p in BUNDLE.rglob("*") if p.is_symlink()
                and not p.exists()]
    if dangling:
        raise SystemExit(f"build: links to files the spec dropped: {', '.join(dangling)}")
    info["bundle_bytes"] = tree_size(BUNDLE)
    tarball = DIST / f"timeweave-{ver}-linux-x86_64.tar.gz"
    info["tar_seconds"] = round(make_tarball(BUNDLE, tarball, f"timeweave-{ver}"), 1)
    info["tar_bytes"] = tarball.stat().st_size
    print(f"build: {tarball.name} {info['tar_bytes'] / 1e6:.0f} MB in {info['tar_seconds']} s")
    depends = debian_depends(BUNDLE)
    stage = WORK / "deb"
    stage_deb(BUNDLE, stage)
    write_control(stage, ver, depends)
    deb = DIST / f"timeweave_{ver}_amd64.deb"
    kind, _, level = args.deb_compression.partition(":")
    info["deb_compression"] = args.deb_compression
    info["deb_seconds"] = round(make_deb(stage, deb, (kind, level)), 1)
    info["deb_bytes"] = deb.stat().st_size
    info["depends"] = depends
    shutil.rmtree(stage)
    print(f"build: {deb.name} {info['deb_bytes'] / 1e6:.0f} MB in {info['deb_seconds']} s")
    print(f"build: Depends: {', '.join(depends)}")
    info["total_seconds"] = round(time.perf_counter() - build_started, 1)
    (DIST / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"build: bundle {info['bundle_bytes'] / 1e6:.0f} MB unpacked, in {DIST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
