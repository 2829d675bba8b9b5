"""`facilitate run` and `facilitate timer` on bad input, and runs that end by themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitate.app.journal_sink import JournalSink
from facilitate.app.run_options import RunOptions
from facilitate.errors import JournalError, UsageError
from facilitate.i18n import Translator
from facilitate.model.events import TimerPaused
from facilitate.store.journal import SessionStore

from cli_helpers import run_cli


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "FACILITATE_SESSIONS": str(tmp_path / "sessions"),
        "FACILITATE_CONFIG_DIR": str(tmp_path / "config"),
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timer", "soon"], "not a duration: 'soon'"),
        (["timer"], "give a DURATION"),
        (["timer", "5m", "--until", "12:00"], "either a DURATION or --until"),
        (["timer", "--until", "25:00"], "not a clock time: '25:00'"),
        (["timer", "5m", "--warn", "later"], "not a list of warning times: 'later'"),
        (["timer", "5m", "--speed", "0"], "the speed must be a number above 0"),
        (["timer", "5m", "--session", "no-such-session"], "no-such-session"),
        (["timer", "99999999"], "a countdown can be at most 12 h; got '99999999'"),
        (["timer", "12h1m"], "at most 12 h"),
        (["run", "world-cafe", "--param", "rounds"], "expected --param key=value"),
        (["run", "world-cafe", "--param", "colour=red"], "unknown parameter 'colour'"),
        (["run", "no-such-method"], "no-such-method"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    args: list[str], message: str, env: dict[str, str], tmp_path: Path
) -> None:
    result = run_cli(args, env=env)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "sessions").glob("*/journal.jsonl"))  # nothing half-started


def test_a_piped_timer_counts_down_in_plain_lines_and_ends(env: dict[str, str]) -> None:
    result = run_cli(["timer", "1m", "--speed", "120", "--title", "Pairs"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "[1/1] Pairs: 01:00" in result.stdout
    assert "00:30 left" in result.stdout and "time is up" in result.stdout


def test_a_piped_run_goes_through_the_method_and_records_it(
    env: dict[str, str], tmp_path: Path
) -> None:
    args = ["run", "world-cafe", "--speed", "5000", "--param", "round_minutes=12"]
    result = run_cli(args, env=env)
    assert result.exit_code == 0, result.stderr
    assert "finished" in result.stdout
    assert "Planned and actual time" in result.stdout
    lines = next((tmp_path / "sessions").glob("*/journal.jsonl")).read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert records[0]["type"] == "run_started"
    params = records[0]["data"]["params"]  # the resolved values, so a resume uses these
    assert params["round_minutes"] == 12 and params["questions"][0]["en"]
    assert records[-1]["data"]["reason"] == "finished"
    rounds = [r["data"] for r in records if r["type"] == "step_started" and r["data"]["round"]]
    assert rounds and all(r["planned_seconds"] == 720 for r in rounds)


def test_resume_of_a_finished_run_says_so(env: dict[str, str], tmp_path: Path) -> None:
    run_cli(["run", "world-cafe", "--speed", "5000"], env=env)
    session_id = next((tmp_path / "sessions").iterdir()).name
    result = run_cli(["sessions", "resume", session_id], env=env)
    assert result.exit_code == 2
    assert "finished" in result.stderr


def test_run_options_are_checked() -> None:
    assert RunOptions.parse(warn="2m,30s", quiet=False, auto_advance=False, speed=2).warnings == (
        120,
        30,
    )
    with pytest.raises(UsageError):
        RunOptions.parse(warn=None, quiet=False, auto_advance=False, speed=float("nan"))


def test_the_journal_sink_keeps_events_while_the_disk_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = SessionStore(tmp_path).create(title="Sink", language="en")
    sink = JournalSink(session, "me")
    append = session.append

    def full_disk(*args, **kwargs):
        raise JournalError("cannot write journal.jsonl: No space left on device")

    monkeypatch.setattr(session, "append", full_disk)
    sink(TimerPaused(index=0, remaining_seconds=10))
    sink(TimerPaused(index=0, remaining_seconds=9))
    assert sink.problem is not None and len(sink.pending) == 2
    assert "No space left" in sink.problem.render(Translator("en"))
    with pytest.raises(JournalError):
        sink.close()
    monkeypatch.setattr(session, "append", append)
    sink.close()
    assert sink.problem is None
    assert [r.event.remaining_seconds for r in session.records()] == [10, 9]


def _stopped_session(
    tmp_path: Path,
    method: str,
    params: dict,
    index: int,
    left: float,
    step: str = "x",
    round_: int | None = None,
) -> str:
    from facilitate.model.events import RunStarted, RunStopped, StepStarted

    session = SessionStore(tmp_path / "sessions").create(title="Resume me", language="en")
    for event in (
        RunStarted(method=method, params=params, speed=1.0, segments=index + 1),
        StepStarted(
            index=index, step=step, round=round_, planned_seconds=600.0, remaining_seconds=600.0
        ),
        RunStopped(index=index, remaining_seconds=left, paused=True, reason="interrupted"),
    ):
        session.append(event, author="me", role="facilitator")
    return session.id


def _events(tmp_path: Path, session_id: str) -> list[dict]:
    text = (tmp_path / "sessions" / session_id / "journal.jsonl").read_text()
    return [json.loads(line) for line in text.splitlines()]


def test_resume_continues_a_method_where_it_stopped(env: dict[str, str], tmp_path: Path) -> None:
    params = {"round_minutes": "12"}
    session_id = _stopped_session(tmp_path, "world-cafe", params, 2, 30.0, "round", 2)
    result = run_cli(["sessions", "resume", session_id, "--speed", "5000"], env=env)
    assert result.exit_code == 0, result.stderr
    records = _events(tmp_path, session_id)[3:]
    assert records[0]["type"] == "step_started"  # no second run_started
    assert records[0]["data"]["index"] == 2 and records[0]["data"]["remaining_seconds"] == 30
    assert records[0]["data"]["planned_seconds"] == 720  # the stored parameter still applies
    assert records[-1]["data"]["reason"] == "finished"


def test_resume_continues_a_standalone_timer(env: dict[str, str], tmp_path: Path) -> None:
    params = {"seconds": 600.0, "until": None, "title": "Fika", "warnings": [60.0]}
    session_id = _stopped_session(tmp_path, "@timer", params, 0, 90.0, "timer")
    result = run_cli(["sessions", "resume", session_id, "--speed", "100"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "[1/1] Fika: 01:30" in result.stdout and "01:00 left" in result.stdout
    assert _events(tmp_path, session_id)[-1]["data"]["reason"] == "finished"


def test_resume_past_the_end_of_a_changed_method_is_refused(
    env: dict[str, str], tmp_path: Path
) -> None:
    session_id = _stopped_session(tmp_path, "world-cafe", {}, 40, 30.0)
    result = run_cli(["sessions", "resume", session_id], env=env)
    assert result.exit_code == 2
    assert "stopped at step 41" in result.stderr


def _past_clock() -> str:
    """HH:MM ten minutes ago (local time): always a time that has passed, even near midnight."""
    import time

    return time.strftime("%H:%M", time.localtime(time.time() - 600))


def test_a_timer_until_a_time_that_has_passed_is_refused(env: dict[str, str]) -> None:
    clock = _past_clock()
    result = run_cli(["timer", "--until", clock], env=env)
    assert result.exit_code == 2
    assert f"--until {clock}: that time has passed" in result.stderr
    assert "give a later time" in result.stderr and "Traceback" not in result.stderr


def test_a_timer_of_twelve_hours_is_accepted(env: dict[str, str]) -> None:
    result = run_cli(["timer", "12h", "--speed", "1000000", "--warn", "none"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "[1/1] Timer: 12:00:00" in result.stdout


def test_timer_help_speaks_of_one_countdown() -> None:
    result = run_cli(["timer", "--help"])
    text = " ".join(result.stdout.split())
    assert "Record the countdown in this session" in text
    assert "default for run" not in text
    assert "instead of counting overtime" in text
    assert "next step" not in text


def test_run_in_a_session_with_a_stopped_run_is_refused(
    env: dict[str, str], tmp_path: Path
) -> None:
    session_id = _stopped_session(tmp_path, "1-2-4-all", {}, 2, 30.0, "four")
    for args in (
        ["run", "dot-voting", "--session", session_id],
        ["timer", "5m", "--session", session_id],
    ):
        result = run_cli(args, env=env)
        assert result.exit_code == 2, result.stderr
        assert (
            f"session {session_id} has a stopped run of 1-2-4-all (step 3/3);"
            f" continue it with: facilitate sessions resume {session_id}"
        ) in " ".join(result.stderr.split())
    assert len(_events(tmp_path, session_id)) == 3  # nothing appended; still resumable
    result = run_cli(["sessions", "resume", session_id, "--speed", "5000"], env=env)
    assert result.exit_code == 0, result.stderr


def test_after_a_finished_run_another_method_runs_in_the_same_session(
    env: dict[str, str], tmp_path: Path
) -> None:
    first = run_cli(["run", "1-2-4-all", "--speed", "5000"], env=env)
    assert first.exit_code == 0, first.stderr
    session_id = next((tmp_path / "sessions").iterdir()).name
    second = run_cli(["run", "dot-voting", "--speed", "5000", "--session", session_id], env=env)
    assert second.exit_code == 0, second.stderr
    runs = [
        r["data"]["method"] for r in _events(tmp_path, session_id) if r["type"] == "run_started"
    ]
    assert runs == ["1-2-4-all", "dot-voting"]


def test_a_stored_value_that_no_longer_fits_the_method_stops_the_resume(
    env: dict[str, str], tmp_path: Path
) -> None:
    session_id = _stopped_session(tmp_path, "world-cafe", {"round_minutes": "lots"}, 1, 30.0)
    result = run_cli(["sessions", "resume", session_id], env=env)
    assert result.exit_code == 2
    assert "round_minutes" in result.stderr and "Traceback" not in result.stderr


def test_the_run_summary_and_sessions_show_write_durations_alike(
    env: dict[str, str], tmp_path: Path
) -> None:
    session = SessionStore(tmp_path / "sessions").create(title="Fika", language="en")
    ran = run_cli(["timer", "1m", "--session", session.id, "--speed", "600"], env=env)
    assert ran.exit_code == 0, ran.stderr
    summary = next(line for line in ran.stdout.splitlines() if line.strip().startswith("Timer"))
    assert summary.split()[1] == "01:00"  # planned, as `sessions show` writes it
    shown = run_cli(["sessions", "show", session.id], env=env)
    assert shown.exit_code == 0, shown.stderr
    assert "01:00" in shown.stdout and " 1:00" not in shown.stdout


def test_resume_takes_warn_like_run(env: dict[str, str], tmp_path: Path) -> None:
    params = {"seconds": 600.0, "until": None, "title": "Fika", "warnings": [60.0]}
    session_id = _stopped_session(tmp_path, "@timer", params, 0, 90.0, "timer")
    args = ["sessions", "resume", session_id, "--speed", "100", "--warn", "45s"]
    result = run_cli(args, env=env)
    assert result.exit_code == 0, result.stderr
    assert "00:45 left" in result.stdout
    bad = run_cli(["sessions", "resume", session_id, "--warn", "later"], env=env)
    assert bad.exit_code == 2 and "not a list of warning times" in bad.stderr
