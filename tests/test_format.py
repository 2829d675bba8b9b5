"""One style for clock times and durations, wherever they are shown."""

from __future__ import annotations

import pytest

from facilitate.ui.format import format_clock, format_duration, format_minutes, format_signed


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "00:00"), (59.6, "01:00"), (60, "01:00"), (750, "12:30"), (3725, "1:02:05")],
)
def test_clock_is_minutes_and_seconds_then_hours(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown


def test_durations_show_overtime_and_a_missing_value() -> None:
    assert format_duration(372) == "06:12"
    assert format_duration(-12) == "-00:12"
    assert format_duration(-0.2) == "00:00"  # rounds to nothing: no sign
    assert format_duration(None) == "–"


def test_changes_of_time_are_signed() -> None:
    assert (format_signed(60), format_signed(-90)) == ("+01:00", "-01:30")


@pytest.mark.parametrize(
    ("seconds", "shown"), [(45, "45 s"), (600, "10 min"), (90, "1:30 min"), (3600, "60 min")]
)
def test_minutes_for_humans(seconds: float, shown: str) -> None:
    assert format_minutes(seconds) == shown
