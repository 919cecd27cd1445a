"""Per-document analyses on disk, so nothing is analysed twice.

An entry is keyed by a hash of everything that changes the result: the file's bytes, its
extension (it chooses the loader when the content does not), the analyst's language and
publication date, the Timeweave version and :data:`SCHEMA`. A changed date is a different key,
so only that document is analysed again. Values are the analysis JSON, zlib-compressed (about
a fifth of the JSON). The folder is ``$XDG_CACHE_HOME/timeweave`` (``~/.cache/timeweave``);
it is kept under :data:`DEFAULT_MAX_BYTES` by removing the entries used longest ago (a hit
touches its file's modification time, which ``relatime`` mounts do not do for access times).

The cache is an optimisation: a corrupt, unreadable or unwritable entry is removed or skipped,
never an error. Writes are atomic (temporary file + ``os.replace``), so worker processes can
share one folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeweave import __version__
from timeweave.model import DocumentAnalysis

if TYPE_CHECKING:
    from timeweave.parallel import Job

SCHEMA = 1
"""Bump when the stored JSON or the meaning of a key changes; old entries then simply miss."""

DEFAULT_MAX_BYTES = 1024**3
"""1 GiB: about 150,000 news articles of 300 words (≈ 7 KB an entry, text included)."""

_SUFFIX = ".json.z"


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/timeweave``, else ``~/.cache/timeweave``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeweave"


@dataclass(frozen=True)
class CacheInfo:
    folder: Path
    entries: int
    size: int
    max_bytes: int


class AnalysisCache:
    """A folder of compressed analyses; picklable, so worker processes write their own results."""

    def __init__(self, folder: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.folder = folder or default_folder()
        self.max_bytes = max_bytes

    def key(self, data: bytes, job: Job) -> str:
        """The entry name for a file's bytes under the job's settings."""
        digest = hashlib.sha256()
        date = job.date.to_json() if job.date else None
        settings = [SCHEMA, __version__, Path(job.path).suffix.lower(), job.language, date]
        digest.update(json.dumps(settings).encode())
        digest.update(b"\0")
        digest.update(data)
        return digest.hexdigest()

    def lookup(self, job: Job) -> tuple[str | None, DocumentAnalysis | None]:
        """The job's key and its cached analysis (given the job's id and path), if any.

        A file that cannot be read has no key: the worker that loads it reports the error.
        """
        from timeweave.loaders import MAX_FILE_BYTES

        try:
            with open(job.path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except OSError:
            return None, None
        key = self.key(data, job)
        analysis = self.get(key)
        if analysis is not None:
            analysis.document.id = job.doc_id
            analysis.document.path = job.path
        return key, analysis

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / (key + _SUFFIX)

    def get(self, key: str) -> DocumentAnalysis | None:
        """The stored analysis, or ``None``; a corrupt entry is removed."""
        from timeweave.project import Project

        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            data = json.loads(zlib.decompress(raw))
            # The project reader checks every field and offset: a damaged entry is refused.
            analysis = Project.from_json({"documents": [data]}).result.documents[0]
        except Exception:  # any damage (truncated, foreign, old layout) is a miss, never a crash
            path.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept longest by prune()
        return analysis

    def put(self, key: str, analysis: DocumentAnalysis) -> None:
        """Store an analysis; a full disk or a read-only folder just leaves it uncached."""
        path = self._path(key)
        data = zlib.compress(json.dumps(_to_json(analysis), ensure_ascii=False).encode(), 6)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)

    def _entries(self) -> list[tuple[float, int, str]]:
        """(last use, size, path) of every entry; vanished files (another process) skipped."""
        found = []
        with contextlib.suppress(OSError):
            for sub in os.scandir(self.folder):
                if not sub.is_dir():
                    continue
                for entry in os.scandir(sub.path):
                    with contextlib.suppress(OSError):
                        if entry.name.endswith(_SUFFIX):
                            stat = entry.stat()
                            found.append((stat.st_mtime, stat.st_size, entry.path))
        return found

    def prune(self) -> int:
        """Remove the least recently used entries until the cache is under its cap; how many."""
        entries = self._entries()
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size
                removed += 1
        return removed

    def info(self) -> CacheInfo:
        entries = self._entries()
        return CacheInfo(self.folder, len(entries), sum(s for _, s, _ in entries), self.max_bytes)

    def clear(self) -> CacheInfo:
        """Remove every entry (and stray temporary files); what was removed."""
        before = self.info()
        if self.folder.is_dir():
            for sub in os.scandir(self.folder):
                if sub.is_dir() and len(sub.name) == 2:
                    for entry in os.scandir(sub.path):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)
                    with contextlib.suppress(OSError):
                        os.rmdir(sub.path)
        return before


def _to_json(analysis: DocumentAnalysis) -> dict[str, Any]:
    """The contract's JSON plus what it leaves out (timex ``mod``), so a hit equals a fresh run."""
    data = analysis.to_json()
    for timex_json, timex in zip(data["timexes"], analysis.timexes, strict=True):
        timex_json["mod"] = timex.mod
    return data
