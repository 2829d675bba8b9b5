"""Schedule arithmetic: blocks placed on the clock, anchors, parallel tracks, method steps."""

from __future__ import annotations

import pytest

from facilitate.model.plan import format_clock, format_range, lay_out, parse_clock, timed_steps
from facilitate.model.plan.agenda import agenda
from facilitate.model.plan.schedule import planned_day_end

from plan_helpers import at, item, minutes, programme, track


def clock_rows(prog) -> list[str]:
    return [f"{format_range(t.start, t.end, 'en')} {t.block.title.en}" for t in lay_out(prog)]


def test_blocks_follow_each_other_from_the_start() -> None:
    prog = programme(item(30, "Coffee"), item(15, "Welcome"), item(25, "Talk"), start="09:30")
    assert clock_rows(prog) == ["09:30–10:00 Coffee", "10:00–10:15 Welcome", "10:15–10:40 Talk"]


def test_an_anchor_waits_for_its_time_and_leaves_a_gap() -> None:
    prog = programme(item(40, "Work"), item(60, "Lunch", at="12:00"), start="11:00")
    work, lunch = lay_out(prog)
    assert (work.start, work.end) == (at("11:00"), at("11:40"))
    assert (lunch.start, lunch.end) == (at("12:00"), at("13:00"))
    assert lunch.gap == minutes(20) and lunch.overrun == 0


def test_an_anchor_reached_late_starts_late_and_says_by_how_much() -> None:
    prog = programme(item(90, "Work"), item(60, "Lunch", at="12:00"), start="11:00")
    lunch = lay_out(prog)[1]
    assert lunch.start == at("12:30")
    assert lunch.overrun == minutes(30) and lunch.gap == 0


def test_later_blocks_follow_the_anchor_not_the_blocks_before_it() -> None:
    prog = programme(item(10), item(60, "Lunch", at="12:30"), item(45, "After"), start="12:00")
    assert clock_rows(prog)[2] == "13:30–14:15 After"


def test_a_parallel_block_lasts_as_long_as_its_longest_track() -> None:
    prog = programme(
        item(10, "Before"),
        {
            "title": "Rooms",
            "parallel": [
                track("A", item(40, "A1")),
                track("B", item(20, "B1"), item(35, "B2")),
                track("C", item(30, "C1")),
            ],
        },
        item(15, "After"),
        start="13:00",
    )
    _, rooms, after = lay_out(prog)
    assert rooms.start == at("13:10") and rooms.seconds == minutes(55)
    assert after.start == at("14:05")
    b1, b2 = rooms.tracks[1]
    assert (b1.start, b1.end, b2.start, b2.end) == (
        at("13:10"),
        at("13:30"),
        at("13:30"),
        at("14:05"),
    )
    assert rooms.tracks[0][0].end == at("13:50")  # the shorter track simply ends earlier


def test_a_shortened_parallel_block_scales_its_tracks() -> None:
    prog = programme(
        {"title": "Rooms", "flexible": True, "parallel": [track("A", item(20), item(20))]},
        start="10:00",
    )
    (rooms,) = lay_out(prog, {"1": minutes(30)})
    first, second = rooms.tracks[0]
    assert first.end == at("10:15") and second.end == at("10:30")


def test_other_lengths_move_what_follows() -> None:
    prog = programme(item(30, "A", id="a"), item(30, "B"), start="09:00")
    assert clock_rows(prog) == ["09:00–09:30 A", "09:30–10:00 B"]
    assert lay_out(prog, {"a": minutes(45)})[1].start == at("09:45")


def test_a_method_block_takes_the_method_length_with_its_parameters() -> None:
    cafe = programme({"method": "world-cafe"}, start="13:00")
    assert lay_out(cafe)[0].seconds == minutes(15 + 3 * 20 + 30)
    quick = programme({"method": "world-cafe", "params": {"round_minutes": 10}}, start="13:00")
    assert lay_out(quick)[0].seconds == minutes(15 + 3 * 10 + 30)


def test_a_method_block_given_minutes_scales_its_steps_to_fit() -> None:
    prog = programme({"method": "innovationsguiden", "minutes": 60}, start="10:50")
    block = lay_out(prog)[0]
    steps = timed_steps(block.block, block.start, block.seconds)
    assert [format_range(s.start, s.end, "sv") for s in steps][:3] == [
        "10.50–10.54",
        "10.54–11.04",
        "11.04–11.14",
    ]
    assert steps[-1].end == at("11:50")
    assert sum(s.end - s.start for s in steps) == pytest.approx(minutes(60))


def test_agenda_lists_tracks_and_with_steps_the_rounds() -> None:
    prog = programme(
        {"method": "world-cafe"},
        {"title": "Rooms", "parallel": [track("A", item(40, "A1")), track("B", item(40, "B1"))]},
        start="13:00",
    )
    plain = agenda(prog)
    assert [(line.depth, line.block.title.en) for line in plain] == [
        (0, "World Café"),
        (0, "Rooms"),
        (1, "A1"),
        (1, "B1"),
    ]
    rounds = [line for line in agenda(prog, steps=True) if line.step and line.step.round]
    assert [line.step.round for line in rounds] == [1, 2, 3]
    assert format_range(rounds[0].start, rounds[0].end, "en") == "13:15–13:35"


def test_the_day_ends_at_the_plans_end_else_with_the_last_block() -> None:
    assert planned_day_end(programme(item(30), start="09:00")) == at("09:30")
    assert planned_day_end(programme(item(30), start="09:00", end="16:00")) == at("16:00")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("09:30", 34200), ("9.30", 34200), ("00:00", 0), ("23:59", 86340), ("12.05", 43500)],
)
def test_clock_times_are_read_with_a_colon_or_a_dot(text: str, seconds: int) -> None:
    assert parse_clock(text) == seconds


@pytest.mark.parametrize("text", ["24:00", "9:3", "930", "12:60", "noon", ""])
def test_what_is_not_a_clock_time(text: str) -> None:
    assert parse_clock(text) is None


def test_clock_times_are_written_in_each_languages_style() -> None:
    assert format_clock(at("09:30"), "sv") == "09.30"
    assert format_clock(at("09:30"), "en") == "09:30"
    assert format_range(at("15:45"), at("16:00"), "sv") == "15.45–16.00"
