"""Command-line values that need no conversion, taken as they are.

Typer (pinned below 0.30) converts every parameter's value through a pydantic ``TypeAdapter``
that it builds on first use, even for an option left out (its value None) or a text that is
already a ``str``. Building them imports pydantic (about 40 % of a small command's start-up)
and one adapter per parameter (a note has twenty). :func:`take_plain_values_as_given` makes
each parameter's conversion lazy. A value that is None, a ``str`` for a text, a list of
``str`` for a list of texts, an ``int`` or ``float`` default within the parameter's bounds, or
a whole number typed as plain digits (``--last 5``) within them is the value Typer's adapter
would give, so it is used as it is. A path typed as text becomes a ``Path`` and gets Typer's
own checks (``coerce_cli_path``: exists, readable …); an empty one is an error, where Typer
would take it for the current folder. Any other value (a number with a sign,
spaces or a point, a choice) goes through Typer's own adapter, built then, so its checks and
its error messages are Typer's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args, get_origin

from typer import BadParameter
from typer import core as typer_core
from typer._click import Context
from typer._param_types import coerce_cli_path

from facilitate.i18n import t

_typer_build = typer_core.build_runtime_param
_MISSING = object()


class PlainValues:
    """One parameter's conversion: plain values as given, others by Typer's adapter."""

    def __init__(self, descriptor: Any) -> None:
        self.descriptor = descriptor
        self._typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Context) -> Any:
        """The converted value, as Typer's ``RuntimeParam.coerce`` gives it."""
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        plain = self._as_given(value, param, ctx)
        if plain is not _MISSING:
            return plain
        if self._typer is None:
            self._typer = _typer_build(self.descriptor)
        return self._typer.coerce(value, param=param, ctx=ctx)

    def _as_given(self, value: Any, param: Any, ctx: Context) -> Any:
        """What Typer's adapter would give for ``value`` when that needs no adapter, else
        ``_MISSING``."""
        info = self.descriptor.parameter_info
        if info.parser is not None or self.descriptor.file_annotation is not None:
            return _MISSING
        annotation = self.descriptor.annotation
        if get_origin(annotation) is list and type(value) in (list, tuple):
            items = [self._leaf(get_args(annotation)[0], item, param, ctx) for item in value]
            return _MISSING if _MISSING in items else items
        return self._leaf(annotation, value, param, ctx)

    def _leaf(self, annotation: Any, value: Any, param: Any, ctx: Context) -> Any:
        info = self.descriptor.parameter_info
        if annotation is str and type(value) is str:
            return value
        if annotation in (int, float) and type(value) is annotation and _within(value, info):
            return value
        if annotation is int and type(value) is str and value.isascii() and value.isdigit():
            number = int(value)  # (plain digits: what pydantic makes of them)
            return number if _within(number, info) else _MISSING
        if annotation is Path and info.path_type in (None, Path) and type(value) is str:
            if "\0" in value:  # (Typer's adapter words the error)
                return _MISSING
            if not value:  # (a path of nothing would be the current folder)
                raise BadParameter(t("parser.empty_path"), ctx=ctx, param=param)
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        return _MISSING


def _within(number: float, info: Any) -> bool:
    """True if ``number`` needs neither clamping nor an error for the parameter's bounds."""
    return (info.min is None or number >= info.min) and (info.max is None or number <= info.max)


def take_plain_values_as_given() -> None:
    """Make every parameter's conversion a :class:`PlainValues` (idempotent)."""
    typer_core.build_runtime_param = PlainValues  # type: ignore[assignment]
