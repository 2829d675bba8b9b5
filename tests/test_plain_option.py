"""`--plain` reaches the runner from `run`, `timer` and `sessions resume`."""

from __future__ import annotations

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
