"""A standalone timer that is quit has ended: it never blocks the next run of its session.

Issue: quitting the coffee `timer --session` with `q` made the next method refuse to start
("has a stopped run … resume it"), so a finished coffee break had to be resumed first.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from facilitate.model.events import RunStarted, RunStopped, StepStarted, TimerPaused
from facilitate.store.journal import SessionStore
from test_live_pty import expect_text, finish, journal, screen_text, spawn

from cli_helpers import run_cli

pty_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def cli(tmp_path: Path, *args: str):
    return run_cli(["--sessions-dir", str(tmp_path / "sessions"), *args])


def quit_timer(tmp_path: Path, *, reason: str = "quit") -> str:
    """A session whose coffee timer was stopped after 1:40 of 10:00 (paused, then ``q``)."""
    session = SessionStore(tmp_path / "sessions").create(
        title="Day", date="2026-11-22", language="en", method="35an"
    )
    params = {"seconds": 600.0, "until": None, "title": "Coffee"}
    events = [
        RunStarted(method="@timer", params=params, segments=1),
        StepStarted(index=0, step="timer", planned_seconds=600, title="Coffee"),
        TimerPaused(index=0, remaining_seconds=500),
        RunStopped(index=0, remaining_seconds=500, paused=True, reason=reason),  # type: ignore[arg-type]
    ]
    for event in events:
        session.append(event, author="Anna", role="facilitator")
    return session.id


@pty_only
def test_quitting_a_timer_with_q_lets_the_next_method_start(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Day", language="en")
    child = spawn(["timer", "10m", "--title", "Coffee", "--session", session.id], tmp_path)
    expect_text(child, "Coffee")
    child.send("qq")  # q asks once more; the second one quits
    rest = " ".join(screen_text(child.read()).split())
    assert finish(child) == 0
    assert f"Timer ended with 10:00 left. Session: {session.id}" in rest
    assert journal(tmp_path)[-1]["data"]["reason"] == "quit"

    started = cli(tmp_path, "run", "35an", "--session", session.id, "--speed", "6000", "--quiet")
    assert started.exit_code == 0, started.stderr
    assert "stopped run" not in started.stderr
    types = [r["type"] for r in journal(tmp_path)]
    assert types.count("run_started") == 2 and types[-1] == "run_stopped"


@pty_only
def test_ctrl_c_ends_a_timer_too_and_it_can_still_be_resumed_on_purpose(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Day", language="en")
    child = spawn(["timer", "10m", "--title", "Coffee", "--session", session.id], tmp_path)
    expect_text(child, "Coffee")
    child.sendintr()
    rest = " ".join(screen_text(child.read()).split())
    assert finish(child) == 130
    assert "Interrupted; the timer ended with" in rest

    child = spawn(["sessions", "resume", session.id], tmp_path)
    expect_text(child, "Coffee")
    child.send("qq")  # q asks once more; the second one quits
    child.read()
    assert finish(child) == 0
    records = journal(tmp_path)
    assert [r["type"] for r in records].count("step_started") == 2
    assert records[-1]["data"]["reason"] == "quit"


def test_show_and_list_present_a_quit_timer_as_ended_without_a_resume_hint(
    tmp_path: Path,
) -> None:
    session_id = quit_timer(tmp_path)
    show = cli(tmp_path, "sessions", "show", session_id).stdout
    status = next(line for line in show.splitlines() if line.startswith("Status"))
    assert status.split(None, 1)[1].strip() == "ended early (08:20 left)"
    assert "ended early (08:20 left)" in show.split("Run 1: Timer: Coffee 10 min")[1]
    assert "Continue:" not in show and "sessions resume" not in show
    assert "paused" not in show.split("Runs (1)")[0]
    listed = cli(tmp_path, "sessions", "list").stdout
    assert "35an · ended early\n" in listed


@pytest.mark.parametrize("reason", ["quit", "interrupted"])
def test_a_new_timer_or_method_starts_after_a_quit_timer(tmp_path: Path, reason: str) -> None:
    session_id = quit_timer(tmp_path, reason=reason)
    timer = cli(tmp_path, "timer", "2", "--session", session_id, "--speed", "600")
    assert timer.exit_code == 0, timer.stderr
    method = cli(tmp_path, "run", "35an", "--session", session_id, "--speed", "6000")
    assert method.exit_code == 0, method.stderr


def test_a_stopped_method_run_still_has_to_be_resumed_first(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Day", language="en")
    events = [
        RunStarted(method="35an", params={}, segments=9),
        StepStarted(index=0, step="intro", planned_seconds=180, title="The question"),
        RunStopped(index=0, remaining_seconds=100, paused=False, reason="quit"),
    ]
    for event in events:
        session.append(event, author="Anna", role="facilitator")
    refused = cli(tmp_path, "timer", "2", "--session", session.id)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"error: session {session.id} has a stopped run of 35an")


def test_a_note_after_a_quit_timer_is_not_filed_under_the_timer(tmp_path: Path) -> None:
    session_id = quit_timer(tmp_path)
    saved = cli(tmp_path, "sessions", "note", session_id, "Coffee was good")
    assert saved.exit_code == 0, saved.stderr
    (entry,) = SessionStore(tmp_path / "sessions").open(session_id).state().entries
    assert (entry.step, entry.round) == (None, None)
