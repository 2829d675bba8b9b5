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
    DotsPayload,
    FieldsPayload,
    PairSplitPayload,
    RatingPayload,
    ThemePayload,
    payload_of,
    payload_value,
    upgrade_kind,
)
from facilitate.model.entry_check import (
    CheckedEntry,
    EntryDraft,
    EntryProblem,
    check_entry,
    draft_of,
)
from facilitate.model.entry_problem import PROBLEM_CODES
from facilitate.model.entry_rules import StepRules, step_rules
from facilitate.model.events import EntryAdded, EntryEdited, Recorded
from facilitate.model.method import CollectKind
from facilitate.model.params import resolve_params
from facilitate.model.session import apply_edit, fold


def rules(method_id: str, step: str, **params: str) -> StepRules:
    method = find_method(method_id, cwd=Path("/nonexistent"), env={}).method
    return step_rules(method, step, resolve_params(method, params))


def problem(draft: EntryDraft, rules_: StepRules | None = None, **known: Any) -> EntryProblem:
    with pytest.raises(EntryProblem) as caught:
        check_entry(draft, rules_, **known)
    return caught.value


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
    assert (found.field, found.code) == ("kind", "unknown_kind")
    assert found.values["suggestion"] == "reflection"
    assert problem(EntryDraft("foo", "x")).values["suggestion"] == ""
    assert problem(EntryDraft("refelction", "x")).values["suggestion"] == "reflection"


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
    assert (found.field, found.code) == ("dims.lens", "unknown_value")
    assert found.values["value"] == "kourage"
    assert found.values["suggestion"] == "courage"
    assert "breakthroughs (Genombrott)" in found.values["choices"]["sv"]  # type: ignore[index]
    assert "Courage" in found.values["choices"]["en"]  # type: ignore[index]


def test_an_unknown_dimension_is_named_with_what_the_step_collects_along() -> None:
    found = problem(EntryDraft("note", "x", {"tabel": "3"}), HARVEST)
    assert (found.field, found.code) == ("dims.tabel", "unknown_dimension")
    assert (found.values["dimensions"], found.values["step"]) == ("story, lens", "harvest")


def test_a_step_only_takes_the_kinds_it_collects_and_notes() -> None:
    assert check_entry(EntryDraft("note", "x"), HARVEST).kind == "note"
    found = problem(EntryDraft("rating", "", value={"card": "1", "score": 3}), HARVEST)
    assert (found.field, found.code) == ("kind", "kind_not_collected")
    assert found.values == {"kind": "rating", "step": "harvest", "kinds": "note"}


def test_a_note_on_a_step_that_collects_reflections_may_use_their_dimensions() -> None:
    reflections = rules("storytelling-harvesting", "reflections")
    checked = check_entry(EntryDraft("note", "x", {"story": "2"}), reflections)
    assert checked.dims == {"story": "2"}
    assert problem(EntryDraft("note", "x", {"lens": "mod"}), reflections).code == (
        "unknown_dimension"
    )


def test_an_open_dimension_takes_any_text_but_not_nothing() -> None:
    cards = rules("35an", "write")
    checked = check_entry(EntryDraft("card", "Bibliotek", {"card": " 17 "}, {"card": 17}), cards)
    assert checked == CheckedEntry("card", "Bibliotek", {"card": "17"}, CardPayload("17"))
    assert problem(EntryDraft("card", "B", {"card": " "}, {"card": 1}), cards).code == (
        "empty_value"
    )


@pytest.mark.parametrize("kind", ["note", "reflection", "card", "theme"])
def test_kinds_that_are_their_text_need_one(kind: str) -> None:
    found = problem(EntryDraft(kind, "  \t", value={"card": "1"} if kind == "card" else None))
    assert (found.field, found.code) == ("text", "text_empty")


def test_without_a_method_only_kinds_and_shapes_are_checked() -> None:
    checked = check_entry(EntryDraft("reflection", "Mod", {"story": "Trelleborg"}))
    assert checked.dims == {"story": "Trelleborg"}
    assert problem(EntryDraft("note", "x", value={"score": 3})).code == "unexpected"


# --- 35:an pair splits ----------------------------------------------------------------------

ROUND = rules("35an", "round")


def pair(**value: Any) -> EntryDraft:
    return EntryDraft("pair_split", value={"card_a": "1", "card_b": "2", **value}, round=3)


def test_a_pair_split_gives_its_points_to_two_cards_in_the_steps_round() -> None:
    checked = check_entry(pair(points_a="5", points_b=2), ROUND, cards={"1", "2"})
    assert checked.payload == PairSplitPayload(3, "1", 5, "2", 2)
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
        ({"points_a": 4, "points_b": 4}, "value.points_b", "pair_sum"),
        ({"points_a": 8, "points_b": -1}, "value.points_a", "out_of_range"),
        ({"points_a": "3.5", "points_b": "3.5"}, "value.points_a", "not_whole"),
        ({"points_a": 7.0, "points_b": True}, "value.points_b", "not_whole"),
        ({"points_a": 7, "points_b": 0, "round": 6}, "value.round", "out_of_range"),
        ({"points_a": 7, "points_b": 0, "card_b": "1"}, "value.card_b", "same_card"),
        ({"points_a": 7, "points_b": 0, "card_b": "99"}, "value.card_b", "unknown_card"),
        ({"points_a": 7}, "value.points_b", "missing"),
        ({"points_a": 7, "points_b": 0, "colour": "red"}, "value.colour", "unexpected"),
    ],
)
def test_a_pair_split_that_breaks_the_rules_names_what(value: dict, field: str, code: str) -> None:
    found = problem(pair(**value), ROUND, cards={"1", "2"})
    assert (found.field, found.code) == (field, code)


