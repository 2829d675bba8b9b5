"""Planning an import in the model: columns, kinds, ids made from the rows, problems in place;
and the file formats as the library reads them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from facilitate.errors import InvalidFileError
from facilitate.library.import_files import read_import_file
from facilitate.library.methods import find_method
from facilitate.model.entry_rules import step_rules
from facilitate.model.import_columns import LayoutError, layout_for
from facilitate.model.import_plan import plan_import
from facilitate.model.import_types import Cell, ImportTarget, RecordedInput, Row
from facilitate.model.params import resolve_params
from facilitate.model.scoring_types import DotPlacement, PairSplit

REPO = Path(__file__).resolve().parents[1]


def rules(method_id: str, step: str):  # type: ignore[no-untyped-def]
    method = find_method(method_id, cwd=REPO, env=dict(os.environ)).method
    return step_rules(method, step, resolve_params(method))


def rows(*cells: tuple[object, ...]) -> list[Row]:
    return [
        Row(n, tuple(Cell(v, n, i) for i, v in enumerate(row, start=1)))
        for n, row in enumerate(cells, start=2)
    ]


def plan(method: str, step: str, header: list[str], *cells: tuple[object, ...], **target):  # type: ignore[no-untyped-def]
    step_rules_ = rules(method, step)
    layout = layout_for(header, step_rules_)
    recorded = target.pop("recorded", None)
    return plan_import(layout, rows(*cells), ImportTarget(step_rules_, **target), recorded)


def test_the_same_entry_gets_the_same_id_however_its_values_are_written() -> None:
    by_id = plan("world-cafe", "round", ["table", "text"], ("3", "Tillit"), rounds=3)
    by_label = plan("world-cafe", "round", ["Bord", "text"], ("Table 3", " Tillit "), rounds=3)
    assert by_id.new[0].entry_id == by_label.new[0].entry_id
    assert len(by_id.new[0].entry_id) == 12
    other_run = plan("world-cafe", "round", ["table", "text"], ("3", "Tillit"), run_id="r2")
    assert other_run.new[0].entry_id != by_id.new[0].entry_id


def test_identical_rows_are_separate_entries_and_each_is_found_again() -> None:
    first = plan("world-cafe", "round", ["table", "text"], ("1", "Mer tid"), ("1", "Mer tid"))
    ids = [p.entry_id for p in first.new]
    assert len(set(ids)) == 2
    again = plan(
        "world-cafe",
        "round",
        ["table", "text"],
        ("1", "Mer tid"),
        ("1", "Mer tid"),
        ("1", "Mer tid"),
        recorded=RecordedInput(entry_ids=frozenset(ids)),
    )
    assert again.already == 2
    assert len(again.new) == 1 and again.new[0].entry_id not in ids


def test_the_kind_is_the_most_specific_the_step_collects_that_fits_the_columns() -> None:
    assert layout_for(["card", "text"], rules("35an", "write")).kind == "card"
    assert layout_for(["card", "text", "total"], rules("35an", "countdown")).kind == "entry"
    assert layout_for(["table", "text"], rules("world-cafe", "harvest")).kind == "reflection"
    assert layout_for(["table", "round", "text"], rules("world-cafe", "round")).kind == "note"
    pairs = ["round", "card_a", "points_a", "card_b", "points_b"]
    assert layout_for(pairs, rules("35an", "round")).kind == "pair_split"
    with pytest.raises(LayoutError) as refused:
        layout_for(["card", "score", "total"], rules("35an", "round"))
    assert {p.code for p in refused.value.problems} == {"import.unknown_columns"}


def test_a_pair_split_becomes_the_scoring_engines_record_with_its_round() -> None:
    planned = plan(
        "35an",
        "round",
        ["round", "card_a", "points_a", "card_b", "points_b"],
        ("3", "K1", "6", "K2", "1"),
        recorded=RecordedInput(cards=("K1", "K2")),
    )
    assert planned.problems == ()
    assert planned.new[0].entry.payload == PairSplit(3, "K1", 6, "K2", 1)
    assert planned.new[0].round == 3


def test_a_pair_split_is_checked_with_those_recorded_in_the_run() -> None:
    planned = plan(
        "35an",
        "round",
        ["round", "card_a", "points_a", "card_b", "points_b"],
        ("1", "K3", "6", "K1", "1"),
        recorded=RecordedInput(cards=("K1", "K2", "K3"), splits=(PairSplit(1, "K1", 4, "K2", 3),)),
    )
    assert [(p.problem.code, p.line, p.column) for p in planned.problems] == [
        ("score.card_twice_in_round", 2, 4)
    ]
    assert planned.new == ()


def test_an_overspent_dot_budget_is_refused_with_its_row() -> None:
    header = ["target", "count", "criterion", "voter"]
    planned = plan(
        "tre-prickar",
        "dots",
        header,
        ("1", "2", "1", "Anna"),
        ("2", "2", "1", "Anna"),
        ("2", "3", "2", "Anna"),
        recorded=RecordedInput(dots=(DotPlacement("3", 0 + 1, "2", "Anna"),)),
    )
    assert [(p.problem.code, p.line, p.column_name) for p in planned.problems] == [
        ("score.budget_voter_criterion", 3, "count"),
        ("score.budget_voter_criterion", 4, "count"),
    ]


def test_points_on_a_cards_back_are_checked_by_the_scoring_steps_rules() -> None:
    from facilitate.model.scoring_types import PairSplitRules

    header = ["card", "text", "round1", "round2"]
    planned = plan(
        "35an",
        "write",
        header,
        ("K1", "a", "5", "9"),
        ("K2", "b", "2", ""),
        card_rules=PairSplitRules(7, 5),
    )
    found = [(p.problem.code, p.line, p.column_name) for p in planned.problems]
    assert ("score.points_range", 2, "round2") in found
    # round 1: 5 + 2 = 7, whole pairs; round 2: 9 alone cannot come from pairs of 7
    assert [p.problem.values.get("round") for p in planned.problems if p.line is None] == [2]


def test_a_csv_file_is_read_with_its_places(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text('card;text\n1;"Ett kort;\nmed två rader"\n\n2;Två\n', encoding="utf-8")
    read = read_import_file(path, "f.csv")
    assert read.header == ("card", "text")
    assert [(r.line, [c.value for c in r.cells if c]) for r in read.rows] == [
        (2, ["1", "Ett kort;\nmed två rader"]),
        (5, ["2", "Två"]),
    ]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "f.csv",
            "card,text\n1,a,extra\n",
            "f.csv:2:3: the row has 3 cells but the header names 2 columns",
        ),
        ("f.csv", 'card,text\n1,"open\n', "f.csv:2: not readable as CSV: unexpected end of data"),
        ("f.csv", "card,,text\n", "f.csv:1:2: column 2 has no name in the header"),
        (
            "f.yaml",
            "card: 1\n",
            "f.yaml:1:1: expected a list of rows (each a mapping of column: value, or a text)",
        ),
        (
            "f.yaml",
            "- {text: [a, b]}\n",
            "f.yaml:1:10: text: expected a single value (a text or a number)",
        ),
        ("f.yaml", "- [1, 2]\n", "f.yaml:1:3: a row is a mapping of column: value, or a text"),
    ],
)
def test_a_file_that_is_not_a_table_is_one_line_with_its_place(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidFileError) as refused:
        read_import_file(path, name)
    assert refused.value.lines() == [expected]
