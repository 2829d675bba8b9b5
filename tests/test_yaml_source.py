"""YAML reading: positions for every value, duplicate keys caught, YAML 1.2 booleans."""

from __future__ import annotations

import pytest

from facilitate.errors import InvalidFileError
from facilitate.library.methods import parse_method
from facilitate.library.yaml_source import DuplicateKeyError, Position, parse_yaml


def test_positions_point_at_values_and_keys() -> None:
    doc = parse_yaml("steps:\n  - id: a\n    minutes: 5\n")
    assert doc.position(("steps", 0, "minutes")) == Position(3, 14)
    assert doc.position(("steps", 0, "minutes"), key=True) == Position(3, 5)
    assert doc.position(("steps", 0, "nothing")) == Position(2, 5)  # nearest parent


def test_duplicate_keys_are_an_error_with_their_line() -> None:
    with pytest.raises(DuplicateKeyError) as caught:
        parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\n")
    assert caught.value.position == Position(4, 3)
    assert caught.value.path == ("b", "c")


def test_no_and_yes_stay_text() -> None:
    data = parse_yaml("lang: no\nanswer: yes\nflag: true\n").data
    assert data == {"lang": "no", "answer": "yes", "flag": True}


def test_a_norwegian_text_key_is_named_in_the_error() -> None:
    text = (
        "schema_version: 1\nid: x\nname: {sv: Namn, no: Navn}\nsummary: s\npurpose: p\n"
        "group_size: {min: 2}\nroles: [{id: host, name: Host}]\n"
        "steps: [{id: a, title: A, instructions: I, minutes: 5}]\n"
    )
    with pytest.raises(InvalidFileError) as caught:
        parse_method(text, "x.yaml")
    assert str(caught.value) == "x.yaml:3:7: name: unknown language 'no': use 'sv' and 'en'"
