"""End to end: the real program in a pseudo-terminal, keys pressed, the screen read back.

These run `python -m facilitate` as a user would (rehearsal speed keeps them short) and
check what the room would see, the exit codes, and what the session journal recorded.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from facilitate.store.journal import SessionStore
from pty_screen import PtyScreen

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATE_", "LC_"))}
    env.update(
        FACILITATE_LANG="en",
        FACILITATE_SESSIONS=str(tmp_path / "sessions"),
        FACILITATE_CONFIG_DIR=str(tmp_path / "config"),
        FACILITATE_AUTHOR="Test Facilitator",
        TERM="xterm-256color",
        LANG="C.UTF-8",
    )
    return env


def spawn(args: list[str], tmp_path: Path, *, size: tuple[int, int] = (30, 100)) -> pexpect.spawn:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", *args],
        cwd=str(tmp_path),
        env=env_for(tmp_path),
        dimensions=size,
        encoding="utf-8",
        timeout=15,
    )
    return child


def screen_text(raw: str) -> str:
    return ANSI.sub("", raw)


def expect_text(child: pexpect.spawn, text: str) -> str:
    """Wait until ``text`` shows on the screen; returns what came before it (escapes
    removed) and the screen as it is then.

    The live view sends only the cells that change, so a word on the screen need not be
    in the stream in one piece: what the program writes is read through a terminal
    emulator (pyte), piece by piece, and the rest is left to later reads. Text printed as
    lines (a report, plain output) is also found where the emulator wrapped it.
    """
    screen, stream = _emulator(child)
    pending, child.buffer = child.buffer, child.string_type()
    read: list[str] = []
    deadline = time.monotonic() + (child.timeout or 15)
    tail = ""
    while True:
        if not pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise pexpect.TIMEOUT(f"{text!r} never shown:\n" + "\n".join(screen.display))
            with contextlib.suppress(pexpect.TIMEOUT):
                pending = child.read_nonblocking(65536, timeout=min(left, 0.5))
            continue
        pieces = re.split("(?=\x1b)", pending)
        for i, piece in enumerate(pieces):
            screen.dirty.clear()
            stream.feed(piece)
            read.append(piece)
            tail = (tail + ANSI.sub("", piece))[-(len(text) + 4096) :]
            rows = (_row(screen, y) for y in screen.dirty)
            if text in tail or any(text in row for row in rows):
                child.buffer = "".join(pieces[i + 1 :])
                return screen_text("".join(read)) + "\n" + "\n".join(screen.display)
        pending = ""


def _row(screen: pyte.Screen, y: int) -> str:
    line = screen.buffer[y]
    return "".join(line[x].data for x in range(screen.columns))


def _emulator(child: pexpect.spawn) -> tuple[pyte.Screen, pyte.Stream]:
    """The terminal emulator that reads ``child``'s output (made at the first look)."""
    if not hasattr(child, "emulator"):
        rows, cols = child.getwinsize()
        screen = pyte.Screen(cols, rows)
        child.emulator = (screen, pyte.Stream(screen))
    return child.emulator


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus


def journal(tmp_path: Path) -> list[dict]:
    files = list((tmp_path / "sessions").glob("*/journal.jsonl"))
    assert len(files) == 1
    return [json.loads(line) for line in files[0].read_text().splitlines()]


