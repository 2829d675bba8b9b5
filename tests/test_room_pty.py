"""What the room sees, end to end: `facilitate run 35an` in a pseudo-terminal at the sizes
of a laptop, a large window and a projector, read back through a terminal emulator (pyte).

The note line keeps the countdown in view and shows no earlier note; the change from
swapping to scoring rings the bell; one q does not quit, two do; after a resize and after
quitting no fragment of the big digits is left. Rehearsal speed keeps it short; every wait
is a deadline on what the screen shows.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from facilitate.store.store import SessionStore
from pty_screen import PtyScreen

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
SIZES = [(80, 24), (120, 40), (200, 55)]


def digit_rows(screen: PtyScreen) -> list[tuple[int, str]]:
    return [(y, row) for y, row in enumerate(screen.lines) if "█" in row]


def drawn_whole(screen: PtyScreen, size: tuple[int, int]) -> bool:
    """One view of ``size``: the keys on the last line, the clock at the right edge, the big
    digits one block of rows (a fragment of an older frame would stand apart)."""
    lines = screen.lines
    rows = [y for y, _ in digit_rows(screen)]
    return (
        len(lines) == size[1]
        and " q " in f" {lines[-1]} "
        and re.search(r"\d\d:\d\d$", lines[0]) is not None
        and len(lines[0]) == size[0]
        and bool(rows)
        and rows == list(range(rows[0], rows[0] + len(rows)))
        and len(rows) % 5 == 0
    )


def step_number(screen: PtyScreen) -> int:
    found = re.search(r"Step (\d+)/9", screen.lines[0])
    return int(found.group(1)) if found else 0


def go_to_the_first_round(screen: PtyScreen) -> None:
    while "Swap cards (1/2)" not in screen.text:
        step = step_number(screen)
        assert step < 3, screen.text
        screen.send("n")
        screen.wait_for(lambda s, step=step: step_number(s) > step, f"step {step + 1}")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_room_view_of_a_35_run(tmp_path: Path, size: tuple[int, int]) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Eslöv", language="en")
    screen = PtyScreen(["run", "35an", "--session", session.id, "--speed", "60"], tmp_path, size)
    screen.wait_for(lambda s: drawn_whole(s, size), "the view")
    assert "Question: In which areas" in screen.text

    # A note typed on the bottom line; then the next one shows nothing of it.
    screen.send("a")
    screen.wait_text("Esc cancel")
    screen.send("First idea\r")
    screen.wait_text("Note saved")
    screen.send("a")
    screen.wait_text("Esc cancel")
    digits = digit_rows(screen)
    assert digits and "First idea" not in screen.text
    screen.wait_for(lambda s: digit_rows(s) != digits, "the countdown running during the note")
    assert "Esc cancel" in screen.lines[-2] and "First idea" not in screen.text
    screen.send("\x1b")
    screen.wait_text("No note saved")

    # Swapping, then scoring: the change rings the bell.
    go_to_the_first_round(screen)
    mark = len(screen.raw)
    screen.wait_text("Score in pairs (2/2)")
    assert b"\a" in screen.sent_since(mark)

    # Another size: drawn whole, no fragments of the old digits.
    other = SIZES[(SIZES.index(size) + 1) % len(SIZES)]
    screen.resize(*other)
    screen.wait_for(lambda s: drawn_whole(s, other), f"the view at {other}")

    # One q asks and the run goes on; the second quits, and nothing of the view is left.
    screen.send("q")
    screen.wait_text("Press q again to quit; the session is saved")
    digits = digit_rows(screen)
    screen.wait_for(lambda s: digit_rows(s) != digits, "the countdown running after one q")
    assert not screen.ended
    screen.send("q")
    assert screen.finish() == 0
    assert "█" not in screen.text and "Esc cancel" not in screen.text
    assert f"Session saved: {session.id}" in screen.text.replace("\n", "")

    records = [json.loads(line) for line in session.journal_path.read_text().splitlines()]
    notes = [r["data"]["text"] for r in records if r["type"] == "entry_added"]
    assert notes == ["First idea"]
    assert records[-1]["type"] == "run_stopped" and records[-1]["data"]["reason"] == "quit"


def test_plain_on_a_terminal_is_lines_without_escapes(tmp_path: Path) -> None:
    args = ["timer", "300s", "--plain", "--speed", "30", "--warn", "4m"]
    screen = PtyScreen(args, tmp_path, (80, 24))
    screen.wait_text("04:00 left")
    screen.send("q")
    screen.wait_text("Press q again to quit")
    screen.send("q")
    assert screen.finish() == 0
    out = screen.raw.decode()
    assert "\x1b" not in out  # no cursor moves, no colour: only text
    lines = [line for line in screen.lines if line]
    assert all(re.match(r"\d\d:\d\d:\d\d ", line) for line in lines[:3]), lines
