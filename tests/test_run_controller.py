"""RunController: steps in order, timer actions as events, planned against actual."""

from __future__ import annotations

from typing import Any

import pytest

from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
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
from facilitate.model.expand import build_timeline
from facilitate.model.method_schema import validate_method
from facilitate.model.params import resolve_params
from facilitate.model.run import RunController, segment_title, standalone_segment
from facilitate.model.text import Text
from facilitate.model.timeline import Segment

from fakes import FakeClock, Recorder

WORLD_CAFE = {
    "schema_version": 1,
    "id": "world-cafe",
    "name": {"sv": "World Café", "en": "World Café"},
    "summary": {"sv": "Samtal", "en": "Talk"},
    "purpose": {"sv": "Koppla ihop", "en": "Connect"},
    "group_size": {"min": 12},
    "roles": [{"id": "host", "name": {"sv": "Värd", "en": "Host"}}],
    "parameters": {
        "round_minutes": {
            "type": "minutes",
            "label": {"sv": "Minuter", "en": "Minutes"},
            "default": 20,
        },
    },
    "steps": [
        {"id": "welcome", "title": "Welcome", "instructions": "Purpose", "minutes": 10},
        {
            "id": "round",
            "title": {"sv": "Runda", "en": "Round"},
            "instructions": "Talk",
            "minutes": "round_minutes",
            "repeat": 3,
            "warnings": ["1m"],
        },
        {"id": "harvest", "title": "Harvest", "instructions": "Share", "minutes": 15},
    ],
}


def seg(index: int, seconds: float | None = 60.0, until: str | None = None) -> Segment:
    return Segment(
        index=index,
        step_id=f"s{index}",
        title=Text.same(f"Step {index}"),
        instructions=Text.same(""),
        seconds=seconds,
        until=until,
        warnings=(30.0,),
    )


def make(
    segments: list[Segment] | None = None, **kwargs: Any
) -> tuple[RunController, FakeClock, Recorder]:
    clock = FakeClock()
    rec = Recorder()
    segments = segments or [seg(0, 600), seg(1, 300), seg(2, 120)]
    run = RunController(segments, rec, method_id="m", params={"k": "v"}, **kwargs)
    run.start(*clock.now())
    return run, clock, rec


def test_a_method_expands_into_the_segments_the_run_times() -> None:
    method = validate_method(WORLD_CAFE)
    values = resolve_params(method, {"round_minutes": "15"})
    segments = build_timeline(method, values)
    rec = Recorder()
    run = RunController(segments, rec, method_id=method.id)
    clock = FakeClock()
    run.start(*clock.now())
    assert len(segments) == 5
    run.next(*clock.now())
    snap = run.snapshot(*clock.now())
    assert segment_title(snap.segment, "sv") == "Runda 1/3"
    assert snap.remaining == 15 * 60 and snap.warnings == (60.0,)
    assert snap.next_segment is not None
    assert segment_title(snap.next_segment, "en") == "Round 2/3"


def test_a_fresh_run_announces_itself_and_its_first_step() -> None:
    _run, _clock, rec = make()
    assert rec.events == [
        RunStarted(method="m", params={"k": "v"}, speed=1.0, segments=3),
        StepStarted(
            index=0,
            step="s0",
            round=None,
            planned_seconds=600,
            until=None,
            remaining_seconds=600,
            title="Step 0",
        ),
    ]


def test_each_step_started_records_its_title_as_shown_with_the_round() -> None:
    method = validate_method(WORLD_CAFE)
    rec = Recorder()
    run = RunController(build_timeline(method, resolve_params(method)), rec, lang="sv")
    clock = FakeClock()
    run.start(*clock.now())
    run.next(*clock.now())
    run.next(*clock.now())
    titles = [e.title for e in rec.of(StepStarted)]
    assert titles == ["Welcome", "Runda 1/3", "Runda 2/3"]


