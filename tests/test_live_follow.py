"""The live loop follows the session's journal: notes added elsewhere show in the step's count
within half a second, the journal is looked at no more often than that, and a run that is not
followed wakes no more than before (fake clock, scripted keys)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from facilitate.i18n import set_language
from facilitate.model.events import EntryAdded, EntryDeleted, Event, RunStarted
from facilitate.model.run import RunController, RunSnapshot, Tick
from facilitate.model.text import Text
from facilitate.model.timeline import Segment
from facilitate.store.follow import StepEntries
from facilitate.store.store import SessionStore
from facilitate.ui.following import EARLY_SECONDS, FOLLOW_SECONDS
from facilitate.ui.live import LoopSettings, run_loop
from facilitate.ui.views import Overlay

from fakes import FakeClock, Recorder, ScriptedKeys


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


class Shown:
    """A display that keeps (time, step, notes) of every frame drawn."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.frames: list[tuple[float, str, int]] = []

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def show(self, snap: RunSnapshot, overlay: Overlay) -> None:
        self.frames.append((self.clock.mono, snap.segment.step_id, snap.notes))

    def bell(self) -> None: ...

    def help(self) -> bool:
        return False

    def notice(self, text: str) -> None: ...

    def event(self, event: Event, snap: RunSnapshot) -> None: ...

    def tick(self, tick: Tick, snap: RunSnapshot) -> None: ...

    def first_showing(self, notes: int) -> float:
        return next(at for at, _, n in self.frames if n == notes)


def seg(index: int, seconds: float = 600.0, round_: int | None = None) -> Segment:
    return Segment(
        index=index,
        step_id=f"s{index}",
        title=Text.same(f"Step {index}"),
        instructions=Text.same("Talk."),
        seconds=seconds,
        round=round_,
    )


