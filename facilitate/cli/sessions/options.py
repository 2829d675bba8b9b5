"""What the `sessions` commands share: the session id argument, --json, --author, printing.

The arguments and options are made when the app is built (``Annotated[str, session_id()]``
is read then), so their help is in the language of that invocation.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import typer

from facilitate.cli.output import print_error
from facilitate.errors import MessageLike, in_words
from facilitate.i18n import Translator, get_language, t


def session_id() -> Any:
    """The ID argument that names a session."""
    return typer.Argument(metavar="ID", help=t("sessions.arg.id"), show_default=False)


def entry_id() -> Any:
    """The ENTRY argument: an entry's id or the start of it."""
    return typer.Argument(metavar="ENTRY", help=t("sessions.arg.entry"))


def json_flag() -> Any:
    """--json: print data for scripts instead of a view."""
    return typer.Option("--json", help=t("sessions.opt.json"))


def author_option(*, run: bool = False) -> Any:
    """--author: who writes (else FACILITATE_AUTHOR, the session's first facilitator, the
    login name, "facilitator"); ``run``: who signs what a resumed run records."""
    help_key = "records.opt.author_run" if run else "records.opt.author"
    return typer.Option("--author", help=t(help_key), metavar="NAME")


def warn(messages: Sequence[MessageLike], translate: Translator | None = None) -> None:
    """Print warnings from the journal on stderr, in the language of ``translate`` (else the
    current one, which follows the session's as the command's does)."""
    translate = translate or Translator(get_language())
    for message in messages:
        print_error(translate("sessions.warning", message=in_words(message, translate)))


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
