"""Reading a journal from an offset: only what is new, never past an unfinished line, and a
journal cut short or replaced is noticed and read again from the start."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from facilitate.errors import JournalError
from facilitate.model.events import EntryAdded
from facilitate.store.line_format import Replay
from facilitate.store.reader import START, JournalBatch, JournalReader, read_after
from facilitate.store.session import Session
from facilitate.store.store import SessionStore


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return SessionStore(tmp_path).create(title="Follow", date="2026-11-22")


def add(session: Session, *texts: str) -> None:
    for text in texts:
        event = EntryAdded(entry_id=text, kind="note", text=text)
        session.append(event, author="a", role="b")


def texts(batch: JournalBatch | Replay) -> list[str]:
    return [r.event.text for r in batch.records if isinstance(r.event, EntryAdded)]


def test_each_read_returns_only_what_was_added_since(session: Session) -> None:
    add(session, "one", "two")
    first = session.read_after()
    assert texts(first) == ["one", "two"] and not first.restarted
    assert first.position.offset == session.journal_path.stat().st_size
    assert (first.position.line, first.position.last_seq) == (2, 2)
    assert texts(session.read_after(first.position)) == []
    add(session, "three")
    second = session.read_after(first.position)
    assert texts(second) == ["three"] and [r.seq for r in second.records] == [3]
    assert second.position.line == 3


def test_a_read_stops_before_an_unfinished_line_and_takes_it_once_finished(
    session: Session,
) -> None:
    add(session, "one")
    line = session.journal_path.read_bytes()
    half = line.replace(b'"one"', b'"two"').replace(b'"seq":1', b'"seq":2')
    with open(session.journal_path, "ab") as file:
        file.write(half[:30])
    first = read_after(session.path)
    assert texts(first) == ["one"] and first.unfinished == 30
    assert first.warnings == []  # a writer may be half-way: not damage (yet)
    with open(session.journal_path, "ab") as file:
        file.write(half[30:])
    second = read_after(session.path, first.position)
    assert texts(second) == ["two"] and second.unfinished == 0


def test_warnings_name_the_line_in_the_whole_journal(session: Session) -> None:
    add(session, "one", "two")
    first = session.read_after()
    with open(session.journal_path, "ab") as file:
        file.write(b"garbage\n")
    add(session, "four")
    second = session.read_after(first.position)
    assert texts(second) == ["four"]
    assert [str(w) for w in second.warnings] == [
        f"{session.journal_path}:3: not a readable record, skipped"
    ]


def test_a_sequence_number_out_of_order_is_noticed_across_reads(session: Session) -> None:
    add(session, "one", "two")
    first = session.read_after()
    old = json.loads(session.journal_path.read_text().splitlines()[0])
    with open(session.journal_path, "a") as file:
        file.write(json.dumps(old) + "\n")
    second = session.read_after(first.position)
    assert any("sequence number 1 is out of order" in str(w) for w in second.warnings)


def test_a_journal_cut_short_is_read_again_from_the_start(session: Session) -> None:
    add(session, "one", "two", "three")
    first = session.read_after()
    content = session.journal_path.read_bytes()
    with open(session.journal_path, "r+b") as file:
        file.truncate(content.index(b"\n") + 1)
    again = session.read_after(first.position)
    assert again.restarted and texts(again) == ["one"]
    assert "replaced or cut short" in str(again.warnings[0])


def test_a_replaced_journal_is_read_again_from_the_start(session: Session) -> None:
    add(session, "one", "two")
    first = session.read_after()
    content = session.journal_path.read_bytes()
    replacement = session.path / "new.jsonl"
    replacement.write_bytes(content + content.replace(b'"one"', b'"uno"'))
    os.replace(replacement, session.journal_path)  # a new inode, longer than before
    again = session.read_after(first.position)
    assert again.restarted and texts(again)[:2] == ["one", "two"] and len(again.records) == 4


def test_a_journal_rewritten_in_place_is_noticed_by_its_bytes(session: Session) -> None:
    add(session, "one", "two")
    first = session.read_after()
    content = session.journal_path.read_bytes()
    with open(session.journal_path, "r+b") as file:  # same inode, same size, other bytes
        file.write(content.replace(b'"two"', b'"owt"'))
    again = session.read_after(first.position)
    assert again.restarted and texts(again) == ["one", "owt"]


def test_a_newer_version_line_is_refused_by_the_reader_too(session: Session) -> None:
    add(session, "one")
    first = session.read_after()
    newer = {"v": 99, "seq": 2, "at": "x", "author": "a", "role": "b", "type": "x", "data": {}}
    with open(session.journal_path, "a") as file:
        file.write(json.dumps(newer) + "\n")
    with pytest.raises(JournalError, match="newer version"):
        session.read_after(first.position)


def test_a_follower_polls_with_a_stat_and_reads_only_on_change(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = session.follow()
    assert isinstance(reader, JournalReader) and reader.position == START
    add(session, "one")
    batch = reader.poll()
    assert batch is not None and texts(batch) == ["one"]
    opened: list[str] = []
    real_open = os.open

    def spy(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    assert reader.poll() is None and reader.poll() is None
    assert opened == []  # nothing changed: nothing opened, nothing read
    monkeypatch.undo()
    add(session, "two")
    batch = reader.poll()
    assert batch is not None and texts(batch) == ["two"]


def test_replay_still_warns_about_an_unfinished_last_line(session: Session) -> None:
    add(session, "one")
    with open(session.journal_path, "ab") as file:
        file.write(b'{"v":1,"seq"')
    assert texts(session.replay()) == ["one"]
    assert [str(w) for w in session.warnings] == [
        f"{session.journal_path}:2: an unfinished last line (a write cut short, never saved)"
        " was skipped"
    ]
