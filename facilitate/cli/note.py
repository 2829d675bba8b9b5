"""`facilitate note SESSION [TEXT]`: enter the group's input, one entry at a time.

With a TEXT (or only payload flags) it records one entry and prints "saved" once it is on
disk, for scripts and second terminals. Without, on a terminal, it is the note-taker's mode
(:mod:`facilitate.cli.note_taking`). `facilitate sessions note` is the same command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out, print_error
from facilitate.cli.sessions.options import author_option, warn
from facilitate.errors import ExitCode, UsageError
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.app.input import EntryRefused, SavedEntry
    from facilitate.i18n import Translator

WHERE = {
    "text": "TEXT",
    "kind": "--kind",
    "card": "--card",
    "card_a": "--points",
    "points_a": "--points",
    "card_b": "--points",
    "points_b": "--points",
    "score": "--score",
    "target": "--target",
    "count": "--count",
    "voter": "--voter",
    "items": "--item",
    "round": "--step",
    "criterion": "-d",
}
"""The option each field of an entry comes from (dimensions and fields name themselves)."""


def _option(name: str, key: str, metavar: str, *short: str) -> Any:
    return typer.Option(name, *short, help=t(key), metavar=metavar, show_default=False)


def note(
    ctx: typer.Context,
    session: Annotated[
        str, typer.Argument(metavar="SESSION", help=t("sessions.arg.id"), show_default=False)
    ],
    text: Annotated[
        str | None, typer.Argument(metavar="TEXT", help=t("note.arg.text"), show_default=False)
    ] = None,
    step: Annotated[str | None, _option("--step", "note.opt.step", "STEP[#ROUND]")] = None,
    run: Annotated[str | None, _option("--run", "note.opt.run", "N")] = None,
    kind: Annotated[str | None, _option("--kind", "note.opt.kind", "KIND")] = None,
    dim: Annotated[list[str] | None, _option("--dim", "note.opt.dim", "DIM=VALUE", "-d")] = None,
    author: Annotated[str | None, author_option()] = None,
    card: Annotated[str | None, _option("--card", "note.opt.card", "ID")] = None,
    points: Annotated[list[str] | None, _option("--points", "note.opt.points", "CARD=N")] = None,
    score: Annotated[str | None, _option("--score", "note.opt.score", "N")] = None,
    target: Annotated[str | None, _option("--target", "note.opt.target", "OPTION")] = None,
    count: Annotated[str | None, _option("--count", "note.opt.count", "N")] = None,
    voter: Annotated[str | None, _option("--voter", "note.opt.voter", "NAME")] = None,
    field: Annotated[list[str] | None, _option("--field", "note.opt.field", "NAME=TEXT")] = None,
    item: Annotated[list[str] | None, _option("--item", "note.opt.item", "ENTRY")] = None,
    value: Annotated[list[str] | None, _option("--value", "note.opt.value", "KEY=VALUE")] = None,
) -> None:
    from facilitate.model.entry_check import EntryDraft

    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)  # speak the session's language (unless --lang)
    payload = payload_of(card, points or [], score, target, count, voter, field, item, value)
    draft = EntryDraft(kind or "", text or "", pairs("-d", dim or []), payload)
    if text is None and payload is None:
        if not app_ctx.interactive:
            raise UsageError(t("note.err.no_text"))
        from facilitate.cli.note_taking import take_notes

        take_notes(app_ctx, session, draft, step=step, run=run, author=author)
        return
    record_one(app_ctx, session, draft, step=step, run=run, author=author)


def record_one(
    app_ctx: Any, session: str, draft: Any, *, step: str | None, run: str | None, author: str | None
) -> None:
    """Record one entry and say where it went; a refused entry: one line per problem, exit 2."""
    from facilitate.app.input import EntryRefused, record_entry

    try:
        saved = record_entry(
            app_ctx.store(),
            app_ctx.methods(),
            session,
            draft,
            author=app_ctx.author_or(author),
            step=step,
            run=run,
        )
    except EntryRefused as refused:
        report_refused(refused, app_ctx.translate)
        raise typer.Exit(int(ExitCode.BAD_INPUT)) from None
    warn(saved.warnings, app_ctx.translate)
    line = saved_line(saved, app_ctx.translate)
    out().print(line, markup=False, emoji=False, highlight=False, soft_wrap=True)


def report_refused(refused: EntryRefused, translate: Translator) -> None:
    """Each problem on its own line, naming the option it comes from."""
    from facilitate.app.input_checks import problem_text

    for problem in refused.problems:
        where = WHERE.get(problem.field) or _where_of(problem.field)
        prefix = f"{where}: " if where else ""
        print_error(f"{translate('err.prefix')}: {prefix}{problem_text(problem, translate)}")


def _where_of(field: str) -> str:
    if field.startswith(("dims.", "fields.")) or field in ("dims", "fields"):
        return ""  # the message names the dimension or the field
    return f"--value {field}"


def saved_line(saved: SavedEntry, translate: Translator) -> str:
    """``saved: note 3f2a… (#12) in SESSION · harvest, run 2 (Storytelling & Harvesting)``."""
    from facilitate.model.events import EntryAdded
    from facilitate.ui.session_text import kind_name

    event = saved.record.event
    kind = event.kind if isinstance(event, EntryAdded) else ""
    line = t(
        "sessions.saved",
        kind=kind_name(kind),
        entry=saved.entry_id,
        seq=saved.record.seq,
        id=saved.session_id,
    )
    return line + where_text(saved, translate)


def where_text(saved: SavedEntry, translate: Translator) -> str:
    """`` · round#4, run 3 (World Café)``, or "" for an entry without a step."""
    target = saved.target
    if target is None or target.label is None:
        return ""
    if target.run is None:
        return t("note.saved_where_no_run", step=target.label)
    from facilitate.app.input_targets import run_label

    run = run_label(target)
    shown = run.render(translate) if run is not None else ""
    return t("note.saved_where", step=target.label, run=shown)


def pairs(option: str, given: list[str]) -> dict[str, str]:
    """``["story=Trelleborg"]`` -> ``{"story": "Trelleborg"}`` (UsageError for ``story``)."""
    found: dict[str, str] = {}
    for pair in given:
        key, sep, rest = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(t("note.err.pair", option=option, given=pair))
        found[key.strip()] = rest
    return found


def payload_of(
    card: str | None,
    points: list[str],
    score: str | None,
    target: str | None,
    count: str | None,
    voter: str | None,
    field: list[str] | None,
    item: list[str] | None,
    value: list[str] | None,
) -> dict[str, Any] | None:
    """The entry's payload fields from the flags, or None when none was given."""
    payload: dict[str, Any] = dict(pairs("--value", value or []))
    if points:
        split = list(pairs("--points", points).items())
        if len(split) != 2 or len(points) != 2:
            raise UsageError(t("note.err.points"))
        (card_a, points_a), (card_b, points_b) = split
        payload |= {"card_a": card_a, "points_a": points_a, "card_b": card_b}
        payload["points_b"] = points_b
    named = {"card": card, "score": score, "target": target, "count": count, "voter": voter}
    payload |= {key: given for key, given in named.items() if given is not None}
    if field:
        payload["fields"] = pairs("--field", field)
    if item:
        payload["items"] = list(item)
    return payload or None


def register(app: typer.Typer) -> None:
    """Add `facilitate note`."""
    app.command("note", help=t("note.help"), epilog=t("note.example"))(note)
