"""The CLI contract on the seeds: one JSON object, offsets that point at their text, exit codes."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from timeweave.cli import main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds_json(seed_paths: list[Path]) -> dict[str, Any]:
    """``timeweave extract seeds/*`` run as a real process, as an analyst would."""
    result = subprocess.run(
        [sys.executable, "-m", "timeweave", "extract", *map(str, seed_paths)],
        capture_output=True, timeout=300, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode("utf-8"))


def _by_language(data: dict[str, Any], language: str) -> dict[str, Any]:
    return next(d for d in data["documents"] if d["language"] == language)


def test_documents_dates_and_title(seeds_json: dict[str, Any]) -> None:
    estonian = _by_language(seeds_json, "et")
    english = _by_language(seeds_json, "en")
    assert estonian["document_date"] == {"value": "2017-10", "granularity": "month",
                                         "source": "header"}
    assert english["document_date"] == {"value": None, "granularity": None, "source": "none"}
    assert english["title"].startswith("Russian Foreign Ministry")
    assert seeds_json["errors"] == []


def test_every_offset_points_at_the_text_it_claims(seeds_json: dict[str, Any]) -> None:
    for document in seeds_json["documents"]:
        text = document["text"]
        for layer in ("timexes", "entities", "events"):
            for item in document[layer]:
                assert text[item["start"]:item["end"]] == item["text"], (layer, item)
        timex_ids = {t["id"] for t in document["timexes"]}
        entity_ids = {e["id"] for e in document["entities"]}
        for event in document["events"]:
            assert set(event["actors"]) <= entity_ids
            assert event["time"]["timex"] is None or event["time"]["timex"] in timex_ids


def test_no_event_from_the_header_or_the_closing_boilerplate(seeds_json: dict[str, Any]) -> None:
    for document in seeds_json["documents"]:
        assert "date 2017" not in document["text"]
        assert "Other news" not in document["text"]
        for event in document["events"]:
            assert "Other news" not in event["text"]
    assert _by_language(seeds_json, "et")["events"]
    assert _by_language(seeds_json, "en")["events"]


def test_seed_time_expressions(seeds_json: dict[str, Any]) -> None:
    estonian = {t["text"]: t for t in _by_language(seeds_json, "et")["timexes"]}
    assert estonian["sel nädalal"]["type"] == "DATE"
    assert estonian["neljapäeval"]["type"] == "DATE"
    assert estonian["viimastel kuudel"]["value"] == "PXM"
    english = {t["text"]: t for t in _by_language(seeds_json, "en")["timexes"]}
    assert english["22 October"]["value"] == "XXXX-10-22"
    assert english["22 October"]["earliest"] is None


def test_date_override_for_one_file(seed_paths: list[Path], capsys: pytest.CaptureFixture) -> None:
    english = str(seed_paths[1])
    assert main(["extract", "--date", f"{english}=2019-11-20", english]) == 0
    data = json.loads(capsys.readouterr().out)
    document = data["documents"][0]
    assert document["document_date"] == {"value": "2019-11-20", "granularity": "day",
                                         "source": "cli"}
    october = next(t for t in document["timexes"] if t["text"] == "22 October")
    assert october["value"] == "2019-10-22"


def test_failed_files_are_reported_and_others_still_processed(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out.json"
    code = main(["extract", "--out", str(out), str(empty), str(seed_paths[1]), str(missing)])
    assert code == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 1
    assert {e["path"] for e in data["errors"]} == {str(empty), str(missing)}
    stderr = capsys.readouterr().err
    assert f"{empty}: the file is empty" in stderr
    assert f"{missing}: no such file" in stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["extract"],
        ["extract", "--date", "2019-13-01", "a.txt"],
        ["extract", "--date", "yesterday", "a.txt"],
        ["extract", "--lang", "english", "a.txt"],
        ["extract", "--date", "b.txt=2019", "a.txt"],
        ["frobnicate"],
        [],
    ],
)
def test_bad_arguments_exit_2(argv: list[str], capsys: pytest.CaptureFixture) -> None:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits on its own errors
        code = exc.code
    assert code == 2
    assert capsys.readouterr().err


def test_date_without_a_file_name_before_the_equals_sign_exits_2(
    capsys: pytest.CaptureFixture,
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--date", "=2019", "a.txt"])
    assert exit_info.value.code == 2
    assert "no file name before '='" in capsys.readouterr().err


def test_full_width_date_is_written_in_ascii(
    seed_paths: list[Path], capsys: pytest.CaptureFixture
) -> None:
    assert main(["extract", "--date", "２０１９-１１", str(seed_paths[1])]) == 0
    document = json.loads(capsys.readouterr().out)["documents"][0]
    assert document["document_date"]["value"] == "2019-11"


def test_a_file_name_that_is_not_utf8_is_kept_exactly(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    """On main: a traceback, no JSON, and the earlier --out file truncated to 0 bytes."""
    raw = os.fsencode(tmp_path) + b"/caf\xe9 \xff\xfe.txt"
    with open(raw, "wb") as handle:
        handle.write(seed_paths[0].read_bytes())
    out = tmp_path / "res.json"
    out.write_text('{"keep": 1}\n', encoding="utf-8")
    assert main(["extract", "--out", str(out), os.fsdecode(raw), str(seed_paths[1])]) == 0
    data = json.loads(out.read_bytes().decode("utf-8"))
    first, second = data["documents"]
    assert base64.b64decode(first["path_bytes"]) == raw
    assert first["path"].endswith("caf\ufffd \ufffd\ufffd.txt")
    assert "path_bytes" not in second
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_out_keeps_the_permissions_and_symlink_of_the_old_file(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    target = tmp_path / "shared.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o664)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["extract", "--out", str(link), str(seed_paths[1])]) == 0
    assert link.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert json.loads(target.read_text(encoding="utf-8"))["documents"]


def test_an_out_file_in_a_missing_folder_is_a_clear_error(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    out = tmp_path / "gone" / "res.json"
    assert main(["extract", "--out", str(out), str(seed_paths[1])]) == 1
    assert "cannot write" in capsys.readouterr().err
