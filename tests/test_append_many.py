"""Batch appends: many events under one lock and one fsync, all or nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import facilitate.store.session as session_module
from facilitate.errors import JournalError
from facilitate.model.events import EntryAdded, Event
from facilitate.store.session import JournalChanged
from facilitate.store.store import SessionStore


def note(entry_id: str, text: str = "x") -> EntryAdded:
    return EntryAdded(entry_id=entry_id, kind="note", text=text)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def test_a_batch_is_numbered_on_from_the_journal_and_replays_as_acknowledged(
    store: SessionStore,
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("first"), author="a", role="b")
    acked = session.append_many(
        [note(f"n{i}", f"Åsa 🎉 {i}") for i in range(5)], author="a", role="b"
    )
    assert [r.seq for r in acked] == [2, 3, 4, 5, 6]
    assert len({r.at for r in acked}) == 1
    assert store.open(session.id).records()[1:] == acked
    assert [e.text for e in session.state().entries][1:] == [f"Åsa 🎉 {i}" for i in range(5)]


def test_a_batch_takes_one_lock_and_one_fsync(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("first"), author="a", role="b")
    fsyncs: list[int] = []
    locks: list[str] = []
    real_fsync, real_locked = os.fsync, session_module.folder_locked

    def counting_fsync(fd: int) -> None:
        fsyncs.append(fd)
        real_fsync(fd)

    def counting_lock(path: Path, session_id: str):  # type: ignore[no-untyped-def]
        locks.append(session_id)
        return real_locked(path, session_id)

    monkeypatch.setattr(os, "fsync", counting_fsync)
    monkeypatch.setattr(session_module, "folder_locked", counting_lock)
    session.append_many([note(f"n{i}") for i in range(1000)], author="a", role="b")
    assert len(fsyncs) == 1
    assert len(locks) == 1
    assert len(session.records()) == 1001


def test_a_failed_write_leaves_nothing_of_the_batch(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("first"), author="a", role="b")
    before = session.journal_path.read_bytes()

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) * 2 // 3])  # two records and a half written
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(session_module, "write_all", disk_full)
    with pytest.raises(JournalError, match="nothing was saved"):
        session.append_many([note(f"n{i}") for i in range(4)], author="a", role="b")
    assert session.journal_path.read_bytes() == before
    monkeypatch.undo()
    assert [r.seq for r in session.append_many([note("a"), note("b")], author="a", role="b")] == [
        2,
        3,
    ]


def test_a_failed_fsync_cuts_the_batch_back_too(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("first"), author="a", role="b")
    before = session.journal_path.read_bytes()
    real_fsync = os.fsync
    calls: list[int] = []

    def failing_once(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_once)
    with pytest.raises(JournalError, match="Input/output error"):
        session.append_many([note("a"), note("b")], author="a", role="b")
    assert session.journal_path.read_bytes() == before


def test_one_event_that_cannot_be_saved_refuses_the_whole_batch(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    bad = EntryAdded(entry_id="bad", kind="note", text="x", value=float("nan"))
    with pytest.raises(JournalError, match="cannot be saved"):
        session.append_many([note("a"), bad, note("c")], author="a", role="b")

    class Invented(Event):
        TYPE = "invented"

    with pytest.raises(JournalError, match="not a known event type"):
        session.append_many([note("a"), Invented()], author="a", role="b")
    assert session.journal_path.read_bytes() == b""


def test_after_seq_refuses_a_batch_when_the_journal_moved_on(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("first"), author="a", role="b")
    seen = session.state().last_seq
    store.open(session.id).append(note("meanwhile"), author="other", role="b")
    with pytest.raises(JournalChanged, match="changed"):
        session.append_many([note("mine")], author="a", role="b", after_seq=seen)
    assert [e.entry_id for e in session.state().entries] == ["first", "meanwhile"]
    fresh = session.state().last_seq
    assert session.append_many([note("mine")], author="a", role="b", after_seq=fresh)[0].seq == 3


def test_an_empty_batch_writes_nothing(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    assert session.append_many([], author="a", role="b") == []
    assert session.journal_path.read_bytes() == b""