class Counter:
    """A step-entry count as the journal would give it, with every question kept."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, int | None], int] = {}
        self.asked: list[tuple[float, str, int | None]] = []
        self.clock: FakeClock | None = None

    def __call__(self, step: str, round_: int | None) -> int:
        assert self.clock is not None
        self.asked.append((self.clock.mono, step, round_))
        return self.counts.get((step, round_), 0)


def drive(
    script: list, count: object, clock: FakeClock | None = None
) -> tuple[Shown, ScriptedKeys, FakeClock]:
    clock = clock or FakeClock()
    if isinstance(count, Counter):
        count.clock = clock
    keys = ScriptedKeys(clock, script)
    shown = Shown(clock)
    controller = RunController([seg(0), seg(1)], Recorder())
    settings = LoopSettings(lang="en", session_id="s", step_entries=count)  # type: ignore[arg-type]
    run_loop(controller, clock=clock, keys=keys, display=shown, prompter=None, settings=settings)
    return shown, keys, clock


def test_a_note_from_elsewhere_shows_within_half_a_second() -> None:
    counter = Counter()
    start = FakeClock().mono

    def note_elsewhere() -> None:
        counter.counts[("s0", None)] = 1

    shown, _, _ = drive([(10.3, note_elsewhere), (15.0, "q")], counter)
    assert shown.first_showing(1) - (start + 10.3) <= FOLLOW_SECONDS + 0.01


def test_the_journal_is_looked_at_at_most_twice_a_second() -> None:
    counter = Counter()
    _, keys, _ = drive([(60.0, "q")], counter)
    times = [at for at, _, _ in counter.asked]
    assert 100 <= len(times) <= 125  # 60 s at 2 a second (and once more after a key)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= FOLLOW_SECONDS - EARLY_SECONDS - 1e-6
    assert len(keys.waits) <= 2 * 60 + 5  # the looks ride on the countdown's wake-ups


def test_a_run_that_is_not_followed_wakes_once_a_second_as_before() -> None:
    _, keys, _ = drive([(60.0, "q")], None)
    assert len(keys.waits) <= 63


def test_the_count_follows_the_step_on_screen_at_once() -> None:
    counter = Counter()
    counter.counts = {("s0", None): 2, ("s1", None): 5}
    shown, _, _ = drive([(3.0, "n"), (4.0, "q")], counter)
    after = [(at, step, notes) for at, step, notes in shown.frames if step == "s1"]
    assert after and after[0][2] == 5  # the first frame of the next step has its own count
    assert all(notes == 2 for _, step, notes in shown.frames if step == "s0")


# --- StepEntries on a real journal ------------------------------------------------------------


def add(entry_id: str, step: str | None, round_: int | None = None) -> EntryAdded:
    return EntryAdded(entry_id=entry_id, kind="note", text=entry_id, step=step, round=round_)


def test_step_entries_counts_every_writer_of_the_latest_run(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    facilitator = store.create(title="Live", date="2026-11-22")
    note_taker = store.open(facilitator.id)  # another terminal's handle
    count = StepEntries(facilitator.follow())
    facilitator.append(RunStarted(method="m", segments=2), author="a", role="facilitator")
    facilitator.append(add("old", "s0"), author="a", role="facilitator")
    facilitator.append(RunStarted(method="m", segments=2), author="a", role="facilitator")
    assert count("s0", None) == 0  # the earlier run's notes are not this run's
    facilitator.append(add("f1", "s0"), author="a", role="facilitator")
    for entry_id in ("t1", "t2"):
        note_taker.append(add(entry_id, "s0"), author="b", role="note-taker")
    note_taker.append(add("r2", "s1", 2), author="b", role="note-taker")
    assert (count("s0", None), count("s1", 2), count("s1", None)) == (3, 1, 0)
    note_taker.append(add("t1", "s0"), author="b", role="note-taker")  # a retried add
    note_taker.append(EntryDeleted(entry_id="t2"), author="b", role="note-taker")
    assert count("s0", None) == 2


def test_step_entries_keeps_its_count_while_the_journal_cannot_be_read(tmp_path: Path) -> None:
    session = SessionStore(tmp_path).create(title="Live", date="2026-11-22")
    count = StepEntries(session.follow())
    session.append(add("a", "s0"), author="a", role="b")
    assert count("s0", None) == 1
    saved = session.journal_path.read_bytes()
    session.journal_path.unlink()
    session.journal_path.symlink_to(tmp_path / "elsewhere")
    assert count("s0", None) == 1
    assert "symbolic link" in str(count.problem)
    session.journal_path.unlink()
    session.journal_path.write_bytes(saved + saved.replace(b'"a"', b'"b"'))
    assert count("s0", None) == 2 and count.problem == ""


def test_the_live_loop_counts_notes_another_process_appends(tmp_path: Path) -> None:
    store = SessionStore(tmp_path)
    session = store.create(title="Live", date="2026-11-22")
    session.append(RunStarted(method="m", segments=2), author="a", role="facilitator")
    elsewhere = store.open(session.id)
    clock = FakeClock()
    moments: list[float] = []

    def note_elsewhere() -> None:
        moments.append(clock.mono)
        elsewhere.append(add(f"n{len(moments)}", "s0"), author="b", role="note-taker")

    script = [(2.2, note_elsewhere), (4.7, note_elsewhere), (8.0, "q")]
    shown, _, _ = drive(script, StepEntries(session.follow()), clock)
    assert len(moments) == 2
    for notes, moment in enumerate(moments, 1):
        assert shown.first_showing(notes) - moment <= FOLLOW_SECONDS + 0.01


def test_an_entry_counts_in_its_own_run_not_in_a_later_run_with_the_same_step(
    tmp_path: Path,
) -> None:
    store = SessionStore(tmp_path)
    session = store.create(title="Eslöv", date="2026-11-22")
    late = store.open(session.id)  # a note-taker still filing notes under the first run
    facilitator = dict(author="a", role="facilitator")
    session.append(RunStarted(method="story", segments=2, run_id="run-a"), **facilitator)
    session.append(
        EntryAdded(entry_id="a1", kind="note", text="x", step="intro", run_id="run-a"),
        **facilitator,
    )
    session.append(RunStarted(method="35an", segments=2, run_id="run-b"), **facilitator)
    latest = StepEntries(session.follow())
    on_screen = StepEntries(session.follow(), "run-b")
    first_run = StepEntries(session.follow(), "run-a")
    late.append(
        EntryAdded(entry_id="a2", kind="note", text="y", step="intro", run_id="run-a"),
        author="b",
        role="note-taker",
    )
    session.append(
        EntryAdded(entry_id="b1", kind="note", text="z", step="intro", run_id="run-b"),
        **facilitator,
    )
    assert (latest("intro", None), on_screen("intro", None)) == (1, 1)
    assert first_run("intro", None) == 2
    late.append(EntryDeleted(entry_id="a1"), author="b", role="note-taker")
    assert (first_run("intro", None), on_screen("intro", None)) == (1, 1)


def test_an_entry_without_a_run_id_belongs_to_the_latest_run_when_it_was_added(
    tmp_path: Path,
) -> None:
    session = SessionStore(tmp_path).create(title="0.1.0", date="2026-11-22")
    count = StepEntries(session.follow(), "run-b")
    first = StepEntries(session.follow(), "run-a")
    session.append(RunStarted(method="m", segments=2, run_id="run-a"), author="a", role="f")
    session.append(add("old", "intro"), author="a", role="f")  # as 0.1.0 wrote it: no run id
    session.append(RunStarted(method="m", segments=2, run_id="run-b"), author="a", role="f")
    session.append(add("new", "intro"), author="a", role="f")
    assert (first("intro", None), count("intro", None)) == (1, 1)
