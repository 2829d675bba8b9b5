"""`facilitate sessions ...`: create, list, show, read, annotate, resume, archive, delete.

Heavy modules (the journal, the model, questionary, the library) are imported inside the
commands, so that ``facilitate --help`` stays fast.
"""

from __future__ import annotations

import json
import re
from datetime import date as Date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from facilitate.cli.context import AppContext, add_group, app_context
from facilitate.cli.output import out, print_error
from facilitate.errors import NotFoundError, UsageError
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.app.methods import Methods
    from facilitate.model.session import Entry, SessionState
    from facilitate.store.journal import SessionStore

NOTE_ROLE = "note-taker"
_KIND_RE = re.compile(r"^[a-z][a-z0-9_-]{0,40}$")

SessionId = Annotated[
    str, typer.Argument(metavar="ID", help=t("sessions.arg.id"), show_default=False)
]
JsonFlag = Annotated[bool, typer.Option("--json", help=t("sessions.opt.json"))]
AuthorOption = Annotated[str | None, typer.Option("--author", help=t("sessions.opt.author"))]


def store_of(app_ctx: AppContext) -> SessionStore:
    from facilitate.store.journal import SessionStore

    return SessionStore(app_ctx.sessions_dir)


def methods_of(app_ctx: AppContext) -> Methods:
    from facilitate.app.methods import Methods

    return Methods(app_ctx.cwd, app_ctx.env)


def warn(messages: list[str]) -> None:
    """Print warnings from the journal on stderr."""
    for message in messages:
        print_error(t("sessions.warning", message=message))


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def author_of(app_ctx: AppContext, given: str | None) -> str:
    """Who writes: --author, else the account's author (see AppContext.author)."""
    return given.strip() if given and given.strip() else app_ctx.author


def find_entry(session_id: str, state: SessionState, prefix: str) -> Entry:
    """The live entry whose id is ``prefix`` or starts with it."""
    prefix = prefix.strip().lower()
    exact = state.entry(prefix)
    if exact is not None:
        return exact
    matches = [e for e in state.entries if prefix and e.entry_id.startswith(prefix)]
    if not matches:
        raise NotFoundError(t("sessions.err.no_entry", entry=prefix, id=session_id))
    if len(matches) > 1:
        ids = ", ".join(e.entry_id for e in matches[:5])
        raise UsageError(t("sessions.err.ambiguous_entry", entry=prefix, matches=ids))
    return matches[0]


def check_language(language: str) -> None:
    """A session is held in one of the supported languages (its records and exports use it)."""
    from facilitate.model.session import SESSION_LANGUAGES

    if language not in SESSION_LANGUAGES:
        raise UsageError(t("sessions.err.bad_language", got=language))


