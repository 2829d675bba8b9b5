"""`sessions show --json` and `--all` read the journal twice and write each entry as it is
read: what they write is what the whole fold gives (any mix of runs, adds, retried adds,
edits, deletes, damaged and torn lines, 0.1.0 journals, a journal appended to meanwhile),
and their memory does not grow with the entries."""

from __future__ import annotations

import json
import shutil
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.app.entry_stream import FILTER_BITS, SeenIds, every_entry
from facilitate.errors import InvalidFileError
from facilitate.i18n.messages import Message
from facilitate.model.events import (
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Event,
    RunStarted,
    RunStopped,
    StepEnded,
    StepStarted,
    TimerPaused,
)
from facilitate.model.session import fold
from facilitate.store import tail
from facilitate.store.line_format import encode_record
from facilitate.store.store import SessionStore
from facilitate.store.tail import iter_records
from facilitate.ui.session_json import state_json, stream_json
from facilitate.ui.session_overview import entry_lines

LEGACY = Path(__file__).parent / "data" / "legacy_journals"
AT = "2026-11-22T10:{:02d}:00.000+01:00"

ids = st.sampled_from([f"e{n}" for n in range(8)])
runs = st.sampled_from([None, "r1", "r2", "r3"])
texts = st.text(alphabet='abcåäö \t\x1b\n"\\', max_size=6)
dims = st.dictionaries(st.sampled_from(["story", "lens"]), st.sampled_from(["1", "2"]))
events = st.one_of(
    st.builds(
        EntryAdded,
        entry_id=ids,
        kind=st.sampled_from(["note", "card", "reflektion"]),
        text=texts,
        step=st.sampled_from([None, "welcome", "round"]),
        round=st.sampled_from([None, 1, 2]),
        dims=dims,
        run_id=runs,
    ),
    st.builds(
        EntryEdited,
        entry_id=ids,
        text=st.none() | texts,
        dims=st.none() | dims,
        clear=st.lists(st.sampled_from(["dims", "dims.lens", "value"]), max_size=2),
    ),
    st.builds(EntryDeleted, entry_id=ids, reason=st.none() | texts),
    st.builds(RunStarted, method=st.sampled_from(["world-cafe", "@timer"]), run_id=runs.map(str)),
    st.builds(
        StepStarted,
        index=st.integers(0, 2),
        step=st.sampled_from(["welcome", "round"]),
        round=st.sampled_from([None, 1]),
        title=st.none() | texts,
        run_id=runs,
    ),
    st.builds(TimerPaused, index=st.integers(0, 2), remaining_seconds=st.just(30.0), run_id=runs),
    st.builds(
        StepEnded,
        index=st.integers(0, 2),
        outcome=st.just("completed"),
        elapsed_seconds=st.just(60.0),
        remaining_seconds=st.just(0.0),
        run_id=runs,
    ),
    st.builds(
        RunStopped,
        index=st.integers(0, 2),
        remaining_seconds=st.just(10.0),
        paused=st.booleans(),
        reason=st.just("stopped"),
        run_id=runs,
    ),
)
damage = st.sampled_from([b"", b"not json\n", b'{"v":1,"seq":"x"}\n', b"\n"])


def journal(items: list[tuple[Event, bytes]], torn: bool) -> bytes:
    """The events as journal lines (a damaged line after some), a torn line at the end."""
    lines = []
    for seq, (event, after) in enumerate(items, 1):
        lines.append(encode_record(seq, AT.format(seq % 60), "Anna", "facilitator", event))
        lines.append(after)
    return b"".join(lines) + (b'{"v":1,"seq":99' if torn else b"")


def streamed(
    store: SessionStore, session_id: str, filter_bits: int = FILTER_BITS
) -> tuple[str, list[str], list[Message]]:
    """What --json and --all write, read twice (and the first read's warnings)."""
    with every_entry(store, session_id, filter_bits=filter_bits) as read:
        document = "".join(stream_json(read.session.id, read.session.path, read.state, read))
        warnings = read.warnings
    with every_entry(store, session_id, filter_bits=filter_bits) as read:
        lines = list(entry_lines(read.state, read))
    return document, lines, warnings


def folded(store: SessionStore, session_id: str) -> tuple[str, list[str], list[Message]]:
    """What they wrote before: the whole journal folded, then written."""
    session = store.open(session_id)
    warnings: list[Message] = []
    state = fold(list(iter_records(session.path, warnings)), session.header)
    document = "".join(state_json(session.id, session.path, state))
    return document, list(entry_lines(state, state.entries)), warnings


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(
    items=st.lists(st.tuples(events, damage), max_size=40),
    torn=st.booleans(),
    filter_bits=st.sampled_from([8, 64, FILTER_BITS]),
)
def test_two_reads_write_what_the_whole_fold_writes(
    items: list[tuple[Event, bytes]], torn: bool, filter_bits: int
) -> None:
    with tempfile.TemporaryDirectory() as root:
        store = SessionStore(Path(root))
        session = store.create(title="Eslöv", date="2026-11-22", language="sv")
        session.journal_path.write_bytes(journal(items, torn))
        assert streamed(store, session.id, filter_bits) == folded(store, session.id)


