"""The command line for corpora: folders, path lists, workers, JSON Lines and Parquet."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from timeweave.cli import main
from timeweave.dataset import open_dataset

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    """The seeds in a tree, with a file of an unknown format that a folder walk skips."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "b" / "deeper").mkdir(parents=True)
    shutil.copy(seed_paths[0], root / "a.txt")
    shutil.copy(seed_paths[1], root / "b" / "deeper" / "c.txt")
    (root / "b" / "notes.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(folder: Path) -> dict[str, Any]:
    """The default JSON for the two files named one by one."""
    out = folder.parent / "reference.json"
    assert main(["extract", "--out", str(out), str(folder / "a.txt"),
                 str(folder / "b" / "deeper" / "c.txt")]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_folder_is_its_known_files_in_order(folder: Path, reference: dict[str, Any],
                                              tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["extract", "--out", str(out), str(folder)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == reference


def test_files_from_standard_input_and_jsonl(folder: Path, reference: dict[str, Any]) -> None:
    listing = f"{folder / 'a.txt'}\n\n{folder / 'b' / 'deeper' / 'c.txt'}\n"
    result = subprocess.run(
        [sys.executable, "-m", "timeweave", "extract", "--files-from", "-", "--format", "jsonl"],
        input=listing.encode(), capture_output=True, timeout=300, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [next(iter(line)) for line in lines[:2]] == ["document", "document"]
    assert [line["document"] for line in lines[:2]] == reference["documents"]
    kinds = [next(iter(line)) for line in lines[2:]]
    assert kinds == sorted(kinds, key=["link", "story"].index), "links, then stories"
    assert [line["link"] for line in lines[2:] if "link" in line] == reference["links"]
    assert [line["story"] for line in lines[2:] if "story" in line] == reference["stories"]


def test_jsonl_ends_with_the_errors(folder: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "missing.txt")
    code = main(["extract", "--format", "jsonl", "--no-cache", str(folder / "a.txt"), missing])
    assert code == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert list(lines[0]) == ["document"]
    assert lines[-1] == {"error": {"path": missing, "message": lines[-1]["error"]["message"]}}


def test_parquet_reads_back_as_the_json(folder: Path, reference: dict[str, Any],
                                        tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    assert main(["extract", "--format", "parquet", "--out", str(out), str(folder)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "documents", "entities", "errors", "events", "links", "timexes"]
    assert list((out / "documents").glob("language=*/*.parquet"))
    data = open_dataset(out).to_json()
    assert data == reference


def test_open_dataset_filters(folder: Path, tmp_path: Path) -> None:
    import datetime as dt

    out = tmp_path / "dataset"
    assert main(["extract", "--format", "parquet", "--out", str(out), str(folder)]) == 0
    estonian = str(folder / "a.txt")
    assert [d.document.path for d in open_dataset(out, sources=[estonian]).documents] == [estonian]
    assert len(open_dataset(out, entity="Russia").documents) == 2
    assert open_dataset(out, entity="Atlantis").documents == []
    autumn_2017 = open_dataset(out, date_from=dt.date(2017, 10, 1), date_to=dt.date(2017, 10, 31))
    assert [d.document.path for d in autumn_2017.documents] == [estonian]
    kept = autumn_2017.documents[0].document.id
    assert all({m.document for m in x.members} == {kept} for x in autumn_2017.links), (
        "only links within the kept document"
    )
    assert all(kept in s.documents for s in autumn_2017.stories)


@pytest.mark.parametrize(
    "argv",
    [
        ["extract"],
        ["extract", "--format", "parquet", "seeds"],
        ["extract", "--jobs", "0", "seeds"],
        ["extract", "--files-from", "/nonexistent/list.txt"],
    ],
)
def test_bad_corpus_arguments_exit_2(argv: list[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's own errors
        code = stop.code
    assert code == 2


def test_cache_info_and_clear(folder: Path, capsys: pytest.CaptureFixture[str],
                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert main(["extract", "--out", str(tmp_path / "r.json"), str(folder)]) == 0
    assert main(["cache", "info"]) == 0
    assert ": 2 cached analyses" in capsys.readouterr().out
    assert main(["cache", "clear"]) == 0
    assert "removed 2 cached analyses" in capsys.readouterr().out
    assert main(["cache", "info"]) == 0
    assert ": 0 cached analyses" in capsys.readouterr().out
