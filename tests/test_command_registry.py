"""A command is built alone when the command line names it: it must be the same command,
with the same help and errors, as in the whole app."""

from __future__ import annotations

import pytest
import typer
from typer.core import TyperGroup

from facilitate.cli.main import (
    COMMANDS,
    build_app,
    invoked_command,
    is_listing,
    translate_help_chrome,
)
from facilitate.i18n import set_language


def whole_app() -> TyperGroup:
    set_language("en")
    root = typer.main.get_command(build_app())
    assert isinstance(root, TyperGroup)
    return root


WHOLE = whole_app()


def paths() -> list[list[str]]:
    found: list[list[str]] = []
    for name, command in WHOLE.commands.items():
        found.append([name])
        if isinstance(command, TyperGroup):
            found += [[name, sub] for sub in command.commands]
    return found


def answer(command: TyperGroup, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple:
    """What ``facilitate ARGS`` prints and exits with, run by the click command ``command``."""
    with pytest.raises(SystemExit) as exit:
        command.main(args, prog_name="facilitate")
    captured = capsys.readouterr()
    return exit.value.code, captured.out, captured.err


def test_every_top_level_command_has_its_module() -> None:
    assert set(WHOLE.commands) == set(COMMANDS)


@pytest.mark.parametrize("path", paths(), ids=lambda p: " ".join(p))
def test_a_command_built_alone_has_the_whole_apps_help(
    path: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    alone = typer.main.get_command(build_app(*invoked_command(path)))
    assert isinstance(alone, TyperGroup)
    mine = answer(alone, [*path, "--help"], capsys)
    assert mine == answer(WHOLE, [*path, "--help"], capsys)
    assert mine[0] == 0 and f"Usage: facilitate {path[0]}" in mine[1]


@pytest.mark.parametrize(
    "args",
    [
        ["sessions", "sho", "x"],
        ["nte", "x"],
        ["methods"],
        ["sessions", "--help"],
        ["--help", "note"],
        ["-h", "sessions", "show"],
        ["--lang", "sv", "--help", "methods"],
    ],
    ids=[
        "unknown-subcommand",
        "unknown-command",
        "group-alone",
        "group-help",
        "help-before-command",
        "h-before-group",
        "sv-help-before-group",
    ],
)
def test_an_unknown_or_incomplete_command_line_is_answered_as_by_the_whole_app(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    alone = typer.main.get_command(build_app(*invoked_command(args)))
    assert isinstance(alone, TyperGroup)
    assert answer(alone, args, capsys) == answer(WHOLE, args, capsys)


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        [],
        ["--help", "note"],
        ["-h", "sessions", "show"],
        ["--lang", "sv", "-h"],
        ["--version", "--help"],
        ["--", "--help"],
        ["--", "note", "--help"],
        ["--", "methods", "-h"],
        ["--sessions-dir", "--help", "--", "timer"],
        ["--lang", "--help"],
    ],
    ids=[
        "help",
        "h",
        "nothing",
        "help-before-command",
        "h-before-group",
        "lang-then-h",
        "version-and-help",
        "help-after-dashes",
        "command-help-after-dashes",
        "group-help-after-dashes",
        "help-as-a-value",
        "help-as-the-language",
    ],
)
def test_the_whole_apps_help_is_answered_by_its_listing(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    listing = typer.main.get_command(build_app(*invoked_command(args), listing=is_listing(args)))
    assert isinstance(listing, TyperGroup)
    assert answer(listing, args, capsys) == answer(WHOLE, args, capsys)


def test_only_the_whole_apps_help_is_a_listing() -> None:
    assert is_listing([]) and is_listing(["--help"]) and is_listing(["--lang", "sv", "-h"])
    assert is_listing(["-h", "note"]) and not is_listing(["note", "-h"])
    assert not is_listing(["--", "note", "--help"]) and not is_listing(["--", "--help"])
    assert not is_listing(["--sessions-dir", "--help"]) and not is_listing(["--version"])


def test_a_listing_reads_no_commands_parameters() -> None:
    listing = typer.main.get_command(build_app(listing=True))
    assert isinstance(listing, TyperGroup)
    assert list(listing.commands) == list(WHOLE.commands)
    assert all(not command.params for command in listing.commands.values())
    assert WHOLE.commands["note"].params


def test_the_listing_in_swedish_is_the_whole_apps_help_in_swedish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_language("sv")
    try:
        translate_help_chrome()
        whole = typer.main.get_command(build_app())
        listing = typer.main.get_command(build_app(listing=True))
        assert isinstance(whole, TyperGroup) and isinstance(listing, TyperGroup)
        mine = answer(listing, ["--help"], capsys)
        assert mine == answer(whole, ["--help"], capsys) and "Kommandon" in mine[1]
    finally:
        set_language("en")
        translate_help_chrome()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--lang", "sv", "sessions", "show", "S"], ("sessions", "show")),
        (["--sessions-dir=/x", "note", "S", "text"], ("note", "S")),
        (["--sessions-dir", "/x", "--version"], (None, None)),
        (["methods", "--help"], ("methods", None)),
        (["--", "note"], (None, None)),
        (["--help", "note"], (None, None)),
        (["-h", "sessions", "list"], (None, None)),
        ([], (None, None)),
    ],
)
def test_the_command_is_found_after_the_global_options(
    args: list[str], named: tuple[str | None, str | None]
) -> None:
    assert invoked_command(args) == named
