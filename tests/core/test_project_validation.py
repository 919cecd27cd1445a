"""Damaged project files: one ProjectError naming the field, or a project that is fully valid.

The table holds every variant of the reliability probe (``findings-reliability.md``, P3): each
was an uncaught exception or was opened silently with spans outside the text, references to
nothing, or a character that made every later save fail. The hypothesis test mutates a valid
project at random places with hostile values.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import json
import math
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.gui.analyses import two_sources
from timeweave.entities.overrides import EntityOverrides
from timeweave.model import DocumentDate, Event, ExtractionResult, Participant, TextEncoding
from timeweave.project import MAX_PROJECT_BYTES, Project, ProjectError, load, save
from timeweave.review import Correction, Review, analyst_time, event_from_span

JsonPath = tuple[str | int, ...]
D0: JsonPath = ("result", "documents", 0)
D1: JsonPath = ("result", "documents", 1)


def rich_project() -> Project:
    """Both seeds with every kind of reference a project holds: reports, participants, a
    place, a trigger, corrections with a time and a span, an added event, entity decisions
    and a view."""
    result = two_sources()
    first = result.documents[0]
    e1, e2, e3 = first.events
    trigger = (e1.start, e1.start + len("kinnitas"))
    first.events = [
        dataclasses.replace(e1, trigger=trigger, reports=("e2",),
                            participants=(Participant("agent", "n1"),), event_class="REPORTING"),
        dataclasses.replace(e2, reported_by="e1", place="n5", modality="reported"),
        e3,
    ]
    day = analyst_time(DocumentDate.parse("2017-10-19", "user"))
    review = (
        Review()
        .with_correction(("d1", "e2"), Correction("accepted", day))
        .with_correction(("d1", "e3"), Correction("pending", span=(e3.start, e3.end - 1)))
    )
    second = result.documents[1]
    start = second.document.text.index("announced")
    review = review.with_added("d2", event_from_span(second, "u1", start, start + 9))
    overrides = EntityOverrides({"türgi": "turkey"}, {"d2/n3": "turkish people"})
    view = {"selection": [["d1", "e2"], ["d2", "u1"]], "selected_entity": "turkey",
            "document": "d2", "compare": ["d1", "d2"]}
    return Project(ExtractionResult(result.documents, result.links), review, overrides, view)


@pytest.fixture(scope="module")
def valid_json() -> dict[str, Any]:
    return json.loads(json.dumps(rich_project().to_json()))


def changed(data: dict[str, Any], path: JsonPath, value: Any) -> Any:
    """A deep copy of ``data`` with the value at ``path`` replaced (a callable gets the copy)."""
    data = copy.deepcopy(data)
    if not path:
        return value(data) if callable(value) else value
    parent: Any = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value(data) if callable(value) else value
    return data


def at(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data[step]
    return data


def past_end(path: JsonPath) -> Callable[[dict[str, Any]], int]:
    """A start just after the end of the same span: a reversed span inside the text."""
    return lambda data: at(data, (*path[:-1], "end")) + 1


def text_end(document: JsonPath, extra: int = 1) -> Callable[[dict[str, Any]], int]:
    return lambda data: len(at(data, (*document, "text"))) + extra


def dropped(key: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda data: {k: v for k, v in data.items() if k != key}


# (path, new value, a fragment of the message): every variant of the probe, and the new
# event fields' references.
DAMAGED = [
    pytest.param(("result",), [], "result: expected an object", id="result-list"),
    pytest.param(("result",), "abc", "result: expected an object", id="result-string"),
    pytest.param(("result", "documents"), "abc", "documents: expected a list", id="docs-string"),
    pytest.param(("result", "documents"), [1, 2], "documents[0]: expected an object",
                 id="docs-ints"),
    pytest.param((*D0, "document_date"), "2019", "document_date: expected an object",
                 id="date-string"),
    pytest.param(("review",), [], "review: expected an object", id="review-list"),
    pytest.param((*D0, "events", 0, "time"), "x", "events[0].time: expected an object",
                 id="event-time-string"),
    pytest.param((*D0, "text"), 5, "documents[0].text: expected text", id="text-int"),
    pytest.param((*D0, "text"), None, "documents[0].text: missing", id="text-null"),
    pytest.param((*D0, "id"), ["d1"], "documents[0].id: expected text", id="id-list"),
    pytest.param(("view", "selection"), [1, 2], "selection[0]: expected [document, event]",
                 id="selection-ints"),
    pytest.param((*D0, "events", 0, "start"), 10**30, "a 31-digit number", id="start-1e30"),
    pytest.param((*D0, "text"), lambda d: at(d, (*D0, "text")) + "\ud800", "U+D800",
                 id="lone-surrogate"),
    pytest.param((*D0, "title"), "\udce9t\u00e9", "U+DCE9", id="surrogate-in-title"),
    pytest.param((*D0, "timexes", 0, "end"), text_end(D0), "not inside the text",
                 id="timex-past-text"),
    pytest.param((*D0, "timexes", 0, "start"), -1, "not inside the text", id="timex-negative"),
    pytest.param((*D0, "timexes", 0, "start"), past_end((*D0, "timexes", 0, "start")),
                 "not inside the text", id="timex-reversed"),
    pytest.param((*D0, "entities", 1, "end"), text_end(D0, 50), "entities[1]",
                 id="entity-past-text"),
    pytest.param((*D0, "entities", 1, "start"), -5, "entities[1]", id="entity-negative"),
    pytest.param((*D0, "events", 2, "end"), text_end(D0), "events[2]", id="event-past-text"),
    pytest.param((*D0, "events", 2, "start"), past_end((*D0, "events", 2, "start")),
                 "events[2]", id="event-reversed"),
    pytest.param((*D0, "events", 2, "content"), [0, 10**9], "events[2].content",
                 id="content-past-text"),
    pytest.param((*D0, "events", 0, "trigger"), text_end(D0, 0), "events[0].trigger: expected",
                 id="trigger-not-a-pair"),
    pytest.param((*D0, "events", 0, "trigger"), [-1, 3], "events[0].trigger",
                 id="trigger-negative"),
    pytest.param(("review", "corrections", 1, "span"), [0, 10**9], "corrections (d1/e3)",
                 id="review-span-1e9"),
    pytest.param(("review", "added", 0, "event", "start"), 10**9, "added (d2/u1)",
                 id="added-event-1e9"),
    pytest.param((*D0, "events", 0, "actors"), ["n99"], "refers to entity 'n99'",
                 id="dangling-actor"),
    pytest.param((*D0, "events", 1, "place"), "n99", "events[1].place", id="dangling-place"),
    pytest.param((*D0, "events", 1, "time", "timex"), "t99", "time expression 't99'",
                 id="dangling-timex"),
    pytest.param((*D0, "events", 0, "participants", 0, "entity"), "n99", "participants",
                 id="dangling-participant"),
    pytest.param((*D0, "events", 1, "reported_by"), "e99", "events[1].reported_by",
                 id="dangling-reported-by"),
    pytest.param((*D0, "events", 0, "reports"), ["e2", "e99"], "events[0].reports",
                 id="dangling-reports"),
    pytest.param(("result", "links", 0, "members", 0, "id"), "e99", "members[0].id",
                 id="dangling-link-member"),
    pytest.param(("result", "links", 1, "members", 0, "id"), "e1", "refers to entity 'e1'",
                 id="link-member-of-wrong-kind"),
    pytest.param(("result", "links", 0, "members", 1, "document"), "d9", "no document 'd9'",
                 id="dangling-link-document"),
    pytest.param(("review", "corrections", 0, "document"), "d9", "no document 'd9'",
                 id="dangling-correction"),
    pytest.param(("review", "added", 0, "document"), "d9", "no document 'd9'",
                 id="dangling-added-document"),
    pytest.param(("review", "added", 0, "event", "id"), "e1", "not a free id",
                 id="added-id-taken"),
    pytest.param(("review", "corrections", 0, "status"), "pwned", "'pwned' is not one of",
                 id="status-pwned"),
    pytest.param(("review", "corrections", 1, "document"), "d1", None, id="no-op-change"),
    pytest.param(("review", "corrections", 1, "event"), "e2", "corrected twice",
                 id="correction-twice"),
    pytest.param((*D0, "timexes", 0, "type"), "BOGUS", "'BOGUS' is not one of",
                 id="timex-type-bogus"),
    pytest.param((*D0, "events", 0, "class"), "BOGUS", "events[0].class", id="event-class"),
    pytest.param((*D0, "events", 0, "polarity"), "MAYBE", "events[0].polarity",
                 id="event-polarity"),
    pytest.param((*D0, "events", 0, "participants", 0, "role"), "boss", "role",
                 id="participant-role"),
    pytest.param((*D1, "id"), "d1", "two documents have the id 'd1'", id="duplicate-doc-id"),
    pytest.param((*D0, "events", 1, "id"), "e1", "two events have the id 'e1'",
                 id="duplicate-event-id"),
    pytest.param((*D0, "document_date"), {"value": "2019-02-30", "granularity": "day"},
                 "is not a day", id="date-feb-30"),
    pytest.param((*D0, "document_date"), {"value": "2019", "granularity": "day"},
                 "is not a day", id="year-with-day-granularity"),
    pytest.param((*D0, "document_date"), {"value": "２０１９", "granularity": "year"},
                 "is not a year", id="full-width-year"),
    pytest.param(("result", "links", 0, "score"), math.nan, "NaN", id="nan-score"),
    pytest.param(("result", "links", 0, "score"), 10**400, "finite", id="huge-score"),
    pytest.param(("result", "links", 0, "score"), "high", "expected a number", id="score-high"),
    pytest.param(("result", "links", 0, "kind"), "person", "links[0].kind", id="link-kind"),
    pytest.param(("entity_overrides",), [["a", "b"]], "entity_overrides: expected an object",
                 id="overrides-list"),
    pytest.param(("entity_overrides",), {"merge": {"a": "b"}}, "unknown entry 'merge'",
                 id="overrides-odd-key"),
    pytest.param(("entity_overrides", "merges"), {"a": 1}, "merges.a: expected text",
                 id="overrides-not-strings"),
    pytest.param(("view", "document"), "../../etc/passwd", "no document", id="view-document"),
    pytest.param(("view", "compare"), ["d1", "d9"], "no document 'd9'", id="view-compare"),
    pytest.param(("view", "selection"), [["d1", "e99"]], "refers to event 'e99'",
                 id="view-selection-event"),
    pytest.param(("view",), "abc", "view: expected an object", id="view-string"),
    pytest.param(("schema_version",), True, "schema version is not valid", id="version-true"),
    pytest.param(("schema_version",), 10**400, "not valid: a number", id="version-10e400"),
    pytest.param(("schema_version",), "2", "not valid: '2'", id="version-string"),
    pytest.param(("schema_version",), 0, "not valid: 0", id="version-0"),
    pytest.param(("schema_version",), 2.0, "not valid: 2.0", id="version-float"),
    pytest.param(("schema_version",), 99, "newer Timeweave", id="version-99"),
    pytest.param((), dropped("result"), "result: missing", id="no-result"),
    pytest.param((*D0, "timexes", 1, "earliest"), "2019-13-45", "is not a day",
                 id="bad-earliest"),
    pytest.param((*D0, "timexes", 1, "earliest"), "2999-01-01", "is after latest",
                 id="timex-earliest-after-latest"),
    pytest.param((*D0, "events", 1, "time", "earliest"), "2999-01-01", "is after latest",
                 id="event-earliest-after-latest"),
    pytest.param((*D0, "events", 0, "start"), "abc", "expected a whole number",
                 id="start-text"),
    pytest.param((*D0, "events", 0, "start"), True, "expected a whole number", id="start-bool"),
    pytest.param((*D0, "title"), "x" * 2_000_001, "the limit is 2,000,000", id="title-too-long"),
]


@pytest.mark.parametrize(("path", "value", "fragment"), DAMAGED)
def test_damaged_project_is_refused_with_one_clear_message(
    tmp_path: Path, valid_json: dict[str, Any], path: JsonPath, value: Any, fragment: str | None
) -> None:
    data = changed(valid_json, path, value)
    file = tmp_path / "damaged.timeweave"
    file.write_text(json.dumps(data), encoding="utf-8", errors="surrogatepass")
    if fragment is None:  # the control: the table's edits are not refused by accident
        assert load(file) == Project.from_json(valid_json)
        return
    with pytest.raises(ProjectError) as raised:
        load(file)
    message = str(raised.value)
    assert message.startswith("damaged.timeweave: ")
    assert fragment in message
    assert len(message) < 300  # one readable sentence, never a dump of the file


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "not JSON text"),
        (b"hello", "not JSON text"),
        ('{"schema_version": 2}'.encode("utf-16"), "not JSON text"),
        (b"[1, 2, 3]", "not a Timeweave project"),
        (b"null", "not a Timeweave project"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"documents": [], "x": Infinity}', "Infinity"),
        (b'{"documents": [], "x": ' + b"9" * 5000 + b"}", "damaged"),
    ],
    ids=["empty", "hello", "utf-16", "list", "null", "nested", "infinity", "5000-digits"],
)
def test_not_a_project_is_refused(tmp_path: Path, content: bytes, fragment: str) -> None:
    file = tmp_path / "bad.timeweave"
    file.write_bytes(content)
    with pytest.raises(ProjectError, match=fragment):
        load(file)


def test_truncated_files_are_refused(tmp_path: Path) -> None:
    file = tmp_path / "p.timeweave"
    save(rich_project(), file)
    whole = file.read_bytes()
    for cut in (1, len(whole) // 2, len(whole) - 1):
        file.write_bytes(whole[:cut])
        with pytest.raises(ProjectError, match="not JSON text"):
            load(file)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    file = tmp_path / "huge.timeweave"
    with file.open("wb") as out:
        out.truncate(MAX_PROJECT_BYTES + 1)  # sparse: reading it would take 200 MB of memory
    with pytest.raises(ProjectError, match="Timeweave opens projects up to 200 MB"):
        load(file)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_pipe_or_a_folder_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.timeweave"
    os.mkfifo(fifo)
    with pytest.raises(ProjectError, match="not a regular file"):
        load(fifo)
    (tmp_path / "folder.timeweave").mkdir()
    with pytest.raises(ProjectError, match="not a regular file"):
        load(tmp_path / "folder.timeweave")


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ((*D0, "path"), "../../etc/passwd"),
        ((*D0, "path"), "/proc/self/environ"),
        ((*D0, "language"), "../../../../etc/passwd"),
        ((*D0, "title"), "<img src=/tmp/x.png>"),
        (("result", "errors"), [{"path": "/etc/passwd", "message": "not loaded"}]),
    ],
    ids=["path-up", "path-proc", "language-path", "title-markup", "error-path"],
)
def test_odd_but_valid_values_open_and_save_again(
    tmp_path: Path, valid_json: dict[str, Any], path: JsonPath, value: Any
) -> None:
    file = tmp_path / "odd.timeweave"
    data = changed(valid_json, path, value)
    file.write_text(json.dumps(data), encoding="utf-8")
    project = load(file)
    assert at(project.to_json(), path) == value
    save(project, file)
    assert load(file) == project


def test_a_file_name_that_is_not_utf8_round_trips(
    tmp_path: Path, valid_json: dict[str, Any]
) -> None:
    name = "/archive/caf\udce9 \udcff.txt"  # undecodable bytes of the name (surrogateescape)
    file = tmp_path / "latin1.timeweave"
    file.write_text(json.dumps(changed(valid_json, (*D0, "path"), name)), encoding="utf-8")
    project = load(file)
    assert project.result.documents[0].document.path == name
    save(project, file)
    assert load(file) == project


def test_cli_export_opens_as_a_project(tmp_path: Path) -> None:
    file = tmp_path / "cli.json"
    file.write_text(json.dumps(two_sources().to_json()), encoding="utf-8")
    assert [a.document.id for a in load(file).result.documents] == ["d1", "d2"]


def test_an_invalid_project_is_not_saved_and_the_old_file_stays(tmp_path: Path) -> None:
    file = tmp_path / "p.timeweave"
    save(rich_project(), file)
    before = file.read_bytes()
    broken = rich_project()
    broken.result.documents[0].events.append(Event("e9", 0, 10**9, "x", "x"))
    with pytest.raises(ProjectError, match=r"would not open again.*events\[3\]"):
        save(broken, file)
    assert file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.timeweave"]


# --- saving keeps what the file was -----------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_save_keeps_the_permissions_of_the_file(tmp_path: Path) -> None:
    file = tmp_path / "shared.timeweave"
    save(rich_project(), file)
    os.chmod(file, 0o664)
    save(rich_project(), file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o664
    new = tmp_path / "new.timeweave"
    umask = os.umask(0o022)
    try:
        save(rich_project(), new)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644  # what any new file gets, not 0600


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_save_through_a_symbolic_link_writes_the_file_it_names(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "p.timeweave"
    save(rich_project(), real)
    link = tmp_path / "link.timeweave"
    link.symlink_to(real)
    project = rich_project()
    project.view = {}
    save(project, link)
    assert link.is_symlink()
    assert load(real).view == {}


def test_stale_temporary_files_of_a_killed_save_are_removed(tmp_path: Path) -> None:
    file = tmp_path / "p.timeweave"
    stale = tmp_path / ".p.timeweave.ab12cd34.tmp"  # what a save killed long ago left
    fresh = tmp_path / ".p.timeweave.99887766.tmp"  # a save in another window, writing now
    other = tmp_path / ".q.timeweave.ab12cd34.tmp"  # another project's
    for temp in (stale, fresh, other):
        temp.write_bytes(b"{")
    hour_ago = os.stat(stale).st_mtime - 3600
    for temp in (stale, other):
        os.utime(temp, (hour_ago, hour_ago))
    save(rich_project(), file)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [file.name, fresh.name, other.name]
    )


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="POSIX folder sync")
def test_save_syncs_the_folder_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[bool] = []
    real_fsync = os.fsync

    def recording_fsync(handle: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(handle).st_mode))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    save(rich_project(), tmp_path / "p.timeweave")
    assert synced == [False, True]  # the file's data, then the folder's entry


# --- random damage ----------------------------------------------------------------------


def _paths(data: Any, prefix: JsonPath = ()) -> list[JsonPath]:
    """Every place in a JSON value, containers included."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


