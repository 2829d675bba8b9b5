"""File schemas written directly as pydantic_core schemas, validating straight to records.

A method or plan file is checked by pydantic_core against a schema built here by hand from
plain dicts: each mapping of the file is a :func:`record` whose fields are the record class's
own (names, required or not, defaults), each with the shape its value must have. Validating
needs pydantic_core alone: generating a schema from model classes (pydantic's way) costs a
command more than reading the file. The errors are pydantic_core's (type, location, input),
those a pydantic model of the same fields gives, but for a value that is not a mapping
("dict_type" where a model says "model_type"; both read "expected a mapping"). The names and
defaults of the fields come from the record; the shapes of their values are the schema's.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from pydantic_core import CoreConfig, SchemaValidator
from pydantic_core import core_schema as cs

CONFIG = CoreConfig(strict=True, allow_inf_nan=False)
"""Types are not coerced (a quoted number is text), and infinity is not a number."""


def record(
    cls: type, shapes: Mapping[str, cs.CoreSchema], *, description: str | None = None
) -> cs.CoreSchema:
    """A mapping of exactly the fields of record ``cls``, each of its shape in ``shapes``,
    validated to an instance of ``cls``. Unknown keys are errors; a field with a default
    may be left out. Raises TypeError when ``shapes`` names other fields than ``cls`` has.
    The JSON Schema describes it by ``description``, or by the class's own docstring."""
    declared = dataclasses.fields(cls)
    names = [field.name for field in declared]
    if sorted(names) != sorted(shapes):
        odd = sorted(set(names) ^ set(shapes))
        raise TypeError(f"{cls.__name__}: the shapes and the record's fields differ in {odd}")
    fields = {field.name: _field(field, shapes[field.name]) for field in declared}
    updates: dict[str, Any] = {"title": cls.__name__}
    if said := description or _docstring(cls):
        updates["description"] = said
    return cs.no_info_after_validator_function(
        _Make(cls),
        cs.typed_dict_schema(
            fields,
            extra_behavior="forbid",
            config=CONFIG,
            metadata={"pydantic_js_updates": updates},
        ),
        ref=cls.__name__,
    )


def _docstring(cls: type) -> str | None:
    """The docstring ``cls`` was declared with, if any: not the signature that
    :mod:`dataclasses` gives a class declared without one."""
    doc = cls.__dict__.get("__doc__")
    if not doc or doc.startswith(f"{cls.__name__}("):
        return None
    return inspect.cleandoc(doc)


def _field(field: dataclasses.Field[Any], shape: cs.CoreSchema) -> cs.TypedDictField:
    if field.default is not dataclasses.MISSING:
        return cs.typed_dict_field(
            cs.with_default_schema(shape, default=field.default), required=False
        )
    if field.default_factory is not dataclasses.MISSING:
        factory = field.default_factory
        return cs.typed_dict_field(
            cs.with_default_schema(shape, default_factory=factory), required=False
        )
    return cs.typed_dict_field(shape, required=True)


class _Make:
    """Makes the record from the validated mapping (a named callable, for error labels)."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.__name__ = cls.__name__

    def __call__(self, data: dict[str, Any]) -> Any:
        return self.cls(**data)


def custom(
    function: Callable[..., Any], described: dict[str, Any], *, info: bool = False
) -> cs.CoreSchema:
    """A value checked and converted by ``function`` alone (raising PydanticCustomError),
    ``described`` in the JSON Schema; ``info`` passes the validation info."""
    metadata = {"pydantic_js_functions": [lambda _schema, _handler: dict(described)]}
    if info:
        return cs.with_info_plain_validator_function(function, metadata=metadata)
    return cs.no_info_plain_validator_function(function, metadata=metadata)


def validator(schema: cs.CoreSchema) -> SchemaValidator:
    """The validator of ``schema`` (each record carries :data:`CONFIG`)."""
    return SchemaValidator(schema)


def json_schema(schema: cs.CoreSchema) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what ``schema`` accepts."""
    from pydantic.json_schema import GenerateJsonSchema

    data = GenerateJsonSchema().generate(schema, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **data}


_WRAPPERS = ("function-after", "function-before", "function-wrap", "nullable", "default")


def keys_at(schema: cs.CoreSchema, path: tuple[str | int, ...]) -> list[str]:
    """The keys a mapping at ``path`` of a file of ``schema`` accepts (for "did you mean");
    none when ``path`` leads to no mapping of fields."""
    definitions = {d["ref"]: d for d in schema.get("definitions", ())}
    node = _bare(schema, definitions)
    for part in path:
        kind = node.get("type") if node else None
        if kind == "typed-dict":
            field = node["fields"].get(str(part))
            node = _bare(field["schema"], definitions) if field else None
        elif kind == "list":
            node = _bare(node["items_schema"], definitions)
        elif kind == "dict":
            node = _bare(node["values_schema"], definitions)
        else:
            return []
    return list(node["fields"]) if node and node.get("type") == "typed-dict" else []


def _bare(schema: Any, definitions: dict[str, Any]) -> Any:
    """``schema`` without what wraps it (validators, None, defaults, references); of a union,
    its first choice that holds a mapping or a list."""
    while True:
        kind = schema.get("type")
        if kind == "definitions":
            schema = schema["schema"]
        elif kind == "definition-ref":
            schema = definitions[schema["schema_ref"]]
        elif kind in _WRAPPERS and "schema" in schema:
            schema = schema["schema"]
        elif kind == "union":
            choices = [_bare(c, definitions) for c in schema["choices"]]
            held = [c for c in choices if c.get("type") in ("typed-dict", "list", "dict")]
            return held[0] if held else None
        else:
            return schema
