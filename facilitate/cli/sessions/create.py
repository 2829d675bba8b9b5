"""`facilitate sessions new`: create a session (asking for its fields in a terminal)."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from facilitate.cli.context import AppContext, app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import json_flag, print_json
from facilitate.errors import UsageError
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.app.sessions import Session


def new(
    ctx: typer.Context,
    title: Annotated[str | None, typer.Option("--title", help=t("sessions.opt.title"))] = None,
    date: Annotated[str | None, typer.Option("--date", help=t("sessions.opt.date"))] = None,
    place: Annotated[str, typer.Option("--place", help=t("sessions.opt.place"))] = "",
    language: Annotated[
        str | None, typer.Option("--language", "--lang", help=t("sessions.opt.language"))
    ] = None,
    method: Annotated[str | None, typer.Option("--method", help=t("sessions.opt.method"))] = None,
    plan: Annotated[str | None, typer.Option("--plan", help=t("sessions.opt.plan"))] = None,
    facilitator: Annotated[
        list[str] | None, typer.Option("--facilitator", help=t("sessions.opt.facilitator"))
    ] = None,
    as_json: Annotated[bool, json_flag()] = False,
) -> None:
    from facilitate.app.sessions import check_new_session, create_session

    app_ctx = app_context(ctx)
    fields: dict[str, Any] = {
        "title": title,
        "date": date or Date.today().isoformat(),
        "place": place,
        "language": language or app_ctx.lang,
        "method": method,
        "plan": plan,
        "facilitators": list(facilitator or []),
    }
    check_new_session(language=language, method=method, plan=plan)
    if title is None:
        given = {"date_given": date is not None, "language_given": language is not None}
        fields = _ask(app_ctx, fields, given)
    session = create_session(app_ctx.store(), app_ctx.methods(), **fields)
    _print_created(session, as_json)


def _ask(app_ctx: AppContext, fields: dict[str, Any], given: dict[str, bool]) -> dict[str, Any]:
    """The fields, completed by asking in a terminal (UsageError when nobody can answer)."""
    if not app_ctx.interactive:
        raise UsageError(t("sessions.err.title_needed"))
    from facilitate.i18n.messages import render
    from facilitate.ui.session_prompts import ask_session_fields

    app_ctx.store().check_root()  # a store that is a file: say so before asking anything
    methods = app_ctx.methods()

    def problem(method_id: str) -> str | None:
        found = methods.problem(method_id)
        return render(found, app_ctx.translate) if found is not None else None

    asked = ask_session_fields({**fields, **given}, problem)
    return {key: asked[key] for key in fields}


def _print_created(session: Session, as_json: bool) -> None:
    if as_json:
        print_json({**session.header.to_data(), "path": str(session.path)})
        return
    out().print(t("sessions.created", id=session.id), style="bold", markup=False)
    out().print(t("sessions.created_in", path=session.path), style="dim", markup=False)
    out().print(t("sessions.created_next", id=session.id), style="dim", markup=False)
