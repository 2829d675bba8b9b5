"""The console's feed: a session followed from its journal while a run (in this process, with
a fake clock) writes to it — the step and time left, a pause, entries newest first, whether a
run is live, and a planned day's outlook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitate.app.console import open_console
from facilitate.app.methods import Methods
from facilitate.app.plan_runs import open_day
from facilitate.app.plans import Plans
from facilitate.app.run_options import RunOptions
from facilitate.app.runs import start_method_run
from facilitate.i18n import set_language
from facilitate.model.events import EntryAdded
from facilitate.store.journal import SessionStore
from facilitate.ui.plan_status import status_line

from fakes import FakeClock

NINE_OH_FIVE = dt.datetime(2026, 5, 28, 9, 5, tzinfo=dt.UTC).timestamp()
PLAN = """\
schema_version: 1
id: short-day
title: Short day
language: en
start: "09:00"
blocks:
  - item: talk
    title: Welcome
    minutes: 10
  - method: 1-2-4-all
    minutes: 10
  - item: lunch
    title: Lunch
    minutes: 10
    at: "09:20"
"""


@pytest.fixture
def world(tmp_path: Path) -> tuple[FakeClock, SessionStore, Methods]:
    clock = FakeClock(wall=NINE_OH_FIVE)
    store = SessionStore(
        tmp_path / "sessions", now=lambda: dt.datetime.fromtimestamp(clock.wall, dt.UTC)
    )
    env = {"FACILITATE_CONFIG_DIR": str(tmp_path / "config")}
    return clock, store, Methods(tmp_path, env)


def note(store: SessionStore, session_id: str, text: str, author: str, **dims: str) -> None:
    event = EntryAdded(entry_id=text[:8], kind="note", text=text, step="intro", dims=dims)
    store.open(session_id).append(event, author=author, role="note-taker")


def test_the_feed_follows_a_live_run_its_time_its_pause_and_new_entries(world) -> None:
    clock, store, methods = world
    session = store.create(title="Eslöv", language="en")
    feed = open_console(store, session.id, methods=methods)
    first = feed.snapshot(clock.wall, 0.0)
    assert (first.progress, first.live, first.step, first.entries) == ("none", False, None, ())

    options = RunOptions()
    with start_method_run(
        store, methods, "35an", params=[], session_id=session.id, lang="en",
        author="Anna", options=options, clock=clock,
    ) as live:  # fmt: skip
        live.controller.start(*clock.now())
        assert feed.update() is True
        clock.advance(10.4)
        snap = feed.snapshot(clock.wall, 0.0)
        assert snap.live and snap.progress == "running" and snap.method == "35an"
        step = snap.step
        assert step is not None
        assert (step.index, step.steps, step.title) == (0, 9, "The question and the rules")
        assert step.time_left == pytest.approx(180 - 10.4)
        assert step.total == 180 and not step.paused
        assert step.next_segment is not None and step.next_segment.step_id == "write"

        live.controller.toggle_pause(*clock.now())
        feed.update()
        clock.advance(100)
        paused = feed.snapshot(clock.wall, 0.0).step
        assert paused is not None and paused.paused
        assert paused.time_left == pytest.approx(180 - 10.4)  # held while paused

        assert feed.update() is False  # nothing new: nothing read
        note(store, session.id, "Rösträtt för alla", "Bo", story="Lund")
        note(store, session.id, "Fler bänkar", "Cy")
        assert feed.update() is True
        entries = feed.snapshot(clock.wall, 0.0).entries
        assert [(e.text, e.author) for e in entries] == [
            ("Fler bänkar", "Cy"),
            ("Rösträtt för alla", "Bo"),
        ]
        assert entries[1].dims == (("story", "Lund"),) and entries[1].step == "intro"
        live.controller.stop(*clock.now(), "quit")
    feed.update()
    after = feed.snapshot(clock.wall, 0.0)
    assert not after.live and after.progress == "stopped"


def test_a_planned_day_gives_the_block_the_next_anchor_and_how_late_it_runs(
    world, tmp_path: Path
) -> None:
    set_language("en")
    clock, store, methods = world
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "short-day.yaml").write_text(PLAN, encoding="utf-8")
    plans = Plans(tmp_path, {"FACILITATE_CONFIG_DIR": str(tmp_path / "config")})
    with open_day(store, plans, "short-day", session_id=None, lang="en", speed=1.0) as day:
        live = day.block_run(
            heading="Welcome", lang="en", author="Anna", options=RunOptions(), clock=clock
        )
        live.controller.start(*clock.now())  # at 09:05, five minutes late
        feed = open_console(store, day.session.id, methods=methods, plans=plans)
        clock.advance(120)
        snap = feed.snapshot(clock.wall, 0.0)
        assert snap.plan is not None and (snap.plan.number, snap.plan.blocks) == (1, 3)
        projection = snap.plan.projection
        assert projection.behind == pytest.approx(300)
        assert status_line(projection, "en").endswith("next: Lunch 09:20 (5 min late)")
        live.controller.stop(*clock.now(), "quit")


def test_a_run_that_crashed_is_shown_as_it_was_left_not_counting_down(world) -> None:
    clock, store, methods = world
    session = store.create(title="Eslöv", language="en")
    with start_method_run(
        store, methods, "35an", params=[], session_id=session.id, lang="en",
        author="Anna", options=RunOptions(), clock=clock,
    ) as live:  # fmt: skip
        live.controller.start(*clock.now())
        clock.advance(30)
        live.controller.adjust(60.0, *clock.now())
    # The process is gone without a stop: the run lock is free, the journal says "running".
    feed = open_console(store, session.id, methods=methods)
    clock.advance(600)
    snap = feed.snapshot(clock.wall, 0.0)
    assert not snap.live and snap.progress == "stopped"
    assert snap.step is not None and snap.step.time_left == pytest.approx(210)


LEGACY = Path(__file__).resolve().parent / "data" / "legacy_journals"


@pytest.mark.parametrize("name", sorted(p.name for p in LEGACY.iterdir() if p.is_dir()))
def test_sessions_written_by_0_1_0_show_on_the_console(name: str, tmp_path: Path) -> None:
    import shutil

    set_language("sv")
    shutil.copytree(LEGACY / name, tmp_path / "sessions" / name)
    store = SessionStore(tmp_path / "sessions")
    methods = Methods(tmp_path, {"FACILITATE_CONFIG_DIR": str(tmp_path / "config")})
    snap = open_console(store, name, methods=methods).snapshot(NINE_OH_FIVE, 3600.0)
    state = store.open(name).state()
    assert snap.entry_count == len(state.entries) and not snap.live
    assert snap.progress == ("none" if not state.runs else _shown_progress(state.runs[-1].progress))
    assert [e.seq for e in snap.entries] == sorted(
        (e.added_seq for e in state.entries), reverse=True
    )[:40]
    from facilitate.ui.console_view import ConsoleOverlay, render

    assert len(render(snap, (80, 24), "sv", ConsoleOverlay()).lines) == 24


def _shown_progress(progress: str) -> str:
    return "stopped" if progress == "running" else progress  # no run is live
