"""The results function: rankings with shared ranks, tallies, themes with items, structured
entries, from a folded session and its methods, as exports and the web call it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from facilitate.library.methods import find_method
from facilitate.model.entries import ThemePayload, payload_value
from facilitate.model.events import (
    EntryAdded,
    EntryDeleted,
    EntryEdited,
    Event,
    Recorded,
    RunStarted,
)
from facilitate.model.method import Method
from facilitate.model.results import session_results
from facilitate.model.session import SessionHeader, SessionState, fold
from facilitate.model.theme_record import board_events, session_items, theme_board
from facilitate.model.themes import assign_items, create_theme, merge_themes

REPO = Path(__file__).resolve().parents[1]


def method(method_id: str) -> Method:
    return find_method(method_id, cwd=REPO, env=dict(os.environ)).method


def folded(events: Sequence[Event], header_method: str | None = None) -> SessionState:
    records = [
        Recorded(
            seq=n, at=f"2026-11-22T10:{n // 60:02d}:{n % 60:02d}", author="a", role="r", event=e
        )
        for n, e in enumerate(events, start=1)
    ]
    header = SessionHeader(id="s", title="S", date="2026-11-22", method=header_method)
    return fold(records, header)


def card(card_id: str, text: str, run: str = "r1") -> EntryAdded:
    return EntryAdded(
        entry_id=f"c-{card_id}",
        kind="card",
        text=text,
        step="write",
        value={"card": card_id},
        run_id=run,
    )


def split(n: int, round_: int, a: str, pa: int, b: str, pb: int, run: str = "r1") -> EntryAdded:
    value = {"round": round_, "card_a": a, "points_a": pa, "card_b": b, "points_b": pb}
    return EntryAdded(
        entry_id=f"p{n}",
        kind="pair_split",
        text="",
        step="round",
        round=round_,
        value=value,
        run_id=run,
    )


def rows(ranking: Any) -> list[tuple[int, str, int]]:
    return [(r.rank, r.card, r.total) for r in ranking.rows]


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    events: list[Event] = [RunStarted(method="35an", params={}, run_id="r1")]
    events += [card(c, f"Idé {c}") for c in "ABCD"]
    events += [
        split(1, 1, "A", 5, "B", 2),
        split(2, 1, "C", 5, "D", 2),
        split(3, 2, "A", 3, "C", 4),
        split(4, 2, "B", 7, "D", 0),
    ]
    results = session_results(folded(events), {"35an": method("35an")})
    ranking = results.runs[0].rankings[0]
    # by hand: A 5+3=8, B 2+7=9, C 5+4=9, D 2+0=2
    assert rows(ranking) == [(1, "B", 9), (1, "C", 9), (3, "A", 8), (4, "D", 2)]
    assert [r.shared for r in ranking.rows] == [True, True, False, False]
    assert ranking.rows[2].per_round == (5, 3, None, None, None)
    assert ranking.rows[0].text == "Idé B"
    calls = ranking.calls()
    assert calls[0].score == 35 and calls[0].items == ()
    heard = {c.score: [r.card for r in c.items] for c in calls if c.items}
    assert heard == {9: ["B", "C"], 8: ["A"], 2: ["D"]}
    top = session_results(folded(events), {"35an": method("35an")}, top=1)
    assert [r.card for r in top.runs[0].rankings[0].rows] == ["B", "C"]
    top3 = session_results(folded(events), {"35an": method("35an")}, top=2)
    assert [r.card for r in top3.runs[0].rankings[0].rows] == ["B", "C"]


def test_a_recorded_score_that_breaks_the_rules_is_left_out_and_counted() -> None:
    events: list[Event] = [RunStarted(method="35an", params={"points": 7}, run_id="r1")]
    events += [card(c, c) for c in "AB"]
    events += [split(1, 1, "A", 4, "B", 3), split(2, 1, "A", 6, "B", 6)]  # the second: 12 ≠ 7
    ranking = session_results(folded(events), {"35an": method("35an")}).runs[0].rankings[0]
    assert rows(ranking) == [(1, "A", 4), (2, "B", 3)]
    assert ranking.uncounted == 1


def test_each_run_has_its_own_results_and_a_run_can_be_chosen() -> None:
    events: list[Event] = [RunStarted(method="35an", params={}, run_id="r1")]
    events += [card("A", "first day"), split(1, 1, "A", 7, "B", 0)]
    events += [RunStarted(method="35an", params={"rounds": 3}, run_id="r2")]
    events += [card("A", "second day", run="r2"), split(2, 1, "A", 1, "B", 6, run="r2")]
    state = folded(events)
    both = session_results(state, {"35an": method("35an")})
    assert [(r.number, rows(r.rankings[0])[0]) for r in both.runs] == [
        (1, (1, "A", 7)),
        (2, (1, "B", 6)),
    ]
    assert both.runs[1].rankings[0].max_total == 21  # three rounds of 7
    second = session_results(state, {"35an": method("35an")}, run=2)
    assert [r.number for r in second.runs] == [2]


def test_dots_are_tallied_per_criterion_and_overall() -> None:
    events: list[Event] = [RunStarted(method="tre-prickar", params={}, run_id="r1")]
    events += [
        EntryAdded(
            entry_id=f"c{n}", kind="card", text=t, step="ideas", value={"card": str(n)}, run_id="r1"
        )
        for n, t in ((1, "Lånecykel"), (2, "Läxhjälp"), (3, "Öppet bibliotek"))
    ]
    votes = [
        ("1", 2, "1"),
        ("2", 1, "1"),
        ("2", 3, "2"),
        ("3", 1, "3"),  # there are two criteria: this one is left out
        ("1", 1, "2"),
        ("3", 2, "1"),
    ]
    events += [
        EntryAdded(
            entry_id=f"d{n}",
            kind="dots",
            text="",
            step="dots",
            value={"target": target, "count": count, "criterion": criterion},
            run_id="r1",
        )
        for n, (target, count, criterion) in enumerate(votes)
    ]
    tally = (
        session_results(folded(events), {"tre-prickar": method("tre-prickar")}).runs[0].tallies[0]
    )
    by_hand = {"1": {"1": 2, "2": 1}, "2": {"1": 1, "2": 3}, "3": {"1": 2}}
    assert tally.uncounted == 1
    criteria = [c for c, _ in tally.criteria]
    for row in tally.rows:
        assert row.total == sum(by_hand[row.target].values())
        assert row.by_criterion == tuple(by_hand[row.target].get(c, 0) for c in criteria)
    assert [(r.rank, r.target, r.total) for r in tally.rows] == [
        (1, "2", 4),
        (2, "1", 3),
        (3, "3", 2),
    ]
    assert tally.rows[0].text.sv == "Läxhjälp"


def test_structured_entries_keep_their_fields_in_the_declared_order() -> None:
    events: list[Event] = [
        RunStarted(method="follow-up-workshop", params={}, run_id="r1"),
        EntryAdded(
            entry_id="a1",
            kind="entry",
            text="",
            step="actions",
            value={"fields": {"who": "Anna", "what": "Boka lokal", "when": "v. 3"}},
            run_id="r1",
        ),
    ]
    results = session_results(folded(events), {"follow-up-workshop": method("follow-up-workshop")})
    section = results.runs[0].structured[0]
    assert [f for f, _ in section.fields] == ["what", "who", "when"]
    assert section.rows[0].values == ("Boka lokal", "Anna", "v. 3")
    assert section.to_data()["rows"][0]["fields"] == {
        "what": "Boka lokal",
        "who": "Anna",
        "when": "v. 3",
    }


def test_themes_link_items_across_runs_and_keep_where_each_came_from() -> None:
    events: list[Event] = [RunStarted(method="world-cafe", params={"tables": 8}, run_id="cafe")]
    events += [
        EntryAdded(
            entry_id="n1",
            kind="note",
            text="Mötesplatser",
            step="round",
            round=1,
            dims={"table": "3"},
            run_id="cafe",
        ),
        EntryAdded(
            entry_id="n2",
            kind="note",
            text="Tillit",
            step="round",
            round=2,
            dims={"table": "5"},
            run_id="cafe",
        ),
        RunStarted(method="storytelling-harvesting", params={}, run_id="story"),
        EntryAdded(
            entry_id="n3",
            kind="reflection",
            text="Fler mötesplatser",
            step="reflections",
            run_id="story",
        ),
        EntryAdded(entry_id="n4", kind="note", text="Gone", step="round", run_id="cafe"),
        EntryDeleted(entry_id="n4"),
    ]
    state = folded(events)
    board = create_theme(theme_board(state), "t1", "Mötesplatser", ["n1", "n3"])
    board = create_theme(board, "t2", "Tillit", ["n2"])
    events += board_events(theme_board(state), board, step="harvest", run_id="cafe")
    state = folded(events)
    methods = {
        "world-cafe": method("world-cafe"),
        "storytelling-harvesting": method("storytelling-harvesting"),
    }
    results = session_results(state, methods)
    assert [(t.name, [i.entry_id for i in t.items]) for t in results.themes] == [
        ("Mötesplatser", ["n1", "n3"]),
        ("Tillit", ["n2"]),
    ]
    first = results.themes[0].items[0]
    assert (first.run_number, first.step, first.round, first.dims) == (
        1,
        "round",
        1,
        (("table", "3"),),
    )
    assert results.themes[0].items[1].run_number == 2
    assert results.unassigned == ()
    assert [i.number for i in session_items(state)] == [1, 2, 3]  # n4 kept its number, unshown
    merged = merge_themes(theme_board(state), "t1", ["t2"], name="Mötesplatser och tillit")
    events += board_events(theme_board(state), merged, reason="merged")
    state = folded(events)
    results = session_results(state, methods)
    assert [(t.name, len(t.items)) for t in results.themes] == [("Mötesplatser och tillit", 3)]
    assert isinstance(events[-2], EntryEdited) and isinstance(events[-1], EntryDeleted)


def test_a_theme_recorded_twice_holds_an_item_once_under_the_later_theme() -> None:
    items = [EntryAdded(entry_id=f"n{i}", kind="note", text=f"t{i}") for i in range(3)]
    themes = [
        EntryAdded(
            entry_id="t1", kind="theme", text="Ett", value=payload_value(ThemePayload(("n0", "n1")))
        ),
        EntryAdded(
            entry_id="t2", kind="theme", text="Två", value=payload_value(ThemePayload(("n1", "n2")))
        ),
    ]
    board = theme_board(folded([*items, *themes]))
    assert [(t.name, t.items) for t in board.themes] == [("Ett", ("n0",)), ("Två", ("n1", "n2"))]
    again = assign_items(board, "t1", ["n2"])
    assert [(t.name, t.items) for t in again.themes] == [("Ett", ("n0", "n2")), ("Två", ("n1",))]


def test_results_as_data_are_json_ready() -> None:
    import json

    events: list[Event] = [
        RunStarted(method="35an", params={}, run_id="r1"),
        card("A", "Å ä ö 🎉"),
        split(1, 1, "A", 7, "B", 0),
    ]
    data = session_results(folded(events), {"35an": method("35an")}).to_data()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again["runs"][0]["rankings"][0]["rows"][0] == {
        "rank": 1,
        "shared": False,
        "card": "A",
        "text": "Å ä ö 🎉",
        "total": 7,
        "per_round": [7, None, None, None, None],
    }


@pytest.mark.parametrize("top", [1, 2, 3])
def test_top_n_never_splits_a_tie(top: int) -> None:
    events: list[Event] = [RunStarted(method="35an", params={}, run_id="r1")]
    events += [split(1, 1, "A", 4, "B", 3), split(2, 1, "C", 4, "D", 3)]
    ranking = session_results(folded(events), {"35an": method("35an")}, top=top).runs[0].rankings[0]
    totals = [r.total for r in ranking.rows]
    assert len(totals) >= top
    assert all(r.rank <= top for r in ranking.rows)
    assert totals == ([4, 4] if top < 3 else [4, 4, 3, 3])
