"""`facilitate sessions edit-entry | delete-entry`: correct a session's record.

(`facilitate sessions note` is :mod:`facilitate.cli.note`, the same command as `facilitate note`.)
"""

from __future__ import annotations

from typing import Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import author_option, entry_id, session_id, warn
from facilitate.i18n import t


def edit_entry(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    entry: Annotated[str, entry_id()],
    text: Annotated[str, typer.Argument(metavar="TEXT", help=t("sessions.arg.new_text"))],
    author: Annotated[str | None, author_option()] = None,
) -> None:
    from facilitate.app.entries import edit_entry as edit
    from facilitate.model.events import EntryEdited

    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)
    saved = edit(app_ctx.store(), session, entry, text, author=app_ctx.author_or(author))
    warn(saved.warnings)
    message = t("sessions.saved_edit", entry=saved.entry_id, seq=saved.record.seq)
    before = saved.before.text if saved.before is not None else ""
    after = saved.record.event.text if isinstance(saved.record.event, EntryEdited) else text
    lines = [message, t("records.edit.before", text=before), t("records.edit.after", text=after)]
    out().print("\n".join(lines), markup=False, emoji=False, highlight=False)


def delete_entry(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    entry: Annotated[str, entry_id()],
    reason: Annotated[str | None, typer.Option("--reason", help=t("sessions.opt.reason"))] = None,
    author: Annotated[str | None, author_option()] = None,
) -> None:
    from facilitate.app.entries import delete_entry as delete

    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)
    saved = delete(app_ctx.store(), session, entry, author=app_ctx.author_or(author), reason=reason)
    warn(saved.warnings)
    message = t("sessions.saved_delete", entry=saved.entry_id, seq=saved.record.seq)
    if saved.before is not None:
        message += "\n" + t("records.delete.text", text=saved.before.text)
    out().print(message, markup=False, emoji=False, highlight=False)
