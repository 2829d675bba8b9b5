"""`facilitate run PLAN` without a terminal, resuming a day, and the plan stamps it records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from facilitate.app.plan_runs import open_day
from facilitate.app.plans import Plans
from facilitate.app.run_options import RunOptions
from facilitate.model.plan import Actual
from facilitate.model.plan.day import PLAN_KEY, block_segments, read_stamp, rehearsal_actuals
from facilitate.store.journal import SessionStore

from cli_helpers import run_cli
from fakes import FakeClock
from plan_helpers import item, minutes, programme

PLAN = """\
schema_version: 1
id: piped-day
title: Piped day
language: en
start: "09:00"
blocks:
  - item: talk
    title: Welcome
    minutes: 10
  - method: 1-2-4-all
    minutes: 10
    min_minutes: 4
  - item: lunch
    title: Lunch
    minutes: 10
    at: "{lunch}"
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # ./plans is found from here
    (tmp_path / "plans").mkdir()
    return {
        "FACILITATE_SESSIONS": str(tmp_path / "sessions"),
        "FACILITATE_CONFIG_DIR": str(tmp_path / "config"),
    }


def write_plan(tmp_path: Path, lunch: str = "09:20", name: str = "piped-day") -> Path:
    path = tmp_path / "plans" / f"{name}.yaml"
    path.write_text(PLAN.format(lunch=lunch).replace("piped-day", name))
    return path


def records(tmp_path: Path) -> list[dict]:
    (journal,) = (tmp_path / "sessions").glob("*/journal.jsonl")
    return [json.loads(line) for line in journal.read_text().splitlines()]


def stamps(tmp_path: Path) -> list[dict]:
    return [r["data"]["params"][PLAN_KEY] for r in records(tmp_path) if r["type"] == "run_started"]


def test_a_piped_day_prints_plain_lines_and_never_applies_a_proposal(
    env: dict[str, str], tmp_path: Path
) -> None:
    write_plan(tmp_path, lunch="09:15")  # 20 minutes of blocks before a lunch at 09.15
    result = run_cli(["run", "piped-day", "--speed", "5000"], env=env)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "on time · the day ends 09:30 (planned 09:30) · next: Lunch 09:15 (5 min late)"
    )
    assert "To catch up, shorten: 1-2-4-All 10 → 5 min" in lines
    assert "Not a terminal: the proposal is not applied." in lines
    assert any(line.startswith("Block 1/3 Welcome: 09:00–") for line in lines)
    assert any("Block 2/3: 1-2-4-All" in line for line in lines)  # the block's heading
    assert re.fullmatch(r"The day is done at \d\d:\d\d \(planned 09:30\)\. Session: \S+", lines[-1])
    _welcome, method, lunch = stamps(tmp_path)
    assert method["seconds"] == 600 and method["lengths"] == {}  # the plan as it stood
    assert lunch["planned_start"] == "09:20" and lunch["start"] >= "09:20"  # reached late

    again = run_cli(["run", "piped-day", "--session", result_session(tmp_path)], env=env)
    assert again.exit_code == 2
    assert "the day of plan 'piped-day' is complete" in again.stderr


def result_session(tmp_path: Path) -> str:
    (folder,) = (tmp_path / "sessions").iterdir()
    return folder.name


