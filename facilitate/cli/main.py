"""The root command: global options, the command groups, and the one error boundary."""

from __future__ import annotations

import gc
import os
import sys
from typing import Annotated

import typer

from facilitate import __version__
from facilitate.cli.context import AppContext
from facilitate.cli.output import print_error
from facilitate.cli.parser_words import OneLineErrors
from facilitate.errors import ExitCode, FacilitateError
from facilitate.i18n import (
    LANGUAGES,
    Translator,
    detect_language,
    get_language,
    set_language,
    t,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"facilitate {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(t("err.bad_lang", value=value))
    return value


def report(error: FacilitateError, translate: Translator | None = None) -> int:
    """Print ``error`` as one line per problem on stderr, in the language of ``translate``
    (the current one when None); return its exit code."""
    translate = translate or Translator(get_language())
    lines = error.lines(translate)
    for line in lines:
        print_error(f"{translate('err.prefix')}: {line}" if len(lines) == 1 else line)
    return int(error.exit_code)


class Boundary(OneLineErrors):
    """The one error boundary: a FacilitateError becomes its lines on stderr and its exit code,
    in the language the command spoke (a session's, once it knew it)."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except FacilitateError as error:
            raise typer.Exit(report(error, _translator(ctx))) from None
        except KeyboardInterrupt:
            print_error(_translator(ctx)("err.interrupted"))
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None


def _translator(ctx: typer.Context) -> Translator:
    """The translator of the command that ran (its AppContext), else the current language's."""
    obj = ctx.obj
    return obj.translate if isinstance(obj, AppContext) else Translator(get_language())


def build_app(
    command: str | None = None, subcommand: str | None = None, *, listing: bool = False
) -> typer.Typer:
    """The Typer app, with help texts in the current language: every command, or only the
    group or command ``command`` when it is one (the others' modules are then not imported,
    nor their parameters read), and of a group only its command ``subcommand`` when it has
    one of that name. ``listing``: the app answers only its own help, the list of commands
    by name and help (:data:`LISTED`; no command's module is imported)."""
    app = typer.Typer(
        name="facilitate",
        cls=Boundary,
        help=t("app.help"),
        epilog=t("app.epilog"),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def root(
        ctx: typer.Context,
        lang: Annotated[
            str | None, typer.Option("--lang", help=t("opt.lang"), callback=_lang, metavar="sv|en")
        ] = None,
        sessions_dir: Annotated[  # (a text: an empty one is refused where it is used)
            str | None, typer.Option("--sessions-dir", help=t("opt.sessions_dir"), metavar="DIR")
        ] = None,
        version: Annotated[
            bool,
            typer.Option(
                "--version", help=t("opt.version"), callback=_version, is_eager=True, metavar=""
            ),
        ] = False,
    ) -> None:
        ctx.obj = AppContext(
            lang=lang or get_language(),
            lang_given=lang is not None,
            sessions_dir_option=sessions_dir,
        )

    if listing:
        _add_listed(app)
        return app
    # Imported here, after the language is set, so that help texts are in that language.
    for module in _registrars(command):
        __import__(module, fromlist=["register"]).register(app)
    if command in COMMANDS and subcommand is not None:
        _only_subcommand(app, command, subcommand)
    return app


COMMANDS: dict[str, str] = {
    "methods": "facilitate.cli.methods",
    "sessions": "facilitate.cli.sessions",
    "run": "facilitate.cli.run",
    "timer": "facilitate.cli.run",
    "plan": "facilitate.cli.plan",
    "import": "facilitate.cli.import_",
    "results": "facilitate.cli.results",
    "themes": "facilitate.cli.themes",
    "export": "facilitate.cli.export",
    "note": "facilitate.cli.note",
    "archive": "facilitate.cli.archive",
    "console": "facilitate.cli.console",
    "serve": "facilitate.cli.serve",
}
"""Each top-level command or group, and the module whose ``register`` adds it (in the order
the help lists them)."""

LISTED: dict[str, tuple[str, bool]] = {
    "methods": ("methods.help", True),
    "sessions": ("sessions.help", True),
    "run": ("timer.run.help", False),
    "timer": ("timer.help", False),
    "plan": ("plan.help", True),
    "import": ("import.help", False),
    "results": ("results.help", False),
    "themes": ("themes.help", True),
    "export": ("export.help", False),
    "note": ("note.help", False),
    "archive": ("archive.help", True),
    "console": ("console.help", False),
    "serve": ("serve.help", False),
}
"""Each command as the whole app's help lists it: the key of its help, and whether it is a
group (what each module's ``register`` gives it; a test holds the two to the same help)."""

GLOBAL_OPTIONS_WITH_VALUE = ("--lang", "--sessions-dir")
HELP_OPTIONS = ("-h", "--help")


def invoked_command(args: list[str]) -> tuple[str | None, str | None]:
    """The top-level command ``args`` name (after the global options) and the word after it
    when that is not an option (a group's command), or None for either (also after a help
    option: ``--help note`` is the whole app's help)."""
    found = _first_word(args)
    if found is None or found[1] in ("--", *HELP_OPTIONS):
        return None, None
    at, command = found
    after = args[at + 1] if at + 1 < len(args) else None
    return command, after if after is not None and not after.startswith("-") else None


def _first_word(args: list[str]) -> tuple[int, str] | None:
    """Where in ``args`` and what the first argument is that is a command, ``--`` or a help
    option (the global options and their values passed over), or None when none is."""
    values = iter(enumerate(args))
    for at, arg in values:
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            next(values, None)
        elif arg in ("--", *HELP_OPTIONS) or not arg.startswith("-"):
            return at, arg
    return None


def _only_subcommand(app: typer.Typer, group_name: str, name: str) -> None:
    """Keep only command ``name`` of group ``group_name``, when the group has it (so that only
    its parameters are read; an unknown name keeps every command for the error's hint). A
    group with its own parameters (``themes SESSION COMMAND``) keeps every command: the word
    after its name may be one of them."""
    from typer.main import get_command_name

    for group in app.registered_groups:
        instance = group.typer_instance
        if group.name != group_name or instance is None or instance.registered_callback:
            continue
        commands = instance.registered_commands
        named = [
            command
            for command in commands
            if (command.name or get_command_name(getattr(command.callback, "__name__", ""))) == name
        ]
        if named:
            commands[:] = named


def _add_listed(app: typer.Typer) -> None:
    """Every command as the whole app's help lists it: its name and help (no module of a
    command is imported, no parameter read)."""
    for name, (key, is_group) in LISTED.items():
        if is_group:
            app.add_typer(typer.Typer(help=t(key)), name=name)
        else:
            app.command(name, help=t(key))(_listed)


def _listed() -> None:
    """A command of the listing, which answers only its help (never run)."""
    raise AssertionError("the listing answers only its help")


def is_listing(args: list[str]) -> bool:
    """True if ``args`` ask for the whole app's help: nothing, or a help option before any
    command and any ``--`` (not the value of a global option): what the app answers is the
    list of its commands."""
    found = _first_word(args)
    return not args if found is None else found[1] in HELP_OPTIONS


def _registrars(command: str | None) -> list[str]:
    """The modules to register: the one of ``command`` when it is known, else every one."""
    if command in COMMANDS:
        return [COMMANDS[command]]
    return list(dict.fromkeys(COMMANDS.values()))


HELP_CHROME = {
    "ARGUMENTS_PANEL_TITLE": "help.arguments",
    "OPTIONS_PANEL_TITLE": "help.options",
    "COMMANDS_PANEL_TITLE": "help.commands",
    "ERRORS_PANEL_TITLE": "help.error",
    "REQUIRED_LONG_STRING": "help.required",
    "DEFAULT_STRING": "help.default",
    "ABORTED_TEXT": "help.aborted",
    "RICH_HELP": "help.try",
}


def translate_help_chrome() -> None:
    """Put Typer's own panel titles and markers ("Options", "[required]" ...) in our language."""
    from typer import rich_utils

    for name, key in HELP_CHROME.items():
        setattr(rich_utils, name, t(key))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``facilitate`` command."""
    args = sys.argv[1:] if argv is None else argv
    set_language(detect_language(args, os.environ))
    from facilitate.app.invocation import argument_problem, environment_problem
    from facilitate.i18n.messages import render

    problem = argument_problem(args) or environment_problem(os.environ)
    if problem:  # bytes that are not UTF-8 would break every line that shows them
        translate = Translator(get_language())
        print_error(f"{translate('err.prefix')}: {render(problem, translate)}")
        sys.exit(int(ExitCode.BAD_INPUT))
    if get_language() != "en" and (not args or "--help" in args or "-h" in args):
        translate_help_chrome()
    app = build_app(*invoked_command(args), listing=is_listing(args))
    # What is loaded by now (modules, classes, the command) lives as long as the process: the
    # garbage collector need not look through it again at each full collection (5 % of a
    # small command's instructions, more for a long listing).
    gc.freeze()
    app(args=args, prog_name="facilitate")
