"""Read YAML so that every value can be traced back to its line and column.

The C loader (libyaml) is used when PyYAML has it; the pure-Python loader is 7x slower.
Duplicate keys, which PyYAML silently merges, are reported as problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
USING_LIBYAML: bool = _BaseLoader is not yaml.SafeLoader
_BOOL = "tag:yaml.org,2002:bool"


def yaml12_booleans(base: type) -> type:
    """A loader class where only true/false are booleans (YAML 1.2), so that the Norwegian
    language code ``no`` and words like ``yes``/``on``/``off`` stay text."""
    loader = type(f"Yaml12{base.__name__}", (base,), {})
    loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return loader


Loader: type = yaml12_booleans(_BaseLoader)

PathPart = str | int


@dataclass(frozen=True)
class Position:
    """1-based line and column in a file."""

    line: int
    column: int


class YamlSyntaxError(ValueError):
    """The text is not valid YAML (or has a duplicate key); says where."""

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
                match = next(((k, v) for k, v in node.value if _scalar_key(k) == str(part)), None)
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
        return Position(found.line + 1, found.column + 1)


def _scalar_key(node: yaml.Node) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raises YamlSyntaxError with the position of the problem."""
    loader = Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_duplicate_keys(root, ())
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else None
        raise YamlSyntaxError(_syntax_message(error), position) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(str(error).splitlines()[0], None) from None
    finally:
        loader.dispose()
    return YamlDocument(data=data, root=root)


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (error.context, error.problem) if p]
    return "; ".join(parts) or "not valid YAML"


def _check_duplicate_keys(node: yaml.Node, path: tuple[PathPart, ...]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = _scalar_key(key_node)
            if key is not None:
                if key in seen:
                    mark = key_node.start_mark
                    raise DuplicateKeyError(
                        key, Position(mark.line + 1, mark.column + 1), (*path, key)
                    )
                seen.add(key)
            _check_duplicate_keys(value_node, (*path, key if key is not None else "?"))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _check_duplicate_keys(item, (*path, i))
