"""The method records and the method file's schema declare the same fields.

A method file is checked by the pydantic schema (:mod:`facilitate.model.method_schema`) and
read everywhere else as plain records (:mod:`facilitate.model.method`); a field added to one
and not the other would be lost between them.
"""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from facilitate.library.methods import bundled_dir, parse_method
from facilitate.model import method as records
from facilitate.model import method_schema as schema

SCHEMA_MODELS = [
    value
    for value in vars(schema).values()
    if isinstance(value, type) and issubclass(value, schema.Strict) and value is not schema.Strict
]


def _record_default(field: dataclasses.Field) -> object:  # type: ignore[type-arg]
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return PydanticUndefined if field.default is dataclasses.MISSING else field.default


def _schema_default(info: object) -> object:
    factory = getattr(info, "default_factory", None)
    return factory() if factory is not None else getattr(info, "default", PydanticUndefined)


@pytest.mark.parametrize("model", SCHEMA_MODELS, ids=[m.__name__ for m in SCHEMA_MODELS])
def test_each_schema_model_has_a_record_with_the_same_fields_and_defaults(
    model: type[BaseModel],
) -> None:
    record = getattr(records, model.__name__)
    fields = dataclasses.fields(record)
    assert [f.name for f in fields] == list(model.model_fields)
    assert [_record_default(f) for f in fields] == [
        _schema_default(info) for info in model.model_fields.values()
    ]


def test_every_bundled_method_validates_to_records_without_a_schema_model_left() -> None:
    """Nothing pydantic remains in a validated method, so reading it back needs no pydantic."""
    for path in sorted(bundled_dir().glob("*.yaml")):
        method = parse_method(path.read_text("utf-8"), path.name)
        assert type(method) is records.Method
        assert b"pydantic" not in pickle.dumps(method) and b"method_schema" not in pickle.dumps(
            method
        )
        assert pickle.loads(pickle.dumps(method)) == method


def test_a_record_is_frozen_like_the_schema_model() -> None:
    method = parse_method((bundled_dir() / "world-cafe.yaml").read_text("utf-8"), "world-cafe")
    with pytest.raises(dataclasses.FrozenInstanceError):
        method.id = "other"  # type: ignore[misc]
