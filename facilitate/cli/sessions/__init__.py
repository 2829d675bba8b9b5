"""`facilitate sessions ...`: create, list, show, read, annotate, resume, archive, delete.

One module per kind of command; the work is in :mod:`facilitate.app`. Heavy modules (the
journal, the model, questionary, the library) are imported inside the commands, so that
``facilitate --help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from facilitate.cli.context import add_group
from facilitate.i18n import t

def commands() -> dict[str, tuple[Callable[..., Any], str]]:
    """Command name -> (the command, the catalogue prefix of its help and example)."""
    from facilitate.cli.note import note  # (here: it uses this package's shared options)
    from facilitate.cli.sessions import create, entries, manage, reading, show  # (not for `note`)

    return {
        "new": (create.new, "sessions.new"),
        "list": (reading.list_, "sessions.list"),
        "show": (show.show, "sessions.show"),
        "history": (reading.history, "sessions.history"),
        "note": (note, "note"),  # the same command as `facilitate note`
        "edit-entry": (entries.edit_entry, "sessions.edit"),
        "delete-entry": (entries.delete_entry, "sessions.remove"),
        "resume": (manage.resume, "sessions.resume"),
        "archive": (manage.archive, "sessions.archive"),
        "delete": (manage.delete, "sessions.delete"),
    }


def register(app: typer.Typer) -> None:
    """Add the `sessions` command group."""
    group = add_group(app, "sessions", help=t("sessions.help"), epilog=t("sessions.example"))
    for name, (command, key) in commands().items():
        group.command(name, help=t(f"{key}.help"), epilog=t(f"{key}.example"))(command)
