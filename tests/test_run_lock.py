"""One live run per session: a second run is refused at once; notes still go in meanwhile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitate.errors import ExitCode, UsageError
from facilitate.model.events import RunStarted, RunStopped, StepStarted
from facilitate.store.locks import SessionBusyError
from facilitate.store.session import Session
from facilitate.store.store import SessionStore

from cli_helpers import run_cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "FACILITATE_SESSIONS": str(tmp_path / "sessions"),
        "FACILITATE_CONFIG_DIR": str(tmp_path / "config"),
    }


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return SessionStore(tmp_path / "sessions").create(title="Conc", language="en")


def test_a_second_run_lock_is_refused_at_once_with_the_way_to_add_notes(session: Session) -> None:
    other = SessionStore(session.path.parent).open(session.id)  # as another program would
    with session.run_lock():
        with pytest.raises(SessionBusyError) as caught, other.run_lock():
            pass  # pragma: no cover - must not be reached
        assert isinstance(caught.value, UsageError)
        assert caught.value.exit_code == ExitCode.BAD_INPUT
        assert str(caught.value) == (
            f"session {session.id} is being run in another terminal;"
            f' add notes with: facilitate sessions note {session.id} "TEXT"'
        )
    with other.run_lock():  # released: the next run may go
        pass


def test_the_journal_takes_appends_while_a_run_holds_the_session(session: Session) -> None:
    with session.run_lock():
        session.append(RunStarted(method="m", segments=1), author="me", role="facilitator")
        session.append(StepStarted(index=0, step="s"), author="you", role="note-taker")
    assert [r.seq for r in session.records()] == [1, 2]


def _journal(session: Session) -> list[dict]:
    return [json.loads(line) for line in session.journal_path.read_text().splitlines()]


def test_run_timer_and_resume_are_refused_while_another_run_goes_on(
    session: Session, env: dict[str, str]
) -> None:
    for event in (
        RunStarted(method="@timer", params={"seconds": 600.0}, segments=1),
        StepStarted(index=0, step="timer", planned_seconds=600.0, remaining_seconds=600.0),
        RunStopped(index=0, remaining_seconds=300.0, paused=False, reason="quit"),
    ):
        session.append(event, author="me", role="facilitator")
    attempts = (
        ["run", "1-2-4-all", "--session", session.id, "--speed", "5000"],
        ["timer", "1m", "--session", session.id, "--speed", "5000"],
        ["sessions", "resume", session.id, "--speed", "5000"],
    )
    with session.run_lock():
        for args in attempts:
            result = run_cli(args, env=env)
            assert result.exit_code == 2, (args, result.stderr)
            assert "is being run in another terminal" in result.stderr
            assert "Traceback" not in result.stderr
        note = run_cli(["sessions", "note", session.id, "More chairs"], env=env)
        assert note.exit_code == 0, note.stderr
    records = _journal(session)
    assert [r["type"] for r in records][-1] == "entry_added"  # only the note went in
    assert len(records) == 4
    resumed = run_cli(["sessions", "resume", session.id, "--speed", "5000"], env=env)
    assert resumed.exit_code == 0, resumed.stderr
    assert _journal(session)[-1]["data"]["reason"] == "finished"
