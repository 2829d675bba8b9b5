"""Stopping a run from outside: a closed window (SIGHUP twice, then SIGCONT), a lost
terminal, SIGTERM and Ctrl-C. The run is saved, the exit status says why, no traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from facilitate.ui.keys import TerminalKeys
from facilitate.ui.signals import StopRequested, StopSignals, TerminalLost

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and ptys")


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITATE_", "LC_"))}
    env.update(
        FACILITATE_LANG="en",
        FACILITATE_SESSIONS=str(tmp_path / "sessions"),
        FACILITATE_CONFIG_DIR=str(tmp_path / "config"),
        FACILITATE_AUTHOR="Anna",
        TERM="xterm-256color",
        LANG="C.UTF-8",
    )
    return env


def start_timer(tmp_path: Path) -> tuple[pexpect.spawn, str]:
    made = subprocess.run(
        [sys.executable, "-m", "facilitate", "sessions", "new", "--title", "Fika", "--json"],
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    session_id = json.loads(made.stdout)["id"]
    child = pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", "timer", "10m", "--session", session_id],
        cwd=str(tmp_path),
        env=env_for(tmp_path),
        dimensions=(30, 100),
        timeout=20,
    )
    child.expect("q quit")
    return child, session_id


def records(tmp_path: Path, session_id: str) -> list[dict]:
    path = tmp_path / "sessions" / session_id / "journal.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def exit_status(child: pexpect.spawn) -> int:
    _, status = os.waitpid(child.pid, 0)
    child.terminated = True  # reaped here: pexpect must not wait again
    return os.waitstatus_to_exitcode(status)


def test_sighup_twice_then_sigcont_saves_the_run_and_exits_129(tmp_path: Path) -> None:
    child, session_id = start_timer(tmp_path)
    for signum in (signal.SIGHUP, signal.SIGHUP, signal.SIGCONT):
        child.kill(signum)
    child.expect(pexpect.EOF)
    output = child.before.decode("utf-8", errors="replace")
    assert exit_status(child) == 129
    assert "Traceback" not in output and "Exception" not in output
    stopped = records(tmp_path, session_id)[-1]
    assert stopped["type"] == "run_stopped" and stopped["data"]["reason"] == "interrupted"
    assert 500 < stopped["data"]["remaining_seconds"] <= 600


def test_a_closed_terminal_saves_the_run_and_exits_129(tmp_path: Path) -> None:
    """The window is closed: the terminal is hung up (SIGHUP, then reads fail)."""
    child, session_id = start_timer(tmp_path)
    os.close(child.child_fd)  # what the terminal emulator does when its window closes
    child.child_fd = -1
    child.closed = True
    assert exit_status(child) == 129
    types = [record["type"] for record in records(tmp_path, session_id)]
    assert types == ["run_started", "step_started", "run_stopped"]


def test_sigterm_saves_the_run_and_exits_143(tmp_path: Path) -> None:
    child, session_id = start_timer(tmp_path)
    child.kill(signal.SIGTERM)
    child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    assert "Traceback" not in child.before.decode("utf-8", errors="replace")
    assert exit_status(child) == 143
    assert records(tmp_path, session_id)[-1]["type"] == "run_stopped"


def test_ctrl_c_saves_the_run_and_exits_130(tmp_path: Path) -> None:
    child, session_id = start_timer(tmp_path)
    child.sendintr()
    child.expect("Interrupted; the timer ended with")  # a quit timer has ended
    child.expect(pexpect.EOF)
    assert exit_status(child) == 130
    assert records(tmp_path, session_id)[-1]["type"] == "run_stopped"


# -- the pieces, in this process -----------------------------------------------------------


def test_the_first_signal_asks_to_stop_and_later_ones_are_ignored() -> None:
    before = signal.getsignal(signal.SIGHUP)
    with StopSignals(fds=()) as stops, TerminalKeys(None, stops=stops) as keys:
        os.kill(os.getpid(), signal.SIGHUP)
        os.kill(os.getpid(), signal.SIGTERM)  # ignored: the first one decides
        with pytest.raises(StopRequested):
            keys.next_key(5)
        with pytest.raises(StopRequested):  # and it stays asked
            keys.next_key(5)
    assert stops.received == "hangup" and stops.exit_code == 129
    assert signal.getsignal(signal.SIGHUP) == before  # the handlers are given back


def test_a_signal_while_a_prompt_has_the_terminal_cancels_the_prompt_at_once() -> None:
    with StopSignals(fds=()) as stops, TerminalKeys(None, stops=stops) as keys:
        keys.pause()  # a prompt is up
        with pytest.raises(StopRequested):
            os.kill(os.getpid(), signal.SIGINT)  # the handler runs as soon as kill returns
        keys.resume()
        os.kill(os.getpid(), signal.SIGINT)  # ignored now
        with pytest.raises(StopRequested):
            keys.next_key(5)
    assert stops.exit_code == 130


def test_eof_or_an_io_error_on_the_terminal_is_a_hang_up() -> None:
    master, slave = os.openpty()
    try:
        with StopSignals(fds=()) as stops, TerminalKeys(slave, stops=stops) as keys:
            os.close(master)  # the other end is gone: reads give EOF or EIO
            master = -1
            with pytest.raises(TerminalLost):
                keys.next_key(5)
        assert stops.received == "hangup" and stops.exit_code == 129
    finally:
        os.close(slave)
        if master >= 0:
            os.close(master)
