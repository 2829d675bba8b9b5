"""The method model: a facilitation method as a method file declares it, once validated.

These are plain records, made by :func:`facilitate.model.method_schema.validate_method` from
a file's data (pydantic-core checks it there, field by field) and kept by the method cache, so
that a command reading a validated method imports no schema. The schema takes each record's
fields from here (names, defaults) and refuses a field that is not a record's.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Literal

from facilitate.model.entry_kinds import EntryKind
from facilitate.model.text import Text
from facilitate.records import Record

SCHEMA_VERSION = 1
MAX_STEP_MINUTES = 12 * 60
ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"

Amount = int | float | str
"""A number, or the id of a parameter that supplies it."""
ParameterType = Literal["integer", "minutes", "text", "texts"]
CollectKind = EntryKind
"""What a step collects: the closed set of entry kinds (facilitate.model.entries)."""


class Choice(Record):
    """A named value of a dimension, e.g. the lens 'courage'."""

    id: str
    label: Text
    prompt: Text | None = None


class Dimension(Record):
    """Something entries are placed along: story, lens, table, criterion, card ...

    Values are listed here, come from a parameter (``from_parameter``: a list of texts gives
    one value per text, a number gives that many numbered values), or are open (neither).
    """

    label: Text
    values: list[Choice] | None = None
    from_parameter: str | None = None


class Parameter(Record):
    """A value the facilitator can set per run (``--param key=value``)."""

    type: ParameterType
    label: Text
    default: Any
    help: Text | None = None
    min: float | None = None
    max: float | None = None


class Role(Record):
    id: str
    name: Text
    task: Text | None = None


class GroupSize(Record):
    min: int
    max: int | None = None
    note: Text | None = None


class Source(Record):
    title: str
    url: str | None = None


class EntryField(Record):
    """A field of a structured entry, e.g. an action's 'who'."""

    id: str
    label: Text


class Collect(Record):
    """What a step gathers and along which dimensions; scoring rules are parameters here.

    - ``pair_split``: each pair splits ``points`` between two cards, for ``rounds`` rounds.
    - ``rating``: each holder rates a card on ``scale`` [low, high], for ``rounds`` rounds.
    - ``dots``: each person places ``dots`` dots (per criterion when ``per`` names one).
    - ``entry``: a structured entry with ``fields``.
    """

    kind: CollectKind
    along: list[str] = field(default_factory=list)
    prompt: Text | None = None
    points: Amount | None = None
    rounds: Amount | None = None
    scale: list[int] | None = None
    dots: Amount | None = None
    per: str | None = None
    fields: list[EntryField] | None = None
    links: CollectKind | None = None


class Exercise(Record):
    """A named exercise or tool used within a step (Innovationsguiden's method cards)."""

    name: Text
    description: Text


class Phase(Record):
    """A timed part of a step (swap, then score): every phase but the last gives its
    ``minutes``; the last one takes what is left of the step's time."""

    id: str
    title: Text
    minutes: Amount | None = None
    instructions: Text | None = None


class Step(Record):
    """One step of a method. ``repeat`` makes rounds; ``round_texts`` gives each round its text.

    ``phases`` divide each round's time (see :class:`Phase`); ``show`` names what the room
    sees during the step besides its texts: text parameters (the question) and dimensions
    with their values and prompts (the stories, the lenses). Warnings are in seconds.
    """

    id: str
    title: Text
    instructions: Text
    minutes: Amount | None = None
    until: str | None = None
    repeat: Amount | None = None
    round_texts: list[Text] | str | None = None
    roles: list[str] = field(default_factory=list)
    warnings: list[float] | None = None
    collect: list[Collect] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    phases: list[Phase] | None = None
    show: list[str] = field(default_factory=list)


class Method(Record, kw_only=True):
    """A facilitation method as declared in a method file (warnings in seconds)."""

    schema_version: int
    id: str
    name: Text
    summary: Text
    purpose: Text
    group_size: GroupSize
    roles: list[Role]
    materials: list[Text] = field(default_factory=list)
    attribution: Text | None = None
    sources: list[Source] = field(default_factory=list)
    licence: str | None = None
    tags: list[str] = field(default_factory=list)
    parameters: dict[str, Parameter] = field(default_factory=dict)
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    warnings: list[float] = field(default_factory=lambda: [120.0, 30.0])
    steps: list[Step]
