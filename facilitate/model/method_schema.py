"""The method file's schema: what a method file may declare, checked by pydantic.

Field-level checks (types, ranges, unknown keys) live on these models; checks that relate
fields to each other (references to roles, parameters and dimensions; scoring rules) live
in :mod:`facilitate.model.method_checks` so that every problem can name its own field.
:func:`validate_method` gives what validated as the plain records of
:mod:`facilitate.model.method` (same names, same fields), which the rest of the code reads.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from facilitate.model import method as records
from facilitate.model.method import ID_PATTERN, MAX_STEP_MINUTES, SCHEMA_VERSION, CollectKind
from facilitate.model.text import Text
from facilitate.model.text_rules import describe_char, first_control

_ID_RE = re.compile(ID_PATTERN)
_CLOCK_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_DURATION_RE = re.compile(r"^(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$")

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


def _no_control(text: str, *, multiline: bool = True) -> str:
    """``text``, or a "text_control" error naming its first control character."""
    found = first_control(text, multiline=multiline)
    if found is not None:
        raise PydanticCustomError(
            "text_control",
            "control character {char} in the text",
            {"char": describe_char(found[1])},
        )
    return text


def _one_line(text: str) -> str:
    return _no_control(text, multiline=False)


CleanStr = Annotated[str, AfterValidator(_one_line)]
"""A plain one-line string (a source's title, a tag) without control characters."""


def _to_text(value: Any, info: ValidationInfo) -> Text:
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


BiText = Annotated[Text, PlainValidator(_to_text), WithJsonSchema(TEXT_SCHEMA)]


def _to_seconds(value: Any) -> float:
    if isinstance(value, bool):
        raise PydanticCustomError("duration", "expected a duration such as 120, '2m' or '30s'")
    if isinstance(value, int | float):
        _finite(value)
        seconds = float(value)
    elif isinstance(value, str) and value.strip() and (m := _DURATION_RE.match(value.strip())):
        seconds = float(int(m.group(1) or 0) * 60 + int(m.group(2) or 0))
    else:
        raise PydanticCustomError("duration", "expected a duration such as 120, '2m' or '30s'")
    if seconds <= 0 or seconds > MAX_STEP_MINUTES * 60:
        raise PydanticCustomError(
            "warning_range", "expected a warning between 1 second and 12 hours before the end"
        )
    return seconds


WarningTime = Annotated[
    float,
    PlainValidator(_to_seconds),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\d+m?\s*\d*s?$"}],
            "description": "Seconds before the end (120) or a duration ('2m', '30s').",
        }
    ),
]


def _finite(value: int | float) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("finite_number", "expected a finite number")


def _to_amount(value: Any) -> int | float | str:
    """A number, or the id of a parameter that supplies it."""
    if isinstance(value, bool):
        raise PydanticCustomError("amount", "expected a number or the name of a parameter")
    if isinstance(value, int | float):
        _finite(value)
        return value
    if isinstance(value, str) and _ID_RE.match(value):
        return value
    raise PydanticCustomError("amount", "expected a number or the name of a parameter")


Amount = Annotated[
    int | float | str,
    PlainValidator(_to_amount),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": ID_PATTERN}],
            "description": "A number, or the id of a parameter that supplies it.",
        }
    ),
]


class Strict(BaseModel):
    """Base: unknown keys are errors, types are not coerced."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, allow_inf_nan=False, defer_build=True
    )


Id = Annotated[str, Field(pattern=ID_PATTERN, description="lower-case id: a-z, 0-9, - and _")]


class Choice(Strict):
    """A named value of a dimension, e.g. the lens 'courage'."""

    id: Id
    label: BiText
    prompt: BiText | None = None


class Dimension(Strict):
    """Something entries are placed along: story, lens, table, criterion, card ...

    Values are listed here, come from a parameter (``from_parameter``: a list of texts gives
    one value per text, a number gives that many numbered values), or are open (neither).
    """

    label: BiText
    values: list[Choice] | None = None
    from_parameter: Id | None = None


ParameterType = Literal["integer", "minutes", "text", "texts"]


class Parameter(Strict):
    """A value the facilitator can set per run (``--param key=value``)."""

    type: ParameterType
    label: BiText
    default: Any
    help: BiText | None = None
    min: float | None = None
    max: float | None = None


class Role(Strict):
    id: Id
    name: BiText
    task: BiText | None = None


class GroupSize(Strict):
    min: int = Field(ge=1, le=100_000)
    max: int | None = Field(default=None, ge=1, le=100_000)
    note: BiText | None = None


class Source(Strict):
    title: CleanStr = Field(min_length=1)
    url: CleanStr | None = None


class EntryField(Strict):
    """A field of a structured entry, e.g. an action's 'who'."""

    id: Id
    label: BiText


