"""Read a file to import into a session: CSV, plain text (a line per entry) or YAML.

The file is read as every file people name is (:mod:`facilitate.library.files`: a regular
file, UTF-8 with the line of a bad byte), up to :data:`MAX_IMPORT_BYTES`. What comes back is
the header and the rows, every cell with its line and column, for the model to check
(:mod:`facilitate.model.import_plan`); what makes the file unreadable as a table (bad CSV
quoting, a row with more cells than the header names, YAML that is not a list of rows) is an
:class:`~facilitate.errors.InvalidFileError` naming file, line and column.

CSV cells are separated by commas, semicolons (as spreadsheets in Swedish write them) or
tabs, whichever the header uses most; a byte order mark is ignored.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Literal

from facilitate.errors import InvalidFileError, MessageLike, Problem
from facilitate.i18n.messages import message
from facilitate.library.files import read_text_file
from facilitate.library.yaml_source import YamlDocument, YamlSyntaxError, parse_yaml
from facilitate.model.import_types import Cell, Row
from facilitate.records import Record

FileFormat = Literal["csv", "text", "yaml"]
FORMATS: tuple[FileFormat, ...] = ("csv", "text", "yaml")
MAX_IMPORT_BYTES = 20_000_000
"""The largest file imported (20 MB: 100,000 rows of a few hundred characters)."""
_SUFFIXES: dict[str, FileFormat] = {".csv": "csv", ".tsv": "csv", ".yaml": "yaml", ".yml": "yaml"}
_SEPARATORS = (",", ";", "\t")


class ImportFile(Record):
    """A file's header (empty for plain text), rows and the line the header is on."""

    name: str
    format: FileFormat
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    header_line: int | None = None


def file_format(path: Path, given: str | None = None) -> FileFormat:
    """The format ``given`` (csv, text, yaml), else the one the file's suffix names (text)."""
    if given is not None:
        if given not in FORMATS:
            problem = Problem(str(path), None, None, "", message("import.err.format", given=given))
            raise InvalidFileError([problem])
        return given
    return _SUFFIXES.get(path.suffix.lower(), "text")


def read_import_file(path: Path, name: str, given: str | None = None) -> ImportFile:
    """The header and rows of the file at ``path`` (``name``: how messages call it)."""
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # read_text_file says what is wrong
    if size > MAX_IMPORT_BYTES:
        note = message("import.err.too_large", limit=f"{MAX_IMPORT_BYTES // 1_000_000} MB")
        raise InvalidFileError([Problem(name, None, None, "", note)])
    text = read_text_file(path, name, limit=MAX_IMPORT_BYTES).removeprefix("\ufeff")
    fmt = file_format(path, given)
    if fmt == "csv":
        return _csv(text, name)
    if fmt == "yaml":
        return _yaml(text, name)
    return _text(text, name)


def _text(text: str, name: str) -> ImportFile:
    rows = [
        Row(number, (Cell(line.rstrip("\r"), number),))
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    return ImportFile(name, "text", ("text",), tuple(rows))


def _separator(text: str) -> str:
    first = next((line for line in text.split("\n") if line.strip()), "")
    return max(_SEPARATORS, key=first.count) if first else ","


def _csv(text: str, name: str) -> ImportFile:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(text), strict=True)
    header: tuple[str, ...] | None = None
    header_line = None
    rows: list[Row] = []
    problems: list[Problem] = []
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not "".join(cells).strip():
                continue
            if header is None:
                header, header_line = tuple(c.strip() for c in cells), start
                problems += _unnamed(header, name, start)
                continue
            if len(cells) > len(header):
                note = message("import.err.too_many_cells", cells=len(cells), columns=len(header))
                problems.append(Problem(name, start, len(header) + 1, "", note))
                continue
            rows.append(Row(start, tuple(Cell(c, start, i) for i, c in enumerate(cells, 1))))
    except csv.Error as error:
        note = message("import.err.csv", detail=str(error))
        problems.append(Problem(name, reader.line_num, None, "", note))
    if problems:
        raise InvalidFileError(problems)
    return ImportFile(name, "csv", header or (), tuple(rows), header_line)


def _unnamed(header: tuple[str, ...], name: str, line: int) -> list[Problem]:
    return [
        Problem(name, line, i, "", message("import.err.unnamed_column", column=i))
        for i, cell in enumerate(header, 1)
        if not cell
    ]


def _yaml(text: str, name: str) -> ImportFile:
    try:
        doc = parse_yaml(text)
    except YamlSyntaxError as error:
        from facilitate.library.yaml_problems import unreadable  # (the error path only)

        raise unreadable(name, error, text, "import.err.yaml") from None
    data = doc.data if doc.data is not None else []
    if not isinstance(data, list):
        raise InvalidFileError([_at(doc, name, (), message("import.err.yaml_list"))])
    header: dict[str, None] = {}
    for item in data:
        if isinstance(item, dict):
            header.update((str(key), None) for key in item)
        elif isinstance(item, str):
            header["text"] = None
    columns = list(header)
    rows: list[Row] = []
    problems: list[Problem] = []
    for index, item in enumerate(data):
        row = _yaml_row(doc, name, index, item, columns, problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise InvalidFileError(problems)
    return ImportFile(name, "yaml", tuple(columns), tuple(rows))


def _yaml_row(
    doc: YamlDocument,
    name: str,
    index: int,
    item: object,
    columns: list[str],
    problems: list[Problem],
) -> Row | None:
    where = doc.position((index,))
    line = where.line if where else index + 1
    if isinstance(item, str):
        cells: list[Cell | None] = [None] * len(columns)
        cells[columns.index("text")] = Cell(item, line, where.column if where else None)
        return Row(line, tuple(cells))
    if not isinstance(item, dict):
        problems.append(_at(doc, name, (index,), message("import.err.yaml_row")))
        return None
    cells = [None] * len(columns)
    for key, value in item.items():
        if isinstance(value, list | dict):
            problems.append(
                _at(doc, name, (index, str(key)), message("import.err.yaml_value", key=key))
            )
            continue
        spot = doc.position((index, str(key)))
        cell = Cell(value, spot.line if spot else line, spot.column if spot else None)
        cells[columns.index(str(key))] = cell
    return Row(line, tuple(cells))


def _at(doc: YamlDocument, name: str, path: tuple[str | int, ...], text: MessageLike) -> Problem:
    where = doc.position(path)
    return Problem(name, where.line if where else None, where.column if where else None, "", text)
