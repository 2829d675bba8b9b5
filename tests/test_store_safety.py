"""A session folder from somewhere else (a USB stick, a synced folder) is never a way to make
facilitate write to another file, or hang: links, FIFOs and folders in place of a session's
files are refused in one line, and a missing journal is a damaged session, not a hidden one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitate.errors import InvalidFileError
from facilitate.model.events import EntryAdded
from facilitate.store.files import UnsafeFileError
from facilitate.store.session import Session
from facilitate.store.store import SessionStore

from cli_helpers import Outcome, run_cli

REPO = Path(__file__).resolve().parents[1]
TARGET_TEXT = b"precious: do not touch\nsecond line without newline"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


@pytest.fixture
def session(root: Path) -> Session:
    session = SessionStore(root).create(title="Shared", date="2026-11-22", language="en")
    session.append(EntryAdded(entry_id="e1", kind="note", text="one"), author="a", role="b")
    return session


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A file of the user's outside the store, which a link in the session points at."""
    path = tmp_path / "elsewhere" / "precious.txt"
    path.parent.mkdir()
    path.write_bytes(TARGET_TEXT)
    return path


def cli(root: Path, *args: str) -> Outcome:
    return run_cli(["--sessions-dir", str(root), "sessions", *args])


def one_line_refusal(result: Outcome, name: str, what: str) -> None:
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert name in lines[0] and f"is {what}, not a regular file" in lines[0], lines[0]


def link(path: Path, to: Path) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(to)


def test_a_symlinked_journal_never_lets_a_note_cut_or_append_to_its_target(
    root: Path, session: Session, target: Path
) -> None:
    link(session.journal_path, target)
    result = cli(root, "note", session.id, "Hello")
    one_line_refusal(result, "journal.jsonl", "a symbolic link")
    assert target.read_bytes() == TARGET_TEXT
    assert not (session.path / "journal.torn").exists()
    one_line_refusal(cli(root, "show", session.id), "journal.jsonl", "a symbolic link")


def test_a_symlinked_journal_torn_is_refused_before_the_journal_is_cut(
    root: Path, session: Session, target: Path
) -> None:
    with open(session.journal_path, "ab") as file:
        file.write(b'{"v":1,"seq":2,"at":"x","au')  # an unfinished last line to move aside
    before = session.journal_path.read_bytes()
    link(session.path / "journal.torn", target)
    one_line_refusal(cli(root, "note", session.id, "Hello"), "journal.torn", "a symbolic link")
    assert target.read_bytes() == TARGET_TEXT
    assert session.journal_path.read_bytes() == before


@pytest.mark.parametrize("name", ["session.lock", "run.lock"])
def test_a_symlinked_lock_file_is_refused_and_its_target_never_truncated(
    root: Path, session: Session, target: Path, name: str
) -> None:
    link(session.path / name, target)
    args = ["note", session.id, "Hi"] if name == "session.lock" else ["delete", session.id, "-y"]
    one_line_refusal(cli(root, *args), name, "a symbolic link")
    assert target.read_bytes() == TARGET_TEXT
    assert session.path.is_dir()


def test_a_symlinked_header_is_refused_and_the_session_listed_as_damaged(
    root: Path, session: Session, target: Path
) -> None:
    header = session.path / "session.json"
    target.write_bytes(header.read_bytes())  # even a perfectly good header elsewhere
    link(header, target)
    one_line_refusal(cli(root, "show", session.id), "session.json", "a symbolic link")
    one_line_refusal(cli(root, "archive", session.id), "session.json", "a symbolic link")
    listed = cli(root, "list")
    assert listed.exit_code == 0
    assert "session.json: is a symbolic link" in listed.stderr
    assert session.id in listed.stdout
    assert "damaged" in listed.stdout
    assert target.read_bytes() == header.read_bytes()