def test_pause_and_resume_are_events_with_the_time_left_and_the_pause() -> None:
    run, clock, rec = make()
    clock.advance(100)
    assert run.toggle_pause(*clock.now()) is True
    clock.advance(42)
    assert run.toggle_pause(*clock.now()) is False
    assert rec.events[-2:] == [
        TimerPaused(index=0, remaining_seconds=500),
        TimerResumed(index=0, remaining_seconds=500, paused_seconds=42),
    ]


def test_adjust_is_an_event_and_nothing_happens_when_nothing_changes() -> None:
    run, clock, rec = make()
    clock.advance(590)
    run.adjust(60, *clock.now())
    assert rec.events[-1] == TimerAdjusted(index=0, delta_seconds=60, remaining_seconds=70)
    run.adjust(-60, *clock.now())
    run.adjust(-60, *clock.now())
    assert rec.events[-2] == TimerAdjusted(index=0, delta_seconds=-60, remaining_seconds=10)
    assert rec.events[-1] == TimerAdjusted(index=0, delta_seconds=-10, remaining_seconds=0)
    count = len(rec.events)
    run.adjust(-60, *clock.now())
    assert len(rec.events) == count


def test_next_before_the_end_ends_early_and_after_the_end_completes() -> None:
    run, clock, rec = make()
    clock.advance(200)
    run.next(*clock.now())
    assert rec.events[-2] == StepEnded(
        index=0, outcome="ended_early", elapsed_seconds=200, remaining_seconds=400
    )
    assert rec.of(StepStarted)[-1].index == 1 and run.remaining(clock.mono) == 300
    clock.advance(310)
    run.next(*clock.now())
    assert rec.events[-2] == StepEnded(
        index=1, outcome="completed", elapsed_seconds=310, remaining_seconds=-10
    )


def test_elapsed_counts_pauses_so_actual_time_is_what_the_room_spent() -> None:
    run, clock, rec = make()
    clock.advance(100)
    run.toggle_pause(*clock.now())
    clock.advance(60)
    run.toggle_pause(*clock.now())
    clock.advance(10)
    run.next(*clock.now())
    ended = rec.of(StepEnded)[-1]
    assert ended.elapsed_seconds == 170 and ended.remaining_seconds == 490


def test_back_goes_to_the_previous_step_with_its_full_time() -> None:
    run, clock, rec = make()
    run.next(*clock.now())
    clock.advance(30)
    assert run.back(*clock.now()) is True
    assert rec.events[-2] == StepEnded(
        index=1, outcome="back", elapsed_seconds=30, remaining_seconds=270
    )
    assert rec.of(StepStarted)[-1].index == 0 and run.remaining(clock.mono) == 600
    count = len(rec.events)
    assert run.back(*clock.now()) is False
    assert len(rec.events) == count and run.index == 0


def test_restart_gives_the_step_its_planned_time() -> None:
    run, clock, rec = make()
    clock.advance(300)
    run.adjust(120, *clock.now())
    run.restart(*clock.now())
    assert rec.events[-1] == StepRestarted(index=0, remaining_seconds=600)
    clock.advance(1)
    assert run.elapsed(clock.mono) == 1
    # The 300 s spent before the restart stay spent: 301 s in, 599 s to go, 300 s behind.
    assert run.plan_delta(clock.mono) == pytest.approx(300)


def test_next_on_the_last_step_finishes_the_run() -> None:
    run, clock, rec = make()
    run.next(*clock.now())
    run.next(*clock.now())
    clock.advance(5)
    run.next(*clock.now())
    assert run.finished and run.stop_reason == "finished"
    assert rec.types()[-2:] == ["step_ended", "run_stopped"]
    assert rec.events[-1] == RunStopped(
        index=2, remaining_seconds=115, paused=False, reason="finished"
    )
    assert run.tick(*clock.now()).reached_zero is False


def test_at_zero_the_step_waits_in_overtime() -> None:
    run, clock, _rec = make()
    clock.advance(570)
    assert run.tick(*clock.now()).warnings == (30.0,)
    clock.advance(30)
    tick = run.tick(*clock.now())
    assert tick.reached_zero and not tick.advanced
    clock.advance(95)
    assert run.index == 0 and run.snapshot(*clock.now()).remaining == -95


