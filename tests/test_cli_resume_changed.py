"""Resuming a stopped run after its method file changed: the step that no longer matches is
named, and the run goes on (with its own run id) once the file is restored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitate.library.methods import load_method_file
from facilitate.model.expand import build_timeline
from facilitate.model.run import RunController
from facilitate.store.journal import SessionStore

from cli_helpers import run_cli
from fakes import FakeClock

BUNDLED = Path(__file__).resolve().parents[1] / "methods" / "1-2-4-all.yaml"
EXTRA_STEP = """\
  - id: three
    title: {sv: "3: I tre", en: "3: In threes"}
    roles: [facilitator]
    minutes: 3
    instructions: {sv: Tre och tre., en: In threes.}
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "FACILITATE_SESSIONS": str(tmp_path / "sessions"),
        "FACILITATE_CONFIG_DIR": str(tmp_path / "config"),
    }


@pytest.fixture
def method_file(tmp_path: Path) -> Path:
    """The user's own copy of 1-2-4-All, as ``my-124``."""
    path = tmp_path / "config" / "methods" / "my-124.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(BUNDLED.read_text(encoding="utf-8").replace("id: 1-2-4-all", "id: my-124", 1))
    return path


def stopped_at_four(tmp_path: Path, method_file: Path) -> str:
    """A session whose run of my-124 was quit in its third step, "four", as the runner does it."""
    session = SessionStore(tmp_path / "sessions").create(title="Workshop", language="en")
    method = load_method_file(method_file)
    run = RunController(
        build_timeline(method),
        lambda event: session.append(event, author="Anna", role="facilitator"),
        method_id=method.id,
        run_id="5c0ffee0" * 4,
    )
    clock = FakeClock()
    run.start(*clock.now())
    run.next(*clock.now())
    run.next(*clock.now())
    clock.advance(90)
    run.stop(*clock.now(), "quit")
    return session.id


def add_step_before_four(method_file: Path) -> None:
    text = method_file.read_text(encoding="utf-8")
    method_file.write_text(text.replace("  - id: four\n", EXTRA_STEP + "  - id: four\n", 1))


def test_resume_names_the_step_that_no_longer_matches(
    env: dict[str, str], tmp_path: Path, method_file: Path
) -> None:
    session_id = stopped_at_four(tmp_path, method_file)
    add_step_before_four(method_file)
    journal = tmp_path / "sessions" / session_id / "journal.jsonl"
    before = journal.read_bytes()
    result = run_cli(["sessions", "resume", session_id], env=env)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: cannot resume session {session_id}: its run of 'my-124' stopped at step 3"
        " (four), but step 3 of the method is now three; the method file was changed since."
        " Restore it to go on (four is now step 4)"
    ]
    assert journal.read_bytes() == before  # nothing was recorded


def test_the_message_is_in_swedish_too(
    env: dict[str, str], tmp_path: Path, method_file: Path
) -> None:
    session_id = stopped_at_four(tmp_path, method_file)
    method_file.write_text(method_file.read_text().split("  - id: four\n")[0])  # fewer steps
    result = run_cli(["--lang", "sv", "sessions", "resume", session_id], env=env)
    assert result.exit_code == 2
    assert (
        f"kan inte återuppta sessionen {session_id}: körningen av 'my-124' stannade vid steg 3"
        " (four), men metoden har nu bara 2 steg" in result.stderr
    )


def test_with_the_file_restored_the_run_goes_on_under_its_own_id(
    env: dict[str, str], tmp_path: Path, method_file: Path
) -> None:
    session_id = stopped_at_four(tmp_path, method_file)
    original = method_file.read_text()
    add_step_before_four(method_file)
    assert run_cli(["sessions", "resume", session_id], env=env).exit_code == 2
    method_file.write_text(original)
    result = run_cli(["sessions", "resume", session_id, "--speed", "5000"], env=env)
    assert result.exit_code == 0, result.stderr
    lines = (tmp_path / "sessions" / session_id / "journal.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["type"] for r in records].count("run_started") == 1
    assert {r["data"]["run_id"] for r in records} == {"5c0ffee0" * 4}
    resumed = [r["data"] for r in records if r["type"] == "step_started"][-2]
    assert (resumed["step"], resumed["remaining_seconds"]) == ("four", 150)
    assert records[-1]["data"]["reason"] == "finished"
