"""The `plan` commands as a facilitator uses them: list, show, check, new, export, schema."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import icalendar
import pytest

from cli_helpers import run_cli

DATA = Path(__file__).resolve().parent / "data"
SEED = Path("/work/shared/seeds")
PROGRAMME_LINE = re.compile(r"^(\d\d[.:]\d\d–\d\d[.:]\d\d)\s+(\S.*?)\s*$")
WIDE = {"COLUMNS": "220"}


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder with an empty user config dir."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def programme_lines(text: str) -> list[tuple[str, str]]:
    """(time range, title) of every line that starts with one, as a printed programme has."""
    return [m.groups() for line in text.splitlines() if (m := PROGRAMME_LINE.match(line))]


def write_plan(folder: Path, name: str, body: str, start: str = "09:00") -> Path:
    path = folder / "plans" / f"{name}.yaml"
    path.parent.mkdir(exist_ok=True)
    head = f"schema_version: 1\nid: {name}\ntitle: {name}\nstart: '{start}'\n"
    path.write_text(head + body, encoding="utf-8")
    return path


def test_the_programme_copy_in_the_tests_is_the_seeds() -> None:
    seed = next(SEED.glob("000_*.txt"), None)
    if seed is None:
        pytest.skip("the seed documents are not on this machine")
    assert DATA.joinpath("mer_for_fler_programme.txt").read_text(encoding="utf-8").strip() in (
        seed.read_text(encoding="utf-8")
    )


def test_plan_show_prints_exactly_the_clock_times_of_the_printed_programme() -> None:
    printed = programme_lines(DATA.joinpath("mer_for_fler_programme.txt").read_text("utf-8"))
    assert len(printed) == 12 and printed[0] == ("09.30–10.00", "Kaffe")
    result = run_cli(["--lang", "sv", "plan", "show", "mer-for-fler"], env=WIDE)
    assert result.exit_code == 0, result.stderr
    shown = programme_lines(result.stdout)
    assert [times for times, _ in shown] == [times for times, _ in printed]
    for (_, title), (_, seed_title) in zip(shown, printed, strict=True):
        assert seed_title.startswith(title), (title, seed_title)
    assert "Dagen: 09.30–16.00 (6 tim 30 min)" in result.stdout


def test_plan_show_in_english_uses_colons_and_english_titles() -> None:
    result = run_cli(["plan", "show", "mer-for-fler"], env=WIDE)
    shown = programme_lines(result.stdout)
    assert shown[0] == ("09:30–10:00", "Coffee") and shown[-1] == ("15:45–16:00", "Closing")
    assert "Rum 2" in result.stdout and "fixed time" in result.stdout


def test_plan_show_steps_gives_every_step_and_round_its_time() -> None:
    result = run_cli(["--lang", "sv", "plan", "show", "eslov-dag", "--steps"], env=WIDE)
    assert result.exit_code == 0, result.stderr
    assert "13.00–14.45  World Café" in result.stdout
    assert re.search(r"13\.15–13\.35  Caférunda \(runda 1/3\): Hur kan vi få fler", result.stdout)
    assert "14.15–14.45  Gemensam skörd" in result.stdout
    assert "10.00–10.22  Berättelsen" in result.stdout
    plain = run_cli(["--lang", "sv", "plan", "show", "eslov-dag"], env=WIDE).stdout
    assert "runda 1/3" not in plain and "Berättelsen" not in plain
    stories = [line.strip() for line in plain.splitlines() if re.match(r"^\s+[1-5]\. ", line)]
    assert [s.split()[1].rstrip(":,") for s in stories[:5]] == [
        "Trelleborg",
        "Svalöv",
        "Röda",
        "Röstånga",
        "AlltMöjligt",
    ]


def test_plan_show_json_has_every_block_with_its_times() -> None:
    result = run_cli(["plan", "show", "mer-for-fler", "--json"])
    data = json.loads(result.stdout)
    top = [b for b in data["blocks"] if b["depth"] == 0]
    assert [(b["start"], b["end"]) for b in top][:2] == [("09:30", "10:00"), ("10:00", "10:15")]
    lunch = next(b for b in top if b["key"] == "lunch")
    assert lunch["fixed"] and not lunch["flexible"]
    assert sum(1 for b in data["blocks"] if b.get("room") == "Rum 1") == 2


def test_plan_list_shows_the_bundled_plans_and_json_for_scripts() -> None:
    result = run_cli(["plan", "list"], env=WIDE)
    assert result.exit_code == 0
    assert "eslov-dag" in result.stdout and "2014-03-11" in result.stdout
    assert "09:30–16:00" in result.stdout
    data = {p["id"]: p for p in json.loads(run_cli(["plan", "list", "--json"]).stdout)}
    assert data["eslov-dag"]["start"] == "09:00" and data["eslov-dag"]["end"] == "15:30"
    assert data["mer-for-fler"]["blocks"] == 12


def test_a_broken_plan_is_skipped_in_the_list_with_where_it_is_broken(tmp_path: Path) -> None:
    write_plan(tmp_path, "broken", "blocks:\n  - {item: coffee, minuts: 30, title: K}\n")
    result = run_cli(["plan", "list"])
    assert result.exit_code == 0
    assert "warning: skipped plans/broken.yaml:6:20: blocks[0].minuts" in result.stderr


def test_plan_check_passes_the_bundled_plans_and_gives_the_days_length() -> None:
    result = run_cli(["plan", "check", "mer-for-fler", "eslov-dag"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "the day 09:30–16:00 (6 h 30 min): 6 h 30 min of blocks, 0 min free" in result.stdout
    assert "OK  " in result.stdout


def test_plan_check_reports_an_anchor_that_cannot_be_met_and_exits_2(tmp_path: Path) -> None:
    write_plan(
        tmp_path,
        "late",
        "end: '13:00'\nblocks:\n  - {item: talk, title: Keynote, minutes: 200}\n"
        "  - {item: lunch, title: Lunch, minutes: 60, at: '12:00'}\n",
    )
    result = run_cli(["plan", "check", "plans/late.yaml"])
    assert result.exit_code == 2
    assert (
        "plans/late.yaml:8:50: blocks[1].at: Lunch at 12:00 cannot be met: even with every "
        "block before it at its shortest the day reaches 12:20"
    ) in result.stderr
    assert "plans/late.yaml:5:6: end: the end at 13:00 cannot be met" in result.stderr
    assert "late.yaml: 2 error(s), 0 warning(s)" in result.stderr


def test_plan_check_reports_overlaps_and_gaps(tmp_path: Path) -> None:
    write_plan(
        tmp_path,
        "tight",
        "blocks:\n  - {method: world-cafe}\n"
        "  - {item: lunch, title: Lunch, minutes: 60, at: '10:30'}\n"
        "  - {item: talk, title: Talk, minutes: 20}\n"
        "  - {item: closing, title: End, minutes: 10, at: '12:30'}\n",
    )
    result = run_cli(["plan", "check", "tight"])
    assert result.exit_code == 2
    assert (
        "blocks[1].at: World Café (09:00–10:45) overlaps Lunch at 10:30 by 15 min" in result.stderr
    )
    assert "blocks[3].at: warning: 25 min free before End (12:05–12:30)" in result.stderr
    assert "the flexible blocks can give back 52 min" in result.stdout


def test_plan_check_with_a_gap_only_warns_and_exits_0(tmp_path: Path) -> None:
    write_plan(
        tmp_path,
        "gap",
        "blocks:\n  - {item: talk, title: Talk, minutes: 20}\n"
        "  - {item: lunch, title: Lunch, minutes: 60, at: '12:00'}\n",
        start="11:00",
    )
    result = run_cli(["plan", "check", "gap"])
    assert result.exit_code == 0
    assert "plans/gap.yaml:7:50: blocks[1].at: warning: 40 min free before Lunch (11:20–12:00)" in (
        result.stderr
    )
    assert "OK  plans/gap.yaml" in result.stdout


def test_plan_check_in_swedish(tmp_path: Path) -> None:
    write_plan(
        tmp_path,
        "sen",
        "blocks:\n  - {item: talk, title: Föredrag, minutes: 200}\n"
        "  - {item: lunch, title: Lunch, minutes: 60, at: '12:00'}\n",
    )
    result = run_cli(["--lang", "sv", "plan", "check", "sen"])
    assert result.exit_code == 2
    assert "Lunch kl. 12.00 går inte att hålla" in result.stderr
    assert "1 fel, 0 varning(ar)" in result.stderr


def test_plan_check_of_a_file_with_problems_lists_them_all_and_exits_2(tmp_path: Path) -> None:
    write_plan(
        tmp_path, "bad", "blocks:\n  - {method: world-cafee}\n  - {item: coffee, minutes: 5}\n"
    )
    result = run_cli(["plan", "check", "plans/bad.yaml"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "plans/bad.yaml:6:14: blocks[0].method: unknown method 'world-cafee' (did you mean "
        "'world-cafe'?)",
        "plans/bad.yaml:7:5: blocks[1].title: this block needs a title",
    ]
    assert "Traceback" not in result.stderr


def test_plan_show_of_an_unknown_plan_gives_a_hint_and_exits_2() -> None:
    result = run_cli(["plan", "show", "mer-for-fle"])
    assert result.exit_code == 2
    assert "unknown plan 'mer-for-fle' (did you mean 'mer-for-fler'?)" in result.stderr


def test_plan_new_with_flags_writes_a_plan_that_checks(tmp_path: Path) -> None:
    result = run_cli(
        [
            "plan", "new", "var-dag", "--title", "Vår dag", "--date", "2026-05-12",
            "--start", "09:00", "--end", "13:30", "--place", "Lund", "--block", "coffee:30",
            "--block", "world-cafe", "--block", "lunch:60@12:00", "--block", "talk:15=Avslut",
        ]
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Wrote plans/var-dag.yaml" in result.stdout
    shown = run_cli(["plan", "show", "var-dag"], env=WIDE)
    assert programme_lines(shown.stdout) == [
        ("09:00–09:30", "Coffee"),
        ("09:30–11:15", "World Café"),
        ("12:00–13:00", "Lunch"),
        ("13:00–13:15", "Avslut"),
    ]
    checked = run_cli(["plan", "check", "var-dag"])
    assert checked.exit_code == 0
    assert "45 min free before Lunch" in checked.stderr
    assert "15 min free at the end" in checked.stderr


def test_plan_new_without_blocks_writes_an_example_day(tmp_path: Path) -> None:
    assert run_cli(["plan", "new", "my-day"]).exit_code == 0
    text = (tmp_path / "plans" / "my-day.yaml").read_text(encoding="utf-8")
    assert "method: world-cafe" in text and 'at: "12:00"' in text
    assert run_cli(["plan", "check", "my-day"]).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--block", "coffe:30"], "'coffe' is neither an item"),
        (["--block", "coffee:abc"], "expected KIND[:MINUTES][@HH:MM][=TITLE]"),
        (["--block", "lunch:60@25:00"], "expected KIND[:MINUTES][@HH:MM][=TITLE]"),
        (["--start", "9"], "--start 9: expected a clock time HH:MM"),
        (["--date", "12/5"], "--date 12/5: expected a date YYYY-MM-DD"),
        (["--block", "talk:300", "--block", "lunch:60@10:00"], None),
    ],
)
def test_plan_new_refuses_bad_flags_and_writes_nothing(
    tmp_path: Path, args: list[str], message: str | None
) -> None:
    result = run_cli(["plan", "new", "day", *args])
    if message is None:  # a plan that is valid YAML but whose anchor cannot be met is written
        assert result.exit_code == 0
        assert run_cli(["plan", "check", "day"]).exit_code == 2
        return
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "plans" / "day.yaml").exists()


def test_plan_new_does_not_overwrite_without_force(tmp_path: Path) -> None:
    assert run_cli(["plan", "new", "day"]).exit_code == 0
    again = run_cli(["plan", "new", "day"])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert run_cli(["plan", "new", "day", "--force", "--block", "coffee"]).exit_code == 0
    assert "item: coffee" in (tmp_path / "plans" / "day.yaml").read_text(encoding="utf-8")


def test_plan_new_refuses_a_bad_id() -> None:
    result = run_cli(["plan", "new", "Min Dag"])
    assert result.exit_code == 2 and "is not a valid id" in result.stderr


def read_calendar(text: str) -> list[tuple[str, dt.datetime, dt.datetime]]:
    calendar = icalendar.Calendar.from_ical(text)
    return [
        (str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in calendar.walk("VEVENT")
    ]


def test_the_ics_export_is_read_back_with_the_programmes_local_times(tmp_path: Path) -> None:
    result = run_cli(["plan", "export", "eslov-dag", "--format", "ics", "--out", "eslov.ics"])
    assert result.exit_code == 0, result.stderr
    assert "Wrote eslov.ics" in result.stdout
    events = read_calendar((tmp_path / "eslov.ics").read_text(encoding="utf-8"))
    summary, start, end = events[0]
    assert summary == "Kaffe och registrering"
    assert (start.isoformat(), end.isoformat()) == (
        "2014-03-11T09:00:00+01:00",
        "2014-03-11T09:30:00+01:00",
    )
    assert start.tzinfo is not None and str(start.tzinfo) in ("Europe/Stockholm", "CET")
    cafe = next(e for e in events if e[0] == "World Café")
    assert (cafe[1].hour, cafe[1].minute, cafe[2].hour, cafe[2].minute) == (13, 0, 14, 45)
    assert len(events) == 8


def test_the_ics_export_of_a_summer_day_uses_summer_time_and_one_event_per_track() -> None:
    result = run_cli(["plan", "export", "mer-for-fler", "--format", "ics", "--date", "2018-06-14"])
    assert result.exit_code == 0, result.stderr
    events = read_calendar(result.stdout)
    assert events[0][1].isoformat() == "2018-06-14T09:30:00+02:00"
    seminars = [e for e in events if e[0].startswith("Miniseminarium")]
    assert len(seminars) == 6
    assert {e[1].strftime("%H:%M") for e in seminars} == {"11:50", "13:30"}
    assert events[-1][0] == "Avslutning" and events[-1][2].strftime("%H:%M") == "16:00"
    calendar = icalendar.Calendar.from_ical(result.stdout)
    rooms = {str(e["LOCATION"]) for e in calendar.walk("VEVENT") if "LOCATION" in e}
    assert "Rum 2, Stockholm" in rooms


def test_the_ics_export_needs_a_date() -> None:
    result = run_cli(["plan", "export", "mer-for-fler", "--format", "ics"])
    assert result.exit_code == 2
    assert "mer-for-fler has no date: give --date YYYY-MM-DD" in result.stderr
    bad = run_cli(["plan", "export", "mer-for-fler", "--format", "ics", "--date", "14 juni"])
    assert bad.exit_code == 2 and "--date 14 juni" in bad.stderr


def test_markdown_and_html_exports_in_the_plans_language(tmp_path: Path) -> None:
    md = run_cli(["plan", "export", "mer-for-fler", "--format", "md"])
    assert md.exit_code == 0
    assert "| 09.30–10.00 | **Kaffe** |" in md.stdout
    assert "## Program" in md.stdout and "**Dagen: 09.30–16.00 (6 tim 30 min)**" in md.stdout
    html = run_cli(["plan", "export", "eslov-dag", "--format", "html", "--out", "day.html"])
    assert html.exit_code == 0
    page = (tmp_path / "day.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="sv">' in page
    assert '<td class="time">12.00–13.00</td><td><strong>Lunch</strong>' in page
    steps = run_cli(["plan", "export", "eslov-dag", "--format", "md", "--steps"])
    assert "Hur kan vi få fler att bli engagerade" in steps.stdout


def test_an_unknown_export_format_exits_2() -> None:
    result = run_cli(["plan", "export", "eslov-dag", "--format", "pdf"])
    assert result.exit_code == 2 and "unknown format 'pdf'" in result.stderr


def test_plan_schema_describes_plan_files() -> None:
    result = run_cli(["plan", "schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "facilitate plan"
    assert {"blocks", "start", "end", "date", "timezone"} <= set(schema["properties"])
    block = schema["$defs"]["Block"]["properties"]
    assert {"method", "item", "parallel", "at", "flexible", "min_minutes", "params"} <= set(block)


@pytest.mark.parametrize(
    ("lang", "spec"),
    [("en", "KIND[:MINUTES][@HH:MM][=TITLE]"), ("sv", "SORT[:MINUTER][@TT:MM][=TITEL]")],
)
def test_plan_new_help_shows_the_block_syntax_whole(lang: str, spec: str) -> None:
    result = run_cli(["--lang", lang, "plan", "new", "--help"], env=WIDE)
    assert spec in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_plan_path_that_is_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_cli(["plan", "show", "pipe.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: pipe.yaml:") and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("flag", ["--title", "--place"])
def test_plan_new_refuses_control_characters_in_what_is_typed(tmp_path: Path, flag: str) -> None:
    result = run_cli(["plan", "new", "day", flag, "Dag\x1b]0;pwned\x07"])
    assert result.exit_code == 2
    assert "U+001B" in result.stderr and "\x1b" not in result.stderr
    assert not (tmp_path / "plans" / "day.yaml").exists()
