"""The methods a session uses, looked up in the library: their names and their steps.

A session names methods by id (in its header and in each run); these helpers turn the ids
into what people read and check a step named on the command line against them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from facilitate.errors import FacilitateError, MessageLike, UsageError, first_message
from facilitate.i18n.messages import Message, message

_STEP_ROUND_RE = re.compile(r"^(?P<step>.+)#(?P<round>[1-9][0-9]*)$")

if TYPE_CHECKING:  # (the library, YAML, the method and session models when first needed)
    from facilitate.library.methods import Library, LoadedMethod
    from facilitate.model.method import Method
    from facilitate.model.session import SessionHeader, SessionState
    from facilitate.model.session_digest import SessionDigest

ParamOverrides = Mapping[str, str] | Sequence[str]
"""Parameter overrides: ``{"rounds": "4"}``, or as typed on a command line, ``["rounds=4"]``."""


class Methods:
    """Library look-ups for one command: ``cwd`` and ``env`` decide where methods are found."""

    def __init__(self, cwd: Path, env: Mapping[str, str]) -> None:
        self.cwd = cwd
        self.env = env
        self._found: dict[str, Method | None] = {}

    def find(self, method_id: str) -> LoadedMethod:
        """The method ``method_id`` (or a method file's path); NotFoundError with a hint if none."""
        from facilitate.library.methods import find_method

        return find_method(method_id, cwd=self.cwd, env=self.env)

    def library(self) -> Library:
        """Every method the library finds, with the problems of the files it skipped."""
        from facilitate.library.methods import load_library

        return load_library(self.cwd, self.env)

    def get(self, method_id: str) -> Method | None:
        """The method ``method_id``, or None when the library no longer has it (or it is broken)."""
        if method_id not in self._found:
            try:
                self._found[method_id] = self.find(method_id).method
            except FacilitateError:
                self._found[method_id] = None
        return self._found[method_id]

    def problem(self, method_id: str) -> MessageLike | None:
        """What is wrong with ``method_id`` as a session's method (with a hint), or None."""
        from facilitate.model.session_header import is_name

        if not is_name(method_id):
            field, problem = (
                message("sessions.field.method"),
                message("sessions.header.id", got=method_id),
            )
            return message("records.field_problem", field=field, problem=problem)
        try:
            self.find(method_id)
        except FacilitateError as error:
            return first_message(error)
        return None

    def names(self, method_ids: Iterable[str | None], lang: str) -> dict[str, str]:
        """Method id -> the method's name in ``lang``, for the methods the library has."""
        from facilitate.model.session_header import is_name

        names = {}
        for method_id in method_ids:
            method = self.get(method_id) if method_id and is_name(method_id) else None
            if method is not None and method_id:
                names[method_id] = method.name.get(lang)
        return names


def parse_param_options(options: Iterable[str]) -> dict[str, str]:
    """``["rounds=4", "questions=A|B"]`` -> ``{"rounds": "4", "questions": "A|B"}``."""
    values = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not key.strip():
            raise UsageError(message("param.syntax", option=option))
        values[key.strip()] = value.strip()
    return values


def resolve_values(method: Method, overrides: ParamOverrides) -> dict[str, Any]:
    """The method's parameter values with ``overrides``; a bad one is a UsageError (exit 2)."""
    from facilitate.model.params import ParameterError, resolve_params

    raw = dict(overrides) if isinstance(overrides, Mapping) else parse_param_options(overrides)
    try:
        return resolve_params(method, raw)
    except ParameterError as error:
        params = dict(error.params)
        hint = params.pop("hint", "")
        problem = Message(error.key, params)
        if hint:
            problem = problem.then(message("v.did_you_mean", hint=hint))
        raise UsageError(problem) from None


def param_hints(method: Method, overrides: ParamOverrides) -> list[Message]:
    """Hints for --param values that were probably meant otherwise (a list with commas)."""
    from facilitate.model.params import list_hints

    try:
        raw = dict(overrides) if isinstance(overrides, Mapping) else parse_param_options(overrides)
    except UsageError:
        return []  # resolve_values reports it
    return [Message(hint.key, dict(hint.params)) for hint in list_hints(method, raw)]


def session_methods(header: SessionHeader, state: SessionState | SessionDigest) -> list[str]:
    """The methods a session names: its header's, then those its runs ran (no timers)."""
    ids = [header.method] if header.method else []
    ids += [run.method for run in state.runs if not run.is_timer]
    return list(dict.fromkeys(ids))


class MethodSource(Protocol):
    """Where the methods a session ran are looked up (:class:`Methods`, or a test's own)."""

    def get(self, method_id: str) -> Method | None: ...


def methods_of(
    header: SessionHeader, state: SessionState | SessionDigest, methods: MethodSource
) -> dict[str, Method]:
    """The methods the session names (:func:`session_methods`) that ``methods`` has."""
    found = {}
    for method_id in session_methods(header, state):
        method = methods.get(method_id)
        if method is not None:
            found[method_id] = method
    return found


def check_step(
    given: str, header: SessionHeader, state: SessionState, methods: Methods
) -> tuple[str, int | None]:
    """The step (and round) that ``--step`` names: ``harvest`` or ``round#2``.

    It must be a step of the session's method or of a method run in it (UsageError with a
    "did you mean" otherwise); a session without any method takes any step.
    """
    given = given.strip()
    match = _STEP_ROUND_RE.match(given)
    step, round_ = (match["step"], int(match["round"])) if match else (given, None)
    method_ids = session_methods(header, state)
    known: dict[str, None] = {}
    for method_id in method_ids:
        method = methods.get(method_id)
        for method_step in method.steps if method is not None else ():
            known[method_step.id] = None
    for run in state.runs:
        for row in run.steps if not run.is_timer else ():
            known[row.step] = None
    if not method_ids or not known or step in known:
        return step, round_
    from facilitate.model.close_names import did_you_mean

    close = did_you_mean(step, known)
    hint = message("sessions.err.did_you_mean", id=close) if close else ""
    raise UsageError(
        message("sessions.err.unknown_step", step=step, hint=hint, steps=", ".join(known))
    )
