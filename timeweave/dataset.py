"""Extraction results as Parquet datasets that pandas, DuckDB or Spark read, written as they come.

A dataset is a folder with one sub-dataset per table: ``documents/``, ``timexes/``, ``entities/``,
``events/``, ``links/`` and ``errors/``. Columns mirror the JSON contract (nested values as
Arrow structs and lists; day bounds as ``date32``), plus ``document`` (the document id) in the
per-document tables. Every table but ``links``/``errors`` is hive-partitioned by ``language``
(``documents/language=en/part-00000-0.parquet``), ``links`` by ``kind``: the usual questions
("the Estonian sources", "entity links only") read a fraction of the files.

:class:`DatasetWriter` writes a part every :data:`PART_DOCUMENTS` documents, so memory does not
grow with the corpus; :func:`open_dataset` reads back only what the analyst asked for.
Needs ``pyarrow`` (``pip install timeweave[cluster]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from timeweave.model import DocumentAnalysis, ExtractionResult, Link, LoadError

PART_DOCUMENTS = 200
"""Documents per written part: ~1 MB of Parquet, small enough to hold, large enough to scan fast."""

_DATE = pa.date32()
_SPAN = pa.list_(pa.int64())
_FOUND_AT = [  # every table of things found in a text starts with where it is found
    ("document", pa.string()),
    ("language", pa.string()),
    ("id", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
    ("text", pa.string()),
]
_DAY_BOUNDS = [("earliest", _DATE), ("latest", _DATE)]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("id", pa.string()),
            ("path", pa.string()),
            ("path_bytes", pa.string()),  # only for a name that is not UTF-8 (README)
            ("title", pa.string()),
            ("language", pa.string()),
            ("language_source", pa.string()),
            ("format", pa.string()),
            (
                "encoding",
                pa.struct(
                    [("name", pa.string()), ("guessed", pa.bool_()), ("replaced", pa.int64())]
                ),
            ),
            ("text", pa.string()),
            (
                "document_date",
                pa.struct(
                    [("value", pa.string()), ("granularity", pa.string()), ("source", pa.string())]
                ),
            ),
        ]
    ),
    "timexes": pa.schema(
        [
            *_FOUND_AT,
            ("type", pa.string()),
            ("value", pa.string()),
            *_DAY_BOUNDS,
            ("mod", pa.string()),
        ]
    ),
    "entities": pa.schema(
        [
            *_FOUND_AT,
            ("label", pa.string()),
            ("key", pa.string()),
        ]
    ),
    "events": pa.schema(
        [
            *_FOUND_AT,
            ("cue", pa.string()),
            ("actors", pa.list_(pa.string())),
            ("place", pa.string()),
            ("content", _SPAN),
            (
                "time",
                pa.struct(
                    [
                        *_DAY_BOUNDS,
                        ("value", pa.string()),
                        ("basis", pa.string()),
                        ("timex", pa.string()),
                    ]
                ),
            ),
            ("trigger", _SPAN),
            ("class", pa.string()),
            ("category", pa.string()),
            ("polarity", pa.string()),
            ("modality", pa.string()),
            (
                "participants",
                pa.list_(pa.struct([("role", pa.string()), ("entity", pa.string())])),
            ),
            ("reported_by", pa.string()),
            ("reports", pa.list_(pa.string())),
        ]
    ),
    "links": pa.schema(
        [
            ("kind", pa.string()),
            ("key", pa.string()),
            ("members", pa.list_(pa.struct([("document", pa.string()), ("id", pa.string())]))),
            ("score", pa.float64()),
            ("reason", pa.string()),
        ]
    ),
    "errors": pa.schema([("path", pa.string()), ("message", pa.string())]),
}

_PARTITION = {
    "documents": "language",
    "timexes": "language",
    "entities": "language",
    "events": "language",
    "links": "kind",
    "errors": None,
}
_CHILDREN = ("timexes", "entities", "events")
_NO_LANGUAGE = "xx"  # a partition value must exist; "xx" is spaCy's "any language"


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def document_rows(analysis: DocumentAnalysis) -> dict[str, list[dict[str, Any]]]:
    """One document's rows for each per-document table."""
    data = analysis.to_json()
    language = data["language"] or _NO_LANGUAGE
    doc = {key: data.get(key) for key in SCHEMAS["documents"].names} | {"language": language}
    rows: dict[str, list[dict[str, Any]]] = {"documents": [doc]}
    for name in _CHILDREN:
        rows[name] = [row | {"document": data["id"], "language": language} for row in data[name]]
    for row, timex in zip(rows["timexes"], analysis.timexes, strict=True):
        row.update(earliest=_day(row["earliest"]), latest=_day(row["latest"]), mod=timex.mod)
    for row in rows["events"]:
        row["time"] = row["time"] | {
            "earliest": _day(row["time"]["earliest"]),
            "latest": _day(row["time"]["latest"]),
        }
    return rows


