"""What the `sessions` commands share: the session id argument, --json, --author, printing.

The arguments and options are made when the app is built (``Annotated[str, session_id()]``
is read then), so their help is in the language of that invocation.
"""

from __future__ import annotations

import json
from typing import Any

import typer

from facilitate.cli.output import print_error
from facilitate.i18n import t


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


def warn(messages: list[str]) -> None:
    """Print warnings from the journal on stderr."""
    for message in messages:
        print_error(t("sessions.warning", message=message))


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
