"""The digest carried on from a kept digest is the digest of the whole journal, for any split."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitate.model.digest_fold import DigestFolder, EntryIndex
from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Event,
    Recorded,
    RunStarted,
    RunStopped,
    StepEnded,
    StepRestarted,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.session import fold
from facilitate.model.session_digest import SessionDigest, digest_of

RUN_IDS = st.sampled_from(["", "r1", "r2", "r3"])
OPTIONAL_RUN = st.one_of(st.none(), st.none(), st.sampled_from(["r1", "r2", "r3", "unknown"]))
ENTRY_IDS = st.sampled_from(["a", "b", "c", 'a" 0 1', "a b", "é\n"])
INDEX = st.integers(0, 2)
SECONDS = st.floats(0, 900, allow_nan=False).map(lambda s: round(s, 1))
STEP = st.sampled_from(["intro", "round", "harvest"])
ROUND = st.one_of(st.none(), st.integers(1, 3))
KIND = st.sampled_from(["note", "card", "reflektion", "idea", "theme"])

RUN_STARTS = st.builds(
    RunStarted,
    method=st.sampled_from(["world-cafe", "@timer"]),
    segments=st.integers(0, 4),
    run_id=RUN_IDS,
)
EVENTS: st.SearchStrategy[Event] = st.one_of(
    RUN_STARTS,
    st.builds(
        StepStarted,
        index=INDEX,
        step=STEP,
        round=ROUND,
        planned_seconds=st.one_of(st.none(), SECONDS),
        remaining_seconds=st.one_of(st.none(), SECONDS),
        title=st.one_of(st.none(), st.just("Runda")),
        run_id=OPTIONAL_RUN,
    ),
    st.builds(
        StepEnded,
        index=INDEX,
        outcome=st.sampled_from(["completed", "ended_early", "skipped", "back"]),
        elapsed_seconds=SECONDS,
        remaining_seconds=SECONDS,
        run_id=OPTIONAL_RUN,
    ),
    st.builds(
        RunStopped,
        index=INDEX,
        remaining_seconds=SECONDS,
        paused=st.booleans(),
        reason=st.sampled_from(["quit", "interrupted", "finished"]),
        run_id=OPTIONAL_RUN,
    ),
    st.builds(TimerPaused, index=INDEX, remaining_seconds=SECONDS, run_id=OPTIONAL_RUN),
    st.builds(
        TimerResumed,
        index=INDEX,
        remaining_seconds=SECONDS,
        paused_seconds=SECONDS,
        run_id=OPTIONAL_RUN,
    ),
    st.builds(
        TimerAdjusted,
        index=INDEX,
        delta_seconds=SECONDS,
        remaining_seconds=SECONDS,
        run_id=OPTIONAL_RUN,
    ),
    st.builds(StepRestarted, index=INDEX, remaining_seconds=SECONDS, run_id=OPTIONAL_RUN),
    st.builds(
        ClockResynced,
        index=INDEX,
        jump_seconds=SECONDS,
        remaining_seconds=SECONDS,
        run_id=OPTIONAL_RUN,
    ),
    st.builds(
        EntryAdded,
        entry_id=ENTRY_IDS,
        kind=KIND,
        text=st.just("text"),
        step=st.one_of(st.none(), STEP),
        round=ROUND,
        run_id=OPTIONAL_RUN,
    ),
    st.builds(EntryEdited, entry_id=ENTRY_IDS, text=st.just("edited")),
    st.builds(EntryDeleted, entry_id=ENTRY_IDS),
)
JOURNALS = st.builds(lambda first, rest: [first, *rest], RUN_STARTS, st.lists(EVENTS, max_size=40))
"""Journals mostly begin with a run (so that what follows has one to belong to)."""


def recorded(events: list[Event]) -> list[Recorded]:
    return [
        Recorded(seq, f"2026-11-22T10:{seq % 60:02d}:00.000+01:00", "Anna", "facilitator", event)
        for seq, event in enumerate(events, 1)
    ]


def kept(folder: DigestFolder, digest: SessionDigest) -> DigestFolder:
    """The folder as it would be read back from summary.json (through JSON both)."""
    digest_data = json.loads(json.dumps(digest.to_data()))
    fold_data = json.loads(json.dumps(folder.to_data()))
    index = EntryIndex(folder.index.to_bytes())
    return DigestFolder.from_data(SessionDigest.from_data(digest_data, None), fold_data, index)


@settings(max_examples=300, deadline=None)
@given(st.one_of(JOURNALS, st.lists(EVENTS, max_size=10)), st.data())
def test_a_kept_digest_with_the_rest_folded_on_is_the_digest_of_the_whole(
    events: list[Event], data: st.DataObject
) -> None:
    records = recorded(events)
    split = data.draw(st.integers(0, len(records)))
    prefix = DigestFolder().apply_all(records[:split])
    carried = kept(prefix, prefix.digest(None, (), split)).apply_all(records[split:])
    assert carried.digest(None, (), 99) == digest_of(fold(records), (), 99)


@settings(max_examples=100, deadline=None)
@given(JOURNALS)
def test_the_digest_folder_alone_gives_the_digest_of_the_fold(events: list[Event]) -> None:
    records = recorded(events)
    assert DigestFolder().apply_all(records).digest(None, (), 0) == digest_of(fold(records), (), 0)


def test_kept_ids_that_do_not_give_the_digest_are_refused() -> None:
    records = recorded([RunStarted(method="m", run_id="r1"), EntryAdded("a", "note", "x")])
    folder = DigestFolder().apply_all(records)
    digest = folder.digest(None, (), 10)
    data = folder.to_data()
    data["places"][0][-1] = 2
    try:
        DigestFolder.from_data(digest, data, folder.index)
    except ValueError:
        return
    raise AssertionError("a summary whose ids do not give its counts was believed")


def test_the_entry_index_finds_ids_by_whole_lines_only() -> None:
    index = EntryIndex()
    index.add('a" 0 1', 0, 1)
    index.add("b", 2, 7)
    kept = EntryIndex(index.to_bytes())
    assert kept.live("b") == (2, 7) and kept.live('a" 0 1') == (0, 1)
    assert not kept.known("a") and not kept.known("0") and kept.live("a") is None
    kept.delete("b")
    again = EntryIndex(kept.to_bytes())
    assert again.known("b") and again.live("b") is None and again.live('a" 0 1') == (0, 1)
