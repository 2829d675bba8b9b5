"""Hostile method files and paths: every command answers in one line, at once, exit 2.

The bad-input corpus is tests/data/broken_methods (content) plus what is made here on the
fly (named pipes, devices, symbolic link loops, oversized files, folders named x.yaml).
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from facilitate.library import methods as library_methods
from facilitate.library.files import MAX_FILE_BYTES
from facilitate.library.methods import bundled_dir

from cli_helpers import run_cli

CORPUS = Path(__file__).parent / "data" / "broken_methods"
BROKEN = sorted(p.name for p in CORPUS.glob("*.yaml") if p.name != "expected.yaml")
BUNDLED_IDS = sorted(p.stem for p in bundled_dir().glob("*.yaml"))
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATE_SESSIONS", str(tmp_path / "sessions"))
    return tmp_path


def assert_one_line(result, name: str) -> str:  # type: ignore[no-untyped-def]
    """Exit 2, no traceback, exactly one line on stderr that names the file."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert name in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("command", [["methods", "show"], ["run"]])
@pytest.mark.parametrize("name", BROKEN)
def test_show_and_run_answer_every_broken_file_in_one_line(
    name: str, command: list[str], isolated: Path
) -> None:
    shutil.copy(CORPUS / name, isolated / name)
    result = run_cli([*command, f"./{name}"])
    problems = run_cli(["methods", "validate", name]).stderr.splitlines()[:-1]
    if len(problems) == 1:
        assert_one_line(result, name)
    else:  # one line per problem (billion-rounds.yaml: its max and its default)
        assert result.exit_code == 2 and "Traceback" not in result.stderr
        assert result.stderr.splitlines() == problems


@pytest.mark.parametrize("name", BROKEN)
def test_validate_answers_every_broken_file_with_its_problem_and_a_summary(
    name: str, isolated: Path
) -> None:
    shutil.copy(CORPUS / name, isolated / name)
    result = run_cli(["methods", "validate", name])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    *problems, summary = result.stderr.splitlines()
    assert problems and all(line.startswith(f"{name}:") for line in problems)
    assert "1 of 1" in summary


def test_a_library_full_of_broken_files_still_lists_every_good_method(isolated: Path) -> None:
    (isolated / "methods").mkdir()
    for name in BROKEN:
        shutil.copy(CORPUS / name, isolated / "methods" / name)
    result = run_cli(["methods", "list"])
    assert result.exit_code == 0
    assert "Traceback" not in result.stderr
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert {name for name in BROKEN if any(name in line for line in skipped)} == set(BROKEN)
    for method_id in BUNDLED_IDS:
        assert method_id in result.stdout


@pytest.mark.parametrize("name", ["alias-bomb.yaml", "billion-rounds.yaml"])
@pytest.mark.parametrize(
    "command", [["methods", "validate"], ["methods", "show"], ["run"], ["methods", "list"]]
)
def test_the_alias_bomb_and_the_billion_rounds_are_answered_in_under_a_second(
    name: str, command: list[str], isolated: Path
) -> None:
    (isolated / "methods").mkdir()
    shutil.copy(CORPUS / name, isolated / "methods" / name)
    args = command if command == ["methods", "list"] else [*command, f"methods/{name}"]
    started = time.monotonic()
    result = run_cli(args)
    assert time.monotonic() - started < 1.0
    assert result.exit_code == (0 if command == ["methods", "list"] else 2)
    assert name in result.stderr and "Traceback" not in result.stderr


def test_a_parameter_that_sets_repeat_is_held_to_fifty_rounds_on_the_command_line() -> None:
    result = run_cli(["methods", "show", "troika-consulting", "--param", "rounds=1000000000"])
    line = assert_one_line(result, "rounds")
    assert "1 to 4" in line  # the method's own max, under the limit of 50
    started = time.monotonic()
    run_cli(["run", "troika-consulting", "--param", "rounds=1000000000"])
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "1e400"])
def test_non_finite_parameter_values_are_one_line(value: str) -> None:
    assert_one_line(
        run_cli(["methods", "show", "troika-consulting", "--param", f"rounds={value}"]), "rounds"
    )


def test_a_text_parameter_with_a_control_character_is_refused() -> None:
    result = run_cli(["methods", "show", "1-2-4-all", "--param", "question=Hi\x1b]0;x\x07"])
    assert "U+001B" in assert_one_line(result, "question")


def test_a_lone_value_with_commas_for_a_list_parameter_gets_a_hint() -> None:
    result = run_cli(
        ["methods", "show", "storytelling-harvesting", "--param", "stories=Trelleborg,Svalöv"]
    )
    assert result.exit_code == 0
    assert "stories=Trelleborg|Svalöv" in result.stderr
    assert "Trelleborg,Svalöv" in result.stdout  # one text, as asked: never split silently
    quiet = run_cli(
        ["methods", "show", "storytelling-harvesting", "--param", "stories=Trelleborg|Svalöv"]
    )
    assert quiet.stderr == ""


def test_run_help_says_how_lists_are_written() -> None:
    assert "stories=Trelleborg|Svalöv" in run_cli(["run", "--help"]).stdout.replace("\n", "")


