"""What a session's results are: rankings, tallies, themes with their items, structured entries.

Plain frozen data with ids and bilingual labels (:class:`~facilitate.model.text.Text`), for a
terminal view, a projector page or an export to show in its own language. ``to_data`` gives
each as JSON-ready data (labels in both languages).
"""

from __future__ import annotations

from dataclasses import asdict, field
from typing import Any, Literal, TypeVar

from facilitate.model.scoring_rank import Call, countdown, rank
from facilitate.model.text import Text
from facilitate.records import Record

Basis = Literal["pair_split", "rating", "card_points", "totals"]
"""What a ranking was computed from: pair splits, ratings, the points read off the cards'
backs, or the totals read out in the count-down."""


def _text(value: Text) -> dict[str, str]:
    return {"sv": value.sv, "en": value.en}


class RankRow(Record):
    """A card in a ranking: its (possibly shared) rank, id, text, total and points per round."""

    rank: int
    shared: bool
    card: str
    text: str
    total: int
    per_round: tuple[int | None, ...] = ()


class Ranking(Record):
    """A run's cards ranked (ties share a rank: 1, 1, 3); ``max_total`` starts the count-down.

    ``uncounted`` entries broke the rules (a pair that does not sum, a card twice in a round)
    and were left out.
    """

    step: str
    title: Text
    basis: Basis
    max_total: int | None
    rounds: int
    rows: tuple[RankRow, ...]
    uncounted: int = 0

    def calls(self) -> tuple[Call[RankRow], ...]:
        """The count-down read-out from the highest possible total (or the highest there is)."""
        ranked = rank(self.rows, lambda r: r.total)
        highest = max((r.total for r in self.rows), default=0)
        return countdown(ranked, self.max_total if self.max_total is not None else highest)

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["title"] = _text(self.title)
        data["countdown"] = [
            {"score": c.score, "rank": c.rank, "cards": [r.card for r in c.items]}
            for c in self.calls()
        ]
        return data


class TallyRow(Record):
    """An option's dots: rank, id, what it is called, in all and per criterion (rules' order)."""

    rank: int
    shared: bool
    target: str
    text: Text
    total: int
    by_criterion: tuple[int, ...] = ()


class Tally(Record):
    """A dot vote's tally, the options from the most dots down (ties share a rank)."""

    step: str
    title: Text
    criteria: tuple[tuple[str, Text], ...]
    rows: tuple[TallyRow, ...]
    uncounted: int = 0

    def to_data(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "title": _text(self.title),
            "criteria": [{"id": c, "label": _text(label)} for c, label in self.criteria],
            "rows": [{**asdict(r), "text": _text(r.text)} for r in self.rows],
            "uncounted": self.uncounted,
        }


class ItemResult(Record):
    """An entry as results show it: number, id, kind, text, where it came from."""

    number: int
    entry_id: str
    kind: str
    text: str
    run_number: int | None
    step: str | None
    round: int | None
    dims: tuple[tuple[str, str], ...] = ()

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["dims"] = dict(self.dims)
        return data


class ThemeResult(Record):
    """A theme and its items (linked, each with its own origin)."""

    theme_id: str
    name: str
    items: tuple[ItemResult, ...]

    def to_data(self) -> dict[str, Any]:
        items = [i.to_data() for i in self.items]
        return {"theme_id": self.theme_id, "name": self.name, "items": items}


class StructuredRow(Record):
    """A structured entry: its id, text, dimensions and its fields' values (fields' order)."""

    entry_id: str
    text: str
    dims: tuple[tuple[str, str], ...]
    values: tuple[str, ...]


class StructuredSection(Record):
    """A step's structured entries (an action's what, who and when ...)."""

    step: str
    title: Text
    fields: tuple[tuple[str, Text], ...]
    rows: tuple[StructuredRow, ...]

    def to_data(self) -> dict[str, Any]:
        fields = [{"id": f, "label": _text(label)} for f, label in self.fields]
        rows = [
            {
                "entry_id": r.entry_id,
                "text": r.text,
                "dims": dict(r.dims),
                "fields": dict(zip((f for f, _ in self.fields), r.values, strict=True)),
            }
            for r in self.rows
        ]
        return {"step": self.step, "title": _text(self.title), "fields": fields, "rows": rows}


class TextSection(Record):
    """A step's notes or reflections (the harvest), in the order written."""

    step: str
    title: Text
    kind: str
    items: tuple[ItemResult, ...]

    def to_data(self) -> dict[str, Any]:
        items = [i.to_data() for i in self.items]
        return {"step": self.step, "title": _text(self.title), "kind": self.kind, "items": items}


class RunResults(Record):
    """One run's results (``number`` None: entries recorded before the method was run)."""

    run_id: str | None
    number: int | None
    method: str
    method_name: Text
    rankings: tuple[Ranking, ...] = ()
    tallies: tuple[Tally, ...] = ()
    structured: tuple[StructuredSection, ...] = ()
    texts: tuple[TextSection, ...] = ()
    labels: dict[str, tuple[Text, dict[str, Text]]] = field(default_factory=dict)
    """Dimension id -> its label and its values' labels (for showing ``dims``)."""

    def to_data(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "number": self.number,
            "method": self.method,
            "method_name": _text(self.method_name),
            "rankings": [r.to_data() for r in self.rankings],
            "tallies": [t.to_data() for t in self.tallies],
            "structured": [s.to_data() for s in self.structured],
            "texts": [s.to_data() for s in self.texts],
        }


class SessionResults(Record):
    """A session's results: each run's, and the themes (which span runs) with what is left."""

    runs: tuple[RunResults, ...] = ()
    themes: tuple[ThemeResult, ...] = ()
    unassigned: tuple[ItemResult, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {
            "runs": [r.to_data() for r in self.runs],
            "themes": [t.to_data() for t in self.themes],
            "unassigned": [i.to_data() for i in self.unassigned],
        }


R = TypeVar("R", RankRow, TallyRow)


def cut(rows: tuple[R, ...], n: int | None) -> tuple[R, ...]:
    """The top ``n`` rows (by their ranks), keeping every row tied with the last one in."""
    return rows if n is None else tuple(r for r in rows if r.rank <= n)
