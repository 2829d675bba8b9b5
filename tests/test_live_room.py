"""The run loop as the room and the facilitator meet it: quitting takes two q's, a phase
change rings, a note is typed on the view's own line while the countdown runs (fake clock,
scripted keys, a real LiveDisplay on an in-memory terminal)."""

from __future__ import annotations

import io

import pytest

from facilitate.i18n import set_language
from facilitate.model.events import EntryAdded, RunStopped
from facilitate.model.run import RunController
from facilitate.model.text import Text
from facilitate.model.timeline import NoteDimension, PhaseSpan, Segment
from facilitate.ui.keys import BACKSPACE, ENTER, ESCAPE, RIGHT, TAB
from facilitate.ui.live import LoopSettings, run_loop
from facilitate.ui.screens import PlainDisplay
from test_live_loop import run, seg

from fakes import FakeClock, Recorder, ScriptedKeys


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


SWAP = PhaseSpan("swap", Text("Byt kort", "Swap cards"), 60.0, Text.same("Swap, do not read."))
SCORE = PhaseSpan("score", Text("Poängsätt", "Score in pairs"), None)
STORY = NoteDimension("story", Text("Berättelse", "Story"), (("1", Text.same("Trelleborg")),))
LENS = NoteDimension(
    "lens",
    Text("Lins", "Lens"),
    (("courage", Text("Mod", "Courage")), ("breakthroughs", Text("Genombrott", "Breakthroughs"))),
)


def round_segment(index: int = 0, seconds: float = 180.0) -> Segment:
    return Segment(
        index=index,
        step_id="round",
        title=Text.same("Swap and score"),
        instructions=Text.same("Each round takes 3 minutes."),
        seconds=seconds,
        round=1,
        rounds=5,
        warnings=(30.0,),
        phases=(SWAP, SCORE),
    )


def story_segment() -> Segment:
    return Segment(
        index=0,
        step_id="storytelling",
        title=Text.same("The story"),
        instructions=Text.same("Listen through your lens."),
        seconds=1200.0,
        note_dims=(STORY, LENS),
    )


def typed(at: float, text: str) -> list[tuple[float, str]]:
    return [(at + i * 0.01, char) for i, char in enumerate(text)]


# -- quitting --------------------------------------------------------------------------------


def test_one_q_asks_and_a_second_q_within_the_window_quits() -> None:
    result = run([seg(0, 120)], [(5, "q"), (7, "q")], then_quit=False)
    assert result.reason == "quit"
    stopped = result.events.of(RunStopped)[0]
    assert stopped.remaining_seconds == pytest.approx(113)  # at the second q, not the first
    flashes = [flash for _, _, flash in result.display.shown]
    assert "Press q again to quit; the session is saved" in flashes


def test_any_other_key_after_q_keeps_the_run_going_and_does_nothing_else() -> None:
    script = [(5, "q"), (6, " "), (8, "q"), (20, "q"), (21, "q")]  # 8 s: too long before 20
    result = run([seg(0, 120)], script, then_quit=False)
    assert result.reason == "quit"
    assert result.events.of(RunStopped)[0].remaining_seconds == pytest.approx(99)
    assert "timer_paused" not in result.events.types()  # the space only cancelled
    flashes = [flash for _, _, flash in result.display.shown]
    assert "Not quitting: the run goes on" in flashes
    assert flashes.count("Press q again to quit; the session is saved") >= 2


def test_without_a_session_the_question_does_not_promise_a_save() -> None:
    result = run([seg(0, 60)], [(2, "q"), (3, "q")], then_quit=False, session_id=None)
    assert result.reason == "quit"
    assert "Press q again to quit" in result.display.notices


# -- phases ----------------------------------------------------------------------------------


def test_a_phase_change_rings_flashes_and_recolours_the_digits() -> None:
    result = run([round_segment()], [(65, "q"), (65.5, "q")], then_quit=False, quiet=False)
    texts = result.display.texts
    swap = next(text for text in texts if "Swap cards (1/2)" in text)
    score = next(text for text in texts if "Score in pairs (2/2)" in text)
    assert "then: Score in pairs" in swap and "round: 03:00 left" in swap
    assert "Swap, do not read." in swap and "Swap, do not read." not in score
    assert result.display.bells == 1  # the phase change at 1:00; the 30 s warning is later
    assert ("02:00", False, "Score in pairs: 2 min") in [
        (shown, paused, flash) for shown, paused, flash in result.display.shown
    ]
    out = result.display.stream.getvalue()
    before, after = out.split("\a")
    assert "\x1b[0;1;36m" in before and "\x1b[0;1;32m" in after  # cyan, then green


def test_the_digits_count_down_the_phase_and_the_status_the_round() -> None:
    result = run([round_segment()], [(10, "q"), (10.1, "q")], then_quit=False)
    frame = result.display.texts[-1]
    assert "round: 02:50 left" in frame  # the round's time below the phase's digits
    assert result.display.shown[-1][0] == "02:50"  # the snapshot counts the round


