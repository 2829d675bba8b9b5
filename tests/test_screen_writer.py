"""The diffing writer, read back through a terminal emulator (pyte): whatever the frames,
the screen ends up showing the last one exactly, and only changes are sent."""

from __future__ import annotations

import io
import unicodedata

import pyte
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from facilitate.model.run import RunController, standalone_segment
from facilitate.ui.lines import Frame, Line
from facilitate.ui.screen_writer import ScreenWriter
from facilitate.ui.views import render

from fakes import FakeClock, Recorder


class Terminal:
    """A writer on an in-memory console, and pyte reading what it wrote."""

    def __init__(self, width: int, height: int) -> None:
        self.out = io.StringIO()
        console = Console(
            file=self.out, force_terminal=True, width=width, height=height, color_system="256"
        )
        self.writer = ScreenWriter(console)
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.Stream(self.screen)
        self.read = 0
        self.writer.enter()
        self.pump()

    def pump(self) -> str:
        new = self.out.getvalue()[self.read :]
        self.read += len(new)
        self.stream.feed(new)
        return new

    def draw(self, frame: Frame, size: tuple[int, int]) -> str:
        if size != (self.screen.columns, self.screen.lines):
            self.screen.resize(size[1], size[0])
        self.writer.draw(frame, size)
        return self.pump()

    def rows(self) -> list[str]:
        return [unicodedata.normalize("NFC", row).rstrip() for row in self.screen.display]


PIECES = st.sampled_from(["a", "bc", " ", "  ", "█", "██ ", "中", "e\u0301", "å", "—", "x y"])
STYLES = st.sampled_from(["", "bold", "bold red", "dim", "reverse", "on blue", "bold green"])
LINE = st.lists(st.tuples(PIECES, STYLES), max_size=6).map(lambda parts: Line(tuple(parts)))
FRAME = st.lists(LINE, max_size=7)


def expected(lines: list[Line], width: int, height: int) -> list[str]:
    console = Console(width=width, height=height, file=io.StringIO(), record=True)
    console.print(Frame(lines), end="")
    text = console.export_text().splitlines()
    text += [""] * (height - len(text))
    return [unicodedata.normalize("NFC", row).rstrip() for row in text[:height]]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(FRAME, st.sampled_from([(12, 5), (12, 5), (9, 4)])), min_size=1))
def test_after_any_frames_the_screen_shows_the_last_one(frames) -> None:
    terminal = Terminal(12, 5)
    for lines, size in frames:
        terminal.draw(Frame(lines), size)
    lines, size = frames[-1]
    assert terminal.rows() == expected(lines, *size)


def test_styles_arrive_and_change_cell_by_cell() -> None:
    terminal = Terminal(10, 2)
    terminal.draw(Frame([Line((("ab", "bold green"), ("cd", "")))]), (10, 2))
    terminal.draw(Frame([Line((("ab", "bold red"), ("cd", "")))]), (10, 2))
    cells = terminal.screen.buffer[0]
    assert (cells[0].fg, cells[0].bold) == ("red", True)
    assert (cells[2].fg, cells[2].bold) == ("default", False)


def countdown_frames(size: tuple[int, int], seconds: int = 5) -> list[Frame]:
    """Frames of a countdown a second apart, from 09:55 (one digit changes each second)."""
    clock = FakeClock()
    run = RunController([standalone_segment(600, "Benchmark")], Recorder())
    run.start(*clock.now())
    clock.advance(5)
    frames = []
    for _ in range(seconds):
        frames.append(render(run.snapshot(*clock.now()), size, "en"))
        clock.advance(1)
    return frames


def test_a_new_second_sends_the_changed_digit_only() -> None:
    size = (120, 40)
    terminal = Terminal(*size)
    first, *rest = countdown_frames(size)
    whole = terminal.draw(first, size)
    assert whole.startswith("\x1b[0m\x1b[H\x1b[2J") and len(whole.encode()) > 3000
    for frame in rest:
        assert len(terminal.draw(frame, size).encode()) < 1000
    assert terminal.draw(rest[-1], size) == ""  # nothing changed, nothing sent


def test_a_new_size_or_a_screen_written_over_is_drawn_whole() -> None:
    terminal = Terminal(80, 24)
    frame = countdown_frames((80, 24), 1)[0]
    terminal.draw(frame, (80, 24))
    terminal.writer.invalidate()
    assert terminal.draw(frame, (80, 24)).startswith("\x1b[0m\x1b[H\x1b[2J")
    bigger = countdown_frames((100, 30), 1)[0]
    assert terminal.draw(bigger, (100, 30)).startswith("\x1b[0m\x1b[H\x1b[2J")
    assert sum("█" in row for row in terminal.rows()) >= 5


def test_leaving_clears_the_view_and_gives_the_cursor_back() -> None:
    terminal = Terminal(80, 24)
    terminal.draw(countdown_frames((80, 24), 1)[0], (80, 24))
    terminal.writer.leave()
    sent = terminal.pump()
    assert sent.endswith("\x1b[?1049l\x1b[?25h")
    assert not any(terminal.rows())  # nothing is left, even without an alternate screen
    assert not terminal.screen.cursor.hidden
