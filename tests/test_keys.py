"""Key input: decoding what a terminal sends, and the cbreak reader on a real pty pair."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from facilitate.ui.keys import (
    BACKSPACE,
    BACKTAB,
    DELETE,
    DOWN,
    END,
    ENTER,
    ESCAPE,
    HOME,
    KILL_LINE,
    LEFT,
    RESIZE,
    RIGHT,
    TAB,
    UP,
    TerminalKeys,
    decode_keys,
)


def test_decode_plain_keys_enter_and_escape() -> None:
    assert decode_keys(b" +n") == [" ", "+", "n"]
    assert decode_keys(b"\r") == [ENTER]
    assert decode_keys(b"\x1b") == [ESCAPE]
    assert decode_keys("å".encode()) == ["å"]


def test_function_keys_are_dropped_whole_and_editing_keys_named() -> None:
    # Right arrow is ESC [ C: it must not turn into a "C" (nor F5 into an "n").
    assert decode_keys(b"\x1b[C\x1b[15~n\x1bOP") == [RIGHT, "n"]
    assert decode_keys(b"\x1b[D\x1bOA\x1b[B\x1b[1;5C\x1b[H\x1b[4~\x1b[3~") == [
        LEFT, UP, DOWN, RIGHT, HOME, END, DELETE
    ]  # fmt: skip
    assert decode_keys(b"\t\x1b[Z\x7f\x08\x15\x01") == [
        TAB,
        BACKTAB,
        BACKSPACE,
        BACKSPACE,
        KILL_LINE,
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")
def test_a_character_split_between_two_reads_is_kept() -> None:
    master, slave = os.openpty()
    try:
        with TerminalKeys(slave) as keys:
            data = "ö".encode()
            os.write(master, data[:1])
            assert keys.next_key(5) is None  # half a character: nothing yet
            os.write(master, data[1:])
            assert keys.next_key(5) == "ö"
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")
def test_the_reader_uses_cbreak_wakes_on_keys_and_resizes_and_restores() -> None:
    import termios

    master, slave = os.openpty()
    try:
        before = termios.tcgetattr(slave)
        with TerminalKeys(slave) as keys:
            during = termios.tcgetattr(slave)
            assert not during[3] & termios.ICANON  # cbreak: keys arrive one by one
            assert during[3] & termios.ISIG  # Ctrl-C still interrupts (not raw mode)
            assert during[1] & termios.OPOST  # output processing kept (raw mode garbles Rich)
            assert keys.next_key(0.01) is None
            os.write(master, b"n ")
            assert keys.next_key(5) == "n"
            assert keys.next_key(5) == " "
            os.kill(os.getpid(), signal.SIGWINCH)
            assert keys.next_key(5) == RESIZE
            keys.pause()
            assert termios.tcgetattr(slave)[3] & termios.ICANON  # normal mode for a prompt
            keys.resume()
            assert not termios.tcgetattr(slave)[3] & termios.ICANON
        assert termios.tcgetattr(slave) == before
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX terminals only")
def test_without_a_terminal_it_only_waits() -> None:
    with TerminalKeys(None) as keys:
        assert keys.next_key(0.01) is None
        os.kill(os.getpid(), signal.SIGWINCH)
        assert keys.next_key(5) == RESIZE