_IDS = ["d1", "d2", "e1", "e2", "e99", "n1", "n5", "t1", "u1", ""]
HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from([10**9, 10**30, -1, 2**63]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(_IDS),
    st.text(max_size=20),
    st.sampled_from(["\ud800", "a\udfffb", "2019-02-30", "2019", "BOGUS", "<img src=x>"]),
    st.lists(st.sampled_from([*_IDS, 0, 10**9, None]), max_size=3),
    st.dictionaries(st.sampled_from(["id", "start", "end", "text", "value"]),
                    st.sampled_from([*_IDS, 0, 5, None]), max_size=3),
)


def _is_consistent(project: Project) -> None:
    """What the window relies on: spans inside texts, ids that exist, a project that saves."""
    documents = {a.document.id: a for a in project.result.documents}
    assert len(documents) == len(project.result.documents)
    for analysis in project.result.documents:
        length = len(analysis.document.text)
        entities = {e.id for e in analysis.entities}
        for item in [*analysis.timexes, *analysis.entities, *analysis.events]:
            assert 0 <= item.start <= item.end <= length
        for event in analysis.events:
            assert set(event.actors) <= entities
    for link in project.result.links:
        assert all(member.document in documents for member in link.members)
    for doc_id, event in project.review.added:
        assert 0 <= event.start <= event.end <= len(documents[doc_id].document.text)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_random_damage_gives_a_project_error_or_a_valid_project(
    tmp_path: Path, valid_json: dict[str, Any], data: st.DataObject
) -> None:
    mutated: Any = valid_json
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        places = _paths(mutated)
        path = data.draw(st.sampled_from(places))
        if path and data.draw(st.booleans()) and isinstance(at(mutated, path[:-1]), dict):
            mutated = changed(mutated, path[:-1], {  # remove the field
                k: v for k, v in at(mutated, path[:-1]).items() if k != path[-1]
            })
        else:
            mutated = changed(mutated, path, data.draw(HOSTILE))
    file = tmp_path / "random.timeweave"
    file.write_text(json.dumps(mutated), encoding="utf-8", errors="surrogatepass")
    try:
        project = load(file)
    except ProjectError as exc:
        refusal = str(exc)
    else:
        _is_consistent(project)
        save(project, file)
        assert load(file) == project
        return
    assert refusal.startswith("random.timeweave: ")


def test_a_path_given_as_path_bytes_and_the_encoding_round_trip(
    tmp_path: Path, valid_json: dict[str, Any]
) -> None:
    """What the CLI writes for a name that is not UTF-8 (``path_bytes``) and for a decoding."""
    name = "/archive/caf\udce9.txt"
    data = changed(valid_json, (*D0, "path"), "/archive/caf\ufffd.txt")
    data = changed(data, (*D0, "path_bytes"), base64.b64encode(os.fsencode(name)).decode())
    data = changed(data, (*D0, "encoding"), {"name": "cp1257", "guessed": True, "replaced": 2})
    file = tmp_path / "bytes.timeweave"
    file.write_text(json.dumps(data), encoding="utf-8")
    document = load(file).result.documents[0].document
    assert document.path == name
    assert document.encoding == TextEncoding("cp1257", guessed=True, replaced=2)
    for key, value in (("path_bytes", "not base64!"), ("encoding", {"name": "x", "guessed": 1})):
        file.write_text(json.dumps(changed(data, (*D0, key), value)), encoding="utf-8")
        with pytest.raises(ProjectError):
            load(file)
