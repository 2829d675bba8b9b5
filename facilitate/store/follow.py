"""Following a session's journal live: the entries of each step, from every terminal.

A live run's view counts the notes of the step on screen. Notes come from the facilitator's
own terminal and from note-takers' (``facilitate sessions note`` in another process), so the
count is read from the journal: :class:`StepEntries` keeps a tally, fed by a
:class:`~facilitate.store.reader.JournalReader`, and each call reads only what is new (one
``stat`` when nothing changed).
"""

from __future__ import annotations

from facilitate.errors import FacilitateError
from facilitate.model.events import EntryAdded, EntryDeleted, Event, RunStarted
from facilitate.store.reader import JournalReader

StepKey = tuple[str | None, int | None]


class StepEntries:
    """The live entries filed under each step (and round) of the session's latest run.

    Call it with a step id and round for that step's count; it never raises: a journal that
    cannot be read for a moment keeps the last count (the run on screen must go on).
    """

    def __init__(self, reader: JournalReader) -> None:
        self.reader = reader
        self._step_of: dict[str, StepKey] = {}
        self._counts: dict[StepKey, int] = {}
        self.problem = ""

    def __call__(self, step: str, round_: int | None) -> int:
        self.update()
        return self._counts.get((step, round_), 0)

    def update(self) -> bool:
        """Read what is new in the journal; True if anything was."""
        try:
            batch = self.reader.poll()
        except (FacilitateError, OSError) as error:
            self.problem = str(error).splitlines()[0] if str(error) else type(error).__name__
            return False
        self.problem = ""
        if batch is None:
            return False
        if batch.restarted:
            self._reset()
        for record in batch.records:
            self._apply(record.event)
        return bool(batch.records) or batch.restarted

    def _reset(self) -> None:
        self._step_of.clear()
        self._counts.clear()

    def _apply(self, event: Event) -> None:
        if isinstance(event, RunStarted):  # a new run: its steps start from nothing
            self._reset()
        elif isinstance(event, EntryAdded):
            if event.entry_id not in self._step_of:  # a retried add counts once
                key = (event.step, event.round)
                self._step_of[event.entry_id] = key
                self._counts[key] = self._counts.get(key, 0) + 1
        elif isinstance(event, EntryDeleted) and event.entry_id in self._step_of:
            self._counts[self._step_of.pop(event.entry_id)] -= 1