def test_timer_keys_pause_extend_help_and_quit(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Board day", language="en")
    args = ["timer", "10m", "--title", "Coffee break", "--session", session.id]
    screen = PtyScreen(args, tmp_path, (100, 30))
    screen.wait_text("Coffee break")
    screen.wait_text("█")
    screen.send(" ")
    screen.wait_text("PAUSED")
    screen.send("+")
    screen.wait_text("+1 min")
    screen.send("?")
    screen.wait_text("one minute more / less")
    screen.send("x")  # any key closes the help
    screen.wait_text("space pause")
    screen.send("qq")
    assert screen.finish() == 0
    rest = screen.text.replace("\n", "")
    assert f"facilitate sessions resume {session.id}" in rest
    types = [r["type"] for r in journal(tmp_path)]
    assert types == [
        "run_started",
        "step_started",
        "timer_paused",
        "timer_adjusted",
        "run_stopped",
    ]
    stopped = journal(tmp_path)[-1]["data"]
    assert stopped["paused"] is True and stopped["reason"] == "quit"
    assert 660 - 5 < stopped["remaining_seconds"] <= 660


def test_run_a_method_in_rehearsal_then_resume_and_interrupt(tmp_path: Path) -> None:
    screen = PtyScreen(["run", "world-cafe", "--speed", "60", "--quiet"], tmp_path, (100, 30))
    screen.wait_text("Step 1/")
    screen.send("n")
    screen.wait_text("Step 2/")
    screen.send("+")
    screen.wait_text("+1 min")
    screen.send("qq")
    assert screen.finish() == 0
    out = screen.text.replace("\n", "")
    session_id = re.search(r"sessions resume (\S+)", out).group(1)
    records = journal(tmp_path)
    assert [r["type"] for r in records] == [
        "run_started",
        "step_started",
        "step_ended",
        "step_started",
        "timer_adjusted",
        "run_stopped",
    ]
    assert records[0]["data"]["speed"] == 60
    assert records[0]["author"] == "Test Facilitator"
    left = records[-1]["data"]["remaining_seconds"]

    child = spawn(["sessions", "resume", session_id], tmp_path)
    expect_text(child, "Step 2/")
    child.sendintr()  # Ctrl-C
    rest = screen_text(child.read())
    assert finish(child) == 130
    assert f"facilitate sessions resume {session_id}" in rest
    records = journal(tmp_path)
    resumed = records[-2]["data"]
    assert records[-2]["type"] == "step_started" and resumed["index"] == 1
    assert resumed["remaining_seconds"] == pytest.approx(left, abs=0.01)
    assert records[-1]["type"] == "run_stopped"
    assert records[-1]["data"]["reason"] == "interrupted"


def test_the_terminal_is_restored_after_the_run(tmp_path: Path) -> None:
    command = f"{sys.executable} -m facilitate timer 1s --quiet; stty -a"
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", command],
        cwd=str(tmp_path),
        env=env_for(tmp_path),
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=15,
    )
    child.expect("time is up|Time is up")
    child.send("n")
    child.send("n")
    output = screen_text(child.read())
    child.close()
    assert " icanon" in output and " echo " in output  # cooked mode again
    assert "-icanon" not in output


def test_resize_redraws_to_the_new_width(tmp_path: Path) -> None:
    screen = PtyScreen(["timer", "10m", "--title", "Resize"], tmp_path, (80, 24))
    screen.wait_text("Resize")
    screen.send(" ")
    screen.wait_text("PAUSED")
    screen.resize(120, 30)
    # the header spreads over the new width: the clock at its right edge
    screen.wait_for(lambda s: re.fullmatch(r" {100,}\d\d:\d\d", s.lines[0]), "the clock at 120")
    assert len(screen.lines[0]) == 120
    screen.send("qq")
    assert screen.finish() == 0


def test_not_a_terminal_prints_plain_timestamped_lines(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitate", "timer", "2", "--speed", "60", "--warn", "1m"],
        cwd=tmp_path,
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\a" not in result.stdout
    lines = result.stdout.splitlines()
    assert all(re.match(r"\d\d:\d\d:\d\d ", line) for line in lines)
    assert lines[0].endswith("[1/1] Timer: 02:00")
    assert any(line.endswith(" 01:00 left") for line in lines)
    assert any(line.endswith(" time is up") for line in lines)
    assert lines[-1].endswith(" finished")


def test_piped_output_prints_the_keys_and_asks_for_a_note_on_plain_lines(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Piped", language="en")
    command = f"{sys.executable} -m facilitate timer 10m --session {session.id} | cat"
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", command],
        cwd=str(tmp_path),
        env=env_for(tmp_path),
        dimensions=(24, 100),
        encoding="utf-8",
        timeout=15,
    )
    expect_text(child, "[1/1] Timer: 10:00")
    child.send("?")
    expect_text(child, "pause / resume")
    child.send(" ")  # the key after ? is a key of its own, not "close the help"
    expect_text(child, "paused at")
    child.send("a")
    expect_text(child, "the clock is paused")
    child.send("More chairs\r")
    expect_text(child, "note: More chairs")
    child.send("qq")
    rest = screen_text(child.read())
    assert finish(child) == 0
    assert f"facilitate sessions resume {session.id}" in rest
    records = journal(tmp_path)
    assert [r["type"] for r in records] == [
        "run_started",
        "step_started",
        "timer_paused",
        "entry_added",
        "run_stopped",
    ]
    assert records[3]["data"]["text"] == "More chairs"


def test_a_second_run_of_a_session_that_is_running_is_refused(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Conc", language="en")
    child = spawn(["run", "1-2-4-all", "--session", session.id], tmp_path)
    expect_text(child, "Step 1/")
    second = subprocess.run(
        [sys.executable, "-m", "facilitate", "run", "1-2-4-all", "--session", session.id],
        cwd=tmp_path,
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert second.returncode == 2
    assert second.stderr.strip() == (
        f"error: session {session.id} is being run in another terminal;"
        f' add notes with: facilitate sessions note {session.id} "TEXT"'
    )
    note = subprocess.run(
        [sys.executable, "-m", "facilitate", "sessions", "note", session.id, "Meanwhile"],
        cwd=tmp_path,
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert note.returncode == 0, note.stderr
    child.send("qq")
    child.read()
    assert finish(child) == 0
    types = [r["type"] for r in journal(tmp_path)]
    assert types.count("run_started") == 1 and "entry_added" in types
