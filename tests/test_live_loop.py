"""The whole run loop with a fake clock, scripted keys and a Rich console writing to memory."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from rich.console import Console

from facilitate.i18n import set_language
from facilitate.model.events import (
    ClockResynced,
    EntryAdded,
    RunStopped,
    StepEnded,
    StepRestarted,
    TimerAdjusted,
    TimerPaused,
    TimerResumed,
)
from facilitate.model.run import RunController, RunSnapshot, Tick
from facilitate.model.text import Text
from facilitate.model.timeline import Segment
from facilitate.ui.keys import RESIZE
from facilitate.ui.live import LoopSettings, run_loop
from facilitate.ui.prompts import Prompter
from facilitate.ui.screens import LiveDisplay, PlainDisplay
from facilitate.ui.views import Overlay, format_countdown, render

from fakes import FakeClock, Recorder, ScriptedKeys, TypingPrompter

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


class Frames:
    """A real LiveDisplay on an in-memory terminal that also keeps each frame as text."""

    def __init__(self, inline: bool = True) -> None:
        self.inline_notes = inline  # False: notes are asked, as plain output does
        self.stream = io.StringIO()
        console = Console(
            file=self.stream,
            force_terminal=True,
            width=SIZE[0],
            height=SIZE[1],
            color_system="standard",
        )
        self.live = LiveDisplay(console, "en")
        self.shown: list[tuple[str, bool, str]] = []
        self.texts: list[str] = []
        self.bells = 0
        self.notices: list[str] = []
        self.starts = 0
        self.stops = 0

    def start(self) -> None:
        self.starts += 1
        self.live.start()

    def stop(self) -> None:
        self.stops += 1
        self.live.stop()

    def show(self, snap: RunSnapshot, overlay: Overlay) -> None:
        self.live.show(snap, overlay)
        self.shown.append((format_countdown(snap.remaining), snap.paused, overlay.flash))
        plain = Console(file=io.StringIO(), width=SIZE[0], height=SIZE[1], record=True)
        plain.print(render(snap, SIZE, "en", overlay))
        self.texts.append(plain.export_text())

    def bell(self) -> None:
        self.bells += 1
        self.live.bell()

    def help(self) -> bool:
        return self.live.help()

    def notice(self, text: str) -> None:
        self.notices.append(text)
        self.live.notice(text)

    def event(self, event, snap: RunSnapshot) -> None:
        self.live.event(event, snap)

    def tick(self, tick: Tick, snap: RunSnapshot) -> None:
        self.live.tick(tick, snap)

    def countdowns(self) -> list[str]:
        return [shown for shown, _, _ in self.shown]


@dataclass
class Result:
    reason: str
    events: Recorder
    display: Frames
    keys: ScriptedKeys
    clock: FakeClock
    controller: RunController


def seg(index: int, seconds: float, warnings: tuple[float, ...] = (30.0,)) -> Segment:
    return Segment(
        index=index,
        step_id=f"s{index}",
        title=Text(sv=f"Steg {index}", en=f"Step {index}"),
        instructions=Text.same("Talk in pairs."),
        seconds=seconds,
        warnings=warnings,
    )


def run(
    segments: list[Segment],
    script: list,
    *,
    quiet: bool = False,
    auto_advance: bool = False,
    prompter: Prompter | None = None,
    speed: float = 1.0,
    start: dict | None = None,
    trace: io.StringIO | None = None,
    then_quit: bool = True,
    clock: FakeClock | None = None,
    new_id: str = "n1",
    session_id: str | None = "2026-05-01-pairs",
    inline: bool = True,
) -> Result:
    clock = clock or FakeClock()
    rec = Recorder()
    keys = ScriptedKeys(clock, script, then_quit=then_quit)
    controller = RunController(segments, rec, speed=speed, auto_advance=auto_advance)
    display = Frames(inline)
    settings = LoopSettings(
        lang="en",
        quiet=quiet,
        trace=trace,
        min_redraw=0.1 if speed > 1 else 0,
        new_id=lambda: new_id,
        session_id=session_id,
    )
    reason = run_loop(
        controller,
        clock=clock,
        keys=keys,
        display=display,
        prompter=prompter,
        settings=settings,
        start=start,
    )
    return Result(reason, rec, display, keys, clock, controller)


def test_a_countdown_redraws_once_a_second_and_waits_in_between() -> None:
    result = run([seg(0, 60)], [(30.5, "q")])
    shown = result.display.countdowns()
    assert shown[:4] == ["01:00", "00:59", "00:58", "00:57"]
    assert shown[-1] == "00:30"
    # one frame per shown second, nothing in between, and one for "Press q again"
    assert len(shown) == 32 and result.display.shown[-1][2].startswith("Press q again")
    # It slept until the next second each time: about one wait per second, never a poll.
    waits = [w for w in result.keys.waits if w is not None]
    assert len(waits) <= 33 and min(waits) > 0.001
    assert result.reason == "quit"


def test_warning_and_end_ring_the_bell_change_colour_and_show_overtime() -> None:
    result = run([seg(0, 40, warnings=(30.0,))], [(45.2, "q")])
    assert result.display.bells == 2
    assert result.display.stream.getvalue().count("\a") == 2
    frames = result.display.shown
    assert ("00:30", False, "00:30 left") in frames
    assert ("+00:00", False, "Time is up") in frames
    assert frames[-1][0] == "+00:05"  # overtime counts up; no advance without --auto-advance
    assert result.controller.index == 0
    assert "OVERTIME" in result.display.texts[-1]


def test_quiet_rings_no_bell() -> None:
    result = run([seg(0, 40)], [(45, "q")], quiet=True)
    assert result.display.bells == 0 and "\a" not in result.display.stream.getvalue()


def test_pause_holds_the_time_and_shows_how_long_it_has_been() -> None:
    result = run([seg(0, 120)], [(10.2, " "), (40.2, " "), (50.2, "q")])
    paused, resumed = result.events.of(TimerPaused)[0], result.events.of(TimerResumed)[0]
    assert paused.remaining_seconds == pytest.approx(109.8)
    assert resumed.paused_seconds == pytest.approx(30)
    assert result.events.of(RunStopped)[0].remaining_seconds == pytest.approx(99.8)
    assert any("PAUSED 00:29" in text for text in result.display.texts)


def test_plus_and_minus_move_the_end_by_a_minute() -> None:
    result = run([seg(0, 120)], [(1.5, "+"), (2.5, "+"), (3.5, "-"), (4, "q")])
    deltas = [e.delta_seconds for e in result.events.of(TimerAdjusted)]
    assert deltas == [60, 60, -60]
    assert result.events.of(RunStopped)[0].remaining_seconds == pytest.approx(176)
    assert ("02:59", False, "+1 min") in result.display.shown


def test_next_back_and_restart_walk_the_steps() -> None:
    segments = [seg(0, 60), seg(1, 300), seg(2, 120)]
    script = [(5, "n"), (20, "b"), (30, "n"), (40, "r"), (41, "q")]
    result = run(segments, script)
    outcomes = [(e.index, e.outcome) for e in result.events.of(StepEnded)]
    assert outcomes == [(0, "ended_early"), (1, "back"), (0, "ended_early")]
    assert result.events.of(StepRestarted)[0].index == 1
    assert result.events.of(RunStopped)[0].remaining_seconds == pytest.approx(299)


def test_back_on_the_first_step_only_says_so() -> None:
    result = run([seg(0, 60), seg(1, 60)], [(2, "b"), (3, "q")])
    assert not result.events.of(StepEnded)
    assert any(flash == "This is the first step" for _, _, flash in result.display.shown)


def test_next_on_the_last_step_asks_to_confirm_then_finishes() -> None:
    result = run([seg(0, 60)], [(5, "n"), (6, "n")], then_quit=False)
    assert result.reason == "finished"
    assert [e.outcome for e in result.events.of(StepEnded)] == ["ended_early"]
    assert result.events.events[-1] == RunStopped(
        index=0, remaining_seconds=54, paused=False, reason="finished"
    )
    assert any("press n again" in flash for _, _, flash in result.display.shown)


def test_auto_advance_runs_the_method_through_by_itself() -> None:
    result = run([seg(0, 10), seg(1, 20)], [], auto_advance=True, then_quit=False)
    assert result.reason == "finished"
    assert [e.outcome for e in result.events.of(StepEnded)] == ["completed", "completed"]
    assert result.clock.mono - 1000 == pytest.approx(30, abs=0.01)


def test_a_view_without_a_note_line_stops_asks_and_the_clock_keeps_running() -> None:
    clock = FakeClock()
    prompter = TypingPrompter(clock, ["More pens, please"], seconds=20)
    script = [(5, "a"), (30, "q")]
    result = run([seg(0, 120)], script, prompter=prompter, clock=clock, inline=False)
    assert "Step 0" in prompter.asked[0] and "01:55" in prompter.asked[0]
    assert result.events.of(EntryAdded) == [
        EntryAdded(entry_id="n1", kind="note", text="More pens, please", step="s0")
    ]
    display = result.display
    assert display.starts == 2 and display.stops == 2  # stopped for the prompt, started after
    assert result.keys.paused == 1 and result.keys.resumed == 1
    # 30 s passed, 20 of them typing: the clock kept running during the prompt.
    assert result.events.of(RunStopped)[0].remaining_seconds == pytest.approx(90)
    assert ("01:35", False, "Note saved") in display.shown


def test_an_empty_note_is_not_saved() -> None:
    prompter = TypingPrompter(FakeClock(), [None], seconds=0)
    result = run([seg(0, 60)], [(2, "a"), (3, "q")], prompter=prompter, inline=False)
    assert not result.events.of(EntryAdded)


def test_ctrl_c_stops_the_run_as_interrupted_and_restores_the_screen() -> None:
    def ctrl_c() -> None:
        raise KeyboardInterrupt

    result = run([seg(0, 300)], [(12.3, ctrl_c)])
    assert result.reason == "interrupted"
    assert result.events.events[-1] == RunStopped(
        index=0, remaining_seconds=pytest.approx(287.7), paused=False, reason="interrupted"
    )
    output = result.display.stream.getvalue()
    assert output.count("\x1b[?1049h") == 1 and output.count("\x1b[?1049l") == 1
    assert output.endswith("\x1b[2J\x1b[?1049l\x1b[?25h")  # cleared, normal screen, cursor


def test_after_the_laptop_slept_the_round_follows_the_wall_clock() -> None:
    clock = FakeClock()
    script = [(100.5, lambda: clock.suspend(300)), (101, "q")]
    result = run([seg(0, 600)], script, clock=clock)
    jump = result.events.of(ClockResynced)[0]
    assert jump.jump_seconds == pytest.approx(300)
    assert result.events.of(RunStopped)[0].remaining_seconds == pytest.approx(199)
    assert any("slept for 5 min" in flash for _, _, flash in result.display.shown)


def test_resize_and_help_redraw_at_once() -> None:
    result = run([seg(0, 60)], [(2.5, RESIZE), (3.5, "?"), (4.5, "x"), (5, "q")])
    texts = result.display.texts
    # 0 s, 1 s, 2 s, the resize at 2.5, 3 s, help at 3.5 (it stays as it is), closed at 4.5,
    # and "Press q again" at 5
    assert len(texts) == 8
    assert any(text.startswith("Keys") for text in texts)
    assert "Keys" not in texts[-1]


def test_resume_starts_paused_part_way() -> None:
    start = {"index": 1, "remaining": 42.0, "paused": True, "fresh": False}
    result = run([seg(0, 60), seg(1, 300)], [(10, "q")], start=start)
    assert result.display.shown[0] == ("00:42", True, "")
    assert result.events.events[-1] == RunStopped(
        index=1, remaining_seconds=42, paused=True, reason="quit"
    )


def test_rehearsal_speed_keeps_redraws_to_ten_a_second() -> None:
    result = run([seg(0, 300)], [], speed=60, auto_advance=True, then_quit=False)
    assert result.reason == "finished"
    assert result.clock.mono - 1000 == pytest.approx(5, abs=0.01)
    assert 40 <= len(result.display.shown) <= 55


def test_trace_logs_each_wake_against_its_target() -> None:
    trace = io.StringIO()
    run([seg(0, 60, warnings=(50.0,))], [(12, "q")], trace=trace)
    lines = [line.split() for line in trace.getvalue().splitlines()]
    wakes = [(float(w[1]), float(w[2])) for w in lines if w[0] == "wake"]
    assert len(wakes) >= 11
    assert all(0 <= woke - target <= 0.0011 for woke, target in wakes[:-1])
    warns = [(float(w[1]), float(w[2])) for w in lines if w[0] == "warn"]
    assert len(warns) == 1
    shown, deadline = warns[0]
    assert deadline == pytest.approx(1010) and 0 <= shown - deadline <= 0.0011


def test_plain_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    clock = FakeClock()
    segments = [seg(0, 150, warnings=(30.0,)), seg(1, 60)]
    controller = RunController(segments, Recorder(), method_id="m", auto_advance=True)
    display = PlainDisplay(stream, segments, "en", title="Pairs", stamp=lambda: "10:00:00")
    keys = ScriptedKeys(clock, [(20, " "), (25, " "), (26, "+")], then_quit=False)
    run_loop(
        controller, clock=clock, keys=keys, display=display, prompter=None, settings=LoopSettings()
    )
    lines = stream.getvalue().splitlines()
    assert "\x1b" not in stream.getvalue() and "\a" not in stream.getvalue()
    assert lines[:4] == [
        "10:00:00 Pairs: 2 steps",
        "10:00:00 [1/2] Step 0: 02:30",
        "10:00:00 paused at 02:10",
        "10:00:00 resumed at 02:10 after a pause of 5 s",
    ]
    assert "10:00:00 +1 min: 03:09 left" in lines
    assert "10:00:00 01:00 left" in lines and "10:00:00 00:30 left" in lines
    assert "10:00:00 time is up" in lines
    assert lines[-1] == "10:00:00 finished"


def test_the_note_prompt_says_when_the_clock_is_paused() -> None:
    clock = FakeClock()
    prompter = TypingPrompter(clock, ["Break", "After"], seconds=5)
    script = [(5, " "), (10, "a"), (20, " "), (25, "a"), (40, "q")]
    run([seg(0, 120)], script, prompter=prompter, clock=clock, inline=False)
    paused, running = prompter.asked
    assert "01:55 left, the clock is paused" in paused and "running" not in paused
    assert "the clock is running" in running
    assert "an empty line cancels" in running


def test_a_note_without_a_session_says_it_cannot_be_kept() -> None:
    prompter = TypingPrompter(FakeClock(), ["lost"], seconds=0)
    result = run([seg(0, 60)], [(2, "a"), (3, "q")], prompter=prompter, session_id=None)
    assert not prompter.asked and not result.events.of(EntryAdded)
    assert result.display.notices[0] == "Notes need a session: start the timer with --session ID"


def test_after_going_back_the_header_still_counts_the_time_spent() -> None:
    segments = [seg(0, 60), seg(1, 60)]
    result = run(segments, [(100, "n"), (130, "b"), (135, "q")])
    texts = result.display.texts
    back = max(i for i, text in enumerate(texts) if "Step 2/2" in text) + 1
    assert "1 min behind plan" in texts[back - 1]  # 100 s spent, step 2 to come: 40 s behind
    # 130 s spent, and step 1 again with its 60 s: 2 min behind, never "on plan".
    assert all("Step 1/2" in text and "2 min behind plan" in text for text in texts[back:])
    assert len(texts) - back >= 5


def plain_run(script: list, *, prompter: Prompter | None = None) -> tuple[list[str], Recorder]:
    stream = io.StringIO()
    clock = FakeClock()
    segments = [seg(0, 120), seg(1, 60)]
    rec = Recorder()
    controller = RunController(segments, rec, method_id="m")
    display = PlainDisplay(stream, segments, "en", title="Pairs", stamp=lambda: "10:00:00")
    keys = ScriptedKeys(clock, script)
    settings = LoopSettings(session_id="2026-05-01-pairs", new_id=lambda: "n1")
    run_loop(
        controller, clock=clock, keys=keys, display=display, prompter=prompter, settings=settings
    )
    return stream.getvalue().splitlines(), rec


def test_plain_help_prints_the_keys_and_the_next_key_still_works() -> None:
    lines, rec = plain_run([(2, "?"), (3, " ")])
    assert "10:00:00 Keys" in lines
    assert any(line.startswith("10:00:00   space") and "pause / resume" in line for line in lines)
    assert lines.index("10:00:00 Keys") < lines.index("10:00:00 paused at 01:57")
    assert rec.of(TimerPaused)  # the space after ? was not swallowed


def test_plain_output_says_what_a_key_did_when_no_event_shows_it() -> None:
    lines, _ = plain_run([(2, "b"), (3, "a"), (4, "n"), (5, "n")])
    assert "10:00:00 This is the first step" in lines
    assert (
        "10:00:00 Notes need a terminal here; add one with: facilitate sessions note"
        ' 2026-05-01-pairs "TEXT"'
    ) in lines
    assert "10:00:00 Last step: press n again to finish" in lines


def test_plain_output_asks_for_a_note_on_plain_lines() -> None:
    from facilitate.ui.prompts import LinePrompter

    answers, asked = io.StringIO("More chairs\n"), io.StringIO()
    lines, rec = plain_run([(2, "a")], prompter=LinePrompter(answers, asked))
    assert asked.getvalue().startswith("Note for Step 0 (01:58 left, the clock is running")
    assert rec.of(EntryAdded)[0].text == "More chairs"
    assert "10:00:00 note: More chairs" in lines