def test_auto_advance_moves_on_at_zero() -> None:
    run, clock, rec = make(auto_advance=True)
    clock.advance(600.2)
    tick = run.tick(*clock.now())
    assert tick.advanced and run.index == 1
    ended = rec.of(StepEnded)[-1]
    assert ended.outcome == "completed" and ended.remaining_seconds == pytest.approx(-0.2)
    clock.advance(300)
    run.tick(*clock.now())
    clock.advance(120)
    run.tick(*clock.now())
    assert run.finished and rec.of(RunStopped)[-1].reason == "finished"


def test_warnings_given_for_the_run_replace_each_steps_own() -> None:
    run, clock, _rec = make(warnings=(300.0, 10.0))
    clock.advance(300)
    assert run.tick(*clock.now()).warnings == (300.0,)
    clock.advance(280)
    assert run.tick(*clock.now()).warnings == ()
    clock.advance(10)
    assert run.tick(*clock.now()).warnings == (10.0,)


def test_resume_starts_part_way_without_a_new_run() -> None:
    clock = FakeClock()
    rec = Recorder()
    run = RunController([seg(0), seg(1, 600), seg(2)], rec, method_id="m")
    run.start(*clock.now(), index=1, remaining=100, paused=True, fresh=False)
    assert rec.events == [
        StepStarted(
            index=1,
            step="s1",
            round=None,
            planned_seconds=600,
            until=None,
            remaining_seconds=100,
            title="Step 1",
        ),
        TimerPaused(index=1, remaining_seconds=100),  # the journal knows it is still paused
    ]
    snap = run.snapshot(*clock.now())
    assert snap.paused and snap.remaining == 100 and snap.index == 1
    clock.advance(60)
    assert run.remaining(clock.mono) == 100
    assert run.elapsed(clock.mono) == 560  # 500 spent before the stop, 60 paused now


def test_stop_records_where_to_resume() -> None:
    run, clock, rec = make()
    clock.advance(100)
    run.toggle_pause(*clock.now())
    run.stop(*clock.now(), "quit")
    assert rec.events[-1] == RunStopped(index=0, remaining_seconds=500, paused=True, reason="quit")
    count = len(rec.events)
    run.stop(*clock.now(), "interrupted")
    assert len(rec.events) == count


def test_a_note_is_an_entry_of_the_current_step_and_round() -> None:
    segments = [seg(0), Segment(1, "round", Text.same("Round"), Text.same(""), 60.0, round=2)]
    run, clock, rec = make(segments)
    run.next(*clock.now())
    run.add_note("Tables need more paper", "abc123")
    assert rec.events[-1] == EntryAdded(
        entry_id="abc123", kind="note", text="Tables need more paper", step="round", round=2
    )
    assert run.snapshot(*clock.now()).notes == 1
    run.add_note("Mod", "def456", {"story": "lund", "lens": "mod"})
    assert rec.events[-1] == EntryAdded(
        entry_id="def456",
        kind="note",
        text="Mod",
        step="round",
        round=2,
        dims={"story": "lund", "lens": "mod"},
    )
    assert run.snapshot(*clock.now()).notes == 2  # a placed note counts like any other


def test_a_sleep_is_recorded_and_the_step_follows_the_wall_clock() -> None:
    run, clock, rec = make()
    clock.advance(10)
    run.tick(*clock.now())
    clock.suspend(120)
    clock.advance(1)
    tick = run.tick(*clock.now())
    assert tick.clock_jump == pytest.approx(120)
    assert rec.events[-1] == ClockResynced(index=0, jump_seconds=120, remaining_seconds=469)
    assert run.elapsed(clock.mono) == pytest.approx(131)


def test_plan_delta_counts_skips_overtime_pauses_and_extensions() -> None:
    run, clock, _rec = make()
    assert run.plan_delta(clock.mono) == 0
    clock.advance(100)
    run.next(*clock.now())  # 500 s ahead
    assert run.plan_delta(clock.mono) == pytest.approx(-500)
    clock.advance(400)  # step 1 (300 s) runs 100 s over
    assert run.plan_delta(clock.mono) == pytest.approx(-400)
    run.toggle_pause(*clock.now())
    clock.advance(60)
    assert run.plan_delta(clock.mono) == pytest.approx(-340)
    run.toggle_pause(*clock.now())
    run.adjust(120, *clock.now())  # 100 s of it are already spent in overtime
    assert run.plan_delta(clock.mono) == pytest.approx(-320)


