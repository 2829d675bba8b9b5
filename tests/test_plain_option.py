"""`--plain` reaches the runner from `run`, `timer` and `sessions resume`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

import facilitate.cli.runner as runner_module
from facilitate.model.events import RunStarted
from facilitate.store.journal import SessionStore

from cli_helpers import run_cli


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    seen: list[tuple[str, dict[str, Any]]] = []
    for name in ("run_method", "run_timer", "resume_session"):
        monkeypatch.setattr(
            runner_module, name, lambda *a, _n=name, **kw: seen.append((_n, kw)), raising=True
        )
    return seen


def test_run_timer_and_resume_take_plain(tmp_path: Path, calls: list) -> None:
    root = tmp_path / "store"
    session = SessionStore(root).create(title="X", date="2026-11-22")
    session.append(RunStarted(method="timer", speed=1.0, segments=1), author="a", role="b")
    assert run_cli(["--sessions-dir", str(root), "run", "35an", "--plain"]).exit_code == 0
    assert run_cli(["--sessions-dir", str(root), "timer", "5m"]).exit_code == 0
    resume = ["--sessions-dir", str(root), "sessions", "resume", session.id, "--plain"]
    assert run_cli(resume).exit_code == 0
    assert [(name, kw.get("plain")) for name, kw in calls] == [
        ("run_method", True),
        ("run_timer", False),
        ("resume_session", True),
    ]


PLAN = """\
schema_version: 1
id: tiny-day
title: Tiny day
language: en
start: "09:00"
blocks:
  - item: talk
    title: Welcome
    minutes: 1
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_a_plan_run_with_plain_shows_its_blocks_as_lines_on_a_terminal(tmp_path: Path) -> None:
    from pty_screen import PtyScreen

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "tiny-day.yaml").write_text(PLAN, encoding="utf-8")
    screen = PtyScreen(["run", "tiny-day", "--plain", "--speed", "60"], tmp_path, (80, 24))
    screen.wait_text("[1/1] Welcome: 01:00")
    screen.wait_text("The day is done")
    assert screen.finish() == 0
    assert b"\x1b[?1049h" not in screen.raw  # never the full-screen view
