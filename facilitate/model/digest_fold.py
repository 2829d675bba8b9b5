"""The digest folded one record at a time, and carried on from a digest kept on disk.

:class:`DigestFolder` folds records like :class:`~facilitate.model.session.SessionFolder`
but keeps no entry's content: the runs (through the same :class:`RunFolder`), the live
entries counted by where they count (run, step, round, kind), and an :class:`EntryIndex`
of every entry's id with its place and the sequence number of the record that added it.
That is all a later record needs to fold on exactly as a whole fold would (a second add of
an id, an edit or a delete of an unknown one are ignored the same way), so
:meth:`DigestFolder.to_data` and the index's bytes can be kept beside the journal and
:meth:`DigestFolder.from_data` carries on from them: the digest of a prefix with the rest
folded on is the digest of the whole journal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from facilitate.model.entries import upgrade_kind
from facilitate.model.entry_index import EntryIndex
from facilitate.model.events import EntryAdded, EntryDeleted, EntryEdited, Recorded
from facilitate.model.journal_fold import JournalFolder
from facilitate.model.run_fold import RunFolder
from facilitate.model.session_digest import EntryCount, SessionDigest, counts_of
from facilitate.model.session_header import SessionHeader

Place = tuple[str | None, str | None, int | None, str]
"""Where an entry counts: its run's id, step, round and kind."""


class DigestFolder(JournalFolder):
    """The incremental fold of a session's digest (see the module)."""

    def __init__(self, index: EntryIndex | None = None) -> None:
        super().__init__()
        self.places: list[Place] = []
        """Every place an entry was counted at, in the order first seen (numbered from 0)."""
        self._numbers: dict[Place, int] = {}
        self.counts: Counter[int] = Counter()
        """Place number -> how many live entries count there."""
        self.index = index or EntryIndex()
        self.deleted = 0

    def apply_all(self, records: Iterable[Recorded]) -> DigestFolder:
        for record in records:
            self.apply(record)
        return self

    def _number(self, place: Place) -> int:
        number = self._numbers.get(place)
        if number is None:
            number = self._numbers[place] = len(self.places)
            self.places.append(place)
        return number

    def _entry_added(self, record: Recorded, event: EntryAdded) -> None:
        if self.index.known(event.entry_id):
            return
        place = (self._entry_run_id(event), event.step, event.round, upgrade_kind(event.kind)[0])
        number = self._number(place)
        self.index.add(event.entry_id, number, record.seq)
        self.counts[number] += 1

    def _entry_edited(self, record: Recorded, event: EntryEdited) -> None:
        """An edit changes no count."""

    def _entry_deleted(self, record: Recorded, event: EntryDeleted) -> None:
        live = self.index.live(event.entry_id)
        if live is None:
            return
        self.index.delete(event.entry_id)
        self.deleted += 1
        self.counts[live[0]] -= 1

    def entry_counts(self) -> tuple[EntryCount, ...]:
        """The live entries counted by where they count (see :func:`counts_of`)."""
        return counts_of((self.places[number], n) for number, n in self.counts.items())

    def digest(
        self, header: SessionHeader | None, warnings: Sequence[Any], offset: int
    ) -> SessionDigest:
        """The digest folded so far (of a journal's first ``offset`` bytes)."""
        return SessionDigest(
            header=header,
            entries=sum(self.counts.values()),
            deleted_entries=self.deleted,
            events=self.events,
            last_seq=self.last_seq,
            first_at=self.first_at,
            last_at=self.last_at,
            runs=tuple(run.result() for run in self.runs),
            warnings=tuple(warnings),
            offset=offset,
            counts=self.entry_counts(),
        )

    # -- kept on disk ----------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """What :meth:`from_data` needs besides the digest and the index's bytes: the runs'
        step labels, the places and their counts (JSON-ready)."""
        return {
            "labels": [run.labels_data() for run in self.runs],
            "places": [[*place, self.counts[n]] for n, place in enumerate(self.places)],
        }

    @classmethod
    def from_data(
        cls, digest: SessionDigest, data: dict[str, Any], index: EntryIndex
    ) -> DigestFolder:
        """Carry on from ``digest``, its :meth:`to_data` and the index; ValueError,
        TypeError or KeyError when they are not one."""
        folder = cls(index)
        labels = data["labels"]
        if not isinstance(labels, list) or len(labels) != len(digest.runs):
            raise ValueError("one list of labels per run")
        for run, run_labels in zip(digest.runs, labels, strict=True):
            restored = RunFolder.restore(run, run_labels)
            folder.runs.append(restored)
            folder.by_id[restored.run_id] = restored
        for *place, count in data["places"]:
            if type(count) is not int:
                raise ValueError("a count is a whole number")
            folder.counts[folder._number(_place(place))] = count
        folder.deleted = digest.deleted_entries
        folder.events, folder.last_seq = digest.events, digest.last_seq
        folder.first_at, folder.last_at = digest.first_at, digest.last_at
        if folder.entry_counts() != digest.counts:
            raise ValueError("the places do not give the digest's counts")
        return folder


def _place(data: list[Any]) -> Place:
    run_id, step, round_, kind = data
    if not all(v is None or type(v) is str for v in (run_id, step)) or type(kind) is not str:
        raise ValueError("a place is a run, a step, a round and a kind")
    if round_ is not None and type(round_) is not int:
        raise ValueError("a round is a whole number")
    return run_id, step, round_, kind


__all__ = ["DigestFolder", "EntryIndex", "Place"]