def test_a_day_stopped_in_a_block_continues_there_with_its_accepted_length(
    env: dict[str, str], tmp_path: Path
) -> None:
    write_plan(tmp_path)
    store = SessionStore(tmp_path / "sessions")
    clock = FakeClock()
    options = RunOptions.parse(warn=None, quiet=True, auto_advance=False, speed=1.0)
    plans = Plans(tmp_path, env)
    with open_day(store, plans, "piped-day", session_id=None, lang="en", speed=600) as day:
        first = day.block_run(heading="", lang="en", author="Anna", options=options, clock=clock)
        first.controller.start(*clock.now())
        clock.advance(minutes(13))  # three minutes over
        first.controller.next(*clock.now())
        assert first.controller.finished
        day.finished_block(day.session.state().run(first.controller.run_id))
        proposal = day.replan(clock.time(), 0.0).proposal
        assert proposal is not None and proposal.lengths == {"2": minutes(7)}
        day.accept(proposal)
        second = day.block_run(heading="", lang="en", author="Anna", options=options, clock=clock)
        second.controller.start(*clock.now())
        clock.advance(30)
        second.controller.stop(*clock.now(), "quit")
        session_id = day.session.id
    assert sum(s.seconds or 0 for s in second.controller.segments) == pytest.approx(minutes(7))

    result = run_cli(["run", "piped-day", "--session", session_id, "--speed", "5000"], env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Continuing block 2/3: 1-2-4-All"
    found = stamps(tmp_path)
    assert [s["block"] for s in found] == ["1", "2", "3"]  # block 2 went on, not again
    assert found[1]["seconds"] == minutes(7) and found[2]["lengths"] == {"2": minutes(7)}
    resumed = [r for r in records(tmp_path) if r["type"] == "step_started"][2]
    assert resumed["data"]["planned_seconds"] == pytest.approx(50 * 0.7)  # 50 s, scaled 7/10


def test_sessions_resume_continues_the_day(env: dict[str, str], tmp_path: Path) -> None:
    write_plan(tmp_path)
    store = SessionStore(tmp_path / "sessions")
    clock = FakeClock()
    options = RunOptions.parse(warn=None, quiet=True, auto_advance=False, speed=1.0)
    with open_day(
        store, Plans(tmp_path, env), "piped-day", session_id=None, lang="en", speed=600
    ) as day:
        live = day.block_run(heading="", lang="en", author="Anna", options=options, clock=clock)
        live.controller.start(*clock.now())
        live.controller.stop(*clock.now(), "quit")  # the welcome (a timer) quit at once
        session_id = day.session.id
    result = run_cli(["sessions", "resume", session_id, "--speed", "5000"], env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Continuing block 1/3: Welcome"
    assert "The day is done at" in result.stdout
    assert [s["block"] for s in stamps(tmp_path)] == ["1", "2", "3"]


def test_a_method_of_the_same_id_wins_unless_plan_is_given(
    env: dict[str, str], tmp_path: Path
) -> None:
    write_plan(tmp_path, name="1-2-4-all")
    method = run_cli(["run", "1-2-4-all", "--speed", "5000"], env=env)
    assert method.exit_code == 0, method.stderr
    assert "'1-2-4-all' is both a method and a plan; running the method" in method.stderr
    assert "Block 1/3" not in method.stdout
    plan = run_cli(["run", "1-2-4-all", "--plan", "--speed", "5000"], env=env)
    assert plan.exit_code == 0, plan.stderr
    assert "The day is done at" in plan.stdout


def test_a_plan_file_runs_and_params_are_refused(env: dict[str, str], tmp_path: Path) -> None:
    path = write_plan(tmp_path, name="day-file")
    refused = run_cli(["run", str(path), "--param", "rounds=2"], env=env)
    assert refused.exit_code == 2
    assert "--param sets a method's parameters" in refused.stderr
    ran = run_cli(["run", str(path), "--speed", "5000"], env=env)
    assert ran.exit_code == 0, ran.stderr
    assert stamps(tmp_path)[0]["file"] == str(path.resolve())


def test_a_rehearsed_day_runs_on_its_own_clock_and_waits_for_no_anchor() -> None:
    day = programme(item(30, "A"), item(30, "B"), item(60, "Lunch", at="11:00"))
    actuals, now = rehearsal_actuals(day, [("1", minutes(35)), ("2", minutes(20))])
    assert actuals == [
        Actual("1", minutes(9 * 60), minutes(9 * 60 + 35)),
        Actual("2", minutes(9 * 60 + 35), minutes(9 * 60 + 55)),
    ]
    assert now == minutes(9 * 60 + 55)
    _, now = rehearsal_actuals(day, [("1", 0.0), ("2", 0.0), ("3", minutes(60))])
    assert now == minutes(12 * 60)  # the anchored lunch started at 11.00


def test_a_stamp_that_does_not_fit_is_no_plan_block() -> None:
    good = {"id": "d", "block": "2", "number": 2, "blocks": 3, "seconds": 600, "lengths": {}}
    assert read_stamp({PLAN_KEY: good}) is not None
    assert read_stamp({}) is None
    assert read_stamp({PLAN_KEY: "d"}) is None
    assert read_stamp({PLAN_KEY: {**good, "seconds": "600"}}) is None
    assert read_stamp({PLAN_KEY: {**good, "lengths": {"2": "x"}}}) is None


def test_a_method_block_is_scaled_to_its_length() -> None:
    day = programme({"method": "1-2-4-all", "minutes": 20})
    block = day.blocks[0]
    segments = block_segments(block, minutes(10))
    assert sum(s.seconds or 0 for s in segments) == pytest.approx(minutes(10))
    assert [s.step_id for s in segments] == [s.step_id for s in block.segments]
