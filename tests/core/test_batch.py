"""``timeweave batch`` on a two-worker local Dask cluster gives what ``timeweave extract`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks._generate import write_corpus
from timeweave.cli import main
from timeweave.dataset import open_dataset


@pytest.mark.slow
def test_two_worker_cluster_equals_extract(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "corpus", 6)
    missing = tmp_path / "missing.txt"
    paths = [*map(str, seed_paths), *map(str, corpus), str(missing)]
    reference = tmp_path / "extract.json"
    assert main(["extract", "--no-cache", "--out", str(reference), *paths]) == 1
    out = tmp_path / "batch"
    assert main(["batch", "--workers", "2", "--out", str(out), *paths]) == 1
    assert "8 documents, 1 errors" in capsys.readouterr().err
    expected = json.loads(reference.read_text(encoding="utf-8"))
    got = open_dataset(out).to_json()
    assert got["documents"] == expected["documents"]
    assert got["errors"] == expected["errors"]
    assert {x["kind"] for x in expected["links"]} == {"entity", "event"}
    assert got["links"] == expected["links"]
    assert got["stories"] == expected["stories"]
