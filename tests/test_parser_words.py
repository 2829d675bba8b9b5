"""The parser speaks the interface language: its usage errors are one line, its help has no
raw type markers, and in Swedish no English words of its own."""

from __future__ import annotations

import re

import pytest

from test_help import PATHS

from cli_helpers import run_cli

TYPE_MARKER = re.compile(r"<(bool|str|int|float|path|list\[[a-z]+\])>", re.IGNORECASE)
PARSER_ENGLISH = ("Usage:", "Show this message and exit", "Try '", "No such option", "Missing")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["sessions", "show"], "facilitate sessions show: fel: argumentet ID saknas"),
        (["sessions", "list", "--bogus"], "facilitate sessions list: fel: okänd flagga: --bogus"),
        (["sessions", "frob"], "facilitate sessions: fel: okänt kommando: frob"),
        (["sessions", "new", "--titl", "x"], "okänd flagga: --titl (menade du --title?)"),
        (["timer", "--speed", "abc", "1m"], "facilitate timer: fel: --speed: förväntade ett tal"),
        (["methods", "show", "world-cafe", "extra"], "fel: oväntade argument: extra"),
        (["--sessions-dir", "x"], "facilitate: fel: ett kommando saknas"),
        (["results", "s", "--top", "0"], "facilitate results: fel: --top: måste vara minst 1"),
        (["serve", "s", "--port", "70000"], "fel: --port: får vara högst 65535"),
        (
            ["export", "s", "--templates", ""],
            "facilitate export: fel: --templates: sökvägen får inte vara tom",
        ),
    ],
)
def test_a_usage_error_is_one_swedish_line_and_exit_2(args: list[str], line: str) -> None:
    result = run_cli(["--lang", "sv", *args])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert line in lines[0]
    assert "hjälp: facilitate" in lines[0]
    assert not any(word in result.stderr for word in PARSER_ENGLISH)


def test_a_usage_error_in_english_names_the_help_option() -> None:
    result = run_cli(["--lang", "en", "sessions", "list", "--bogus"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "facilitate sessions list: error: no such option: --bogus "
        "(help: facilitate sessions list -h)"
    )


def test_an_invalid_value_names_the_option_and_keeps_the_message_whole() -> None:
    result = run_cli(["--lang", "en", "--lang", "xx", "sessions", "list"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "facilitate: error: --lang: unknown language 'xx': use sv or en (help: facilitate -h)"
    )
    result = run_cli(["--lang", "en", "results", "s", "--top", "0"])
    assert "error: --top: must be at least 1 (help" in result.stderr


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "facilitate" for p in PATHS])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_help_shows_no_raw_type_markers(path: list[str], lang: str) -> None:
    page = run_cli(["--lang", lang, *path, "--help"]).stdout
    assert not TYPE_MARKER.search(page), TYPE_MARKER.search(page)


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) or "facilitate" for p in PATHS])
def test_swedish_help_has_no_english_parser_words(path: list[str]) -> None:
    page = run_cli(["--lang", "sv", *path, "--help"]).stdout
    assert "Användning: facilitate" in page
    assert not [word for word in PARSER_ENGLISH if word in page]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["--sessions-dir", "", "sessions", "list"], "error: --sessions-dir: the path must not"),
        (["export", "s", "--out", ""], "facilitate export: error: --out / -o: the path must not"),
        (["methods", "validate", ""], "error: PATH...: the path must not be empty"),
    ],
)
def test_an_empty_path_is_refused_not_taken_for_the_current_folder(
    args: list[str], line: str
) -> None:
    result = run_cli(["--lang", "en", *args])
    assert result.exit_code == 2
    assert line in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_empty_sessions_dir_is_refused_only_by_a_command_that_reads_sessions() -> None:
    refused = run_cli(["--lang", "sv", "--sessions-dir", "", "sessions", "list"])
    assert (refused.exit_code, refused.stderr) == (
        2,
        "fel: --sessions-dir: sökvägen får inte vara tom\n",
    )
    listed = run_cli(["--sessions-dir", "", "methods", "list"])
    assert listed.exit_code == 0 and "world-cafe" in listed.stdout
