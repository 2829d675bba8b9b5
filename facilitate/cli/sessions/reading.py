"""`facilitate sessions list | show | history`: read sessions and their records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import json_flag, print_json, session_id, warn
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

    store = app_context(ctx).store()
    listing = list_sessions(store, include_archived=show_all)
    warn(listing.warnings)
    warn([t("sessions.warn.damaged", id=d.id, problem=d.problem) for d in listing.damaged])
    if as_json:
        _print_listing_json(listing)
    else:
        _print_listing(listing, store.root)


def _print_listing_json(listing: SessionListing) -> None:
    from facilitate.ui.session_views import damaged_data, summary_data

    print_json(
        [summary_data(s.header, s.digest, s.session.path) for s in listing.shown]
        + [damaged_data(d.id, d.path, d.problem) for d in listing.damaged]
    )


def _print_listing(listing: SessionListing, root: Path) -> None:
    from facilitate.ui.session_list import sessions_list

    shown, damaged, hidden = listing.shown, listing.damaged, listing.hidden
    if not shown and not damaged:
        key = "sessions.none_active" if hidden else "sessions.none"
        out().print(t(key, root=root, archived=hidden), markup=False)
        return
    listed = [(s.header, s.digest) for s in shown]
    out().print(sessions_list(listed, [(d.id, d.problem) for d in damaged]))
    if hidden:
        out().print(t("sessions.hidden_archived", count=hidden), style="dim", markup=False)


def show(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    as_json: Annotated[bool, json_flag()] = False,
) -> None:
    from facilitate.app.sessions import method_names, parameter_labels, read_session
    from facilitate.ui.session_views import session_view, state_data

    app_ctx = app_context(ctx)
    read = read_session(app_ctx.store(), session)
    app_ctx.speak_session_language(read.session.header.language)
    warn(read.warnings)
    header, state = read.session.header, read.state
    if as_json:
        print_json(state_data(read.session.id, read.session.path, state))
        return
    methods = app_ctx.methods()
    names = method_names(methods, header, state, app_ctx.lang)
    labels = parameter_labels(methods, state, app_ctx.lang)
    out().print(session_view(header, state, names, labels))


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
    warn(read.warnings)
    if as_json:
        print_json([record_data(record) for record in read.records])
        return
    if not read.records:
        out().print(t("sessions.label.no_events"), markup=False)
        return
    names = method_names(app_ctx.methods(), read.session.header, read.state(), app_ctx.lang)
    lines = "\n".join(history_lines(read.records, names))
    out().print(lines, markup=False, emoji=False, highlight=False, soft_wrap=True)
