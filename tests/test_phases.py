"""Timed phases within a step, from the step's elapsed time alone (a fake clock)."""

from __future__ import annotations

import pytest

from facilitate.model.run import RunController
from facilitate.model.text import Text
from facilitate.model.timeline import PhaseSpan, Segment
from facilitate.ui.phases import PhaseWatch, next_phase_in, phase_now

from fakes import FakeClock, Recorder

PHASES = (
    PhaseSpan("swap", Text.same("Swap"), 60.0),
    PhaseSpan("talk", Text.same("Talk"), 30.0),
    PhaseSpan("score", Text.same("Score"), None),
)


def segment(seconds: float = 180.0, phases: tuple[PhaseSpan, ...] = PHASES) -> Segment:
    return Segment(0, "round", Text.same("Round"), Text.same(""), seconds, phases=phases)


class Run:
    def __init__(self, seconds: float = 180.0, speed: float = 1.0) -> None:
        self.clock = FakeClock()
        self.seg = segment(seconds)
        self.run = RunController([self.seg], Recorder(), speed=speed)
        self.run.start(*self.clock.now())

    def phase(self) -> tuple[str, float]:
        snap = self.run.snapshot(*self.clock.now())
        now = phase_now(snap.segment, snap.remaining, snap.step_total)
        assert now is not None
        return now.phase.id, round(now.left, 3)


def test_phases_follow_each_other_from_the_start_of_the_step() -> None:
    run = Run()
    assert run.phase() == ("swap", 60)
    run.clock.advance(59.5)
    assert run.phase() == ("swap", 0.5)
    run.clock.advance(0.5)
    assert run.phase() == ("talk", 30)
    run.clock.advance(40)
    assert run.phase() == ("score", 80)  # the last one ends with the step
    run.clock.advance(100)
    assert run.phase() == ("score", -20)  # and stays on in overtime


def test_a_pause_holds_the_phase() -> None:
    run = Run()
    run.clock.advance(30)
    run.run.toggle_pause(*run.clock.now())
    run.clock.advance(300)
    assert run.phase() == ("swap", 30)


def test_time_added_or_taken_changes_the_last_phase_only() -> None:
    run = Run()
    run.clock.advance(30)
    run.run.adjust(60, *run.clock.now())
    assert run.phase() == ("swap", 30)
    run.clock.advance(60)
    assert run.phase() == ("score", 150)  # 90 s planned, +60
    run.run.adjust(-120, *run.clock.now())
    assert run.phase() == ("score", 30)


def test_a_step_shortened_below_its_phases_ends_in_the_last_one() -> None:
    run = Run()
    run.clock.advance(10)
    run.run.adjust(-120, *run.clock.now())  # 50 s left, swap would end in 50 s
    assert run.phase() == ("swap", 50)
    run.clock.advance(50)
    assert run.phase() == ("score", 0)


def test_restart_and_a_resume_part_way() -> None:
    run = Run()
    run.clock.advance(100)
    run.run.restart(*run.clock.now())
    assert run.phase() == ("swap", 60)
    resumed = RunController([segment()], Recorder())
    clock = FakeClock()
    resumed.start(*clock.now(), remaining=100.0, fresh=False)
    snap = resumed.snapshot(*clock.now())
    now = phase_now(snap.segment, snap.remaining, snap.step_total)
    assert now is not None and (now.phase.id, now.left) == ("talk", 10)  # 80 s in


def test_the_next_phase_is_due_in_method_seconds() -> None:
    seg = segment()
    assert next_phase_in(seg, 180, 180) == 60
    assert next_phase_in(seg, 100, 180) == 10
    assert next_phase_in(seg, 50, 180) is None
    assert next_phase_in(segment(phases=()), 50, 180) is None
    assert phase_now(segment(phases=()), 50, 180) is None


def test_the_watch_tells_a_new_step_from_a_phase_that_follows() -> None:
    watch = PhaseWatch()
    seg = segment()
    first = watch.look(0, seg, 180, 180)
    assert first is not None and first.now.phase.id == "swap" and not first.follows
    assert watch.look(0, seg, 150, 180) is None
    follows = watch.look(0, seg, 115, 180)
    assert follows is not None and follows.now.phase.id == "talk" and follows.follows
    again = watch.look(0, seg, 180, 180)  # started over
    assert again is not None and not again.follows
    other = watch.look(1, seg, 100, 180)  # another step begins in its last phase
    assert other is not None and not other.follows
    assert watch.look(2, segment(phases=()), 100, 180) is None


@pytest.mark.parametrize("speed", [1.0, 60.0])
def test_rehearsal_speed_counts_method_seconds(speed: float) -> None:
    run = Run(speed=speed)
    run.clock.advance(60 / speed)
    assert run.phase() == ("talk", 30)
