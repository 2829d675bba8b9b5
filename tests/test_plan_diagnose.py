"""What `plan check` finds: anchors that cannot be met, overlaps, gaps, the day's length."""

from __future__ import annotations

from facilitate.model.plan import Clock, Duration, diagnose

from plan_helpers import at, item, minutes, programme, track


def keyed(findings) -> list[tuple[str, str]]:
    return [(f.level, f.key) for f in findings]


def test_a_plan_that_fits_has_no_findings_and_says_how_long_the_day_is() -> None:
    prog = programme(
        item(30, "Coffee"),
        {"method": "world-cafe", "min_minutes": 80},
        item(60, "Lunch", at="11:45"),
        start="09:30",
        end="12:45",
    )
    findings, day = diagnose(prog)
    assert findings == []
    assert (day.start, day.end, day.target) == (at("09:30"), at("12:45"), at("12:45"))
    assert day.seconds == minutes(195) and day.busy == minutes(195) and day.gaps == 0
    assert day.flexible_room == minutes(105 - 80)


def test_running_past_an_anchor_is_an_overlap_that_names_both_blocks() -> None:
    work = item(100, "Work", flexible=True, min_minutes=60)
    prog = programme(work, item(60, "Lunch", at="12:00"), start="10:30")
    findings, _ = diagnose(prog)
    assert keyed(findings) == [("error", "plan.check.overlap")]
    finding = findings[0]
    assert finding.path == ("blocks", 1, "at")
    assert finding.params["other"].en == "Work" and finding.params["title"].en == "Lunch"
    assert finding.params["over"] == Duration(minutes(10))
    assert finding.params["other_end"] == Clock(at("12:10"))


def test_an_anchor_that_even_the_shortest_blocks_cannot_reach_cannot_be_met() -> None:
    prog = programme(
        item(130, "Fixed"),
        item(60, "Flexible", flexible=True, min_minutes=40),
        item(60, "Lunch", at="12:00"),
        start="09:30",
    )
    findings, _ = diagnose(prog)
    assert keyed(findings) == [("error", "plan.check.unmeetable")]
    assert findings[0].params["reach"] == Clock(at("12:20"))
    assert diagnose(programme(item(100, "Fixed"), item(60, "Lunch", at="10:30")))[0][0].key == (
        "plan.check.unmeetable"
    )


def test_an_overlap_that_shortening_could_fix_is_still_an_overlap() -> None:
    prog = programme(
        item(100, "Fixed"),
        item(60, "Flexible", flexible=True, min_minutes=20),
        item(60, "Lunch", at="12:00"),
        start="09:30",
    )
    findings, _ = diagnose(prog)
    assert keyed(findings) == [("error", "plan.check.overlap")]


def test_anchors_before_the_start_or_out_of_order_cannot_be_met() -> None:
    early = programme(item(30, "Coffee", at="08:30"), start="09:00")
    assert keyed(diagnose(early)[0]) == [("error", "plan.check.before_start")]
    swapped = programme(item(30, "Talk", at="11:00"), item(30, "Lunch", at="10:00"), start="09:00")
    findings = diagnose(swapped)[0]
    assert ("error", "plan.check.out_of_order") in keyed(findings)


def test_free_time_before_an_anchor_and_at_the_end_are_warnings() -> None:
    prog = programme(item(40, "Work"), item(60, "Lunch", at="12:00"), start="11:00", end="13:30")
    findings, day = diagnose(prog)
    assert keyed(findings) == [("warning", "plan.check.gap"), ("warning", "plan.check.end_gap")]
    assert findings[0].params["gap"] == Duration(minutes(20))
    assert findings[1].params["gap"] == Duration(minutes(30))
    assert day.gaps == minutes(50)


def test_running_past_the_end_of_the_day() -> None:
    over = programme(item(90, "Long", flexible=True, min_minutes=45), start="15:00", end="16:00")
    assert keyed(diagnose(over)[0]) == [("error", "plan.check.end_overlap")]
    never = programme(item(90, "Long"), start="15:00", end="16:00")
    assert keyed(diagnose(never)[0]) == [("error", "plan.check.end_unmeetable")]


def test_uneven_tracks_are_noted_and_a_room_used_twice_is_an_error() -> None:
    prog = programme(
        {
            "title": "Rooms",
            "parallel": [
                track("A", item(40, "A1"), room="Rum 1"),
                track("B", item(30, "B1"), room="Rum 1"),
            ],
        },
        start="13:30",
    )
    findings, _ = diagnose(prog)
    assert keyed(findings) == [
        ("error", "plan.check.room_twice"),
        ("info", "plan.check.track_shorter"),
    ]
    assert findings[1].params["less"] == Duration(minutes(10))
    assert findings[1].path == ("blocks", 0, "parallel", 1)