@pytest.mark.parametrize("session_id", sorted(p.name for p in LEGACY.iterdir() if p.is_dir()))
def test_a_0_1_0_journal_streams_as_it_folds(session_id: str, tmp_path: Path) -> None:
    shutil.copytree(LEGACY / session_id, tmp_path / session_id)
    store = SessionStore(tmp_path)
    assert streamed(store, session_id, filter_bits=8) == folded(store, session_id)
    assert streamed(store, session_id) == folded(store, session_id)


def test_a_small_filter_takes_new_ids_for_repeats_but_never_misses_one() -> None:
    seen = SeenIds(64)
    said = [seen.add(f"e{n}") for n in range(200)]
    assert sum(said) > 100  # a full filter says "maybe seen" to most
    assert all(seen.add(f"e{n}") for n in range(200))  # every id added is known


def test_what_is_appended_during_the_read_is_left_for_the_next(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session = store.create(title="Eslöv", date="2026-11-22", language="en")
    session.append_many(
        [EntryAdded(f"e{n}", "note", f"note {n}", "welcome") for n in range(5)],
        author="Anna",
        role="facilitator",
    )
    before = folded(store, session.id)
    with every_entry(store, session.id) as read:
        session.append_many(  # between the two reads: an edit, a delete, a retry, a new one
            [
                EntryEdited("e0", text="edited"),
                EntryDeleted("e1"),
                EntryAdded("e2", "note", "a retry"),
                EntryAdded("e9", "note", "new"),
            ],
            author="phone",
            role="participant",
        )
        document = "".join(stream_json(read.session.id, read.session.path, read.state, read))
    assert document == before[0]
    assert '"text": "note 0"' in document and '"deleted": []' in document
    assert '"text": "edited"' not in document and '"text": "new"' not in document


def test_a_torn_line_written_over_between_the_reads_is_not_read(tmp_path: Path) -> None:
    """A crashed writer left half a line; another writer cuts it off and appends between the
    two reads: the second read stops where the first found the complete lines end."""
    store = SessionStore(tmp_path)
    session = store.create(title="Eslöv", date="2026-11-22", language="en")
    session.append_many(
        [EntryAdded(f"e{n}", "note", f"note {n}") for n in range(3)], author="a", role="b"
    )
    with open(session.journal_path, "ab") as journal:  # (half of a long line)
        journal.write(b'{"v":1,"seq":4,"at":"2026-11-22T10:00:00.000+01:00","author":"x",')
        journal.write(b'"role":"y","event":{"type":"entry_added","entry_id":"torn","text":"')
        journal.write(b"z" * 300)
    with every_entry(store, session.id) as read:
        store.open(session.id).append(EntryAdded("late", "note", "meanwhile"), author="p", role="q")
        document = "".join(stream_json(read.session.id, read.session.path, read.state, read))
    shown = json.loads(document)
    assert [entry["entry_id"] for entry in shown["entries"]] == ["e0", "e1", "e2"]
    assert shown["entries_by_kind"] == {"note": 3}


def test_a_journal_gone_before_the_read_says_so(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session = store.create(title="Eslöv", date="2026-11-22", language="en")
    session.journal_path.unlink()
    with pytest.raises(InvalidFileError, match=r"journal\.jsonl"), every_entry(store, session.id):
        pass


def write_session(root: Path, entries: int) -> tuple[SessionStore, str]:
    """A session of ``entries`` notes (every hundredth edited, every 250th deleted)."""
    store = SessionStore(root)
    session = store.create(title=f"Eslöv {entries}", date="2026-11-22", language="en")
    lines = [encode_record(1, AT.format(0), "Anna", "facilitator", RunStarted("w", run_id="r"))]
    seq = 1
    for n in range(entries):
        text = f"note {n} " + "x" * 200
        added = EntryAdded(f"e{n:06d}", "note", text, "welcome", None, {"lens": "a"})
        later: list[Event] = [added]
        if n % 100 == 99:
            later.append(EntryEdited(f"e{n - 50:06d}", text="edited"))
        if n % 250 == 249:
            later.append(EntryDeleted(f"e{n - 10:06d}"))
        for event in later:
            seq += 1
            lines.append(encode_record(seq, AT.format(0), "phone", "participant", event))
    session.journal_path.write_bytes(b"".join(lines))
    return store, session.id


def peak_bytes(pieces: Iterator[str]) -> int:
    """The most memory Python held while ``pieces`` were made and dropped."""
    tracemalloc.start()
    try:
        for _ in pieces:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def streamed_pieces(store: SessionStore, session_id: str) -> Iterator[str]:
    with every_entry(store, session_id) as read:
        yield from stream_json(read.session.id, read.session.path, read.state, read)


def folded_pieces(store: SessionStore, session_id: str) -> Iterator[str]:
    session = store.open(session_id)
    state = fold(iter_records(session.path, []), session.header)
    yield from state_json(session.id, session.path, state)


def test_memory_does_not_grow_with_the_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tail, "CHUNK_BYTES", 32 * 1024)  # (so that the chunk read is small)
    small = write_session(tmp_path / "small", 400)
    large = write_session(tmp_path / "large", 4_000)
    streamed_small, streamed_large = (peak_bytes(streamed_pieces(*s)) for s in (small, large))
    folded_small, folded_large = (peak_bytes(folded_pieces(*s)) for s in (small, large))
    assert folded_large > 4 * folded_small  # (the measure sees memory that grows)
    assert streamed_large < 1.5 * streamed_small  # (a fixed 1 MiB filter of ids in both)
    assert streamed_large - streamed_small < (folded_large - folded_small) / 10