def register(app: typer.Typer) -> None:
    """Add the `sessions` command group."""
    sessions = add_group(app, "sessions", help=t("sessions.help"), epilog=t("sessions.example"))

    @sessions.command("new", help=t("sessions.new.help"), epilog=t("sessions.new.example"))
    def new(
        ctx: typer.Context,
        title: Annotated[str | None, typer.Option("--title", help=t("sessions.opt.title"))] = None,
        date: Annotated[str | None, typer.Option("--date", help=t("sessions.opt.date"))] = None,
        place: Annotated[str, typer.Option("--place", help=t("sessions.opt.place"))] = "",
        language: Annotated[
            str | None, typer.Option("--language", "--lang", help=t("sessions.opt.language"))
        ] = None,
        method: Annotated[
            str | None, typer.Option("--method", help=t("sessions.opt.method"))
        ] = None,
        plan: Annotated[str | None, typer.Option("--plan", help=t("sessions.opt.plan"))] = None,
        facilitator: Annotated[
            list[str] | None, typer.Option("--facilitator", help=t("sessions.opt.facilitator"))
        ] = None,
        as_json: JsonFlag = False,
    ) -> None:
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
        if method and plan:
            raise UsageError(t("sessions.err.method_and_plan"))
        if language is not None:
            check_language(language)
        store = store_of(app_ctx)
        methods = methods_of(app_ctx)
        if title is None:
            if not app_ctx.interactive:
                raise UsageError(t("sessions.err.title_needed"))
            from facilitate.ui.session_prompts import ask_session_fields

            store.check_root()  # a store that is a file: say so before asking anything
            asked = ask_session_fields(
                {**fields, "date_given": date is not None, "language_given": language is not None},
                methods.problem,
            )
            fields = {key: asked[key] for key in fields}
        if fields["method"] and (problem := methods.problem(fields["method"])):
            raise UsageError(problem)
        session = store.create(**fields)
        if as_json:
            print_json({**session.header.to_data(), "path": str(session.path)})
            return
        out().print(t("sessions.created", id=session.id), style="bold", markup=False)
        out().print(t("sessions.created_in", path=session.path), style="dim", markup=False)
        out().print(t("sessions.created_next", id=session.id), style="dim", markup=False)

    @sessions.command("list", help=t("sessions.list.help"), epilog=t("sessions.list.example"))
    def list_(
        ctx: typer.Context,
        as_json: JsonFlag = False,
        show_all: Annotated[bool, typer.Option("--all", help=t("sessions.opt.all"))] = False,
    ) -> None:
        from facilitate.ui.session_views import damaged_data, sessions_table, summary_data

        store = store_of(app_context(ctx))
        summaries = store.list()
        warn(store.warnings)
        for summary in summaries:
            warn(summary.warnings)
        damaged = store.damaged
        warn([t("sessions.warn.damaged", id=d.id, problem=d.problem) for d in damaged])
        shown = [s for s in summaries if show_all or s.header.status != "archived"]
        hidden = len(summaries) - len(shown)
        if as_json:
            print_json(
                [summary_data(s.header, s.state, s.session.path) for s in shown]
                + [damaged_data(d.id, d.path, d.problem) for d in damaged]
            )
            return
        if not shown and not damaged:
            key = "sessions.none_active" if hidden else "sessions.none"
            out().print(t(key, root=store.root, archived=hidden), markup=False)
            return
        listed = [(s.header, s.state) for s in shown]
        out().print(sessions_table(listed, [(d.id, d.problem) for d in damaged]))
        if hidden:
            out().print(t("sessions.hidden_archived", count=hidden), style="dim", markup=False)

    @sessions.command("show", help=t("sessions.show.help"), epilog=t("sessions.show.example"))
    def show(ctx: typer.Context, session_id: SessionId, as_json: JsonFlag = False) -> None:
        from facilitate.app.methods import session_methods
        from facilitate.ui.session_views import session_view, state_data

        app_ctx = app_context(ctx)
        session = store_of(app_ctx).open(session_id)
        state = session.state()
        warn(session.warnings)
        if as_json:
            print_json(state_data(session.id, session.path, state))
            return
        names = methods_of(app_ctx).names(session_methods(session.header, state), app_ctx.lang)
        out().print(session_view(session.header, state, names))

    @sessions.command(
        "history", help=t("sessions.history.help"), epilog=t("sessions.history.example")
    )
    def history(ctx: typer.Context, session_id: SessionId, as_json: JsonFlag = False) -> None:
        from facilitate.app.methods import session_methods
        from facilitate.model.session import fold
        from facilitate.ui.session_history import history_lines, record_data

        app_ctx = app_context(ctx)
        session = store_of(app_ctx).open(session_id)
        records = session.records()
        warn(session.warnings)
        if as_json:
            print_json([record_data(record) for record in records])
            return
        if not records:
            out().print(t("sessions.label.no_events"), markup=False)
            return
        used = session_methods(session.header, fold(records, session.header))
        names = methods_of(app_ctx).names(used, app_ctx.lang)
        lines = "\n".join(history_lines(records, names))
        out().print(lines, markup=False, emoji=False, highlight=False, soft_wrap=True)

    @sessions.command("note", help=t("sessions.note.help"), epilog=t("sessions.note.example"))
    def note(
        ctx: typer.Context,
        session_id: SessionId,
        text: Annotated[str, typer.Argument(metavar="TEXT", help=t("sessions.arg.text"))],
        step: Annotated[str | None, typer.Option("--step", help=t("sessions.opt.step"))] = None,
        kind: Annotated[str, typer.Option("--kind", help=t("sessions.opt.kind"))] = "note",
        author: AuthorOption = None,
    ) -> None:
        from facilitate.app.methods import check_step
        from facilitate.model.events import EntryAdded
        from facilitate.store.journal import new_entry_id
        from facilitate.ui.session_text import kind_name

        app_ctx = app_context(ctx)
        if not text.strip():
            raise UsageError(t("sessions.err.empty_text"))
        if not _KIND_RE.match(kind):
            raise UsageError(t("sessions.err.bad_kind", kind=kind))
        session = store_of(app_ctx).open(session_id)
        state = session.state()
        round_ = None
        if step is not None:
            step, round_ = check_step(step, session.header, state, methods_of(app_ctx))
        elif state.progress in ("running", "stopped") and state.current_step_run is not None:
            step, round_ = state.current_step_run.step, state.current_step_run.round
        event = EntryAdded(
            entry_id=new_entry_id(), kind=kind, text=text.strip(), step=step, round=round_
        )
        record = session.append(event, author=author_of(app_ctx, author), role=NOTE_ROLE)
        warn(session.warnings)
        saved = t(
            "sessions.saved",
            kind=kind_name(kind),
            entry=event.entry_id,
            seq=record.seq,
            id=session.id,
        )
        out().print(saved, markup=False)

    @sessions.command("edit-entry", help=t("sessions.edit.help"), epilog=t("sessions.edit.example"))
    def edit_entry(
        ctx: typer.Context,
        session_id: SessionId,
        entry: Annotated[str, typer.Argument(metavar="ENTRY", help=t("sessions.arg.entry"))],
        text: Annotated[str, typer.Argument(metavar="TEXT", help=t("sessions.arg.new_text"))],
        author: AuthorOption = None,
    ) -> None:
        from facilitate.model.events import EntryEdited

        app_ctx = app_context(ctx)
        if not text.strip():
            raise UsageError(t("sessions.err.empty_text"))
        session = store_of(app_ctx).open(session_id)
        found = find_entry(session.id, session.state(), entry)
        event = EntryEdited(entry_id=found.entry_id, text=text.strip())
        record = session.append(event, author=author_of(app_ctx, author), role=NOTE_ROLE)
        warn(session.warnings)
        out().print(t("sessions.saved_edit", entry=found.entry_id, seq=record.seq), markup=False)

    @sessions.command(
        "delete-entry", help=t("sessions.remove.help"), epilog=t("sessions.remove.example")
    )
    def delete_entry(
        ctx: typer.Context,
        session_id: SessionId,
        entry: Annotated[str, typer.Argument(metavar="ENTRY", help=t("sessions.arg.entry"))],
        reason: Annotated[
            str | None, typer.Option("--reason", help=t("sessions.opt.reason"))
        ] = None,
        author: AuthorOption = None,
    ) -> None:
        from facilitate.model.events import EntryDeleted

        app_ctx = app_context(ctx)
        session = store_of(app_ctx).open(session_id)
        found = find_entry(session.id, session.state(), entry)
        event = EntryDeleted(entry_id=found.entry_id, reason=(reason or "").strip() or None)
        record = session.append(event, author=author_of(app_ctx, author), role=NOTE_ROLE)
        warn(session.warnings)
        out().print(t("sessions.saved_delete", entry=found.entry_id, seq=record.seq), markup=False)

    @sessions.command("resume", help=t("sessions.resume.help"), epilog=t("sessions.resume.example"))
    def resume(
        ctx: typer.Context,
        session_id: SessionId,
        quiet: Annotated[bool, typer.Option("--quiet", help=t("sessions.opt.quiet"))] = False,
        auto_advance: Annotated[
            bool, typer.Option("--auto-advance", help=t("sessions.opt.auto_advance"))
        ] = False,
        speed: Annotated[
            float | None, typer.Option("--speed", help=t("sessions.opt.speed"))
        ] = None,
        warn_at: Annotated[
            str | None, typer.Option("--warn", help=t("sessions.opt.warn"), metavar="TIMES")
        ] = None,
    ) -> None:
        from facilitate.cli.run import resume_run

        app_ctx = app_context(ctx)
        if speed is not None and speed <= 0:
            raise UsageError(t("sessions.err.bad_speed"))
        session = store_of(app_ctx).open(session_id)
        if speed is None:
            speed = session.state().speed
            warn(session.warnings)
        options: dict[str, Any] = {"quiet": quiet, "auto_advance": auto_advance, "speed": speed}
        if warn_at is not None:
            options["warn"] = warn_at
        resume_run(app_ctx, session_id, **options)

    @sessions.command(
        "archive", help=t("sessions.archive.help"), epilog=t("sessions.archive.example")
    )
    def archive(ctx: typer.Context, session_id: SessionId) -> None:
        store = store_of(app_context(ctx))
        changed = store.archive(session_id)
        key = "sessions.archived" if changed else "sessions.already_archived"
        out().print(t(key, id=session_id, path=store.root / session_id), markup=False)

    @sessions.command("delete", help=t("sessions.delete.help"), epilog=t("sessions.delete.example"))
    def delete(
        ctx: typer.Context,
        session_id: SessionId,
        yes: Annotated[bool, typer.Option("--yes", "-y", help=t("sessions.opt.yes"))] = False,
    ) -> None:
        app_ctx = app_context(ctx)
        store = store_of(app_ctx)
        if not yes:
            question = delete_question(store, session_id)  # an unknown id fails before asking
            if not app_ctx.interactive:
                raise UsageError(t("sessions.err.yes_needed"))
            if not typer.confirm(question, default=False):
                print_error(t("sessions.not_deleted"))
                raise typer.Exit(1)
        store.delete(session_id)
        out().print(t("sessions.deleted", id=session_id), markup=False)


def delete_question(store: SessionStore, session_id: str) -> str:
    """What `sessions delete` asks: what would be lost (a damaged session: just its id)."""
    from facilitate.errors import InvalidFileError, JournalError

    try:
        session = store.open(session_id)
        state = session.state()
    except (InvalidFileError, JournalError):
        return t("sessions.delete.confirm_damaged", id=session_id)
    return t(
        "sessions.delete.confirm",
        id=session.id,
        title=session.header.title,
        entries=len(state.entries),
        events=state.events,
    )
