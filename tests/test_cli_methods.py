"""The `methods` commands as a facilitator uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitate.library.methods import bundled_dir

from cli_helpers import run_cli

BUNDLED_IDS = sorted(p.stem for p in bundled_dir().glob("*.yaml"))


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder with an empty user config dir."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


def test_list_shows_every_bundled_method_with_duration_and_origin() -> None:
    result = run_cli(["methods", "list"])
    assert result.exit_code == 0
    for method_id in BUNDLED_IDS:
        assert method_id in result.stdout
    assert "bundled" in result.stdout
    assert " min" in result.stdout


def test_list_json_is_machine_readable() -> None:
    result = run_cli(["methods", "list", "--json"])
    data = json.loads(result.stdout)
    assert sorted(d["id"] for d in data) == BUNDLED_IDS
    assert all(d["minutes"] > 0 and d["origin"] == "bundled" for d in data)


def test_show_world_cafe_in_swedish() -> None:
    result = run_cli(["--lang", "sv", "methods", "show", "world-cafe"])
    assert result.exit_code == 0
    assert "Syfte" in result.stdout and "Roller" in result.stdout
    assert "Bordsvärd" in result.stdout
    assert "Totalt" in result.stdout


def test_show_in_english_lists_steps_roles_and_what_is_collected() -> None:
    result = run_cli(["methods", "show", "35an"])
    assert result.exit_code == 0
    assert "Steps" in result.stdout and "Total" in result.stdout
    assert "7 points" in result.stdout  # the pair-split rule, from the YAML parameters


def test_show_with_a_parameter_changes_the_total() -> None:
    five = run_cli(["methods", "show", "35an", "--param", "rounds=5"]).stdout
    two = run_cli(["methods", "show", "35an", "--param", "rounds=2"]).stdout
    assert "5 × " in five and "2 × " in two


def test_show_gives_each_rounds_phases_and_what_the_room_sees() -> None:
    english = " ".join(run_cli(["methods", "show", "35an"], env={"COLUMNS": "200"}).stdout.split())
    assert "Each round in phases:" in english
    assert "Swap cards (1 min)" in english and "Score in pairs (2 min)" in english
    assert "On the screen: Question" in english
    longer = run_cli(["methods", "show", "35an", "--param", "round_minutes=4"]).stdout
    assert "Score in pairs (3 min)" in " ".join(longer.split())  # the last phase takes the rest
    swedish = run_cli(["--lang", "sv", "methods", "show", "storytelling-harvesting"]).stdout
    assert "På skärmen: Berättelse, Lins" in " ".join(swedish.split())


def test_unknown_method_suggests_the_closest_id() -> None:
    result = run_cli(["methods", "show", "wrld-cafe"])
    assert result.exit_code == 2
    assert "did you mean 'world-cafe'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("option", "words"),
    [
        ("tabels=3", "unknown parameter 'tabels'"),
        ("tables=many", "'many' does not fit"),
        ("tables", "key=value"),
    ],
)
def test_bad_parameter_is_a_usage_error(option: str, words: str) -> None:
    result = run_cli(["methods", "show", "world-cafe", "--param", option])
    assert result.exit_code == 2
    assert words in result.stderr


def test_new_writes_a_valid_method_and_refuses_to_overwrite(isolated: Path) -> None:
    result = run_cli(["methods", "new", "future-workshop"])
    assert result.exit_code == 0
    target = isolated / "methods" / "future-workshop.yaml"
    assert target.is_file()
    assert run_cli(["methods", "validate", str(target)]).exit_code == 0
    listed = run_cli(["methods", "list"]).stdout
    assert "future-workshop" in listed and "project" in listed
    again = run_cli(["methods", "new", "future-workshop"])
    assert again.exit_code == 2 and "--force" in again.stderr


def test_new_rejects_an_unsafe_id() -> None:
    result = run_cli(["methods", "new", "../Evil Name"])
    assert result.exit_code == 2
    assert "invalid id" in result.stderr


def test_validate_reports_file_line_and_field(isolated: Path) -> None:
    run_cli(["methods", "new", "mine"])
    path = isolated / "methods" / "mine.yaml"
    text = path.read_text(encoding="utf-8").replace("    minutes: 5\n", "    minuts: 5\n")
    path.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "minuts" in row)
    result = run_cli(["methods", "validate", "methods"])
    assert result.exit_code == 2
    assert f"methods/mine.yaml:{line}:5: steps[0].minuts: unknown key 'minuts'" in result.stderr
    assert "did you mean 'minutes'" in result.stderr


def test_validate_hints_a_misspelt_key_of_a_parameter(isolated: Path) -> None:
    run_cli(["methods", "new", "mine"])
    path = isolated / "methods" / "mine.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  rounds:\n    type: integer\n" in text
    path.write_text(text.replace("  rounds:\n    type:", "  rounds:\n    typ:"), encoding="utf-8")
    result = run_cli(["methods", "validate", "methods"])
    assert result.exit_code == 2
    assert "parameters.rounds.typ: unknown key 'typ' (did you mean 'type'?)" in result.stderr


def test_validate_a_missing_file() -> None:
    result = run_cli(["methods", "validate", "nowhere.yaml"])
    assert result.exit_code == 2
    assert "nowhere.yaml" in result.stderr


def test_project_method_overrides_bundled_one_and_listing_says_so(isolated: Path) -> None:
    source = (bundled_dir() / "world-cafe.yaml").read_text(encoding="utf-8")
    (isolated / "methods").mkdir()
    changed = source.replace("en: World Café", "en: Our World Café", 1)
    assert changed != source
    (isolated / "methods" / "world-cafe.yaml").write_text(changed, encoding="utf-8")
    result = run_cli(["methods", "list"])
    row = next(line for line in result.stdout.splitlines() if line.startswith("world-cafe"))
    assert "project" in row and "Our World Café" in row
    assert "overrides the bundled method" in result.stderr


def test_a_copy_of_the_bundled_library_in_methods_overrides_nothing(isolated: Path) -> None:
    """Run from the repository itself (or a copy of it), ./methods is the bundled library."""
    (isolated / "methods").mkdir()
    for path in bundled_dir().glob("*.yaml"):
        (isolated / "methods" / path.name).write_bytes(path.read_bytes())
    result = run_cli(["methods", "list"])
    assert result.exit_code == 0
    assert "overrides" not in result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("world-cafe")]
    assert len(rows) == 1 and "bundled" in rows[0]


def test_user_config_dir_methods_are_found(isolated: Path) -> None:
    run_cli(
        ["methods", "new", "mine", "--output", str(isolated / "config" / "methods" / "mine.yaml")]
    )
    row = next(line for line in run_cli(["methods", "list"]).stdout.splitlines() if "mine" in line)
    assert "user" in row


def test_a_broken_user_method_is_reported_but_does_not_hide_the_others(isolated: Path) -> None:
    (isolated / "methods").mkdir()
    (isolated / "methods" / "broken.yaml").write_text(
        "schema_version: 1\nid: [\n", encoding="utf-8"
    )
    result = run_cli(["methods", "list"])
    assert result.exit_code == 0
    assert "world-cafe" in result.stdout
    assert "methods/broken.yaml:" in result.stderr


def test_schema_is_json_schema_for_method_files() -> None:
    result = run_cli(["methods", "schema"])
    schema = json.loads(result.stdout)
    assert schema["title"] == "facilitate method"
    assert {"id", "name", "steps"} <= set(schema["required"])
    assert schema["additionalProperties"] is False


def test_validate_insists_that_the_file_is_named_after_the_id(isolated: Path) -> None:
    run_cli(["methods", "new", "my-method"])
    source = isolated / "methods" / "my-method.yaml"
    (isolated / "methods" / "other.yaml").write_text(source.read_text(encoding="utf-8"))
    result = run_cli(["methods", "validate", "methods/other.yaml"])
    assert result.exit_code == 2
    assert "id 'my-method' does not match the file name 'other'" in result.stderr


def test_a_parameter_out_of_range_names_the_range() -> None:
    result = run_cli(["methods", "show", "35an", "--param", "rounds=0"])
    assert result.exit_code == 2
    assert "0 is out of range: expected 1 to" in result.stderr


def test_show_prints_a_methods_texts_as_written_never_as_markup(isolated: Path) -> None:
    source = (bundled_dir() / "world-cafe.yaml").read_text(encoding="utf-8")
    (isolated / "methods").mkdir()
    marked = "Use **this** and _that_, [red]colour[/red] `code` <b>"
    changed = source.replace("en: World Café", f"en: '# {marked}'", 1)
    assert changed != source
    (isolated / "methods" / "world-cafe.yaml").write_text(changed, encoding="utf-8")
    result = run_cli(["methods", "show", "world-cafe"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert f"# {marked}" in result.stdout


def test_show_keeps_a_long_web_address_whole_on_a_narrow_terminal() -> None:
    result = run_cli(["methods", "show", "world-cafe"], env={"COLUMNS": "60"})
    shown = "".join(line.strip("│ ") for line in result.stdout.splitlines())
    assert "foresight-platform.eu/community/forlearn/how-to-do-foresight/methods/" in shown
    assert "creative-methods/world-cafe/" in shown
