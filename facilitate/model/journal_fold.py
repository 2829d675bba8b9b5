"""What every fold of a session's journal shares: the runs, and each event given to its run."""

from __future__ import annotations

from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, Recorded, RunStarted
from facilitate.model.run_fold import RunFolder


class JournalFolder:
    """What every fold of a session's journal shares: the records counted, the runs by
    number and by id, and each event given to its run; the entries are each fold's own
    (:meth:`_entry_added`, :meth:`_entry_edited`, :meth:`_entry_deleted`). A record the
    fold cannot place goes to :meth:`_ignore`."""

    def __init__(self) -> None:
        self.runs: list[RunFolder] = []
        self.by_id: dict[str, RunFolder] = {}
        self.events = 0
        self.last_seq = 0
        self.first_at: str | None = None
        self.last_at: str | None = None

    def apply(self, record: Recorded) -> None:
        """Fold one more record in (records must come in journal order)."""
        self.events += 1
        self.last_seq = record.seq
        if self.first_at is None:
            self.first_at = record.at
        self.last_at = record.at
        event = record.event
        match event:
            case RunStarted():
                self._run_started(record, event)
            case EntryAdded():
                self._entry_added(record, event)
            case EntryEdited():
                self._entry_edited(record, event)
            case EntryDeleted():
                self._entry_deleted(record, event)
            case _:
                self._run_event(record)

    def _ignore(self, record: Recorded) -> None:
        """A record that names what is not there (a run started twice, an unknown run)."""

    def _entry_added(self, record: Recorded, event: EntryAdded) -> None:
        raise NotImplementedError

    def _entry_edited(self, record: Recorded, event: EntryEdited) -> None:
        raise NotImplementedError

    def _entry_deleted(self, record: Recorded, event: EntryDeleted) -> None:
        raise NotImplementedError

    def _run_started(self, record: Recorded, event: RunStarted) -> None:
        run = RunFolder(len(self.runs) + 1, event, record.at)
        if run.run_id in self.by_id:  # a second start of the same run: damage
            self._ignore(record)
            return
        if self.runs:
            self.runs[-1].superseded()
        self.runs.append(run)
        self.by_id[run.run_id] = run

    def _run_of(self, run_id: str | None) -> RunFolder | None:
        """The run an event names (None: the latest run)."""
        if run_id is None:
            return self.runs[-1] if self.runs else None
        return self.by_id.get(run_id)

    def _run_event(self, record: Recorded) -> None:
        run = self._run_of(getattr(record.event, "run_id", None))
        if run is None:  # a timer event with no run to belong to
            self._ignore(record)
            return
        run.apply(record)

    def _entry_run_id(self, event: EntryAdded) -> str | None:
        """The run an entry belongs to (0.1.0 recorded none: the latest run)."""
        if event.run_id is None and self.runs:
            return self.runs[-1].run_id
        return event.run_id
