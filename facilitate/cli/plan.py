"""`facilitate plan ...`: list, show, check, write, export and describe workshop plans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from facilitate.cli.context import AppContext, add_group, app_context
from facilitate.cli.output import err, out, print_error
from facilitate.errors import UsageError
from facilitate.i18n import t

if TYPE_CHECKING:
    import datetime as dt

    from facilitate.app.plans import PlanCheck, Plans


def _plans(app_ctx: AppContext) -> Plans:
    from facilitate.app.plans import Plans

    return Plans(app_ctx.cwd, app_ctx.env)


def register(app: typer.Typer) -> None:
    """Add the `plan` command group."""
    plan = add_group(app, "plan", help=t("plan.help"), epilog=t("plan.epilog"))

    @plan.command("list", help=t("plan.list.help"), epilog=t("plan.list.example"))
    def list_(
        ctx: typer.Context,
        as_json: Annotated[bool, typer.Option("--json", help=t("opt.json"), metavar="")] = False,
    ) -> None:
        from facilitate.ui.plan_view import plan_summary, plans_table

        app_ctx = app_context(ctx)
        library = _plans(app_ctx).library()
        translate = app_ctx.translate
        for problem in library.problems:
            print_error(translate("plan.skipped", problem=problem.render(translate)))
        loaded = sorted(library.plans.values(), key=lambda p: p.programme.id)
        if as_json:
            data = [plan_summary(p, app_ctx.lang) for p in loaded]
            out().print_json(json.dumps(data, ensure_ascii=False))
            return
        if not loaded:
            out().print(t("plan.none"))
            return
        out().print(plans_table(loaded, app_ctx.lang))
        for plan_id, hidden in sorted(library.overridden.items()):
            for h in hidden:
                origin = t(f"origin.{h.origin}")
                err().print(t("plan.overrides", id=plan_id, origin=origin), style="dim")

    @plan.command("show", help=t("plan.show.help"), epilog=t("plan.show.example"))
    def show(
        ctx: typer.Context,
        ref: Annotated[str, typer.Argument(metavar="FILE|ID", help=t("arg.plan_ref"))],
        steps: Annotated[
            bool, typer.Option("--steps", help=t("opt.plan_steps"), metavar="")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help=t("opt.json"), metavar="")] = False,
    ) -> None:
        from facilitate.ui.plan_view import programme_data, programme_view

        app_ctx = app_context(ctx)
        loaded = _plans(app_ctx).find(ref)
        if as_json:
            data = programme_data(loaded.programme, app_ctx.lang, steps=steps)
            out().print_json(json.dumps(data, ensure_ascii=False))
            return
        out().print(programme_view(loaded, app_ctx.lang, steps=steps))

    @plan.command("check", help=t("plan.check.help"), epilog=t("plan.check.example"))
    def check(
        ctx: typer.Context,
        refs: Annotated[
            list[str] | None,
            typer.Argument(metavar="[FILE|ID]...", help=t("arg.plan_refs"), show_default=False),
        ] = None,
    ) -> None:
        from facilitate.app.plans import check_plans

        app_ctx = app_context(ctx)
        checks = check_plans(_plans(app_ctx), refs or [], app_ctx.lang)
        if not checks:
            raise UsageError(t("plan.check.none"))
        if print_checks(checks, app_ctx.lang):
            raise typer.Exit(2)

    @plan.command("export", help=t("plan.export.help"), epilog=t("plan.export.example"))
    def export(
        ctx: typer.Context,
        ref: Annotated[str, typer.Argument(metavar="FILE|ID", help=t("arg.plan_ref"))],
        fmt: Annotated[
            str, typer.Option("--format", "-f", help=t("opt.plan_format"), metavar="md|html|ics")
        ] = "md",
        out_path: Annotated[
            Path | None, typer.Option("--out", "-o", help=t("opt.plan_out"), metavar="PATH")
        ] = None,
        date: Annotated[
            str | None,
            typer.Option("--date", help=t("opt.plan_export_date"), metavar="YYYY-MM-DD"),
        ] = None,
        steps: Annotated[
            bool, typer.Option("--steps", help=t("opt.plan_steps"), metavar="")
        ] = False,
    ) -> None:
        import datetime as dt

        from facilitate.app.plans import EXPORT_FORMATS, display_path, export_plan, save_text

        app_ctx = app_context(ctx)
        if fmt not in EXPORT_FORMATS:
            raise UsageError(t("plan.export.bad_format", format=fmt))
        day = _date_option(date, "plan.export.bad_date")
        loaded = _plans(app_ctx).find(ref)
        stamp = dt.datetime.now(dt.UTC)
        text = export_plan(loaded, fmt, stamp=stamp, day=day, steps=steps)
        if out_path is None:
            typer.echo(text, nl=False)
            return
        target = out_path if out_path.is_absolute() else app_ctx.cwd / out_path
        save_text(target, text)
        out().print(t("plan.export.done", path=display_path(target, app_ctx.cwd)))

    @plan.command("schema", help=t("plan.schema.help"), epilog=t("plan.schema.example"))
    def schema() -> None:
        from facilitate.model.core_records import json_schema
        from facilitate.model.plan.document_schema import plan_schema

        data = json_schema(plan_schema())
        data["title"] = "facilitate plan"
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))

    from facilitate.cli.plan_new import register_new

    register_new(plan)


def print_checks(checks: list[PlanCheck], lang: str) -> bool:
    """Print what `plan check` found, plan by plan, in ``lang``; True when any plan has errors."""
    from facilitate.errors import Problem, in_words
    from facilitate.i18n import Translator
    from facilitate.ui.plan_view import day_line

    translate = Translator(lang)
    failed = False
    for check in checks:
        for problem in check.errors:
            print_error(problem.render(translate))
        for level, p in check.warnings:
            message = f"{translate(f'plan.level.{level}')}: {in_words(p.message, translate)}"
            print_error(str(Problem(p.file, p.line, p.column, p.field, message)))
        if check.day is not None:
            out().print(day_line(check.name, check.day, lang), soft_wrap=True)
        if check.errors:
            failed = True
            warnings = len(check.warnings)
            print_error(
                t(
                    "plan.check.summary",
                    name=check.name,
                    errors=len(check.errors),
                    warnings=warnings,
                )
            )
        else:
            out().print(t("plan.check.ok", name=check.name), soft_wrap=True)
    return failed


def _date_option(value: str | None, key: str) -> dt.date | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(t(key, date=value, value=value)) from None
