"""Plan files: found like methods, validated with file:line:col: field: message and hints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitate.errors import InvalidFileError, NotFoundError
from facilitate.library.plan_parse import parse_plan
from facilitate.library.plans import find_plan, load_plans
from facilitate.model.plan import lay_out

from plan_helpers import METHODS, at

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
HEAD = "schema_version: 1\nid: day\ntitle: Day\nstart: '09:00'\n"


def problems(text: str) -> list[str]:
    with pytest.raises(InvalidFileError) as caught:
        parse_plan(text, "plans/day.yaml", METHODS)
    return caught.value.lines()


def env_for(tmp_path: Path) -> dict[str, str]:
    return {"FACILITATE_CONFIG_DIR": str(tmp_path / "config")}


def test_the_bundled_plans_load_from_the_repository(tmp_path: Path) -> None:
    library = load_plans(tmp_path, env_for(tmp_path))
    assert library.problems == []
    assert {"eslov-dag", "mer-for-fler"} <= set(library.plans)
    shipped = {p.stem for p in (ROOT / "plans").glob("*.yaml")}
    assert {k for k, p in library.plans.items() if p.origin == "bundled"} == shipped


def test_the_eslov_day_has_the_stories_the_methods_and_the_questions_of_the_documentation(
    tmp_path: Path,
) -> None:
    day = find_plan("eslov-dag", cwd=tmp_path, env=env_for(tmp_path)).programme
    assert day.date is not None and day.date.isoformat() == "2014-03-11"
    methods = [b.method_id for b in day.blocks if b.kind == "method"]
    assert methods == ["storytelling-harvesting", "35an", "world-cafe"]
    stories = [s.sv for s in day.block("storytelling").values["stories"]]
    for teller in ("Trelleborg", "Svalöv", "Röda Korset", "Röstånga tillsammans", "AlltMöjligt"):
        assert sum(teller in story for story in stories) == 1, teller
    questions = [q.sv for q in day.block("world-cafe").values["questions"]]
    seed = next(SEEDS.glob("004_*.txt"), None)
    if seed is not None:
        text = " ".join(seed.read_text(encoding="utf-8").split())
        for n, question in enumerate(questions, start=1):
            assert f"{n}. {question}" in text
    assert len(questions) == 3
    kinds = [b.kind for b in day.blocks]
    assert "coffee" in kinds and "lunch" in kinds


def test_a_project_plan_replaces_a_bundled_one_and_a_user_plan_is_found(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "eslov-dag.yaml").write_text(
        HEAD.replace("id: day", "id: eslov-dag")
        + "blocks:\n  - {item: coffee, title: K, minutes: 5}\n",
        encoding="utf-8",
    )
    user = tmp_path / "config" / "plans"
    user.mkdir(parents=True)
    (user / "mine.yaml").write_text(
        HEAD.replace("id: day", "id: mine") + "blocks:\n  - {item: talk, title: T, minutes: 5}\n",
        encoding="utf-8",
    )
    library = load_plans(tmp_path, env_for(tmp_path))
    assert library.plans["eslov-dag"].origin == "project"
    assert [p.origin for p in library.overridden["eslov-dag"]] == ["bundled"]
    assert library.plans["mine"].origin == "user"


def test_a_plan_is_found_by_its_path_too(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere.yaml"
    path.write_text(HEAD + "blocks:\n  - {item: coffee, title: K, minutes: 5}\n", encoding="utf-8")
    loaded = find_plan(str(path), cwd=tmp_path, env=env_for(tmp_path))
    assert loaded.origin == "file" and loaded.plan.id == "day"


def test_an_unknown_plan_gets_a_hint(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="did you mean 'eslov-dag'"):
        find_plan("eslov-dga", cwd=tmp_path, env=env_for(tmp_path))


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [("at", "12:30", at("12:30")), ("at", "12.30", at("12:30")), ("at", "'09:05'", at("09:05"))],
)
def test_clock_times_may_be_written_unquoted(field: str, value: str, expected: float) -> None:
    text = HEAD + f"blocks:\n  - {{item: lunch, title: L, minutes: 60, {field}: {value}}}\n"
    _, programme, _ = parse_plan(text, "day.yaml", METHODS)
    assert programme.blocks[0].anchor == expected
    assert lay_out(programme)[0].start == expected


def test_start_and_end_unquoted_as_yaml_would_misread_them() -> None:
    text = "schema_version: 1\nid: d\ntitle: D\nstart: 10:00\nend: 15.45\nblocks:\n"
    text += "  - {item: talk, title: T, minutes: 30}\n"
    _, programme, _ = parse_plan(text, "day.yaml", METHODS)
    assert (programme.start, programme.end) == (at("10:00"), at("15:45"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "titel: Day\n",
            "plans/day.yaml:5:1: titel: unknown key 'titel' (did you mean 'title'?)",
        ),
        (
            "blocks:\n  - {item: coffee, title: K, minuts: 30}\n",
            "plans/day.yaml:6:30: blocks[0].minuts: unknown key 'minuts' (did you mean 'minutes'?)",
        ),
        (
            "blocks:\n  - {item: coffee, title: K, minutes: 30, at: 1230}\n",
            "plans/day.yaml:6:47: blocks[0].at: expected a clock time such as '09:30' or '09.30'",
        ),
        (
            "blocks:\n  - {item: coffe, title: K, minutes: 30}\n",
            "plans/day.yaml:6:12: blocks[0].item: expected one of 'welcome', 'talk', "
            "'presentation', 'panel', 'coffee', 'lunch', 'break', 'closing' or 'other', "
            "got 'coffe'",
        ),
        (
            "blocks:\n  - method: world-cafee\n",
            "plans/day.yaml:6:13: blocks[0].method: unknown method 'world-cafee' "
            "(did you mean 'world-cafe'?)",
        ),
        (
            "blocks:\n  - method: world-cafe\n    params: {questons: [A]}\n",
            "plans/day.yaml:7:24: blocks[0].params.questons: the method has no parameter "
            "'questons' (did you mean 'questions'?)",
        ),
        (
            "blocks:\n  - method: world-cafe\n    params: {round_minutes: 90}\n",
            "plans/day.yaml:7:29: blocks[0].params.round_minutes: 90 is out of range: "
            "expected 10 to 45",
        ),
        (
            "blocks:\n  - method: world-cafe\n    params: {questions: 3}\n",
            "plans/day.yaml:7:25: blocks[0].params.questions: expected a non-empty list of texts",
        ),
        (
            "blocks:\n  - method: world-cafe\n    min_minutes: 200\n",
            "plans/day.yaml:7:18: blocks[0].min_minutes: min_minutes (200) is longer than the "
            "block (105 min)",
        ),
        (
            "blocks:\n  - {item: coffee, title: K, minutes: 30, min_minutes: 10}\n",
            "plans/day.yaml:6:56: blocks[0].min_minutes: min_minutes applies only to a block "
            "that may be shortened (flexible: true)",
        ),
        (
            "blocks:\n  - {item: coffee, method: 35an, title: K}\n",
            "plans/day.yaml:6:5: blocks[0]: a block needs exactly one of method, item or parallel",
        ),
        (
            "blocks:\n  - {item: coffee, minutes: 30}\n",
            "plans/day.yaml:6:5: blocks[0].title: this block needs a title",
        ),
        (
            "blocks:\n  - title: P\n    parallel:\n      - title: A\n        blocks:\n"
            "          - {item: talk, title: T, minutes: 20, at: '10:00'}\n",
            "plans/day.yaml:10:53: blocks[0].parallel[0].blocks[0].at: a block inside a track "
            "cannot have a fixed time: give the parallel block one",
        ),
        (
            "timezone: Europe/Stockhlm\nblocks:\n  - {item: talk, title: T, minutes: 20}\n",
            "plans/day.yaml:5:11: timezone: unknown time zone 'Europe/Stockhlm' "
            "(did you mean 'Europe/Stockholm'?)",
        ),
        (
            "date: 11 mars 2014\nblocks:\n  - {item: talk, title: T, minutes: 20}\n",
            "plans/day.yaml:5:7: date: expected a date YYYY-MM-DD, e.g. 2014-03-11",
        ),
        (
            "date: 2014-13-11\nblocks:\n  - {item: talk, title: T, minutes: 20}\n",
            "plans/day.yaml:5:7: date: expected a date YYYY-MM-DD, e.g. 2014-03-11",
        ),
        (
            'blocks:\n  - {item: talk, title: T, minutes: 20, presenter: "Anna\\e[2J"}\n',
            "plans/day.yaml:6:52: blocks[0].presenter: control character U+001B (ESC) in the "
            "text: plan texts may not hold control characters",
        ),
        (
            'blocks:\n  - method: world-cafe\n    params: {questions: ["A\\e]0;x\\a"]}\n',
            "plans/day.yaml:7:25: blocks[0].params.questions: control character U+001B (ESC) in "
            "the text: plan texts may not hold control characters",
        ),
        (
            "blocks:\n  - {item: talk, title: T, minutes: .inf}\n",
            "plans/day.yaml:6:37: blocks[0].minutes: expected a finite number, got inf",
        ),
    ],
)
def test_every_problem_names_file_line_column_and_field(body: str, expected: str) -> None:
    assert expected in problems(HEAD + body)


def test_a_misspelt_key_within_parallel_tracks_gets_its_hint() -> None:
    body = (
        "blocks:\n  - item: talk\n    minutes: 10\n    title: T\n"
        "  - parallel:\n      - title: A\n        rom: Aulan\n        blocks:\n"
        "          - {item: talk, title: T, minuts: 20}\n"
    )
    lines = problems(HEAD + body)
    assert lines == [
        "plans/day.yaml:11:9: blocks[1].parallel[0].rom: unknown key 'rom' (did you mean 'room'?)",
        "plans/day.yaml:13:36: blocks[1].parallel[0].blocks[0].minuts: unknown key 'minuts' "
        "(did you mean 'minutes'?)",
    ]


def test_a_misspelt_required_key_is_one_problem_not_two() -> None:
    lines = problems("schema_version: 1\nid: day\ntitel: Day\nstart: '09:00'\nblocks: []\n")
    assert not any("title: missing" in line for line in lines)
    assert any("did you mean 'title'" in line for line in lines)


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("", r"^plans/day\.yaml:1:1: the file is empty: expected a plan"),
        ("- a\n- b\n", r"^plans/day\.yaml:1:1: expected a mapping at the top"),
        ("id: a\nid: b\n", r"^plans/day\.yaml:2:1: id: duplicate key 'id'"),
        ("id: a\n\tb: c\n", r"^plans/day\.yaml:2:1: not valid YAML: .*tab"),
    ],
)
def test_files_that_are_not_plans(text: str, pattern: str) -> None:
    (line,) = problems(text)
    assert re.search(pattern, line), line
