"""Replace a file so that readers see the old content or the new, never a half-written file.

The new content goes to a temporary file in the same folder (so the rename stays on one file
system), is flushed to disk, and replaces the target with ``os.replace``; the folder is synced so
the rename itself survives a power cut. The target keeps its permissions and group (a file shared
with a group stays shared), a symlinked target is written through the link, not replaced by a
file, and temporary files that a killed write left behind are removed on the next write.
Projects, autosaves, ``--out`` JSON and streamed JSON Lines all write through here.
"""

from __future__ import annotations

import glob
import os
import secrets
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

_TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 600
"""A temporary file older than this is left from a killed write, not one still writing."""


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically; raise ``OSError`` and leave ``path`` untouched."""
    with replacing(path) as out:
        out.write(data)


@contextmanager
def replacing(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file whose content replaces ``path`` when the block ends without an error.

    For output written as it is made (JSON Lines): until the block ends, ``path`` keeps its old
    content; an error or an interrupt removes the temporary file and leaves ``path`` as it was.
    """
    target = Path(os.path.realpath(path))
    try:
        old: os.stat_result | None = target.stat()
    except FileNotFoundError:
        old = None
    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}")
    mode = 0o666 if old is None else stat.S_IMODE(old.st_mode)
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     mode)
    try:
        with os.fdopen(handle, "wb") as out:
            if old is not None and hasattr(os, "fchmod"):
                with suppress(PermissionError):  # another user's group: keep ours
                    os.fchown(out.fileno(), -1, old.st_gid)
                os.fchmod(out.fileno(), mode)  # after the umask, and after fchown cleared bits
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    _remove_stale_temps(target)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort, the file is written already."""
    if not hasattr(os, "O_DIRECTORY"):  # Windows has no directory handles to sync
        return
    with suppress(OSError):  # some file systems (network shares) cannot sync a folder
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _remove_stale_temps(target: Path) -> None:
    """Delete temporary files that a killed write of ``target`` left behind.

    Only old ones: a write of the same file from another window may be making a fresh one.
    """
    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in target.parent.glob(f".{glob.escape(target.name)}.*{_TEMP_SUFFIX}"):
        with suppress(OSError):
            if temp.is_file() and temp.stat().st_mtime < cutoff:
                temp.unlink()
