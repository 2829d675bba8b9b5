"""`facilitate run PLAN` in a real pseudo-terminal: a day of three blocks at rehearsal speed,
falling behind, a proposal accepted with y, and a day quit and resumed at its block."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from test_live_pty import expect_text, finish, journal, screen_text, spawn

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")

PLAN = """\
schema_version: 1
id: pty-day
title: Pty day
language: en
start: "09:00"
blocks:
  - item: talk
    title: Welcome
    minutes: {welcome}
  - method: 1-2-4-all
    minutes: 10
    min_minutes: 4
  - item: lunch
    title: Lunch
    minutes: 10
    at: "{lunch}"
"""


def write_plan(tmp_path: Path, *, welcome: int, lunch: str) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "pty-day.yaml").write_text(PLAN.format(welcome=welcome, lunch=lunch))


def block_runs(records: list[dict]) -> list[dict]:
    """The RunStarted data of every block's run, in order."""
    return [r["data"] for r in records if r["type"] == "run_started"]


def test_a_day_falls_behind_and_the_accepted_proposal_shortens_the_next_block(
    tmp_path: Path,
) -> None:
    write_plan(tmp_path, welcome=20, lunch="09:30")
    # ×300: the welcome lasts 4 s, time for the + keys to land in it on a busy machine
    child = spawn(["run", "pty-day", "--speed", "300", "--quiet"], tmp_path)
    expect_text(child, "Block 1/3: Welcome")
    child.send("++")  # two minutes more for the welcome: the day is now behind
    expect_text(child, "+1 min")
    shown = expect_text(child, "any other key: go on as planned")
    assert "Block 1/3 Welcome: 09:00–" in shown  # actual times beside the planned ones
    assert "(planned 09:00–09:20)" in shown
    assert re.search(r"\d+ min behind · the day ends \d\d:\d\d \(planned 09:40\)", shown)
    assert "next: Lunch 09:30 (" in shown and "late)" in shown
    cut = re.search(r"To catch up, shorten: 1-2-4-All 10 → (\d+) min", shown)
    assert cut is not None, shown
    after = int(cut.group(1))
    assert 4 <= after < 10  # never below the block's minimum
    child.send("y")
    expect_text(child, f"Accepted: 1-2-4-All 10 → {after} min")
    expect_text(child, "Block 2/3: 1-2-4-All")
    expect_text(child, "Block 3/3: Lunch")
    rest = screen_text(child.read())
    assert finish(child) == 0
    assert "The day is done at" in rest

    records = journal(tmp_path)
    runs = block_runs(records)
    assert [run["params"]["plan"]["block"] for run in runs] == ["1", "2", "3"]
    assert len({run["run_id"] for run in runs}) == 3  # one session, a run per block
    welcome, method, lunch = (run["params"]["plan"] for run in runs)
    assert (welcome["planned_start"], welcome["planned_end"]) == ("09:00", "09:20")
    assert (method["planned_start"], method["planned_end"]) == ("09:20", "09:30")
    assert method["planned_seconds"] == 600 and method["seconds"] == after * 60
    assert method["lengths"] == {"2": after * 60}
    assert lunch["start"] == "09:30"  # the anchor holds
    planned = [
        r["data"]["planned_seconds"]
        for r in records
        if r["type"] == "step_started" and r["data"]["run_id"] == runs[1]["run_id"]
    ]
    assert sum(planned) == pytest.approx(after * 60, abs=0.01)  # its steps scaled to fit
    ended = [r["data"] for r in records if r["type"] == "step_ended"]
    welcome_ran = sum(e["elapsed_seconds"] for e in ended if e["run_id"] == runs[0]["run_id"])
    assert welcome_ran >= 22 * 60  # the actual time is in the journal too


def test_a_day_quit_in_its_second_block_resumes_there(tmp_path: Path) -> None:
    write_plan(tmp_path, welcome=2, lunch="09:12")
    # ×120: the second block lasts seconds, so the q's arrive in it on a busy machine too
    child = spawn(["run", "pty-day", "--speed", "120", "--quiet"], tmp_path)
    expect_text(child, "Block 2/3: 1-2-4-All")
    child.send("qq")  # q asks once more; the second one quits
    out = screen_text(child.read())
    assert finish(child) == 0
    saved = r"The day is saved at block 2/3\. Continue with: facilitate sessions resume (\S+)"
    match = re.search(saved, out)
    assert match is not None, out
    session_id = match.group(1)

    child = spawn(["sessions", "resume", session_id, "--speed", "600", "--quiet"], tmp_path)
    expect_text(child, "Continuing block 2/3: 1-2-4-All")
    expect_text(child, "Block 3/3: Lunch")
    rest = screen_text(child.read())
    assert finish(child) == 0
    assert re.search(
        rf"The day is done at \d\d:\d\d \(planned 09:22\)\. Session: {session_id}", rest
    )
    runs = block_runs(journal(tmp_path))
    assert [run["params"]["plan"]["block"] for run in runs] == ["1", "2", "3"]  # 2 continued
