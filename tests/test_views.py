"""The live view: sized to the terminal, nothing cut off, the right words and colours."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from facilitate.i18n import set_language
from facilitate.model.run import RunController, RunSnapshot
from facilitate.model.text import Text
from facilitate.model.timeline import Segment
from facilitate.ui.digits import best_scale, pixel_width, render_digits
from facilitate.ui.format import format_minutes
from facilitate.ui.views import Overlay, format_countdown, plan_text, render, signature

from fakes import FakeClock, Recorder

QUESTION = "What would make the library the living room of our town?"
LONG = " ".join(["Talk at your table, draw on the paper, and listen for what connects."] * 12)


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def segments() -> list[Segment]:
    return [
        Segment(0, "welcome", Text("Välkommen", "Welcome"), Text.same("Why we are here."), 600.0),
        Segment(
            1,
            "round",
            Text("Runda", "Café round"),
            Text.same(LONG),
            1200.0,
            round=1,
            rounds=3,
            round_text=Text.same(QUESTION),
        ),
        Segment(2, "lunch", Text("Lunch", "Lunch"), Text.same("Eat."), None, until="12:30"),
    ]


def snapshot(advance: float = 0.0, *, step: int = 1, paused: bool = False) -> RunSnapshot:
    clock = FakeClock(wall=11 * 3600)  # 11:00 UTC
    run = RunController(segments(), Recorder())
    run.start(*clock.now(), index=step)
    if paused:
        run.toggle_pause(*clock.now())
    clock.advance(advance)
    return run.snapshot(*clock.now())


def screen(snap: RunSnapshot, width: int, height: int, overlay: Overlay | None = None) -> list[str]:
    console = Console(file=io.StringIO(), width=width, height=height, record=True)
    console.print(render(snap, (width, height), "en", overlay))
    return console.export_text().splitlines()


SIZES = [
    (200, 60),
    (120, 40),
    (100, 30),
    (80, 24),
    (60, 15),
    (40, 12),
    (30, 8),
    (25, 6),
    (20, 5),
    (16, 3),
    (12, 1),
]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_view_fits_the_terminal_and_keeps_the_essentials(width: int, height: int) -> None:
    lines = screen(snapshot(1100), width, height, Overlay(flash="+1 min"))
    assert len(lines) <= height
    assert all(len(line) <= width for line in lines)
    text = "\n".join(lines)
    if height >= 3:
        assert "? " in lines[-1] and "q " in lines[-1]  # the keys are always there
    big = any("█" in line for line in lines)
    assert big or "01:40" in text  # the time is shown, in block digits or as text


def test_a_big_terminal_gets_big_digits_a_small_one_small_digits() -> None:
    big = screen(snapshot(1100), 120, 40)
    medium = screen(snapshot(1100), 80, 24)
    small = screen(snapshot(1100), 40, 9)
    rows = lambda lines: sum(1 for line in lines if "█" in line)  # noqa: E731
    assert rows(big) > rows(medium) >= 5
    assert rows(small) == 0 and any("01:40" in line for line in small)
    assert any(QUESTION[:20] in line for line in small)  # the question keeps its line


def test_block_digits_spell_the_time() -> None:
    scale = best_scale("07:32", 80, 10)
    assert scale is not None
    lines = render_digits("07:32", scale)
    assert len(lines) == 5 * scale.rows
    assert len(lines[0]) == pixel_width("07:32") * scale.cols
    assert best_scale("07:32", 10, 10) is None


def test_the_round_question_steps_and_next_are_shown() -> None:
    text = "\n".join(screen(snapshot(1100), 120, 40))
    assert "Café round 1/3" in text
    assert QUESTION in text
    assert "Step 2/3" in text
    assert "Next: Lunch (until 12:30)" in text
    assert "11:18" in text  # the wall clock


def test_long_instructions_are_shortened_with_an_ellipsis_not_cut() -> None:
    lines = screen(snapshot(1100), 80, 24)
    assert any(line.rstrip().endswith("…") for line in lines)
    assert any("█" in line for line in lines)


def test_paused_overtime_and_until_have_their_own_status() -> None:
    assert "PAUSED 00:42" in "\n".join(screen(snapshot(42, paused=True), 80, 24))
    assert "OVERTIME" in "\n".join(screen(snapshot(1260), 80, 24))
    assert "until 12:30" in "\n".join(screen(snapshot(0, step=2), 80, 24))


def test_colours_follow_the_warnings() -> None:
    def colours(snap: RunSnapshot) -> str:
        console = Console(
            file=io.StringIO(), width=80, height=24, force_terminal=True, color_system="standard"
        )
        console.print(render(snap, (80, 24), "en"))
        return console.file.getvalue()

    assert "\x1b[1;32m" in colours(snapshot(600))  # green
    assert "\x1b[1;33m" in colours(snapshot(1100))  # yellow: under 2 minutes
    assert "\x1b[1;31m" in colours(snapshot(1250))  # red: overtime


def test_help_lists_every_key() -> None:
    text = "\n".join(screen(snapshot(0), 80, 24, Overlay(help=True)))
    for key in ("space", "+ / -", "n ", "b ", "r ", "a ", "q ", "Ctrl-C"):
        assert key in text


def test_swedish_labels() -> None:
    set_language("sv")
    console = Console(file=io.StringIO(), width=120, height=40, record=True)
    console.print(render(snapshot(1100), (120, 40), "sv"))
    text = console.export_text()
    assert "Runda 1/3" in text and "Steg 2/3" in text and "Nästa: Lunch (till 12:30)" in text
    assert "hjälp" in text


def test_the_swedish_help_names_the_space_bar_in_swedish() -> None:
    set_language("sv")
    console = Console(file=io.StringIO(), width=100, height=30, record=True)
    console.print(render(snapshot(1100), (100, 30), "sv", Overlay(help=True)))
    lines = console.export_text().splitlines()
    assert lines[0] == "Tangenter"
    assert lines[1].split() == ["mellanslag", "paus", "/", "fortsätt"]
    assert not any("space" in line for line in lines)
    # the descriptions line up after the longest key name ("mellanslag", 10 cells)
    assert "Ctrl-C" in lines[11]
    assert all(line[12:14] == "  " and line[14] != " " for line in lines[1:12]), lines


def test_formats() -> None:
    assert format_countdown(452.3) == "07:33"
    assert format_countdown(-65.5) == "+01:05"
    assert format_countdown(3725) == "1:02:05"
    assert format_minutes(1200) == "20 min" and format_minutes(90) == "1:30 min"
    assert format_minutes(30) == "30 s"
    assert plan_text(0) == "on plan" and plan_text(200) == "3 min behind plan"
    assert plan_text(-130) == "2 min ahead of plan"


def test_signature_changes_with_the_shown_second_only() -> None:
    assert signature(snapshot(10.1), "en") == signature(snapshot(10.9), "en")
    assert signature(snapshot(10.9), "en") != signature(snapshot(11.1), "en")


# -- what the room sees --------------------------------------------------------------------


def method_snapshot(method_id: str, step: str, *, params: dict | None = None, advance=0.0):
    from facilitate.library.methods import bundled_dir, load_method_file
    from facilitate.model.expand import build_timeline
    from facilitate.model.params import resolve_params

    method = load_method_file(bundled_dir() / f"{method_id}.yaml")
    timeline = build_timeline(method, resolve_params(method, params))
    index = next(s.index for s in timeline if s.step_id == step)
    clock = FakeClock(wall=11 * 3600)
    run = RunController(timeline, Recorder())
    run.start(*clock.now(), index=index)
    clock.advance(advance)
    return run.snapshot(*clock.now())


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 55)])
def test_the_stories_and_the_lenses_with_their_prompts_show_while_listening(size) -> None:
    snap = method_snapshot(
        "storytelling-harvesting", "storytelling", params={"stories": "Trelleborg|Svalöv"}
    )
    text = "\n".join(screen(snap, *size))
    assert "Story: Trelleborg · Svalöv" in text
    assert "Courage — Where did someone show courage?" in text
    assert "What I take home — What in the story" in text
    assert any("█" in line for line in text.splitlines())  # the countdown keeps its place


@pytest.mark.parametrize("step", ["write", "round"])
def test_the_35_question_shows_while_writing_and_scoring(step: str) -> None:
    snap = method_snapshot("35an", step, params={"question": "Vad ska vi göra i Eslöv?"})
    text = "\n".join(screen(snap, 80, 24))
    assert "Question: Vad ska vi göra i Eslöv?" in text


def test_a_phase_shows_its_name_its_time_and_the_rounds() -> None:
    swap = "\n".join(screen(method_snapshot("35an", "round", advance=15), 120, 40))
    assert "Swap and score 1/5 · Swap cards (1/2)" in swap
    assert "then: Score in pairs · round: 02:45 left" in swap
    score = "\n".join(screen(method_snapshot("35an", "round", advance=75), 120, 40))
    assert "Score in pairs (2/2)" in score and "of 3 min" in score


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_every_key_is_on_the_bar_at_80_columns(lang: str) -> None:
    set_language(lang)
    bar = screen(snapshot(100), 80, 24)[-1]
    words = bar.split()
    for key in ("+/-", "n", "b", "r", "a", "?", "q"):
        assert key in words, (key, bar)
    assert ("space" if lang == "en" else "mellanslag") in words


def test_the_note_line_replaces_the_keys_and_shows_nothing_else() -> None:
    from facilitate.ui.note_input import NoteInput

    note = NoteInput(text="Ett mod att fråga", cursor=17)
    lines = screen(snapshot(100), 80, 24, Overlay(note=note, flash="Note saved"))
    assert lines[-1].startswith("Note › Ett mod att fråga")
    assert lines[-2].startswith("Enter save · Esc cancel")
    assert any("█" in line for line in lines)
    assert "Note saved" not in "\n".join(lines) and "pause" not in lines[-1]


def test_a_long_note_scrolls_so_the_cursor_shows() -> None:
    from facilitate.ui.note_input import NoteInput

    text = "word " * 40
    lines = screen(snapshot(100), 60, 20, Overlay(note=NoteInput(text=text, cursor=len(text))))
    assert len(lines[-1]) <= 60 and lines[-1].startswith("Note › ") and "word" in lines[-1]


def test_a_small_terminal_keeps_the_countdown_and_the_note() -> None:
    from facilitate.ui.note_input import NoteInput

    lines = screen(snapshot(100), 30, 2, Overlay(note=NoteInput(text="hej", cursor=3)))
    assert "18:20" in lines[0] and lines[1].startswith("Note › hej")
