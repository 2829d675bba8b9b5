"""`facilitate themes SESSION`: group the session's items into themes, at the prompts or with
one command per change (``create``, ``assign``, ``rename`` …), or from a file (``--from``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click import core as click_core
from typer.core import TyperGroup, TyperOption

from facilitate.cli.context import AppContext, app_context
from facilitate.cli.output import out
from facilitate.cli.sessions.options import author_option, json_flag, print_json, session_id, warn
from facilitate.errors import UsageError
from facilitate.i18n import t

if TYPE_CHECKING:
    from facilitate.app.themes import Change, ThemesSaved
    from facilitate.model.theme_record import Item
    from facilitate.model.themes import ThemeBoard


def _items_option() -> Any:
    return typer.Option("--items", help=t("themes.opt.items"), metavar="3,5,8")


def _theme_arg() -> Any:
    return typer.Argument(metavar="THEME", help=t("themes.arg.theme"))


class Desk:
    """The themes of one session through the application layer (for the prompts too)."""

    def __init__(self, app_ctx: AppContext, session: str, author: str | None) -> None:
        self.app_ctx = app_ctx
        self.session = session
        self.author = app_ctx.author_or(author)
        self.methods = app_ctx.methods()

    def read(self) -> tuple[ThemeBoard, Sequence[Item], Any]:
        from facilitate.app.themes import read_themes

        read = read_themes(self.app_ctx.store(), self.session, self.methods)
        self.session = read.session_id
        return read.board, read.items, read.labels

    def change(self, change: Change) -> list[str]:
        from facilitate.app.themes import change_themes
        from facilitate.ui.themes_view import change_lines

        saved: ThemesSaved = change_themes(
            self.app_ctx.store(), self.session, change, author=self.author, methods=self.methods
        )
        warn(saved.warnings)
        seqs = [r.seq for r in saved.records]
        lines = change_lines(saved.before, saved.after)
        return [*lines, t("themes.saved", first=seqs[0], last=seqs[-1])] if seqs else lines

    def create(self, name: str, refs: Sequence[str]) -> list[str]:
        from facilitate.app import theme_actions

        return self.change(theme_actions.create(name, refs))

    def assign(self, theme: str, refs: Sequence[str]) -> list[str]:
        from facilitate.app import theme_actions

        return self.change(theme_actions.assign(theme, refs))

    def unassign(self, refs: Sequence[str]) -> list[str]:
        from facilitate.app import theme_actions

        return self.change(theme_actions.unassign(refs))

    def rename(self, theme: str, name: str) -> list[str]:
        from facilitate.app import theme_actions

        return self.change(theme_actions.rename(theme, name))

    def merge(self, into: str, others: Sequence[str], name: str | None = None) -> list[str]:
        from facilitate.app import theme_actions

        return self.change(theme_actions.merge(into, others, name))

    def split(self, theme: str, refs: Sequence[str], name: str) -> list[str]:
        from facilitate.app import theme_actions

        return self.change(theme_actions.split(theme, refs, name))

    def remove(self, theme: str) -> list[str]:
        from facilitate.app import theme_actions

        return self.change(theme_actions.remove(theme))

    def suggestions(self) -> Sequence[Any]:
        from facilitate.app.theme_files import suggest

        board, items, _ = self.read()
        return suggest(board, items)


def _desk(ctx: typer.Context) -> Desk:
    desk = ctx.find_object(Desk)
    if desk is None:  # pragma: no cover - the group's callback always makes one
        raise UsageError(t("themes.err.no_session"))
    return desk


def _say(lines: Sequence[str]) -> None:
    for line in lines:
        out().print(line, markup=False, highlight=False, soft_wrap=True)


def themes(
    ctx: typer.Context,
    session: Annotated[str, session_id()],
    from_file: Annotated[
        Path | None, typer.Option("--from", help=t("themes.opt.from"), metavar="FILE")
    ] = None,
    author: Annotated[str | None, author_option()] = None,
) -> None:
    app_ctx = app_context(ctx)
    app_ctx.enter_session(session)
    desk = Desk(app_ctx, session, author)
    ctx.obj = desk
    if ctx.invoked_subcommand is not None:
        return
    if from_file is not None:
        from facilitate.app.theme_files import themes_from_file
        from facilitate.ui.themes_view import change_lines

        saved = themes_from_file(
            app_ctx.store(), session, from_file, author=desk.author, methods=desk.methods
        )
        warn(saved.warnings)
        seqs = [r.seq for r in saved.records]
        _say(change_lines(saved.before, saved.after))
        if seqs:
            _say([t("themes.saved", first=seqs[0], last=seqs[-1])])
        return
    if not app_ctx.interactive:
        raise UsageError(t("themes.err.not_interactive"))
    from facilitate.ui.themes_prompts import LineAnswers, run_desk

    run_desk(desk, LineAnswers(), out(), app_ctx.lang)


def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, json_flag()] = False,
) -> None:
    desk = _desk(ctx)
    board, items, labels = desk.read()
    if as_json:
        from facilitate.ui.themes_view import board_data

        print_json({"session": desk.session, **board_data(board, items)})
        return
    from facilitate.ui.themes_view import board_view

    for part in board_view(board, items, labels, desk.app_ctx.lang):
        out().print(part)


def create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help=t("themes.arg.name"))],
    items: Annotated[str, _items_option()] = "",
) -> None:
    from facilitate.model.theme_refs import split_refs

    _say(_desk(ctx).create(name, split_refs(items)))


def rename(
    ctx: typer.Context,
    theme: Annotated[str, _theme_arg()],
    name: Annotated[str, typer.Argument(metavar="NAME", help=t("themes.arg.new_name"))],
) -> None:
    _say(_desk(ctx).rename(theme, name))


def assign(
    ctx: typer.Context,
    theme: Annotated[str, _theme_arg()],
    items: Annotated[str, _items_option()],
) -> None:
    from facilitate.model.theme_refs import split_refs

    _say(_desk(ctx).assign(theme, split_refs(items)))


def unassign(ctx: typer.Context, items: Annotated[str, _items_option()]) -> None:
    from facilitate.model.theme_refs import split_refs

    _say(_desk(ctx).unassign(split_refs(items)))


def merge(
    ctx: typer.Context,
    into: Annotated[str, typer.Argument(metavar="INTO", help=t("themes.arg.into"))],
    others: Annotated[list[str], typer.Argument(metavar="THEME...", help=t("themes.arg.others"))],
    name: Annotated[
        str | None, typer.Option("--name", help=t("themes.opt.merge_name"), metavar="NAME")
    ] = None,
) -> None:
    _say(_desk(ctx).merge(into, others, name))


def split(
    ctx: typer.Context,
    theme: Annotated[str, _theme_arg()],
    items: Annotated[str, _items_option()],
    name: Annotated[str, typer.Option("--name", help=t("themes.opt.split_name"), metavar="NAME")],
) -> None:
    from facilitate.model.theme_refs import split_refs

    _say(_desk(ctx).split(theme, split_refs(items), name))


def remove(ctx: typer.Context, theme: Annotated[str, _theme_arg()]) -> None:
    _say(_desk(ctx).remove(theme))


def suggest(ctx: typer.Context, as_json: Annotated[bool, json_flag()] = False) -> None:
    desk = _desk(ctx)
    found = desk.suggestions()
    _, items, _ = desk.read()
    numbers = {item.id: item.number for item in items}
    if as_json:
        rows = [
            {
                "kind": s.kind,
                "name": s.name,
                "items": list(s.items),
                "numbers": [numbers[i] for i in s.items if i in numbers],
                "words": list(s.words),
                "similarity": s.similarity,
            }
            for s in found
        ]
        print_json({"session": desk.session, "suggestions": rows})
        return
    from facilitate.ui.themes_view import suggestion_lines

    _say(suggestion_lines(found, numbers))
    if found:
        shown = ",".join(str(numbers[i]) for i in found[0].items if i in numbers)
        _say([t("themes.suggest.accept_with", id=desk.session, name=found[0].name, items=shown)])


COMMANDS: dict[str, Callable[..., None]] = {
    "list": list_,
    "create": create,
    "rename": rename,
    "assign": assign,
    "unassign": unassign,
    "merge": merge,
    "split": split,
    "remove": remove,
    "suggest": suggest,
}


class ThemesGroup(TyperGroup):
    """A group whose own options may follow its SESSION argument (``themes ID --from FILE``):
    a group's parser stops at the first argument, so those options are moved before it."""

    def parse_args(self, ctx: click_core.Context, args: list[str]) -> list[str]:
        own = {name: p for p in self.get_params(ctx) for name in p.opts}
        if args and not args[0].startswith("-"):
            rest, moved = list(args[1:]), []
            while rest and rest[0].split("=", 1)[0] in own:
                option = rest.pop(0)
                moved.append(option)
                param = own[option.split("=", 1)[0]]
                takes_value = isinstance(param, TyperOption) and not param.is_flag
                if takes_value and "=" not in option and rest:
                    moved.append(rest.pop(0))
            args = [*moved, args[0], *rest]
        return super().parse_args(ctx, args)


def register(app: typer.Typer) -> None:
    """Add the `themes` command group."""
    group = typer.Typer(
        cls=ThemesGroup,
        help=t("themes.help"),
        epilog=t("themes.example"),
        no_args_is_help=True,
        invoke_without_command=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    group.callback()(themes)
    for name, command in COMMANDS.items():
        group.command(name, help=t(f"themes.{name}.help"))(command)
    app.add_typer(group, name="themes")
