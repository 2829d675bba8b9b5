"""Themes link items by id: create, rename, merge, split, assign, unassign, what is left."""

from __future__ import annotations

import pytest

from facilitate.model.input_problems import InputError
from facilitate.model.themes import (
    MAX_THEME_NAME,
    Theme,
    ThemeBoard,
    assign_items,
    create_theme,
    merge_themes,
    remove_theme,
    rename_theme,
    resolve_items,
    split_theme,
    unassign_items,
    unassigned,
)

# A World Café harvest (table, round) and a story reflection: items are only ids here.
ITEMS = {
    "wc-1": "Kreativa mötesplatser mellan och inom sektorerna",
    "wc-2": "Fler mötesplatser som den här",
    "wc-3": "Gemensam kunskapsbank",
    "wc-4": "Bygg kunskap om varandras arbete!",
    "wc-5": "Jobba långsiktigt",
    "st-1": "Skynda långsamt",
    "st-2": "Jobba långsiktigt",
}


def must(theme: Theme | None) -> Theme:
    assert theme is not None
    return theme


def board_with_two() -> ThemeBoard:
    board = create_theme(ThemeBoard(), "t1", "Möten och relationer", ["wc-1", "wc-2"], ITEMS)
    return create_theme(board, "t2", "Bygga kunskaper", ["wc-3"], ITEMS)


def problem_codes(call) -> list[str]:
    with pytest.raises(InputError) as caught:
        call()
    return [p.code for p in caught.value.problems]


def test_create_and_see_what_is_still_unassigned_in_the_items_order() -> None:
    board = board_with_two()
    assert [(t.id, t.name, t.items) for t in board.themes] == [
        ("t1", "Möten och relationer", ("wc-1", "wc-2")),
        ("t2", "Bygga kunskaper", ("wc-3",)),
    ]
    assert unassigned(board, ITEMS) == ("wc-4", "wc-5", "st-1", "st-2")
    assert must(board.theme_of("wc-2")).id == "t1" and board.theme_of("st-1") is None


def test_assign_appends_and_moves_an_item_from_another_theme() -> None:
    board = assign_items(board_with_two(), "Bygga kunskaper", ["wc-4", "wc-2", "wc-4"])
    assert must(board.get("t2")).items == ("wc-3", "wc-4", "wc-2")
    assert must(board.get("t1")).items == ("wc-1",)
    again = assign_items(board, "t2", ["wc-3"])
    assert again == board  # already there: nothing moves


def test_themes_are_found_by_id_or_by_name_whatever_the_case_and_spacing() -> None:
    board = board_with_two()
    assert must(board.find("t2")).name == "Bygga kunskaper"
    assert must(board.find("  bygga   KUNSKAPER ")).id == "t2"
    assert board.find("nothing") is None


def test_unassign_frees_items_and_refuses_an_item_under_no_theme() -> None:
    board = unassign_items(board_with_two(), ["wc-2"])
    assert must(board.get("t1")).items == ("wc-1",)
    assert "wc-2" in unassigned(board, ITEMS)
    assert problem_codes(lambda: unassign_items(board, ["wc-2"])) == ["theme.item_not_assigned"]


def test_rename_keeps_the_items_and_may_change_only_the_case() -> None:
    board = rename_theme(board_with_two(), "t1", "  Mötesplatser ")
    renamed = must(board.get("t1"))
    assert renamed.name == "Mötesplatser" and renamed.items == ("wc-1", "wc-2")
    assert must(rename_theme(board, "t1", "MÖTESPLATSER").get("t1")).name == "MÖTESPLATSER"
    assert problem_codes(lambda: rename_theme(board, "t1", "bygga kunskaper")) == [
        "theme.name_taken"
    ]


def test_merge_appends_the_items_and_removes_the_merged_themes() -> None:
    board = create_theme(board_with_two(), "t3", "Kunskap", ["wc-4"])
    merged = merge_themes(board, "t2", ["Kunskap", "t3"])
    assert [t.id for t in merged.themes] == ["t1", "t2"]
    assert must(merged.get("t2")).items == ("wc-3", "wc-4")
    renamed = merge_themes(board, "t2", ["t3"], name="Kunskap")  # the merged theme's name
    assert must(renamed.get("t2")).name == "Kunskap"
    taken = problem_codes(lambda: merge_themes(board, "t2", ["t3"], name="Möten och relationer"))
    assert taken == ["theme.name_taken"]
    assert problem_codes(lambda: merge_themes(board, "t2", ["t2"])) == ["theme.merge_self"]
    assert problem_codes(lambda: merge_themes(board, "t2", [])) == ["theme.nothing_to_merge"]


