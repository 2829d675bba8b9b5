"""`facilitate sessions show`: one session at any size.

By default its facts and runs, its entries counted by run, step and kind, and the last
entries (``--last N``), from the session's digest and the journal's end; ``--all`` every
entry, a line each, and ``--json`` the whole state, each entry written as the journal is
read (:mod:`facilitate.app.entry_stream`: memory grows with the entries later edited or
deleted, not with the others).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Annotated

import typer

from facilitate.cli.context import AppContext, app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import json_flag, session_id, warn
from facilitate.errors import UsageError
from facilitate.i18n import t
from facilitate.i18n.messages import message

LAST = 20


def show(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    as_json: Annotated[bool, json_flag()] = False,
    every: Annotated[bool, typer.Option("--all", help=t("overview.opt.all"))] = False,
    last: Annotated[int, typer.Option("--last", metavar="N", help=t("overview.opt.last"))] = LAST,
) -> None:
    if last < 0:
        raise UsageError(message("overview.err.last", got=last))
    app_ctx = app_context(ctx)
    if as_json or every:
        _show_every_entry(app_ctx, session, as_json=as_json)
        return
    from facilitate.app.session_overview import method_texts, read_overview
    from facilitate.ui.session_overview import overview_view

    read = read_overview(app_ctx.store(), session, last=last)
    header, digest = read.session.header, read.digest
    app_ctx.speak_session_language(header.language)
    warn(read.warnings, app_ctx.translate)
    names, labels = method_texts(app_ctx.methods(), header, digest, app_ctx.lang)
    out().print(overview_view(header, digest, read.recent, names, labels, read.live))


def _show_every_entry(app_ctx: AppContext, session: str, *, as_json: bool) -> None:
    """``--json`` or ``--all``: the runs read first, then each entry written as it is read."""
    from facilitate.app.entry_stream import every_entry

    with every_entry(app_ctx.store(), session) as read:
        app_ctx.speak_session_language(read.session.header.language)
        warn(read.warnings, app_ctx.translate)
        if as_json:
            from facilitate.ui.session_json import stream_json

            _write_blocks(
                stream_json(read.session.id, read.session.path, read.state, read, read.live)
            )
            return
        from facilitate.ui.session_overview import entry_lines

        _write_blocks(line + "\n" for line in entry_lines(read.state, read))


def _write_blocks(pieces: Iterable[str], size: int = 1000) -> None:
    """Write ``pieces`` to stdout as they come, ``size`` at a time (a write per piece costs
    more than the piece)."""
    block: list[str] = []
    for piece in pieces:
        block.append(piece)
        if len(block) == size:
            sys.stdout.write("".join(block))
            block.clear()
    sys.stdout.write("".join(block))
