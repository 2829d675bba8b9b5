"""`facilitate methods ...`: list, show, validate, schema and scaffold method files.

The options are made when the app is built, so their help is in that invocation's language.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from facilitate.cli.context import AppContext, add_group, app_context
from facilitate.cli.output import err, out, print_error
from facilitate.errors import InvalidFileError, NotFoundError
from facilitate.i18n import t


def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=t("opt.json"), metavar="")] = False,
) -> None:
    from facilitate.ui.method_view import method_summary, methods_table

    app_ctx = app_context(ctx)
    library = app_ctx.methods().library()
    translate = app_ctx.translate
    for problem in library.problems:
        print_error(translate("methods.skipped", problem=problem.render(translate)))
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


def show(
    ctx: typer.Context,
    method_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.method_id"))],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help=t("opt.param"), metavar="KEY=VALUE"),
    ] = None,
) -> None:
    from facilitate.app.methods import param_hints, resolve_values
    from facilitate.ui.method_view import method_details

    app_ctx = app_context(ctx)
    loaded = app_ctx.methods().find(method_id)
    for hint in param_hints(loaded.method, param or []):
        print_error(hint.render(app_ctx.translate))
    values = resolve_values(loaded.method, param or [])
    out().print(method_details(loaded, values, app_ctx.lang))


def validate(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help=t("arg.paths"))],
) -> None:
    from facilitate.app.method_files import files_to_validate

    app_ctx = app_context(ctx)
    files = files_to_validate(paths)
    failed = sum(not _validate_one(path, app_ctx) for path in files)
    if failed:
        print_error(t("methods.validate.summary", failed=failed, total=len(files)))
        raise typer.Exit(2)


def _validate_one(path: Path, app_ctx: AppContext) -> bool:
    """Check one file: print "ok" or its problems; True if it is valid."""
    from facilitate.app.method_files import check_method_file, display_path

    try:
        method = check_method_file(path, app_ctx.cwd)
    except (InvalidFileError, NotFoundError) as error:
        for line in error.lines(app_ctx.translate):
            print_error(line)
        return False
    out().print(t("methods.validate.ok", path=display_path(path, app_ctx.cwd), id=method.id))
    return True


def schema() -> None:
    from facilitate.model.core_records import json_schema
    from facilitate.model.method_schema import method_schema

    data = json_schema(method_schema())
    data["title"] = "facilitate method"
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def new(
    ctx: typer.Context,
    method_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.new_id"))],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("opt.output"), metavar="PATH")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=t("opt.force"), metavar="")] = False,
) -> None:
    from facilitate.app.method_files import write_new_method

    app_ctx = app_context(ctx)
    target = output or app_ctx.cwd / "methods" / f"{method_id}.yaml"
    shown = write_new_method(method_id, target, cwd=app_ctx.cwd, force=force)
    out().print(t("methods.new.done", path=shown))
    out().print(t("methods.new.next", path=shown, id=method_id))


# command name -> (the command, the catalogue prefix of its help and example)
COMMANDS: dict[str, tuple[Callable[..., Any], str]] = {
    "list": (list_, "methods.list"),
    "show": (show, "methods.show"),
    "validate": (validate, "methods.validate"),
    "schema": (schema, "methods.schema"),
    "new": (new, "methods.new"),
}


def register(app: typer.Typer) -> None:
    """Add the `methods` command group."""
    group = add_group(app, "methods", help=t("methods.help"), epilog=t("methods.epilog"))
    for name, (command, key) in COMMANDS.items():
        group.command(name, help=t(f"{key}.help"), epilog=t(f"{key}.example"))(command)
