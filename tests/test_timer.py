"""RoundTimer: deadline arithmetic with a fake clock (no sleeping, no real time)."""

from __future__ import annotations

import pytest

from facilitate.model.timer import (
    RoundTimer,
    parse_duration,
    parse_warnings,
    shown_seconds,
    to_next_shown_change,
    until_epoch,
)

from fakes import FakeClock


def started(seconds: float = 600.0, **kwargs) -> tuple[RoundTimer, FakeClock]:
    clock = FakeClock()
    timer = RoundTimer(seconds=seconds, **kwargs)
    timer.start(*clock.now())
    return timer, clock


def test_counts_down_from_the_deadline_not_from_ticks() -> None:
    timer, clock = started(600)
    clock.advance(12.25)
    assert timer.remaining(clock.mono) == pytest.approx(587.75)
    clock.advance(3600)
    assert timer.remaining(clock.mono) == pytest.approx(600 - 3612.25)


def test_pause_stops_the_clock_and_resume_reports_how_long() -> None:
    timer, clock = started(600)
    clock.advance(100)
    timer.pause(clock.mono)
    clock.advance(250)
    assert timer.remaining(clock.mono) == pytest.approx(500)
    assert timer.paused_for(clock.mono) == pytest.approx(250)
    assert timer.resume(clock.mono) == pytest.approx(250)
    clock.advance(20)
    assert timer.remaining(clock.mono) == pytest.approx(480)


def test_many_pauses_lose_no_time() -> None:
    timer, clock = started(600)
    for _ in range(500):
        clock.advance(0.3)
        timer.pause(clock.mono)
        clock.advance(7.0)
        timer.resume(clock.mono)
    assert timer.remaining(clock.mono) == pytest.approx(600 - 500 * 0.3)


def test_pause_twice_and_resume_twice_are_harmless() -> None:
    timer, clock = started(60)
    timer.pause(clock.mono)
    clock.advance(5)
    timer.pause(clock.mono)
    assert timer.paused_for(clock.mono) == pytest.approx(5)
    timer.resume(clock.mono)
    assert timer.resume(clock.mono) == 0.0
    assert timer.remaining(clock.mono) == pytest.approx(60)


def test_extend_moves_the_deadline_running_and_paused() -> None:
    timer, clock = started(300)
    clock.advance(100)
    assert timer.extend(60, clock.mono) == 60
    assert timer.remaining(clock.mono) == pytest.approx(260)
    timer.pause(clock.mono)
    timer.extend(120, clock.mono)
    clock.advance(50)
    assert timer.remaining(clock.mono) == pytest.approx(380)
    assert timer.total == pytest.approx(480)


def test_taking_time_away_stops_at_zero_and_not_in_overtime() -> None:
    timer, clock = started(90)
    clock.advance(50)
    assert timer.extend(-60, clock.mono) == pytest.approx(-40)
    assert timer.remaining(clock.mono) == pytest.approx(0)
    clock.advance(10)
    assert timer.extend(-60, clock.mono) == 0.0
    assert timer.remaining(clock.mono) == pytest.approx(-10)


def test_each_warning_fires_once_at_its_threshold() -> None:
    timer, clock = started(300, warnings=(120, 30))
    clock.advance(179.9)
    assert not timer.poll(*clock.now())
    clock.advance(0.1)
    assert timer.poll(*clock.now()).warnings == (120,)
    clock.advance(1)
    assert timer.poll(*clock.now()).warnings == ()
    clock.advance(89)
    assert timer.poll(*clock.now()).warnings == (30,)
    clock.advance(30)
    news = timer.poll(*clock.now())
    assert news.reached_zero and news.warnings == ()
    clock.advance(5)
    assert not timer.poll(*clock.now()).reached_zero


def test_a_late_poll_fires_every_warning_it_passed() -> None:
    timer, clock = started(300, warnings=(120, 30))
    clock.advance(295)
    news = timer.poll(*clock.now())
    assert news.warnings == (120, 30)
    assert not news.reached_zero
    clock.advance(10)
    assert timer.poll(*clock.now()).reached_zero


def test_extension_past_a_warning_arms_it_again() -> None:
    timer, clock = started(300, warnings=(120,))
    clock.advance(200)
    assert timer.poll(*clock.now()).warnings == (120,)
    timer.extend(60, clock.mono)  # 160 left
    clock.advance(39)
    assert timer.poll(*clock.now()).warnings == ()
    clock.advance(1)
    assert timer.poll(*clock.now()).warnings == (120,)


