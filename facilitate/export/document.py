"""The document an export renders, the same for every format: sessions, programme, sections.

Built by :func:`facilitate.export.build.build_document` from session records and the
methods' ``collect`` declarations; Markdown, HTML, Word, CSV and JSON are renderings of it.
Every text in it is as people typed it (the renderers escape it for their format); names
of dimensions, steps and methods are in the document's language.
"""

from __future__ import annotations

from dataclasses import field

from facilitate.records import Record

EXPORT_FORMAT_VERSION = 1
"""The version of the JSON export (``schema.json``); raised when its shape changes."""


class Label(Record):
    """Where an item sits along one dimension: ``Berättelse: Trelleborg``."""

    dimension: str
    name: str
    value: str
    text: str


class FieldValue(Record):
    """One field of a structured entry: ``Vem: Anna``."""

    id: str
    name: str
    text: str


class Item(Record):
    """One entry as shown: its text, the labels not already given by its headings."""

    entry_id: str
    kind: str
    text: str
    labels: tuple[Label, ...] = ()
    fields: tuple[FieldValue, ...] = ()
    author: str | None = None


class Group(Record):
    """Items under a heading (a story, a lens, a round's question, a table); groups nest."""

    title: str
    dimension: str
    items: tuple[Item, ...] = ()
    groups: tuple[Group, ...] = ()


class TextSection(Record):
    """Notes or reflections of one step, grouped along the dimensions the step collects."""

    step: str
    title: str
    kind: str
    prompt: str | None
    items: tuple[Item, ...] = ()
    groups: tuple[Group, ...] = ()
    type: str = field(default="text", init=False)


class RankRow(Record):
    """A card in a ranking: shared ranks for ties (1, 1, 3), points per round when known."""

    rank: int
    tied: bool
    card: str
    text: str
    total: int
    per_round: tuple[int | None, ...] = ()


class RankingSection(Record):
    """The ranked list of a 35:an or a 25/10: from pair splits, ratings or read-out totals."""

    step: str
    title: str
    basis: str
    max_total: int | None
    rounds: int
    rows: tuple[RankRow, ...]
    uncounted: int = 0
    type: str = field(default="ranking", init=False)


class TallyRow(Record):
    """An option's dots, in all and per criterion (in the section's order of criteria)."""

    rank: int
    tied: bool
    target: str
    text: str
    total: int
    by_criterion: tuple[int, ...] = ()


class TallySection(Record):
    """A vote with its tallies."""

    step: str
    title: str
    criteria: tuple[str, ...]
    rows: tuple[TallyRow, ...]
    uncounted: int = 0
    type: str = field(default="tally", init=False)


class ThemeGroup(Record):
    """A theme and the items it links (each keeps its own labels: table, round, story)."""

    entry_id: str
    name: str
    items: tuple[Item, ...]


class ThemesSection(Record):
    """The themes of a step; ``unassigned`` lists what was collected there under no theme."""

    step: str
    title: str
    themes: tuple[ThemeGroup, ...]
    unassigned: tuple[Item, ...] = ()
    type: str = field(default="themes", init=False)


class FieldsSection(Record):
    """Structured entries of a step (or the session's actions): one row per entry."""

    step: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Item, ...]
    type: str = field(default="fields", init=False)


Section = TextSection | RankingSection | TallySection | ThemesSection | FieldsSection


class Chapter(Record):
    """The part of a run about one value of its leading dimension (one story)."""

    title: str
    dimension: str
    sections: tuple[TextSection, ...]
    type: str = field(default="chapter", init=False)


Part = Section | Chapter


class ProgrammeStep(Record):
    """A step (or round) of the programme: planned against actual."""

    title: str
    planned_minutes: float | None
    actual_minutes: float | None
    started: str | None
    outcome: str | None


class ProgrammeRun(Record):
    """A run in the programme, with its steps; ``speed`` above 1 marks a rehearsal.

    A run of a planned day's block has its planned clock times; its times are then the
    day's clock (in a rehearsal the plan's own, which runs at the rehearsal's speed).
    """

    number: int
    name: str
    started: str | None
    ended: str | None
    planned_minutes: float | None
    actual_minutes: float | None
    speed: float
    steps: tuple[ProgrammeStep, ...]
    planned_start: str | None = None
    planned_end: str | None = None


class RunPart(Record):
    """What one run gathered, section by section in the order of its method's steps.

    ``about`` holds the run's text parameters (the question everyone answered).
    """

    number: int
    run_id: str
    method: str
    name: str
    started: str | None
    status: str
    parts: tuple[Part, ...]
    other: tuple[Item, ...] = ()
    about: tuple[FieldValue, ...] = ()


class Row(Record):
    """One entry, flat, with everything known about it (the CSV's rows, JSON's entries)."""

    session: str
    run: int | None
    run_id: str | None
    method: str
    step: str
    step_title: str
    round: int | None
    kind: str
    entry_id: str
    text: str
    dims: tuple[Label, ...]
    fields: tuple[FieldValue, ...]
    values: tuple[tuple[str, str], ...]
    theme: str
    score: int | None
    rank: int | None
    added_at: str
    author: str | None


class SessionPart(Record):
    """One session: what it was, its programme, its runs and its actions."""

    id: str
    title: str
    date: str
    date_text: str
    place: str
    language: str
    facilitators: tuple[str, ...]
    participants: int | None
    status: str
    as_of: str | None
    summary: str
    programme: tuple[ProgrammeRun, ...]
    runs: tuple[RunPart, ...]
    actions: FieldsSection | None
    other: tuple[Item, ...]
    rows: tuple[Row, ...]
    entry_count: int = 0


class Document(Record):
    """A whole export: one or several sessions (a conference's rooms, a programme)."""

    title: str
    language: str
    authors: bool
    sessions: tuple[SessionPart, ...]
    format_version: int = EXPORT_FORMAT_VERSION
