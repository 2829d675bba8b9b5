"""Timed phases and what a step shows the room, as method files declare them: checked like
every other field (file, line, field; exit 2), and carried into the run's timeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitate.library.methods import bundled_dir, load_method_file
from facilitate.model.expand import build_timeline
from facilitate.model.params import resolve_params

from cli_helpers import run_cli

HEAD = """schema_version: 1
id: mine
name: Mine
summary: A method.
purpose: To test.
group_size: {min: 2}
roles: [{id: host, name: Host}]
parameters:
  question: {type: text, label: Question, default: What now?}
  rounds: {type: integer, label: Rounds, default: 3}
  round_minutes: {type: minutes, label: Minutes, default: 3, min: 2, max: 6}
dimensions:
  card: {label: Card}
  lens: {label: Lens, values: [{id: courage, label: Courage, prompt: Where was courage?}]}
steps:
  - id: round
    title: Round
    instructions: Swap, then score.
"""


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def validate(isolated: Path, step: str) -> tuple[int, str, list[str]]:
    path = isolated / "mine.yaml"
    text = HEAD + step
    path.write_text(text, encoding="utf-8")
    result = run_cli(["methods", "validate", str(path)])
    return result.exit_code, result.stderr, text.splitlines()


def line_of(lines: list[str], needle: str) -> int:
    return next(i for i, row in enumerate(lines, 1) if needle in row)


PHASES = """    phases:
      - {id: swap, minutes: 1, title: Swap}
      - {id: score, title: Score}
"""


def test_a_step_with_phases_and_what_it_shows_is_valid(isolated: Path) -> None:
    step = f"    minutes: round_minutes\n    repeat: rounds\n    show: [question, lens]\n{PHASES}"
    code, err, _ = validate(isolated, step)
    assert code == 0, err


@pytest.mark.parametrize(
    ("step", "needle", "field", "message"),
    [
        (
            "    minutes: 3\n    phases:\n      - {id: swap, minuts: 1, title: Swap}\n"
            "      - {id: score, title: Score}\n",
            "minuts",
            "steps[0].phases[0].minuts",
            "unknown key 'minuts' (did you mean 'minutes'?)",
        ),
        (
            "    minutes: 3\n    phases:\n      - {id: swap, title: Swap}\n"
            "      - {id: score, title: Score}\n",
            "id: swap",
            "steps[0].phases[0].minutes",
            "every phase but the last needs minutes",
        ),
        (
            "    minutes: 3\n    phases:\n      - {id: swap, minutes: 1, title: Swap}\n"
            "      - {id: score, minutes: 2, title: Score}\n",
            "id: score",
            "steps[0].phases[1].minutes",
            "the last phase takes what is left",
        ),
        (
            "    minutes: round_minutes\n    phases:\n      - {id: swap, minutes: 2, title: Swap}\n"
            "      - {id: score, title: Score}\n",
            "id: score",
            "steps[0].phases[1]",
            "up to 2 min, but the step can be as short as 2 min",
        ),
        (
            "    until: '12:30'\n" + PHASES,
            "id: swap",  # a list is placed at its first item
            "steps[0].phases",
            "a step with until: HH:MM has no phases",
        ),
        (
            "    minutes: 3\n    phases:\n      - {id: swap, title: Swap}\n",
            "id: swap",
            "steps[0].phases",
            "give at least 2 phases",
        ),
        (
            "    minutes: 3\n    phases:\n      - {id: swap, minutes: 1, title: Swap}\n"
            "      - {id: swap, title: Score}\n",
            "title: Score",
            "steps[0].phases[1].id",
            "duplicate phase id 'swap'",
        ),
        (
            "    minutes: 3\n    show: [questoin]\n",
            "show:",
            "steps[0].show[0]",
            "unknown parameter or dimension 'questoin' (did you mean 'question'?)",
        ),
        (
            "    minutes: 3\n    show: [rounds]\n",
            "show:",
            "steps[0].show[0]",
            "parameter 'rounds' cannot be shown",
        ),
        (
            "    minutes: 3\n    show: [card]\n",
            "show:",
            "steps[0].show[0]",
            "dimension 'card' has no values to show",
        ),
    ],
)
def test_a_bad_phase_or_show_is_one_line_naming_file_line_and_field(
    isolated: Path, step: str, needle: str, field: str, message: str
) -> None:
    code, err, lines = validate(isolated, step)
    assert code == 2
    assert f"mine.yaml:{line_of(lines, needle)}:" in err, err
    assert f": {field}: " in err and message in err, err
    assert "Traceback" not in err


def test_the_bundled_35_round_swaps_for_a_minute_then_scores_with_the_question_shown() -> None:
    method = load_method_file(bundled_dir() / "35an.yaml")
    values = resolve_params(method, {"round_minutes": "4", "question": "Vad nu?"})
    rounds = [s for s in build_timeline(method, values) if s.step_id == "round"]
    assert len(rounds) == 5 and all(s.seconds == 240 for s in rounds)
    swap, score = rounds[0].phases
    assert (swap.id, swap.seconds, score.id, score.seconds) == ("swap", 60, "score", None)
    assert swap.title.en == "Swap cards" and score.title.sv == "Poängsätt i par"
    (question,) = rounds[0].room
    assert question.label.en == "Question" and question.values[0].text.get("sv") == "Vad nu?"


def test_the_bundled_25_10_mills_then_scores() -> None:
    method = load_method_file(bundled_dir() / "25-10-crowd-sourcing.yaml")
    rounds = [s for s in build_timeline(method) if s.step_id == "round"]
    assert [p.id for p in rounds[0].phases] == ["mill", "score"]
    assert rounds[0].room[0].id == "invitation"


def test_the_storytelling_shows_stories_and_lenses_and_notes_go_along_them() -> None:
    method = load_method_file(bundled_dir() / "storytelling-harvesting.yaml")
    values = resolve_params(method, {"stories": "Trelleborg|Svalöv"})
    story = next(s for s in build_timeline(method, values) if s.step_id == "storytelling")
    stories, lenses = story.room
    assert [v.text.en for v in stories.values] == ["Trelleborg", "Svalöv"]
    assert lenses.values[0].prompt is not None and "courage" in lenses.values[0].prompt.en
    assert [d.id for d in story.note_dims] == ["story", "lens"]
    assert story.note_dims[0].values[1] == ("2", stories.values[1].text)
