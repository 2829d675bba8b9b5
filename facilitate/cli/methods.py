"""`facilitate methods ...`: list, show, validate, schema and scaffold method files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from facilitate.cli.context import add_group, app_context
from facilitate.cli.output import err, out, print_error
from facilitate.errors import InvalidFileError, NotFoundError, UsageError
from facilitate.i18n import t


def parse_param_options(options: list[str]) -> dict[str, str]:
    """``["rounds=4", "questions=A|B"]`` -> ``{"rounds": "4", "questions": "A|B"}``."""
    values = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not key.strip():
            raise UsageError(t("param.syntax", option=option))
        values[key.strip()] = value.strip()
    return values


def resolve_or_fail(method, options: list[str]) -> dict:
    """Resolve --param options against ``method``; a bad one is a usage error (exit 2)."""
    from facilitate.model.params import ParameterError, resolve_params

    try:
        return resolve_params(method, parse_param_options(options))
    except ParameterError as error:
        params = dict(error.params)
        hint = params.pop("hint", "")
        message = t(error.key, **params)
        raise UsageError(message + (t("v.did_you_mean", hint=hint) if hint else "")) from None


def register(app: typer.Typer) -> None:
    """Add the `methods` command group."""
    methods = add_group(app, "methods", help=t("methods.help"), epilog=t("methods.epilog"))

    @methods.command("list", help=t("methods.list.help"), epilog=t("methods.list.example"))
    def list_(
        ctx: typer.Context,
        as_json: Annotated[bool, typer.Option("--json", help=t("opt.json"), metavar="")] = False,
    ) -> None:
        from facilitate.library.methods import load_library
        from facilitate.ui.method_view import method_summary, methods_table

        app_ctx = app_context(ctx)
        library = load_library(app_ctx.cwd, app_ctx.env)
        for problem in library.problems:
            print_error(t("methods.skipped", problem=str(problem)))
        loaded = sorted(library.methods.values(), key=lambda m: m.method.id)
        if as_json:
            data = [method_summary(m, app_ctx.lang) for m in loaded]
            out().print_json(json.dumps(data, ensure_ascii=False))
            return
        out().print(methods_table(loaded, app_ctx.lang))
        for method_id, hidden in sorted(library.overridden.items()):
            for h in hidden:
                err().print(
                    t("methods.overrides", id=method_id, origin=t(f"origin.{h.origin}")),
                    style="dim",
                )

    @methods.command("show", help=t("methods.show.help"), epilog=t("methods.show.example"))
    def show(
        ctx: typer.Context,
        method_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.method_id"))],
        param: Annotated[
            list[str] | None,
            typer.Option("--param", "-p", help=t("opt.param"), metavar="KEY=VALUE"),
        ] = None,
    ) -> None:
        from facilitate.library.methods import find_method
        from facilitate.ui.method_view import method_details

        app_ctx = app_context(ctx)
        loaded = find_method(method_id, cwd=app_ctx.cwd, env=app_ctx.env)
        values = resolve_or_fail(loaded.method, param or [])
        out().print(method_details(loaded, values, app_ctx.lang))

    @methods.command(
        "validate", help=t("methods.validate.help"), epilog=t("methods.validate.example")
    )
    def validate(
        ctx: typer.Context,
        paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help=t("arg.paths"))],
    ) -> None:
        from facilitate.library.methods import (
            SUFFIXES,
            display_path,
            method_files,
            validate_method_file,
        )

        app_ctx = app_context(ctx)
        files: list[Path] = []
        for path in paths:
            if path.is_dir():
                files += method_files(path)
            elif path.exists() or path.suffix in SUFFIXES:
                files.append(path)
            else:
                raise NotFoundError(t("lib.no_such_file", path=path))
        if not files:
            raise UsageError(t("methods.validate.none"))
        failed = 0
        for path in files:
            try:
                method = validate_method_file(path, cwd=app_ctx.cwd)
            except (InvalidFileError, NotFoundError) as error:
                failed += 1
                for line in error.lines():
                    print_error(line)
                continue
            out().print(
                t("methods.validate.ok", path=display_path(path, app_ctx.cwd), id=method.id)
            )
        if failed:
            print_error(t("methods.validate.summary", failed=failed, total=len(files)))
            raise typer.Exit(2)

    @methods.command("schema", help=t("methods.schema.help"), epilog=t("methods.schema.example"))
    def schema() -> None:
        from facilitate.model.method import Method

        data = Method.model_json_schema()
        data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        data["title"] = "facilitate method"
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))

    @methods.command("new", help=t("methods.new.help"), epilog=t("methods.new.example"))
    def new(
        ctx: typer.Context,
        method_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.new_id"))],
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("opt.output"), metavar="PATH")
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("opt.force"), metavar="")] = False,
    ) -> None:
        from facilitate.library.methods import display_path
        from facilitate.library.scaffold import scaffold_method

        app_ctx = app_context(ctx)
        target = output or app_ctx.cwd / "methods" / f"{method_id}.yaml"
        if target.exists() and not force:
            raise UsageError(t("methods.new.exists", path=display_path(target, app_ctx.cwd)))
        text = scaffold_method(method_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        shown = display_path(target, app_ctx.cwd)
        out().print(t("methods.new.done", path=shown))
        out().print(t("methods.new.next", path=shown, id=method_id))
