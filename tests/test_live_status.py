"""`sessions show` and `sessions list` of a session being run live in another terminal.

Issue: `sessions show` of a session run in another terminal said "Continue: facilitate
sessions resume …" and showed a time left that did not move. A session is live while a run
holds its run lock (probed, never waited for); its time left is computed from the journal's
last timer mark at the wall time of the look. A run that crashed holds no lock: it is shown
as it was left, resumable.
"""

from __future__ import annotations

import json
import re
import signal
import sys
from pathlib import Path

import pytest

from facilitate.app.sessions import list_sessions, read_session
from facilitate.model.events import RunStarted, StepStarted, TimerPaused
from facilitate.model.run_clock import epoch_of
from facilitate.store.journal import Session, SessionStore
from test_live_pty import env_for, expect_text, finish, spawn

from cli_helpers import run_cli

LEFT = re.compile(r"(\d\d):(\d\d) left")


class Wall:
    """A wall clock set by hand (epoch seconds)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def time(self) -> float:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def started(session: Session, *, speed: float = 1.0) -> float:
    """A method run at its first step (10:00 planned); the epoch the step started at."""
    run = RunStarted(method="1-2-4-all", segments=4, speed=speed, run_id="run-1")
    session.append(run, author="Anna", role="facilitator")
    step = StepStarted(
        index=0, step="one", planned_seconds=600.0, remaining_seconds=600.0, run_id="run-1"
    )
    record = session.append(step, author="Anna", role="facilitator")
    at = epoch_of(record.at)
    assert at is not None
    return at


def test_a_live_run_counts_down_at_the_time_of_each_look(store: SessionStore) -> None:
    session = store.create(title="Eslöv", date="2026-11-22", language="en")
    at = started(session, speed=2.0)
    with session.run_lock():
        first = read_session(store, session.id, clock=Wall(at + 30)).live
        later = read_session(store, session.id, clock=Wall(at + 40)).live
        listed = list_sessions(store, clock=Wall(at + 50)).live
    assert first is not None and later is not None
    assert (first.run_id, first.time_left, first.paused) == ("run-1", 540.0, False)
    assert later.time_left == 520.0  # rehearsal speed ×2: 10 s took 20 s of the method
    assert listed[session.id].time_left == 500.0
    crashed = read_session(store, session.id, clock=Wall(at + 60))  # nobody holds the lock
    assert crashed.live is None and crashed.state.last_run is not None
    assert crashed.state.last_run.progress == "running"


def test_a_paused_live_run_keeps_its_time(store: SessionStore) -> None:
    session = store.create(title="Eslöv", date="2026-11-22", language="en")
    at = started(session)
    session.append(
        TimerPaused(index=0, remaining_seconds=432.0, run_id="run-1"), author="A", role="f"
    )
    with session.run_lock():
        looks = [read_session(store, session.id, clock=Wall(at + s)).live for s in (100, 900)]
    assert [(look.time_left, look.paused) for look in looks if look] == [(432.0, True)] * 2


def test_show_and_list_say_live_instead_of_continue(store: SessionStore, tmp_path: Path) -> None:
    session = store.create(title="Eslöv", date="2026-11-22", language="en")
    started(session)
    env = {"FACILITATE_SESSIONS": str(store.root), "COLUMNS": "100"}
    with session.run_lock():
        shown = run_cli(["sessions", "show", session.id], env=env)
        listed = run_cli(["sessions", "list"], env=env)
        as_json = json.loads(run_cli(["sessions", "show", session.id, "--json"], env=env).stdout)
        swedish = run_cli(["--lang", "sv", "sessions", "show", session.id], env=env)
    assert shown.exit_code == 0, shown.stderr
    assert re.search(r"Status +live \(step 1/4: one\) \(\d\d:\d\d left\)", shown.stdout)
    assert "Run live in another terminal. Add notes:" in shown.stdout
    assert "Continue:" not in shown.stdout
    assert "live (step 1/4: one) (" in listed.stdout
    assert as_json["live"]["run_id"] == "run-1" and as_json["live"]["paused"] is False
    assert "körs live (steg 1/4: one)" in swedish.stdout and "kvar" in swedish.stdout
    after = run_cli(["sessions", "show", session.id], env=env)  # the run crashed: as before
    assert "Continue:  facilitate sessions resume" in after.stdout
    assert "live" not in after.stdout
    assert (
        json.loads(run_cli(["sessions", "show", session.id, "--json"], env=env).stdout)["live"]
        is None
    )


def test_looking_never_blocks_a_run_from_starting(store: SessionStore) -> None:
    session = store.create(title="Eslöv", date="2026-11-22", language="en")
    started(session)
    for _ in range(20):
        assert not session.is_live()
        with session.run_lock():  # the probe let go: the run lock is free at once
            assert session.is_live()


# --- a real run in a pseudo-terminal, looked at from a second process ----------------------

pty_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def show(tmp_path: Path, session_id: str) -> str:
    """`sessions show` from another terminal than the run's (here: this test's process)."""
    result = run_cli(["sessions", "show", session_id], env=env_for(tmp_path))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def seconds_left(text: str) -> int:
    found = LEFT.search(text)
    assert found, text
    return int(found[1]) * 60 + int(found[2])


@pty_only
def test_show_of_a_run_live_in_another_terminal_moves_and_pauses(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Eslöv", language="en")
    args = ["run", "open-space", "--session", session.id, "--quiet", "--speed", "100"]
    child = spawn(args, tmp_path)
    expect_text(child, "Step 1/")
    child.expect(r"\d\d:\d\d")  # the countdown is drawn: the run is live
    first, second = show(tmp_path, session.id), show(tmp_path, session.id)
    for text in (first, second):
        assert "live (step 1/" in text and "Continue:" not in text
    assert seconds_left(second) < seconds_left(first)  # each look computes it anew (×100)
    child.send(" ")
    expect_text(child, "PAUSED")
    paused = [show(tmp_path, session.id) for _ in range(2)]
    assert all("paused" in text for text in paused)
    assert seconds_left(paused[0]) == seconds_left(paused[1])
    child.kill(signal.SIGKILL)  # a crash: the lock goes with the process
    finish(child)
    crashed = show(tmp_path, session.id)
    assert "live" not in crashed and "Continue:  facilitate sessions resume" in crashed


@pty_only
def test_list_of_a_run_live_in_another_terminal_says_live(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Eslöv", language="en")
    child = spawn(["timer", "10m", "--session", session.id, "--title", "Fika"], tmp_path)
    expect_text(child, "Fika")
    listed = run_cli(["sessions", "list"], env={**env_for(tmp_path), "COLUMNS": "80"}).stdout
    assert re.search(r"timer · live \(\d\d:\d\d left\)", listed), listed
    child.send("qq")  # q asks once more; the second one quits
    assert finish(child) == 0
    assert "ended" in show(tmp_path, session.id)
