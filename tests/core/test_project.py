"""Project files: identical round trip, migration, refusal of newer formats, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.gui.analyses import two_sources
from timeweave.entities.overrides import EntityOverrides
from timeweave.model import DocumentDate
from timeweave.project import (
    SCHEMA_VERSION,
    Project,
    ProjectError,
    discard_recovery,
    find_recovery,
    load,
    save,
    write_recovery,
)
from timeweave.review import Correction, Review, analyst_time


def _project() -> Project:
    review = Review().with_correction(
        ("d1", "e2"), Correction("accepted", analyst_time(DocumentDate.parse("2017-10-19", "user")))
    )
    overrides = EntityOverrides({"türgi": "turkey"}, {"d2/n3": "turkish people"})
    view = {"selection": [["d1", "e2"]], "selected_entity": None, "document": "d1",
            "compare": ["d1", "d2"]}
    return Project(two_sources(), review, overrides, view)


def test_save_and_reopen_is_identical(tmp_path: Path) -> None:
    project = _project()
    save(project, tmp_path / "a.timeweave")
    again = load(tmp_path / "a.timeweave")
    assert again == project


def test_cli_json_is_migrated_from_version_1(tmp_path: Path) -> None:
    path = tmp_path / "cli.json"
    path.write_text(json.dumps(two_sources().to_json()), encoding="utf-8")
    project = load(path)
    assert [a.document.id for a in project.result.documents] == ["d1", "d2"]
    assert project.review == Review()


def test_newer_version_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    data = _project().to_json() | {"schema_version": SCHEMA_VERSION + 1, "app_version": "9.0"}
    path = tmp_path / "new.timeweave"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProjectError, match=r"saved by Timeweave 9\.0.*newer Timeweave"):
        load(path)


@pytest.mark.parametrize("content", [b"\x00\x01binary", b"[1, 2]", b'{"x": 1}', b""])
def test_not_a_project_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.timeweave"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match="bad.timeweave"):
        load(path)


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "p.timeweave"
    save(_project(), path)
    before = path.read_bytes()
    broken = _project()
    broken.view = {"unserialisable": object()}
    with pytest.raises(TypeError):
        save(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.timeweave"]


def test_recovery_file_is_written_found_and_discarded(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    assert find_recovery(folder) is None
    written = write_recovery(_project(), folder)
    assert find_recovery(folder) == written
    assert load(written) == _project()
    discard_recovery(folder)
    assert find_recovery(folder) is None
