"""Shapes that method and plan files share: bilingual texts, one-line strings, ids.

Each is a pydantic_core schema (see :mod:`facilitate.model.core_records`); a text is checked
for control characters and, with the validation context's ``require_both_languages``, for
both languages.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError
from pydantic_core import core_schema as cs

from facilitate.model.core_records import custom
from facilitate.model.method import ID_PATTERN
from facilitate.model.text import Text
from facilitate.model.text_rules import describe_char, first_control

TEXT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {"sv": {"type": "string"}, "en": {"type": "string"}},
            "additionalProperties": False,
            "minProperties": 1,
        },
    ],
    "description": "Text in Swedish and English: {sv: ..., en: ...} (a plain string is both).",
}


def _no_control(value: str, *, multiline: bool = True) -> str:
    """``value``, or a "text_control" error naming its first control character."""
    found = first_control(value, multiline=multiline)
    if found is not None:
        raise PydanticCustomError(
            "text_control",
            "control character {char} in the text",
            {"char": describe_char(found[1])},
        )
    return value


def _one_line(value: str) -> str:
    return _no_control(value, multiline=False)


def _to_text(value: Any, info: cs.ValidationInfo) -> Text:
    if isinstance(value, Text):
        return value
    both = bool(info.context and info.context.get("require_both_languages"))
    if isinstance(value, str):
        if both:
            raise PydanticCustomError(
                "text_both", "expected text in both languages: {{sv: ..., en: ...}}"
            )
        return Text.same(_no_control(value))
    if isinstance(value, dict):
        extra = sorted(str(k) for k in value if k not in ("sv", "en"))
        if extra:
            raise PydanticCustomError(
                "text_language", "unknown language '{lang}': use 'sv' and 'en'", {"lang": extra[0]}
            )
        for lang in ("sv", "en"):
            if lang in value and not isinstance(value[lang], str):
                raise PydanticCustomError(
                    "text_type", "expected text: a string or {{sv: ..., en: ...}}"
                )
        sv, en = value.get("sv", ""), value.get("en", "")
        if both and not (sv.strip() and en.strip()):
            raise PydanticCustomError(
                "text_both", "expected text in both languages: {{sv: ..., en: ...}}"
            )
        if not (sv.strip() or en.strip()):
            raise PydanticCustomError("text_empty", "expected non-empty text")
        return Text(sv=_no_control(sv or en), en=_no_control(en or sv))
    raise PydanticCustomError("text_type", "expected text: a string or {{sv: ..., en: ...}}")


def text() -> cs.CoreSchema:
    """Text in both languages, or a plain string that is both (see :data:`TEXT_SCHEMA`)."""
    return custom(_to_text, TEXT_SCHEMA, info=True)


def one_line(**constraints: Any) -> cs.CoreSchema:
    """A plain one-line string (a source's title, a tag) without control characters."""
    return cs.no_info_after_validator_function(_one_line, cs.str_schema(**constraints))


def ident() -> cs.CoreSchema:
    """A lower-case id: a-z, 0-9, - and _."""
    updates = {"description": "lower-case id: a-z, 0-9, - and _"}
    return cs.str_schema(pattern=ID_PATTERN, metadata={"pydantic_js_updates": updates})


def optional(schema: cs.CoreSchema) -> cs.CoreSchema:
    """``schema``, or null."""
    return cs.nullable_schema(schema)


def schema_version(expected: int) -> cs.CoreSchema:
    """The file's ``schema_version``: ``expected`` and no other."""

    def check(value: int) -> int:
        if value != expected:
            raise PydanticCustomError(
                "schema_version",
                "this version of facilitate reads schema_version {expected}, got {got}",
                {"expected": expected, "got": value},
            )
        return value

    return cs.no_info_after_validator_function(check, cs.int_schema())
