"""The method file's schema validates to the method records, field for field.

A method file is checked by the schema of :mod:`facilitate.model.method_schema` and read
everywhere else as the plain records of :mod:`facilitate.model.method`; a field added to one
and not the other would be lost between them, so the schema takes its fields from the records.
"""

from __future__ import annotations

import dataclasses
import pickle

import pytest
import yaml

from facilitate.library.methods import bundled_dir, parse_method
from facilitate.model import method as records
from facilitate.model import method_schema as schema
from facilitate.model.core_records import json_schema, record
from facilitate.records import make_all


def test_a_schema_that_names_other_fields_than_its_record_is_refused() -> None:
    """The schema's fields are the record's: one added to either side fails at once."""
    shapes = {"id": schema.ident(), "label": schema.text()}
    with pytest.raises(TypeError, match=r"Choice: .* differ in \['prompt'\]"):
        record(records.Choice, shapes)
    with pytest.raises(TypeError, match=r"differ in \['colour'\]"):
        record(records.EntryField, {**shapes, "colour": schema.text()})


def test_a_field_left_out_takes_the_records_default_fresh_each_time() -> None:
    path = bundled_dir() / "world-cafe.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data.pop("warnings", None)
    del data["tags"]
    first, second = (schema.validate_method(dict(data)) for _ in range(2))
    assert first.warnings == [120.0, 30.0] and first.tags == []
    assert first.warnings is not second.warnings


def test_every_bundled_method_validates_to_records_without_a_schema_model_left() -> None:
    """Nothing pydantic remains in a validated method, so reading it back needs no pydantic."""
    for path in sorted(bundled_dir().glob("*.yaml")):
        method = parse_method(path.read_text("utf-8"), path.name)
        assert type(method) is records.Method
        assert b"pydantic" not in pickle.dumps(method) and b"method_schema" not in pickle.dumps(
            method
        )
        assert pickle.loads(pickle.dumps(method)) == method


def test_a_validated_method_is_frozen() -> None:
    method = parse_method((bundled_dir() / "world-cafe.yaml").read_text("utf-8"), "world-cafe")
    with pytest.raises(dataclasses.FrozenInstanceError):
        method.id = "other"  # type: ignore[misc]


def test_the_json_schema_describes_each_record_by_its_own_docstring_only() -> None:
    """A record made already has dataclasses' signature as its ``__doc__``; the schema of a
    method file never shows that ("Role(id: 'str', ...)") to the file's author."""
    make_all()
    described = json_schema(schema.method_schema.__wrapped__())["$defs"]
    assert described["Choice"]["description"].startswith("A named value of a dimension")
    for name, definition in described.items():
        assert not definition.get("description", "").startswith(f"{name}("), name
