"""The note-taker's mode with scripted answers: what is asked, said and recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.app.input import EntryRefused, SessionInput
from facilitate.app.methods import Methods
from facilitate.app.note_taking import NoteTaker, parse_line
from facilitate.cli.note_taking import NoteLoop
from facilitate.model.events import EntryAdded, StepEnded, StepStarted
from facilitate.store.store import SessionStore
from facilitate.ui.note_prompts import ScriptedNotePrompter

from note_helpers import REPO, record_run

STORIES = "Trelleborg|Svalöv|Lund|Höör|Eslöv"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def take(
    store: SessionStore, session_id: str, answers: list[str], **kwargs: object
) -> tuple[ScriptedNotePrompter, NoteLoop]:
    desk = SessionInput.follow(store, Methods(REPO, {}), session_id)
    prompter = ScriptedNotePrompter(answers, kwargs.pop("on_entry", None))  # type: ignore[arg-type]
    taker = NoteTaker(desk, "Lisa", **kwargs)  # type: ignore[arg-type]
    loop = NoteLoop(taker, prompter, "en")
    loop.run()
    return prompter, loop


def entries(store: SessionStore, session_id: str) -> list:
    return list(store.open(session_id).state().entries)


def test_values_are_asked_once_then_each_entry_is_one_line(store: SessionStore) -> None:
    session = store.create(title="Eslöv", date="2026-11-22", language="sv")
    run_id = record_run(session, "storytelling-harvesting", {"stories": STORIES}, at="harvest")
    answers = ["svalöv", "kourage", "mod", "Skynda långsamt", "Våga fråga", "", "Tredje 🌱"]
    prompter, loop = take(store, session.id, answers)
    assert prompter.said[1] == (
        "Following run 1 (Storytelling & Harvesting): step 5/7: Harvest back to the storyteller"
    )
    assert prompter.said[2] == "  collects note along Story, Lens"
    assert prompter.asked[:3] == [
        "Story (1 Trelleborg · 2 Svalöv · 3 Lund · 4 Höör · 5 Eslöv)",
        "Lens (1 Courage · 2 Breakthroughs · 3 Leadership and ownership · 4 What I take home)",
        "Lens (1 Courage · 2 Breakthroughs · 3 Leadership and ownership · 4 What I take home)",
    ]
    assert "  ✗ lens: no value 'kourage' (did you mean 'courage'?)" in prompter.said[3]
    assert prompter.asked[3:] == ["[Svalöv · Courage] note › "] * 5  # the last one: Ctrl-D
    saved = [line for line in prompter.said if line.startswith("saved:")]
    assert [line.split("· ")[1] for line in saved] == [
        "here 1 (1 yours)",
        "here 2 (2 yours)",
        "here 3 (3 yours)",
    ]
    assert prompter.said[-1] == f"3 entries saved in {session.id}."
    assert loop.saved == 3
    recorded = entries(store, session.id)
    assert [e.text for e in recorded] == ["Skynda långsamt", "Våga fråga", "Tredje 🌱"]
    assert {(e.run_id, e.step, e.author, e.role) for e in recorded} == {
        (run_id, "harvest", "Lisa", "note-taker")
    }
    assert {tuple(e.dims.items()) for e in recorded} == {(("story", "2"), ("lens", "courage"))}


def test_the_mode_follows_the_live_run_and_asks_only_for_new_dimensions(
    store: SessionStore,
) -> None:
    session = store.create(title="Eslöv", date="2026-11-22", language="sv")
    run_id = record_run(session, "storytelling-harvesting", {"stories": STORIES}, at="harvest")
    turns = iter([None, None, None, "move"])

    def runner_and_others() -> None:  # between two entries: the room moves on, others write
        if next(turns, None) == "move":
            events = [
                StepEnded(4, "completed", 60.0, 0.0, run_id=run_id),
                StepStarted(5, "reflections", None, 600.0, title="Key reflections", run_id=run_id),
                EntryAdded("other1", "reflection", "Från Per", "reflections", run_id=run_id),
            ]
            for event in events:
                session.append(event, author="Per", role="note-taker")

    answers = ["1", "2", "Harvested", "/dim lens=4", "Take home", "Reflekterat"]
    prompter, _ = take(store, session.id, answers, on_entry=runner_and_others)
    assert "Following run 1 (Storytelling & Harvesting): step 6/7: Key reflections" in (
        prompter.said
    )
    assert prompter.asked[-2:] == ["[Trelleborg] reflection › "] * 2  # story kept, no lens
    assert "saved: reflection" in prompter.said[-2] and "here 2 (1 yours)" in prompter.said[-2]
    recorded = entries(store, session.id)
    assert [(e.step, e.kind, e.dims) for e in recorded if e.author == "Lisa"] == [
        ("harvest", "note", {"story": "1", "lens": "breakthroughs"}),
        ("harvest", "note", {"story": "1", "lens": "take_home"}),
        ("reflections", "reflection", {"story": "1"}),
    ]


def test_the_last_entry_can_be_corrected_or_withdrawn(store: SessionStore) -> None:
    session = store.create(title="Dag", date="2026-11-22")
    record_run(session, "world-cafe", {}, at="round#2")
    answers = ["3", "/undo", "Fler bord", "Kaffe", "/edit Mer kaffe", "/undo", "/ångra", "/undo"]
    prompter, loop = take(store, session.id, answers)
    assert prompter.said.count("nothing of yours to change here yet") == 2
    assert any(
        line.startswith("changed ") and "Kaffe → Mer kaffe" in line for line in prompter.said
    )
    withdrawn = [line for line in prompter.said if line.startswith("withdrawn:")]
    assert [line.split(": ", 2)[2] for line in withdrawn] == ["Mer kaffe", "Fler bord"]
    assert loop.saved == 0 and entries(store, session.id) == []
    deleted = store.open(session.id).state().deleted
    assert [(e.text, e.deleted_reason) for e in deleted] == [
        ("Mer kaffe", "undo"),
        ("Fler bord", "undo"),
    ]


def test_a_refused_entry_is_offered_again_and_commands_pick_steps(store: SessionStore) -> None:
    session = store.create(title="Dag", date="2026-11-22")
    record_run(session, "35an", {"rounds": "3"}, finish=True)
    cafe = record_run(session, "world-cafe", {}, at="round#1")
    answers = [
        "2",
        "Mod\x1b[2J",  # refused: offered again
        "Mod",
        "/step write 1",
        "Mer samverkan",  # card 1 (the next number)
        "7: Fler mötesplatser",
        "/steg round#2 1",
        "1=5 7=2",
        "1=5 7=3",  # refused: the pair shares 7
        "/follow",
        "/kind card",
        "/foo",
        "//slash",
    ]
    prompter, _ = take(store, session.id, answers)
    assert prompter.defaults[:2] == ["", "Mod\x1b[2J"]  # the refused line, to edit
    assert "  ✗ the note contains a control character, U+001B (ESC)" in " ".join(prompter.said)
    picked = "Entries go to step 2/7: Write your card, run 1 (35 (Thiagi's 35)) (/follow follows"
    assert any(line.startswith(picked) for line in prompter.said)
    assert "  type: card=points card=points, e.g. 17=4 23=3" in prompter.said
    assert "  ✗ step 'round' does not collect card entries; it collects: note" in prompter.said
    assert "unknown command /foo; /help lists them" in prompter.said
    recorded = entries(store, session.id)
    assert [(e.kind, e.text, e.value, e.step) for e in recorded] == [
        ("note", "Mod", None, "round"),
        ("card", "Mer samverkan", {"card": "1"}, "write"),
        ("card", "Fler mötesplatser", {"card": "7"}, "write"),
        (
            "pair_split",
            "",
            {"round": 2, "card_a": "1", "points_a": 5, "card_b": "7", "points_b": 2},
            "round",
        ),
        ("note", "/slash", None, "round"),
    ]
    assert recorded[0].run_id == recorded[-1].run_id == cafe


def test_ctrl_c_ends_the_mode_cleanly(store: SessionStore) -> None:
    session = store.create(title="Dag", date="2026-11-22")
    prompter, loop = take(store, session.id, ["Ett", "^C", "never"])
    assert prompter.said[1].startswith("No run is live")
    assert loop.saved == 1 and prompter.said[-1] == f"1 entries saved in {session.id}."
    assert [e.step for e in entries(store, session.id)] == [None]


@pytest.mark.parametrize(
    ("kind", "line", "expected"),
    [
        ("card", "17: Mer fika", ("Mer fika", {"card": "17"})),
        ("card", "Mer fika", ("Mer fika", {"card": "5"})),
        (
            "pair_split",
            "17=4 23 = 3",
            ("", {"card_a": "17", "points_a": "4", "card_b": "23", "points_b": "3"}),
        ),
        ("rating", "9:4", ("", {"card": "9", "score": "4"})),
        ("dots", "Ny lekplats", ("", {"target": "Ny lekplats"})),
        ("dots", "2=3", ("", {"target": "2", "count": "3"})),
        ("entry", "text=Mer fika; total=31", ("", {"fields": {"text": "Mer fika", "total": "31"}})),
        ("note", "a=b", ("a=b", {})),
    ],
)
def test_typed_lines_by_kind(kind: str, line: str, expected: tuple) -> None:
    assert parse_line(kind, line, lambda: "5") == expected


def test_values_given_before_the_first_entry_are_checked_and_kept_by_id(
    store: SessionStore,
) -> None:
    session = store.create(title="Eslöv", date="2026-11-22", language="sv")
    record_run(session, "storytelling-harvesting", {"stories": STORIES}, at="harvest")
    desk = SessionInput.follow(store, Methods(REPO, {}), session.id)
    taker = NoteTaker(desk, "Lisa", dims={"Berättelse": "lund", "lens": "Mod", "table": "3"})
    taker.check_choices()
    assert taker.dims == {"story": "3", "lens": "courage", "table": "3"}
    wrong = NoteTaker(desk, "Lisa", dims={"lens": "kourage"})
    with pytest.raises(EntryRefused) as refused:
        wrong.check_choices()
    assert refused.value.problems[0].values["hint"] == "courage"
