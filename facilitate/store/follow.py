"""Following a session's journal live: the entries of each step, from every terminal.

A live run's view counts the notes of the step on screen. Notes come from the facilitator's
own terminal and from note-takers' (``facilitate sessions note`` in another process), so the
count is read from the journal: :class:`StepEntries` folds it incrementally (the model's
:class:`~facilitate.model.session.SessionFolder`, fed by a
:class:`~facilitate.store.reader.JournalReader`), and each call reads only what is new (one
``stat`` when nothing changed). An entry belongs to the run its ``run_id`` names, as in
``sessions show``; one without (written by 0.1.0) to the latest run when it was added.
"""

from __future__ import annotations

from facilitate.errors import FacilitateError, MessageLike, first_message
from facilitate.model.session import SessionFolder
from facilitate.store.reader import JournalReader

StepKey = tuple[str | None, int | None]


class FollowedFold:
    """A journal folded as it grows: :meth:`poll` reads what is new onto ``folder``.

    A journal read again from the start (cut short, replaced) is folded again from nothing.
    Reading never raises: a journal that cannot be read for a moment keeps the fold as it
    was, and ``problem`` says why ("" when all is well)."""

    def __init__(self, reader: JournalReader) -> None:
        self.reader = reader
        self.folder = SessionFolder()
        self.problem: MessageLike = ""

    def poll(self) -> bool | None:
        """True if the fold changed, False if nothing was new, None if reading failed."""
        try:
            batch = self.reader.poll()
        except (FacilitateError, OSError) as error:
            self.problem = first_message(error)
            return None
        self.problem = ""
        if batch is None:
            return False
        if batch.restarted:
            self.folder = SessionFolder()
        for record in batch.records:
            self.folder.apply(record)
        return bool(batch.records) or batch.restarted


class StepEntries:
    """The live entries filed under each step (and round) of one run of the session.

    ``run_id`` names the run (the one on screen); None: the session's latest run. Call it
    with a step id and round for that step's count; it never raises: a journal that cannot
    be read for a moment keeps the last count (the run on screen must go on), and
    ``problem`` says why (a message, rendered where it is shown; "" when all is well).
    """

    def __init__(self, reader: JournalReader, run_id: str | None = None) -> None:
        self.fold = FollowedFold(reader)
        self.run_id = run_id
        self._counts: dict[StepKey, int] | None = None

    @property
    def problem(self) -> MessageLike:
        return self.fold.problem

    @property
    def _folder(self) -> SessionFolder:
        return self.fold.folder

    def __call__(self, step: str, round_: int | None) -> int:
        self.update()
        return self.counts().get((step, round_), 0)

    def counts(self) -> dict[StepKey, int]:
        """The live entries of each (step, round) of the run, as folded so far."""
        if self._counts is None:
            run_id = self.run_id or (self._folder.runs[-1].run_id if self._folder.runs else None)
            counts: dict[StepKey, int] = {}
            for entry in self._folder.entries.values():
                if entry.run_id == run_id:  # (None: no run yet, and the entry has none)
                    key = (entry.step, entry.round)
                    counts[key] = counts.get(key, 0) + 1
            self._counts = counts
        return self._counts

    def update(self) -> bool:
        """Read what is new in the journal; True if anything was."""
        changed = bool(self.fold.poll())
        if changed:
            self._counts = None
        return changed
