"""`facilitate sessions list | show | history`: read sessions and their records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import json_flag, print_json, session_id, warn
from facilitate.errors import in_words
from facilitate.i18n import t

if TYPE_CHECKING:
    from pathlib import Path

    from facilitate.app.sessions import SessionListing


def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, json_flag()] = False,
    show_all: Annotated[bool, typer.Option("--all", help=t("sessions.opt.all"))] = False,
) -> None:
    from facilitate.app.sessions import list_sessions

    app_ctx = app_context(ctx)
    translate = app_ctx.translate
    store = app_ctx.store()
    listing = list_sessions(store, include_archived=show_all)
    damaged = [(d.id, in_words(d.problem, translate)) for d in listing.damaged]
    warn(listing.warnings, translate)
    warn([translate("sessions.warn.damaged", id=i, problem=p) for i, p in damaged], translate)
    if as_json:
        _print_listing_json(listing, store.root, dict(damaged))
    else:
        _print_listing(listing, store.root, damaged)


def _print_listing_json(listing: SessionListing, root: Path, problems: dict[str, str]) -> None:
    from facilitate.ui.session_data import damaged_data, summary_data

    live = listing.live
    print_json(
        [summary_data(s, root / s.header.id, live.get(s.header.id)) for s in listing.shown]
        + [damaged_data(d.id, d.path, problems[d.id]) for d in listing.damaged]
    )


def _print_listing(listing: SessionListing, root: Path, damaged: list[tuple[str, str]]) -> None:
    from facilitate.ui.session_list import sessions_list

    shown, hidden = listing.shown, listing.hidden
    if not shown and not damaged:
        key = "sessions.none_active" if hidden else "sessions.none"
        out().print(t(key, root=root, archived=hidden), markup=False)
        return
    out().print(sessions_list(shown, damaged, listing.live), crop=False)  # (laid out to fit)
    if hidden:
        out().print(t("sessions.hidden_archived", count=hidden), style="dim", markup=False)


def history(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    as_json: Annotated[bool, json_flag()] = False,
) -> None:
    from facilitate.app.sessions import method_names, read_history
    from facilitate.ui.session_history import history_lines, record_data

    app_ctx = app_context(ctx)
    read = read_history(app_ctx.store(), session)
    app_ctx.speak_session_language(read.session.header.language)
    warn(read.warnings, app_ctx.translate)
    if as_json:
        print_json([record_data(record) for record in read.records])
        return
    if not read.records:
        out().print(t("sessions.label.no_events"), markup=False)
        return
    names = method_names(app_ctx.methods(), read.session.header, read.state(), app_ctx.lang)
    lines = "\n".join(history_lines(read.records, names))
    out().print(lines, markup=False, emoji=False, highlight=False, soft_wrap=True)
