"""``timeweave batch`` on a two-worker local Dask cluster gives what ``timeweave extract`` gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks._generate import write_corpus
from timeweave import blocking, compare
from timeweave.cli import main
from timeweave.dataset import open_dataset
from timeweave.model import DocumentAnalysis
from timeweave.pipeline import analyse_files


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
    assert len(expected["links"]) > 10
    assert got["links"] == expected["links"]


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> list[DocumentAnalysis]:
    corpus = write_corpus(tmp_path_factory.mktemp("variants"), 6)
    analyses, errors = analyse_files(corpus, jobs=1)
    assert not errors
    return analyses


def test_blocked_links_equal_all_pairs_when_no_key_is_too_common(
    variants: list[DocumentAnalysis],
) -> None:
    everything = compare.link(variants)
    assert {x.kind for x in everything} == {"entity", "event"}
    assert blocking.link(variants) == everything


def test_a_too_common_key_keeps_its_entity_link_but_makes_no_pairs(
    variants: list[DocumentAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blocking, "MAX_BLOCK", 2)  # every key here is in 3 or 6 documents
    links = blocking.link(variants)
    assert [x for x in links if x.kind == "entity"] == [
        x for x in compare.link(variants) if x.kind == "entity"
    ]
    assert [x for x in links if x.kind == "event"] == []
