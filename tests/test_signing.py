"""Who signs the record: --author, FACILITATE_AUTHOR, the session's first facilitator, the login.

Issue: notes typed with `a` in the live view were signed "facilitator", not the
facilitator's name. One rule (facilitate.app.authors) serves run, timer, resume and notes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from facilitate.app.authors import Author
from facilitate.model.session import SessionHeader
from facilitate.store.journal import SessionStore
from test_live_pty import env_for, expect_text, finish, journal

from cli_helpers import run_cli

pty_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def spawn_as(tmp_path: Path, args: list[str], **env: str) -> pexpect.spawn:
    """The program in a pty, with no FACILITATE_AUTHOR unless given, logged in as kommun1."""
    full = {k: v for k, v in env_for(tmp_path).items() if k != "FACILITATE_AUTHOR"}
    full.update({"USER": "kommun1", **env})
    return pexpect.spawn(
        sys.executable,
        ["-m", "facilitate", *args],
        cwd=str(tmp_path),
        env=full,
        dimensions=(30, 100),
        encoding="utf-8",
        timeout=15,
    )


def type_a_note(child: pexpect.spawn, text: str) -> None:
    child.send("a")
    expect_text(child, "Esc cancel")  # the note line at the bottom of the view
    child.send(text + "\r")
    expect_text(child, "Note saved")


@pty_only
def test_a_note_typed_in_the_live_view_is_signed_by_the_sessions_facilitator(
    tmp_path: Path,
) -> None:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(title="Day", language="en", facilitators=["Anna Berg", "Per"])
    child = spawn_as(tmp_path, ["run", "1-2-4-all", "--session", session.id])
    expect_text(child, "Step 1/")
    type_a_note(child, "Mod att fråga")
    child.send("qq")  # q asks once more; the second one quits
    child.read()
    assert finish(child) == 0

    child = spawn_as(tmp_path, ["sessions", "resume", session.id, "--author", " Lisa "])
    expect_text(child, "Step 1/")
    type_a_note(child, "Fler stolar")
    child.send("qq")  # q asks once more; the second one quits
    child.read()
    assert finish(child) == 0
    notes = [(r["data"]["text"], r["author"]) for r in journal(tmp_path) if "text" in r["data"]]
    assert notes == [("Mod att fråga", "Anna Berg"), ("Fler stolar", "Lisa")]
    assert {r["author"] for r in journal(tmp_path)} == {"Anna Berg", "Lisa"}


@pytest.mark.parametrize(
    ("env", "option", "signed"),
    [
        ({"FACILITATE_AUTHOR": "", "USER": "kommun1"}, None, "Anna"),
        ({"FACILITATE_AUTHOR": "Per", "USER": "kommun1"}, None, "Per"),
        ({"FACILITATE_AUTHOR": "Per", "USER": "kommun1"}, "Lisa", "Lisa"),
    ],
)
def test_notes_and_timers_follow_the_same_rule(
    tmp_path: Path, env: dict[str, str], option: str | None, signed: str
) -> None:
    session = SessionStore(tmp_path).create(title="Day", language="en", facilitators=["Anna"])
    author = ["--author", option] if option else []
    base = ["--sessions-dir", str(tmp_path)]
    note = run_cli([*base, "sessions", "note", session.id, "Mod", *author], env=env)
    assert note.exit_code == 0, note.stderr
    timer = run_cli(
        [*base, "timer", "1", "--session", session.id, "--speed", "600", *author], env=env
    )
    assert timer.exit_code == 0, timer.stderr
    entry_id = SessionStore(tmp_path).open(session.id).state().entries[0].entry_id
    edit = run_cli(
        [*base, "sessions", "edit-entry", session.id, entry_id, "Modig", *author], env=env
    )
    assert edit.exit_code == 0, edit.stderr
    records = SessionStore(tmp_path).open(session.id).records()
    assert {r.author for r in records} == {signed}


def test_without_a_facilitator_the_login_name_then_facilitator() -> None:
    header = SessionHeader(id="x", title="X", date="2026-11-22")
    assert Author(account="kommun1").name_for(header) == "kommun1"
    assert Author(environment=" ", account=" ").name_for(header) == "facilitator"
    assert Author(account="kommun1").name_for(None) == "kommun1"
