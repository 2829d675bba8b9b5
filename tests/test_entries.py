"""Typed entries: the closed set of kinds, payloads, and checks against a step's collect."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, get_args

import pytest

from facilitate.i18n import catalog_record, set_language
from facilitate.i18n.record_text import problem_message
from facilitate.library.methods import find_method, load_library
from facilitate.model.entries import (
    ENTRY_KINDS,
    CardPayload,
    FieldsPayload,
    ThemePayload,
    payload_of,
    payload_value,
    upgrade_kind,
)
from facilitate.model.entry_check import (
    CheckedEntry,
    EntryDraft,
    InputError,
    InputProblem,
    check_entry,
    draft_of,
)
from facilitate.model.entry_problem import ENTRY_CODES
from facilitate.model.entry_rules import StepRules, step_rules
from facilitate.model.events import EntryAdded, EntryEdited, Recorded
from facilitate.model.method import CollectKind
from facilitate.model.params import resolve_params
from facilitate.model.scoring import tally_pair_splits
from facilitate.model.scoring_types import DotPlacement, PairSplit, PairSplitRules, Rating
from facilitate.model.session import apply_edit, fold

from note_helpers import TEST_CACHE


def rules(method_id: str, step: str, **params: str) -> StepRules:
    method = find_method(method_id, cwd=Path("/nonexistent"), env=TEST_CACHE).method
    return step_rules(method, step, resolve_params(method, params))


def problem(draft: EntryDraft, rules_: StepRules | None = None, **known: Any) -> InputProblem:
    """The (first) problem ``check_entry`` refuses ``draft`` with."""
    with pytest.raises(InputError) as caught:
        check_entry(draft, rules_, **known)
    return caught.value.problems[0]


HARVEST = rules("storytelling-harvesting", "harvest")


# --- the closed set of kinds ----------------------------------------------------------------


def test_the_entry_kinds_are_the_method_models_collect_kinds() -> None:
    assert get_args(CollectKind) == ENTRY_KINDS
    assert ENTRY_KINDS == (
        "note",
        "reflection",
        "card",
        "pair_split",
        "rating",
        "dots",
        "theme",
        "entry",
    )


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [
        ("note", ("note", None)),
        ("reflection", ("reflection", None)),
        ("reflektion", ("reflection", "reflektion")),
        ("anteckning", ("note", "anteckning")),
        ("tema", ("theme", "tema")),
        ("dot", ("dots", "dot")),
        ("Reflection", ("reflection", "Reflection")),
        ("idea", ("note", "idea")),
        ("foo", ("note", "foo")),
    ],
)
def test_old_free_form_kinds_are_read_onto_the_closed_set_keeping_the_word(
    recorded: str, expected: tuple[str, str | None]
) -> None:
    assert upgrade_kind(recorded) == expected


def test_an_unknown_kind_is_refused_with_the_kind_it_most_likely_meant() -> None:
    found = problem(EntryDraft("reflektion", "x"))
    assert (found.field, found.code, found.values["hint"]) == (
        "kind",
        "entry.unknown_kind_hint",
        "reflection",
    )
    assert problem(EntryDraft("refelction", "x")).values["hint"] == "reflection"
    assert problem(EntryDraft("foo", "x")).code == "entry.unknown_kind"


# --- dimensions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "dims",
    [
        {"story": "1", "lens": "courage"},
        {"Story": "Story 1", "LENS": "Courage"},
        {"berättelse": "berättelse 1", "lins": "mod"},
        {"story": " STORY 1 ", "lens": "MOD"},
    ],
)
def test_dimension_values_match_by_id_or_label_in_either_language_in_any_case(
    dims: dict[str, str],
) -> None:
    checked = check_entry(EntryDraft("note", " Skynda långsamt ", dims), HARVEST)
    assert checked == CheckedEntry("note", "Skynda långsamt", {"story": "1", "lens": "courage"})


def test_an_unknown_value_names_the_dimension_the_choices_and_the_closest() -> None:
    found = problem(EntryDraft("note", "x", {"lens": "kourage"}), HARVEST)
    assert (found.field, found.code) == ("dims.lens", "entry.unknown_value_hint")
    assert (found.values["name"], found.values["hint"]) == ("kourage", "courage")
    choices: Any = found.values["choices"]
    assert "breakthroughs (Genombrott)" in choices["sv"] and "Courage" in choices["en"]
    assert problem(EntryDraft("note", "x", {"lens": "zz"}), HARVEST).code == "entry.unknown_value"


def test_an_unknown_dimension_is_named_with_what_the_step_collects_along() -> None:
    found = problem(EntryDraft("note", "x", {"tabel": "3"}), HARVEST)
    assert (found.field, found.code) == ("dims.tabel", "entry.unknown_dimension")
    assert (found.values["dimensions"], found.values["step"]) == ("story, lens", "harvest")
    assert problem(EntryDraft("note", "x", {"lense": "mod"}), HARVEST).values["hint"] == "lens"


def test_a_step_only_takes_the_kinds_it_collects_and_notes() -> None:
    assert check_entry(EntryDraft("note", "x"), HARVEST).kind == "note"
    found = problem(EntryDraft("rating", "", value={"card": "1", "score": 3}), HARVEST)
    assert (found.field, found.code) == ("kind", "entry.kind_not_collected")
    assert found.values == {"kind": "rating", "step": "harvest", "kinds": "note"}


def test_a_note_on_a_step_that_collects_reflections_may_use_their_dimensions() -> None:
    reflections = rules("storytelling-harvesting", "reflections")
    checked = check_entry(EntryDraft("note", "x", {"story": "2"}), reflections)
    assert checked.dims == {"story": "2"}
    assert problem(EntryDraft("note", "x", {"lens": "mod"}), reflections).code == (
        "entry.unknown_dimension"
    )


def test_an_open_dimension_takes_any_text_but_not_nothing() -> None:
    cards = rules("35an", "write")
    checked = check_entry(EntryDraft("card", "Bibliotek", {"card": " 17 "}, {"card": 17}), cards)
    assert checked == CheckedEntry("card", "Bibliotek", {"card": "17"}, CardPayload("17"))
    blank = EntryDraft("card", "B", {"card": " "}, {"card": 1})
    assert problem(blank, cards).code == "entry.empty_value"
    assert problem(EntryDraft("card", "B", value={"card": "4"}), cards, cards={"4"}).code == (
        "entry.card_exists"
    )


@pytest.mark.parametrize("kind", ["note", "reflection", "card", "theme"])
def test_kinds_that_are_their_text_need_one(kind: str) -> None:
    found = problem(EntryDraft(kind, "  \t", value={"card": "1"} if kind == "card" else None))
    assert (found.field, found.code) == ("text", "entry.text_empty")


def test_without_a_method_only_kinds_and_shapes_are_checked() -> None:
    checked = check_entry(EntryDraft("reflection", "Mod", {"story": "Trelleborg"}))
    assert checked.dims == {"story": "Trelleborg"}
    assert problem(EntryDraft("note", "x", value={"score": 3})).code == "entry.unexpected"
    split = EntryDraft("pair_split", value={"card_a": "1", "points_a": 9, "card_b": "2"})
    assert (problem(split).field, problem(split).code) == ("round", "entry.missing")


# --- scores: checked by the scoring engine against the step's rules -------------------------

ROUND = rules("35an", "round")


def pair(**value: Any) -> EntryDraft:
    return EntryDraft("pair_split", value={"card_a": "1", "card_b": "2", **value}, round=3)


def test_a_pair_split_gives_its_points_to_two_cards_in_the_steps_round() -> None:
    checked = check_entry(pair(points_a="5", points_b=2), ROUND, cards={"1", "2"})
    assert checked.payload == PairSplit(3, "1", 5, "2", 2)
    assert checked.value == {
        "round": 3,
        "card_a": "1",
        "points_a": 5,
        "card_b": "2",
        "points_b": 2,
    }


@pytest.mark.parametrize(
    ("value", "field", "code"),
    [
        ({"points_a": 4, "points_b": 4}, "points_b", "score.pair_sum"),
        ({"points_a": 8, "points_b": -1}, "points_a", "score.points_range"),
        ({"points_a": "3.5", "points_b": "3.5"}, "points_a", "score.not_whole"),
        ({"points_a": 7.0, "points_b": 0}, "points_a", "score.not_whole"),
        ({"points_a": 7, "points_b": True}, "points_b", "score.not_whole"),
        ({"points_a": 7, "points_b": 0, "round": 6}, "round", "score.round_range"),
        ({"points_a": 7, "points_b": 0, "card_b": "1"}, "card_b", "score.same_card"),
        ({"points_a": 7, "points_b": 0, "card_b": "99"}, "card_b", "score.unknown_card"),
        ({"points_a": 7}, "points_b", "entry.missing"),
        ({"points_a": 7, "points_b": 0, "colour": "red"}, "colour", "entry.unexpected"),
    ],
)
def test_a_pair_split_that_breaks_the_rules_names_what(value: dict, field: str, code: str) -> None:
    found = problem(pair(**value), ROUND, cards={"1", "2"})
    assert (found.field, found.code) == (field, code)


def test_the_rules_follow_the_runs_parameters() -> None:
    ten = rules("35an", "round", points="10", rounds="3")
    assert check_entry(pair(points_a=6, points_b=4), ten).payload == PairSplit(3, "1", 6, "2", 4)
    assert problem(pair(points_a=4, points_b=3), ten).values == {"a": 4, "b": 3, "points": 10}


def test_checked_pair_splits_are_what_the_scoring_engine_tallies() -> None:
    splits = [
        check_entry(pair(points_a=5, points_b=2), ROUND).payload,
        check_entry(pair(points_a=1, points_b=6, card_a="3", round=4), ROUND).payload,
    ]
    assert all(isinstance(split, PairSplit) for split in splits)
    scores = tally_pair_splits(PairSplitRules(7, 5), splits, ["1", "2", "3"])  # type: ignore[arg-type]
    assert [(s.card, s.total) for s in scores] == [("1", 5), ("2", 8), ("3", 1)]


def test_a_rating_is_within_the_methods_scale() -> None:
    rating = rules("25-10-crowd-sourcing", "round")
    draft = EntryDraft("rating", value={"card": "4", "score": "5"}, round=2)
    assert check_entry(draft, rating).payload == Rating("4", 2, 5)
    found = problem(EntryDraft("rating", value={"card": "4", "score": 6}, round=2), rating)
    assert (found.field, found.code, found.values["low"], found.values["high"]) == (
        "score",
        "score.rating_range",
        1,
        5,
    )


def test_dots_point_at_an_entry_for_a_criterion_named_by_id_or_label() -> None:
    vote = rules("tre-prickar", "dots")
    draft = EntryDraft("dots", value={"target": "e1", "criterion": "Feasibility", "count": "2"})
    assert check_entry(draft, vote, entries={"e1"}).payload == DotPlacement("e1", 2, "2")
    per = {"target": "e1", "criterion": "2", "count": 4, "voter": "Per"}
    too_many = EntryDraft("dots", value=per)
    assert problem(too_many, vote).code == "score.budget_voter_criterion"
    unknown = problem(EntryDraft("dots", value={"target": "e1", "criterion": "cost"}), vote)
    assert (unknown.field, unknown.code) == ("criterion", "score.unknown_criterion")
    missing = problem(EntryDraft("dots", value={"target": "e1"}), vote)
    assert missing.code == "score.criterion_missing"
    elsewhere = EntryDraft("dots", value={"target": "e9", "criterion": "1"})
    target = problem(elsewhere, vote, entries={"e1"})
    assert (target.field, target.code) == ("target", "score.unknown_target")


def test_a_theme_is_a_name_linking_entries() -> None:
    draft = EntryDraft("theme", "Mötesplatser", value={"items": ["e1", " e2", "e1"]})
    checked = check_entry(draft, entries={"e1", "e2"})
    assert (checked.text, checked.payload) == ("Mötesplatser", ThemePayload(("e1", "e2")))
    bad = problem(EntryDraft("theme", "T", value={"items": ["e1", "e3"]}), entries={"e1"})
    assert (bad.field, bad.code, bad.values["name"]) == ("items", "theme.unknown_item", "e3")


def test_a_structured_entry_has_the_fields_the_method_declares() -> None:
    total = rules("25-10-crowd-sourcing", "countdown")
    fields = {"Idea and first step": "Bibliotek", "summa": " 23 "}
    checked = check_entry(EntryDraft("entry", value={"fields": fields}), total)
    assert checked.payload == FieldsPayload({"text": "Bibliotek", "total": "23"})
    assert checked.value == {"fields": {"text": "Bibliotek", "total": "23"}}
    found = problem(EntryDraft("entry", value={"fields": {"totl": "23"}}), total)
    assert (found.field, found.code, found.values["hint"]) == (
        "fields.totl",
        "entry.unknown_field_hint",
        "total",
    )
    empty = EntryDraft("entry", value={"fields": {"total": " "}})
    assert problem(empty, total).code == "entry.entry_empty"


def test_an_edit_is_checked_as_the_entry_it_leaves() -> None:
    recorded = EntryAdded(
        entry_id="e1",
        kind="pair_split",
        text="",
        round=2,
        value={"round": 2, "card_a": "1", "points_a": 4, "card_b": "2", "points_b": 3},
    )
    (entry,) = fold([Recorded(1, "2026-11-22T10:00:00+01:00", "a", "f", recorded)]).entries
    assert check_entry(draft_of(entry), ROUND).payload == PairSplit(2, "1", 4, "2", 3)
    edit = EntryEdited(entry_id="e1", value={**entry.value, "points_a": 5})
    assert problem(draft_of(apply_edit(entry, edit)), ROUND).code == "score.pair_sum"
    note = replace(entry, kind="note", value=None, payload=None, text="x", dims={"lens": "mod"})
    cleared = apply_edit(note, EntryEdited(entry_id="e1", clear=["dims.lens"]))
    assert check_entry(draft_of(cleared), HARVEST).dims == {}


def test_every_step_of_every_bundled_method_has_rules() -> None:
    for loaded in load_library(Path("/nonexistent"), {}).methods.values():
        method = loaded.method
        values = resolve_params(method)
        for step in method.steps:
            found = step_rules(method, step.id, values)
            assert [c.kind for c in found.collects] == [c.kind for c in step.collect]


# --- payloads as recorded -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        ("card", CardPayload("17")),
        ("pair_split", PairSplit(1, "3", 4, "9", 3)),
        ("rating", Rating("4", 2, 5)),
        ("dots", DotPlacement("e1", 2, "value", "Per")),
        ("dots", DotPlacement("e1", 1)),
        ("theme", ThemePayload(("e1", "e2"))),
        ("entry", FieldsPayload({"who": "Anna", "when": "fredag"})),
    ],
)
def test_payloads_round_trip_through_their_recorded_value(kind: str, payload: Any) -> None:
    assert payload_of(kind, payload_value(payload)) == payload


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("pair_split", {"round": 1, "card_a": "1", "points_a": "4"}),
        ("rating", {"card": 4, "round": 1, "score": 3}),
        ("dots", {"target": "e1"}),
        ("theme", {"items": "e1"}),
        ("entry", {"fields": {"who": 3}}),
        ("card", [1, 2]),
        ("note", {"anything": 1}),
    ],
)
def test_a_recorded_value_that_does_not_fit_has_no_payload(kind: str, value: Any) -> None:
    assert payload_of(kind, value) is None


# --- the interface renders problems ---------------------------------------------------------


def test_every_entry_problem_code_has_a_message_in_both_languages() -> None:
    for code in ENTRY_CODES:
        assert code in catalog_record.EN, code
        assert code in catalog_record.SV, code


def test_a_problem_reads_as_one_line_in_the_interface_language() -> None:
    found = problem(EntryDraft("note", "x", {"lens": "kourage"}), HARVEST)
    try:
        assert problem_message(found) == (
            "lens: no value 'kourage' (did you mean 'courage'?); the values are: Courage,"
            " Breakthroughs, leadership (Leadership and ownership), take_home (What I take home)"
        )
        set_language("sv")
        assert problem_message(found).startswith("lens: inget värde 'kourage' (menade du")
        assert "courage (Mod)" in problem_message(found)
        pair_problem = problem(pair(points_a=4, points_b=4), ROUND)
        assert problem_message(pair_problem) == "4 + 4 poäng: parets två kort delar på exakt 7"
    finally:
        set_language("en")
