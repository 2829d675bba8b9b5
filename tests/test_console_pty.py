"""The facilitator's console in one terminal, the room view in another (real ptys, read
back through pyte): the console waits for a run, then its keys steer the projector — a pause
shows there within a second and is recorded once, by the run — and a note from a third
process shows up on the console. q twice quits the console and leaves the run going."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitate.store.store import SessionStore
from pty_screen import PtyScreen, env_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX ptys and FIFOs")


def within(
    seconds: float, screen: PtyScreen, check: Callable[[PtyScreen], bool], what: str
) -> float:
    """Pump ``screen`` until ``check`` holds; fail after ``seconds``; the time it took."""
    began = time.monotonic()
    while not check(screen):
        if time.monotonic() - began > seconds or screen.ended:
            raise AssertionError(f"not within {seconds} s: {what}\n{screen.text}")
        screen.pump(0.02)
    return time.monotonic() - began


def drawn_whole(screen: PtyScreen, size: tuple[int, int]) -> bool:
    """The console fitted to ``size``: its heading and clock on the first line, the keys on
    the last, the note once, the block digits one block of rows."""
    lines = screen.lines
    digits = [y for y, line in enumerate(lines) if "█" in line]
    return (
        len(lines) == size[1]
        and lines[0].startswith("Console · Eslöv")
        and len(lines[0]) == size[0]
        and "q quit" in lines[-1]
        and screen.text.count("An idea from afar") == 1
        and bool(digits)
        and digits == list(range(digits[0], digits[0] + len(digits)))
    )


def journal(tmp_path: Path, session_id: str) -> list[str]:
    path = tmp_path / "sessions" / session_id / "journal.jsonl"
    return [json.loads(line)["type"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_console_steers_the_room_view_and_shows_notes_from_elsewhere(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Eslöv", language="en")
    console = PtyScreen(["console", session.id], tmp_path, (80, 24))
    console.wait_text("no live run — keys do nothing")
    console.send(" ")
    console.wait_text("No live run took it")

    room = PtyScreen(["run", "35an", "--session", session.id, "--speed", "1"], tmp_path, (120, 40))
    room.wait_text("Step 1/9")
    console.wait_text("The question and the rules")  # the run that began later is picked up
    console.wait_for(lambda s: " live  " in s.lines[0], "the run is live")

    console.send(" ")
    within(1.0, room, lambda s: "PAUSED" in s.text, "the projector paused")
    console.wait_text("PAUSED")
    assert journal(tmp_path, session.id).count("timer_paused") == 1

    console.send(" ")
    room.wait_for(lambda s: "PAUSED" not in s.text and "of 3 min" in s.text, "running again")
    console.send("+")
    room.wait_text("of 4 min")
    console.send("n")
    room.wait_text("Step 2/9")
    console.wait_text("Write your card")

    subprocess.run(
        [sys.executable, "-m", "facilitate", "sessions", "note", session.id, "An idea from afar"],
        cwd=tmp_path,
        env=env_for(tmp_path),
        check=True,
        capture_output=True,
    )
    console.wait_text("An idea from afar")

    for size in ((200, 55), (80, 24)):  # drawn whole at each size, nothing left of the last
        console.resize(*size)
        console.wait_for(lambda s, size=size: drawn_whole(s, size), f"the console at {size}")

    console.send("q")
    console.wait_text("q again to quit the console")
    console.send("q")
    assert console.finish() == 0
    assert console.text.strip() == ""  # nothing of the console is left on its terminal
    room.pump()
    assert not room.ended and "Step 2/9" in room.text  # the run goes on

    room.send("qq")
    assert room.finish() == 0
    types = journal(tmp_path, session.id)
    assert types.count("timer_paused") == 1 and types.count("timer_resumed") == 1
    assert types.count("timer_adjusted") == 1 and types.count("entry_added") == 1
    assert not (tmp_path / "sessions" / session.id / "control").exists()
