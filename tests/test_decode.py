"""Checked decoding of recorded events, and a property: no records make the fold raise."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitate.errors import JournalError
from facilitate.model.decode import EventDataError, decode_event
from facilitate.model.events import (
    EVENT_TYPES,
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
from facilitate.model.session import SessionFolder, fold, time_left
from facilitate.store.line_format import parse_journal
from facilitate.ui.session_history import history_lines

# --- decode_event ---------------------------------------------------------------------------


def test_a_record_of_0_1_0_decodes_with_the_defaults_of_newer_fields() -> None:
    event = decode_event("run_started", {"method": "35an", "params": {}, "speed": 1.0})
    assert event == RunStarted(method="35an", run_id="")
    entry = decode_event("entry_added", {"entry_id": "e", "kind": "note", "text": "t"})
    assert entry == EntryAdded(entry_id="e", kind="note", text="t", run_id=None)


def test_fields_an_event_does_not_have_are_ignored() -> None:
    event = decode_event("entry_deleted", {"entry_id": "e", "colour": "red"})
    assert event.to_data() == {"entry_id": "e", "reason": None}


@pytest.mark.parametrize(
    ("type_name", "data", "field", "problem"),
    [
        ("dot_placed", {}, "type", "unknown_type"),
        ("entry_added", {"entry_id": "e", "kind": "note", "text": 456}, "text", "invalid"),
        ("entry_added", {"entry_id": "", "kind": "note", "text": "t"}, "entry_id", "invalid"),
        ("entry_added", {"entry_id": "e", "kind": "note"}, "text", "missing"),
        (
            "entry_added",
            {"entry_id": "e", "kind": "n", "text": "t", "round": 0},
            "round",
            "invalid",
        ),
        (
            "entry_added",
            {"entry_id": "e", "kind": "n", "text": "t", "run_id": ""},
            "run_id",
            "invalid",
        ),
        ("entry_edited", {"entry_id": "e", "clear": "value"}, "clear", "invalid"),
        ("entry_edited", {"entry_id": "e", "dims": {"a": None}}, "dims", "invalid"),
        ("step_started", {"index": -1, "step": "a"}, "index", "invalid"),
        ("step_started", {"index": True, "step": "a"}, "index", "invalid"),
        ("timer_paused", {"index": 0, "remaining_seconds": "60"}, "remaining_seconds", "invalid"),
        (
            "timer_paused",
            {"index": 0, "remaining_seconds": float("inf")},
            "remaining_seconds",
            "invalid",
        ),
        ("timer_paused", {"index": 0, "remaining_seconds": 2e9}, "remaining_seconds", "invalid"),
        (
            "timer_paused",
            {"index": 0, "remaining_seconds": -(10**400)},
            "remaining_seconds",
            "invalid",
        ),
        ("step_started", {"index": 10**7, "step": "a"}, "index", "invalid"),
        ("run_started", {"method": "m", "speed": 0}, "speed", "invalid"),
        ("run_started", {"method": "m", "params": []}, "params", "invalid"),
        (
            "step_ended",
            {"index": 0, "outcome": "won", "elapsed_seconds": 1, "remaining_seconds": 0},
            "outcome",
            "invalid",
        ),
        (
            "run_stopped",
            {"index": 0, "remaining_seconds": 1, "paused": 0, "reason": "quit"},
            "paused",
            "invalid",
        ),
    ],
)
def test_each_field_is_checked_by_its_type(
    type_name: str, data: dict, field: str, problem: str
) -> None:
    with pytest.raises(EventDataError) as caught:
        decode_event(type_name, data)
    assert (caught.value.type_name, caught.value.field, caught.value.problem) == (
        type_name,
        field,
        problem,
    )


def test_every_event_round_trips_through_its_data() -> None:
    for event in SAMPLES:
        data = json.loads(json.dumps(event.to_data()))
        assert decode_event(event.TYPE, data) == event


SAMPLES: list[Event] = [
    RunStarted(method="35an", params={"rounds": 5}, speed=2.5, segments=9, run_id="r1"),
    StepStarted(index=2, step="round", round=1, planned_seconds=180.0, run_id="r1"),
    TimerPaused(index=2, remaining_seconds=12.5, run_id="r1"),
    TimerResumed(index=2, remaining_seconds=12.5, paused_seconds=3.0),
    TimerAdjusted(index=2, delta_seconds=-60, remaining_seconds=1.5),
    StepRestarted(index=2, remaining_seconds=180.0),
    StepEnded(index=2, outcome="ended_early", elapsed_seconds=9.0, remaining_seconds=171.0),
    ClockResynced(index=2, jump_seconds=600.0, remaining_seconds=-420.0),
    RunStopped(index=2, remaining_seconds=1.0, paused=True, reason="quit"),
    EntryAdded(entry_id="e1", kind="card", text="Kort", dims={"card": "1"}, value={"card": "1"}),
    EntryEdited(entry_id="e1", text=None, clear=["dims.card"]),
    EntryDeleted(entry_id="e1", reason="dubblett"),
]


def test_the_samples_cover_every_event_type() -> None:
    assert {event.TYPE for event in SAMPLES} == set(EVENT_TYPES)


# --- no records make the fold raise ---------------------------------------------------------

JSON_LEAF = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["", "legacy-1", "r1", "r2", "e1", "e2", "quit", "back", "ended_early"])
)
JSON = st.recursive(
    JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELD_NAMES = sorted({f.name for cls in EVENT_TYPES.values() for f in dataclasses.fields(cls)})


SECONDS = st.floats(min_value=-1e6, max_value=1e6) | st.integers(-1000, 1000)
NAME = st.text(max_size=6)
LIKELY = {
    "index": st.integers(min_value=-1, max_value=6),
    "round": st.none() | st.integers(min_value=0, max_value=4),
    "segments": st.integers(min_value=-1, max_value=6),
    "speed": st.floats(min_value=-1, max_value=100),
    "run_id": st.sampled_from([None, "", "r1", "r2", "legacy-1", "legacy-2"]),
    "entry_id": st.sampled_from(["e1", "e2", "e3", ""]),
    "outcome": st.sampled_from(["completed", "ended_early", "skipped", "back", "won"]),
    "reason": st.sampled_from(["quit", "interrupted", "finished", None]),
    "kind": st.sampled_from(["note", "reflektion", "card", "pair_split", "theme", "entry", "x"]),
    "clear": st.lists(st.sampled_from(["value", "dims", "dims.story", "x"]), max_size=3),
    "dims": st.dictionaries(st.sampled_from(["story", "lens"]), NAME),
    "params": st.dictionaries(NAME, JSON, max_size=2),
    "paused": st.booleans(),
    "method": st.sampled_from(["35an", "@timer", ""]),
    "step": st.sampled_from(["intro", "round", "timer"]),
    "text": NAME,
    "title": st.none() | NAME,
    "until": st.none() | st.sampled_from(["12:30", "99:99"]),
    "value": JSON
    | st.fixed_dictionaries(
        {"round": st.integers(0, 3), "card_a": NAME, "points_a": st.integers(-1, 8)},
        optional={"card_b": NAME, "points_b": st.integers(0, 7), "items": st.lists(NAME)},
    ),
}


@st.composite
def field_value(draw: st.DrawFn, name: str) -> Any:
    """A value that mostly fits the field (so the fold sees valid-looking events), or not."""
    likely = SECONDS if name.endswith("seconds") else LIKELY.get(name)
    if likely is not None and draw(st.integers(0, 19)):
        return draw(likely)
    return draw(JSON)


@st.composite
def record_data(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A record's type and data: mostly a known type with its fields, now and then not."""
    type_name = draw(st.sampled_from([*EVENT_TYPES, *EVENT_TYPES, "dot_placed", ""]))
    cls = EVENT_TYPES.get(type_name)
    data = {}
    for field in dataclasses.fields(cls) if cls else ():
        required = field.default is dataclasses.MISSING
        if draw(st.integers(0, 19 if required else 1)):
            data[field.name] = draw(field_value(field.name))
    for name in draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=2)):
        data[name] = draw(field_value(name))
    return type_name, data