class DatasetWriter:
    """Append documents, links and errors; a Parquet part is written every few hundred documents.

    Use as a context manager (or call :meth:`close`) so the last part is written.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
        self._pending = 0
        self._parts = 0

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, analysis: DocumentAnalysis) -> None:
        for name, rows in document_rows(analysis).items():
            self._rows[name].extend(rows)
        self._pending += 1
        if self._pending >= PART_DOCUMENTS:
            self.flush()

    def add_error(self, error: LoadError) -> None:
        self._rows["errors"].append(error.to_json())

    def add_links(self, links: Iterable[Link]) -> None:
        self._rows["links"].extend(link.to_json() | {"score": link.score} for link in links)
        if len(self._rows["links"]) >= 50 * PART_DOCUMENTS:
            self.flush()

    def flush(self) -> None:
        """Write what is held as one more part of each table that has rows."""
        for name, rows in self._rows.items():
            if not rows:
                continue
            table = pa.Table.from_pylist(rows, schema=SCHEMAS[name])
            partition = _PARTITION[name]
            ds.write_dataset(
                table,
                self.folder / name,
                format="parquet",
                partitioning=[partition] if partition else None,
                partitioning_flavor="hive" if partition else None,
                basename_template=f"part-{self._parts:05d}-{{i}}.parquet",
                existing_data_behavior="overwrite_or_ignore",
            )
            rows.clear()
        self._parts += 1
        self._pending = 0

    def close(self) -> None:
        self.flush()
        for name in SCHEMAS:  # an empty table is still a dataset its readers can open
            (self.folder / name).mkdir(parents=True, exist_ok=True)


def _table(folder: Path, name: str) -> ds.Dataset:
    partition = _PARTITION[name]
    return ds.dataset(
        folder / name,
        format="parquet",
        schema=SCHEMAS[name],
        partitioning=ds.partitioning(pa.schema([(partition, pa.string())]), flavor="hive")
        if partition
        else None,
    )


def open_dataset(
    folder: str | Path,
    entity: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sources: Sequence[str] | None = None,
) -> ExtractionResult:
    """The part of a dataset the analyst asked for, as one :class:`ExtractionResult`.

    Documents are kept when they match every filter given: ``entity`` (an entity key or a
    mention's text, case-sensitive), ``date_from``/``date_to`` (an event whose days overlap the
    range), ``sources`` (document paths or ids). Each kept document comes whole; links whose
    members are all kept come with them, and the story events behind those event links; errors
    come only when no filter is given. Filters are pushed down to Parquet, so only matching row
    groups are read.
    """
    from timeweave.compare import keyed
    from timeweave.compare.stories import from_links
    from timeweave.project import Project

    root = Path(folder)
    documents = _table(root, "documents")
    wanted: set[str] | None = None
    if sources is not None:
        found = documents.to_table(
            columns=["id"],
            filter=ds.field("path").isin(_strings(sources))
            | ds.field("id").isin(_strings(sources)),
        )
        wanted = set(found.column("id").to_pylist())
    if entity is not None:
        found = _table(root, "entities").to_table(
            columns=["document"],
            filter=(ds.field("key") == entity) | (ds.field("text") == entity),
        )
        wanted = _narrow(wanted, found.column("document").to_pylist())
    if date_from is not None or date_to is not None:
        condition = ds.field("time", "earliest").is_valid()
        if date_to is not None:
            condition &= ds.field("time", "earliest") <= pa.scalar(date_to, _DATE)
        if date_from is not None:
            condition &= ds.field("time", "latest") >= pa.scalar(date_from, _DATE)
        found = _table(root, "events").to_table(columns=["document"], filter=condition)
        wanted = _narrow(wanted, found.column("document").to_pylist())

    def rows(name: str, column: str) -> list[dict[str, Any]]:
        condition = None if wanted is None else ds.field(column).isin(_strings(wanted))
        return _table(root, name).to_table(filter=condition).to_pylist()

    by_document: dict[str, dict[str, Any]] = {}
    for doc in sorted(rows("documents", "id"), key=lambda d: _id_order(d["id"])):
        if doc["language"] == _NO_LANGUAGE:
            doc["language"] = None
        by_document[doc["id"]] = doc | {name: [] for name in _CHILDREN}
    for name in _CHILDREN:
        for row in sorted(rows(name, "document"), key=lambda r: _id_order(r["id"])):
            owner = by_document.get(row.pop("document"))
            if owner is not None:
                row.pop("language")
                owner[name].append(_dates_to_text(row))
    kept = set(by_document)
    links = [
        link
        for link in _table(root, "links").to_table().to_pylist()
        if all(member["document"] in kept for member in link["members"])
    ]
    errors = _table(root, "errors").to_table().to_pylist() if wanted is None else []
    data = {"documents": list(by_document.values()), "links": links, "errors": errors}
    result = Project.from_json(data).result
    result.stories = from_links(result.documents, result.links, keyed(result.documents))
    return result


def _strings(values: Iterable[str]) -> pa.Array:
    """A typed value set: ``isin`` refuses an empty untyped one."""
    return pa.array(sorted(values), pa.string())


def _narrow(wanted: set[str] | None, found: Iterable[str]) -> set[str]:
    return set(found) if wanted is None else wanted & set(found)


def _id_order(identifier: str) -> tuple[int, str]:
    """``d2`` before ``d10``, ``e2`` before ``e10``: the order the extraction gave."""
    digits = identifier.lstrip("abcdefghijklmnopqrstuvwxyz")
    return (int(digits) if digits.isdigit() else 0, identifier)


def _dates_to_text(row: dict[str, Any]) -> dict[str, Any]:
    """Arrow ``date32`` values back to the contract's ISO strings."""
    for key in ("earliest", "latest"):
        if key in row:
            row[key] = _iso(row[key])
    if "time" in row:
        row["time"] = row["time"] | {
            "earliest": _iso(row["time"]["earliest"]),
            "latest": _iso(row["time"]["latest"]),
        }
    return row
