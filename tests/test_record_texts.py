"""What `sessions show` and `sessions history` say about ended-early steps and about entries
of one run in a session that holds several."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.model.events import Event
from facilitate.model.run import RunController
from facilitate.model.text import Text
from facilitate.model.timeline import Segment
from facilitate.store.journal import Session, SessionStore

from cli_helpers import run_cli
from fakes import FakeClock


def segment(index: int, step: str, title: str, minutes: float) -> Segment:
    return Segment(index, step, Text.same(title), Text.same(""), minutes * 60)


def run_in(session: Session, run_id: str, method: str, segments: list[Segment]) -> RunController:
    def emit(event: Event) -> None:
        session.append(event, author="Anna", role="facilitator")

    return RunController(segments, emit, method_id=method, run_id=run_id)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def show(store: SessionStore, *args: str, lang: str = "en") -> str:
    result = run_cli(["--lang", lang, *args], env={"FACILITATE_SESSIONS": str(store.root)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_step_ended_with_n_before_its_time_is_up_reads_as_ended_early(
    store: SessionStore,
) -> None:
    session = store.create(title="Intro", language="en")
    run = run_in(
        session, "r1", "m", [segment(0, "intro", "Intro", 10), segment(1, "end", "End", 1)]
    )
    clock = FakeClock()
    run.start(*clock.now())
    clock.advance(100)
    run.next(*clock.now())  # at 01:40 of 10:00
    clock.advance(61)
    run.next(*clock.now())  # after the time ran out
    assert "step 1 ended early after 01:40" in show(store, "sessions", "history", session.id)
    assert "step 2 completed after 01:01" in show(store, "sessions", "history", session.id)
    assert "steg 1 avslutat i förtid efter 01:40" in show(
        store, "sessions", "history", session.id, lang="sv"
    )
    assert "ended early" in show(store, "sessions", "show", session.id)
    assert "avslutat i förtid" in show(store, "sessions", "show", session.id, lang="sv")


def test_a_note_is_shown_under_the_step_of_its_own_run_not_a_later_runs_step_of_that_id(
    store: SessionStore,
) -> None:
    session = store.create(title="Eslöv", language="sv")
    intro = segment(0, "intro", "Berättelsernas inledning", 10)
    story = run_in(session, "a" * 32, "storytelling-harvesting", [intro])
    clock = FakeClock()
    story.start(*clock.now())
    story.add_note("Mod: att våga fråga", "e1")
    story.next(*clock.now())
    cafe = run_in(session, "b" * 32, "35an", [segment(0, "intro", "Frågan och reglerna", 3)])
    cafe.start(*clock.now())
    text = show(store, "sessions", "show", session.id, lang="sv")
    line = next(line for line in text.splitlines() if "Mod: att våga fråga" in line)
    assert "Berättelsernas" in line and "Frågan" not in line
    history = show(store, "sessions", "history", session.id, lang="sv")
    assert "(Berättelsernas inledning): Mod: att våga fråga" in history