VALID: dict[str, st.SearchStrategy[Any]] = {
    "index": st.integers(0, 3),
    "round": st.none() | st.integers(1, 3),
    "segments": st.integers(0, 4),
    "speed": st.floats(0.5, 10),
    "run_id": st.sampled_from([None, "r1", "r2"]),
    "entry_id": st.sampled_from(["e1", "e2", "e3"]),
    "outcome": st.sampled_from(["completed", "ended_early", "skipped", "back"]),
    "paused": st.booleans(),
    "method": st.sampled_from(["35an", "@timer"]),
    "step": st.sampled_from(["intro", "round"]),
    "title": st.none() | NAME,
    "until": st.none() | st.just("12:30"),
    "clear": LIKELY["clear"],
    "dims": LIKELY["dims"],
    "params": LIKELY["params"],
    "kind": LIKELY["kind"],
    "text": NAME,
    "value": LIKELY["value"],
}


def valid_event(cls: type) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    """Events that decode, from small domains so that they refer to each other often."""
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for field in dataclasses.fields(cls):
        name = field.name
        if name.endswith("seconds"):
            fields[name] = st.floats(-100, 1000)
        elif name == "reason" and cls is RunStopped:
            fields[name] = st.sampled_from(["quit", "interrupted", "finished"])
        elif name == "reason":
            fields[name] = st.none() | NAME
        elif cls is RunStarted and name == "run_id":
            fields[name] = st.sampled_from(["", "r1", "r2"])
        else:
            fields[name] = VALID[name]
    return st.builds(cls, **fields).map(lambda e: (e.TYPE, json.loads(json.dumps(e.to_data()))))


