"""The day as it runs: actual times so far, ahead/behind, and proposals to shorten what is left.

Times are fixed clock times (seconds since local midnight), and one test drives the model the
way a live runner would, from a fake clock.
"""

from __future__ import annotations

import pytest

from facilitate.model.plan import Actual, accept, replan, share_cut

from fakes import FakeClock
from plan_helpers import at, item, minutes, programme

DAY = programme(
    item(10, "Intro", id="intro"),
    {"id": "cafe", "method": "world-cafe"},  # 105 min, flexible, min 52.5
    item(20, "Coffee", id="coffee", kind="coffee", flexible=True, min_minutes=10),
    item(45, "Work", id="work", flexible=True, min_minutes=30),
    item(60, "Lunch", id="lunch", kind="lunch", at="12:00"),
    {"id": "35an", "method": "35an", "flexible": False},  # 32 min
    item(28, "Closing", id="closing"),
    start="09:00",
    end="14:00",
)


def lengths_in_minutes(proposal) -> dict[str, float]:
    return {key: seconds / 60 for key, seconds in proposal.lengths.items()}


def test_the_plan_itself_is_on_time() -> None:
    result = replan(DAY, [], at("08:30"))
    assert result.proposal is None
    assert result.projection.behind == 0
    assert result.projection.day_end == at("14:00")
    assert result.projection.next_anchor.key == "lunch"
    assert result.projection.next_anchor.slack == 0


def test_on_time_so_far_means_no_proposal() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:10")), Actual("cafe", at("09:10"))]
    result = replan(DAY, actuals, at("09:30"))
    assert result.projection.current.key == "cafe"
    assert result.projection.behind == 0
    assert result.proposal is None


def test_a_late_start_is_made_up_by_the_flexible_blocks_before_the_anchor() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:20")), Actual("cafe", at("09:20"))]
    result = replan(DAY, actuals, at("09:25"))
    projection = result.projection
    assert projection.behind == minutes(10)
    assert projection.next_anchor.key == "lunch"
    assert projection.next_anchor.slack == -minutes(10)
    assert projection.day_end == at("14:10")  # lunch cannot start before the blocks before it
    # 10 minutes shared in proportion to 20 and 45 minutes, in whole minutes; the running
    # World Café is not touched
    assert lengths_in_minutes(result.proposal) == {"coffee": 17, "work": 38}
    assert result.proposal.still_late == ()


def test_accepting_the_proposal_brings_the_anchor_back_on_time() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:20")), Actual("cafe", at("09:20"))]
    first = replan(DAY, actuals, at("09:25"))
    lengths = accept({}, first.proposal)
    again = replan(DAY, actuals, at("09:25"), lengths)
    assert again.proposal is None
    assert again.projection.next_anchor.slack == 0
    lunch = next(b for b in again.projection.blocks if b.key == "lunch")
    assert (lunch.start, lunch.end) == (at("12:00"), at("13:00"))
    assert again.projection.behind == minutes(10)  # the running block itself is still late


def test_a_block_at_its_minimum_stops_there_and_the_others_take_the_rest() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:34")), Actual("cafe", at("09:34"))]
    proposal = replan(DAY, actuals, at("09:35")).proposal
    # 24 minutes in proportion would take 16.6 from Work, which can give only 15
    assert lengths_in_minutes(proposal) == {"coffee": 11, "work": 30}
    assert all(cut.after >= cut.minimum for cut in proposal.cuts)


def test_when_the_minimums_are_not_enough_the_anchor_is_not_moved_but_reported() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:50")), Actual("cafe", at("09:50"))]
    result = replan(DAY, actuals, at("09:55"))
    proposal = result.proposal
    assert lengths_in_minutes(proposal) == {"coffee": 10, "work": 30}
    assert [(a.key, a.slack / 60) for a in proposal.still_late] == [("lunch", -15), (None, -15)]
    assert all(
        cut.key not in ("lunch", "intro", "cafe", "35an", "closing") for cut in proposal.cuts
    )
    assert DAY.block("lunch").anchor == at("12:00")


def test_a_running_block_past_its_end_makes_the_day_late_from_now() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:10")), Actual("cafe", at("09:10"))]
    result = replan(DAY, actuals, at("11:05"))
    assert result.projection.current.end == at("11:05")
    assert result.projection.behind == minutes(10)
    assert lengths_in_minutes(result.proposal) == {"coffee": 17, "work": 38}


def test_ahead_of_plan_is_negative_and_an_anchor_still_waits() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:05"))]
    result = replan(DAY, actuals, at("09:05"))
    assert result.projection.behind == -minutes(5)
    assert result.proposal is None
    assert result.projection.next_anchor.slack == minutes(5)
    lunch = next(b for b in result.projection.blocks if b.key == "lunch")
    assert lunch.start == at("12:00")  # never earlier than its anchor