def test_a_symlinked_session_folder_is_listed_as_damaged_and_never_written(
    root: Path, session: Session, tmp_path: Path
) -> None:
    other = tmp_path / "other-folder"
    session.path.rename(other)
    session.path.symlink_to(other, target_is_directory=True)
    journal = (other / "journal.jsonl").read_bytes()
    one_line_refusal(cli(root, "note", session.id, "x"), session.id, "a symbolic link")
    assert (other / "journal.jsonl").read_bytes() == journal
    store = SessionStore(root)
    assert store.list() == []
    (damaged,) = store.damaged
    assert damaged.id == session.id and "symbolic link" in str(damaged.problem)


def run_in_subprocess(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real program, with a deadline: a FIFO must never make it wait."""
    env = {**os.environ, "FACILITATE_LANG": "en", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "facilitate", "--sessions-dir", str(root), "sessions", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    )


@pytest.mark.parametrize("name", ["journal.jsonl", "session.json"])
def test_a_fifo_in_place_of_a_session_file_is_refused_without_waiting(
    root: Path, session: Session, name: str
) -> None:
    path = session.path / name
    path.unlink()
    os.mkfifo(path)
    for args in (["show", session.id], ["note", session.id, "x"]):
        result = run_in_subprocess(root, *args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().count("\n") == 0
        assert f"{name}: is a FIFO (named pipe), not a regular file" in result.stderr


def test_a_device_in_place_of_the_journal_is_refused(root: Path, session: Session) -> None:
    session.journal_path.unlink()
    try:  # a character device like /dev/null (needs the right to make device files)
        os.mknod(session.journal_path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device file here")
    one_line_refusal(cli(root, "note", session.id, "x"), "journal.jsonl", "a device")
    assert stat.S_ISCHR(session.journal_path.lstat().st_mode)


def test_a_folder_in_place_of_the_journal_is_refused(root: Path, session: Session) -> None:
    session.journal_path.unlink()
    session.journal_path.mkdir()
    one_line_refusal(cli(root, "note", session.id, "x"), "journal.jsonl", "a folder")


def test_a_missing_journal_lists_the_session_as_damaged_and_refuses_notes(
    root: Path, session: Session
) -> None:
    session.journal_path.unlink()
    store = SessionStore(root)
    assert store.list() == []
    (damaged,) = store.damaged
    assert damaged.id == session.id
    assert "journal.jsonl: the file is missing" in str(damaged.problem)
    result = cli(root, "note", session.id, "x")
    assert result.exit_code == 2 and "journal.jsonl: the file is missing" in result.stderr
    assert not session.journal_path.exists()  # never silently started again


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name descriptors")
def test_journal_torn_is_made_durable_with_its_folder_before_the_journal_is_cut(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open(session.journal_path, "ab") as file:
        file.write(b'{"v":1,"se')
    size = session.journal_path.stat().st_size
    synced: list[tuple[str, int]] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append((os.readlink(f"/proc/self/fd/{fd}"), session.journal_path.stat().st_size))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    session.append(EntryAdded(entry_id="e2", kind="note", text="two"), author="a", role="b")
    names = [Path(path).name for path, _ in synced]
    torn, folder = names.index("journal.torn"), names.index(session.id)
    assert torn < folder < names.index("journal.jsonl")
    assert synced[folder][1] == size  # the journal is cut only once journal.torn is durable
    assert synced[names.index("journal.jsonl")][1] == size - len(b'{"v":1,"se')
    assert (session.path / "journal.torn").read_bytes() == b'{"v":1,"se\n'


def test_unsafe_files_are_refused_by_the_store_api_too(session: Session, target: Path) -> None:
    calls: list[Callable[[], object]] = [
        session.records,
        lambda: session.append(EntryAdded(entry_id="x", kind="n", text="t"), author="a", role="b"),
        lambda: session.follow().read(),
    ]
    link(session.journal_path, target)
    for call in calls:
        with pytest.raises(UnsafeFileError) as caught:
            call()
        assert isinstance(caught.value, InvalidFileError)
        assert caught.value.exit_code == 2
    assert target.read_bytes() == TARGET_TEXT
