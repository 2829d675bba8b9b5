"""Read YAML so that every value can be traced back to its line and column.

The C loader (libyaml) is used when PyYAML has it; the pure-Python loader is 7x slower.
Plain values are read as YAML 1.2 (core schema) reads them: only ``true``/``false`` are
booleans (so the language code ``no`` stays text), ``12:30`` is text rather than the base-60
number 750, ``010`` is ten, and dates stay text. Duplicate keys, which PyYAML silently
merges, are reported; aliases (``*name``) are refused, so a "billion laughs" file is answered
at once; and nesting deeper than :data:`MAX_DEPTH` is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

from facilitate.records import Record

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
USING_LIBYAML: bool = _BaseLoader is not yaml.SafeLoader
MAX_DEPTH = 50
"""Deepest nesting read: a method file needs fewer than ten levels."""

_TAG = "tag:yaml.org,2002:"
_INT12 = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT12 = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL12 = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL12 = re.compile(r"^(?:~|null|Null|NULL|)$")


def _int12(text: str) -> int:
    """A YAML 1.2 integer: decimal (leading zeros are decimal), ``0o`` octal, ``0x`` hex."""
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _float12(text: str) -> float:
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(text)


class Yaml12Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader with the YAML 1.2 core schema's plain values (see the module text)."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}

    def construct_yaml12_int(self, node: yaml.ScalarNode) -> int:
        return self._number(node, _int12)

    def construct_yaml12_float(self, node: yaml.ScalarNode) -> float:
        return self._number(node, _float12)

    def _number(self, node: yaml.ScalarNode, parse: Any) -> Any:
        text = str(self.construct_scalar(node))
        try:
            return parse(text)
        except ValueError:  # too many digits, or an explicit !!int tag on text
            raise yaml.constructor.ConstructorError(
                None, None, f"not a number that can be read: {text[:40]!r}", node.start_mark
            ) from None


for _tag, _pattern, _first in (
    ("bool", _BOOL12, "tTfF"),
    ("int", _INT12, "-+0123456789"),
    ("float", _FLOAT12, "-+0123456789."),
    ("null", _NULL12, ["~", "n", "N", ""]),
):
    Yaml12Loader.add_implicit_resolver(_TAG + _tag, _pattern, list(_first))
Yaml12Loader.add_constructor(_TAG + "int", Yaml12Loader.construct_yaml12_int)
Yaml12Loader.add_constructor(_TAG + "float", Yaml12Loader.construct_yaml12_float)
Loader: type = Yaml12Loader

PathPart = str | int


class Position(Record):
    """1-based line and column in a file."""

    line: int
    column: int


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class YamlSyntaxError(ValueError):
    """The text is not valid YAML (or has a duplicate key, an alias ...); says where."""

    def __init__(self, message: str, position: Position | None, path: tuple[PathPart, ...] = ()):
        super().__init__(message)
        self.message = message
        self.position = position
        self.path = path


class DuplicateKeyError(YamlSyntaxError):
    """A mapping that names the same key twice."""

    def __init__(self, key: str, position: Position, path: tuple[PathPart, ...]):
        super().__init__(f"duplicate key {key!r}", position, path)
        self.key = key


class AliasError(YamlSyntaxError):
    """An alias (``*name``): refused, since each use would read the whole value again."""

    def __init__(self, name: str, position: Position | None):
        super().__init__(f"alias *{name}", position)
        self.name = name


class ControlCharacterError(YamlSyntaxError):
    """A control character, which YAML does not allow anywhere in a file."""

    def __init__(self, char: str, position: Position | None):
        super().__init__(f"control character U+{ord(char):04X}", position)
        self.char = char


class TooDeepError(YamlSyntaxError):
    """Nesting deeper than :data:`MAX_DEPTH`."""

    def __init__(self, position: Position, path: tuple[PathPart, ...]):
        super().__init__(f"nested more than {MAX_DEPTH} levels", position, path)
        self.limit = MAX_DEPTH


def key_text(node: yaml.Node) -> str | None:
    """A scalar key as the data has it, as text: ``~`` is ``None``, ``true`` is ``True``."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    value, tag = str(node.value), node.tag
    if tag == _TAG + "null":
        return "None"
    if tag == _TAG + "bool":
        return str(value.lower() == "true")
    try:
        if tag == _TAG + "int":
            return str(_int12(value))
        if tag == _TAG + "float":
            return str(_float12(value))
    except ValueError:
        return value
    return value


@dataclass
class YamlDocument:
    """Parsed data with the node tree kept for locating problems."""

    data: Any
    root: yaml.Node | None

    def position(self, path: tuple[PathPart, ...], *, key: bool = False) -> Position | None:
        """Where ``path`` is: its value, or with ``key=True`` its key; else the nearest parent."""
        node = self.root
        if node is None:
            return None
        found = node.start_mark
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if key_text(k) == str(part)), None)
                if match is None:
                    break
                if last and key:
                    found = match[0].start_mark
                    break
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node = node.value[part]
            else:
                break
            found = node.start_mark
        return _position(found)


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raises YamlSyntaxError with the position of the problem."""
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            check_tree(root, text)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = _telling_mark(error)
        position = _position(mark) if mark else None
        raise YamlSyntaxError(_syntax_message(error), position) from None
    except yaml.YAMLError as error:
        if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
            position = _offset_position(text, error.position)
            raise ControlCharacterError(chr(error.character), position) from None
        raise YamlSyntaxError(str(error).splitlines()[0], None) from None
    finally:
        loader.dispose()
    return YamlDocument(data=data, root=root)


def _telling_mark(error: yaml.MarkedYAMLError) -> Any:
    """Where the reader should look: where the problem is, but where a quote (or a block) was
    opened when the file ended before it was closed (the end of the file says nothing)."""
    if error.problem == "found unexpected end of stream" and error.context_mark is not None:
        return error.context_mark
    return error.problem_mark or error.context_mark


def _offset_position(text: str, offset: int) -> Position:
    """The line and column of ``offset`` into ``text``: in bytes of UTF-8 as libyaml counts,
    in characters as PyYAML's own reader does."""
    if USING_LIBYAML:
        before = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore")
    else:
        before = text[:offset]
    line_start = before.rfind("\n") + 1
    return Position(before.count("\n") + 1, len(before) - line_start + 1)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (error.context, error.problem) if p]
    return "; ".join(parts) or "not valid YAML"


def check_tree(root: yaml.Node, text: str) -> None:
    """Visit every node once: duplicate keys, aliases (a node met twice) and depth are errors."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[PathPart, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            raise _alias_error(text)
        seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise TooDeepError(_position(node.start_mark), path)
        if isinstance(node, yaml.MappingNode):
            stack.extend(reversed(_mapping_children(node, path)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed([(item, (*path, i)) for i, item in enumerate(node.value)]))


def _mapping_children(
    node: yaml.MappingNode, path: tuple[PathPart, ...]
) -> list[tuple[yaml.Node, tuple[PathPart, ...]]]:
    children: list[tuple[yaml.Node, tuple[PathPart, ...]]] = []
    keys: set[str] = set()
    for key_node, value_node in node.value:
        key = key_text(key_node)
        if key is not None:
            if key in keys:
                raise DuplicateKeyError(key, _position(key_node.start_mark), (*path, key))
            keys.add(key)
        children.append((key_node, (*path, "?")))
        children.append((value_node, (*path, key if key is not None else "?")))
    return children


def _alias_error(text: str) -> AliasError:
    """Where the first alias is, read from the event stream (linear in the text)."""
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent):
            return AliasError(str(event.anchor), _position(event.start_mark))
    return AliasError("?", None)