def test_the_rules_follow_the_runs_parameters() -> None:
    ten = rules("35an", "round", points="10", rounds="3")
    assert check_entry(pair(points_a=6, points_b=4), ten).payload == PairSplitPayload(
        3, "1", 6, "2", 4
    )
    assert problem(pair(points_a=4, points_b=3), ten).values == {
        "points_a": 4,
        "points_b": 3,
        "points": 10,
    }


# --- ratings, dots, themes, structured entries ----------------------------------------------


def test_a_rating_is_within_the_methods_scale() -> None:
    rating = rules("25-10-crowd-sourcing", "round")
    draft = EntryDraft("rating", value={"card": "4", "score": "5"}, round=2)
    assert check_entry(draft, rating).payload == RatingPayload("4", 2, 5)
    found = problem(EntryDraft("rating", value={"card": "4", "score": 6}, round=2), rating)
    assert (found.field, found.code, found.values["low"], found.values["high"]) == (
        "value.score",
        "out_of_range",
        1,
        5,
    )


def test_dots_point_at_an_entry_for_a_criterion_within_the_budget() -> None:
    vote = rules("tre-prickar", "dots")
    draft = EntryDraft("dots", value={"target": "e1", "criterion": "feasibility", "count": 2})
    checked = check_entry(draft, vote, entries={"e1"})
    assert checked.payload == DotsPayload("e1", "2", 2)  # criteria come from a parameter
    too_many = EntryDraft("dots", value={"target": "e1", "criterion": "2", "count": 4})
    assert problem(too_many, vote).code == "out_of_range"
    unknown = EntryDraft("dots", value={"target": "e1", "criterion": "cost"})
    assert (problem(unknown, vote).field, problem(unknown, vote).code) == (
        "value.criterion",
        "unknown_value",
    )
    assert problem(EntryDraft("dots", value={"target": "e9"}), vote, entries={"e1"}).code == (
        "unknown_entry"
    )


def test_a_theme_is_a_name_linking_entries() -> None:
    draft = EntryDraft("theme", "Mötesplatser", value={"members": ["e1", " e2", "e1"]})
    checked = check_entry(draft, entries={"e1", "e2"})
    assert (checked.text, checked.payload) == ("Mötesplatser", ThemePayload(("e1", "e2")))
    bad = EntryDraft("theme", "T", value={"members": ["e1", "e3"]})
    assert problem(bad, entries={"e1"}).values == {"entry": "e3"}


def test_a_structured_entry_has_the_fields_the_method_declares() -> None:
    total = rules("25-10-crowd-sourcing", "countdown")
    fields = {"Idea and first step": "Bibliotek", "summa": " 23 "}
    checked = check_entry(EntryDraft("entry", value={"fields": fields}), total)
    assert checked.payload == FieldsPayload({"text": "Bibliotek", "total": "23"})
    assert checked.value == {"fields": {"text": "Bibliotek", "total": "23"}}
    found = problem(EntryDraft("entry", value={"fields": {"totl": "23"}}), total)
    assert (found.field, found.code, found.values["suggestion"]) == (
        "value.fields.totl",
        "unknown_field",
        "total",
    )
    empty = EntryDraft("entry", value={"fields": {"total": " "}})
    assert problem(empty, total).code == "entry_empty"


def test_an_edit_is_checked_as_the_entry_it_leaves() -> None:
    recorded = EntryAdded(
        entry_id="e1",
        kind="pair_split",
        text="",
        round=2,
        value={"round": 2, "card_a": "1", "points_a": 4, "card_b": "2", "points_b": 3},
    )
    (entry,) = fold([Recorded(1, "2026-11-22T10:00:00+01:00", "a", "f", recorded)]).entries
    assert check_entry(draft_of(entry), ROUND).payload == PairSplitPayload(2, "1", 4, "2", 3)
    edit = EntryEdited(entry_id="e1", value={**entry.value, "points_a": 5})
    assert problem(draft_of(apply_edit(entry, edit)), ROUND).code == "pair_sum"
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
    "payload",
    [
        CardPayload("17"),
        PairSplitPayload(1, "3", 4, "9", 3),
        RatingPayload("4", 2, 5),
        DotsPayload("e1", "value", 2),
        ThemePayload(("e1", "e2")),
        FieldsPayload({"who": "Anna", "when": "fredag"}),
    ],
)
def test_payloads_round_trip_through_their_recorded_value(payload: Any) -> None:
    kind = {
        CardPayload: "card",
        PairSplitPayload: "pair_split",
        RatingPayload: "rating",
        DotsPayload: "dots",
        ThemePayload: "theme",
        FieldsPayload: "entry",
    }[type(payload)]
    assert payload_of(kind, payload_value(payload)) == payload


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("pair_split", {"round": 1, "card_a": "1", "points_a": "4"}),
        ("rating", {"card": 4, "round": 1, "score": 3}),
        ("theme", {"members": "e1"}),
        ("entry", {"fields": {"who": 3}}),
        ("card", [1, 2]),
        ("note", {"anything": 1}),
    ],
)
def test_a_recorded_value_that_does_not_fit_has_no_payload(kind: str, value: Any) -> None:
    assert payload_of(kind, value) is None


# --- the interface renders problems ---------------------------------------------------------


def test_every_problem_code_has_a_message_in_both_languages() -> None:
    for code in PROBLEM_CODES:
        assert f"entry.problem.{code}" in catalog_record.EN, code
        assert f"entry.problem.{code}" in catalog_record.SV, code


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
        assert problem_message(pair_problem) == "parets poäng 4 + 4 blir inte 7"
    finally:
        set_language("en")
