"""The document as CSV (one row per entry) and as JSON (everything, versioned).

CSV: the columns every entry has, then one column per dimension (``dim.story``), field
(``field.who``) and payload value (``value.points_a``) that any entry has. A cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` so
that no spreadsheet runs it as a formula. ``excel``: a byte order mark and semicolons,
which Excel with a Swedish locale opens as columns.

JSON: the document's data with ``format`` and ``format_version``, as ``schema.json``
describes (``facilitate export --schema`` prints it).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from importlib.resources import files
from typing import Any

from facilitate.export.document import Document, Row, SessionPart

FORMAT_NAME = "facilitate-export"
FIXED_COLUMNS = (
    "session",
    "run",
    "run_id",
    "method",
    "step",
    "step_title",
    "round",
    "kind",
    "entry_id",
    "text",
)
LAST_COLUMNS = ("theme", "score", "rank", "added_at")
_FORMULA_START = frozenset("=+-@\t\r")


def neutralised(value: object) -> str:
    """A cell's text, with a leading ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text and text[0] in _FORMULA_START else text


def _columns(rows: list[Row], authors: bool) -> list[str]:
    extra: dict[str, None] = {}
    for row in rows:
        extra.update((f"dim.{label.dimension}", None) for label in row.dims)
    for row in rows:
        extra.update((f"field.{f.id}", None) for f in row.fields)
    for row in rows:
        extra.update((f"value.{key}", None) for key, _ in row.values)
    return [*FIXED_COLUMNS, *extra, *LAST_COLUMNS, *(["author"] if authors else [])]


def _cells(row: Row) -> dict[str, object]:
    cells: dict[str, object] = {name: getattr(row, name) for name in FIXED_COLUMNS}
    cells.update((f"dim.{label.dimension}", label.text) for label in row.dims)
    cells.update((f"field.{f.id}", f.text) for f in row.fields)
    cells.update((f"value.{key}", value) for key, value in row.values)
    cells.update((name, getattr(row, name)) for name in LAST_COLUMNS)
    cells["author"] = row.author
    return cells


def render_csv(doc: Document, *, excel: bool = False) -> bytes:
    """Every entry of every session, one row each, as UTF-8 CSV."""
    rows = [row for session in doc.sessions for row in session.rows]
    columns = _columns(rows, doc.authors)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        cells = _cells(row)
        writer.writerow([neutralised(cells.get(name)) for name in columns])
    return ("\ufeff" if excel else "").encode("utf-8") + out.getvalue().encode("utf-8")


def _as_json(value: Any) -> Any:
    """A document part as an object the JSON encoder goes on into (fields in their order)."""
    names = _FIELDS.get(type(value))
    if names is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"not JSON: {type(value).__name__}")
        names = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    data = {name: getattr(value, name) for name in names}
    if isinstance(value, Row):
        data["values"] = dict(value.values)
    elif isinstance(value, SessionPart):
        data["entries"] = data.pop("rows")  # the entries last: the rest is read first
    return data


_FIELDS: dict[type, tuple[str, ...]] = {}


def to_data(doc: Document) -> dict[str, Any]:
    """The document as JSON-ready data (objects, lists, strings, numbers, null)."""
    return json.loads(render_json(doc))


def render_json(doc: Document) -> bytes:
    """The document as compact JSON: keys in a fixed order, UTF-8, one newline at the end."""
    top = {
        "format": FORMAT_NAME,
        "format_version": doc.format_version,
        "title": doc.title,
        "language": doc.language,
        "authors": doc.authors,
        "sessions": doc.sessions,
    }
    text = json.dumps(
        top, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_as_json
    )
    return (text + "\n").encode("utf-8")


def json_schema() -> str:
    """The JSON Schema of :func:`render_json`'s output (``facilitate/export/schema.json``)."""
    return files("facilitate.export").joinpath("schema.json").read_text(encoding="utf-8")
