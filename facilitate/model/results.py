"""A session's results, computed from its folded state and its methods: a pure function.

:func:`session_results` is what the terminal (``facilitate results``), a projector page and
the exports call: for each run of a method, its rankings and tallies
(:mod:`facilitate.model.results_scores`), its structured entries and its notes and
reflections by step; and the session's themes with their items (themes span runs: a World
Café's harvest and the day's reflections) and the items no theme holds yet. It never
raises for what a journal holds: entries that break the rules are left out and counted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from facilitate.model.entries import FieldsPayload
from facilitate.model.expand import dimension_values
from facilitate.model.method import Method
from facilitate.model.params import ParameterError, params_from_json, resolve_params
from facilitate.model.results_scores import rankings, tallies
from facilitate.model.results_types import (
    ItemResult,
    RunResults,
    SessionResults,
    StructuredRow,
    StructuredSection,
    TextSection,
    ThemeResult,
    cut,
)
from facilitate.model.session import Entry, Run, SessionState
from facilitate.model.text import Text
from facilitate.model.theme_record import Item, session_items, theme_board

TEXT_KINDS = ("note", "reflection")


def run_values(method: Method, run: Run | None) -> dict[str, Any]:
    """The parameter values ``run`` was started with (the method's defaults without a run)."""
    if run is None:
        return resolve_params(method)
    try:
        return params_from_json(method, run.params)
    except ParameterError:  # a value the method no longer allows: its defaults, for results
        return resolve_params(method)


def _item(item: Item, numbers: Mapping[str | None, int]) -> ItemResult:
    entry = item.entry
    return ItemResult(
        item.number,
        entry.entry_id,
        entry.kind,
        entry.text,
        numbers.get(entry.run_id),
        entry.step,
        entry.round,
        tuple(entry.dims.items()),
    )


def run_results(
    state: SessionState,
    method: Method,
    run: Run | None,
    *,
    step: str | None = None,
    top: int | None = None,
) -> RunResults:
    """One run's results (``run`` None: the entries recorded before any run of ``method``)."""
    values = run_values(method, run)
    run_id = run.run_id if run is not None else None
    entries = [e for e in state.entries if e.run_id == run_id]
    numbers: dict[str | None, int] = {r.run_id: r.number for r in state.runs}
    slots = [
        (s, c, [e for e in entries if e.step == s.id and e.kind == c.kind])
        for s in method.steps
        for c in s.collect
    ]
    ranked = [replace(r, rows=cut(r.rows, top)) for r in rankings(method, values, slots, entries)]
    voted = [replace(t, rows=cut(t.rows, top)) for t in tallies(method, values, slots, entries)]
    items = {i.id: i for i in session_items(state)}
    ranked_steps = {r.step for r in ranked if r.basis == "totals"}
    structured = [s for s in _structured(method, entries) if s.step not in ranked_steps]
    return RunResults(
        run_id,
        run.number if run is not None else None,
        method.id,
        method.name,
        tuple(r for r in ranked if step in (None, r.step)),
        tuple(t for t in voted if step in (None, t.step)),
        tuple(s for s in structured if step in (None, s.step)),
        tuple(s for s in _texts(method, entries, items, numbers) if step in (None, s.step)),
        dimension_labels(method, values),
    )


def _structured(method: Method, entries: Sequence[Entry]) -> list[StructuredSection]:
    sections = []
    for step in method.steps:
        for collect in step.collect:
            mine = [e for e in entries if e.step == step.id and e.kind == "entry"]
            if collect.kind != "entry" or not mine:
                continue
            fields = tuple((f.id, f.label) for f in collect.fields or ())
            rows = tuple(
                StructuredRow(
                    e.entry_id,
                    e.text,
                    tuple(e.dims.items()),
                    tuple(_fields(e).get(f, "") for f, _ in fields),
                )
                for e in mine
            )
            sections.append(StructuredSection(step.id, step.title, fields, rows))
            break
    return sections


def _fields(entry: Entry) -> dict[str, str]:
    return dict(entry.payload.fields) if isinstance(entry.payload, FieldsPayload) else {}


def _texts(
    method: Method,
    entries: Sequence[Entry],
    items: Mapping[str, Item],
    numbers: Mapping[str | None, int],
) -> list[TextSection]:
    """Notes and reflections by step (the method's steps in order, then any other step)."""
    steps = [s.id for s in method.steps]
    steps += [e.step for e in entries if e.step not in steps and e.step is not None]
    titles = {s.id: s.title for s in method.steps}
    sections = []
    for step_id in dict.fromkeys(steps):
        for kind in TEXT_KINDS:
            mine = [items[e.entry_id] for e in entries if e.step == step_id and e.kind == kind]
            if mine:
                title = titles.get(step_id, Text.same(step_id))
                shown = tuple(_item(i, numbers) for i in mine)
                sections.append(TextSection(step_id, title, kind, shown))
    return sections


def dimension_labels(
    method: Method, values: Mapping[str, Any]
) -> dict[str, tuple[Text, dict[str, Text]]]:
    """Each dimension's label and its values' labels, for this run's parameter values."""
    labels = {}
    for dim_id, dim in method.dimensions.items():
        choices = dimension_values(method, dim_id, dict(values)) or []
        labels[dim_id] = (dim.label, {c.id: c.label for c in choices})
    return labels


def session_results(
    state: SessionState,
    methods: Mapping[str, Method],
    *,
    run: int | None = None,
    step: str | None = None,
    top: int | None = None,
) -> SessionResults:
    """The results of every run of a method in ``methods`` (or of run number ``run``), the
    session's themes with their items, and the items under no theme (see the module text).

    ``step`` keeps the sections of that step only; ``top`` keeps the top N of each ranking
    and tally (and every row tied with the last one).
    """
    runs = [r for r in state.runs if not r.is_timer and r.method in methods]
    chosen: list[tuple[Method, Run | None]] = [(methods[r.method], r) for r in runs]
    header_method = state.header.method if state.header is not None else None
    if header_method in methods and any(e.run_id is None for e in state.entries):
        chosen.insert(0, (methods[header_method], None))  # type: ignore[index]
    if run is not None:
        chosen = [(m, r) for m, r in chosen if r is not None and r.number == run]
    results = tuple(run_results(state, m, r, step=step, top=top) for m, r in chosen)
    themes, unassigned = _themes(state, results, run, step)
    return SessionResults(results, themes, unassigned)


def _themes(
    state: SessionState,
    results: Sequence[RunResults],
    run: int | None,
    step: str | None,
) -> tuple[tuple[ThemeResult, ...], tuple[ItemResult, ...]]:
    numbers: dict[str | None, int] = {r.run_id: r.number for r in state.runs}
    items = {i.id: _item(i, numbers) for i in session_items(state)}
    board = theme_board(state)

    def wanted(item: ItemResult) -> bool:
        return (run is None or item.run_number == run) and step in (None, item.step)

    themes = []
    for theme in board.themes:
        held = tuple(items[i] for i in theme.items if i in items)
        if (run is None and step is None) or any(wanted(i) for i in held):
            themes.append(ThemeResult(theme.id, theme.name, held))
    assigned = {i for t in board.themes for i in t.items}
    loose = tuple(i for key, i in items.items() if key not in assigned and wanted(i))
    return tuple(themes), loose if (results or run is None) else ()
