"""`facilitate themes`: a World Café's harvest and the day's reflections grouped into themes,
from a file and with one command per change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitate.model.events import RunStarted
from facilitate.store.store import SessionStore

from harvest_helpers import cli, journal_lines, results_json, write_csv

QUESTIONS = 3
TABLES = 8
IDEAS = {
    "Mötesplatser": ["Fler mötesplatser för unga", "Mötesplatser mellan föreningar"],
    "Tillit": ["Tillit tar tid", "Tillit mellan kommun och förening"],
    "Kunskap": ["En gemensam kunskapsbank", "Dela kunskap över gränserna"],
}


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATE_AUTHOR", "Lena")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def note_text(table: int, round_: int) -> str:
    words = [t for texts in IDEAS.values() for t in texts]
    return f"{words[(table + round_) % len(words)]} – bord {table}, fråga {round_}"


def eslov_day(root: Path, tmp_path: Path) -> str:
    """A World Café (3 questions × 8 tables, and the harvest) and the day's reflections."""
    store = SessionStore(root)
    session = store.create(title="Eslöv", date="2026-11-22", method="world-cafe", language="en")
    session.append(
        RunStarted(method="world-cafe", params={"tables": TABLES}, run_id="cafe"),
        author="a",
        role="facilitator",
    )
    rows = [(t, q, note_text(t, q)) for q in range(1, QUESTIONS + 1) for t in range(1, TABLES + 1)]
    write_csv(tmp_path / "duk.csv", ["table", "round", "text"], rows)
    assert cli(root, "import", session.id, "duk.csv", "--step", "round").exit_code == 0
    harvest = [(t, f"Bord {t}: viktigast är tillit") for t in range(1, TABLES + 1)]
    write_csv(tmp_path / "skord.csv", ["table", "text"], harvest)
    assert cli(root, "import", session.id, "skord.csv", "--step", "harvest").exit_code == 0
    session.append(
        RunStarted(method="storytelling-harvesting", params={}, run_id="story"),
        author="a",
        role="facilitator",
    )
    (tmp_path / "refl.txt").write_text("\n".join(t for ts in IDEAS.values() for t in ts), "utf-8")
    outcome = cli(root, "import", session.id, "refl.txt", "--step", "reflections", "--run", "2")
    assert outcome.exit_code == 0, outcome.stderr
    return session.id


def listed(root: Path, session: str) -> dict:
    outcome = cli(root, "themes", session, "list", "--json")
    assert outcome.exit_code == 0, outcome.stderr
    return json.loads(outcome.stdout)


def test_a_themes_file_links_items_by_id_text_and_number_across_runs(
    root: Path, tmp_path: Path
) -> None:
    session = eslov_day(root, tmp_path)
    items = listed(root, session)["unassigned"]
    assert len(items) == QUESTIONS * TABLES + TABLES + 6
    by_text = {i["text"]: i for i in items}
    first_note = items[0]
    (tmp_path / "teman.yaml").write_text(
        "Mötesplatser:\n"
        f"  - {first_note['entry_id']}\n"
        "  - Fler mötesplatser för unga\n"
        "Tillit:\n"
        f"  - {items[QUESTIONS * TABLES]['number']}\n"
        "  - Tillit tar tid\n",
        encoding="utf-8",
    )
    outcome = cli(root, "themes", session, "--from", "teman.yaml")
    assert outcome.exit_code == 0, outcome.stderr
    assert "New theme A: Mötesplatser (2 items)" in outcome.stdout
    assert "New theme B: Tillit (2 items)" in outcome.stdout
    themes = results_json(root, session)["themes"]
    assert [(t["name"], [i["entry_id"] for i in t["items"]]) for t in themes] == [
        (
            "Mötesplatser",
            [first_note["entry_id"], by_text["Fler mötesplatser för unga"]["entry_id"]],
        ),
        ("Tillit", [items[QUESTIONS * TABLES]["entry_id"], by_text["Tillit tar tid"]["entry_id"]]),
    ]
    note = themes[0]["items"][0]
    assert (note["run_number"], note["step"], note["round"], note["dims"]) == (
        1,
        "round",
        1,
        {"table": "1"},
    )
    reflection = themes[0]["items"][1]
    assert (reflection["run_number"], reflection["step"], reflection["kind"]) == (
        2,
        "reflections",
        "reflection",
    )
    recorded = [
        line for line in journal_lines(root, session) if line["data"].get("kind") == "theme"
    ]
    assert [r["data"]["step"] for r in recorded] == ["converge", "converge"]  # the latest run's
    assert recorded[0]["data"]["value"] == {
        "items": [first_note["entry_id"], by_text["Fler mötesplatser för unga"]["entry_id"]]
    }
    before = journal_lines(root, session)
    again = cli(root, "themes", session, "--from", "teman.yaml")
    assert again.exit_code == 0
    assert "Nothing changed." in again.stdout
    assert journal_lines(root, session) == before