def test_going_back_keeps_the_time_spent_so_the_plan_delta_does_not_reset() -> None:
    run, clock, _rec = make()  # steps of 600, 300 and 120 s
    clock.advance(900)  # step 0 runs 5 min over
    run.next(*clock.now())
    clock.advance(200)
    assert run.plan_delta(clock.mono) == pytest.approx(300)
    run.back(*clock.now())  # 1100 s spent, step 0 again with its 600 s: 1700 against 600
    assert run.plan_delta(clock.mono) == pytest.approx(1100)
    clock.advance(600)
    run.next(*clock.now())  # 1700 s spent and step 1's 300 s to come, against 900 planned
    assert run.plan_delta(clock.mono) == pytest.approx(1100)


def test_a_step_until_a_clock_time_realigns_the_plan() -> None:
    clock = FakeClock(wall=12 * 3600)
    rec = Recorder()
    segments = [seg(0, 600), seg(1, None, until="12:30"), seg(2, 300)]
    run = RunController(segments, rec)
    run.start(*clock.now())
    clock.advance(900)  # 5 min over
    assert run.plan_delta(clock.mono) == pytest.approx(300)
    run.next(*clock.now())
    assert run.remaining(clock.mono) == pytest.approx(900)
    assert run.plan_delta(clock.mono) == 0
    clock.advance(900)
    run.next(*clock.now())
    clock.advance(60)
    assert run.plan_delta(clock.mono) == 0


def test_snapshot_shows_the_next_step_and_the_standalone_timer_has_none() -> None:
    run, clock, _rec = make()
    snap = run.snapshot(*clock.now())
    assert snap.next_segment is not None and snap.next_segment.index == 1 and snap.total == 3
    timer = RunController([standalone_segment(300, "Coffee")], Recorder())
    timer.start(*clock.now())
    assert timer.snapshot(*clock.now()).next_segment is None


def test_next_change_while_paused_is_the_pause_counter() -> None:
    run, clock, _rec = make()
    clock.advance(0.4)
    assert run.next_change_in(clock.mono) == pytest.approx(0.6)
    run.toggle_pause(*clock.now())
    clock.advance(0.25)
    assert run.next_change_in(clock.mono) == pytest.approx(0.75)
    assert run.next_event_in(clock.mono) is None


def test_the_journal_fold_resumes_where_the_controller_stopped() -> None:
    from facilitate.model.session import fold

    run, clock, rec = make()
    run.next(*clock.now())
    clock.advance(100)
    run.adjust(60, *clock.now())
    run.toggle_pause(*clock.now())
    run.stop(*clock.now(), "interrupted")
    records = [
        Recorded(i + 1, "2026-05-01T10:00:00", "a", "facilitator", e)
        for i, e in enumerate(rec.events)
    ]
    state = fold(records)
    assert state.resume_point == (1, 260, True, "s1", None)
    assert state.method == "m" and state.params == {"k": "v"}


def test_a_resumed_run_carries_the_plan_delta_on() -> None:
    clock = FakeClock()
    run = RunController([seg(0, 600), seg(1, 300), seg(2, 120)], Recorder())
    run.start(*clock.now(), index=2, remaining=120, fresh=False, actual={0: 700, 1: 360})
    assert run.plan_delta(clock.mono) == pytest.approx(160)
    fresh = RunController([seg(0, 600), seg(1, 300), seg(2, 120)], Recorder())
    fresh.start(*clock.now(), index=2, remaining=120, fresh=False)
    assert fresh.plan_delta(clock.mono) == 0  # steps not seen count as on plan


