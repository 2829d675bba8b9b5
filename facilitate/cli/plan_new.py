"""`facilitate plan new ID`: write a plan file, asked for in a terminal or given as flags."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from facilitate.cli.context import app_context
from facilitate.cli.output import out
from facilitate.i18n import t


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
        from facilitate.app.plan_files import draft_from_flags, new_plan_target, write_new_plan
        from facilitate.app.plans import Plans

        app_ctx = app_context(ctx)
        target = new_plan_target(plan_id, output, app_ctx.cwd, force=force)
        methods = Plans(app_ctx.cwd, app_ctx.env).methods()
        facts = {"title": title, "date": date, "start": start, "end": end, "place": place}
        draft = draft_from_flags(plan_id, facts, block or [], methods, app_ctx.lang)
        if title is None and not draft.blocks and app_ctx.interactive:
            from facilitate.ui.plan_prompts import QuestionaryPlanPrompter, ask_plan_draft

            draft = ask_plan_draft(QuestionaryPlanPrompter(), plan_id, methods, app_ctx.lang)
        shown = write_new_plan(draft, target, methods, app_ctx.cwd)
        out().print(t("plan.new.done", path=shown))
        out().print(t("plan.new.next", path=shown), soft_wrap=True)
