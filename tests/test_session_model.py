"""The session model: header checks, and the state as a pure fold over recorded events."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

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
from facilitate.model.session import TIMER_METHOD, HeaderError, ResumePoint, SessionHeader, fold


def recorded(*events: Event, author: str = "Anna", role: str = "facilitator") -> list[Recorded]:
    """Events as the journal would return them: numbered, one minute apart."""
    return [
        Recorded(
            seq=i + 1,
            at=f"2026-11-22T10:{i:02d}:00.000+01:00",
            author=author,
            role=role,
            event=event,
        )
        for i, event in enumerate(events)
    ]


def header(**changes: Any) -> SessionHeader:
    base = SessionHeader(
        id="2026-11-22-eslov",
        title="Eslöv: samverkan",
        date="2026-11-22",
        place="Eslöv",
        language="sv",
        method="world-cafe",
        facilitators=["Anna", "Per"],
        created_at="2026-11-20T09:00:00+01:00",
    )
    return replace(base, **changes)


RUN = RunStarted(method="world-cafe", params={"rounds": 2}, speed=1.0, segments=3)


# --- header ---------------------------------------------------------------------------------


def test_header_round_trips_through_its_data() -> None:
    original = header()
    assert SessionHeader.from_data(json.loads(json.dumps(original.to_data()))) == original


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"date": "22/11/2026"}, "date", "date"),
        ({"date": "2026-02-30"}, "date", "date"),
        ({"title": "   "}, "title", "title_empty"),
        ({"status": "gone"}, "status", "status"),
        ({"method": "../x"}, "method", "id"),
        ({"language": "Swedish"}, "language", "language"),
        ({"facilitators": ["Anna", ""]}, "facilitators", "names"),
    ],
)
def test_header_rejects_bad_fields_naming_the_field(
    changes: dict[str, object], field: str, code: str
) -> None:
    with pytest.raises(HeaderError) as caught:
        header(**changes)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_header_from_data_names_unknown_and_missing_fields() -> None:
    data = header().to_data()
    with pytest.raises(HeaderError) as unknown:
        SessionHeader.from_data({**data, "colour": "red"})
    assert unknown.value.field == "colour"
    del data["title"]
    with pytest.raises(HeaderError) as missing:
        SessionHeader.from_data(data)
    assert (missing.value.field, missing.value.code) == ("title", "missing")


# --- progress and resume point --------------------------------------------------------------


def test_an_empty_journal_is_not_started() -> None:
    state = fold([], header())
    assert state.status == "not_started"
    assert state.resume_point is None
    assert state.steps == () and state.entries == ()


def test_a_finished_run_lists_steps_planned_against_actual() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300, remaining_seconds=300),
        TimerPaused(index=0, remaining_seconds=200),
        TimerResumed(index=0, remaining_seconds=200, paused_seconds=45),
        TimerAdjusted(index=0, delta_seconds=60, remaining_seconds=240),
        StepEnded(index=0, outcome="completed", elapsed_seconds=405, remaining_seconds=0),
        StepStarted(index=1, step="round", round=1, planned_seconds=1200, remaining_seconds=1200),
        StepEnded(index=1, outcome="ended_early", elapsed_seconds=600, remaining_seconds=600),
        StepStarted(index=2, step="harvest", planned_seconds=900, remaining_seconds=900),
        StepEnded(index=2, outcome="completed", elapsed_seconds=950, remaining_seconds=-50),
        RunStopped(index=2, remaining_seconds=-50, paused=False, reason="finished"),
    )
    state = fold(records, header())
    assert state.status == "finished"
    assert state.resume_point is None
    assert state.method == "world-cafe" and state.params == {"rounds": 2}
    assert [(s.label, s.planned_seconds, s.elapsed_seconds, s.outcome) for s in state.steps] == [
        ("intro", 300, 405, "completed"),
        ("round#1", 1200, 600, "ended_early"),
        ("harvest", 900, 950, "completed"),
    ]
    intro = state.steps[0]
    assert (intro.adjusted_seconds, intro.paused_seconds, intro.pauses) == (60, 45, 1)
    assert intro.started_at == "2026-11-22T10:01:00.000+01:00"
    assert intro.ended_at == "2026-11-22T10:05:00.000+01:00"


def test_the_last_step_ending_finishes_the_run_even_without_run_stopped() -> None:
    records = recorded(
        RunStarted(method="timer", segments=1),
        StepStarted(index=0, step="timer", planned_seconds=60),
        StepEnded(index=0, outcome="completed", elapsed_seconds=60, remaining_seconds=0),
    )
    assert fold(records).status == "finished"


def test_a_stopped_run_resumes_where_it_stopped_and_paused() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300, remaining_seconds=300),
        StepEnded(index=0, outcome="completed", elapsed_seconds=300, remaining_seconds=0),
        StepStarted(index=1, step="round", round=1, planned_seconds=1200, remaining_seconds=1200),
        TimerPaused(index=1, remaining_seconds=750.5),
        RunStopped(index=1, remaining_seconds=750.5, paused=True, reason="quit"),
    )
    state = fold(records, header())
    assert state.status == "stopped"
    assert state.stop_reason == "quit"
    assert state.resume_point == ResumePoint(1, 750.5, True, "round", 1)
    assert state.current_step == "round#1"
    assert state.steps[-1].outcome == "stopped"
    assert state.steps[-1].remaining_seconds == 750.5


def test_resuming_continues_the_same_step_row() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300, remaining_seconds=300),
        RunStopped(index=0, remaining_seconds=120, paused=False, reason="interrupted"),
        StepStarted(index=0, step="intro", planned_seconds=300, remaining_seconds=120),
        StepEnded(index=0, outcome="completed", elapsed_seconds=300, remaining_seconds=0),
    )
    state = fold(records)
    assert len(state.steps) == 1
    step = state.steps[0]
    assert (step.outcome, step.elapsed_seconds, step.resumed) == ("completed", 300, 1)
    assert state.status == "running"
    assert state.resume_point == ResumePoint(1, None, False)


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        (TimerPaused(index=1, remaining_seconds=500), ResumePoint(1, 500, True, "round", 1)),
        (
            TimerAdjusted(index=1, delta_seconds=-60, remaining_seconds=440),
            ResumePoint(1, 440, False, "round", 1),
        ),
        (
            StepRestarted(index=1, remaining_seconds=1200),
            ResumePoint(1, 1200, False, "round", 1),
        ),
        (
            ClockResynced(index=1, jump_seconds=30, remaining_seconds=470),
            ResumePoint(1, 470, False, "round", 1),
        ),
        (
            StepEnded(index=1, outcome="completed", elapsed_seconds=1200, remaining_seconds=0),
            ResumePoint(2, None, False),
        ),
        (
            StepEnded(index=1, outcome="back", elapsed_seconds=10, remaining_seconds=1190),
            ResumePoint(0, None, False, "intro"),
        ),
    ],
)
def test_after_a_crash_the_resume_point_is_the_last_timer_event(
    last: Event, expected: ResumePoint
) -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300),
        StepEnded(index=0, outcome="completed", elapsed_seconds=300, remaining_seconds=0),
        StepStarted(index=1, step="round", round=1, planned_seconds=1200, remaining_seconds=1200),
        last,
    )
    state = fold(records)
    assert state.status == "running"
    assert state.resume_point == expected


def test_pause_survives_adjustments_until_resumed() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300),
        TimerPaused(index=0, remaining_seconds=200),
        TimerAdjusted(index=0, delta_seconds=60, remaining_seconds=260),
    )
    assert fold(records).resume_point == ResumePoint(0, 260, True, "intro")


def test_a_started_run_without_steps_resumes_at_the_first_step() -> None:
    assert fold(recorded(RUN)).resume_point == ResumePoint(0, None, False)


# --- several runs in one session ------------------------------------------------------------


def test_each_run_started_begins_a_run_of_its_own() -> None:
    """A workshop day: World Café to the end, a coffee timer, then 35:an stopped midway."""
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300),
        StepEnded(index=0, outcome="completed", elapsed_seconds=300, remaining_seconds=0),
        RunStopped(index=0, remaining_seconds=0, paused=False, reason="finished"),
        RunStarted(
            method=TIMER_METHOD, params={"seconds": 600, "until": None, "title": "Fika"}, segments=1
        ),
        StepStarted(index=0, step="timer", planned_seconds=600, title="Fika"),
        StepEnded(index=0, outcome="completed", elapsed_seconds=610, remaining_seconds=-10),
        RunStarted(method="35an", params={"rounds": 5}, speed=60.0, segments=4),
        StepStarted(index=0, step="write", planned_seconds=300),
        StepEnded(index=0, outcome="completed", elapsed_seconds=290, remaining_seconds=10),
        StepStarted(index=1, step="score", round=1, planned_seconds=60),
        RunStopped(index=1, remaining_seconds=20, paused=False, reason="quit"),
    )
    state = fold(records, header())
    assert [(r.number, r.method, r.progress) for r in state.runs] == [
        (1, "world-cafe", "finished"),
        (2, TIMER_METHOD, "finished"),
        (3, "35an", "stopped"),
    ]
    assert [[s.label for s in run.steps] for run in state.runs] == [
        ["intro"],
        ["timer"],
        ["write", "score#1"],
    ]
    assert state.runs[1].is_timer and not state.runs[2].is_timer
    assert state.runs[2].started_at == records[7].at
    # the session's method, steps, status and resume point are the last run's
    assert (state.method, state.params, state.speed, state.segments) == (
        "35an",
        {"rounds": 5},
        60.0,
        4,
    )
    assert state.steps == state.runs[2].steps
    assert state.status == "stopped"
    assert state.resume_point == ResumePoint(1, 20, False, "score", 1)
    assert state.current_step == "score#1"


def test_a_new_method_after_a_stopped_run_keeps_the_steps_apart() -> None:
    """The stopped run keeps its own steps and resume point; the session follows the new run."""
    records = recorded(
        RunStarted(method="1-2-4-all", segments=4),
        StepStarted(index=0, step="one", planned_seconds=60),
        StepEnded(index=0, outcome="completed", elapsed_seconds=60, remaining_seconds=0),
        StepStarted(index=1, step="two", planned_seconds=120),
        RunStopped(index=1, remaining_seconds=80, paused=True, reason="quit"),
        RunStarted(method="dot-voting", segments=4),
        StepStarted(index=0, step="clarify", planned_seconds=300),
    )
    state = fold(records)
    first, second = state.runs
    assert [s.step for s in first.steps] == ["one", "two"]
    assert (first.progress, first.resume_point) == ("stopped", ResumePoint(1, 80, True, "two"))
    assert [s.step for s in second.steps] == ["clarify"]
    assert [s.step for s in state.steps] == ["clarify"]
    assert state.status == "running"
    assert state.resume_point == ResumePoint(0, 300, False, "clarify")


def test_a_run_that_never_ended_is_cut_off_when_another_begins() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300),
        RunStarted(method="world-cafe", segments=3),
    )
    first, second = fold(records).runs
    assert first.progress == "cut_off" and first.steps[0].outcome is None
    assert second.progress == "running" and second.steps == ()
    assert fold(records).resume_point == ResumePoint(0, None, False)


def test_timer_events_without_a_run_are_ignored() -> None:
    records = recorded(
        StepStarted(index=0, step="intro", planned_seconds=300),
        TimerPaused(index=0, remaining_seconds=100),
        EntryAdded(entry_id="a", kind="note", text="kept"),
    )
    state = fold(records)
    assert state.runs == () and state.status == "not_started"
    assert state.ignored == (1, 2)
    assert [e.text for e in state.entries] == ["kept"]


# --- step titles ------------------------------------------------------------------------------


def test_steps_are_named_by_their_recorded_titles_else_by_id_and_round() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300),  # an older journal: no title
        StepEnded(index=0, outcome="completed", elapsed_seconds=300, remaining_seconds=0),
        StepStarted(index=1, step="round", round=1, planned_seconds=1200, title="Round 1/2: Café"),
        RunStopped(index=1, remaining_seconds=600, paused=False, reason="quit"),
        StepStarted(index=1, step="round", round=1, planned_seconds=1200, remaining_seconds=600),
    )
    state = fold(records)
    intro, round1 = state.steps
    assert (intro.name, intro.label) == ("intro", "intro")
    assert (round1.name, round1.label, round1.resumed) == ("Round 1/2: Café", "round#1", 1)
    assert state.step_title("round", 1) == "Round 1/2: Café"
    assert state.step_title("round", 2) is None and state.step_title("intro") is None
    data = json.loads(json.dumps(state.to_data()))
    assert [s["name"] for s in data["steps"]] == ["intro", "Round 1/2: Café"]
    assert data["runs"][0]["steps"][1]["title"] == "Round 1/2: Café"


# --- entries --------------------------------------------------------------------------------


def test_entries_are_added_edited_and_deleted_but_deleted_ones_are_kept_apart() -> None:
    records = recorded(
        EntryAdded(
            entry_id="a", kind="reflection", text="Mod", step="harvest", dims={"story": "Lund"}
        ),
        EntryAdded(entry_id="b", kind="note", text="Ta med fika"),
        EntryAdded(entry_id="c", kind="reflection", text="Ledarskap"),
        EntryEdited(entry_id="a", text="Mod att börja"),
        EntryDeleted(entry_id="b", reason="dubblett"),
        EntryEdited(entry_id="b", text="too late"),
        EntryDeleted(entry_id="zzz"),
        EntryAdded(entry_id="a", kind="note", text="same id again"),
    )
    state = fold(records)
    by_kind = state.entries_by_kind()
    assert list(by_kind) == ["reflection"]
    assert [e.text for e in by_kind["reflection"]] == ["Mod att börja", "Ledarskap"]
    first = by_kind["reflection"][0]
    assert (first.edits, first.dims, first.step, first.added_seq) == (
        1,
        {"story": "Lund"},
        "harvest",
        1,
    )
    assert first.edited_at == records[3].at
    assert [(e.entry_id, e.text, e.deleted_reason) for e in state.deleted] == [
        ("b", "Ta med fika", "dubblett")
    ]
    assert state.ignored == (6, 7, 8)
    assert state.entry("b") is None


def test_entries_remember_who_wrote_them() -> None:
    records = recorded(
        EntryAdded(entry_id="n1", kind="note", text="hej"), author="Per", role="note-taker"
    )
    (entry,) = fold(records).entries
    assert (entry.author, entry.role, entry.added_at) == ("Per", "note-taker", records[0].at)


# --- status, determinism, data ---------------------------------------------------------------


def test_an_archived_header_makes_the_status_archived() -> None:
    records = recorded(RUN, StepStarted(index=0, step="intro", planned_seconds=300))
    assert fold(records, header(status="archived")).status == "archived"
    assert fold(records, header()).status == "running"


def test_replay_is_deterministic() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300),
        EntryAdded(entry_id="a", kind="note", text="x"),
        TimerPaused(index=0, remaining_seconds=100),
        EntryEdited(entry_id="a", text="y"),
    )
    first, second = fold(records, header()), fold(list(records), header())
    assert first == second
    assert json.dumps(first.to_data(), sort_keys=True) == json.dumps(
        second.to_data(), sort_keys=True
    )


def test_the_state_as_data_is_json() -> None:
    records = recorded(
        RUN,
        StepStarted(index=0, step="intro", planned_seconds=300),
        EntryAdded(entry_id="a", kind="note", text="x"),
    )
    data = json.loads(json.dumps(fold(records, header()).to_data()))
    assert data["status"] == "running"
    assert data["header"]["title"] == "Eslöv: samverkan"
    assert data["resume_point"] == {
        "index": 0,
        "remaining_seconds": 300,
        "paused": False,
        "step": "intro",
        "round": None,
    }
    assert data["steps"][0]["label"] == "intro"
    assert data["entries_by_kind"] == {"note": 1}