def test_split_moves_the_chosen_items_into_a_new_theme_right_after() -> None:
    board = create_theme(board_with_two(), "t3", "Börja göra", ["wc-5", "st-1", "st-2"])
    split = split_theme(board, "t3", "t4", "Jobba", ["st-2", "wc-5"])
    assert [t.id for t in split.themes] == ["t1", "t2", "t3", "t4"]
    assert must(split.get("t3")).items == ("st-1",)
    assert must(split.get("t4")).items == ("wc-5", "st-2")  # in the theme's own order
    assert problem_codes(lambda: split_theme(board, "t3", "t5", "X", ["wc-1"])) == [
        "theme.item_not_in_theme"
    ]
    assert problem_codes(lambda: split_theme(board, "t3", "t5", "X", [])) == [
        "theme.nothing_to_split"
    ]
    assert problem_codes(lambda: split_theme(board, "t3", "t1", "X", ["st-1"])) == [
        "theme.id_taken"
    ]


def test_remove_a_theme_leaves_its_items_unassigned() -> None:
    board = remove_theme(board_with_two(), "Möten och relationer")
    assert [t.id for t in board.themes] == ["t2"]
    assert unassigned(board, ITEMS)[:2] == ("wc-1", "wc-2")


def test_an_item_keeps_its_own_identity_across_runs() -> None:
    board = create_theme(ThemeBoard(), "t1", "Jobba", ["wc-5", "st-2"], ITEMS)
    assert must(board.get("t1")).items == ("wc-5", "st-2")  # same text, two items, both linked


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("", "theme.name_empty"),
        ("   ", "theme.name_empty"),
        ("\u200b\u2060", "theme.name_empty"),  # invisible only
        ("Möten\x1b[31m", "theme.name_control"),
        ("Möten\nrelationer", "theme.name_control"),
        ("x" * (MAX_THEME_NAME + 1), "theme.name_too_long"),
        ("möten OCH relationer", "theme.name_taken"),
    ],
)
def test_a_bad_theme_name_is_refused_and_the_board_is_unchanged(name: str, code: str) -> None:
    board = board_with_two()
    assert problem_codes(lambda: create_theme(board, "t9", name)) == [code]
    assert board == board_with_two()


def test_names_with_swedish_norwegian_letters_and_emoji_are_kept_exactly() -> None:
    name = "Åsikter, øl & ære 🌱👩‍👩‍👧"
    board = create_theme(ThemeBoard(), "t1", name)
    assert must(board.get("t1")).name == name


def test_unknown_themes_and_items_are_named_with_a_hint() -> None:
    board = board_with_two()
    with pytest.raises(InputError) as caught:
        assign_items(board, "Bygga kunskap", ["wc-1"])
    assert caught.value.problems[0].code == "theme.unknown_theme_hint"
    assert caught.value.problems[0].values["hint"] == "Bygga kunskaper"
    assert problem_codes(lambda: rename_theme(board, "zzz", "Y")) == ["theme.unknown_theme"]
    assert problem_codes(lambda: assign_items(board, "t1", ["wc-9", "nope"], ITEMS)) == [
        "theme.unknown_item_hint",
        "theme.unknown_item",
    ]
    assert problem_codes(lambda: create_theme(board, "t1", "Ny")) == ["theme.id_taken"]


def test_items_are_resolved_by_id_or_exact_text() -> None:
    refs = ["wc-3", "  Skynda   långsamt ", "Bygg kunskap om varandras arbete!"]
    assert resolve_items(refs, ITEMS) == ("wc-3", "st-1", "wc-4")
    with pytest.raises(InputError) as caught:
        resolve_items(["wc-1", "Jobba långsiktigt", "skynda långsamt", "wc-33"], ITEMS)
    assert [(p.row, p.code) for p in caught.value.problems] == [
        (1, "theme.ambiguous_text"),
        (2, "theme.unknown_item_hint"),  # case counts in an exact text
        (3, "theme.unknown_item_hint"),
    ]
    assert caught.value.problems[0].values == {"text": "Jobba långsiktigt", "count": 2}