def test_a_paused_resume_is_recorded_as_paused_so_a_crash_keeps_it_paused() -> None:
    from facilitate.model.session import fold

    rec = Recorder()
    run = RunController([seg(0), seg(1, 600), seg(2)], rec, method_id="m")
    run.start(*FakeClock().now(), index=1, remaining=100, paused=True, fresh=False)
    events = [RunStarted(method="m", segments=3), *rec.events]  # the run began earlier
    records = [Recorded(i + 1, "2026-05-01T10:00:00", "a", "f", e) for i, e in enumerate(events)]
    # no RunStopped: as after a crash
    assert fold(records).resume_point == (1, 100, True, "s1", None)


def test_resolved_parameters_round_trip_through_the_journal_as_json() -> None:
    import json

    from facilitate.model.params import params_from_json, params_to_json

    method = validate_method(WORLD_CAFE)
    values = resolve_params(method, {"round_minutes": "15"})
    stored = json.loads(json.dumps(params_to_json(values)))
    assert stored == {"round_minutes": 15.0}
    assert params_from_json(method, stored) == values
    # what older journals kept: the raw override strings
    assert params_from_json(method, {"round_minutes": "15"}) == values
    assert params_from_json(method, {"gone": 1}) == resolve_params(method)


def test_resolved_texts_round_trip_as_both_languages() -> None:
    from facilitate.model.params import ParameterError, params_from_json, params_to_json

    data: dict[str, Any] = dict(WORLD_CAFE)
    data["parameters"] = {
        **data["parameters"],
        "questions": {
            "type": "texts",
            "label": "Questions",
            "default": [{"sv": "Varför?", "en": "Why?"}, "How?"],
        },
    }
    method = validate_method(data)
    values = resolve_params(method)
    stored = params_to_json(values)
    assert stored["questions"] == [{"sv": "Varför?", "en": "Why?"}, {"sv": "How?", "en": "How?"}]
    assert params_from_json(method, stored) == values
    with pytest.raises(ParameterError):
        params_from_json(method, {"round_minutes": 0})


# --- run identity ---------------------------------------------------------------------------


def test_every_event_of_a_run_carries_the_run_id_it_was_given() -> None:
    run, clock, rec = make(run_id="3f2a9c")
    run.toggle_pause(*clock.now())
    run.toggle_pause(*clock.now())
    run.adjust(60, *clock.now())
    run.restart(*clock.now())
    clock.suspend(600)
    run.tick(*clock.now())
    run.add_note("Mod", "e1")
    run.next(*clock.now())
    run.back(*clock.now())
    run.stop(*clock.now(), "quit")
    assert {type(e).__name__ for e in rec.events} >= {
        "RunStarted",
        "StepStarted",
        "TimerPaused",
        "TimerResumed",
        "TimerAdjusted",
        "StepRestarted",
        "ClockResynced",
        "EntryAdded",
        "StepEnded",
        "RunStopped",
    }
    assert [getattr(e, "run_id", None) for e in rec.events] == ["3f2a9c"] * len(rec.events)


def test_a_resumed_run_keeps_its_id_and_its_events_reach_it_after_another_run_began() -> None:
    from facilitate.model.session import fold

    first, clock, rec = make(run_id="first")
    first.stop(*clock.now(), "quit")
    second = RunController([seg(0, 60)], rec, method_id="timer", run_id="second")
    second.start(*clock.now())
    resumed = RunController([seg(0, 600), seg(1, 300), seg(2, 120)], rec, run_id="first")
    resumed.start(*clock.now(), index=0, remaining=600, fresh=False)
    clock.advance(30)
    resumed.toggle_pause(*clock.now())
    records = [
        Recorded(i + 1, "2026-05-01T10:00:00", "a", "f", e) for i, e in enumerate(rec.events)
    ]
    runs = fold(records).runs
    assert [(r.run_id, r.method) for r in runs] == [("first", "m"), ("second", "timer")]
    assert [s.resumed for s in runs[0].steps] == [1]
    assert runs[0].resume_point == (0, 570, True, "s0", None)
    assert runs[1].steps[0].pauses == 0 and runs[1].resume_point == (0, 60, False, "s0", None)
