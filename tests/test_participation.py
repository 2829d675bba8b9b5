"""Phones' entries as the application layer takes them: the step's forms, the same checks
as every other entry (a dot budget per phone, cards numbered), and the room's controls."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

import pytest

from facilitate.app.input import EntryRefused
from facilitate.app.methods import Methods
from facilitate.app.participation import (
    Confirmation,
    EntryIdReused,
    EntryWriter,
    InputClosed,
    PhoneEntry,
    RoomSettings,
    place_of,
)
from facilitate.app.room_view import RoomFeed
from facilitate.errors import UsageError
from facilitate.model.entry_check import EntryDraft
from facilitate.store.store import SessionStore

from note_helpers import REPO, record_run


def _room(tmp_path: Path, method: str, at: str) -> tuple[SessionStore, str, EntryWriter]:
    store = SessionStore(tmp_path)
    session = store.create(title="Dialog", date="2026-11-22", language="en")
    record_run(session, method, at=at)
    settings = RoomSettings(store, session.id)
    return store, session.id, EntryWriter(store, Methods(REPO, {}), session.id, settings)


def _write(writer: EntryWriter, *entries: PhoneEntry) -> list[Future[Confirmation]]:
    """Entries arriving together: one batch, as the writer thread drains its queue."""
    futures: list[Future[Confirmation]] = [Future() for _ in entries]
    writer._write(list(zip(entries, futures, strict=True)))
    return futures


def test_a_dot_vote_keeps_each_phones_budget(tmp_path: Path) -> None:
    store, session_id, writer = _room(tmp_path, "dot-voting", "vote")
    place = place_of(writer.desk.target())
    form = RoomFeed(store, Methods(REPO, {}), session_id, writer.settings, lambda: 0.0)
    (dots,) = form.view("en")["step"]["forms"]
    assert dots["kind"] == "dots"
    assert [f["name"] for f in dots["fields"]] == ["target", "count"]
    assert dots["fields"][1]["max"] == 3

    def vote(entry_id: str, voter: str, count: str) -> PhoneEntry:
        value = {"target": "2", "count": count, "voter": voter}
        return PhoneEntry(entry_id, place, EntryDraft("dots", "", {}, value))

    ok, over, other = _write(
        writer,
        vote("vote-aaaa-1", "phone-a", "2"),
        vote("vote-aaaa-2", "phone-a", "2"),
        vote("vote-bbbb-1", "phone-b", "3"),
    )
    assert ok.result().seq is not None and other.result().seq is not None
    with pytest.raises(EntryRefused):
        over.result()
    assert sorted(e.payload.count for e in store.open(session_id).state().entries) == [2, 3]


def test_cards_written_on_phones_are_numbered_in_turn(tmp_path: Path) -> None:
    store, session_id, writer = _room(tmp_path, "35an", "write")
    place = place_of(writer.desk.target())
    cards = [PhoneEntry(f"card-entry-{n}", place, EntryDraft("card", f"Idea {n}")) for n in (1, 2)]
    _write(writer, *cards)
    _write(writer, PhoneEntry("card-entry-3", place, EntryDraft("card", "Idea 3")))
    found = {e.text: e.payload.card for e in store.open(session_id).state().entries}
    assert found == {"Idea 1": "1", "Idea 2": "2", "Idea 3": "3"}


def test_input_closed_or_for_a_step_that_ended_is_refused(tmp_path: Path) -> None:
    store, session_id, writer = _room(tmp_path, "dot-voting", "vote")
    place = place_of(writer.desk.target())
    note = EntryDraft("note", "Late thought")
    (stale,) = _write(writer, PhoneEntry("note-entry-1", "run/clarify", note))
    with pytest.raises(InputClosed):
        stale.result()
    writer.settings.set_input(place, False)
    (closed,) = _write(writer, PhoneEntry("note-entry-2", place, note))
    with pytest.raises(InputClosed):
        closed.result()
    writer.settings.set_input(place, True)
    (opened,) = _write(writer, PhoneEntry("note-entry-3", place, note))
    assert opened.result().entry_id == "note-entry-3"
    again = RoomSettings(store, session_id)  # kept in room.json: a restart keeps code and choices
    assert again.access == writer.settings.access
    assert again.controls == writer.settings.controls


def test_an_entry_id_must_be_a_proper_one() -> None:
    with pytest.raises(UsageError):
        PhoneEntry("../x", "", EntryDraft("note", "x"))


def test_the_timer_is_a_deadline_on_the_wall_clock(tmp_path: Path) -> None:
    store, session_id, writer = _room(tmp_path, "dot-voting", "vote")
    state = store.open(session_id).state()
    mark = state.runs[-1].timer_mark
    assert mark is not None and mark.remaining_seconds is not None
    from facilitate.model.run_clock import epoch_of

    started = epoch_of(mark.at)
    assert started is not None
    feed = RoomFeed(store, Methods(REPO, {}), session_id, writer.settings, lambda: started + 10)
    timer = feed.view("en")["timer"]
    assert timer["left"] == pytest.approx(mark.remaining_seconds - 10)
    assert timer["deadline"] == pytest.approx(started + mark.remaining_seconds)


def test_35an_on_phones_cards_then_pairs_and_the_ranking_on_the_pages(tmp_path: Path) -> None:
    from facilitate.model.events import StepEnded, StepStarted
    from facilitate.web.posts import phone_entry

    store, session_id, writer = _room(tmp_path, "35an", "write")
    place = place_of(writer.desk.target())
    _write(
        writer,
        *(PhoneEntry(f"card-entry-{n}", place, EntryDraft("card", f"Idé {n}")) for n in range(4)),
    )
    session = store.open(session_id)
    run = session.state().runs[-1]
    ended = StepEnded(run.steps[-1].index, "completed", 60.0, 0.0, run_id=run.run_id)
    started = StepStarted(run.steps[-1].index + 1, "round", 1, 180.0, run_id=run.run_id)
    session.append_many([ended, started], author="Anna", role="facilitator")
    feed = RoomFeed(store, Methods(REPO, {}), session_id, writer.settings, lambda: 0.0)
    view = feed.view("sv")
    (pairs,) = view["step"]["forms"]
    assert [f["name"] for f in pairs["fields"]] == ["card_a", "points_a", "card_b", "points_b"]

    def pair(entry_id: str, a: str, b: str) -> PhoneEntry:
        fields = {"entry_id": entry_id, "place": view["place"], "kind": "pair_split"}
        fields |= {"card_a": "1", "points_a": a, "card_b": "2", "points_b": b}
        return phone_entry(fields, "phone-1")

    ok, wrong = _write(writer, pair("pair-entry-1", "5", "2"), pair("pair-entry-2", "5", "3"))
    assert ok.result().seq is not None
    with pytest.raises(EntryRefused, match="7"):
        wrong.result()
    assert feed.poll()
    (ranking,) = feed.view("sv")["results"]["rankings"]
    assert [(row["card"], row["total"]) for row in ranking["rows"][:2]] == [("1", 5), ("2", 2)]
    writer.settings.set_results(False)
    assert feed.poll() and feed.view("sv")["results"] is None


def test_an_entry_whose_request_gave_up_is_not_written_and_the_writer_goes_on(
    tmp_path: Path,
) -> None:
    store, session_id, writer = _room(tmp_path, "dot-voting", "vote")
    place = place_of(writer.desk.target())
    late = writer.submit(PhoneEntry("note-entry-1", "x/none", EntryDraft("note", "a")))
    gone = writer.submit(PhoneEntry("note-entry-2", place, EntryDraft("note", "b")))
    kept = writer.submit(PhoneEntry("note-entry-3", place, EntryDraft("note", "c")))
    assert late.cancel() and gone.cancel()  # (what timed-out requests do before it is taken)
    writer.start()
    try:
        assert kept.result(timeout=20).entry_id == "note-entry-3"
    finally:
        writer.close()
    assert [e.text for e in store.open(session_id).state().entries] == ["c"]


def test_a_reused_id_is_confirmed_only_for_the_entry_it_was_written_with(tmp_path: Path) -> None:
    store, session_id, writer = _room(tmp_path, "35an", "write")
    place = place_of(writer.desk.target())
    first = PhoneEntry("card-entry-1", place, EntryDraft("card", "Idea"))
    _write(writer, first)
    _write(writer, PhoneEntry("card-entry-2", place, EntryDraft("card", "Other")))
    changed = PhoneEntry("card-entry-1", place, EntryDraft("card", "Idea, said better"))
    same, other = _write(writer, first, changed)  # (the retry's card number is the one it got)
    assert same.result() == Confirmation("card-entry-1", None, duplicate=True)
    with pytest.raises(EntryIdReused):
        other.result()
    new = PhoneEntry("card-entry-3", place, EntryDraft("card", "Third"))
    sent, retry, altered = _write(
        writer, new, new, PhoneEntry("card-entry-3", place, EntryDraft("card", "3rd"))
    )  # a retry, and an altered one, while the first is being written
    assert sent.result().seq is not None and retry.result().duplicate
    with pytest.raises(EntryIdReused, match="id"):
        altered.result()
    found = {e.text: e.payload.card for e in store.open(session_id).state().entries}
    assert found == {"Idea": "1", "Other": "2", "Third": "3"}


def test_a_retried_dot_vote_that_used_the_whole_budget_is_the_same_entry(tmp_path: Path) -> None:
    store, session_id, writer = _room(tmp_path, "dot-voting", "vote")
    place = place_of(writer.desk.target())
    value = {"target": "2", "count": "3", "voter": "phone-a"}
    vote = PhoneEntry("vote-aaaa-1", place, EntryDraft("dots", "", {}, value))
    _write(writer, vote)
    writer.settings.set_input(place, False)  # closed since: a retry is still confirmed
    (again,) = _write(writer, vote)
    assert again.result().duplicate
    fewer = PhoneEntry("vote-aaaa-1", place, EntryDraft("dots", "", {}, {**value, "count": "2"}))
    (refused,) = _write(writer, fewer)
    with pytest.raises(EntryIdReused):
        refused.result()
    assert [e.payload.count for e in store.open(session_id).state().entries] == [3]


@pytest.mark.parametrize("damage", [b'{"code": "ABC', b"[1, 2]", b'{"closed": []}'])
def test_a_damaged_room_file_is_kept_aside_and_the_facilitator_is_told(
    tmp_path: Path, damage: bytes
) -> None:
    from facilitate.i18n import Translator
    from facilitate.store.room_file import ROOM_FILE

    store, session_id, writer = _room(tmp_path, "dot-voting", "vote")
    assert writer.settings.warnings == []
    folder = Path(writer.settings.session.path)
    (folder / ROOM_FILE).write_bytes(damage)
    again = RoomSettings(store, session_id)
    (warning,) = again.warnings
    text = warning.render(Translator("en"))
    assert str(folder / ROOM_FILE) in text and "join again" in text
    assert str(folder / "room.json.damaged") in text
    assert (folder / "room.json.damaged").read_bytes() == damage
    assert again.access != writer.settings.access  # a new code, token and key, kept
    assert RoomSettings(store, session_id).access == again.access
    (folder / ROOM_FILE).write_bytes(damage)
    assert "room.json.damaged.1" in RoomSettings(store, session_id).warnings[0].render(
        Translator("sv")
    )