def test_a_phase_change_wakes_the_loop_on_time_and_is_traced() -> None:
    trace = io.StringIO()
    run([round_segment(seconds=600)], [(70, "q"), (70.1, "q")], then_quit=False, trace=trace)
    phases = [line.split() for line in trace.getvalue().splitlines() if line.startswith("phase")]
    assert len(phases) == 1
    shown, deadline = float(phases[0][1]), float(phases[0][2])
    assert deadline == pytest.approx(1060) and 0 <= shown - deadline <= 0.0011


def test_a_pause_holds_the_phase_and_plus_lengthens_the_last_one() -> None:
    script = [(30, " "), (90, " "), (100, "+"), (160, "q"), (160.1, "q")]
    result = run([round_segment()], script, then_quit=False)
    # Swap lasts 60 s of running time: 30 s, a minute's pause, 30 s more.
    changes = [i for i, (_, _, flash) in enumerate(result.display.shown) if "Score" in flash]
    assert changes and result.display.bells == 1
    frame = result.display.texts[-1]
    assert "Score in pairs (2/2)" in frame  # +1 min went to the last phase


def test_plain_lines_say_each_phase_and_ring_on_a_terminal() -> None:
    stream = io.StringIO()
    clock = FakeClock()
    segments = [round_segment()]
    controller = RunController(segments, Recorder(), method_id="35an", auto_advance=True)
    display = PlainDisplay(stream, segments, "en", stamp=lambda: "10:00:00", ring=True)
    keys = ScriptedKeys(clock, [], then_quit=False)
    run_loop(
        controller, clock=clock, keys=keys, display=display, prompter=None, settings=LoopSettings()
    )
    lines = stream.getvalue().replace("\a", "<bell>\n").splitlines()
    assert lines[1] == "10:00:00 phase 1/2: Swap cards (1 min)"  # no bell as the step begins
    at = lines.index("10:00:00 phase 2/2: Score in pairs (2 min)")
    assert lines[at - 1 : at + 2] == ["10:00:00 phase 1/2: Swap cards (1 min)", lines[at], "<bell>"]
    assert "\x1b" not in stream.getvalue()


# -- the note line ---------------------------------------------------------------------------


def test_a_note_is_typed_on_the_bottom_line_while_the_countdown_runs() -> None:
    script = [(5, "a"), *typed(6, "More chairs"), (9.5, ENTER), (12, "q"), (12.1, "q")]
    result = run([seg(0, 120)], script, then_quit=False)
    typing = [text for text in result.display.texts if "Note › More" in text]
    assert typing, result.display.texts[-1]
    shown = [t for t in typing if "Note › More chairs" in t]
    assert len({text for text in shown}) >= 2  # the view went on while the note was open
    assert all("█" in text for text in typing)  # the countdown stays in view
    assert all("Enter save · Esc cancel" in text.splitlines()[-2] for text in typing)
    assert result.events.of(EntryAdded)[0].text == "More chairs"
    assert result.display.starts == 1 and result.keys.paused == 0  # no prompt, no mode change
    assert ("01:50", False, "Note saved") in result.display.shown


def test_the_next_note_shows_nothing_of_the_last_one() -> None:
    script = [(2, "a"), *typed(3, "First"), (4, ENTER), (6, "a"), (7, "x"), (8, ESCAPE)]
    result = run([seg(0, 120)], script)
    second = [text for text in result.display.texts if "Note › x" in text]
    assert second and not any("First" in text for text in second)
    assert [e.text for e in result.events.of(EntryAdded)] == ["First"]  # Esc kept nothing


def test_the_dimensions_are_chosen_with_tab_and_arrows_and_kept_for_the_next_note() -> None:
    script = [
        (2, "a"),
        *typed(3, "Brave"),
        (4, TAB),
        (4.1, RIGHT),
        (4.2, TAB),
        (4.3, "2"),
        (5, ENTER),
        (6, "a"),
        *typed(7, "Again"),
        (8, TAB),
        (8.1, TAB),
        (8.2, BACKSPACE),
        (9, ENTER),
    ]
    result = run([story_segment()], script)
    notes = result.events.of(EntryAdded)
    assert [(n.text, n.dims) for n in notes] == [
        ("Brave", {"story": "1", "lens": "breakthroughs"}),
        ("Again", {"story": "1"}),
    ]
    assert all(n.step == "storytelling" for n in notes)
    line = next(t for t in result.display.texts if "Lens: 2 Breakthroughs" in t)
    assert "Story: 1 Trelleborg" in line and "Tab story, lens" in line


def test_a_note_without_text_saves_nothing_and_says_so() -> None:
    result = run([seg(0, 60)], [(2, "a"), (3, "   "), (4, ENTER)])
    assert not result.events.of(EntryAdded)
    assert any(flash == "No note saved" for _, _, flash in result.display.shown)
