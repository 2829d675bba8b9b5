"""Turn schema errors and cross-field issues into Problems that name file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic_core import ErrorDetails, ValidationError

from facilitate.errors import Problem
from facilitate.i18n import has_message
from facilitate.i18n.messages import Message, message
from facilitate.library.yaml_source import YamlDocument
from facilitate.model.close_names import did_you_mean
from facilitate.model.core_records import keys_at
from facilitate.model.method_checks import Issue
from facilitate.model.method_schema import method_schema

_TYPE_KEYS = {
    "int_type": "v.expected_integer",
    "float_type": "v.expected_number",
    "string_type": "v.expected_text",
    "list_type": "v.expected_list",
    "dict_type": "v.expected_mapping",
    "model_type": "v.expected_mapping",
    "model_attributes_type": "v.expected_mapping",
    "dataclass_type": "v.expected_mapping",
    "bool_type": "v.expected_bool",
    "finite_number": "v.finite_number",
}


def format_path(path: tuple[str | int, ...]) -> str:
    """``('steps', 1, 'collect', 0, 'points')`` -> ``steps[1].collect[0].points``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe_value(value: Any) -> str | Message:
    """A short description of what was found, for "expected X, got Y"."""
    if value is None:
        return message("v.got_nothing")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, list):
        return message("v.got_list")
    if isinstance(value, dict):
        return message("v.got_mapping")
    return type(value).__name__


KeysAt = Callable[[tuple[str | int, ...]], list[str]]
"""The keys a file accepts at a path (for "did you mean")."""


def known_keys(path: tuple[str | int, ...]) -> list[str]:
    """The keys a method file accepts at ``path`` (for "did you mean")."""
    return keys_at(method_schema(), path)


def with_hint(said: Message, hint: str | None) -> Message:
    """``said``, followed by "(did you mean 'x'?)" when there is a ``hint``."""
    return said.then(message("v.did_you_mean", hint=hint)) if hint else said


def _message(error: ErrorDetails, keys: KeysAt) -> str | Message:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = describe_value(error.get("input"))
    loc = tuple(p for p in error["loc"] if p != "[key]")
    if kind == "missing":
        return message("v.missing")
    if kind == "extra_forbidden":
        hint = did_you_mean(str(loc[-1]), keys(loc[:-1]))
        return with_hint(message("v.unknown_key", key=loc[-1]), hint)
    if kind in _TYPE_KEYS:
        return message(_TYPE_KEYS[kind], got=got)
    if kind == "literal_error":
        return message("v.expected_one_of", options=ctx.get("expected", ""), got=got)
    if kind == "string_pattern_mismatch":
        return message("v.expected_id", got=got)
    if kind in ("greater_than_equal", "greater_than"):
        return message("v.too_small", limit=ctx.get("ge", ctx.get("gt")), got=got)
    if kind in ("less_than_equal", "less_than"):
        return message("v.too_large", limit=ctx.get("le", ctx.get("lt")), got=got)
    if kind == "invalid_key":  # a key such as ~ or [a, b]: not a name
        return message("v.invalid_key", got=got)
    if kind == "too_short":
        return message("v.too_short", min=ctx.get("min_length", 1))
    key = f"v.{kind}"
    return message(key, **ctx) if has_message(key) else error["msg"]


def _plain_number(value: Any) -> Any:
    """1.0 -> 1, so that messages read "1 to 100" rather than "1.0 to 100.0"."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def schema_problems(
    file: str, doc: YamlDocument, error: ValidationError, keys: KeysAt = known_keys
) -> list[Problem]:
    """One Problem per schema error, located in the YAML source, in file order; ``keys``
    gives the keys known at a path (a method file's, unless told).

    A "missing field" that a misspelt key already explains ("did you mean ...") is left out.
    """
    errors = error.errors(include_url=False)
    explained = {
        (*item["loc"][:-1], hint)
        for item in errors
        if item["type"] == "extra_forbidden"
        and (hint := did_you_mean(str(item["loc"][-1]), keys(tuple(item["loc"][:-1]))))
    }
    problems = []
    for item in errors:
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc in explained:
            continue
        is_key = item["type"] in ("extra_forbidden", "invalid_key") or (loc and loc[-1] == "[key]")
        path = tuple(p for p in loc if p != "[key]")
        lookup = path[:-1] if item["type"] == "missing" else path
        pos = doc.position(lookup, key=bool(is_key))
        problems.append(
            Problem(
                file,
                pos.line if pos else None,
                pos.column if pos else None,
                format_path(path),
                _message(item, keys),
            )
        )
    return problems


def issue_problems(file: str, doc: YamlDocument, issues: list[Issue]) -> list[Problem]:
    """Problems for cross-field issues, located in the YAML source."""
    problems = []
    for issue in issues:
        params = {k: _plain_number(v) for k, v in issue.params.items()}
        if "what" in params:
            params["what"] = message(f"what.{params['what']}")
        if "use" in params:
            params["use"] = message(f"use.{params['use']}")
        hint = params.pop("hint", "")
        options = params.pop("options", None)
        said = message(issue.key, **params)
        if hint:
            said = said.then(message("v.did_you_mean", hint=hint))
        elif options is not None:
            said = said.then(message("v.known", options=", ".join(options) or "-"))
        pos = doc.position(issue.path)
        problems.append(
            Problem(
                file,
                pos.line if pos else None,
                pos.column if pos else None,
                format_path(issue.path),
                said,
            )
        )
    return problems
