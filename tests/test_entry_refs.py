"""Entries are named by their full id or a unique prefix of at least four characters.

Issue: `sessions edit-entry S 9 "x"` matched an entry from the single character "9" and
overwrote a reflection; the reply did not show the old text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.model.events import EntryAdded
from facilitate.store.journal import SessionStore

from cli_helpers import run_cli

IDS = ("9f3a0c1d2e4b", "9f3b7a6c5d4e", "c0ffee000001", "abc")


def cli(root: Path, *args: str):
    return run_cli(["--sessions-dir", str(root), "sessions", *args])


@pytest.fixture
def session_id(tmp_path: Path) -> str:
    session = SessionStore(tmp_path).create(title="Refs", date="2026-11-22", language="en")
    texts = ("Mod att börja", "Fler bord", "Kaffe", "Kort id")
    for entry_id, text in zip(IDS, texts, strict=True):
        event = EntryAdded(entry_id=entry_id, kind="reflection", text=text)
        session.append(event, author="Anna", role="note-taker")
    return session.id


def texts(root: Path, session_id: str) -> list[str]:
    return [e.text for e in SessionStore(root).open(session_id).state().entries]


@pytest.mark.parametrize("ref", ["9", "9f", "9f3"])
def test_one_to_three_characters_never_name_an_entry(
    tmp_path: Path, session_id: str, ref: str
) -> None:
    result = cli(tmp_path, "edit-entry", session_id, ref, "x")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: '{ref}' is too short to name an entry: give its id or at least 4 of its"
        f" first characters (see: facilitate sessions show {session_id})\n"
    )
    deleted = cli(tmp_path, "delete-entry", session_id, ref)
    assert deleted.exit_code == 2 and "too short" in deleted.stderr
    assert texts(tmp_path, session_id) == ["Mod att börja", "Fler bord", "Kaffe", "Kort id"]


def test_a_unique_prefix_of_four_or_more_names_the_entry(tmp_path: Path, session_id: str) -> None:
    edited = cli(tmp_path, "edit-entry", session_id, "9F3A", "Mod att våga")  # any case
    assert edited.exit_code == 0, edited.stderr
    deleted = cli(tmp_path, "delete-entry", session_id, "9f3b7", "--reason", "dubblett")
    assert deleted.exit_code == 0, deleted.stderr
    assert texts(tmp_path, session_id) == ["Mod att våga", "Kaffe", "Kort id"]


def test_an_ambiguous_prefix_names_the_entries_it_matches(tmp_path: Path) -> None:
    session = SessionStore(tmp_path).create(title="Refs", date="2026-11-22", language="en")
    for entry_id in ("c0ffee000001", "c0ffee000002"):
        session.append(EntryAdded(entry_id=entry_id, kind="note", text="x"), author="a", role="b")
    result = cli(tmp_path, "edit-entry", session.id, "c0ff", "y")
    assert result.exit_code == 2
    assert "matches several entries: c0ffee000001, c0ffee000002" in result.stderr


def test_edit_prints_the_old_and_the_new_text(tmp_path: Path, session_id: str) -> None:
    result = cli(tmp_path, "edit-entry", session_id, "c0ff", "  Kaffe och bullar ")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["  before: Kaffe", "  now:    Kaffe och bullar"]
    assert result.stdout.startswith("saved: entry c0ffee000001 changed (#5)")
    assert texts(tmp_path, session_id)[2] == "Kaffe och bullar"


def test_delete_prints_what_the_entry_said(tmp_path: Path, session_id: str) -> None:
    result = cli(tmp_path, "delete-entry", session_id, "c0ffee000001")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == "  it read: Kaffe"


def test_a_full_id_shorter_than_four_characters_still_names_its_entry(
    tmp_path: Path, session_id: str
) -> None:
    result = cli(tmp_path, "edit-entry", session_id, "abc", "Kort")
    assert result.exit_code == 0, result.stderr
    assert "  before: Kort id" in result.stdout


def test_swedish_replies(tmp_path: Path) -> None:
    session = SessionStore(tmp_path).create(title="Refs", date="2026-11-22", language="sv")
    session.append(EntryAdded(entry_id="aaaa11", kind="note", text="Mod"), author="a", role="b")
    short = cli(tmp_path, "edit-entry", session.id, "9", "x")
    assert short.stderr.startswith("fel: '9' är för kort för att ange en post")
    edited = cli(tmp_path, "edit-entry", session.id, "aaaa", "Modig")
    assert edited.stdout.splitlines()[1:] == ["  före: Mod", "  nu:   Modig"]
