"""The analysis cache: hits equal fresh runs, settings change the key, damage is a miss."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pytest

from timeweave.cache import AnalysisCache, default_folder
from timeweave.model import DocumentDate
from timeweave.pipeline import Overrides, run


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AnalysisCache:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return AnalysisCache()


def _entries(cache: AnalysisCache) -> list[Path]:
    return sorted(cache.folder.glob("*/*.json.z"), key=lambda p: p.stat().st_mtime)


def test_folder_follows_xdg(cache: AnalysisCache, tmp_path: Path) -> None:
    assert cache.folder == default_folder() == tmp_path / "xdg" / "timeweave"


def test_second_run_is_answered_from_the_cache(
    cache: AnalysisCache, seed_paths: list[Path]
) -> None:
    fresh = run(seed_paths, cache=cache).to_json()
    entries = _entries(cache)
    assert len(entries) == 2
    assert run(seed_paths, cache=cache).to_json() == fresh
    # Prove the second answer came from disk: a changed entry comes back as stored.
    for entry in entries:
        data = json.loads(zlib.decompress(entry.read_bytes()))
        data["title"] = "from the cache"
        entry.write_bytes(zlib.compress(json.dumps(data).encode()))
    again = run(seed_paths, cache=cache).to_json()
    assert [d["title"] for d in again["documents"]] == ["from the cache"] * 2
    assert [d["id"] for d in again["documents"]] == ["d1", "d2"]


def test_a_changed_date_misses_for_that_document_only(
    cache: AnalysisCache, seed_paths: list[Path]
) -> None:
    run(seed_paths, cache=cache)
    english = str(seed_paths[1])
    date = DocumentDate.parse("2019-11-20", "cli")
    result = run(seed_paths, Overrides(dates={english: date}), cache=cache)
    assert len(_entries(cache)) == 3
    october = next(t for t in result.documents[1].timexes if t.text == "22 October")
    assert october.value == "2019-10-22"


def test_corrupt_entries_are_removed_not_fatal(
    cache: AnalysisCache, seed_paths: list[Path]
) -> None:
    fresh = run(seed_paths, cache=cache).to_json()
    first, second = _entries(cache)
    first.write_bytes(b"not zlib at all")
    second.write_bytes(zlib.compress(b'{"id": "d1"}'))
    assert run(seed_paths, cache=cache).to_json() == fresh
    assert len(_entries(cache)) == 2, "both were analysed again and stored again"


def test_prune_removes_the_least_recently_used(
    cache: AnalysisCache, seed_paths: list[Path]
) -> None:
    run(seed_paths, cache=cache)
    older, newer = _entries(cache)
    os.utime(older, (1_000_000, 1_000_000))
    small = AnalysisCache(cache.folder, max_bytes=newer.stat().st_size)
    assert small.prune() == 1
    assert not older.exists()
    assert newer.exists()


def test_clear_and_info(cache: AnalysisCache, seed_paths: list[Path]) -> None:
    run(seed_paths, cache=cache)
    info = cache.info()
    assert info.entries == 2
    assert info.size > 0
    assert cache.clear().entries == 2
    assert cache.info().entries == 0
