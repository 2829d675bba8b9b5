"""The live run's control channel: what is read from it (pure), the FIFO itself, the key
reader waking on it, and the loop applying a command as if its key had been pressed."""

from __future__ import annotations

import os
import select
import stat
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitate.app.control import control_channel, send_control
from facilitate.errors import UsageError
from facilitate.i18n import set_language
from facilitate.model.control import MAX_LINE, CommandReader, encode_command
from facilitate.model.events import (
    EntryAdded,
    StepEnded,
    StepStarted,
    TimerAdjusted,
    TimerPaused,
)
from facilitate.store.control import CONTROL_FILE, ControlChannel, send_line
from facilitate.store.store import SessionStore
from facilitate.ui.keys import TerminalKeys, command_key, command_of
from test_live_loop import run, seg

posix = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX FIFOs")


# -- reading lines (pure) ------------------------------------------------------------------


def test_each_known_line_is_a_command_in_order() -> None:
    reader = CommandReader()
    assert reader.feed(b"pause\nextend\n  next \r\nshorten\n") == [
        "pause",
        "extend",
        "next",
        "shorten",
    ]
    assert reader.refused == 0


def test_a_line_split_across_reads_waits_for_its_end() -> None:
    reader = CommandReader()
    assert reader.feed(b"pa") == []
    assert reader.feed(b"use\nne") == ["pause"]
    assert reader.feed(b"xt\n") == ["next"]


def test_unknown_empty_and_non_ascii_lines_are_refused_not_raised() -> None:
    reader = CommandReader()
    got = reader.feed(b"quit\n\nPAUSE\npaus\xc3\xa9\n\x1b[2J\nnext\n")
    assert got == ["next"]
    assert reader.refused == 5


def test_an_overlong_line_is_dropped_whole_and_never_grows() -> None:
    reader = CommandReader()
    assert reader.feed(b"x" * (MAX_LINE + 1)) == []
    assert reader.pending == b"" and reader.refused == 1
    assert reader.feed(b"pause" * 1000) == []  # still the same line: dropped as it comes
    assert len(reader.pending) <= MAX_LINE
    assert reader.feed(b"pause\npause\n") == ["pause"]  # the long line's end, then a command
    assert reader.refused == 1


def test_only_commands_are_encoded() -> None:
    assert encode_command("extend") == b"extend\n"
    with pytest.raises(ValueError):
        encode_command("quit")


def test_command_keys_are_told_apart_from_typed_keys() -> None:
    assert command_of(command_key("pause")) == "pause"
    assert command_of(" ") is None and command_of("<enter>") is None


# -- the FIFO ------------------------------------------------------------------------------


@posix
def test_the_run_makes_a_private_fifo_reads_what_is_sent_and_removes_it(tmp_path: Path) -> None:
    with ControlChannel.open(tmp_path) as channel:
        assert channel is not None
        mode = os.lstat(tmp_path / CONTROL_FILE).st_mode
        assert stat.S_ISFIFO(mode) and stat.S_IMODE(mode) & 0o077 == 0
        assert channel.read_commands() == []  # nothing yet, and no end-of-file either
        assert send_line(tmp_path, "pause") and send_line(tmp_path, "next")
        assert channel.read_commands() == ["pause", "next"]
        # The sender has closed its end: the run's own write end keeps the FIFO from
        # reading as end-of-file, so a wait on it does not spin.
        assert select.select([channel.fileno()], [], [], 0.05)[0] == []
        with open(tmp_path / CONTROL_FILE, "wb", buffering=0) as raw:
            raw.write(b"rm -rf /\n" + b"y" * 5000 + b"\nextend\n")
        assert channel.read_commands() == ["extend"]
        assert channel.reader.refused == 2
    assert not (tmp_path / CONTROL_FILE).exists()
    assert send_line(tmp_path, "pause") is False  # no run: nothing takes it


@posix
def test_a_fifo_left_by_a_crashed_run_takes_nothing_and_is_replaced(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / CONTROL_FILE, 0o600)
    assert send_line(tmp_path, "pause") is False  # ENXIO: nobody reads it
    with ControlChannel.open(tmp_path) as channel:
        assert channel is not None
        assert send_line(tmp_path, "pause")
        assert channel.read_commands() == ["pause"]


@posix
def test_something_else_named_control_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / CONTROL_FILE).write_text("keep me", encoding="utf-8")
    assert ControlChannel.open(tmp_path) is None
    assert send_line(tmp_path, "pause") is False
    assert (tmp_path / CONTROL_FILE).read_text(encoding="utf-8") == "keep me"


@posix
def test_send_control_names_the_session_and_refuses_a_non_command(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Pairs", language="en")
    assert send_control(store, session.id, "pause") is False
    with control_channel(session) as channel:
        assert channel is not None
        assert send_control(store, session.id, "pause") is True
        assert channel.read_commands() == ["pause"]
    with pytest.raises(UsageError):
        send_control(store, session.id, "quit")


@posix
def test_the_key_reader_wakes_on_a_command_without_polling(tmp_path: Path) -> None:
    with ControlChannel.open(tmp_path) as channel, TerminalKeys(commands=channel) as keys:
        assert channel is not None
        sender = threading.Timer(0.05, send_line, (tmp_path, "extend"))
        sender.start()
        began = time.monotonic()
        key = keys.next_key(5.0)
        sender.join()
        assert key == command_key("extend")
        assert time.monotonic() - began < 2.0  # woken by the command, not by the timeout


# -- the loop applies a command as its key ---------------------------------------------------


def test_commands_act_like_their_keys_and_a_pause_is_recorded_once() -> None:
    set_language("en")
    script = [
        (1, command_key("pause")),
        (2, command_key("pause")),
        (3, command_key("extend")),
        (4, command_key("shorten")),
        (5, command_key("next")),
    ]
    result = run([seg(0, 120), seg(1, 60)], script)
    events = result.events
    assert len(events.of(TimerPaused)) == 1
    assert [e.delta_seconds for e in events.of(TimerAdjusted)] == [60.0, -60.0]
    assert [e.index for e in events.of(StepEnded)][:1] == [0]


def test_a_command_during_a_note_leaves_the_note_alone() -> None:
    set_language("en")
    script = [(1, "a"), (2, "I"), (3, command_key("pause")), (4, "d"), (5, "<enter>")]
    result = run([seg(0, 120)], script)
    assert len(result.events.of(TimerPaused)) == 1
    notes = result.events.of(EntryAdded)
    assert [n.text for n in notes] == ["Id"]


def test_a_burst_of_next_from_the_console_moves_one_step_and_a_later_one_moves_again() -> None:
    set_language("en")
    script = [(1, command_key("next")), (1.2, command_key("next")), (1.5, command_key("next"))]
    script.append((3, command_key("next")))
    result = run([seg(0, 120), seg(1, 120), seg(2, 120), seg(3, 120)], script)
    started = [e.index for e in result.events.of(StepStarted)]
    assert started == [0, 1, 2]  # the second and third of the burst were dropped
