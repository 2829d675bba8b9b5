"""The session store on disk: layout, ids, appends under a lock, crashes and replay."""

from __future__ import annotations

import errno
import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import facilitate.store.locks as locks_module
import facilitate.store.session as session_module
from facilitate.errors import InvalidFileError, JournalError, NotFoundError, UsageError
from facilitate.model.events import (
    EntryAdded,
    EntryDeleted,
    Event,
    Recorded,
    RunStarted,
    StepStarted,
    TimerPaused,
)
from facilitate.model.session import ResumePoint
from facilitate.store.files import LOCK_FILE
from facilitate.store.ids import slugify
from facilitate.store.session import Session
from facilitate.store.store import SessionStore

REPO = Path(__file__).resolve().parents[1]
UUID4 = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


class FakeClock:
    """Wall-clock times one second apart, starting at a fixed moment."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 10, 0, tzinfo=timezone(timedelta(hours=1)))

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions", now=FakeClock())


def note(text: str, entry_id: str | None = None) -> EntryAdded:
    return EntryAdded(entry_id=entry_id or text, kind="note", text=text)


def added(record: Recorded) -> EntryAdded:
    """The note a record holds (these tests only read back notes)."""
    assert isinstance(record.event, EntryAdded)
    return record.event


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- creating and opening -------------------------------------------------------------------


def test_create_writes_a_header_and_an_empty_journal(store: SessionStore) -> None:
    session = store.create(
        title="Eslöv: Samverkan",
        date="2026-11-22",
        place="Eslöv",
        method="world-cafe",
        facilitators=["Anna", " Per "],
    )
    assert session.id == "2026-11-22-eslov-samverkan"
    assert sorted(p.name for p in session.path.iterdir()) == ["journal.jsonl", "session.json"]
    header = json.loads((session.path / "session.json").read_text(encoding="utf-8"))
    assert header["title"] == "Eslöv: Samverkan"
    assert header["facilitators"] == ["Anna", "Per"]
    assert (header["schema_version"], header["status"]) == (2, "active")
    assert re.fullmatch(UUID4, header["uuid"])
    assert header["created_at"] == "2026-11-22T10:00:01+01:00"
    assert (session.path / "journal.jsonl").read_bytes() == b""
    assert store.open(session.id).header == session.header


def test_the_same_title_on_the_same_day_gets_a_numbered_id(store: SessionStore) -> None:
    ids = [store.create(title="Workshop", date="2026-11-22").id for _ in range(3)]
    assert ids == ["2026-11-22-workshop", "2026-11-22-workshop-2", "2026-11-22-workshop-3"]


def test_the_date_defaults_to_today_by_the_store_clock(store: SessionStore) -> None:
    assert store.create(title="Fika").id == "2026-11-22-fika"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Eslöv: Samverkan & medskapande!", "eslov-samverkan-medskapande"),
        ("Blåbær på Ærø", "blabaer-pa-aero"),
        ("  ---  ", ""),
        ("a" * 70 + " b", "a" * 32),
        ("ord " * 30, ("ord-" * 8).rstrip("-")),
    ],
)
def test_slugs_are_lower_case_ascii_words(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_a_title_without_letters_still_gets_an_id(store: SessionStore) -> None:
    assert store.create(title="???", date="2026-11-22").id == "2026-11-22-session"


@pytest.mark.parametrize(
    "bad_id",
    [
        "../etc",
        "a/b",
        "..",
        ".hidden",
        "",
        "UPPER",
        "with space",
        "å-id",
        "x" * 81,
        "-x",
        "/abs",
    ],
)
def test_unsafe_ids_are_rejected_with_a_clear_error(store: SessionStore, bad_id: str) -> None:
    with pytest.raises(UsageError, match="invalid session id"):
        store.open(bad_id)


def test_an_unknown_id_is_not_found_with_a_hint(store: SessionStore) -> None:
    store.create(title="Eslöv samverkan", date="2026-11-22")
    with pytest.raises(NotFoundError, match=r"did you mean '2026-11-22-eslov-samverkan'"):
        store.open("2026-11-22-eslov-samverkn")


def test_bad_header_fields_are_usage_errors_and_create_nothing(store: SessionStore) -> None:
    with pytest.raises(UsageError, match="date: expected a date yyyy-mm-dd"):
        store.create(title="X", date="22/11/2026")
    with pytest.raises(UsageError, match="--method or --plan"):
        store.create(title="X", method="a", plan="b")
    assert store.ids() == []


def test_a_damaged_header_names_the_file_and_field(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    path = session.path / "session.json"
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "date": "tomorrow"}))
    with pytest.raises(InvalidFileError) as caught:
        store.open(session.id)
    assert "session.json: date: expected a date" in str(caught.value)
    path.write_text("{not json")
    with pytest.raises(InvalidFileError, match=r"session\.json:1: not valid JSON"):
        store.open(session.id)


def test_a_header_from_a_newer_version_is_a_clear_error(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    path = session.path / "session.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "schema_version": 3, "new": 1}))
    with pytest.raises(JournalError, match=r"newer version of facilitate \(journal version 3\)"):
        store.open(session.id)


# --- appending and replaying ----------------------------------------------------------------


def test_appends_are_numbered_timed_and_attributed(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    first = session.append(
        RunStarted(method="world-cafe", segments=3), author="Anna", role="facilitator"
    )
    second = session.append(note("Mod"), author="Per", role="note-taker")
    assert (first.seq, second.seq) == (1, 2)
    assert second.at == "2026-11-22T10:00:03.000+01:00"
    raw = lines(session.journal_path)
    assert raw[1] == {
        "v": 1,
        "seq": 2,
        "at": second.at,
        "author": "Per",
        "role": "note-taker",
        "type": "entry_added",
        "data": {
            "entry_id": "Mod",
            "kind": "note",
            "text": "Mod",
            "step": None,
            "round": None,
            "dims": {},
            "value": None,
            "run_id": None,
        },
    }


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name descriptors")
def test_an_append_is_fsynced_after_it_is_written_and_before_it_returns(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create(title="X", date="2026-11-22")
    synced: list[bytes] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}") == str(session.journal_path):
            synced.append(session.journal_path.read_bytes())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    session.append(note("durable"), author="a", role="b")
    assert len(synced) == 1
    assert synced[0].endswith(
        b'"text":"durable","step":null,"round":null,"dims":{},"value":null,"run_id":null}}\n'
    )


def test_replay_gives_back_exactly_what_was_appended(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    events: list[Event] = [
        RunStarted(method="35an", params={"rounds": 5, "pair_split": 7}, speed=60.0, segments=4),
        StepStarted(index=0, step="write", planned_seconds=300.0, remaining_seconds=300.0),
        note('En rad\nmed radbrytning, "citat" och emoji 🎉'),
        TimerPaused(index=0, remaining_seconds=12.5),
    ]
    acked = [session.append(e, author="Anna", role="facilitator") for e in events]
    replayed = store.open(session.id).records()
    assert replayed == acked
    assert session.journal_path.read_text(encoding="utf-8").count("\n") == len(events)


def test_replay_and_state_are_deterministic(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    for i in range(50):
        session.append(note(f"n{i}"), author="Anna", role="facilitator")
    session.append(EntryDeleted(entry_id="n3"), author="Anna", role="facilitator")
    assert session.records() == session.records()
    assert session.state() == store.open(session.id).state()
    assert len(session.state().entries) == 49


def test_an_unregistered_event_type_is_refused(store: SessionStore) -> None:
    class Invented(Event):
        TYPE = "invented"

    session = store.create(title="X", date="2026-11-22")
    with pytest.raises(JournalError, match="not a known event type"):
        session.append(Invented(), author="a", role="b")
    assert session.journal_path.read_bytes() == b""


def test_an_event_that_is_not_json_is_refused_and_nothing_is_written(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    with pytest.raises(JournalError, match="cannot be saved"):
        session.append(
            EntryAdded(entry_id="a", kind="note", text="x", value=float("nan")),
            author="a",
            role="b",
        )
    assert session.journal_path.read_bytes() == b""


def test_a_failed_write_leaves_no_half_record_and_says_nothing_was_saved(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("one"), author="a", role="b")
    before = session.journal_path.read_bytes()

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(session_module, "write_all", disk_full)
    with pytest.raises(JournalError, match="No space left on device; nothing was saved"):
        session.append(note("two"), author="a", role="b")
    assert session.journal_path.read_bytes() == before
    monkeypatch.undo()
    assert session.append(note("three"), author="a", role="b").seq == 2


def test_a_store_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(JournalError, match="Not a directory"):
        SessionStore(blocker / "sessions").create(title="X", date="2026-11-22")


def test_a_store_that_is_a_file_is_a_usage_error_for_every_operation(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    store = SessionStore(blocker)
    calls = [
        lambda: store.create(title="X", date="2026-11-22"),
        lambda: store.open("2026-11-22-x"),
        store.list,
        lambda: store.archive("2026-11-22-x"),
        lambda: store.delete("2026-11-22-x"),
    ]
    for call in calls:
        with pytest.raises(UsageError, match="afile is a file, not a folder"):
            call()
    assert blocker.read_text() == "not a folder"


# --- torn lines, damage and newer versions -------------------------------------------------


def test_a_torn_last_line_is_skipped_with_a_warning_and_never_merges(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    for text in ("one", "two"):
        session.append(note(text), author="Anna", role="facilitator")
    torn = b'{"v":1,"seq":3,"at":"2026-11-22T10:00:09","author":"Anna","role":"facilitator","ty'
    with open(session.journal_path, "ab") as file:
        file.write(torn)

    reader = store.open(session.id)
    assert [added(r).text for r in reader.records()] == ["one", "two"]
    assert any(
        "unfinished last line" in str(w) and "journal.jsonl:3" in str(w) for w in reader.warnings
    )

    third = session.append(note("three"), author="Per", role="note-taker")
    assert third.seq == 3
    assert (session.path / "journal.torn").read_bytes() == torn + b"\n"
    assert any("moved to journal.torn" in str(w) for w in session.warnings)
    after = store.open(session.id)
    assert [added(r).text for r in after.records()] == ["one", "two", "three"]
    assert after.warnings == []


def test_a_journal_that_is_only_a_torn_line_starts_again_at_one(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.journal_path.write_bytes(b'{"v":1,"se')
    assert session.records() == []
    assert session.append(note("first"), author="a", role="b").seq == 1
    assert [r.seq for r in session.records()] == [1]


def test_zero_bytes_left_by_a_power_cut_are_treated_as_a_torn_tail(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("one"), author="a", role="b")
    with open(session.journal_path, "ab") as file:
        file.write(b"\x00" * 300)
    assert [r.seq for r in session.records()] == [1]
    assert session.append(note("two"), author="a", role="b").seq == 2
    assert [added(r).text for r in session.records()] == ["one", "two"]


def test_a_damaged_line_in_the_middle_is_skipped_but_the_rest_is_read(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    for text in ("one", "two", "three"):
        session.append(note(text), author="a", role="b")
    content = session.journal_path.read_text().splitlines()
    content[1] = content[1][:20] + "garbage"
    session.journal_path.write_text("\n".join(content) + "\n")
    assert [added(r).text for r in session.records()] == ["one", "three"]
    assert any("journal.jsonl:2: not a readable record" in str(w) for w in session.warnings)
    assert session.append(note("four"), author="a", role="b").seq == 4


def test_a_record_from_a_newer_version_is_a_clear_error(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("one"), author="a", role="b")
    newer = {
        "v": 2,
        "seq": 2,
        "at": "x",
        "author": "a",
        "role": "b",
        "type": "entry_added",
        "data": {},
    }
    with open(session.journal_path, "a") as file:
        file.write(json.dumps(newer) + "\n")
    message = r"written by a newer version of facilitate \(journal version 2\); upgrade to read it"
    with pytest.raises(JournalError, match=message):
        session.records()
    with pytest.raises(JournalError, match=message):
        session.append(note("two"), author="a", role="b")


def _write_after(session: Session, *objects: dict) -> None:
    with open(session.journal_path, "a") as file:
        for obj in objects:
            file.write(json.dumps(obj) + "\n")


def test_an_unknown_event_type_is_damage_skipped_and_appending_goes_on(
    store: SessionStore,
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("one"), author="a", role="b")
    unknown = {"v": 1, "seq": 2, "at": "x", "author": "a", "role": "b", "type": "dot_placed"}
    _write_after(session, {**unknown, "data": {}})
    assert [r.event.text for r in session.records()] == ["one"]
    assert [str(w) for w in session.warnings] == [
        f"{session.journal_path}:2: unknown event type 'dot_placed' (a damaged line),"
        " record skipped"
    ]
    assert session.append(note("three"), author="a", role="b").seq == 3
    assert [r.seq for r in session.records()] == [1, 3]


@pytest.mark.parametrize(
    ("data", "warning"),
    [
        (
            {"entry_id": "e2", "kind": "note", "text": 456},
            "entry_added: field 'text' has a value of the wrong type",
        ),
        ({"entry_id": "e2", "kind": "note"}, "entry_added: field 'text' is missing"),
        (
            {"entry_id": "e2", "kind": "note", "text": "x", "dims": {"story": 3}},
            "entry_added: field 'dims' has a value of the wrong type",
        ),
        (
            {"entry_id": "e2", "kind": "note", "text": "x", "round": 0},
            "entry_added: field 'round' has a value of the wrong type",
        ),
    ],
)
def test_a_record_with_a_field_of_the_wrong_type_is_skipped_naming_line_and_field(
    store: SessionStore, data: dict, warning: str
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("one"), author="a", role="b")
    envelope = {"v": 1, "seq": 2, "at": "x", "author": "a", "role": "b", "type": "entry_added"}
    _write_after(session, {**envelope, "data": data})
    session.append(note("three"), author="a", role="b")
    state = session.state()
    assert [e.text for e in state.entries] == ["one", "three"]
    assert [str(w) for w in session.warnings] == [
        f"{session.journal_path}:2: {warning}, record skipped"
    ]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ({"v": 1, "seq": 2, "at": "x", "author": "a", "role": "b", "data": {}}, "type"),
        ({"v": 1, "seq": "2", "at": "x", "author": "a", "role": "b", "type": "x"}, "seq"),
    ],
)
def test_a_broken_envelope_names_its_field(store: SessionStore, line: dict, field: str) -> None:
    session = store.create(title="X", date="2026-11-22")
    _write_after(session, line)
    assert session.records() == []
    assert [str(w) for w in session.warnings] == [
        f"{session.journal_path}:1: field {field!r} is missing or invalid, record skipped"
    ]


def test_nan_is_not_a_number_the_journal_reads(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(RunStarted(method="m", segments=1), author="a", role="b")
    with open(session.journal_path, "a") as file:
        file.write(
            '{"v":1,"seq":2,"at":"x","author":"a","role":"b","type":"timer_paused",'
            '"data":{"index":0,"remaining_seconds":NaN}}\n'
        )
    assert [r.seq for r in session.records()] == [1]
    assert [str(w) for w in session.warnings] == [
        f"{session.journal_path}:2: not a readable record, skipped"
    ]


def test_a_number_too_large_for_a_float_is_not_a_number_the_journal_reads(
    store: SessionStore,
) -> None:
    session = store.create(title="X", date="2026-11-22")
    with open(session.journal_path, "a") as file:
        file.write(
            '{"v":1,"seq":1,"at":"x","author":"a","role":"b","type":"run_started",'
            '"data":{"method":"@timer","params":{"seconds":1e999}}}\n'
        )
    assert session.records() == []
    assert [str(w) for w in session.warnings] == [
        f"{session.journal_path}:1: not a readable record, skipped"
    ]


def test_a_step_started_written_before_titles_existed_is_read_with_no_title(
    store: SessionStore,
) -> None:
    session = store.create(title="X", date="2026-11-22")
    old = {
        "v": 1,
        "seq": 1,
        "at": "2026-11-22T10:00:00.000+01:00",
        "author": "Anna",
        "role": "facilitator",
        "type": "step_started",
        "data": {"index": 0, "step": "intro", "round": None, "planned_seconds": 300.0},
    }
    session.journal_path.write_text(json.dumps(old) + "\n")
    (record,) = session.records()
    assert isinstance(record.event, StepStarted)
    assert (record.event.step, record.event.title) == ("intro", None)
    assert [str(w) for w in session.warnings] == []


# --- archive, delete, list, lock ---------------------------------------------------------------


def test_archive_keeps_the_session_and_marks_it(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("kept"), author="a", role="b")
    assert store.archive(session.id) is True
    assert store.archive(session.id) is False
    reopened = store.open(session.id)
    assert reopened.header.status == "archived"
    assert reopened.state().status == "archived"
    assert [e.text for e in reopened.state().entries] == ["kept"]
    assert not [p for p in session.path.iterdir() if p.name.endswith(".tmp")]


def test_delete_removes_the_session_and_a_stale_handle_cannot_write(store: SessionStore) -> None:
    session = store.create(title="X", date="2026-11-22")
    store.delete(session.id)
    assert list(store.root.iterdir()) == []
    with pytest.raises(NotFoundError):
        store.open(session.id)
    with pytest.raises(NotFoundError, match="no longer exists"):
        session.append(note("late"), author="a", role="b")


def test_list_is_newest_first_and_keeps_damaged_sessions_apart(store: SessionStore) -> None:
    store.create(title="Old", date="2025-01-01")
    running = store.create(title="New", date="2026-11-22")
    running.append(RunStarted(method="world-cafe", segments=2), author="a", role="b")
    running.append(StepStarted(index=0, step="intro", planned_seconds=60), author="a", role="b")
    broken = store.create(title="Broken", date="2026-01-01")
    (broken.path / "session.json").write_text("[]")
    (store.root / "not-a-session").mkdir()
    summaries = store.list()
    assert [s.header.id for s in summaries] == ["2026-11-22-new", "2025-01-01-old"]
    assert summaries[0].status == "running"
    assert summaries[0].resume_point == ResumePoint(0, 60, False, "intro")
    (damaged,) = store.damaged
    assert damaged.id == "2026-01-01-broken" and damaged.path == broken.path
    assert "session.json" in str(damaged.problem) and "\n" not in str(damaged.problem)
    assert store.warnings == []


@pytest.mark.parametrize("damage", ["corrupt", "missing"])
def test_a_session_with_a_damaged_header_is_listed_as_damaged_and_can_be_deleted(
    store: SessionStore, damage: str
) -> None:
    session = store.create(title="X", date="2026-11-22")
    session.append(note("kept"), author="a", role="b")
    header = session.path / "session.json"
    if damage == "corrupt":
        header.write_text("{")
    else:
        header.unlink()
    store.list()
    assert [d.id for d in store.damaged] == [session.id]
    with pytest.raises(InvalidFileError, match=r"session\.json"):
        store.open(session.id)
    store.delete(session.id)
    assert not session.path.exists()
    assert store.list() == [] and store.damaged == []
    with pytest.raises(NotFoundError):
        store.delete(session.id)


def test_a_session_locked_too_long_gives_a_clear_error(
    store: SessionStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = store.create(title="X", date="2026-11-22")
    monkeypatch.setattr(locks_module, "LOCK_TIMEOUT_SECONDS", 0.05)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(session.path / LOCK_FILE)],
        stdout=subprocess.PIPE,
        stdin=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(JournalError, match="locked by another program"):
            session.append(note("blocked"), author="a", role="b")
    finally:
        holder.communicate("")
    assert session.append(note("after"), author="a", role="b").seq == 1


HOLDER = textwrap.dedent(
    """
    import fcntl, os, sys
    fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    print("held", flush=True)
    sys.stdin.read()
    """
)


# --- several writers, and writers killed mid-flight --------------------------------------------

WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from facilitate.store.store import SessionStore
    from facilitate.model.events import EntryAdded

    root, session_id, name, count, go = sys.argv[1:6]
    session = SessionStore(Path(root)).open(session_id)
    while not os.path.exists(go):
        time.sleep(0.001)
    for i in range(int(count)):
        record = session.append(
            EntryAdded(entry_id=f"{name}-{i}", kind="note", text=f"{name} {i} " + "x" * (i % 300)),
            author=name,
            role="note-taker",
        )
        print(record.seq, i, flush=True)
    """
)


