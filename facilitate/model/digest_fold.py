"""The digest folded one record at a time, and carried on from a digest kept on disk.

:class:`DigestFolder` folds records like :class:`~facilitate.model.session.SessionFolder`
but keeps no entry's content: the runs (through the same :class:`RunFolder`), and per live
entry only its id, where it counts (run, step, round, kind) and the sequence number of the
record that added it; the ids of deleted entries. That is all a later record needs to fold
on exactly as a whole fold would (a second add of an id, an edit or a delete of an unknown
one are ignored the same way), so :meth:`DigestFolder.to_data` can be kept beside the
journal and :meth:`DigestFolder.from_data` carries on from it: the digest of a prefix with
the rest folded on is the digest of the whole journal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from facilitate.model.entries import upgrade_kind
from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, Recorded, RunStarted
from facilitate.model.run_fold import RunFolder
from facilitate.model.session_digest import EntryCount, SessionDigest, counts_of
from facilitate.model.session_header import SessionHeader

Place = tuple[str | None, str | None, int | None, str]
"""Where an entry counts: its run's id, step, round and kind."""


class DigestFolder:
    """The incremental fold of a session's digest (see the module)."""

    def __init__(self) -> None:
        self.runs: list[RunFolder] = []
        self.by_id: dict[str, RunFolder] = {}
        self.live: dict[str, tuple[Place, int]] = {}
        """Live entry id -> where it counts and the seq of the record that added it."""
        self.deleted: set[str] = set()
        self.counts: Counter[Place] = Counter()
        self.events = 0
        self.last_seq = 0
        self.first_at: str | None = None
        self.last_at: str | None = None

    def apply_all(self, records: Iterable[Recorded]) -> DigestFolder:
        for record in records:
            self.apply(record)
        return self

    def apply(self, record: Recorded) -> None:
        """Fold one more record in (records must come in journal order)."""
        self.events += 1
        self.last_seq = record.seq
        if self.first_at is None:
            self.first_at = record.at
        self.last_at = record.at
        event = record.event
        if isinstance(event, RunStarted):
            self._run_started(record, event)
        elif isinstance(event, EntryAdded):
            self._entry_added(record, event)
        elif isinstance(event, EntryDeleted):
            self._entry_deleted(event)
        elif not isinstance(event, EntryEdited):  # an edit changes no count
            run = self._run_of(getattr(event, "run_id", None))
            if run is not None:
                run.apply(record)

    def _run_started(self, record: Recorded, event: RunStarted) -> None:
        run = RunFolder(len(self.runs) + 1, event, record.at)
        if run.run_id in self.by_id:
            return
        if self.runs:
            self.runs[-1].superseded()
        self.runs.append(run)
        self.by_id[run.run_id] = run

    def _run_of(self, run_id: str | None) -> RunFolder | None:
        if run_id is None:
            return self.runs[-1] if self.runs else None
        return self.by_id.get(run_id)

    def _entry_added(self, record: Recorded, event: EntryAdded) -> None:
        entry_id = event.entry_id
        if entry_id in self.live or entry_id in self.deleted:
            return
        run_id = event.run_id
        if run_id is None and self.runs:
            run_id = self.runs[-1].run_id
        place = (run_id, event.step, event.round, upgrade_kind(event.kind)[0])
        self.live[entry_id] = (place, record.seq)
        self.counts[place] += 1

    def _entry_deleted(self, event: EntryDeleted) -> None:
        gone = self.live.pop(event.entry_id, None)
        if gone is None:
            return
        self.deleted.add(event.entry_id)
        self.counts[gone[0]] -= 1
        if not self.counts[gone[0]]:
            del self.counts[gone[0]]

    def digest(
        self, header: SessionHeader | None, warnings: Sequence[Any], offset: int
    ) -> SessionDigest:
        """The digest folded so far (of a journal's first ``offset`` bytes)."""
        return SessionDigest(
            header=header,
            entries=len(self.live),
            deleted_entries=len(self.deleted),
            events=self.events,
            last_seq=self.last_seq,
            first_at=self.first_at,
            last_at=self.last_at,
            runs=tuple(run.result() for run in self.runs),
            warnings=tuple(warnings),
            offset=offset,
            counts=counts_of(self.counts.items()),
        )

    # -- kept on disk ----------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """What :meth:`from_data` needs besides the digest: the runs' step labels and the
        entries' ids, grouped by where they count (JSON-ready)."""
        groups: dict[Place, list[Any]] = {}
        for entry_id, (place, seq) in self.live.items():
            groups.setdefault(place, []).extend((entry_id, seq))
        return {
            "labels": [run.labels_data() for run in self.runs],
            "live": [[*place, ids] for place, ids in groups.items()],
            "deleted": sorted(self.deleted),
        }

    @classmethod
    def from_data(cls, digest: SessionDigest, data: dict[str, Any]) -> DigestFolder:
        """Carry on from ``digest`` and its :meth:`to_data`; ValueError, TypeError or
        KeyError when they are not one."""
        folder = cls()
        labels = data["labels"]
        if not isinstance(labels, list) or len(labels) != len(digest.runs):
            raise ValueError("one list of labels per run")
        for run, run_labels in zip(digest.runs, labels, strict=True):
            restored = RunFolder.restore(run, run_labels)
            folder.runs.append(restored)
            folder.by_id[restored.run_id] = restored
        for group in data["live"]:
            *place_data, ids = group
            place = _place(place_data)
            for entry_id, seq in zip(ids[::2], ids[1::2], strict=True):
                if type(entry_id) is not str or type(seq) is not int:
                    raise ValueError("an entry id and a sequence number")
                folder.live[entry_id] = (place, seq)
                folder.counts[place] += 1
        folder.deleted = {str(entry_id) for entry_id in data["deleted"]}
        folder.events, folder.last_seq = digest.events, digest.last_seq
        folder.first_at, folder.last_at = digest.first_at, digest.last_at
        if folder.counts_tuple() != digest.counts or len(folder.deleted) != digest.deleted_entries:
            raise ValueError("the ids do not give the digest's counts")
        return folder

    def counts_tuple(self) -> tuple[EntryCount, ...]:
        return counts_of(self.counts.items())


def _place(data: list[Any]) -> Place:
    run_id, step, round_, kind = data
    if not all(v is None or type(v) is str for v in (run_id, step)) or type(kind) is not str:
        raise ValueError("a place is a run, a step, a round and a kind")
    if round_ is not None and type(round_) is not int:
        raise ValueError("a round is a whole number")
    return run_id, step, round_, kind


__all__ = ["DigestFolder", "Place"]
