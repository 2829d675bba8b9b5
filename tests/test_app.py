"""The application layer on its own: use cases with a session store in a tmp folder, no CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.app.entries import add_entry, delete_entry, edit_entry, find_entry
from facilitate.app.methods import Methods, resolve_values
from facilitate.app.run_options import RunOptions
from facilitate.app.runs import check_until, resume_run, start_method_run, start_timer_run
from facilitate.app.sessions import (
    archive_session,
    create_session,
    deletion_preview,
    list_sessions,
    read_history,
    read_session,
)
from facilitate.errors import NotFoundError, UsageError
from facilitate.model.events import EntryAdded
from facilitate.store.journal import SessionStore

from fakes import START_WALL, FakeClock

OPTIONS = RunOptions.parse(warn=None, quiet=True, auto_advance=True, speed=1.0)


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


@pytest.fixture
def methods(tmp_path: Path) -> Methods:
    return Methods(tmp_path, {"FACILITATE_CONFIG_DIR": str(tmp_path / "config")})


def stopped_35an(store: SessionStore, methods: Methods, clock: FakeClock) -> str:
    """A 35:an session whose run was stopped during its second step."""
    with start_method_run(
        store,
        methods,
        "35an",
        params={},
        session_id=None,
        lang="sv",
        author="Per",
        options=OPTIONS,
        clock=clock,
    ) as live:
        live.controller.start(clock.mono, clock.wall)
        live.controller.next(clock.mono, clock.wall)
        clock.advance(30)
        live.controller.stop(clock.mono, clock.wall, "quit")
        live.sink.close()
        assert live.session is not None
        return live.session.id


def test_a_method_run_records_its_events_in_a_new_session(
    store: SessionStore, methods: Methods
) -> None:
    session_id = stopped_35an(store, methods, FakeClock())
    read = read_session(store, session_id)
    assert read.session.header.method == "35an" and read.session.header.language == "sv"
    assert read.state.progress == "stopped"
    assert read.state.resume_point is not None and read.state.resume_point.index == 1
    authors = {r.author for r in read_history(store, session_id).records}
    assert authors == {"Per"}


def test_resume_continues_where_the_run_stopped(store: SessionStore, methods: Methods) -> None:
    clock = FakeClock()
    session_id = stopped_35an(store, methods, clock)
    with resume_run(
        store, methods, session_id, lang="sv", author="Per", options=OPTIONS, clock=clock
    ) as live:
        assert live.start is not None
        assert live.start["index"] == 1 and live.start["fresh"] is False
        assert live.heading == "35:an"


def test_a_new_run_is_refused_while_one_can_be_resumed(
    store: SessionStore, methods: Methods
) -> None:
    session_id = stopped_35an(store, methods, FakeClock())
    with (
        pytest.raises(UsageError, match="stopped run"),
        start_timer_run(
            store,
            "5m",
            title=None,
            until=None,
            session_id=session_id,
            author="Per",
            options=OPTIONS,
            clock=FakeClock(),
            lang="en",
        ),
    ):
        pass


def test_resume_of_a_session_without_a_run_says_so(store: SessionStore, methods: Methods) -> None:
    session = store.create(title="Empty", date="2026-11-22")
    with (
        pytest.raises(UsageError),
        resume_run(
            store, methods, session.id, lang="en", author="a", options=OPTIONS, clock=FakeClock()
        ),
    ):
        pass


def test_until_reads_the_clock_it_is_given() -> None:
    clock = FakeClock(wall=START_WALL)  # 20:26:40 UTC
    check_until("21:00", clock)
    with pytest.raises(UsageError, match="20:26"):
        check_until("20:00", clock)


def test_a_note_goes_to_the_step_the_run_stopped_at(store: SessionStore, methods: Methods) -> None:
    session_id = stopped_35an(store, methods, FakeClock())
    saved = add_entry(store, methods, session_id, "  a thought ", author="Lisa")
    entry = read_session(store, session_id).state.entry(saved.entry_id)
    assert entry is not None and entry.text == "a thought" and entry.step == "write"
    assert saved.record.author == "Lisa" and saved.record.role == "note-taker"


def test_a_note_names_a_step_of_the_sessions_methods(store: SessionStore, methods: Methods) -> None:
    session_id = stopped_35an(store, methods, FakeClock())
    saved = add_entry(store, methods, session_id, "x", author="a", step="round#2", kind="idea")
    assert isinstance(saved.record.event, EntryAdded)
    assert (saved.record.event.step, saved.record.event.round, saved.record.event.kind) == (
        "round",
        2,
        "idea",
    )
    with pytest.raises(UsageError, match="did you mean"):
        add_entry(store, methods, session_id, "x", author="a", step="rond")
    with pytest.raises(UsageError):
        add_entry(store, methods, session_id, "   ", author="a")
    with pytest.raises(UsageError):
        add_entry(store, methods, session_id, "x", author="a", kind="Not a kind")


def test_entries_are_found_by_a_unique_prefix_and_edited(
    store: SessionStore, methods: Methods
) -> None:
    session = store.create(title="Notes", date="2026-11-22")
    ids = iter(["abc123000000", "abd456000000"])
    for text in ("first", "second"):
        add_entry(store, methods, session.id, text, author="a", new_id=lambda: next(ids))
    state = read_session(store, session.id).state
    assert find_entry(session.id, state, "ABC1").entry_id == "abc123000000"
    assert find_entry(session.id, state, "abd456000000").entry_id == "abd456000000"
    with pytest.raises(UsageError, match="too short"):
        find_entry(session.id, state, "ab")
    with pytest.raises(NotFoundError):
        find_entry(session.id, state, "ffff")
    edited = edit_entry(store, session.id, "abd4", "changed", author="b")
    assert edited.before is not None and edited.before.text == "second"
    deleted = delete_entry(store, session.id, "abc1", author="b", reason=" wrong ")
    assert deleted.entry_id == "abc123000000"
    assert [e.text for e in read_session(store, session.id).state.entries] == ["changed"]


def test_a_session_is_created_listed_archived_and_previewed(
    store: SessionStore, methods: Methods
) -> None:
    with pytest.raises(UsageError, match="did you mean"):
        create_session(store, methods, title="W", date="2026-11-22", language="sv", method="35a")
    with pytest.raises(UsageError):
        create_session(store, methods, title="W", date="2026-11-22", language="de")
    session = create_session(
        store, methods, title="Workshop", date="2026-11-22", language="sv", method="35an"
    )
    assert [s.header.id for s in list_sessions(store).shown] == [session.id]
    assert archive_session(store, session.id) and not archive_session(store, session.id)
    listing = list_sessions(store)
    assert listing.shown == [] and listing.hidden == 1
    assert len(list_sessions(store, include_archived=True).shown) == 1
    preview = deletion_preview(store, session.id)
    assert (preview.title, preview.entries, preview.damaged) == ("Workshop", 0, False)
    (session.path / "session.json").write_text("{", encoding="utf-8")
    assert deletion_preview(store, session.id).damaged


def test_parameter_overrides_come_as_a_mapping_or_as_typed(methods: Methods) -> None:
    method = methods.find("35an").method
    key = next(iter(method.parameters))
    default = resolve_values(method, {})[key]
    assert resolve_values(method, {key: str(default)}) == resolve_values(
        method, [f"{key}={default}"]
    )
    with pytest.raises(UsageError):
        resolve_values(method, ["no-equals-sign"])
