"""The command-line parser's own words in the interface language, and its errors as one line.

Typer (pinned below 0.30) carries its own copy of click with the English words written into
the code: "Usage:", "Show this message and exit.", "No such option: …", and a three-line error
panel. :func:`localise_parser` puts our words in their place, once per process:

- the usage line's prefix and the help option's text come from the catalogue;
- an option without a metavar shows no raw type marker (``<bool>``, ``<str>``): a flag shows
  nothing, a value shows a word such as ``TEXT`` or ``N``; an argument shows its name only,
  and on the usage line ``ID`` rather than ``{ID}``;
- a usage error is one line on stderr, ``facilitate sessions show: error: missing argument ID
  (help: facilitate sessions show -h)``, exit 2, with click's message translated
  (:class:`OneLineErrors`, the root command's base class).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from typer import core as typer_core
from typer._click import core as click_core
from typer._click import formatting as click_formatting
from typer._click.exceptions import ClickException
from typer.core import TyperGroup
from typer.exceptions import Abort

from facilitate.cli.output import print_error
from facilitate.cli.param_values import take_plain_values_as_given
from facilitate.i18n import t

# click's messages (typer 0.29) -> our catalogue keys; named groups become the values.
_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"No such option: (?P<name>\S+)\s+Did you mean (?P<hint>\S+)\?", "parser.no_option_hint"),
    (
        r"No such option: (?P<name>\S+) \(Possible options: (?P<hint>.+)\)",
        "parser.no_option_hint",
    ),
    (r"No such option: (?P<name>\S+)", "parser.no_option"),
    (r"No such command '(?P<name>.+)'\.", "parser.no_command"),
    (r"Missing command\.", "parser.missing_command"),
    (r"Missing argument '(?P<name>.+)'\.", "parser.missing_argument"),
    (r"Missing option '(?P<name>.+)'\.", "parser.missing_option"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)", "parser.extra_arguments"),
    (r"Option '(?P<name>.+)' requires an argument\.", "parser.needs_value"),
    (r"Option '(?P<name>.+)' does not take a value\.", "parser.takes_no_value"),
    (
        r"Invalid value for '(?P<name>.+?)': '(?P<value>.*)' is not a valid (?P<kind>\w+)\.",
        "parser.not_a_kind",
    ),
    (
        r"Invalid value for '(?P<name>.+?)': "
        r"Input should be a valid (?P<kind>integer|number)\b.*",
        "parser.expected_kind",
    ),
    (
        r"Invalid value for '(?P<name>.+?)': "
        r"Input should be greater than or equal to (?P<limit>\S+)",
        "parser.at_least",
    ),
    (
        r"Invalid value for '(?P<name>.+?)': Input should be less than or equal to (?P<limit>\S+)",
        "parser.at_most",
    ),
    (r"Invalid value for '(?P<name>.+?)': (?P<detail>.*)", "parser.invalid_value"),
)
_KINDS = {
    "integer": "parser.kind.integer",
    "float": "parser.kind.number",
    "number": "parser.kind.number",
}
_TYPE_WORDS = {"int": "N", "float": "N", "Path": "PATH"}
_done: list[str] = []


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The messages' patterns, compiled when a command line first needs one (rarely)."""
    return tuple((re.compile(pattern, re.DOTALL), key) for pattern, key in _MESSAGES)


def translate_message(message: str) -> str:
    """click's English error message in the interface language (unknown ones stay as they are)."""
    for pattern, key in _patterns():
        match = pattern.fullmatch(message.strip())
        if match:
            values = {k: v.strip("'") for k, v in match.groupdict().items()}
            if "name" in values:  # ("'--out' / '-o'": an option of two names)
                values["name"] = values["name"].replace("' / '", " / ")
            if "kind" in values:
                values["kind"] = t(_KINDS.get(values["kind"], "parser.kind.value"))
            return t(key, **values)
    return message


def format_usage_error(error: Any) -> None:
    """Print a click usage error as one line: the command, the problem, where help is."""
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "facilitate"
    message = translate_message(error.format_message())
    line = f"{command}: {t('err.prefix')}: {message}"
    if ctx is not None and ctx.command.get_help_option(ctx) is not None:
        line += " " + t("parser.see_help", command=f"{command} {ctx.help_option_names[0]}")
    print_error(line)


def _type_word(param: Any, ctx: Any) -> str | None:
    """What the types column shows for an option without a metavar."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    bare = param.bare_type() if hasattr(param, "bare_type") else "str"
    word = _TYPE_WORDS.get(bare.removeprefix("list[").removesuffix("]"), t("parser.word.text"))
    return f"{word}..." if bare.startswith("list[") else word


def _wrap_display_type(original: Callable[..., str | None]) -> Callable[..., str | None]:
    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if self.metavar is not None:
            return original(self, ctx)
        return _type_word(self, ctx)

    return display_type_rich


def _argument_type(self: Any, ctx: Any) -> str | None:
    """An argument's name column already shows its metavar: no type beside it."""
    return None


def _argument_usage(self: Any) -> str:
    """An argument on the usage line: ``ID`` when required, ``[ID]`` when not."""
    name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
    return f"{name}..." if self.nargs != 1 else name


def _wrap_help_option(original: Callable[..., Any]) -> Callable[..., Any]:
    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = t("parser.help_option")
        return option

    return get_help_option


def _wrap_write_usage(original: Callable[..., None]) -> Callable[..., None]:
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original(self, prog, args, t("parser.usage") if prefix is None else prefix)

    return write_usage


def localise_parser() -> None:
    """Put the parser's words in the current interface language (idempotent per language)."""
    from facilitate.i18n import get_language

    language = get_language()
    if _done == [language]:
        return
    if not _done:
        typer_core.TyperOption.display_type_rich = _wrap_display_type(  # type: ignore[method-assign]
            typer_core.TyperOption.display_type_rich
        )
        typer_core.TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign]
        typer_core.TyperArgument._usage_display_name = _argument_usage  # type: ignore[method-assign]
        click_core.Command.get_help_option = _wrap_help_option(  # type: ignore[method-assign]
            click_core.Command.get_help_option
        )
        click_formatting.HelpFormatter.write_usage = _wrap_write_usage(  # type: ignore[method-assign]
            click_formatting.HelpFormatter.write_usage
        )
    _done[:] = [language]


class OneLineErrors(TyperGroup):
    """A root command whose usage errors are one translated line (exit 2), not a panel."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        localise_parser()
        take_plain_values_as_given()
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as error:
            if type(error).__name__ != "NoArgsIsHelpError":  # its help is already printed
                format_usage_error(error)
            code = error.exit_code
        except Abort:
            print_error(t("help.aborted"))
            code = 1
        else:
            if not standalone_mode:
                return result
            code = result if isinstance(result, int) else 0
        if not standalone_mode:
            raise SystemExit(code)
        sys.exit(code)