def test_minus_below_a_warning_fires_it() -> None:
    timer, clock = started(150, warnings=(120,))
    timer.extend(-60, clock.mono)
    assert timer.poll(*clock.now()).warnings == (120,)


def test_extending_in_overtime_ends_the_round_again_later() -> None:
    timer, clock = started(10, warnings=())
    clock.advance(12)
    assert timer.poll(*clock.now()).reached_zero
    timer.extend(60, clock.mono)
    clock.advance(57)
    assert not timer.poll(*clock.now()).reached_zero
    clock.advance(1)
    assert timer.poll(*clock.now()).reached_zero


def test_warnings_at_or_above_the_starting_time_never_fire() -> None:
    timer, clock = started(90, warnings=(120, 90, 30))
    clock.advance(61)
    assert timer.poll(*clock.now()).warnings == (30,)


def test_resume_part_way_keeps_warnings_already_passed_quiet() -> None:
    clock = FakeClock()
    timer = RoundTimer(seconds=600, warnings=(120, 30))
    timer.start(*clock.now(), remaining=100, paused=True)
    assert timer.paused and timer.remaining(clock.mono) == 100
    clock.advance(1000)
    assert timer.remaining(clock.mono) == 100
    timer.resume(clock.mono)
    clock.advance(70)
    assert timer.poll(*clock.now()).warnings == (30,)


def test_restart_gives_the_planned_time_and_rearms_warnings() -> None:
    timer, clock = started(200, warnings=(120,))
    clock.advance(150)
    timer.poll(*clock.now())
    timer.extend(60, clock.mono)
    timer.restart(*clock.now())
    assert timer.remaining(clock.mono) == pytest.approx(200)
    assert timer.total == pytest.approx(200)
    clock.advance(80)
    assert timer.poll(*clock.now()).warnings == (120,)


def test_restart_keeps_a_pause() -> None:
    timer, clock = started(200)
    clock.advance(50)
    timer.pause(clock.mono)
    timer.restart(*clock.now())
    clock.advance(30)
    assert timer.paused and timer.remaining(clock.mono) == pytest.approx(200)


def test_level_and_progress() -> None:
    timer, clock = started(300, warnings=(120, 30))
    assert timer.level(clock.mono) == 0 and timer.progress(clock.mono) == 0
    clock.advance(150)
    assert timer.level(clock.mono) == 0 and timer.progress(clock.mono) == pytest.approx(0.5)
    clock.advance(30)
    assert timer.level(clock.mono) == 1
    clock.advance(90)
    assert timer.level(clock.mono) == 2
    clock.advance(30)
    assert timer.level(clock.mono) == 3 and timer.progress(clock.mono) == 1


# -- the laptop sleeps ------------------------------------------------------------------------


def test_after_a_sleep_the_round_follows_the_wall_clock() -> None:
    timer, clock = started(1200)
    clock.advance(100)
    timer.poll(*clock.now())
    clock.suspend(300)  # lid closed for five minutes: monotonic stood still
    clock.advance(0.5)
    news = timer.poll(*clock.now())
    assert news.clock_jump == pytest.approx(300)
    assert timer.remaining(clock.mono) == pytest.approx(1200 - 400.5)


def test_a_sleep_past_the_end_fires_warnings_and_the_end_at_once() -> None:
    timer, clock = started(300, warnings=(120, 30))
    clock.suspend(400)
    clock.advance(1)
    news = timer.poll(*clock.now())
    assert news.warnings == (120, 30) and news.reached_zero
    assert timer.remaining(clock.mono) == pytest.approx(-101)


def test_small_differences_between_the_clocks_are_ignored() -> None:
    timer, clock = started(300)
    clock.advance(1)
    clock.step_wall(1.5)
    assert timer.poll(*clock.now()).clock_jump is None
    assert timer.remaining(clock.mono) == pytest.approx(299)


def test_a_paused_round_is_not_moved_by_a_sleep() -> None:
    timer, clock = started(300)
    timer.pause(clock.mono)
    clock.suspend(600)
    assert timer.poll(*clock.now()).clock_jump is None
    assert timer.remaining(clock.mono) == pytest.approx(300)


def test_a_wall_clock_set_back_gives_no_time_back() -> None:
    timer, clock = started(300)
    clock.advance(10)
    clock.step_wall(-3600)
    assert timer.poll(*clock.now()).clock_jump is None
    assert timer.remaining(clock.mono) == pytest.approx(290)


# -- until HH:MM ------------------------------------------------------------------------------