def test_between_blocks_the_next_one_starts_now_at_the_earliest() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:10"))]
    result = replan(DAY, actuals, at("09:30"))
    cafe = result.projection.coming[0]
    assert cafe.key == "cafe" and cafe.start == at("09:30")
    assert result.projection.behind == minutes(20)
    assert result.proposal is not None
    assert "cafe" in result.proposal.lengths  # not started yet, so it may be shortened


def test_late_after_the_last_anchor_with_nothing_flexible_left() -> None:
    actuals = [
        Actual("intro", at("09:00"), at("09:10")),
        Actual("cafe", at("09:10"), at("10:55")),
        Actual("coffee", at("10:55"), at("11:15")),
        Actual("work", at("11:15"), at("12:00")),
        Actual("lunch", at("12:00"), at("13:10")),
        Actual("35an", at("13:10")),
    ]
    result = replan(DAY, actuals, at("13:20"))
    assert result.proposal is None  # the closing may not be shortened
    assert result.projection.next_anchor.key is None
    assert result.projection.next_anchor.slack == -minutes(10)
    assert result.projection.day_end == at("14:10")


def test_less_than_a_minute_late_is_not_worth_a_proposal() -> None:
    actuals = [Actual("intro", at("09:00"), at("09:10") + 30), Actual("cafe", at("09:10") + 30)]
    assert replan(DAY, actuals, at("09:15")).proposal is None


def test_the_afternoon_makes_up_for_lateness_before_the_end_of_the_day() -> None:
    day = programme(
        item(60, "Lunch", id="lunch", at="12:00"),
        {"id": "cafe", "method": "world-cafe", "params": {"round_minutes": 10}, "min_minutes": 60},
        item(15, "Closing", id="closing"),
        start="12:00",
        end="14:30",
    )
    actuals = [Actual("lunch", at("12:00"), at("13:12"))]
    result = replan(day, actuals, at("13:12"))
    assert result.projection.next_anchor.key is None  # the end of the day
    assert result.projection.next_anchor.slack == -minutes(12)
    assert lengths_in_minutes(result.proposal) == {"cafe": 75 - 12}


@pytest.mark.parametrize(
    "actuals",
    [
        [Actual("cafe", at("09:10"))],  # intro never started
        [Actual("intro", at("09:00")), Actual("cafe", at("09:10"))],  # two running
        [Actual("nope", at("09:00"))],
    ],
)
def test_actuals_must_follow_the_programme(actuals) -> None:
    with pytest.raises(ValueError):
        replan(DAY, actuals, at("09:30"))


def test_share_cut_is_proportional_in_whole_minutes() -> None:
    cut = share_cut([("a", minutes(60), minutes(30)), ("b", minutes(30), minutes(15))], minutes(9))
    assert cut == {"a": minutes(54), "b": minutes(27)}
    assert share_cut([("a", minutes(60), minutes(60))], minutes(9)) == {}
    assert share_cut([("a", minutes(60), minutes(30))], minutes(90)) == {"a": minutes(30)}


def local_seconds(clock: FakeClock) -> float:
    wall = clock.time()
    return (wall + clock.utc_offset(wall)) % 86400


def test_a_runner_driven_by_a_fake_clock_keeps_lunch_at_noon() -> None:
    midnight = 1_780_000_000 - 1_780_000_000 % 86400
    clock = FakeClock(wall=midnight + at("09:00"))
    overruns = {"intro": 8, "cafe": 6}  # minutes each block runs over what it was given
    actuals: list[Actual] = []
    lengths: dict[str, float] = {}
    for key in ("intro", "cafe", "coffee", "work", "lunch"):
        result = replan(DAY, actuals, local_seconds(clock), lengths)
        if result.proposal is not None:
            lengths = accept(lengths, result.proposal)  # the facilitator presses the key
        start = max(local_seconds(clock), DAY.block(key).anchor or 0)
        clock.advance(start - local_seconds(clock))
        clock.advance(lengths.get(key, DAY.block(key).seconds) + minutes(overruns.get(key, 0)))
        actuals.append(Actual(key, start, local_seconds(clock)))
    # Before the World Café (8 min late): 105, 20 and 45 min give 5, 1 and 2 minutes.
    # Before the coffee (the café ran 6 min over): 19 and 43 min give 2 and 4 minutes.
    assert {k: v / 60 for k, v in lengths.items()} == {"cafe": 100, "coffee": 17, "work": 39}
    assert [(a.key, a.start, a.end) for a in actuals[-2:]] == [
        ("work", at("11:21"), at("12:00")),
        ("lunch", at("12:00"), at("13:00")),
    ]
