"""What ``sessions list`` shows of a session: its header, its counts and where its runs stand.

A :class:`ListedSession` is made from a session's digest (:meth:`ListedSession.of`) and kept
for every session in the store's listing index, so it is small: each run keeps only the step
it is at (the listing shows no other), and the number of steps the last run has run. It
reads like the digest where a listing looks (``header``, ``runs``, ``last_run``,
``status``, ``progress``, ``resume_point``, ``current_step``).
"""

from __future__ import annotations

from dataclasses import asdict, fields, replace
from typing import TYPE_CHECKING, Any

from facilitate.model.run_clock import TimerMark
from facilitate.model.session_header import SessionHeader
from facilitate.model.session_state import LastRunView, ResumePoint, Run, StepRun
from facilitate.records import Record

if TYPE_CHECKING:
    from facilitate.model.session_digest import SessionDigest

_COUNTS = ("entries", "deleted_entries", "events", "steps_run")


class ListedSession(LastRunView, Record):
    """A session as listed. ``runs`` each hold only the step they are at (if any)."""

    header: SessionHeader
    entries: int = 0
    deleted_entries: int = 0
    events: int = 0
    last_at: str | None = None
    steps_run: int = 0
    """How many steps the last run has run (its rows in ``sessions show``)."""
    runs: tuple[Run, ...] = ()

    @classmethod
    def of(cls, digest: SessionDigest, header: SessionHeader) -> ListedSession:
        """What a listing shows of ``digest`` (a digest of the session ``header`` names)."""
        return cls(
            header=header,
            entries=digest.entries,
            deleted_entries=digest.deleted_entries,
            events=digest.events,
            last_at=digest.last_at,
            steps_run=len(digest.steps),
            runs=tuple(_at_its_step(run) for run in digest.runs),
        )

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data, without the header (kept beside it)."""
        data: dict[str, Any] = {name: getattr(self, name) for name in _COUNTS}
        data["last_at"] = self.last_at
        data["runs"] = [_run_data(run) for run in self.runs]
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any], header: SessionHeader) -> ListedSession:
        """Rebuild from :meth:`to_data`; TypeError, ValueError or KeyError if it is not one."""
        if not all(type(data[name]) is int for name in _COUNTS):
            raise ValueError("counts must be whole numbers")
        last_at = data["last_at"]
        if last_at is not None and not isinstance(last_at, str):
            raise ValueError("last_at must be a time")
        return cls(
            header=header,
            **{name: data[name] for name in _COUNTS},
            last_at=last_at,
            runs=tuple(_run_from(run) for run in data["runs"]),
        )


def _at_its_step(run: Run) -> Run:
    """``run`` with only the step it is at."""
    current = run.current_step_run
    return replace(run, steps=(current,) if current is not None else ())


def _run_data(run: Run) -> dict[str, Any]:
    data = {field.name: getattr(run, field.name) for field in fields(run)}
    data["steps"] = [asdict(step) for step in run.steps]
    data["resume_point"] = run.resume_point._asdict() if run.resume_point else None
    data["timer_mark"] = asdict(run.timer_mark) if run.timer_mark else None
    return data


def _run_from(data: dict[str, Any]) -> Run:
    point, mark = data["resume_point"], data["timer_mark"]
    run = Run(
        **{
            **data,
            "steps": tuple(StepRun(**step) for step in data["steps"]),
            "resume_point": ResumePoint(**point) if point is not None else None,
            "timer_mark": TimerMark(**mark) if mark is not None else None,
        }
    )
    for part in (run, *run.steps, run.resume_point, run.timer_mark):
        if part is not None:
            _check_fields(part)
    return run


_PLAIN_TYPES: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "str": str,
    "float": (int, float),
    "bool": bool,
    "Progress": str,
    "dict": dict,
    "tuple": tuple,
}
_Spec = tuple[tuple[str, "type | tuple[type, ...]", bool, bool], ...]
_SPECS: dict[type, _Spec] = {}


def _spec(kind: type) -> _Spec:
    """(field, plain type, None allowed, bool allowed) of each plainly typed field of
    ``kind`` (a dataclass or a NamedTuple), read once from its annotations."""
    if kind not in _SPECS:
        named = getattr(kind, "__dataclass_fields__", None)
        annotations = {n: f.type for n, f in named.items()} if named else kind.__annotations__
        spec = []
        for name, annotation in annotations.items():
            options = [option.strip().split("[")[0] for option in str(annotation).split("|")]
            if options[0] in _PLAIN_TYPES:
                spec.append(
                    (name, _PLAIN_TYPES[options[0]], "None" in options, options[0] == "bool")
                )
        _SPECS[kind] = tuple(spec)
    return _SPECS[kind]


def _check_fields(part: Any) -> None:
    """ValueError naming the first field of ``part`` whose value is not of its declared
    plain type (``int``, ``str | None`` ...; a nested class is checked when it is made)."""
    for name, expected, none_allowed, is_bool in _spec(type(part)):
        value = getattr(part, name)
        if value is None and none_allowed:
            continue
        if not isinstance(value, expected) or (isinstance(value, bool) and not is_bool):
            raise ValueError(f"{type(part).__name__}.{name} is not what it declares")
