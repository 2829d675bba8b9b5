"""What the room's pages show, as plain data in one language: the step and its form, the
timer, the entries at the step, and the results.

:class:`RoomFeed` follows the session's journal (folding only what is new, from any writer:
the terminal's runner, note-takers, phones); :meth:`RoomFeed.view` is built from that fold,
so a page that connects, or a server that restarts, shows what the journal holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from facilitate.app.input import SessionInput
from facilitate.app.input_targets import StepTarget
from facilitate.app.methods import Methods, methods_of, session_methods
from facilitate.app.room_forms import step_forms
from facilitate.app.room_settings import RoomSettings, place_of
from facilitate.errors import FacilitateError
from facilitate.model.method import Method
from facilitate.model.results import session_results
from facilitate.model.results_types import RunResults, SessionResults
from facilitate.model.run_clock import time_left
from facilitate.model.session import Entry, Run, SessionState
from facilitate.model.text import Text
from facilitate.store.store import SessionStore

SHOWN_ENTRIES = 60
"""The most entries the projector lists (the newest; the count says how many there are)."""
SHOWN_ROWS = 10


class RoomFeed:
    """A session followed for its pages: :meth:`poll` folds what is new; :meth:`view`."""

    def __init__(
        self,
        store: SessionStore,
        methods: Methods,
        session_ref: str,
        settings: RoomSettings,
        wall: Callable[[], float],
    ) -> None:
        self.desk = SessionInput.follow(store, methods, session_ref)
        self.methods = methods
        self.settings = settings
        self.wall = wall
        self._seen = (self.desk.version, settings.version)
        self._methods: dict[str, Method] = {}

    def poll(self) -> bool:
        """Fold in what the journal gained; True if anything shown may have changed."""
        self.desk.refresh()
        now = (self.desk.version, self.settings.version)
        changed, self._seen = now != self._seen, now
        return changed

    def view(self, lang: str) -> dict[str, Any]:
        """Everything the pages show, in ``lang``."""
        state = self.desk.state()
        target = self._current()
        place = place_of(target) if target is not None else ""
        controls = self.settings.controls
        at_step = [e for e in state.entries if _at(e, target)] if target is not None else []
        results = None if controls.results_hidden else self._results(state, target, lang)
        return {
            "title": self.desk.header.title,
            "lang": lang,
            "seq": state.last_seq,
            "place": place,
            "step": _step(target, lang) if target is not None else None,
            "open": controls.is_open(place, place),
            "results_hidden": controls.results_hidden,
            "timer": self._timer(target.run if target is not None else None),
            "count": len(at_step),
            "total": len(state.entries),
            "entries": [_entry(e, target, lang) for e in at_step[-SHOWN_ENTRIES:][::-1]],
            "results": results,
        }

    def current(self) -> StepTarget | None:
        """Where phones' entries go now (None: no step is running)."""
        return self._current()

    def _current(self) -> StepTarget | None:
        try:
            target = self.desk.target()
        except FacilitateError:
            return None
        return target if target.step is not None else None

    def _timer(self, run: Run | None) -> dict[str, Any]:
        wall = self.wall()
        left = time_left(run, wall) if run is not None else None
        paused = bool(run and run.timer_mark and run.timer_mark.paused)
        deadline = wall + left if left is not None and not paused else None
        return {"left": left, "paused": paused, "deadline": deadline}

    def _results(
        self, state: SessionState, target: StepTarget | None, lang: str
    ) -> dict[str, Any] | None:
        if target is None or target.run is None:
            return None
        if len(self._methods) < len(session_methods(self.desk.header, state)):
            self._methods = methods_of(self.desk.header, state, self.methods)
        results = session_results(state, self._methods, run=target.run.number)
        return _results_data(results, lang)


def _at(entry: Entry, target: StepTarget | None) -> bool:
    return target is not None and (entry.run_id, entry.step, entry.round) == (
        target.run_id,
        target.step,
        target.round,
    )


def _step(target: StepTarget, lang: str) -> dict[str, Any]:
    segment = target.segment
    title = segment.title.get(lang) if segment is not None else target.label
    room = []
    if segment is not None:
        for item in segment.room:
            values = [
                {"text": v.text.get(lang), "prompt": v.prompt.get(lang) if v.prompt else ""}
                for v in item.values
            ]
            room.append({"label": item.label.get(lang), "shown": values})
    return {
        "label": target.label,
        "title": title,
        "round": target.round,
        "rounds": segment.rounds if segment is not None else None,
        "round_text": segment.round_text.get(lang) if segment and segment.round_text else "",
        "room": room,
        "forms": step_forms(target, lang),
    }


def _entry(entry: Entry, target: StepTarget | None, lang: str) -> dict[str, Any]:
    dims = target.rules.dimensions if target is not None and target.rules else None
    shown = []
    for dim_id, value in entry.dims.items():
        rule = (dims or {}).get(dim_id)
        named = next((v for v in (rule.values or ()) if v.id == value), None) if rule else None
        label = Text(rule.name.sv, rule.name.en).get(lang) if rule else dim_id
        shown.append([label, Text(named.sv, named.en).get(lang) if named else value])
    return {"id": entry.entry_id, "kind": entry.kind, "text": entry.text, "dims": shown}


def _results_data(found: SessionResults, lang: str) -> dict[str, Any]:
    runs: tuple[RunResults, ...] = found.runs
    tallies = [
        {
            "title": t.title.get(lang),
            "rows": [
                {"rank": r.rank, "text": r.text.get(lang), "total": r.total}
                for r in t.rows[:SHOWN_ROWS]
            ],
        }
        for run in runs
        for t in run.tallies
    ]
    rankings = [
        {
            "title": r.title.get(lang),
            "rows": [
                {"rank": row.rank, "card": row.card, "text": row.text, "total": row.total}
                for row in r.rows[:SHOWN_ROWS]
            ],
        }
        for run in runs
        for r in run.rankings
    ]
    themes = [{"name": t.name, "count": len(t.items)} for t in found.themes]
    return {"tallies": tallies, "rankings": rankings, "themes": themes}