def test_until_targets_the_wall_clock_and_pause_does_not_move_it() -> None:
    clock = FakeClock(wall=12 * 3600 + 10 * 60)  # 12:10 UTC on day 0
    target = until_epoch("12:30", clock.wall)
    timer = RoundTimer(until_wall=target, warnings=(120,))
    assert timer.start(*clock.now()) == pytest.approx(1200)
    clock.advance(100)
    timer.pause(clock.mono)
    clock.advance(500)
    timer.resume(clock.mono)
    assert timer.remaining(clock.mono) == pytest.approx(600)
    timer.extend(60, clock.mono)
    assert timer.until_wall == pytest.approx(target + 60)
    assert timer.remaining(clock.mono) == pytest.approx(660)


def test_until_follows_the_wall_clock_after_a_sleep() -> None:
    clock = FakeClock(wall=12 * 3600)
    timer = RoundTimer(until_wall=until_epoch("12:30", clock.wall))
    timer.start(*clock.now())
    clock.suspend(600)
    news = timer.poll(*clock.now())
    assert news.clock_jump == pytest.approx(600)
    assert timer.remaining(clock.mono) == pytest.approx(1200)


def test_until_in_rehearsal_is_the_time_left_to_it_sped_up() -> None:
    clock = FakeClock(wall=12 * 3600)
    timer = RoundTimer(until_wall=until_epoch("12:30", clock.wall), speed=60)
    assert timer.start(*clock.now()) == pytest.approx(1800)
    clock.advance(10)
    assert timer.remaining(clock.mono) == pytest.approx(1200)


def test_until_epoch_picks_the_nearest_day_and_the_local_zone() -> None:
    assert until_epoch("00:10", 23 * 3600 + 50 * 60) == pytest.approx(86400 + 600)
    assert until_epoch("23:50", 86400 + 600) == pytest.approx(86400 - 600)
    assert until_epoch("12:30", 11 * 3600, utc_offset=3600) == pytest.approx(11.5 * 3600)
    with pytest.raises(ValueError):
        until_epoch("25:00", 0)


# -- rehearsal speed --------------------------------------------------------------------------


def test_speed_runs_the_round_n_times_faster() -> None:
    timer, clock = started(1200, speed=60, warnings=(120,))
    clock.advance(10)
    assert timer.remaining(clock.mono) == pytest.approx(600)
    assert timer.next_change_in(clock.mono) == pytest.approx(1 / 60)
    assert timer.next_event_in(clock.mono) == pytest.approx(8)
    timer.extend(60, clock.mono)
    assert timer.remaining(clock.mono) == pytest.approx(660)


# -- what the loop waits for ------------------------------------------------------------------


def test_next_change_is_the_next_shown_second() -> None:
    timer, clock = started(10)
    assert timer.next_change_in(clock.mono) == pytest.approx(1)
    clock.advance(0.3)
    assert timer.next_change_in(clock.mono) == pytest.approx(0.7)
    timer.pause(clock.mono)
    assert timer.next_change_in(clock.mono) is None
    assert timer.next_event_in(clock.mono) is None


def test_next_event_is_the_nearest_warning_or_the_end() -> None:
    timer, clock = started(100, warnings=(30,))
    assert timer.next_event_in(clock.mono) == pytest.approx(70)
    clock.advance(70)
    timer.poll(*clock.now())
    assert timer.next_event_in(clock.mono) == pytest.approx(30)
    clock.advance(31)
    timer.poll(*clock.now())
    assert timer.next_event_in(clock.mono) is None


@pytest.mark.parametrize(
    ("remaining", "shown"),
    [(600, (600, False)), (4.2, (5, False)), (0.01, (1, False)), (0, (0, True)), (-3.7, (3, True))],
)
def test_shown_seconds(remaining: float, shown: tuple[int, bool]) -> None:
    assert shown_seconds(remaining) == shown


def test_to_next_shown_change_in_overtime() -> None:
    assert to_next_shown_change(-0.25) == pytest.approx(0.75)
    assert to_next_shown_change(0.0) == pytest.approx(1.0)


# -- parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("10m", 600),
        ("90s", 90),
        ("1h30m", 5400),
        ("2m30s", 150),
        ("5:00", 300),
        ("10", 600),
        ("1.5m", 90),
        ("2 min", 120),
        ("1h", 3600),
    ],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "0", "-5m", "10x", "m", "1:75"])
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_parse_warnings() -> None:
    assert parse_warnings("2m,30s") == (120, 30)
    assert parse_warnings("30, 2m") == (120, 30)
    assert parse_warnings("none") == ()
    with pytest.raises(ValueError):
        parse_warnings("soon")
