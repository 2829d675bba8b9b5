"""A method's name and its parameters' labels, read from its file alone.

A view of a recorded session names the methods it ran and labels their parameters; it
shows nothing else of them. Validating a whole method costs the method schema (pydantic-core)
and its checks, more than the view itself. So :func:`read_method_labels` finds the
method's file as the library does (the same folders, the same precedence), parses its
YAML as the library does, and takes the ``id``, ``name`` and each parameter's ``label``
when they are plainly what the method model accepts (a text without control characters,
or ``{sv: ..., en: ...}``; both languages in a bundled method). Anything else, or no such
file, gives None: then the caller asks the library, which validates the whole method.
The rest of the file is not read, so a file that is wrong elsewhere still gives its name.
A file whose text validated before has its labels in the method cache
(:mod:`facilitate.library.method_cache`), read from there without parsing YAML at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitate.library.files import read_text_file
from facilitate.library.method_cache import MethodCache
from facilitate.library.method_dirs import method_path
from facilitate.model.text import Text
from facilitate.model.text_rules import first_control
from facilitate.records import Record

if TYPE_CHECKING:
    from facilitate.model.method import Method

READS_SCHEMA = 1
"""The method files' ``schema_version`` this reads (the method model's SCHEMA_VERSION)."""


class MethodLabels(Record):
    """What a session's view shows of a method: its name and its parameters' labels."""

    name: Text
    parameters: dict[str, Text]


def labels_of(method: Method) -> MethodLabels:
    """What a view shows of a validated ``method``."""
    return MethodLabels(method.name, {key: p.label for key, p in method.parameters.items()})


def read_method_labels(method_id: str, cwd: Path, env: Mapping[str, str]) -> MethodLabels | None:
    """The name and parameter labels of method ``method_id`` (an id), from its file; None
    when there is none or they are not plainly given there (see the module)."""
    found = method_path(method_id, cwd, env)
    if found is None:
        return None
    origin, path = found
    try:
        text = read_text_file(path, str(path))
    except Exception:  # unreadable: the library says
        return None
    cache = MethodCache.of(env)
    kept = cache.labels(cache.key(text, strict_languages=origin == "bundled"), method_id)
    if kept is not None:
        return kept
    from facilitate.library.yaml_source import parse_yaml

    try:
        data = parse_yaml(text).data
    except Exception:  # not YAML, or a case nobody foresaw: the library says
        return None
    if not isinstance(data, dict) or data.get("id") != method_id:
        return None
    if type(data.get("schema_version")) is not int or data["schema_version"] != READS_SCHEMA:
        return None
    return _labels(data, both=origin == "bundled")


def _labels(data: dict[str, Any], *, both: bool) -> MethodLabels | None:
    name = _text(data.get("name"), both=both)
    parameters = data.get("parameters", {})
    if name is None or not isinstance(parameters, dict):
        return None
    labels = {}
    for key, parameter in parameters.items():
        label = _text(parameter.get("label"), both=both) if isinstance(parameter, dict) else None
        if type(key) is not str or label is None:
            return None
        labels[key] = label
    return MethodLabels(name, labels)


def _text(value: Any, *, both: bool) -> Text | None:
    """``value`` as the method model reads a text, or None when it might not."""
    if isinstance(value, str) and not both:
        value = {"sv": value, "en": value}
    if not isinstance(value, dict) or not set(value) <= {"sv", "en"}:
        return None
    sv, en = value.get("sv", ""), value.get("en", "")
    if type(sv) is not str or type(en) is not str:
        return None
    if not (sv.strip() and en.strip()) if both else not (sv.strip() or en.strip()):
        return None
    if first_control(sv) is not None or first_control(en) is not None:
        return None  # (the model allows a line break; a name or a label has none here)
    return Text(sv=sv or en, en=en or sv)