def spawn_writer(
    store: SessionStore, session_id: str, name: str, count: int, go: Path
) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store.root), session_id, name, str(count), str(go)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_four_processes_appending_500_each_lose_and_duplicate_nothing(
    store: SessionStore, tmp_path: Path
) -> None:
    session = store.create(title="Shared", date="2026-11-22")
    go = tmp_path / "go"
    writers = [spawn_writer(store, session.id, f"w{n}", 500, go) for n in range(4)]
    go.touch()
    acked: dict[str, list[tuple[int, int]]] = {}
    for n, writer in enumerate(writers):
        output, _ = writer.communicate(timeout=300)
        assert writer.returncode == 0
        acked[f"w{n}"] = [(int(seq), int(i)) for seq, i in map(str.split, output.splitlines())]

    raw = session.journal_path.read_bytes()
    assert raw.endswith(b"\n") and raw.count(b"\n") == 2000
    records = store.open(session.id).records()
    assert [r.seq for r in records] == list(range(1, 2001))
    assert len({added(r).entry_id for r in records}) == 2000
    for name, pairs in acked.items():
        mine = [r for r in records if r.author == name]
        assert [added(r).entry_id for r in mine] == [f"{name}-{i}" for i in range(500)]
        assert [(r.seq, int(added(r).entry_id.split("-")[1])) for r in mine] == pairs
        assert all(added(r).text.startswith(f"{name} ") for r in mine)
    assert len(store.open(session.id).state().entries) == 2000


