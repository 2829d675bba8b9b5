"""What the sections of one run are built from: its method, values, entries and words."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from facilitate.export.document import FieldValue, Item, Label
from facilitate.export.record import EntryRecord, RunRecord
from facilitate.export.words import Words
from facilitate.model.expand import dimension_values, step_rounds
from facilitate.model.method import Choice, Method, Step
from facilitate.model.params import ParameterError, params_from_json, resolve_params
from facilitate.model.text import Text

ROUND = "round"


def run_values(method: Method, run: RunRecord) -> dict[str, Any]:
    """The parameter values the run was started with (the defaults if they no longer fit)."""
    try:
        return params_from_json(method, dict(run.params))
    except ParameterError:
        return resolve_params(method)


@dataclass
class RunContext:
    """One run's method, parameter values and entries, and the session's entries by id."""

    run: RunRecord
    method: Method
    words: Words
    authors: bool
    entries: tuple[EntryRecord, ...]
    by_id: Mapping[str, EntryRecord]
    peers: dict[str, RunContext] = field(default_factory=dict)
    values: dict[str, Any] = field(init=False)
    _choices: dict[str, list[Choice] | None] = field(init=False, default_factory=dict)
    _texts: dict[str, dict[str, str]] = field(init=False, default_factory=dict)
    _steps: dict[str, Step] | None = field(init=False, default=None)
    _labels: dict[tuple[str, str], Label] = field(init=False, default_factory=dict)
    _field_names: dict[str | None, dict[str, str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.values = run_values(self.method, self.run)

    @property
    def lang(self) -> str:
        return self.words.lang

    def choices(self, dim: str) -> list[Choice] | None:
        """The values of dimension ``dim`` in this run; None for an open or unknown one."""
        if dim not in self._choices:
            known = dim in self.method.dimensions
            found = dimension_values(self.method, dim, self.values) if known else None
            self._choices[dim] = found
        return self._choices[dim]

    def dim_name(self, dim: str) -> str:
        """A dimension's name in the document's language (``Berättelse``)."""
        if dim == ROUND:
            return self.words("dim.round")
        found = self.method.dimensions.get(dim)
        return found.label.get(self.lang) if found else dim

    def value_text(self, dim: str, value: str) -> str:
        """A dimension value as read: its label, matched by id or by label in either language."""
        if dim not in self._texts:
            texts: dict[str, str] = {}
            for choice in self.choices(dim) or ():
                shown = choice.label.get(self.lang)
                for key in (choice.label.en, choice.label.sv, choice.id):  # the id wins
                    texts[key.casefold()] = shown
            self._texts[dim] = texts
        return self._texts[dim].get(value.strip().casefold(), value)

    def value_order(self, dim: str, texts: Iterable[str]) -> list[str]:
        """Shown values (``value_text``) in the dimension's order: listed first, then as seen."""
        seen = list(dict.fromkeys(texts))
        listed = [c.label.get(self.lang) for c in self.choices(dim) or ()]
        rank = {text: n for n, text in enumerate(listed)}
        return sorted(seen, key=lambda text: rank.get(text, len(rank)))

    def about(self) -> tuple[FieldValue, ...]:
        """The run's text parameters (a question, an invitation) as they were set."""
        return tuple(
            FieldValue(key, param.label.get(self.lang), value.get(self.lang))
            for key, param in self.method.parameters.items()
            if param.type == "text" and isinstance(value := self.values.get(key), Text)
        )

    def step(self, step_id: str | None) -> Step | None:
        if self._steps is None:
            self._steps = {s.id: s for s in self.method.steps}
        return self._steps.get(step_id or "")

    def step_title(self, step_id: str | None) -> str:
        """A step's title in the document's language (the recorded one for unknown steps)."""
        step = self.step(step_id)
        if step is not None:
            return step.title.get(self.lang)
        recorded = next((r.title for r in self.run.steps if r.step == step_id), None)
        return recorded or step_id or ""

    def rounds(self, step: Step) -> int | None:
        return step_rounds(step, self.values)

    def round_text(self, step: Step | None, number: int) -> str:
        """``Runda 2: Vad upplever du saknas …?`` (the round's own text when it has one)."""
        texts = self._round_texts(step) if step is not None else []
        if texts:
            text = texts[(number - 1) % len(texts)].get(self.lang)
            return self.words("round_text", number=number, text=text)
        return self.words("round", number=number)

    def _round_texts(self, step: Step) -> list[Text]:
        if step.round_texts is None:
            return []
        if isinstance(step.round_texts, str):
            found = self.values.get(step.round_texts)
            return [v for v in found if isinstance(v, Text)] if isinstance(found, list) else []
        return list(step.round_texts)

    def item(
        self,
        entry: EntryRecord,
        shown: Iterable[str] = (),
        fields: Sequence[tuple[str, str]] | None = None,
        text: str | None = None,
    ) -> Item:
        """``entry`` as shown under headings that already give the dimensions ``shown``."""
        return Item(
            entry_id=entry.entry_id,
            kind=entry.kind,
            text=entry.text if text is None else text,
            labels=self.labels(entry, set(shown)),
            fields=self.field_values(entry, fields) if fields is not None else (),
            author=entry.author if self.authors else None,
        )

    def labels(self, entry: EntryRecord, shown: Collection[str] = ()) -> tuple[Label, ...]:
        """The entry's place along each dimension not in ``shown`` (its round too)."""
        labels = [
            self.label(dim, value)
            for dim, value in entry.dims.items()
            if dim not in shown and dim != ROUND
        ]
        if entry.round is not None and ROUND not in shown:
            labels.append(self.label(ROUND, str(entry.round)))
        return tuple(labels)

    def label(self, dim: str, value: str) -> Label:
        """``value`` of ``dim`` as a label (made once per run: labels are shared)."""
        found = self._labels.get((dim, value))
        if found is None:
            if dim == ROUND:
                text = self.words("round", number=value)
            else:
                text = self.value_text(dim, value)
            found = self._labels[(dim, value)] = Label(dim, self.dim_name(dim), value, text)
        return found

    def field_names(self, step_id: str | None) -> dict[str, str]:
        """Field id -> its name, for the fields the step's collect declarations name."""
        if step_id not in self._field_names:
            step = self.step(step_id)
            collects = step.collect if step is not None else []
            names = {f.id: f.label.get(self.lang) for c in collects for f in c.fields or ()}
            self._field_names[step_id] = names
        return self._field_names[step_id]

    def field_values(
        self, entry: EntryRecord, fields: Sequence[tuple[str, str]]
    ) -> tuple[FieldValue, ...]:
        """The entry's fields (``(id, name)`` pairs) in their order, "" for one left empty."""
        return tuple(FieldValue(key, name, entry.fields.get(key, "")) for key, name in fields)

    def member_item(self, entry: EntryRecord) -> Item:
        """An item linked from a theme, with all its labels as its own run names them."""
        own = self.peers.get(entry.run_id or "", self)
        return own.item(entry)