class Collect(Strict):
    """What a step gathers and along which dimensions; scoring rules are parameters here.

    - ``pair_split``: each pair splits ``points`` between two cards, for ``rounds`` rounds.
    - ``rating``: each holder rates a card on ``scale`` [low, high], for ``rounds`` rounds.
    - ``dots``: each person places ``dots`` dots (per criterion when ``per`` names one).
    - ``entry``: a structured entry with ``fields``.
    """

    kind: CollectKind
    along: list[Id] = Field(default_factory=list)
    prompt: BiText | None = None
    points: Amount | None = None
    rounds: Amount | None = None
    scale: list[int] | None = None
    dots: Amount | None = None
    per: Id | None = None
    fields: list[EntryField] | None = None
    links: CollectKind | None = None


class Exercise(Strict):
    """A named exercise or tool used within a step (Innovationsguiden's method cards)."""

    name: BiText
    description: BiText


class Phase(Strict):
    """A timed part of a step (swap, then score): every phase but the last gives its
    ``minutes``; the last one takes what is left of the step's time."""

    id: Id
    title: BiText
    minutes: Amount | None = None
    instructions: BiText | None = None


class Step(Strict):
    """One step of a method. ``repeat`` makes rounds; ``round_texts`` gives each round its text.

    ``phases`` divide each round's time (see :class:`Phase`); ``show`` names what the room
    sees during the step besides its texts: text parameters (the question) and dimensions
    with their values and prompts (the stories, the lenses).
    """

    id: Id
    title: BiText
    instructions: BiText
    minutes: Amount | None = None
    until: str | None = None
    repeat: Amount | None = None
    round_texts: list[BiText] | Id | None = None
    roles: list[Id] = Field(default_factory=list)
    warnings: list[WarningTime] | None = None
    collect: list[Collect] = Field(default_factory=list)
    exercises: list[Exercise] = Field(default_factory=list)
    phases: list[Phase] | None = None
    show: list[Id] = Field(default_factory=list)

    @field_validator("until")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        if value is not None and not _CLOCK_RE.match(value):
            raise PydanticCustomError("clock", "expected a clock time HH:MM, e.g. '12:30'")
        return value


class Method(Strict):
    """A facilitation method as declared in a method file."""

    schema_version: int
    id: Id
    name: BiText
    summary: BiText
    purpose: BiText
    group_size: GroupSize
    roles: list[Role] = Field(min_length=1)
    materials: list[BiText] = Field(default_factory=list)
    attribution: BiText | None = None
    sources: list[Source] = Field(default_factory=list)
    licence: CleanStr | None = None
    tags: list[CleanStr] = Field(default_factory=list)
    parameters: dict[Id, Parameter] = Field(default_factory=dict)
    dimensions: dict[Id, Dimension] = Field(default_factory=dict)
    warnings: list[WarningTime] = Field(default_factory=lambda: [120.0, 30.0])
    steps: list[Step] = Field(min_length=1)

    @field_validator("schema_version")
    @classmethod
    def _version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise PydanticCustomError(
                "schema_version",
                "this version of facilitate reads schema_version {expected}, got {got}",
                {"expected": SCHEMA_VERSION, "got": value},
            )
        return value


def validate_method(data: Any, context: dict[str, Any] | None = None) -> records.Method:
    """The method that ``data`` (a method file's mapping) declares, as plain records; raises
    pydantic's ``ValidationError``."""
    return as_record(Method.model_validate(data, context=context))


def as_record(value: Any) -> Any:
    """``value`` with every schema model in it made the record of the same name."""
    if isinstance(value, BaseModel):
        kind = getattr(records, type(value).__name__)
        return kind(**{name: as_record(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, list):
        return [as_record(item) for item in value]
    if isinstance(value, dict):
        return {key: as_record(item) for key, item in value.items()}
    return value