RECORDS = st.lists(
    st.one_of(*(valid_event(cls) for cls in EVENT_TYPES.values())) | record_data(),
    min_size=8,
    max_size=60,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECORDS, st.floats(-1e9, 4e9))
def test_no_sequence_of_records_makes_the_fold_raise(
    records: list[tuple[str, dict[str, Any]]], wall: float
) -> None:
    stamped = decoded(records)
    state = fold(stamped)
    json.dumps(state.to_data(), allow_nan=False)
    for run in state.runs:
        time_left(run, wall)
    assert len(history_lines(stamped, {})) == state.events == len(stamped)


def decoded(records: list[tuple[str, dict[str, Any]]]) -> list[Recorded]:
    """The records that decode, numbered as the journal would."""
    events = []
    for type_name, data in records:
        try:
            events.append(decode_event(type_name, data))
        except EventDataError:
            continue
    return [
        Recorded(i + 1, f"2026-11-22T10:{i % 60:02d}:00.000+01:00", "a", "f", event)
        for i, event in enumerate(events)
    ]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECORDS, st.data())
def test_folding_on_after_any_snapshot_equals_folding_everything(
    records: list[tuple[str, dict[str, Any]]], data: st.DataObject
) -> None:
    stamped = decoded(records)
    cut = data.draw(st.integers(0, len(stamped)))
    folder = SessionFolder()
    for record in stamped[:cut]:
        folder.apply(record)
    assert folder.state() == fold(stamped[:cut])
    for record in stamped[cut:]:
        folder.apply(record)
    assert folder.state() == fold(stamped)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=60) | st.builds(json.dumps, JSON).map(str.encode), max_size=20))
def test_no_journal_bytes_make_reading_raise_except_a_newer_version(lines: list[bytes]) -> None:
    try:
        replay = parse_journal(b"\n".join(lines), "journal.jsonl")
    except JournalError as error:
        assert "newer version" in str(error)
        return
    fold(replay.records)