def test_a_writer_killed_at_random_moments_loses_no_acknowledged_event(
    store: SessionStore, tmp_path: Path
) -> None:
    session = store.create(title="Crash", date="2026-11-22")
    go = tmp_path / "go"
    go.touch()
    rng = random.Random(20261122)
    acked: dict[int, str] = {}
    for round_ in range(6):
        writer = spawn_writer(store, session.id, f"k{round_}", 100_000, go)
        assert writer.stdout is not None
        seen = [writer.stdout.readline()]  # wait until it has saved something
        reader = threading.Thread(target=lambda w=writer, s=seen: s.extend(w.stdout))
        reader.start()
        time.sleep(rng.uniform(0.0, 0.3))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        reader.join()
        assert writer.returncode == -signal.SIGKILL
        for line in seen:
            if line.endswith("\n"):  # a line cut short was never fully acknowledged
                seq, i = map(int, line.split())
                acked[seq] = f"k{round_}-{i}"
        assert store.open(session.id).records()  # readable after every kill

    assert len(acked) > 6
    records = store.open(session.id).records()
    by_seq = {r.seq: added(r).entry_id for r in records}
    assert len(by_seq) == len(records), "duplicate sequence numbers"
    assert [r.seq for r in records] == sorted(by_seq)
    for seq, entry_id in acked.items():
        assert by_seq.get(seq) == entry_id
    assert len({added(r).entry_id for r in records}) == len(records)
    after = session.append(note("still writable"), author="a", role="b")
    assert after.seq == max(by_seq) + 1
    assert added(store.open(session.id).records()[-1]).text == "still writable"


def test_a_session_being_run_cannot_be_deleted(tmp_path: Path) -> None:
    from facilitate.store.locks import SessionBusyError

    store = SessionStore(tmp_path)
    session = store.create(title="Live")
    with session.run_lock(), pytest.raises(SessionBusyError, match="quit that run"):
        store.delete(session.id)
    store.delete(session.id)
    assert not session.path.exists()
