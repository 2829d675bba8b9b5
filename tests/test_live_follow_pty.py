"""End to end: a method run live in a pseudo-terminal while a note-taker adds notes from a
second process with `facilitate sessions note`; the live view's note count shows each of them
within a second of its "saved"."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from facilitate.store.store import SessionStore
from pty_screen import PtyScreen
from test_live_pty import env_for, journal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
SHOWN_WITHIN = 1.0


def note_from_elsewhere(tmp_path: Path, session_id: str, text: str) -> float:
    """Add a note as a note-taker's terminal would; the moment it was acknowledged."""
    result = subprocess.run(
        [sys.executable, "-m", "facilitate", "sessions", "note", session_id, text],
        cwd=tmp_path,
        env={**env_for(tmp_path), "FACILITATE_AUTHOR": "Note Taker"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "saved" in result.stdout
    return time.monotonic()


def shown_after(screen: PtyScreen, text: str, since: float) -> float:
    """Seconds from ``since`` until ``text`` is on the screen (waits at most a few seconds)."""
    screen.wait_text(text)
    return time.monotonic() - since


def test_notes_added_in_another_terminal_show_in_the_live_count(tmp_path: Path) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Eslöv", language="en")
    args = ["run", "1-2-4-all", "--session", session.id, "--quiet"]
    screen = PtyScreen(args, tmp_path, (100, 30))
    screen.wait_text("Step 1/")
    screen.wait_text("█")  # the countdown is drawn: the run is live
    saved = note_from_elsewhere(tmp_path, session.id, "Fler stolar")
    assert shown_after(screen, "notes: 1", saved) < SHOWN_WITHIN
    saved = note_from_elsewhere(tmp_path, session.id, "Kaffe till bord 3")
    assert shown_after(screen, "notes: 2", saved) < SHOWN_WITHIN
    screen.send("qq")
    assert screen.finish() == 0
    notes = [r for r in journal(tmp_path) if r["type"] == "entry_added"]
    assert [n["author"] for n in notes] == ["Note Taker", "Note Taker"]
    assert [n["data"]["step"] for n in notes] == ["one", "one"]  # filed under the step shown
