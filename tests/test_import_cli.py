"""`facilitate import`: an Eslöv-sized 35:an typed in from files, and files that are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from harvest_helpers import (
    card_ids,
    card_text,
    cli,
    hand_ranks,
    hand_tally,
    journal_lines,
    new_session,
    play,
    results_json,
    write_csv,
)

CARDS = card_ids(130)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATE_AUTHOR", "Lena")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def cards_file(tmp_path: Path) -> Path:
    rows = [(card, card_text(n)) for n, card in enumerate(CARDS, start=1)]
    return write_csv(tmp_path / "kort.csv", ["card", "text"], rows)


def test_an_eslov_35an_from_pair_splits_ranks_as_the_hand_tally(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "35an")
    splits = play(CARDS)
    assert len(splits) == 65 * 5
    first = cli(root, "import", session, str(cards_file(tmp_path)), "--step", "write")
    assert first.exit_code == 0, first.stderr
    assert "130 new entries of kind card" in first.stdout
    pairs = write_csv(
        tmp_path / "par.csv", ["round", "card_a", "points_a", "card_b", "points_b"], splits
    )
    second = cli(root, "import", session, str(pairs), "--step", "round")
    assert second.exit_code == 0, second.stderr
    assert "325 new entries of kind pair score" in second.stdout
    assert "round: 1: 65 · 2: 65 · 3: 65 · 4: 65 · 5: 65" in second.stdout
    assert "Saved 325 entries (records 131–455)." in second.stdout

    backs = hand_tally(CARDS, splits)
    totals = {card: sum(points) for card, points in backs.items()}
    ranks = hand_ranks(totals)
    ranking = results_json(root, session)["runs"][0]["rankings"][0]
    assert ranking["basis"] == "pair_split"
    assert ranking["max_total"] == 35
    rows = {row["card"]: row for row in ranking["rows"]}
    assert set(rows) == set(CARDS)
    for card in CARDS:
        assert rows[card]["total"] == totals[card]
        assert rows[card]["per_round"] == backs[card]
        assert rows[card]["rank"] == ranks[card]
        assert rows[card]["text"] == card_text(CARDS.index(card) + 1)
    assert [r["total"] for r in ranking["rows"]] == sorted(totals.values(), reverse=True)
    heard = [card for call in ranking["countdown"] for card in call["cards"]]
    assert heard == [r["card"] for r in ranking["rows"]]
    assert ranking["countdown"][0]["score"] == 35


def test_the_totals_form_ranks_with_shared_ranks_and_a_top_n_that_keeps_ties(
    root: Path, tmp_path: Path
) -> None:
    session = new_session(root, "35an")
    totals = {"17": 31, "4": 31, "88": 29, "12": 29, "5": 29, "60": 20, "9": 3}
    rows = [(card, f"Idé {card}", total) for card, total in totals.items()]
    path = write_csv(tmp_path / "summor.csv", ["card", "text", "total"], rows)
    outcome = cli(root, "import", session, str(path), "--step", "countdown")
    assert outcome.exit_code == 0, outcome.stderr
    assert "7 new entries of kind entry" in outcome.stdout
    ranking = results_json(root, session)["runs"][0]["rankings"][0]
    assert ranking["basis"] == "totals"
    got = [(r["rank"], r["card"], r["total"], r["shared"]) for r in ranking["rows"]]
    assert got == [
        (1, "17", 31, True),
        (1, "4", 31, True),
        (3, "88", 29, True),
        (3, "12", 29, True),
        (3, "5", 29, True),
        (6, "60", 20, False),
        (7, "9", 3, False),
    ]
    assert ranking["rows"][0]["text"] == "Idé 17"
    top = results_json(root, session, "--top", "4")["runs"][0]["rankings"][0]
    assert [r["card"] for r in top["rows"]] == ["17", "4", "88", "12", "5"]
    shown = cli(root, "results", session, "--top", "1")
    assert shown.exit_code == 0
    assert "1=" in shown.stdout and "Idé 4" in shown.stdout and "Idé 88" not in shown.stdout


def test_points_per_card_and_round_rank_with_their_rounds(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "35an")
    splits = play(card_ids(20), seed=7)
    backs = hand_tally(card_ids(20), splits)
    header = ["card", "text", "round1", "round2", "round3", "round4", "round5"]
    rows = [(card, f"Kort {card}", *points) for card, points in backs.items()]
    path = write_csv(tmp_path / "baksidor.csv", header, rows)
    outcome = cli(root, "import", session, str(path), "--step", "write")
    assert outcome.exit_code == 0, outcome.stderr
    ranking = results_json(root, session)["runs"][0]["rankings"][0]
    assert ranking["basis"] == "card_points"
    by_card = {r["card"]: r for r in ranking["rows"]}
    for card, points in backs.items():
        assert by_card[card]["per_round"] == points
        assert by_card[card]["total"] == sum(points)


def test_importing_the_same_file_again_adds_nothing_and_says_so(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "35an")
    path = cards_file(tmp_path)
    assert cli(root, "import", session, str(path), "--step", "write").exit_code == 0
    before = journal_lines(root, session)
    again = cli(root, "import", session, str(path), "--step", "write")
    assert again.exit_code == 0
    assert "130 rows were imported before" in again.stdout
    assert "Already imported: nothing to add." in again.stdout
    assert journal_lines(root, session) == before
    with path.open("a", encoding="utf-8") as file:
        file.write("K131,Ett kort till\n")
    more = cli(root, "import", session, str(path), "--step", "write")
    assert "1 new entries of kind card" in more.stdout
    assert len(journal_lines(root, session)) == 131


def test_a_dry_run_shows_the_preview_and_saves_nothing(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "world-cafe")
    path = tmp_path / "bord3.txt"
    path.write_text("Fler mötesplatser\n\nTillit tar tid 🌱\n", encoding="utf-8")
    outcome = cli(
        root, "import", session, str(path), "--step", "round#2", "-d", "table=Bord 3", "--dry-run"
    )
    assert outcome.exit_code == 0, outcome.stderr
    assert "2 new entries of kind note" in outcome.stdout
    assert "Table: Table 3: 2" in outcome.stdout
    assert "round: 2: 2" in outcome.stdout
    assert "Dry run: nothing was saved." in outcome.stdout
    assert journal_lines(root, session) == []
    saved = cli(root, "import", session, str(path), "--step", "round#2", "-d", "table=3")
    assert saved.exit_code == 0
    entries = [line["data"] for line in journal_lines(root, session)]
    assert [(e["text"], e["dims"], e["round"]) for e in entries] == [
        ("Fler mötesplatser", {"table": "3"}, 2),
        ("Tillit tar tid 🌱", {"table": "3"}, 2),
    ]


def test_a_yaml_file_names_dimensions_by_label_in_either_language(
    root: Path, tmp_path: Path
) -> None:
    session = new_session(root, "world-cafe")
    path = tmp_path / "skord.yaml"
    path.write_text(
        "- {Bord: Bord 1, text: Barnen först}\n- {table: 2, text: Ungas röst}\n- Lösa tankar\n",
        encoding="utf-8",
    )
    outcome = cli(root, "import", session, str(path), "--step", "harvest")
    assert outcome.exit_code == 0, outcome.stderr
    entries = [line["data"] for line in journal_lines(root, session)]
    assert [(e["kind"], e["dims"], e["text"]) for e in entries] == [
        ("reflection", {"table": "1"}, "Barnen först"),
        ("reflection", {"table": "2"}, "Ungas röst"),
        ("reflection", {}, "Lösa tankar"),
    ]


PAIRS = ["round", "card_a", "points_a", "card_b", "points_b"]


@pytest.mark.parametrize(
    ("header", "bad_row", "expected"),
    [
        (
            PAIRS,
            ("2", "K1", "8", "K2", "-1"),
            "par.csv:3:3: points_a: 8 points: give whole points from 0 to 7",
        ),
        (
            PAIRS,
            ("2", "K1", "4", "K2", "4"),
            "par.csv:3:5: points_b: 4 + 4 points: the two cards of a pair share exactly 7",
        ),
        (
            PAIRS,
            ("1", "K3", "4", "K1", "3"),
            "par.csv:3:4: card_b: card 'K1' already has points in round 1",
        ),
        (
            PAIRS,
            ("2", "K1", "4", "K13", "3"),
            "par.csv:3:4: card_b: unknown card 'K13' (did you mean 'K3'?)",
        ),
    ],
)
def test_a_bad_score_is_one_line_with_row_and_column_and_nothing_is_imported(
    root: Path, tmp_path: Path, header: list[str], bad_row: tuple, expected: str
) -> None:
    session = new_session(root, "35an")
    write_csv(tmp_path / "kort.csv", ["card", "text"], [(c, c) for c in card_ids(4)])
    assert cli(root, "import", session, "kort.csv", "--step", "write").exit_code == 0
    before = journal_lines(root, session)
    write_csv(tmp_path / "par.csv", header, [("1", "K1", "5", "K2", "2"), bad_row])
    outcome = cli(root, "import", session, "par.csv", "--step", "round")
    assert outcome.exit_code == 2
    assert outcome.stderr.strip().splitlines() == [f"error: {expected}"]
    assert "Traceback" not in outcome.stderr
    assert journal_lines(root, session) == before


def test_an_unknown_dimension_value_names_its_row_column_and_the_values(
    root: Path, tmp_path: Path
) -> None:
    session = new_session(root, "world-cafe")
    rows = [(1, 1, "Bra"), (9, 2, "Fel bord"), (2, 1, "Också bra")]
    write_csv(tmp_path / "bord.csv", ["table", "round", "text"], rows)
    outcome = cli(root, "import", session, "bord.csv", "--step", "round")
    assert outcome.exit_code == 2
    line = outcome.stderr.strip()
    assert line.startswith("error: bord.csv:3:1: table: table: no value '9'")
    assert "Table 6" in line
    assert journal_lines(root, session) == []


def test_every_bad_row_is_listed_and_none_is_imported(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "world-cafe")
    rows = [(1, 1, "ok"), (1, 4, "no round 4"), (2, 1, "\x1b[2J clear"), (3, 1, "\u200b")]
    rows.append((3, 2, "  "))
    write_csv(tmp_path / "bord.csv", ["table", "round", "text"], rows)
    outcome = cli(root, "import", session, "bord.csv", "--step", "round")
    assert outcome.exit_code == 2
    assert outcome.stderr.splitlines() == [
        "bord.csv:3:2: round: round 4 does not exist: the rounds are 1 to 3",
        "bord.csv:4:3: text: a control character, U+001B (ESC), at position 1: such characters"
        " can change what a terminal shows",
        "bord.csv:5:3: text: nothing visible in the text",
        "bord.csv:6:3: text: a note needs a text",
    ]
    assert journal_lines(root, session) == []


def test_columns_that_fit_another_step_say_which(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "35an")
    write_csv(tmp_path / "par.csv", PAIRS, [("1", "K1", "5", "K2", "2")])
    outcome = cli(root, "import", session, "par.csv", "--step", "write")
    assert outcome.exit_code == 2
    lines = outcome.stderr.splitlines()
    assert lines[0].startswith(
        "par.csv:1: the columns 'round', 'card_a', 'points_a', 'card_b', 'points_b' are not"
    )
    assert lines[1] == "par.csv: these columns fit step 'round': try --step round"


def test_a_misspelt_column_gets_a_hint(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "world-cafe")
    write_csv(tmp_path / "bord.csv", ["tabel", "text"], [(1, "x")])
    outcome = cli(root, "import", session, "bord.csv", "--step", "round")
    assert outcome.exit_code == 2
    assert "bord.csv:1:1: tabel: not a dimension or field of step 'round'" in outcome.stderr
    assert "(did you mean 'table'?)" in outcome.stderr


def test_swedish_messages_and_semicolon_separated_cells(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "world-cafe")
    (tmp_path / "bord.csv").write_text("\ufefftable;text\n12;Fel\n", encoding="utf-8")
    outcome = cli(root, "--lang", "sv", "import", session, "bord.csv", "--step", "round")
    assert outcome.exit_code == 2
    assert "bord.csv:2:1: table: table: inget värde '12'" in outcome.stderr


def test_a_step_the_method_does_not_have_gets_a_hint(root: Path, tmp_path: Path) -> None:
    session = new_session(root, "35an")
    write_csv(tmp_path / "kort.csv", ["card", "text"], [("1", "x")])
    outcome = cli(root, "import", session, "kort.csv", "--step", "wrte")
    assert outcome.exit_code == 2
    assert "unknown step 'wrte' (did you mean 'write'?)" in outcome.stderr


def test_a_swedish_session_is_answered_in_swedish(root: Path, tmp_path: Path) -> None:
    from facilitate.store.store import SessionStore

    session = SessionStore(root).create(title="Kafé", date="2026-11-22", method="world-cafe").id
    write_csv(tmp_path / "bord.csv", ["table", "text"], [(2, "Bra"), (9, "Fel")])
    refused = cli(root, "import", session, "bord.csv", "--step", "round")
    assert refused.exit_code == 2
    assert "bord.csv:3:1: table: table: inget värde '9'" in refused.stderr
    write_csv(tmp_path / "bord.csv", ["table", "text"], [(2, "Bra")])
    saved = cli(root, "import", session, "bord.csv", "--step", "round")
    assert "1 nya poster av slaget anteckning" in saved.stdout
    assert "Sparade 1 poster (händelse 1–1)." in saved.stdout
