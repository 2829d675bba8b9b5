"""A YAML file's text parsed into a document with positions, or its problem as one line."""

from __future__ import annotations

from functools import cache

from facilitate.errors import InvalidFileError, Problem
from facilitate.i18n import catalog_yaml
from facilitate.i18n.messages import Message, message, plain
from facilitate.library.problems import format_path
from facilitate.library.yaml_source import (
    AliasError,
    ControlCharacterError,
    DuplicateKeyError,
    Position,
    TooDeepError,
    YamlDocument,
    YamlSyntaxError,
    parse_yaml,
)
from facilitate.model.text_rules import describe_char


def read_mapping(text: str, name: str, *, empty_key: str, not_mapping_key: str) -> YamlDocument:
    """Parse ``text`` of the file ``name``, whose top level must be a mapping.

    A syntax error, a duplicate key, an alias, nesting too deep or a value YAML cannot build
    (such as the date 2014-13-11) is an InvalidFileError naming line, column and field; an
    empty file or another top level is one with the message ``empty_key`` or
    ``not_mapping_key``.
    """
    try:
        doc = parse_yaml(text)
    except DuplicateKeyError as error:
        said = message("v.duplicate_key", key=error.key)
        problem = Problem(name, *where_of(error.position), format_path(error.path), said)
        raise InvalidFileError([problem]) from None
    except (AliasError, TooDeepError) as error:
        raise InvalidFileError([structure_problem(name, error)]) from None
    except YamlSyntaxError as error:
        said = message("v.yaml_syntax", detail=error_words(error, text))
        raise InvalidFileError([Problem(name, *where_of(error.position), "", said)]) from None
    except ValueError as error:
        problem = Problem(name, None, None, "", message("v.yaml_syntax", detail=str(error)))
        raise InvalidFileError([problem]) from None
    if not isinstance(doc.data, dict):
        key = empty_key if doc.data is None else not_mapping_key
        raise InvalidFileError([Problem(name, 1, 1, "", message(key))])
    return doc


def error_words(error: YamlSyntaxError, text: str) -> Message:
    """What ``error`` (of the YAML ``text``) says is wrong, in the interface language where
    there are words for it, with a word about tabs when its line holds one."""
    if isinstance(error, DuplicateKeyError):
        return message("v.duplicate_key", key=error.key)
    if isinstance(error, AliasError | TooDeepError):
        return structure_words(error)
    if isinstance(error, ControlCharacterError):
        return message("v.yaml_control", char=describe_char(error.char))
    pos = error.position
    lines = text.splitlines()
    line = lines[pos.line - 1] if pos and 0 < pos.line <= len(lines) else ""
    if pos and line[pos.column - 1 : pos.column] == "\t":
        return message("v.yaml_tab_here")
    said = parser_words(error.message)
    return said.then(message("v.yaml_tab")) if "\t" in line else said


def parser_words(detail: str) -> Message:
    """The YAML parser's ``detail`` ("context; problem"), each part it has words for in the
    interface language (:mod:`facilitate.i18n.catalog_yaml`), any other as it is."""
    said: Message | None = None
    for part in detail.split("; "):
        if part in catalog_yaml.SILENT:
            continue
        key = _phrase_keys().get(part)
        words = message(key) if key else plain(part)
        said = words if said is None else said.then(plain("; ")).then(words)
    return said if said is not None else plain(detail)


@cache
def _phrase_keys() -> dict[str, str]:
    """The parser's phrase -> the key that says it (made on the first error, not at start-up)."""
    return {template.format(): key for key, template in catalog_yaml.EN.items()}


def unreadable(name: str, error: YamlSyntaxError, text: str, key: str) -> InvalidFileError:
    """The error of a file ``name`` that is not YAML: ``key``'s message with what is wrong."""
    said = message(key, detail=error_words(error, text))
    return InvalidFileError([Problem(name, *where_of(error.position), "", said)])


def structure_words(error: AliasError | TooDeepError) -> Message:
    """What is wrong with an alias, or with nesting too deep."""
    if isinstance(error, AliasError):
        return message("v.yaml_alias", name=error.name)
    return message("v.yaml_too_deep", limit=error.limit)


def structure_problem(name: str, error: AliasError | TooDeepError) -> Problem:
    """An alias, or nesting too deep, as the file's problem."""
    field = format_path(error.path[:3]) + ("…" if len(error.path) > 3 else "")
    return Problem(name, *where_of(error.position), field, structure_words(error))


def where_of(pos: Position | None) -> tuple[int | None, int | None]:
    """Line and column of ``pos``, or none."""
    return (pos.line, pos.column) if pos else (None, None)