def test_a_themes_file_with_an_unknown_item_names_its_place_and_saves_nothing(
    root: Path, tmp_path: Path
) -> None:
    session = eslov_day(root, tmp_path)
    (tmp_path / "teman.yaml").write_text(
        "Tillit:\n  - Tillit tar tid\n  - Tilit tar tid\nKunskap: [999]\n", encoding="utf-8"
    )
    before = journal_lines(root, session)
    outcome = cli(root, "themes", session, "--from", "teman.yaml")
    assert outcome.exit_code == 2
    assert outcome.stderr.splitlines() == [
        "teman.yaml:3:5: Tillit: no item 'Tilit tar tid' (did you mean 'Tillit tar tid'?)",
        "teman.yaml:4:11: Kunskap: no item number 999",
    ]
    assert journal_lines(root, session) == before


def test_every_action_has_a_command_and_the_board_follows(root: Path, tmp_path: Path) -> None:
    session = eslov_day(root, tmp_path)

    def run(*args: str) -> str:
        outcome = cli(root, "themes", session, *args)
        assert outcome.exit_code == 0, outcome.stderr
        return outcome.stdout

    assert "New theme A: Mötesplatser (3 items)" in run(
        "create", "Mötesplatser", "--items", "1,2,3"
    )
    assert "New theme B: Tillit (0 items)" in run("create", "Tillit")
    assert "B Tillit: 0 → 2 items" in run("assign", "tillit", "--items", "3 4")
    board = listed(root, session)
    assert [
        (t["letter"], t["name"], [i["number"] for i in t["items"]]) for t in board["themes"]
    ] == [
        ("A", "Mötesplatser", [1, 2]),
        ("B", "Tillit", [3, 4]),
    ]
    run("rename", "A", "Mötesplatser för alla")
    run("split", "B", "--items", "4", "--name", "Förtroende")
    run("merge", "A", "C", "--name", "Mötesplatser och förtroende")
    run("unassign", "--items", "1")
    board = listed(root, session)
    assert [(t["name"], [i["number"] for i in t["items"]]) for t in board["themes"]] == [
        ("Mötesplatser och förtroende", [2, 4]),
        ("Tillit", [3]),
    ]
    assert "Theme Tillit is gone" in run("remove", "B")
    assert [t["name"] for t in listed(root, session)["themes"]] == ["Mötesplatser och förtroende"]
    assert 1 in [i["number"] for i in listed(root, session)["unassigned"]]


def test_a_refused_change_is_one_line_with_a_hint_and_changes_nothing(
    root: Path, tmp_path: Path
) -> None:
    session = eslov_day(root, tmp_path)
    assert cli(root, "themes", session, "create", "Tillit", "--items", "1").exit_code == 0
    before = journal_lines(root, session)
    for args, expected in [
        (("assign", "Tilit", "--items", "2"), "no theme 'Tilit' (did you mean 'Tillit'?)"),
        (("create", "tillit"), "there is already a theme called 'Tillit'"),
        (("assign", "A", "--items", "500"), "no item number 500"),
        (("create", "\x1b]0;x\x07"), "a theme's name cannot contain control characters"),
    ]:
        outcome = cli(root, "themes", session, *args)
        assert outcome.exit_code == 2, args
        assert outcome.stderr.strip() == f"error: {expected}"
    assert journal_lines(root, session) == before


def test_suggestions_are_only_shown(root: Path, tmp_path: Path) -> None:
    session = eslov_day(root, tmp_path)
    before = journal_lines(root, session)
    outcome = cli(root, "themes", session, "suggest", "--json")
    assert outcome.exit_code == 0
    found = json.loads(outcome.stdout)["suggestions"]
    assert any(s["name"].casefold().startswith("tillit") for s in found)
    assert all(s["numbers"] for s in found)
    shown = cli(root, "themes", session, "suggest")
    assert "To accept the first: facilitate themes" in shown.stdout
    assert journal_lines(root, session) == before


def test_the_prompts_need_a_terminal(root: Path, tmp_path: Path) -> None:
    session = eslov_day(root, tmp_path)
    outcome = cli(root, "themes", session)
    assert outcome.exit_code == 2
    assert "the prompts need a terminal" in outcome.stderr
