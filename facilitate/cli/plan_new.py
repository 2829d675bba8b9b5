"""`facilitate plan new ID`: write a plan file, asked for in a terminal or given as flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.errors import UsageError
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.library.plan_scaffold import DraftBlock, PlanDraft


def _clock_option(option: str, value: str | None) -> float | None:
    from facilitate.model.plan.clocktime import parse_clock

    if value is None:
        return None
    seconds = parse_clock(value)
    if seconds is None:
        raise UsageError(t("plan.new.bad_clock", option=option, value=value))
    return seconds


def register_new(plan: typer.Typer) -> None:
    """Add `plan new` to the `plan` group."""

    @plan.command("new", help=t("plan.new.help"), epilog=t("plan.new.example"))
    def new(
        ctx: typer.Context,
        plan_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.plan_new_id"))],
        title: Annotated[
            str | None, typer.Option("--title", help=t("opt.plan_title"), metavar="TEXT")
        ] = None,
        date: Annotated[
            str | None, typer.Option("--date", help=t("opt.plan_date"), metavar="YYYY-MM-DD")
        ] = None,
        start: Annotated[
            str | None, typer.Option("--start", help=t("opt.plan_start"), metavar="HH:MM")
        ] = None,
        end: Annotated[
            str | None, typer.Option("--end", help=t("opt.plan_end"), metavar="HH:MM")
        ] = None,
        place: Annotated[
            str | None, typer.Option("--place", help=t("opt.plan_place"), metavar="TEXT")
        ] = None,
        block: Annotated[
            list[str] | None,
            typer.Option("--block", "-b", help=t("opt.plan_block"), metavar="SPEC"),
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("opt.plan_output"), metavar="PATH")
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("opt.force"), metavar="")] = False,
    ) -> None:
        from facilitate.cli.plan import write_durably
        from facilitate.library.methods import display_path
        from facilitate.library.plan_scaffold import check_plan_id, draft_yaml, parse_block_spec
        from facilitate.library.plans import method_map, parse_plan

        app_ctx = app_context(ctx)
        check_plan_id(plan_id)
        target = output or app_ctx.cwd / "plans" / f"{plan_id}.yaml"
        target = target if target.is_absolute() else app_ctx.cwd / target
        shown = display_path(target, app_ctx.cwd)
        if target.exists() and not force:
            raise UsageError(t("plan.new.exists", path=shown))
        methods = method_map(app_ctx.cwd, app_ctx.env)
        blocks = [parse_block_spec(spec, methods) for spec in block or []]
        facts = {"title": title, "date": date, "start": start, "end": end, "place": place}
        if title is None and not blocks and app_ctx.interactive:
            from facilitate.ui.plan_prompts import QuestionaryPlanPrompter, ask_plan_draft

            draft = ask_plan_draft(QuestionaryPlanPrompter(), plan_id, methods, app_ctx.lang)
        else:
            draft = draft_from_flags(plan_id, facts, blocks, app_ctx.lang)
        text = draft_yaml(draft, methods)
        parse_plan(text, shown, methods)  # never write a plan that does not check
        write_durably(target, text)
        out().print(t("plan.new.done", path=shown))
        out().print(t("plan.new.next", path=shown), soft_wrap=True)


def draft_from_flags(
    plan_id: str, facts: dict[str, str | None], blocks: list[DraftBlock], lang: str
) -> PlanDraft:
    """The draft that --title, --date, --start, --end, --place and --block describe."""
    date = facts["date"]
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(t("plan.new.bad_date", value=date)) from None
    start = _clock_option("--start", facts["start"])
    from facilitate.library.plan_scaffold import PlanDraft

    return PlanDraft(
        id=plan_id,
        title=facts["title"] or plan_id,
        start=9 * 3600.0 if start is None else start,
        end=_clock_option("--end", facts["end"]),
        date=date,
        place=facts["place"],
        language=lang,
        blocks=blocks,
    )