def test_until_a_clock_time_unquoted_is_the_clock_time_not_base_60(isolated: Path) -> None:
    text = (CORPUS / "until-bad-clock.yaml").read_text(encoding="utf-8")
    start = text.index("    until:")
    end = text.index("\n", start)
    fixed = text[:start] + "    until: 12:30" + text[end:]
    fixed = fixed.replace("id: until-bad-clock", "id: lunch")
    (isolated / "lunch.yaml").write_text(fixed, encoding="utf-8")
    assert run_cli(["methods", "validate", "lunch.yaml"]).exit_code == 0
    assert "12:30" in run_cli(["methods", "show", "./lunch.yaml"]).stdout


# -- files that are not regular files ----------------------------------------------------


def special_files(tmp: Path) -> dict[str, Path]:
    fifo = tmp / "pipe.yaml"
    os.mkfifo(fifo)
    loop = tmp / "loop.yaml"
    loop.symlink_to("loop.yaml")
    big = tmp / "big.yaml"
    big.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    folder = tmp / "folder.yaml"
    folder.mkdir()
    device = tmp / "zero.yaml"
    device.symlink_to("/dev/zero")
    return {"fifo": fifo, "loop": loop, "big": big, "folder": folder, "device": device}


EXPECTED_WORDS = {
    "fifo": "named pipe",
    "loop": "loop",
    "big": "1 MB",
    "folder": "folder",
    "device": "device",
}


@POSIX
@pytest.mark.parametrize("kind", sorted(EXPECTED_WORDS))
@pytest.mark.parametrize("command", [["methods", "validate"], ["methods", "show"], ["run"]])
def test_special_files_are_one_line_and_never_block(
    kind: str, command: list[str], isolated: Path
) -> None:
    path = special_files(isolated)[kind]
    result = run_cli([*command, f"./{path.name}"])
    if command == ["methods", "validate"] and kind == "folder":  # a folder is searched
        assert result.exit_code == 2 and "no method files" in result.stderr.lower()
        return
    line = result.stderr.splitlines()[0]
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert path.name in line and EXPECTED_WORDS[kind] in line, line
    if command != ["methods", "validate"]:
        assert len(result.stderr.splitlines()) == 1


@POSIX
def test_a_device_given_by_its_own_path_is_refused() -> None:
    result = run_cli(["methods", "validate", "/dev/null"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "/dev/null: not a regular file (a device): only regular files are read"
    )


@POSIX
def test_special_files_in_the_methods_folder_do_not_stop_the_listing(isolated: Path) -> None:
    folder = isolated / "methods"
    folder.mkdir()
    special_files(folder)
    result = run_cli(["methods", "list"])
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert all(method_id in result.stdout for method_id in BUNDLED_IDS)
    assert "big.yaml" in result.stderr  # a regular file that is too large: skipped, named


def test_an_unexpected_error_in_one_file_is_that_files_problem(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = library_methods.parse_method
    monkeypatch.setenv("FACILITATE_CACHE_DIR", "off")  # every file read, as on a first run

    def fragile(text: str, name: str, **kwargs: bool):  # type: ignore[no-untyped-def]
        if "world-cafe" in name:
            raise RuntimeError("something nobody foresaw")
        return real(text, name, **kwargs)

    monkeypatch.setattr(library_methods, "parse_method", fragile)
    result = run_cli(["methods", "list"])
    assert result.exit_code == 0
    skipped = [line for line in result.stderr.splitlines() if "world-cafe" in line]
    assert len(skipped) == 1 and "RuntimeError: something nobody foresaw" in skipped[0]
    assert all(m in result.stdout for m in BUNDLED_IDS if m != "world-cafe")
    shown = run_cli(["methods", "show", "world-cafe"])
    assert "RuntimeError" in assert_one_line(shown, "world-cafe")


# -- methods new into places that cannot be written -------------------------------------


def test_methods_new_into_a_path_under_a_file_is_one_line(isolated: Path) -> None:
    (isolated / "afile").write_text("x", encoding="utf-8")
    result = run_cli(["methods", "new", "mine", "--output", "afile/mine.yaml"])
    assert "cannot write" in assert_one_line(result, "afile/mine.yaml")


@POSIX
def test_methods_new_over_a_pipe_is_refused_and_never_blocks(isolated: Path) -> None:
    os.mkfifo(isolated / "pipe.yaml")
    result = run_cli(["methods", "new", "mine", "--output", "pipe.yaml", "--force"])
    assert "named pipe" in assert_one_line(result, "pipe.yaml")


@POSIX
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_methods_new_into_a_read_only_folder_is_one_line(isolated: Path) -> None:
    folder = isolated / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = run_cli(["methods", "new", "mine", "--output", "locked/mine.yaml"])
    finally:
        folder.chmod(0o700)
    assert "cannot write" in assert_one_line(result, "locked/mine.yaml")


def test_run_gives_the_same_hint_for_a_list_written_with_commas() -> None:
    result = run_cli(
        [
            *("run", "storytelling-harvesting", "--speed", "1000000", "--warn", "none"),
            *("--param", "stories=Trelleborg,Svalöv"),
        ]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("stories=Trelleborg|Svalöv") == 1
