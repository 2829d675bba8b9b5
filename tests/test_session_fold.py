"""The fold with run identity: events reach their own run, entries know their run, the
incremental fold equals the whole fold, and a live run's time left can be computed."""

from __future__ import annotations

from datetime import datetime

import pytest

from facilitate.model.entries import ThemePayload
from facilitate.model.events import (
    EntryAdded,
    EntryEdited,
    Event,
    Recorded,
    RunStarted,
    RunStopped,
    StepEnded,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.resume import ResumeProblem, resume_problem
from facilitate.model.run import standalone_segment
from facilitate.model.scoring_types import PairSplit
from facilitate.model.session import (
    ResumePoint,
    SessionFolder,
    TimerMark,
    fold,
    legacy_run_id,
    time_left,
)
from facilitate.model.text import Text
from facilitate.model.timeline import Segment


def recorded(*events: Event) -> list[Recorded]:
    """Events as the journal returns them, numbered, one minute apart."""
    return [
        Recorded(i + 1, f"2026-11-22T10:{i:02d}:00.000+01:00", "Anna", "facilitator", event)
        for i, event in enumerate(events)
    ]


def epoch(at: str) -> float:
    return datetime.fromisoformat(at).timestamp()


STORY = RunStarted(method="storytelling-harvesting", segments=7, run_id="story")
CAFE = RunStarted(method="world-cafe", segments=5, run_id="cafe")


# --- events reach their own run -------------------------------------------------------------


def test_a_timer_event_of_one_run_never_lands_in_another() -> None:
    state = fold(
        recorded(
            STORY,
            StepStarted(index=0, step="intro", planned_seconds=600, run_id="story"),
            CAFE,  # a second track begins while the first goes on
            StepStarted(index=0, step="welcome", planned_seconds=900, run_id="cafe"),
            TimerPaused(index=0, remaining_seconds=500, run_id="story"),
            TimerAdjusted(index=0, delta_seconds=60, remaining_seconds=960, run_id="cafe"),
            StepEnded(
                index=0,
                outcome="ended_early",
                elapsed_seconds=100,
                remaining_seconds=500,
                run_id="story",
            ),
        )
    )
    story, cafe = state.runs
    assert (story.run_id, cafe.run_id) == ("story", "cafe")
    assert [(s.step, s.pauses, s.adjusted_seconds, s.outcome) for s in story.steps] == [
        ("intro", 1, 0.0, "ended_early")
    ]
    assert [(s.step, s.pauses, s.adjusted_seconds, s.outcome) for s in cafe.steps] == [
        ("welcome", 0, 60.0, None)
    ]
    assert story.resume_point == ResumePoint(1, None, False)
    assert cafe.resume_point == ResumePoint(0, 960, False, "welcome")


def test_an_event_of_a_run_that_never_started_is_ignored() -> None:
    records = recorded(STORY, TimerPaused(index=0, remaining_seconds=5, run_id="other"))
    state = fold(records)
    assert state.ignored == (2,)
    assert state.runs[0].steps == ()


def test_a_second_start_of_the_same_run_is_ignored() -> None:
    state = fold(recorded(STORY, CAFE, STORY))
    assert [run.run_id for run in state.runs] == ["story", "cafe"]
    assert state.ignored == (3,)


def test_runs_recorded_before_run_ids_are_named_by_their_place_and_take_untagged_events() -> None:
    state = fold(
        recorded(
            RunStarted(method="35an", segments=9),
            StepStarted(index=0, step="intro", planned_seconds=180),
            RunStarted(method="world-cafe", segments=5),
            StepStarted(index=0, step="welcome", planned_seconds=900),
            TimerPaused(index=0, remaining_seconds=800),
        )
    )
    assert [run.run_id for run in state.runs] == [legacy_run_id(1), legacy_run_id(2)]
    assert state.runs[0].steps[0].pauses == 0 and state.runs[1].steps[0].pauses == 1


# --- entries know their run -----------------------------------------------------------------


def note(entry_id: str, step: str | None, run_id: str | None = None) -> EntryAdded:
    return EntryAdded(entry_id=entry_id, kind="note", text=entry_id, step=step, run_id=run_id)


def test_an_entry_belongs_to_the_run_it_names_else_to_the_latest_run_when_it_was_added() -> None:
    state = fold(
        recorded(
            note("before", None),
            STORY,
            StepStarted(index=0, step="intro", title="Inledning", run_id="story"),
            note("legacy", "intro"),
            CAFE,
            StepStarted(index=0, step="intro", title="Välkommen", run_id="cafe"),
            note("late", "intro", run_id="story"),
            note("cafe", "intro"),
        )
    )
    assert {e.entry_id: e.run_id for e in state.entries} == {
        "before": None,
        "legacy": "story",
        "late": "story",
        "cafe": "cafe",
    }
    titles = {e.entry_id: state.step_title("intro", None, e.run_id) for e in state.entries}
    assert titles == {
        "before": "Välkommen",
        "legacy": "Inledning",
        "late": "Inledning",
        "cafe": "Välkommen",
    }


def test_old_kinds_are_grouped_with_the_kind_they_name() -> None:
    state = fold(
        recorded(
            EntryAdded(entry_id="a", kind="reflektion", text="Mod"),
            EntryAdded(entry_id="b", kind="reflection", text="Genombrott"),
            EntryAdded(entry_id="c", kind="idea", text="Bibliotek"),
        )
    )
    assert [(e.kind, e.legacy_kind) for e in state.entries] == [
        ("reflection", "reflektion"),
        ("reflection", None),
        ("note", "idea"),
    ]
    assert {k: len(v) for k, v in state.entries_by_kind().items()} == {"reflection": 2, "note": 1}


def test_an_entry_with_a_payload_is_read_typed_and_one_that_does_not_fit_keeps_its_value() -> None:
    split = {"round": 1, "card_a": "1", "points_a": 4, "card_b": "2", "points_b": 3}
    state = fold(
        recorded(
            EntryAdded(entry_id="p", kind="pair_split", text="", value=split),
            EntryAdded(entry_id="q", kind="pair_split", text="", value={"round": "one"}),
        )
    )
    good, bad = state.entries
    assert good.payload == PairSplit(1, "1", 4, "2", 3)
    assert (bad.payload, bad.value) == (None, {"round": "one"})


def test_an_edit_changes_what_it_names_and_clears_what_it_clears() -> None:
    state = fold(
        recorded(
            EntryAdded(
                entry_id="e",
                kind="theme",
                text="Möten",
                dims={"story": "1", "lens": "courage"},
                value={"items": ["a", "b"]},
            ),
            EntryEdited(entry_id="e", dims={"lens": "breakthroughs"}),
            EntryEdited(entry_id="e", text="Mötesplatser", clear=["dims.story"]),
        )
    )
    (entry,) = state.entries
    assert (entry.text, entry.dims, entry.edits) == ("Mötesplatser", {"lens": "breakthroughs"}, 2)
    assert entry.payload == ThemePayload(("a", "b"))
    cleared = fold(
        recorded(
            EntryAdded(entry_id="e", kind="theme", text="T", dims={"s": "1"}, value={"items": []}),
            EntryEdited(entry_id="e", clear=["value", "dims"]),
        )
    ).entries[0]
    assert (cleared.dims, cleared.value, cleared.payload) == ({}, None, None)


# --- the incremental fold -------------------------------------------------------------------


def workshop() -> list[Recorded]:
    return recorded(
        STORY,
        StepStarted(
            index=0, step="intro", planned_seconds=600, remaining_seconds=600, run_id="story"
        ),
        note("n1", "intro", run_id="story"),
        TimerPaused(index=0, remaining_seconds=500, run_id="story"),
        TimerResumed(index=0, remaining_seconds=500, paused_seconds=30, run_id="story"),
        EntryEdited(entry_id="n1", text="n1!"),
        StepEnded(
            index=0, outcome="completed", elapsed_seconds=630, remaining_seconds=0, run_id="story"
        ),
        RunStopped(index=1, remaining_seconds=0, paused=False, reason="quit", run_id="story"),
        CAFE,
        StepStarted(index=0, step="welcome", planned_seconds=900, run_id="cafe"),
        note("n2", "welcome"),
    )


@pytest.mark.parametrize("cut", range(12))
def test_applying_records_after_a_snapshot_equals_folding_them_all(cut: int) -> None:
    records = workshop()
    folder = SessionFolder()
    for record in records[:cut]:
        folder.apply(record)
    before = folder.state()
    assert before == fold(records[:cut])
    for record in records[cut:]:
        folder.apply(record)
    assert folder.state() == fold(records)
    assert before == fold(records[:cut])  # a state once taken does not change


# --- a live run's time left -----------------------------------------------------------------


def test_the_state_keeps_the_last_timer_event_so_the_time_left_can_be_computed() -> None:
    records = recorded(
        RunStarted(method="m", segments=2, speed=2.0, run_id="r"),
        StepStarted(index=0, step="a", planned_seconds=600, remaining_seconds=600, run_id="r"),
        TimerAdjusted(index=0, delta_seconds=60, remaining_seconds=640, run_id="r"),
    )
    run = fold(records).runs[0]
    at = records[-1].at
    assert run.timer_mark == TimerMark(at, 0, 640, False)
    assert time_left(run, epoch(at) + 100) == 440  # two method seconds per second
    assert time_left(run, epoch(at) + 400) == -160  # overtime
    assert time_left(run, epoch(at) - 5) == 640  # a clock behind the journal's: no time passed


def test_a_paused_run_keeps_its_time_and_a_stopped_or_finished_one_has_none() -> None:
    base = recorded(
        RunStarted(method="m", segments=1, run_id="r"),
        StepStarted(index=0, step="a", planned_seconds=600, run_id="r"),
        TimerPaused(index=0, remaining_seconds=300, run_id="r"),
    )
    run = fold(base).runs[0]
    assert time_left(run, epoch(base[-1].at) + 1000) == 300
    stop = RunStopped(index=0, remaining_seconds=300, paused=True, reason="quit", run_id="r")
    assert time_left(fold([*base, _next(base, stop)]).runs[0], 0) is None
    end = StepEnded(index=0, outcome="completed", elapsed_seconds=600, remaining_seconds=0)
    assert time_left(fold([*base, _next(base, end)]).runs[0], 0) is None


def _next(records: list[Recorded], event: Event) -> Recorded:
    last = records[-1]
    return Recorded(last.seq + 1, last.at, last.author, last.role, event)


def test_a_mark_with_an_unreadable_time_gives_no_time_left() -> None:
    records = [
        Recorded(1, "x", "a", "f", RunStarted(method="m", segments=1)),
        Recorded(2, "not a time", "a", "f", StepStarted(index=0, step="a", planned_seconds=60)),
    ]
    assert time_left(fold(records).runs[0], 0) is None


# --- resuming after the method file changed -------------------------------------------------


def segments(*labels: str) -> list[Segment]:
    result = []
    for index, label in enumerate(labels):
        step, _, round_ = label.partition("#")
        result.append(
            Segment(
                index, step, Text.same(step), Text.same(""), 60.0, round=int(round_ or 0) or None
            )
        )
    return result


def test_a_resume_point_that_still_matches_has_no_problem() -> None:
    point = ResumePoint(2, 30, False, "round", 2)
    assert resume_problem(point, segments("welcome", "round#1", "round#2")) is None
    assert resume_problem(ResumePoint(0, 5, False, "timer"), [standalone_segment(60, "x")]) is None
    assert resume_problem(ResumePoint(1, None, False), segments("a", "b")) is None  # 0.1.0


def test_a_step_added_before_the_stopped_one_is_named() -> None:
    point = ResumePoint(3, 30, False, "four")
    problem = resume_problem(point, segments("one", "two", "new", "three", "four"))
    assert problem == ResumeProblem("step_changed", 4, "four", "three", 5, moved_to=5)


def test_a_timeline_that_became_shorter_is_named() -> None:
    point = ResumePoint(4, 30, True, "round", 3)
    assert resume_problem(point, segments("welcome", "round#1", "harvest")) == ResumeProblem(
        "step_gone", 5, "round#3", None, 3
    )
