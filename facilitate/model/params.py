"""Parameter values for one run: the method's defaults with the facilitator's overrides."""

from __future__ import annotations

from typing import Any

from facilitate.model.method import Method, Parameter
from facilitate.model.method_checks import (
    did_you_mean,
    parameter_limits,
    parameter_value_problem,
)
from facilitate.model.text import Text

TEXTS_SEPARATOR = "|"
"""Several texts in one ``--param`` value: ``stories=Trelleborg|Svalöv``. A comma is never a
separator (questions and stories hold commas); a lone value with one gets a hint instead."""


class ParameterError(ValueError):
    """An override that does not fit; ``key`` and ``params`` name the message."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _parse(param: Parameter, raw: str) -> Any:
    if param.type in ("integer", "minutes"):
        try:
            return int(raw) if param.type == "integer" else float(raw.replace(",", "."))
        except ValueError:
            return raw
    if param.type == "text":
        return raw
    return [part.strip() for part in raw.split(TEXTS_SEPARATOR) if part.strip()]


def _plain(number: float) -> float | int:
    return int(number) if float(number).is_integer() else number


def _as_text(value: Any) -> Text:
    if isinstance(value, str):
        return Text.same(value)
    sv, en = value.get("sv", ""), value.get("en", "")
    return Text(sv=sv or en, en=en or sv)


def _finish(param: Parameter, value: Any) -> Any:
    if param.type == "text":
        return _as_text(value)
    if param.type == "texts":
        return [_as_text(v) for v in value]
    return value


def resolve_params(method: Method, overrides: dict[str, str] | None = None) -> dict[str, Any]:
    """Defaults overlaid with ``overrides`` ("key" -> raw string), checked against each parameter.

    Numbers stay numbers; "text" becomes :class:`Text`; "texts" a list of :class:`Text`
    (an override separates texts with ``|``).
    """
    values = {pid: p.default for pid, p in method.parameters.items()}
    limits = parameter_limits(method)
    for key, raw in (overrides or {}).items():
        param = method.parameters.get(key)
        if param is None:
            raise ParameterError(
                "param.unknown",
                name=key,
                hint=did_you_mean(key, method.parameters),
                options=", ".join(method.parameters) or "-",
            )
        value = _parse(param, raw)
        limit = limits[key][1] if key in limits else None
        problem = parameter_value_problem(param, value, limit)
        if problem and problem[0] == "v.out_of_range":
            low, high = (_plain(problem[1][k]) for k in ("min", "max"))
            raise ParameterError("param.out_of_range", name=key, value=raw, min=low, max=high)
        if problem and problem[0] == "v.text_control":
            raise ParameterError("param.control", name=key, char=problem[1]["char"])
        if problem:
            raise ParameterError("param.bad_value", name=key, value=raw, type=param.type)
        values[key] = value
    return {pid: _finish(method.parameters[pid], v) for pid, v in values.items()}


def list_hints(method: Method, overrides: dict[str, str] | None = None) -> list[ParameterError]:
    """Hints (not errors) for overrides that were probably meant otherwise.

    A list-of-texts parameter given one value with a comma (``stories=Trelleborg,Svalöv``)
    is one text; the hint shows how several are written.
    """
    hints = []
    for key, raw in (overrides or {}).items():
        param = method.parameters.get(key)
        if param is not None and param.type == "texts" and "," in raw and "|" not in raw:
            parts = [part.strip() for part in raw.split(",") if part.strip()]
            example = TEXTS_SEPARATOR.join(parts)
            hints.append(ParameterError("param.list_hint", name=key, value=raw, example=example))
    return hints


def _to_json(value: Any) -> Any:
    if isinstance(value, Text):
        return {"sv": value.sv, "en": value.en}
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    return value


def params_to_json(values: dict[str, Any]) -> dict[str, Any]:
    """Resolved values as JSON-ready data (a :class:`Text` becomes ``{"sv": ..., "en": ...}``)."""
    return {key: _to_json(value) for key, value in values.items()}


def params_from_json(method: Method, data: dict[str, Any]) -> dict[str, Any]:
    """The values a run was started with, from :func:`params_to_json` data.

    Raw override strings (what older journals kept) are parsed as ``--param`` would be; the
    method's defaults fill parameters it has gained since, and ones it lost are left out.
    Raises :class:`ParameterError` for a stored value that no longer fits.
    """
    values = {pid: p.default for pid, p in method.parameters.items()}
    limits = parameter_limits(method)
    for key, value in data.items():
        param = method.parameters.get(key)
        if param is None:
            continue
        if isinstance(value, str) and param.type != "text":
            value = _parse(param, value)
        if parameter_value_problem(param, value, limits[key][1] if key in limits else None):
            raise ParameterError("param.bad_value", name=key, value=value, type=param.type)
        values[key] = value
    return {pid: _finish(method.parameters[pid], v) for pid, v in values.items()}
